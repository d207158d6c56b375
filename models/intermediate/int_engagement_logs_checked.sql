with

logs as (

    select * from {{ ref('stg_product__engagement_logs') }}

),

assignments as (

    select * from {{ ref('int_role_assignments') }}

),

row_checks as (

    select
        *,
        case
            when user_id is null then 'missing_user_id'
            when activity_at is null then 'missing_activity_date'
            when activity_at > {{ build_started_at() }} then 'future_activity'
        end as row_rejection_reason

    from logs

),

event_copies as (

    select
        *,
        -- copies of one event_id among the rows that passed the row checks (reason null)
        -- are numbered earliest first; only the first goes on
        row_number() over (
            partition by event_id, row_rejection_reason
            order by
                activity_at asc,
                account_id asc nulls last,
                event_name asc nulls last,
                row_occurrence asc
        ) as event_copy_number

    from row_checks

),

candidate_keys as (

    select distinct
        user_id,
        account_id,
        activity_at

    from event_copies
    where row_rejection_reason is null
        and (event_id is null or event_copy_number = 1)

),

rostered_keys as (

    select distinct
        candidate_keys.user_id,
        candidate_keys.account_id,
        candidate_keys.activity_at

    from candidate_keys
    inner join assignments
        on {{ assignment_covers_event('assignments', 'candidate_keys') }}

),

checked as (

    select
        event_copies.event_row_key,
        event_copies.row_occurrence,
        event_copies.event_id,
        event_copies.user_id,
        event_copies.account_id,
        event_copies.activity_at,
        event_copies.activity_date,
        event_copies.event_name,
        case
            when event_copies.row_rejection_reason is not null
                then event_copies.row_rejection_reason
            when event_copies.event_id is not null and event_copies.event_copy_number > 1
                then 'duplicate_event'
            when rostered_keys.user_id is null then 'user_not_rostered'
        end as rejection_reason

    from event_copies
    left join rostered_keys
        on event_copies.user_id = rostered_keys.user_id
        -- staging turns blank ids into null, so '' can stand for "no account" in the join
        and coalesce(event_copies.account_id, '') = coalesce(rostered_keys.account_id, '')
        and event_copies.activity_at = rostered_keys.activity_at

)

select * from checked
