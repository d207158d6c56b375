{#
    Returns the configured as_of_date as 'YYYY-MM-DD', or none when the var is unset,
    in which case the window ends at the latest accepted activity date.
#}
{% macro get_as_of_date() %}
    {%- set configured = var('as_of_date', none) -%}
    {%- if configured is none or configured | string | trim | lower in ['', 'none', 'null'] -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set as_text = configured | string | trim -%}
    {%- set parsed = none -%}
    {%- if modules.re.fullmatch('[0-9]{4}-[0-9]{2}-[0-9]{2}', as_text) -%}
        {%- set parsed = modules.datetime.datetime.strptime(as_text, '%Y-%m-%d') -%}
    {%- endif -%}
    {%- if parsed is none -%}
        {{ exceptions.raise_compiler_error(
            "var 'as_of_date' has the value '" ~ configured ~ "'."
            ~ " Allowed values: a calendar date written YYYY-MM-DD, or null for the latest"
            ~ " accepted activity date.") }}
    {%- endif -%}
    {{ return(as_text) }}
{% endmacro %}
