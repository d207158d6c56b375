{#
    dbt's `grants` config gives the reader SELECT on each mart; a reader also needs
    USAGE on the schema to reach them (the marts live in the target schema). Nothing
    else in the schema is granted, so staging and intermediate relations stay unreadable.
#}
{% macro grant_schema_usage_to_reader() -%}
    {{ return(adapter.dispatch('grant_schema_usage_to_reader', 'multi_role_engagement')()) }}
{%- endmacro %}

{% macro default__grant_schema_usage_to_reader() -%}
    {%- set reader_role = var('bi_reader_role', none) -%}
    {%- if reader_role -%}
        grant usage on schema {{ adapter.quote(target.schema) }} to {{ reader_role }}
    {%- endif -%}
{%- endmacro %}

{#- DuckDB has no roles: an embedded file is readable by whoever can open it. -#}
{% macro duckdb__grant_schema_usage_to_reader() -%}
{%- endmacro %}

{#- Spark and Databricks grant through their own catalogs (Unity Catalog). -#}
{% macro spark__grant_schema_usage_to_reader() -%}
{%- endmacro %}
