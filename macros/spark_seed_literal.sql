{#- One CSV value as a Spark SQL literal: null, a number, a boolean or a quoted string. -#}
{% macro spark_seed_literal(value) -%}
    {%- if value is none -%}
        null
    {%- elif value is sameas true or value is sameas false -%}
        {{ 'true' if value else 'false' }}
    {%- elif value is number -%}
        {{ value }}
    {%- elif value.strftime is defined -%}
        '{{ value.strftime('%Y-%m-%d %H:%M:%S') if value.hour is defined else value.strftime('%Y-%m-%d') }}'
    {%- else -%}
        '{{ value | string | replace('\\', '\\\\') | replace("'", "\\'") }}'
    {%- endif -%}
{%- endmacro %}
