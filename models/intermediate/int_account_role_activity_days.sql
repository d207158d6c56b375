with

events as (

    select * from {{ ref('int_engagement_logs_checked') }}

),

assignments as (

    select * from {{ ref('int_role_assignments') }}

),

reporting_window as (

    select * from {{ ref('int_reporting_window') }}

),

events_in_window as (

    select
        events.user_id,
        events.account_id,
        events.activity_at,
        events.activity_date

    from events
    cross join reporting_window
    where events.rejection_reason is null
        -- events after as_of_date are outside the reporting window, not rejected
        and events.activity_date <= reporting_window.as_of_date

),

attributed as (

    -- an event counts for every assignment that covers it, so one event can make a user
    -- active in several roles (and, without a logged account, in several accounts)
    select distinct
        assignments.account_id,
        assignments.user_id,
        assignments.role_tag,
        assignments.counts_toward_multi_role,
        events_in_window.activity_date

    from events_in_window
    inner join assignments
        on {{ assignment_covers_event('assignments', 'events_in_window') }}

)

select * from attributed
