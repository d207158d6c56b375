{{ validate_identifier_vars() }}
{{ depends_on_demo_seed('demo_role_classification_system') }}

with

source as (

    select * from {{ source('product', 'role_classification_system') }}

),

renamed as (

    select
        {{ clean_string('id') }} as role_id,
        cast(role_name as {{ dbt.type_string() }}) as role_name

    from source

)

select * from renamed
