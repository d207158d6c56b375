{#
    Late events: each incremental run reprocesses the days from (latest accepted activity
    date already processed - lookback) on. Validated like the other vars, at parse time.
#}
{% macro get_activity_lookback_days() %}
    {%- set configured = var('activity_lookback_days', 3) -%}
    {%- set as_text = configured | string | trim -%}
    {%- if not modules.re.fullmatch('[0-9]+', as_text) -%}
        {{ exceptions.raise_compiler_error(
            "var 'activity_lookback_days' has the value '" ~ configured ~ "'."
            ~ " Allowed values: a whole number of days, 0 or more.") }}
    {%- endif -%}
    {{ return(as_text | int) }}
{% endmacro %}
