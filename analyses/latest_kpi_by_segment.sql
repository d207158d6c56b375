-- Every segment combination of the latest complete month, largest segments first.

with

segments as (

    select * from {{ ref('multi_role_engagement_by_segment') }}

),

latest_complete_month as (

    select max(period_start) as period_start
    from segments
    where period_grain = 'month' and is_complete_period

),

latest_segments as (

    select segments.*

    from segments
    inner join latest_complete_month
        on segments.period_start = latest_complete_month.period_start
    where segments.period_grain = 'month'

)

select * from latest_segments
order by total_accounts desc, industry asc, company_size asc, plan_tier asc
