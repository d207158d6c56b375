with

roles as (

    select * from {{ ref('stg_product__role_classification_system') }}

),

taxonomy as (

    select * from {{ ref('role_taxonomy') }}

),

normalized_taxonomy as (

    select
        {{ normalize_label('role_label') }} as role_label,
        {{ normalize_label('role_tag') }} as role_tag,
        counts_toward_multi_role

    from taxonomy

),

normalized_roles as (

    select
        role_id,
        role_name,
        {{ normalize_label('role_name') }} as role_label

    from roles
    -- a role row without an id cannot be joined to; dq_rejected_rows lists it
    where role_id is not null

),

classified as (

    select
        normalized_roles.role_id,
        normalized_roles.role_name,
        normalized_roles.role_label,
        coalesce(normalized_taxonomy.role_tag, 'unclassified') as role_tag,
        coalesce(normalized_taxonomy.counts_toward_multi_role, false) as counts_toward_multi_role,
        normalized_taxonomy.role_tag is null as is_unclassified

    from normalized_roles
    left join normalized_taxonomy
        on normalized_roles.role_label = normalized_taxonomy.role_label

)

select * from classified
