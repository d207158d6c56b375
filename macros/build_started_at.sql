{#
    The time of the build, as one literal for the whole run, so that every model
    judges "future activity" against the same instant (UTC).
#}
{% macro build_started_at() -%}
    cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S") }}' as {{ dbt.type_timestamp() }})
{%- endmacro %}
