{#
    Pre-hook of the incremental int_engagement_logs_processed: removes the rows the run
    recomputes (every row from the reprocessing date on, and rows without a date, which
    are recomputed on every run). It runs in the model's transaction, before the insert.
#}
{% macro delete_reprocessed_engagement_rows() %}
    {%- if is_incremental() -%}
        {%- set first_date = engagement_reprocess_from_date() -%}
        delete from {{ this }}
        {%- if first_date %}
        where activity_date >= cast('{{ first_date }}' as date) or activity_date is null
        {%- endif %}
    {%- endif -%}
{% endmacro %}
