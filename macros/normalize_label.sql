{#- Lower case, trimmed, inner runs of white space made one space (contract §3). -#}
{% macro normalize_label(expression) -%}
    lower(trim({{ collapse_whitespace(expression) }}))
{%- endmacro %}
