{#
    The last day of the period, inclusive. Quarters and years are counted in months
    because not every engine's interval arithmetic knows a quarter.
#}
{% macro period_end_date(grain, period_start_expression) -%}
    {%- set months_in_grain = {'month': 1, 'quarter': 3, 'year': 12} -%}
    {%- if grain == 'day' -%}
        cast({{ period_start_expression }} as date)
    {%- elif grain == 'week' -%}
        cast({{ dbt.dateadd('day', 6, period_start_expression) }} as date)
    {%- else -%}
        cast({{ dbt.dateadd('day', -1, dbt.dateadd('month', months_in_grain[grain], period_start_expression)) }} as date)
    {%- endif -%}
{%- endmacro %}
