{#
    Ids and labels arrive as whatever type the warehouse holds; comparing them as
    trimmed strings, with blanks as null, makes ' 42', '42' and 42 one key.
#}
{% macro clean_string(column_name) -%}
    nullif(trim(cast({{ column_name }} as {{ dbt.type_string() }})), '')
{%- endmacro %}
