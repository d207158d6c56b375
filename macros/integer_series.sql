{#- A relation of the whole numbers 0 .. row_count - 1 in column series_index (bigint). -#}
{% macro integer_series(row_count) -%}
    {{ return(adapter.dispatch('integer_series', 'multi_role_engagement')(row_count)) }}
{%- endmacro %}

{% macro default__integer_series(row_count) -%}
    (select generate_series(cast(0 as bigint), cast({{ row_count }} as bigint) - 1) as series_index)
{%- endmacro %}

{% macro duckdb__integer_series(row_count) -%}
    (select range as series_index from range(cast({{ row_count }} as bigint)))
{%- endmacro %}

{% macro spark__integer_series(row_count) -%}
    (select id as series_index from range({{ row_count }}))
{%- endmacro %}
