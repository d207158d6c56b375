{#
    Validated at parse time so that a wrong value stops the build before anything runs,
    with a message naming the var and its allowed values.
#}
{% macro get_period_grains() %}
    {%- set allowed_grains = ['day', 'week', 'month', 'quarter', 'year'] -%}
    {%- set configured = var('period_grains', ['week', 'month', 'quarter']) -%}
    {%- if configured is string -%}
        {%- set configured = configured.split(',') -%}
    {%- endif -%}
    {%- set grains = [] -%}
    {%- for grain in configured -%}
        {%- set cleaned = grain | string | trim | lower -%}
        {%- if cleaned not in allowed_grains -%}
            {{ exceptions.raise_compiler_error(
                "var 'period_grains' has the value '" ~ grain ~ "', which is not a grain."
                ~ " Allowed values: " ~ allowed_grains | join(', ') ~ ".") }}
        {%- endif -%}
        {%- if cleaned not in grains -%}
            {%- do grains.append(cleaned) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if grains | length == 0 -%}
        {{ exceptions.raise_compiler_error(
            "var 'period_grains' is empty. Allowed values: one or more of "
            ~ allowed_grains | join(', ') ~ ".") }}
    {%- endif -%}
    {{ return(grains) }}
{% endmacro %}
