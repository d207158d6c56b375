{#
    One row per calendar day (column calendar_date) from first_day_column to
    last_day_column of the one-row relation `bounds`. The numbers come from a fixed
    16384-row series (about 44 years), so nothing is queried at compile time; the data
    test on int_reporting_window fails before a longer window would be cut short.
#}
{% macro day_spine(bounds, first_day_column, last_day_column) -%}
    select calendar_days.calendar_date

    from (
        select
            cast(
                {{ dbt.dateadd('day', 'day_numbers.generated_number - 1', bounds ~ '.' ~ first_day_column) }}
                as date
            ) as calendar_date

        from ({{ dbt.generate_series(16384) }}) as day_numbers
        cross join {{ bounds }}
    ) as calendar_days
    cross join {{ bounds }}
    where calendar_days.calendar_date <= {{ bounds }}.{{ last_day_column }}
{%- endmacro %}
