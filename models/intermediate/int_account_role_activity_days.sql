{{ config(materialized='view') }}

with

processed as (

    select * from {{ ref('int_engagement_logs_processed') }}

),

roles as (

    select * from {{ ref('int_roles_classified') }}

),

reporting_window as (

    select * from {{ ref('int_reporting_window') }}

),

activity_in_window as (

    select
        processed.account_id,
        processed.user_id,
        processed.role_id,
        processed.activity_date

    from processed
    cross join reporting_window
    where processed.rejection_reason is null
        -- events after as_of_date are outside the reporting window, not rejected
        and processed.activity_date <= reporting_window.as_of_date

),

tagged as (

    -- tags are looked up here, at read time, so the taxonomy can change without a full
    -- refresh; two role_ids with one tag are one role
    select distinct
        activity_in_window.account_id,
        activity_in_window.user_id,
        coalesce(roles.role_tag, 'unclassified') as role_tag,
        coalesce(roles.counts_toward_multi_role, false) as counts_toward_multi_role,
        activity_in_window.activity_date

    from activity_in_window
    left join roles
        on activity_in_window.role_id = roles.role_id

)

select * from tagged
