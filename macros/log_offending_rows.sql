{#
    A failing test only says how many rows it found. Where the rows themselves are
    what the reader needs (duplicate keys, unknown role labels), print them too.
#}
{% macro log_offending_rows(query, message, limit=50) %}
    {%- if execute -%}
        {%- set found = run_query(query ~ ' limit ' ~ limit) -%}
        {%- if found and found.rows | length > 0 -%}
            {%- set listed = [] -%}
            {%- for row in found.rows -%}
                {%- do listed.append(row.values() | join(' | ')) -%}
            {%- endfor -%}
            {{ log(message ~ ': ' ~ listed | join('; '), info=true) }}
        {%- endif -%}
    {%- endif -%}
{% endmacro %}
