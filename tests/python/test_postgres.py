"""PostgreSQL as the production warehouse: parity with DuckDB, BI grants, safe vars."""

from __future__ import annotations

import psycopg2
import pytest

from dbt_harness import build_demo_on_both, dbt_vars
from test_bad_input_and_vars import small_tables

pytestmark = pytest.mark.postgres

READER = "bi_reader"


def test_demo_build_equals_duckdb_row_for_row(make_engine):
    postgres = build_demo_on_both(make_engine, "postgres")
    # and the indexes the marts declare are there
    indexes = {row[0] for row in postgres.query(
        "select tablename from pg_indexes where schemaname = 'analytics'")}
    assert {"fct_account_multi_role_engagement", "multi_role_engagement_by_segment", "dq_rejected_rows"} <= indexes


def test_reader_role_reads_the_marts_and_nothing_else(make_engine):
    postgres = make_engine("postgres")
    postgres.execute([f"drop role if exists {READER}", f"create role {READER} login"])
    postgres.dbt(["build", "--vars", f'{{"bi_reader_role": "{READER}"}}'])

    reader = postgres.connect(user=READER)
    try:
        cursor = reader.cursor()
        for mart in ["fct_account_multi_role_engagement", "multi_role_engagement_by_segment", "dq_rejected_rows"]:
            cursor.execute(f"select count(*) from analytics.{mart}")
            assert cursor.fetchone()[0] > 0
        for relation in ["analytics.stg_product__engagement_logs", "analytics.int_role_assignments",
                         "analytics.int_account_period_active_roles", "raw.engagement_logs", "raw.accounts"]:
            with pytest.raises(psycopg2.errors.InsufficientPrivilege):
                cursor.execute(f"select count(*) from {relation}")
    finally:
        reader.close()


@pytest.mark.parametrize("var_name, value", [
    ("raw_schema", 'raw"; drop table public.canary; --'),
    ("raw_database", "warehouse; drop table public.canary"),
    ("bi_reader_role", "bi_reader; drop table public.canary"),
])
def test_injected_names_stop_the_build_and_change_nothing(make_engine, var_name, value):
    postgres = make_engine("postgres")
    postgres.load_raw(small_tables())
    postgres.execute(["create table public.canary (id integer)", "insert into public.canary values (1)"])
    schemas_before = {row[0] for row in postgres.query("select nspname from pg_namespace")}

    result = postgres.dbt(["build", "--vars", dbt_vars({var_name: value})], check=False)

    assert result.returncode != 0
    assert f"var '{var_name}'" in result.stdout and "not a plain identifier" in result.stdout
    assert postgres.query("select count(*) from public.canary") == [(1,)]
    assert {row[0] for row in postgres.query("select nspname from pg_namespace")} == schemas_before
