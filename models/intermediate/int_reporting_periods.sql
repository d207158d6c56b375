with

reporting_window as (

    select * from {{ ref('int_reporting_window') }}

),

window_days as (

    {{ day_spine('reporting_window', 'first_activity_date', 'as_of_date') }}

),

period_starts as (

    {% for grain in get_period_grains() %}
        select distinct
            '{{ grain }}' as period_grain,
            {{ period_start_date(grain, 'calendar_date') }} as period_start

        from window_days
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

periods as (

    select
        period_starts.period_grain,
        period_starts.period_start,
        case period_starts.period_grain
            {% for grain in get_period_grains() -%}
                when '{{ grain }}' then {{ period_end_date(grain, 'period_starts.period_start') }}
            {% endfor -%}
        end as period_end,
        reporting_window.as_of_date

    from period_starts
    cross join reporting_window

),

flagged as (

    select
        period_grain,
        period_start,
        period_end,
        period_end <= as_of_date as is_complete_period

    from periods

)

select * from flagged
