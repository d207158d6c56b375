{%- set as_of_date = get_as_of_date() -%}

with

events as (

    select * from {{ ref('int_engagement_logs_checked') }}

),

accepted_events as (

    select activity_date from events
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
