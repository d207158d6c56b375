with

rostered_accounts as (

    select * from {{ ref('int_account_periods_rostered') }}

),

active_roles as (

    select * from {{ ref('int_account_period_active_roles') }}

),

periods as (

    select * from {{ ref('int_reporting_periods') }}

),

segments as (

    select * from {{ ref('int_account_segments') }}

),

account_periods as (

    select
        rostered_accounts.period_grain,
        rostered_accounts.period_start,
        periods.period_end,
        periods.is_complete_period,
        rostered_accounts.account_id,
        -- an account missing from the accounts table keeps every segment 'unknown'
        coalesce(segments.industry, 'unknown') as industry,
        coalesce(segments.company_size, 'unknown') as company_size,
        coalesce(segments.plan_tier, 'unknown') as plan_tier,
        rostered_accounts.rostered_users,
        coalesce(active_roles.active_users, 0) as active_users,
        coalesce(active_roles.active_roles, 0) as active_roles,
        coalesce(active_roles.active_role_list, '') as active_role_list,
        coalesce(active_roles.active_users, 0) > 0 as is_active_account,
        coalesce(active_roles.is_multi_role, false) as is_multi_role

    from rostered_accounts
    inner join periods
        on rostered_accounts.period_grain = periods.period_grain
        and rostered_accounts.period_start = periods.period_start
    left join active_roles
        on rostered_accounts.period_grain = active_roles.period_grain
        and rostered_accounts.period_start = active_roles.period_start
        and rostered_accounts.account_id = active_roles.account_id
    left join segments
        on rostered_accounts.account_id = segments.account_id

)

select * from account_periods
