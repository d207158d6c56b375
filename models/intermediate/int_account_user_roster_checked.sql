with

roster as (

    select * from {{ ref('stg_product__account_user_roster') }}

),

checked as (

    select
        *,
        case
            when account_id is null then 'missing_account_id'
            when user_id is null then 'missing_user_id'
            when role_id is null then 'missing_role_id'
            when valid_to_at <= valid_from_at then 'invalid_validity_range'
        end as rejection_reason

    from roster

)

select * from checked
