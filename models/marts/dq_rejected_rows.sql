with

roster as (

    select * from {{ ref('int_account_user_roster_checked') }}

),

logs as (

    select * from {{ ref('int_engagement_logs_processed') }}

),

roles as (

    select * from {{ ref('stg_product__role_classification_system') }}

),

accounts as (

    select * from {{ ref('stg_product__accounts') }}

),

rejected_roster_rows as (

    select
        'account_user_roster' as source_table,
        rejection_reason as reason,
        roster_row_key as row_key,
        row_occurrence,
        account_id,
        user_id,
        role_id,
        cast(null as {{ dbt.type_string() }}) as event_id,
        cast(null as {{ dbt.type_timestamp() }}) as activity_at

    from roster
    where rejection_reason is not null

),

rejected_log_rows as (

    select
        'engagement_logs' as source_table,
        rejection_reason as reason,
        event_row_key as row_key,
        row_occurrence,
        account_id,
        user_id,
        cast(null as {{ dbt.type_string() }}) as role_id,
        event_id,
        activity_at

    from logs
    where rejection_reason is not null

),

-- beyond the contract's list: rows without a key cannot be used, so they are recorded
rejected_role_rows as (

    select
        'role_classification_system' as source_table,
        'missing_role_id' as reason,
        {{ row_key(['role_id', 'role_name']) }} as row_key,
        row_number() over (partition by role_name order by role_name) as row_occurrence,
        cast(null as {{ dbt.type_string() }}) as account_id,
        cast(null as {{ dbt.type_string() }}) as user_id,
        role_id,
        cast(null as {{ dbt.type_string() }}) as event_id,
        cast(null as {{ dbt.type_timestamp() }}) as activity_at

    from roles
    where role_id is null

),

rejected_account_rows as (

    select
        'accounts' as source_table,
        'missing_account_id' as reason,
        {{ row_key(['account_id', 'account_name', 'industry', 'employee_count', 'plan_tier']) }} as row_key,
        row_number() over (
            partition by account_name, industry, employee_count, plan_tier
            order by account_name
        ) as row_occurrence,
        account_id,
        cast(null as {{ dbt.type_string() }}) as user_id,
        cast(null as {{ dbt.type_string() }}) as role_id,
        cast(null as {{ dbt.type_string() }}) as event_id,
        cast(null as {{ dbt.type_timestamp() }}) as activity_at

    from accounts
    where account_id is null

),

unioned as (

    select * from rejected_roster_rows
    union all
    select * from rejected_log_rows
    union all
    select * from rejected_role_rows
    union all
    select * from rejected_account_rows

)

select * from unioned
