{#
    Returns the configured as_of_date as 'YYYY-MM-DD', or none when the var is unset,
    in which case the window ends at the latest accepted activity date. Jinja cannot
    catch a failed strptime, so the calendar is checked by hand first.
#}
{% macro get_as_of_date() %}
    {%- set configured = var('as_of_date', none) -%}
    {%- if configured is none or configured | string | trim | lower in ['', 'none', 'null'] -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set as_text = configured | string | trim -%}
    {%- set is_valid = false -%}
    {%- if modules.re.fullmatch('[0-9]{4}-[0-9]{2}-[0-9]{2}', as_text) -%}
        {%- set year, month, day = as_text.split('-') | map('int') | list -%}
        {%- if year >= 1 and 1 <= month <= 12 -%}
            {%- set first_of_next_month = modules.datetime.date(year + month // 12, month % 12 + 1, 1) -%}
            {%- set days_in_month = (first_of_next_month - modules.datetime.timedelta(days=1)).day -%}
            {%- set is_valid = 1 <= day <= days_in_month -%}
        {%- endif -%}
    {%- endif -%}
    {%- if not is_valid -%}
        {{ exceptions.raise_compiler_error(
            "var 'as_of_date' has the value '" ~ configured ~ "'."
            ~ " Allowed values: a calendar date written YYYY-MM-DD, or null for the latest"
            ~ " accepted activity date.") }}
    {%- endif -%}
    {{ return(as_text) }}
{% endmacro %}
