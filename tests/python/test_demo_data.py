"""The shipped demo data, built by `dbt build` with its defaults, equals the reference."""

from __future__ import annotations

import datetime as dt

from dbt_harness import assert_same_outputs
from reference import Settings, compute_tables, read_demo_tables



def test_demo_build_matches_reference(make_engine):
    engine = make_engine("duckdb")
    build_time = dt.datetime.utcnow()
    engine.dbt(["build"])
    built = engine.read_outputs()

    expected = compute_tables(read_demo_tables(), Settings(build_time=build_time))

    assert_same_outputs(built, vars(expected))
    # the demo carries every kind of bad row the contract names for these two tables
    reasons = {reason for (_table, reason) in expected.rejections}
    assert reasons >= {"missing_account_id", "missing_user_id", "missing_role_id", "invalid_validity_range",
                       "missing_activity_date", "future_activity", "duplicate_event", "user_not_rostered"}
    assert len({row["account_id"] for row in expected.engagement}) == 400
