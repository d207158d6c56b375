{#-
    Every combination of the three segment columns with their roll-up ('all'), each
    counted from the account rows again: percentages are never averaged.
-#}
{%- set segment_columns = ['industry', 'company_size', 'plan_tier'] -%}

with

account_periods as (

    select * from {{ ref('fct_account_multi_role_engagement') }}

),

segment_counts as (

    {% for combination in range(2 ** segment_columns | length) %}
        {%- set kept_columns = [] -%}
        {%- for column in segment_columns -%}
            {%- if (combination // (2 ** loop.index0)) % 2 == 1 -%}
                {%- do kept_columns.append(column) -%}
            {%- endif -%}
        {%- endfor %}
        select
            period_grain,
            period_start,
            period_end,
            is_complete_period,
            {% for column in segment_columns -%}
                {{ column if column in kept_columns else "'all' as " ~ column }},
            {% endfor -%}
            count(*) as total_accounts,
            count(case when is_active_account then account_id end) as active_accounts,
            count(case when is_multi_role then account_id end) as multi_role_accounts

        from account_periods
        group by
            {{ (['period_grain', 'period_start', 'period_end', 'is_complete_period'] + kept_columns)
                | join(',\n            ') }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

with_percentages as (

    select
        *,
        -- divided as 8-byte floats on every engine: Spark would otherwise divide decimals
        -- and round differently from DuckDB and PostgreSQL
        case
            when active_accounts > 0
                then 100 * cast(multi_role_accounts as {{ type_double() }}) / active_accounts
        end as pct_multi_role_engagement,
        case
            when total_accounts > 0
                then 100 * cast(multi_role_accounts as {{ type_double() }}) / total_accounts
        end as pct_multi_role_of_all_accounts

    from segment_counts

)

select * from with_percentages
