{#
    Schema, database and role names that arrive through vars end up in DDL and GRANT
    statements, where dbt does not escape them. Only plain identifiers are allowed, and
    the check runs while dbt parses the project, before anything touches the warehouse.
#}
{% macro validate_identifier_vars() %}
    {%- set checked = {
        'raw_schema': var('raw_schema', 'raw'),
        'raw_database': var('raw_database', none),
        'bi_reader_role': var('bi_reader_role', none),
    } -%}
    {%- for var_name, value in checked.items() -%}
        {%- if value is not none and not modules.re.fullmatch('[A-Za-z_][A-Za-z0-9_]{0,62}', value | string) -%}
            {{ exceptions.raise_compiler_error(
                "var '" ~ var_name ~ "' has the value '" ~ value ~ "', which is not a plain identifier."
                ~ " Allowed values: a letter or _ followed by letters, digits or _ (at most 63 characters).") }}
        {%- endif -%}
    {%- endfor -%}
{% endmacro %}
