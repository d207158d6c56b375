{#
    Like `unique`, and the build log names the duplicated keys, so the owner of the
    source table can find them without querying the warehouse.
#}
{% test unique_with_offending_keys(model, column_name) %}

{%- set duplicates_query -%}
    select
        {{ column_name }} as duplicated_key,
        count(*) as row_count

    from {{ model }}
    where {{ column_name }} is not null
    group by {{ column_name }}
    having count(*) > 1
{%- endset -%}

{{ log_offending_rows(
    duplicates_query ~ ' order by duplicated_key',
    'Duplicate ' ~ column_name ~ ' in ' ~ model.identifier ~ ' (key | rows)') }}

{{ duplicates_query }}

{% endtest %}
