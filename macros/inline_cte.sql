{#
    Placed between "name as" and the CTE's body: asks the engine to inline the CTE at each
    reference instead of writing it out. For the big streams of the event log, reading the
    table twice costs less than materialising tens of millions of rows once.
#}
{% macro inline_cte() -%}
    {{ return(adapter.dispatch('inline_cte', 'multi_role_engagement')()) }}
{%- endmacro %}

{#- DuckDB and PostgreSQL (12 and later) know the hint. -#}
{% macro default__inline_cte() -%}
    not materialized
{%- endmacro %}

{#- Spark has no such hint and inlines CTEs anyway. -#}
{% macro spark__inline_cte() -%}
{%- endmacro %}
