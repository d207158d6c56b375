with

roster as (

    select * from {{ ref('stg_product__account_user_roster') }}

),

numbered as (

    select
        *,
        -- exact copies share a row key; the number tells them apart
        row_number() over (
            partition by roster_row_key
            order by roster_row_key
        ) as row_occurrence

    from roster

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

    from numbered

)

select * from checked
