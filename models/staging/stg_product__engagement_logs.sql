{{ validate_identifier_vars() }}
{{ depends_on_demo_seed('demo_engagement_logs') }}

with

source as (

    select * from {{ source('product', 'engagement_logs') }}

),

renamed as (

    select
        {{ clean_string('event_id') }} as event_id,
        {{ clean_string('user_id') }} as user_id,
        {{ clean_string('account_id') }} as account_id,
        cast(activity_date as {{ dbt.type_timestamp() }}) as activity_at,
        cast(cast(activity_date as {{ dbt.type_timestamp() }}) as date) as activity_date,
        {{ clean_string('event_name') }} as event_name

    from source

),

keyed as (

    select
        *,
        {{ row_key(['event_id', 'user_id', 'account_id', 'activity_at', 'event_name']) }} as event_row_key

    from renamed

)

select * from keyed
