with

periods as (

    select * from {{ ref('int_reporting_periods') }}

),

account_periods as (

    select * from {{ ref('fct_account_multi_role_engagement') }}

),

periods_with_previous as (

    select
        period_grain,
        period_start,
        lag(period_start) over (
            partition by period_grain
            order by period_start
        ) as previous_period_start

    from periods

),

accounts_in_period as (

    -- in this period's base, or in the previous period's base of the same grain
    select
        periods_with_previous.period_grain,
        periods_with_previous.period_start,
        periods_with_previous.previous_period_start,
        account_periods.account_id

    from periods_with_previous
    inner join account_periods
        on periods_with_previous.period_grain = account_periods.period_grain
        and (
            periods_with_previous.period_start = account_periods.period_start
            or periods_with_previous.previous_period_start = account_periods.period_start
        )

),

candidates as (

    select distinct
        period_grain,
        period_start,
        previous_period_start,
        account_id

    from accounts_in_period

),

flagged as (

    select
        candidates.period_grain,
        candidates.period_start,
        candidates.account_id,
        coalesce(previous_period.is_multi_role, false) as was_multi_role,
        coalesce(current_period.is_multi_role, false) as is_multi_role

    from candidates
    left join account_periods as current_period
        on candidates.period_grain = current_period.period_grain
        and candidates.period_start = current_period.period_start
        and candidates.account_id = current_period.account_id
    left join account_periods as previous_period
        on candidates.period_grain = previous_period.period_grain
        and candidates.previous_period_start = previous_period.period_start
        and candidates.account_id = previous_period.account_id

),

classified as (

    select
        *,
        case
            when was_multi_role and is_multi_role then 'retained'
            when was_multi_role then 'lost'
            when is_multi_role then 'gained'
            else 'never'
        end as movement

    from flagged

)

select * from classified
