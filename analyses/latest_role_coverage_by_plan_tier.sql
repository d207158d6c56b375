-- Which roles are active in the latest complete month, by plan tier: the share of active
-- accounts in which someone works in each role. A tier low on the KPI and on one role lacks
-- that role. `dbt compile --select latest_role_coverage_by_plan_tier`, then run the compiled SQL.

with

coverage as (

    select * from {{ ref('role_coverage_by_plan_tier') }}

),

latest_month as (

    select
        coverage.plan_tier,
        coverage.role_tag,
        coverage.active_accounts,
        coverage.accounts_with_role_active,
        coverage.pct_role_coverage

    from coverage
    where coverage.period_grain = 'month'
        and coverage.period_start = {{ latest_complete_period_start('month') }}

),

ordered as (

    select * from latest_month
    order by plan_tier = 'all' desc, plan_tier asc, pct_role_coverage desc

)

select * from ordered
