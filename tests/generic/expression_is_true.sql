{#- Returns the rows for which the expression does not hold; narrow them with config `where`. -#}
{% test expression_is_true(model, expression) %}

select *

from {{ model }}
where not ({{ expression }})

{% endtest %}
