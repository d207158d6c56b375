-- Contract §5: every engagement log row either feeds the activity (when inside the
-- reporting window) or is listed in dq_rejected_rows. Returns the raw rows that are neither.

with

logs as (

    select * from {{ ref('stg_product__engagement_logs') }}

),

rejected as (

    select * from {{ ref('dq_rejected_rows') }}
    where source_table = 'engagement_logs'

),

activity_days as (

    select * from {{ ref('int_account_role_activity_days') }}

),

reporting_window as (

    select * from {{ ref('int_reporting_window') }}

),

source_counts as (

    select
        event_row_key,
        user_id,
        account_id,
        activity_date,
        count(*) as source_rows

    from logs
    group by event_row_key, user_id, account_id, activity_date

),

rejected_counts as (

    select
        row_key,
        count(*) as rejected_rows

    from rejected
    group by row_key

),

attributed_days as (

    select distinct
        user_id,
        account_id,
        activity_date

    from activity_days

),

checked as (

    select
        source_counts.*,
        coalesce(rejected_counts.rejected_rows, 0) as rejected_rows,
        exists_attributed.user_id is not null as is_attributed,
        source_counts.activity_date > reporting_window.as_of_date as is_after_window

    from source_counts
    cross join reporting_window
    left join rejected_counts
        on source_counts.event_row_key = rejected_counts.row_key
    left join attributed_days as exists_attributed
        on source_counts.user_id = exists_attributed.user_id
        and source_counts.activity_date = exists_attributed.activity_date
        and (
            source_counts.account_id is null
            or source_counts.account_id = exists_attributed.account_id
        )

),

unaccounted as (

    select * from checked
    where
        -- more rejections than rows, or rows left over that are neither used nor rejected
        rejected_rows > source_rows
        or (rejected_rows < source_rows and not is_attributed and not coalesce(is_after_window, false))

)

select * from unaccounted
