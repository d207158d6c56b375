{#
    The first activity date an incremental run of int_engagement_logs_processed
    recomputes, as 'YYYY-MM-DD': the latest accepted activity date it already holds minus
    var('activity_lookback_days'). none means "recompute everything": a full build, a
    target without accepted rows, or parse time.

    The state comes from the target itself, so a run killed half-way leaves nothing to
    repair: its transaction is rolled back, or, had the delete committed, the next run finds
    an earlier latest date and recomputes from further back.
#}
{% macro engagement_reprocess_from_date() %}
    {#- validated on every call, so a bad value stops even the first, full build -#}
    {%- set lookback_days = get_activity_lookback_days() -%}
    {%- if not execute or not is_incremental() -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set latest = run_query(
        "select max(activity_date) from " ~ this ~ " where rejection_reason is null") -%}
    {%- set latest_date = latest.columns[0].values()[0] -%}
    {%- if latest_date is none -%}
        {{ return(none) }}
    {%- endif -%}
    {%- if latest_date is string -%}
        {%- set latest_date = modules.datetime.date.fromisoformat(latest_date[:10]) -%}
    {%- endif -%}
    {%- set first_date = latest_date - modules.datetime.timedelta(days=lookback_days) -%}
    {{ return(first_date.strftime('%Y-%m-%d')) }}
{% endmacro %}
