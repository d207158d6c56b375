-- Active accounts of the latest complete month whose people all work in one role, most
-- active users first: the most room to bring a second team in.

with

account_periods as (

    select * from {{ ref('fct_account_multi_role_engagement') }}

),

single_role_accounts as (

    select
        account_periods.account_id,
        account_periods.industry,
        account_periods.company_size,
        account_periods.plan_tier,
        account_periods.active_role_list as only_active_role,
        account_periods.active_users,
        account_periods.rostered_users

    from account_periods
    where account_periods.period_grain = 'month'
        and account_periods.period_start = {{ latest_complete_period_start('month') }}
        and account_periods.active_roles = 1

)

select * from single_role_accounts
order by active_users desc, rostered_users desc, account_id asc
