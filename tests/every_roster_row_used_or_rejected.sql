-- Contract §5: every roster row is either an assignment (exact copies merged) or listed
-- in dq_rejected_rows. Returns the raw rows that are neither.

with

roster as (

    select * from {{ ref('stg_product__account_user_roster') }}

),

assignments as (

    select * from {{ ref('int_role_assignments') }}

),

rejected as (

    select * from {{ ref('dq_rejected_rows') }}
    where source_table = 'account_user_roster'

),

rejected_counts as (

    select
        row_key,
        count(*) as rejected_rows

    from rejected
    group by row_key

),

source_counts as (

    select
        roster_row_key,
        count(*) as source_rows

    from roster
    group by roster_row_key

),

unaccounted as (

    select source_counts.*

    from source_counts
    left join assignments
        on source_counts.roster_row_key = assignments.role_assignment_id
    left join rejected_counts
        on source_counts.roster_row_key = rejected_counts.row_key
    where
        -- either all copies went on as one assignment, or all were rejected
        (assignments.role_assignment_id is null and rejected_counts.row_key is null)
        or (assignments.role_assignment_id is not null and rejected_counts.row_key is not null)
        or (rejected_counts.row_key is not null and rejected_counts.rejected_rows != source_counts.source_rows)

)

select * from unaccounted
