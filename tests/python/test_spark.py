"""Apache Spark (a local PySpark session standing in for a cluster): parity with DuckDB."""

from __future__ import annotations

import pytest

from dbt_harness import build_demo_on_both

pytestmark = pytest.mark.spark


def test_demo_build_equals_duckdb_row_for_row(make_engine):
    spark = build_demo_on_both(make_engine, "spark")
    # columnar tables, and the period-partitioned intermediate models
    details = spark.query("describe table extended analytics.int_account_user_role_periods")
    flattened = " ".join(str(value) for row in details for value in row).lower()
    assert "parquet" in flattened and "period_grain" in flattened
