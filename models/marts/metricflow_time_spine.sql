{#- One row per day of the reporting periods: MetricFlow's calendar (contract §6). -#}

with

periods as (

    select * from {{ ref('int_reporting_periods') }}

),

spine_bounds as (

    select
        min(period_start) as first_day,
        max(period_end) as last_day

    from periods

),

spine as (

    select calendar_days.calendar_date as date_day

    from ({{ day_spine('spine_bounds', 'first_day', 'last_day') }}) as calendar_days

)

select * from spine
