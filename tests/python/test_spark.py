"""Apache Spark (a local PySpark session standing in for a cluster): parity with DuckDB."""

from __future__ import annotations

import pytest

from dbt_harness import assert_same_outputs

pytestmark = pytest.mark.spark


def test_demo_build_equals_duckdb_row_for_row(make_engine):
    duck = make_engine("duckdb")
    duck.dbt(["build"])
    spark = make_engine("spark")
    # the full build: seeds, models, unit tests and data tests all run on Spark
    spark.dbt(["build"])
    expected, built = duck.read_outputs(), spark.read_outputs()
    assert_same_outputs(built, expected)
    # columnar tables, and the period-partitioned intermediate models
    details = spark.query("describe table extended analytics.int_account_user_role_periods")
    flattened = " ".join(str(value) for row in details for value in row).lower()
    assert "parquet" in flattened and "period_grain" in flattened
