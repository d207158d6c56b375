{#
    The demo seeds stand in for the warehouse's raw tables, so they must land in
    exactly var('raw_schema'), not in "<target schema>_<raw_schema>" as dbt's default
    naming would put them. Everything else keeps dbt's default behaviour.
#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema | trim }}
    {%- elif node.resource_type == 'seed' and 'demo' in node.fqn -%}
        {{ custom_schema_name | trim }}
    {%- else -%}
        {{ target.schema | trim }}_{{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
