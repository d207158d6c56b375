{%- set as_of_date = get_as_of_date() -%}

with

processed as (

    select * from {{ ref('int_engagement_logs_processed') }}

),

accepted_events as (

    -- every accepted event is attributed to at least one assignment, so the activity
    -- rows span exactly the accepted events' dates
    select activity_date from processed
    where rejection_reason is null

),

reporting_window as (

    select
        min(activity_date) as first_activity_date,
        {% if as_of_date -%}
            cast('{{ as_of_date }}' as date)
        {%- else -%}
            max(activity_date)
        {%- endif %} as as_of_date

    from accepted_events

)

select * from reporting_window
