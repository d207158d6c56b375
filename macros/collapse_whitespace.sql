{% macro collapse_whitespace(expression) -%}
    {{ return(adapter.dispatch('collapse_whitespace', 'multi_role_engagement')(expression)) }}
{%- endmacro %}

{% macro default__collapse_whitespace(expression) -%}
    regexp_replace({{ expression }}, '\s+', ' ', 'g')
{%- endmacro %}

{#- Spark replaces every match without a flag, and unescapes backslashes in literals. -#}
{% macro spark__collapse_whitespace(expression) -%}
    regexp_replace({{ expression }}, '\\s+', ' ')
{%- endmacro %}
