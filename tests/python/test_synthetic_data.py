"""The synthetic data generator: deterministic, the same rows on every engine, appendable,
and the build on its output equals the independent reference."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from dbt_harness import RAW_COLUMNS, TABLE_OF_INPUT, assert_same_outputs, assert_same_rows, dbt_vars
from reference import compute_tables, settings_for


def generate(engine, **arguments):
    engine.dbt(["run-operation", "generate_synthetic_raw_data", "--args", json.dumps(arguments)])


def read_raw(engine) -> dict:
    return {name: engine.read_table(f"raw.{table}", [column for column, _ in RAW_COLUMNS[table]])
            for name, table in TABLE_OF_INPUT.items()}


def test_generator_is_deterministic_appendable_and_builds_to_the_reference(make_engine):
    engine = make_engine("duckdb")
    generate(engine, events=4000, accounts=20)
    first = read_raw(engine)
    generate(engine, events=4000, accounts=20)
    second = read_raw(engine)
    for name in first:
        assert_same_rows(second[name], first[name], f"raw {name}")
    assert len(first["logs"]) == 4000 and len(first["accounts"]) == 20 and len(first["roles"]) == 12
    assert len(first["roster"]) >= 160  # eight people per account, some with a role change

    # the next day: appended events all fall on it, with new ids
    generate(engine, events=50, accounts=20, append=True, first_event_day=365, event_days=1, first_event_index=4000)
    tables = read_raw(engine)
    new_rows = [row for row in tables["logs"] if row["event_id"] and int(row["event_id"].split("_")[1]) >= 4000]
    assert len(tables["logs"]) == 4050 and len(new_rows) == 50
    assert {row["activity_date"].date() for row in new_rows} == {dt.date(2026, 1, 1)}

    settings = {"period_grains": ["week", "month"], "min_active_days": 1, "as_of_date": None}
    build_time = dt.datetime.utcnow()
    engine.dbt(["build", "--vars", dbt_vars(settings), "--exclude", "test_type:unit"])
    expected = compute_tables(tables, settings_for(settings, build_time))
    assert_same_outputs(engine.read_outputs(), vars(expected))
    # the data exercises the KPI: some accounts multi-role, some not, and rejections of each kind
    flags = {row["is_multi_role"] for row in expected.engagement if row["is_active_account"]}
    assert flags == {True, False}
    assert {reason for _table, reason in expected.rejections} >= {"missing_user_id", "duplicate_event"}


@pytest.mark.postgres
def test_generator_writes_the_same_rows_on_postgres(make_engine):
    duck, postgres = make_engine("duckdb"), make_engine("postgres")
    for engine in (duck, postgres):
        generate(engine, events=3000, accounts=25)
    duck_tables, postgres_tables = read_raw(duck), read_raw(postgres)
    for name in duck_tables:
        assert_same_rows(postgres_tables[name], duck_tables[name], f"raw {name}")
