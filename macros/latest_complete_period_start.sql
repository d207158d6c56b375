{#- The start of the latest complete period of a grain, as a scalar subquery (for analyses). -#}
{% macro latest_complete_period_start(grain) -%}
    (
        select max(period_start)
        from {{ ref('multi_role_engagement_by_segment') }}
        where period_grain = '{{ grain }}' and is_complete_period
    )
{%- endmacro %}
