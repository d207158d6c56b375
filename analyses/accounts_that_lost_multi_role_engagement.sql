-- Accounts that were multi-role in the previous month and are not in the latest complete
-- month: the first calls for customer success.

with

movement as (

    select * from {{ ref('fct_account_multi_role_movement') }}

),

account_periods as (

    select * from {{ ref('fct_account_multi_role_engagement') }}

),

lost_accounts as (

    select
        movement.period_start,
        movement.account_id,
        account_periods.industry,
        account_periods.company_size,
        account_periods.plan_tier,
        account_periods.active_users,
        account_periods.active_role_list

    from movement
    left join account_periods
        on movement.period_grain = account_periods.period_grain
        and movement.period_start = account_periods.period_start
        and movement.account_id = account_periods.account_id
    where movement.period_grain = 'month'
        and movement.period_start = {{ latest_complete_period_start('month') }}
        and movement.movement = 'lost'

)

select * from lost_accounts
