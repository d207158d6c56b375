{#
    Staging reads the raw tables through source(), so dbt cannot see that the demo
    seeds write those very tables. Declaring the seed as a dependency makes dbt build
    load the demo data before staging reads it.
#}
{% macro depends_on_demo_seed(seed_name) %}
    {%- if is_demo_data_enabled() -%}
        -- depends_on: {{ ref(seed_name) }}
    {%- endif -%}
{% endmacro %}
