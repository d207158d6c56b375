"""Contract §5: duplicate keys and out-of-domain vars stop the build with a clear message."""

from __future__ import annotations

import datetime as dt

import pytest

from dbt_harness import dbt_vars


def small_tables():
    moment = dt.datetime(2024, 3, 4, 10)
    return {
        "roster": [{"account_id": "a1", "user_id": "u1", "role_id": "1", "valid_from": None, "valid_to": None},
                   {"account_id": "a1", "user_id": "u2", "role_id": "2", "valid_from": None, "valid_to": None}],
        "logs": [{"event_id": "e1", "user_id": "u1", "account_id": "a1", "activity_date": moment, "event_name": None},
                 {"event_id": "e2", "user_id": "u2", "account_id": None, "activity_date": moment, "event_name": None}],
        "roles": [{"id": "1", "role_name": "Admin"}, {"id": "2", "role_name": "Viewer"},
                  {"id": "3", "role_name": "Chief Vibes Officer"}],
        "accounts": [{"account_id": "a1", "account_name": "A", "industry": "Retail", "employee_count": 5,
                      "plan_tier": "free"}],
    }


@pytest.fixture
def warehouse(make_engine):
    return make_engine("duckdb")


def build(warehouse, tables, settings=None):
    warehouse.load_raw(tables)
    return warehouse.dbt(["build", "--vars", dbt_vars(settings or {}), "--exclude", "test_type:unit"], check=False)


def test_clean_small_input_builds(warehouse):
    result = build(warehouse, small_tables())
    assert result.returncode == 0, result.stdout[-3000:]
    # the warn-level test names the label the taxonomy does not know
    assert "Unclassified roles" in result.stdout
    assert "Chief Vibes Officer" in result.stdout


def test_duplicate_account_ids_stop_the_build_naming_the_keys(warehouse):
    tables = small_tables()
    tables["accounts"].append(dict(tables["accounts"][0], account_id=" a1 "))
    tables["accounts"].append({"account_id": "a7", "account_name": "B", "industry": None,
                               "employee_count": None, "plan_tier": None})
    tables["accounts"].append({"account_id": "a7", "account_name": "B2", "industry": None,
                               "employee_count": None, "plan_tier": None})
    result = build(warehouse, tables)
    assert result.returncode != 0
    assert "Duplicate account_id in stg_product__accounts" in result.stdout
    assert "a1 | 2" in result.stdout and "a7 | 2" in result.stdout
    assert "unique_with_offending_keys_stg_product__accounts_account_id" in result.stdout


def test_duplicate_role_ids_stop_the_build_naming_the_keys(warehouse):
    tables = small_tables()
    tables["roles"].append({"id": "2 ", "role_name": "Editor"})
    result = build(warehouse, tables)
    assert result.returncode != 0
    assert "Duplicate role_id in stg_product__role_classification_system" in result.stdout
    assert "2 | 2" in result.stdout


@pytest.mark.parametrize("settings, names", [
    ({"period_grains": ["month", "fortnight"]}, ["period_grains", "fortnight", "day, week, month, quarter, year"]),
    ({"period_grains": []}, ["period_grains", "day, week, month, quarter, year"]),
    ({"min_active_days": 0}, ["min_active_days", "1 or more"]),
    ({"min_active_days": "two"}, ["min_active_days", "1 or more"]),
    ({"as_of_date": "last tuesday"}, ["as_of_date", "YYYY-MM-DD"]),
    ({"as_of_date": "2024-02-30"}, ["as_of_date", "YYYY-MM-DD"]),
])
def test_out_of_domain_vars_stop_the_build_naming_the_var(warehouse, settings, names):
    result = build(warehouse, small_tables(), settings)
    assert result.returncode != 0
    for name in names:
        assert name in result.stdout, result.stdout[-2000:]
    assert "PASS=" not in result.stdout  # nothing ran


def test_load_demo_data_must_be_a_boolean(warehouse):
    warehouse.load_raw(small_tables())
    result = warehouse.dbt(["build", "--vars", '{"load_demo_data": "maybe"}'], check=False)
    assert result.returncode != 0
    assert "load_demo_data" in result.stdout and "true or false" in result.stdout
