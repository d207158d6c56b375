-- Every segment combination of the latest complete month, largest segments first.

with

segments as (

    select * from {{ ref('multi_role_engagement_by_segment') }}

),

latest_segments as (

    select segments.*

    from segments
    where segments.period_grain = 'month'
        and segments.period_start = {{ latest_complete_period_start('month') }}

)

select * from latest_segments
order by total_accounts desc, industry asc, company_size asc, plan_tier asc
