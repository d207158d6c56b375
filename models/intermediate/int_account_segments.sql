with

accounts as (

    select * from {{ ref('stg_product__accounts') }}

),

size_bands as (

    select * from {{ ref('company_size_bands') }}

),

normalized as (

    select
        account_id,
        account_name,
        coalesce(lower(industry), 'unknown') as industry,
        employee_count,
        coalesce(lower(plan_tier), 'unknown') as plan_tier

    from accounts
    -- an accounts row without an id cannot be joined to; dq_rejected_rows lists it
    where account_id is not null

),

banded as (

    select
        normalized.account_id,
        normalized.account_name,
        normalized.industry,
        coalesce(size_bands.company_size, 'unknown') as company_size,
        normalized.plan_tier

    from normalized
    left join size_bands
        on normalized.employee_count >= size_bands.min_employee_count
        and (
            size_bands.max_employee_count is null
            or normalized.employee_count <= size_bands.max_employee_count
        )

)

select * from banded
