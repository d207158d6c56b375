{% macro is_demo_data_enabled() %}
    {%- set configured = var('load_demo_data', true) | string | trim | lower -%}
    {%- if configured in ['true', '1', 'yes'] -%}
        {{ return(true) }}
    {%- elif configured in ['false', '0', 'no'] -%}
        {{ return(false) }}
    {%- endif -%}
    {{ exceptions.raise_compiler_error(
        "var 'load_demo_data' has the value '" ~ var('load_demo_data') ~ "'."
        ~ " Allowed values: true or false.") }}
{% endmacro %}
