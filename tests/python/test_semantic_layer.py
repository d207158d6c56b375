"""The semantic layer: MetricFlow returns exactly the mart's figures at every grain and
slice, and cannot return a rolled-up (wrong) figure, on DuckDB and PostgreSQL."""

from __future__ import annotations

import csv
import datetime as dt
import os
import shutil
import subprocess
import sys
from itertools import combinations
from pathlib import Path

import pytest

from dbt_harness import PROJECT_DIR

MF = str(Path(sys.executable).with_name("mf"))
METRICS = ["total_accounts", "active_accounts", "multi_role_accounts", "pct_multi_role_engagement"]
SEGMENTS = ["industry", "company_size", "plan_tier"]
GRAIN_DIMENSION = {"week": "weekly_period", "month": "monthly_period", "quarter": "quarterly_period"}

ENGINES = [pytest.param("duckdb"), pytest.param("postgres", marks=pytest.mark.postgres)]


def mf_project(engine) -> Path:
    """mf reads <project>/target/semantic_manifest.json, so give each test a project folder
    of its own: links to the real project's files, and the manifest of this test's build."""
    project = engine.work_dir / "project"
    if not project.exists():
        project.mkdir()
        for entry in PROJECT_DIR.iterdir():
            if entry.name not in {"target", "logs", ".venv", ".git", ".dbt"} and not entry.name.endswith(".duckdb"):
                (project / entry.name).symlink_to(entry)
        (project / "target").mkdir()
        shutil.copy(engine.work_dir / "target" / "semantic_manifest.json", project / "target")
    return project


def mf(engine, args: list[str]) -> subprocess.CompletedProcess:
    env = {**os.environ, "DBT_PROFILES_DIR": str(engine.profiles_dir), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    completed = subprocess.run([MF, *args], cwd=mf_project(engine), env=env, capture_output=True, text=True)
    assert completed.returncode == 0, f"mf {' '.join(args)} failed:\n{completed.stdout[-3000:]}\n{completed.stderr[-3000:]}"
    return completed


def mf_rows(engine, group_by: list[str], where: str | None = None, metrics=METRICS) -> list[dict]:
    out = engine.work_dir / f"mf_{abs(hash((tuple(group_by), where, tuple(metrics))))}.csv"
    args = ["query", "--metrics", ",".join(metrics), "--group-by", ",".join(group_by), "--csv", str(out)]
    if where:
        args += ["--where", where]
    mf(engine, args)
    with open(out, newline="") as handle:
        return list(csv.DictReader(handle))


def number(text):
    return None if text in ("", None) else round(float(text), 6)


@pytest.fixture(params=ENGINES)
def built(request, make_engine):
    engine = make_engine(request.param)
    engine.dbt(["build"])
    return engine


def test_metric_queries_equal_the_mart_at_every_grain_and_slice(built):
    assert "Successfully validated" in mf(built, ["validate-configs"]).stdout
    mart = built.read_outputs()["by_segment"]
    for grain, dimension in GRAIN_DIMENSION.items():
        time_column = f"account_period__{dimension}__{grain}"
        for size in range(len(SEGMENTS) + 1):
            for kept in combinations(SEGMENTS, size):
                rows = mf_rows(built, [time_column] + [f"account_period__{column}" for column in kept])
                queried = {}
                for row in rows:
                    if not row[time_column]:
                        # rows of the other grains have no such period: never a figure
                        assert all(number(row[metric]) is None for metric in METRICS), row
                        continue
                    key = (dt.date.fromisoformat(row[time_column][:10]),
                           *(row[f"account_period__{column}"] for column in kept))
                    queried[key] = tuple(number(row[metric]) for metric in METRICS)
                expected = {
                    (row["period_start"], *(row[column] for column in kept)):
                        tuple(number(row[metric]) for metric in
                              ["total_accounts", "active_accounts", "multi_role_accounts", "pct_multi_role_engagement"])
                    for row in mart
                    if row["period_grain"] == grain
                    and all(row[column] == "all" for column in SEGMENTS if column not in kept)
                    and all(row[column] != "all" for column in kept)
                }
                assert queried == expected, f"{grain} by {kept or 'nothing'}"


@pytest.mark.parametrize("group_by", [
    ["metric_time__quarter"],                                  # months summed into quarters
    ["metric_time__year"],
    ["account_period__monthly_period__quarter"],
    ["account_period__weekly_period__month", "account_period__plan_tier"],
    ["account_period__plan_tier"],                              # every period at once
])
def test_a_rolled_up_figure_is_never_returned(make_engine, group_by):
    engine = make_engine("duckdb")
    engine.dbt(["build"])
    mart = engine.read_outputs()["by_segment"]
    kept = [column for column in SEGMENTS if f"account_period__{column}" in group_by]
    one_period_figures = {
        tuple(number(row[metric]) for metric in METRICS)
        for row in mart
        if all((row[column] != "all") == (column in kept) for column in SEGMENTS)
    }
    rows = mf_rows(engine, group_by)
    assert any(all(number(row[metric]) is None for metric in METRICS) for row in rows), \
        "no bucket was held back: the query did not mix periods"
    for row in rows:
        figures = tuple(number(row[metric]) for metric in METRICS)
        # a bucket gets a figure only when it holds a single period (say, the one week of
        # a month at the edge of the data), and then it is exactly that period's figure
        assert figures == (None,) * len(METRICS) or figures in one_period_figures, row


def test_saved_queries_run(make_engine):
    engine = make_engine("duckdb")
    engine.dbt(["build"])
    for saved_query in ["monthly_kpi", "monthly_kpi_by_plan_tier", "monthly_kpi_by_industry_and_company_size"]:
        out = engine.work_dir / f"{saved_query}.csv"
        mf(engine, ["query", "--saved-query", saved_query, "--csv", str(out)])
        with open(out, newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert len(rows) >= 13 and all(number(row["total_accounts"]) for row in rows), saved_query
