{#
    Contract §4, attribution: an event of user u at time t counts for a roster assignment
    of u that holds at t (valid_from <= t < valid_to, null bounds open), and, when the
    event carries an account, only for assignments of that account. One definition for
    the rejection check (user_not_rostered) and for the attribution itself.
#}
{% macro assignment_covers_event(assignments, events) -%}
    {{ events }}.user_id = {{ assignments }}.user_id
    and (
        {{ events }}.account_id is null
        or {{ events }}.account_id = {{ assignments }}.account_id
    )
    and (
        {{ assignments }}.valid_from_at is null
        or {{ assignments }}.valid_from_at <= {{ events }}.activity_at
    )
    and (
        {{ assignments }}.valid_to_at is null
        or {{ events }}.activity_at < {{ assignments }}.valid_to_at
    )
{%- endmacro %}
