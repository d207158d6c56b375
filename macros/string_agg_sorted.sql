{#- Joins the values of a group, sorted, with ','. Callers pass distinct values. -#}
{% macro string_agg_sorted(expression) -%}
    {{ return(adapter.dispatch('string_agg_sorted', 'multi_role_engagement')(expression)) }}
{%- endmacro %}

{% macro default__string_agg_sorted(expression) -%}
    {{ dbt.listagg(expression, "','", "order by " ~ expression) }}
{%- endmacro %}

{#- dbt-spark's listagg ignores the order, so sort the collected array instead. -#}
{% macro spark__string_agg_sorted(expression) -%}
    array_join(array_sort(collect_list({{ expression }})), ',')
{%- endmacro %}
