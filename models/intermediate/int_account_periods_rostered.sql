with

assignments as (

    select * from {{ ref('int_role_assignments') }}

),

periods as (

    select * from {{ ref('int_reporting_periods') }}

),

counted_assignments as (

    select * from assignments
    where counts_toward_multi_role

),

assignments_in_periods as (

    -- holds at some moment of [period_start, period_end + 1 day)
    select
        periods.period_grain,
        periods.period_start,
        counted_assignments.account_id,
        counted_assignments.user_id

    from counted_assignments
    inner join periods
        on (
            counted_assignments.valid_from_at is null
            or counted_assignments.valid_from_at
            < cast({{ dbt.dateadd('day', 1, 'periods.period_end') }} as {{ dbt.type_timestamp() }})
        )
        and (
            counted_assignments.valid_to_at is null
            or counted_assignments.valid_to_at
            > cast(periods.period_start as {{ dbt.type_timestamp() }})
        )

),

account_periods as (

    select
        period_grain,
        period_start,
        account_id,
        count(distinct user_id) as rostered_users

    from assignments_in_periods
    group by 1, 2, 3

)

select * from account_periods
