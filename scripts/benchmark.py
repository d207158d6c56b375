"""Benchmark (not a test): the package against the floor, at 1M, 10M and 100M events.

For each size, in a fresh DuckDB file: generate the raw tables in the warehouse
(macro generate_synthetic_raw_data), time the floor (one hand-written DuckDB query that
computes the monthly KPI straight from the raw tables), a full build (`dbt run
--full-refresh`), then append one new day of events and time the daily incremental run.
Peak memory is the largest resident set of the dbt process (DuckDB runs inside it). Then
the same full build on a throwaway PostgreSQL cluster.

    .venv/bin/python scripts/benchmark.py                      # 1M, 10M, 100M; PostgreSQL 10M
    .venv/bin/python scripts/benchmark.py --sizes 1000000 --postgres-size 0

`make benchmark` runs the first line. Figures go to stdout (and BENCHMARKS.md by hand).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

PROJECT_DIR = Path(__file__).resolve().parents[1]
DBT = str(Path(sys.executable).with_name("dbt"))
DAYS = 365
# The floor and the build both get this much memory; DuckDB spills to disk beyond it.
DUCKDB_MEMORY_LIMIT = "3GB"


def run_measured(command: list[str], cwd: Path, env: dict) -> tuple[float, float, str]:
    """Run a command; return (seconds, peak resident memory in MB, output)."""
    log = cwd / "command.log"
    started = time.perf_counter()
    with open(log, "w") as output:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT)
        _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    text = log.read_text()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{text[-4000:]}")
    return seconds, usage.ru_maxrss / 1024, text


class Warehouse:
    def __init__(self, work_dir: Path, output_yaml: str, grains: list[str]):
        self.work_dir = work_dir
        work_dir.mkdir(parents=True, exist_ok=True)
        (work_dir / "profiles.yml").write_text(
            "multi_role_engagement:\n  target: bench\n  outputs:\n    bench:\n" + output_yaml)
        self.env = dict(os.environ, DBT_PROFILES_DIR=str(work_dir), DBT_SEND_ANONYMOUS_USAGE_STATS="false")
        self.vars = json.dumps({"load_demo_data": False, "period_grains": grains})

    def dbt(self, *args: str) -> tuple[float, float]:
        command = [DBT, *args, "--project-dir", str(PROJECT_DIR), "--target-path", str(self.work_dir / "target"),
                   "--log-path", str(self.work_dir / "logs")]
        seconds, peak, _ = run_measured(command, self.work_dir, self.env)
        return seconds, peak

    def generate(self, events: int, accounts: int, **extra) -> float:
        arguments = json.dumps({"events": events, "accounts": accounts, "days": DAYS, **extra})
        return self.dbt("run-operation", "generate_synthetic_raw_data", "--args", arguments)[0]

    def full_build(self) -> tuple[float, float]:
        self.dbt("seed", "--vars", self.vars)
        return self.dbt("run", "--full-refresh", "--vars", self.vars)

    def incremental_build(self) -> tuple[float, float]:
        return self.dbt("run", "--vars", self.vars)


def taxonomy_values() -> str:
    with open(PROJECT_DIR / "seeds" / "role_taxonomy.csv", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["counts_toward_multi_role"].strip().lower() == "true"]
    return ", ".join(f"('{row['role_label']}', '{row['role_tag']}')" for row in rows)


FLOOR_QUERY = """
with
taxonomy (role_label, role_tag) as (values {taxonomy}),
roles as (
    select trim(cast(id as varchar)) as role_id, taxonomy.role_tag
    from raw.role_classification_system
    inner join taxonomy on lower(trim(regexp_replace(role_name, '\\s+', ' ', 'g'))) = taxonomy.role_label
),
assignments as (
    select trim(account_id) as account_id, trim(user_id) as user_id, roles.role_tag, valid_from, valid_to
    from raw.account_user_roster
    inner join roles on trim(cast(account_user_roster.role_id as varchar)) = roles.role_id
),
active_pairs as (
    select distinct date_trunc('month', events.activity_date) as month, assignments.account_id,
        assignments.user_id, assignments.role_tag
    from raw.engagement_logs as events
    inner join assignments
        on trim(events.user_id) = assignments.user_id
        and (events.account_id is null or trim(events.account_id) = assignments.account_id)
        and (assignments.valid_from is null or assignments.valid_from <= events.activity_date)
        and (assignments.valid_to is null or events.activity_date < assignments.valid_to)
),
accounts as (
    select month, account_id, count(distinct user_id) as users, count(distinct role_tag) as roles
    from active_pairs
    group by month, account_id
)
select month, count(*) as active_accounts, count(*) filter (where users >= 2 and roles >= 2) as multi_role_accounts,
    100.0 * count(*) filter (where users >= 2 and roles >= 2) / count(*) as pct_multi_role_engagement
from accounts
group by month
order by month
"""


def time_floor(database: Path) -> tuple[float, list]:
    connection = duckdb.connect(str(database), config={"memory_limit": DUCKDB_MEMORY_LIMIT})
    try:
        started = time.perf_counter()
        rows = connection.execute(FLOOR_QUERY.format(taxonomy=taxonomy_values())).fetchall()
        return time.perf_counter() - started, rows
    finally:
        connection.close()


def build_kpi(database: Path) -> list:
    connection = duckdb.connect(str(database), read_only=True)
    try:
        return connection.execute(
            "select period_start, active_accounts, multi_role_accounts, pct_multi_role_engagement "
            "from analytics.multi_role_engagement_by_segment where period_grain = 'month' and industry = 'all' "
            "and company_size = 'all' and plan_tier = 'all' order by period_start").fetchall()
    finally:
        connection.close()


def bench_duckdb(events: int, work_root: Path, grains: list[str]) -> dict:
    work_dir = work_root / f"duckdb_{events}"
    shutil.rmtree(work_dir, ignore_errors=True)
    database = work_dir / "warehouse.duckdb"
    warehouse = Warehouse(work_dir, f"      type: duckdb\n      path: '{database}'\n      schema: analytics\n"
                                    f"      threads: 1\n      settings:\n        memory_limit: '{DUCKDB_MEMORY_LIMIT}'\n",
                          grains)
    accounts = max(events // 2000, 20)
    result = {"engine": "duckdb", "events": events}
    result["generate_s"] = warehouse.generate(events, accounts)
    result["floor_s"], floor_rows = time_floor(database)
    result["full_s"], result["full_peak_mb"] = warehouse.full_build()
    # the floor and the build must compute the same monthly figures (the floor skips the
    # rejection rules, which the synthetic data barely touches, so allow a small gap)
    built = {row[0]: row for row in build_kpi(database)}
    gaps = [abs(float(row[3]) - float(built[row[0].date()][3])) for row in floor_rows if row[0].date() in built]
    result["max_kpi_gap_points"] = max(gaps) if gaps else None
    # the next day arrives: one day's worth of new events
    day_events = events // DAYS
    result["generate_day_s"] = warehouse.generate(day_events, accounts, append=True, first_event_day=DAYS,
                                                  event_days=1, first_event_index=events)
    result["incremental_s"], result["incremental_peak_mb"] = warehouse.incremental_build()
    result["full_over_floor"] = result["full_s"] / result["floor_s"]
    result["incremental_over_full"] = result["incremental_s"] / result["full_s"]
    result["database_mb"] = database.stat().st_size / 2**20
    shutil.rmtree(work_dir, ignore_errors=True)
    return result


def bench_postgres(events: int, work_root: Path, grains: list[str]) -> dict:
    sys.path.insert(0, str(PROJECT_DIR / "tests" / "python"))
    from postgres_cluster import PostgresCluster

    cluster = PostgresCluster().start()
    try:
        cluster.create_database("bench")
        work_dir = work_root / f"postgres_{events}"
        shutil.rmtree(work_dir, ignore_errors=True)
        warehouse = Warehouse(work_dir, f"      type: postgres\n      host: {cluster.host}\n      port: {cluster.port}\n"
                                        f"      user: {cluster.superuser}\n      password: ''\n      dbname: bench\n"
                                        "      schema: analytics\n      threads: 2\n", grains)
        result = {"engine": "postgres", "events": events}
        result["generate_s"] = warehouse.generate(events, max(events // 2000, 20))
        result["full_s"], result["full_peak_mb"] = warehouse.full_build()
        shutil.rmtree(work_dir, ignore_errors=True)
        return result
    finally:
        cluster.stop()


def machine() -> str:
    memory_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor())
    return (f"{os.cpu_count()} cores ({model}), {memory_gb:.0f} GB RAM, Python {platform.python_version()}, "
            f"duckdb {duckdb.__version__}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000000,10000000,100000000")
    parser.add_argument("--postgres-size", type=int, default=10_000_000)
    parser.add_argument("--grains", default="month", help="period_grains of the build, comma-separated")
    parser.add_argument("--work-dir", type=Path, default=None)
    arguments = parser.parse_args()
    work_root = arguments.work_dir or Path(tempfile.mkdtemp(prefix="mre-bench-"))
    grains = arguments.grains.split(",")
    print(f"Machine: {machine()}")
    print(f"Build: dbt run, period_grains {grains}, DuckDB memory_limit {DUCKDB_MEMORY_LIMIT}, one dbt thread\n")
    header = (f"{'events':>12} {'generate':>9} {'floor':>8} {'full':>8} {'full/floor':>10} {'peak MB':>8} "
              f"{'1-day incr':>10} {'incr/full':>9} {'incr MB':>8} {'KPI gap':>8}")
    print(header)
    for events in [int(float(size)) for size in arguments.sizes.split(",") if size]:
        r = bench_duckdb(events, work_root, grains)
        print(f"{r['events']:>12,} {r['generate_s']:>8.1f}s {r['floor_s']:>7.1f}s {r['full_s']:>7.1f}s "
              f"{r['full_over_floor']:>9.2f}x {r['full_peak_mb']:>8.0f} {r['incremental_s']:>9.1f}s "
              f"{100 * r['incremental_over_full']:>8.1f}% {r['incremental_peak_mb']:>8.0f} "
              f"{r['max_kpi_gap_points'] if r['max_kpi_gap_points'] is not None else float('nan'):>7.2f}",
              flush=True)
    if arguments.postgres_size:
        r = bench_postgres(arguments.postgres_size, work_root, grains)
        print(f"\nPostgreSQL 15, {r['events']:,} events: generate {r['generate_s']:.1f}s, "
              f"full build {r['full_s']:.1f}s (dbt process peak {r['full_peak_mb']:.0f} MB; the server is separate)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
