{#
    A deterministic number in [0, 1) from a whole number: a Weyl sequence modulo 2^32 with
    a distinct odd multiplier per use (stream 0..7). Integer arithmetic only, so every
    engine draws the same data from the same arguments, with no random() and no hash().
#}
{% macro uniform_random(index_expression, stream) -%}
    {%- set multipliers = [2654435761, 2246822519, 3266489917, 668265263,
                           374761393, 1103515245, 3812015801, 1597334677] -%}
    (cast(((({{ index_expression }}) + {{ stream * 7919 + 1 }}) * {{ multipliers[stream] }}) % 4294967296
        as {{ type_double() }}) / 4294967296.0)
{%- endmacro %}
