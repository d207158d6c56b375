with

activity_days as (

    select * from {{ ref('int_account_role_activity_days') }}

),

periods as (

    select * from {{ ref('int_reporting_periods') }}

),

counted_activity_days as (

    select * from activity_days
    where counts_toward_multi_role

),

activity_in_periods as (

    select
        periods.period_grain,
        periods.period_start,
        counted_activity_days.account_id,
        counted_activity_days.user_id,
        counted_activity_days.role_tag,
        count(distinct counted_activity_days.activity_date) as active_day_count

    from counted_activity_days
    inner join periods
        on counted_activity_days.activity_date >= periods.period_start
        and counted_activity_days.activity_date <= periods.period_end
    group by 1, 2, 3, 4, 5

),

flagged as (

    select
        *,
        active_day_count >= {{ get_min_active_days() }} as is_active

    from activity_in_periods

)

select * from flagged
