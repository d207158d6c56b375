{#-
    The one pass over the raw engagement logs; nothing downstream reads them again.
    Two kinds of rows: the activity (rejection_reason null), one row per
    (account, user, role_id, activity date) that an accepted event is attributed to; and one
    row per rejected raw row, with the first reason of contract §5 that applies.

    Incremental: a run recomputes the days from engagement_reprocess_from_date() on (late
    events within var('activity_lookback_days') are picked up), and rows without a date.
    Spark builds it as a table: parquet tables there cannot delete rows.
-#}
{{ config(
    materialized='table' if target.type == 'spark' else 'incremental',
    incremental_strategy='append',
    pre_hook=[] if target.type == 'spark' else ["{{ delete_reprocessed_engagement_rows() }}"],
) }}
{%- set reprocess_from_date = engagement_reprocess_from_date() %}

with

logs as {{ inline_cte() }} (

    select * from {{ ref('stg_product__engagement_logs') }}

),

assignments as (

    select * from {{ ref('int_role_assignments') }}

),

logs_to_process as {{ inline_cte() }} (

    select * from logs
    {% if reprocess_from_date -%}
        where activity_at >= cast('{{ reprocess_from_date }}' as {{ dbt.type_timestamp() }})
            or activity_at is null
    {%- endif %}

),

-- a full build streams the whole log; an incremental run reads its few days once
row_checks as {{ inline_cte(inline=not reprocess_from_date) }} (

    select
        *,
        case
            when user_id is null then 'missing_user_id'
            when activity_at is null then 'missing_activity_date'
            when activity_at > {{ build_started_at() }} then 'future_activity'
        end as row_rejection_reason

    from logs_to_process

),

passed_rows as {{ inline_cte() }} (

    select * from row_checks
    where row_rejection_reason is null

),

repeated_event_ids as (

    -- only repeated ids need ranking; sorting every row by event_id would cost the most
    select event_id

    from passed_rows
    where event_id is not null
    group by event_id
    having count(*) > 1

),

earlier_copies as (

    -- a copy before the reprocessed days passed the row checks and went on earlier,
    -- so every copy in the reprocessed days is the duplicate (none in a full build)
    select distinct logs.event_id

    from logs
    inner join passed_rows
        on logs.event_id = passed_rows.event_id
    where
        {% if reprocess_from_date -%}
            logs.activity_at < cast('{{ reprocess_from_date }}' as {{ dbt.type_timestamp() }})
            and logs.user_id is not null
        {%- else -%}
            false
        {%- endif %}

),

single_copies as {{ inline_cte() }} (

    select
        passed_rows.*,
        1 as event_copy_number

    from passed_rows
    left join repeated_event_ids
        on passed_rows.event_id = repeated_event_ids.event_id
    where repeated_event_ids.event_id is null

),

repeated_copies as {{ inline_cte() }} (

    select
        passed_rows.*,
        -- one copy of each event_id goes on: the earliest (contract §5 leaves the choice open)
        row_number() over (
            partition by passed_rows.event_id
            order by
                passed_rows.activity_at asc,
                passed_rows.account_id asc nulls last,
                passed_rows.event_name asc nulls last
        ) as event_copy_number

    from passed_rows
    inner join repeated_event_ids
        on passed_rows.event_id = repeated_event_ids.event_id

),

copies as {{ inline_cte() }} (

    select * from single_copies
    union all
    select * from repeated_copies

),

duplicate_checks as {{ inline_cte() }} (

    select
        copies.*,
        case
            when copies.event_copy_number > 1 or earlier_copies.event_id is not null
                then 'duplicate_event'
        end as duplicate_reason

    from copies
    left join earlier_copies
        on copies.event_id = earlier_copies.event_id

),

kept_events as {{ inline_cte() }} (

    select * from duplicate_checks
    where duplicate_reason is null

),

attributed as {{ inline_cte() }} (

    -- an event counts for every assignment that covers it, so one event can make a user
    -- active in several roles (and, without a logged account, in several accounts); an
    -- event no assignment covers finds no partner here
    select
        kept_events.event_id,
        kept_events.user_id,
        kept_events.account_id as event_account_id,
        kept_events.activity_at,
        kept_events.event_name,
        kept_events.activity_date,
        assignments.account_id,
        assignments.role_id,
        assignments.user_id is not null as is_rostered

    from kept_events
    left join assignments
        on {{ assignment_covers_event('assignments', 'kept_events') }}

),

activity_days as (

    -- by role_id, not by tag: a change to role_taxonomy then applies to every day already
    -- processed, without a full refresh
    select distinct
        account_id,
        user_id,
        role_id,
        activity_date

    from attributed
    where is_rostered

),

rejected_rows as (

    select
        event_id,
        user_id,
        account_id,
        activity_at,
        activity_date,
        event_name,
        row_rejection_reason as rejection_reason

    from row_checks
    where row_rejection_reason is not null

    union all

    select
        event_id,
        user_id,
        account_id,
        activity_at,
        activity_date,
        event_name,
        duplicate_reason as rejection_reason

    from duplicate_checks
    where duplicate_reason is not null

    union all

    select
        event_id,
        user_id,
        event_account_id as account_id,
        activity_at,
        activity_date,
        event_name,
        'user_not_rostered' as rejection_reason

    from attributed
    where not is_rostered

),

keyed_rejected_rows as (

    -- the same key as staging's event_row_key, built for the few rejected rows only
    select
        *,
        {{ row_key(['event_id', 'user_id', 'account_id', 'activity_at', 'event_name']) }} as event_row_key

    from rejected_rows

),

numbered_rejected_rows as (

    select
        *,
        -- exact copies share a row key; the copy number gives each a key of its own
        row_number() over (
            partition by event_row_key
            order by rejection_reason
        ) as row_occurrence

    from keyed_rejected_rows

),

processed as (

    select
        activity_date,
        account_id,
        user_id,
        role_id,
        cast(null as {{ dbt.type_string() }}) as rejection_reason,
        cast(null as {{ dbt.type_string() }}) as event_row_key,
        cast(null as {{ dbt.type_bigint() }}) as row_occurrence,
        cast(null as {{ dbt.type_string() }}) as event_id,
        cast(null as {{ dbt.type_timestamp() }}) as activity_at

    from activity_days

    union all

    select
        activity_date,
        account_id,
        user_id,
        cast(null as {{ dbt.type_string() }}) as role_id,
        rejection_reason,
        event_row_key,
        row_occurrence,
        event_id,
        activity_at

    from numbered_rejected_rows

)

select * from processed
