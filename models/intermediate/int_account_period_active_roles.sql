with

user_role_periods as (

    select * from {{ ref('int_account_user_role_periods') }}

),

active_pairs as (

    select
        period_grain,
        period_start,
        account_id,
        user_id,
        role_tag

    from user_role_periods
    where is_active

),

active_roles as (

    select distinct
        period_grain,
        period_start,
        account_id,
        role_tag

    from active_pairs

),

role_lists as (

    select
        period_grain,
        period_start,
        account_id,
        count(*) as active_roles,
        {{ string_agg_sorted('role_tag') }} as active_role_list

    from active_roles
    group by 1, 2, 3

),

user_counts as (

    select
        period_grain,
        period_start,
        account_id,
        count(distinct user_id) as active_users

    from active_pairs
    group by 1, 2, 3

),

combined as (

    select
        user_counts.period_grain,
        user_counts.period_start,
        user_counts.account_id,
        user_counts.active_users,
        role_lists.active_roles,
        role_lists.active_role_list,
        -- two roles and two people among the active pairs always contain two different
        -- people in two different roles: pairs that all share one person or one role
        -- would leave one of the counts at 1
        user_counts.active_users >= 2 and role_lists.active_roles >= 2 as is_multi_role

    from user_counts
    inner join role_lists
        on user_counts.period_grain = role_lists.period_grain
        and user_counts.period_start = role_lists.period_start
        and user_counts.account_id = role_lists.account_id

)

select * from combined
