{#
    Placed between "name as" and the CTE's body: asks the engine to inline the CTE at each
    reference (inline=true) or to write it out once (inline=false). For the big streams of
    the event log, reading the table twice costs less than materialising tens of millions of
    rows once; for a few days of it, the opposite holds.
#}
{% macro inline_cte(inline=true) -%}
    {{ return(adapter.dispatch('inline_cte', 'multi_role_engagement')(inline)) }}
{%- endmacro %}

{#- DuckDB and PostgreSQL (12 and later) know both hints. -#}
{% macro default__inline_cte(inline) -%}
    {{ 'not materialized' if inline else 'materialized' }}
{%- endmacro %}

{#- Spark has no such hint and decides by itself. -#}
{% macro spark__inline_cte(inline) -%}
{%- endmacro %}
