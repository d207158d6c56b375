{#
    A readable key that finds a raw row again: its cleaned values joined by '|',
    with '~' standing for null so that null and empty never look alike.
#}
{% macro row_key(column_names) -%}
    {%- set parts = [] -%}
    {%- for column_name in column_names -%}
        {%- do parts.append("coalesce(cast(" ~ column_name ~ " as " ~ dbt.type_string() ~ "), '~')") -%}
        {%- if not loop.last -%}
            {%- do parts.append("'|'") -%}
        {%- endif -%}
    {%- endfor -%}
    {{ dbt.concat(parts) }}
{%- endmacro %}
