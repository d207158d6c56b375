{{ config(severity='warn') }}

{#-
    Lists the role labels (and unknown role_ids) that map to 'unclassified', so the
    seed role_taxonomy can be extended. They are kept and never count (contract §3).
-#}

{%- set unclassified_query -%}
    with

    roles as (

        select * from {{ ref('int_roles_classified') }}

    ),

    assignments as (

        select * from {{ ref('int_role_assignments') }}

    ),

    unclassified_labels as (

        select
            role_id,
            coalesce(role_name, '(null)') as role_name,
            'label not in role_taxonomy' as issue

        from roles
        where is_unclassified

    ),

    unknown_role_ids as (

        select distinct
            assignments.role_id,
            '(none)' as role_name,
            'role_id not in role_classification_system' as issue

        from assignments
        left join roles
            on assignments.role_id = roles.role_id
        where roles.role_id is null

    ),

    unioned as (

        select * from unclassified_labels
        union all
        select * from unknown_role_ids

    )

    select * from unioned
{%- endset -%}

{{ log_offending_rows(
    unclassified_query ~ ' order by role_id',
    'Unclassified roles (role_id | role_name | issue); extend seeds/role_taxonomy.csv') }}

{{ unclassified_query }}
