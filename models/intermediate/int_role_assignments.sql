with

roster as (

    select * from {{ ref('int_account_user_roster_checked') }}

),

roles as (

    select * from {{ ref('int_roles_classified') }}

),

accepted_assignments as (

    -- exact duplicate roster rows are one assignment (contract §5: merged, not rejected)
    select distinct
        roster_row_key,
        account_id,
        user_id,
        role_id,
        valid_from_at,
        valid_to_at

    from roster
    where rejection_reason is null

),

classified as (

    select
        accepted_assignments.roster_row_key as role_assignment_id,
        accepted_assignments.account_id,
        accepted_assignments.user_id,
        accepted_assignments.role_id,
        accepted_assignments.valid_from_at,
        accepted_assignments.valid_to_at,
        -- a role_id missing from role_classification_system is unclassified, never dropped
        coalesce(roles.role_tag, 'unclassified') as role_tag,
        coalesce(roles.counts_toward_multi_role, false) as counts_toward_multi_role

    from accepted_assignments
    left join roles
        on accepted_assignments.role_id = roles.role_id

)

select * from classified
