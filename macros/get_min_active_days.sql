{% macro get_min_active_days() %}
    {%- set configured = var('min_active_days', 1) -%}
    {%- set as_text = configured | string | trim -%}
    {%- if not modules.re.fullmatch('[0-9]+', as_text) or as_text | int < 1 -%}
        {{ exceptions.raise_compiler_error(
            "var 'min_active_days' has the value '" ~ configured ~ "'."
            ~ " Allowed values: a whole number of days, 1 or more.") }}
    {%- endif -%}
    {{ return(as_text | int) }}
{% endmacro %}
