{{ validate_identifier_vars() }}
{{ depends_on_demo_seed('demo_account_user_roster') }}

with

source as (

    select * from {{ source('product', 'account_user_roster') }}

),

renamed as (

    select
        {{ clean_string('account_id') }} as account_id,
        {{ clean_string('user_id') }} as user_id,
        {{ clean_string('role_id') }} as role_id,
        cast(valid_from as {{ dbt.type_timestamp() }}) as valid_from_at,
        cast(valid_to as {{ dbt.type_timestamp() }}) as valid_to_at

    from source

),

keyed as (

    select
        *,
        {{ row_key(['account_id', 'user_id', 'role_id', 'valid_from_at', 'valid_to_at']) }} as roster_row_key

    from renamed

),

numbered as (

    select
        *,
        -- raw rows can repeat exactly; the copy number gives each copy a key of its own
        row_number() over (
            partition by roster_row_key
            order by roster_row_key
        ) as row_occurrence

    from keyed

)

select * from numbered
