{{ config(materialized='view') }}

with

processed as (

    select * from {{ ref('int_engagement_logs_processed') }}

),

reporting_window as (

    select * from {{ ref('int_reporting_window') }}

),

activity_in_window as (

    select
        processed.account_id,
        processed.user_id,
        processed.role_tag,
        processed.counts_toward_multi_role,
        processed.activity_date

    from processed
    cross join reporting_window
    where processed.rejection_reason is null
        -- events after as_of_date are outside the reporting window, not rejected
        and processed.activity_date <= reporting_window.as_of_date

)

select * from activity_in_window
