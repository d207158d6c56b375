"""The shipped demo data, built by `dbt build` with its defaults, equals the reference."""

from __future__ import annotations

import csv
import datetime as dt

from dbt_harness import PROJECT_DIR, assert_same_outputs
from reference import Settings, compute


def read_seed(name, integer_columns=()):
    with open(PROJECT_DIR / "seeds" / "demo" / f"{name}.csv", newline="") as handle:
        rows = []
        for row in csv.DictReader(handle):
            cleaned = {key: (value if value != "" else None) for key, value in row.items()}
            for column in integer_columns:
                cleaned[column] = int(cleaned[column]) if cleaned[column] is not None else None
            rows.append(cleaned)
        return rows


def test_demo_build_matches_reference(make_engine):
    engine = make_engine("duckdb")
    build_time = dt.datetime.utcnow()
    engine.dbt(["build"])
    built = engine.read_outputs()

    expected = compute(read_seed("demo_account_user_roster"), read_seed("demo_engagement_logs"),
                       read_seed("demo_role_classification_system"),
                       read_seed("demo_accounts", integer_columns=["employee_count"]),
                       Settings(build_time=build_time))

    assert_same_outputs(built, vars(expected))
    # the demo carries every kind of bad row the contract names for these two tables
    reasons = {reason for (_table, reason) in expected.rejections}
    assert reasons >= {"missing_account_id", "missing_user_id", "missing_role_id", "invalid_validity_range",
                       "missing_activity_date", "future_activity", "duplicate_event", "user_not_rostered"}
    assert len({row["account_id"] for row in expected.engagement}) == 400
