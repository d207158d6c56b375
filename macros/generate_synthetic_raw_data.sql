{#
    Writes the four raw tables at any scale, in the warehouse, with set-based SQL:

        dbt run-operation generate_synthetic_raw_data --args '{events: 10000000}'

    Deterministic: the same arguments give the same rows (uniform_random, no random()).
    About one account per 2,000 events and eight people per account; accounts vary widely in
    size (a few big ones, many small), heavy users log most events, activity grows over the
    year, and the role mix leans on contributors and viewers with few analysts. A few rows
    are bad on purpose (no user, repeated event ids) so the rejection path carries load too.

    append: true adds events only (ids from first_event_index on) to existing tables; with
    first_event_day and event_days every event falls on those days (one new day for an
    incremental run). days: length of the year the events span.
#}
{% macro generate_synthetic_raw_data(events, accounts=none, start_date='2025-01-01', days=365,
                                     first_event_day=0, event_days=none, first_event_index=0,
                                     append=false) %}
    {%- set account_count = accounts or [events // 2000, 20] | max -%}
    {%- set user_count = account_count * 8 -%}
    {#- a third of the rostered people never log anything -#}
    {%- set active_user_count = (user_count * 2) // 3 -%}
    {%- set schema = var('raw_schema', 'raw') -%}
    {%- set start_at = "cast('" ~ start_date ~ "' as " ~ dbt.type_timestamp() ~ ")" -%}
    {%- set text = dbt.type_string() -%}

    {%- set users_sql -%}
        select
            series_index as user_index,
            'user_' || cast(series_index as {{ text }}) as user_id,
            -- a few big accounts and many small ones
            cast(floor({{ account_count }} * power({{ uniform_random('series_index', 0) }}, 1.6)) as bigint)
                as account_index,
            {{ uniform_random('series_index', 1) }} as role_draw,
            {{ uniform_random('series_index', 2) }} as change_draw,
            -- people use the product for a stretch of the year, not every day of it
            cast(floor({{ days }} * {{ uniform_random('series_index', 3) }}) as integer) as active_from_day,
            14 + cast(floor({{ days - 14 }} * power({{ uniform_random('series_index', 4) }}, 2)) as integer)
                as active_days
        from {{ integer_series(user_count) }} as series
    {%- endset -%}

    {%- set statements = [] -%}
    {%- if not append -%}
        {%- do statements.append("create schema if not exists " ~ schema) -%}
        {%- for table in ['accounts', 'role_classification_system', 'account_user_roster', 'engagement_logs'] -%}
            {%- do statements.append("drop table if exists " ~ schema ~ "." ~ table) -%}
        {%- endfor -%}
        {%- do statements.append(
            "create table " ~ schema ~ ".role_classification_system as
            select cast(id as " ~ text ~ ") as id, cast(role_name as " ~ text ~ ") as role_name
            from (values ('1', 'Admin'), ('2', 'Workspace Owner'), ('3', 'Editor'), ('4', ' member '),
                ('5', 'Developer'), ('6', 'Data Analyst'), ('7', 'Reporter'), ('8', 'Viewer'),
                ('9', 'Read Only'), ('10', 'Guest'), ('11', 'Bot'), ('12', 'Billing Manager'))
                as roles (id, role_name)") -%}
        {%- do statements.append(
            "create table " ~ schema ~ ".accounts as
            select
                'account_' || cast(series_index as " ~ text ~ ") as account_id,
                'Account ' || cast(series_index as " ~ text ~ ") as account_name,
                case cast(floor(8 * " ~ uniform_random('series_index', 3) ~ ") as integer)
                    when 0 then 'Software' when 1 then 'Retail' when 2 then 'Healthcare'
                    when 3 then 'Financial Services' when 4 then 'Education' when 5 then 'Media'
                    when 6 then 'Manufacturing' else null end as industry,
                cast(floor(power(10, 0.3 + 3.9 * " ~ uniform_random('series_index', 4) ~ ")) as integer)
                    as employee_count,
                case
                    when " ~ uniform_random('series_index', 5) ~ " < 0.35 then 'Free'
                    when " ~ uniform_random('series_index', 5) ~ " < 0.65 then 'Starter'
                    when " ~ uniform_random('series_index', 5) ~ " < 0.88 then 'Growth'
                    else 'Enterprise' end as plan_tier
            from " ~ integer_series(account_count) ~ " as series") -%}
        {%- do statements.append(
            "create table " ~ schema ~ ".account_user_roster as
            with users as (" ~ users_sql ~ "),
            assignments as (
                select
                    user_index,
                    user_id,
                    account_index,
                    case
                        when role_draw < 0.12 then '1' when role_draw < 0.16 then '2'
                        when role_draw < 0.36 then '3' when role_draw < 0.46 then '4'
                        when role_draw < 0.52 then '5' when role_draw < 0.62 then '6'
                        when role_draw < 0.66 then '7' when role_draw < 0.86 then '8'
                        when role_draw < 0.92 then '9' when role_draw < 0.96 then '10'
                        when role_draw < 0.98 then '11' else '12' end as role_id,
                    case when change_draw < 0.5 then null
                        else " ~ dbt.dateadd('day', "cast(floor(" ~ days ~ " * (change_draw - 0.5)) as integer)", start_at) ~ "
                        end as valid_from,
                    -- one person in ten changes role during the year
                    case when change_draw < 0.1 then " ~ dbt.dateadd('day', "cast(floor(" ~ days ~ " * (0.2 + 5 * change_draw)) as integer)", start_at) ~ "
                        end as valid_to
                from users
            ),
            role_changes as (
                select user_index, user_id, account_index,
                    case role_id when '8' then '6' when '3' then '1' else '8' end as role_id,
                    valid_to as valid_from,
                    cast(null as " ~ dbt.type_timestamp() ~ ") as valid_to
                from assignments
                where valid_to is not null
            ),
            roster as (
                select * from assignments
                union all
                select * from role_changes
            )
            select
                'account_' || cast(account_index as " ~ text ~ ") as account_id,
                user_id,
                role_id,
                valid_from,
                valid_to
            from roster
            where valid_from is null or valid_to is null or valid_from < valid_to") -%}
        {%- do statements.append(
            "create table " ~ schema ~ ".engagement_logs (event_id " ~ text ~ ", user_id " ~ text
            ~ ", account_id " ~ text ~ ", activity_date " ~ dbt.type_timestamp() ~ ", event_name " ~ text ~ ")") -%}
    {%- endif -%}

    {%- set event_index = "(series.series_index + " ~ first_event_index ~ ")" -%}
    {%- if event_days -%}
        {#- appended days: every event on one of those days -#}
        {%- set day_number = first_event_day ~ " + cast(floor(" ~ event_days ~ " * drawn.day_draw) as integer)" -%}
    {%- else -%}
        {#- a stretch that runs past the year's end continues at its start -#}
        {%- set day_number = "mod(users.active_from_day"
            ~ " + cast(floor(users.active_days * drawn.day_draw) as integer), " ~ days ~ ")" -%}
    {%- endif -%}
    {%- do statements.append(
        "insert into " ~ schema ~ ".engagement_logs
        with users as (" ~ users_sql ~ "),
        drawn as (
            select
                " ~ event_index ~ " as event_index,
                -- heavy users: the square of a uniform draw favours the first users
                cast(floor(" ~ active_user_count ~ " * power(" ~ uniform_random(event_index, 6) ~ ", 2)) as bigint)
                    as user_index,
                " ~ uniform_random(event_index, 7) ~ " as day_draw,
                " ~ uniform_random(event_index, 2) ~ " as second_draw,
                " ~ uniform_random(event_index, 3) ~ " as quality_draw,
                " ~ uniform_random(event_index, 4) ~ " as account_draw,
                " ~ uniform_random(event_index, 5) ~ " as name_draw
            from " ~ integer_series(events) ~ " as series
        )
        select
            'event_' || cast(case when drawn.quality_draw < 0.001 then drawn.event_index - 1
                else drawn.event_index end as " ~ text ~ ") as event_id,
            case when drawn.quality_draw > 0.9995 then null else users.user_id end as user_id,
            case when drawn.account_draw < 0.1 then null
                else 'account_' || cast(users.account_index as " ~ text ~ ") end as account_id,
            " ~ dbt.dateadd('second', "cast(floor(86400 * drawn.second_draw) as integer)",
                dbt.dateadd('day', day_number, start_at)) ~ " as activity_date,
            case cast(floor(4 * drawn.name_draw) as integer)
                when 0 then 'view' when 1 then 'edit' when 2 then 'share' else 'comment' end as event_name
        from drawn
        inner join users
            on drawn.user_index = users.user_index") -%}

    {%- for statement in statements -%}
        {%- do run_query(statement) -%}
    {%- endfor -%}
    {{ log("generate_synthetic_raw_data: " ~ events ~ " events, " ~ account_count ~ " accounts, "
        ~ user_count ~ " users into " ~ schema ~ (" (appended)" if append else ""), info=true) }}
{% endmacro %}
