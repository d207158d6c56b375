{{ validate_identifier_vars() }}
{{ depends_on_demo_seed('demo_accounts') }}

with

source as (

    select * from {{ source('product', 'accounts') }}

),

renamed as (

    select
        {{ clean_string('account_id') }} as account_id,
        {{ clean_string('account_name') }} as account_name,
        {{ clean_string('industry') }} as industry,
        cast(employee_count as {{ dbt.type_int() }}) as employee_count,
        {{ clean_string('plan_tier') }} as plan_tier

    from source

)

select * from renamed
