-- The KPI of the latest complete month, overall and by plan tier.
-- `dbt compile --select latest_kpi_by_plan_tier`, then run target/compiled/.../latest_kpi_by_plan_tier.sql.

with

segments as (

    select * from {{ ref('multi_role_engagement_by_segment') }}

),

by_plan_tier as (

    select
        segments.period_start,
        segments.plan_tier,
        segments.total_accounts,
        segments.active_accounts,
        segments.multi_role_accounts,
        segments.pct_multi_role_engagement

    from segments
    where segments.period_grain = 'month'
        and segments.period_start = {{ latest_complete_period_start('month') }}
        and segments.industry = 'all'
        and segments.company_size = 'all'

)

select * from by_plan_tier
