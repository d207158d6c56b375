{#-
    Role coverage: per counted role, the share of a period's active accounts in which
    someone is active in that role, by plan tier and for all tiers ('all'). Every counted
    role of the product's role system gets a row, so a role nobody uses reads 0, not absent.
-#}
with

account_periods as (

    select * from {{ ref('fct_account_multi_role_engagement') }}

),

user_role_periods as (

    select * from {{ ref('int_account_user_role_periods') }}

),

roles as (

    select * from {{ ref('int_roles_classified') }}

),

counted_role_tags as (

    select distinct role_tag

    from roles
    where counts_toward_multi_role

),

account_active_roles as (

    select distinct
        period_grain,
        period_start,
        account_id,
        role_tag

    from user_role_periods
    where is_active

),

account_periods_with_roll_up as (

    select
        period_grain,
        period_start,
        period_end,
        is_complete_period,
        plan_tier,
        account_id,
        is_active_account

    from account_periods

    union all

    select
        period_grain,
        period_start,
        period_end,
        is_complete_period,
        'all' as plan_tier,
        account_id,
        is_active_account

    from account_periods

),

tier_periods as (

    select
        period_grain,
        period_start,
        period_end,
        is_complete_period,
        plan_tier,
        count(case when is_active_account then account_id end) as active_accounts

    from account_periods_with_roll_up
    group by 1, 2, 3, 4, 5

),

role_counts as (

    select
        account_periods_with_roll_up.period_grain,
        account_periods_with_roll_up.period_start,
        account_periods_with_roll_up.plan_tier,
        account_active_roles.role_tag,
        count(*) as accounts_with_role_active

    from account_periods_with_roll_up
    inner join account_active_roles
        on account_periods_with_roll_up.period_grain = account_active_roles.period_grain
        and account_periods_with_roll_up.period_start = account_active_roles.period_start
        and account_periods_with_roll_up.account_id = account_active_roles.account_id
    group by 1, 2, 3, 4

),

coverage_counts as (

    select
        tier_periods.period_grain,
        tier_periods.period_start,
        tier_periods.period_end,
        tier_periods.is_complete_period,
        tier_periods.plan_tier,
        counted_role_tags.role_tag,
        tier_periods.active_accounts,
        coalesce(role_counts.accounts_with_role_active, 0) as accounts_with_role_active

    from tier_periods
    cross join counted_role_tags
    left join role_counts
        on tier_periods.period_grain = role_counts.period_grain
        and tier_periods.period_start = role_counts.period_start
        and tier_periods.plan_tier = role_counts.plan_tier
        and counted_role_tags.role_tag = role_counts.role_tag

),

coverage as (

    select
        *,
        case
            when active_accounts > 0
                then 100 * cast(accounts_with_role_active as {{ type_double() }}) / active_accounts
        end as pct_role_coverage

    from coverage_counts

)

select * from coverage
