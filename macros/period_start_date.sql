{#- ISO weeks start on Monday on every supported engine's date_trunc. -#}
{% macro period_start_date(grain, date_expression) -%}
    cast({{ dbt.date_trunc(grain, date_expression) }} as date)
{%- endmacro %}
