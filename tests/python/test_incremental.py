"""The incremental activity model: appends, late events, re-runs and killed runs.

A random input set arrives in three batches, the way a product's loader appends events:
late events (dated inside the lookback, loaded a run later), copies of event ids that
cross the reprocessed window, rows without a date and future rows; then a role is relabelled
for all of history. After every step the
outputs must equal both the independent reference on everything loaded so far and a
`--full-refresh` build, row for row, including the incremental model itself.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import time

import pytest

from dbt_harness import assert_same_outputs, assert_same_rows, dbt_invocation, dbt_vars
from random_inputs import random_input_set
from reference import Settings, compute_tables, settings_for

LOOKBACK_DAYS = 3
PROCESSED = "analytics.int_engagement_logs_processed"
PROCESSED_COLUMNS = ["activity_date", "account_id", "user_id", "role_id",
                     "rejection_reason", "event_row_key", "row_occurrence", "event_id", "activity_at"]
SEEDS = [int(seed) for seed in os.environ.get("INCREMENTAL_SEEDS", "4,6,15").split(",")]
CASES = [pytest.param(engine, seed, marks=[pytest.mark.postgres] if engine == "postgres" else [],
                      id=f"{engine}-{seed}")
         for seed in SEEDS for engine in ("duckdb", "postgres")]


def event_day(row):
    moment = row["activity_date"]
    return moment.date() if moment else None


def max_accepted_date(tables, logs):
    """The latest accepted activity date the reference finds in these logs (None: none)."""
    result = compute_tables({**tables, "logs": logs}, Settings(period_grains=("month",)))
    return result.as_of_date if result.engagement or result.as_of_date else None


def batches(tables, seed):
    """Three appends. Batch 2 holds late events of batch 1's last days, inside the lookback."""
    rng = random.Random(seed)
    dated = sorted({event_day(row) for row in tables["logs"] if event_day(row) and event_day(row).year < 2099})
    first_cut, second_cut = dated[len(dated) // 2], dated[3 * len(dated) // 4]
    first, second, third = [], [], []
    for row in tables["logs"]:
        day = event_day(row)
        if day is None:
            rng.choice([first, second, third]).append(row)
        elif day <= first_cut:
            # some events of the last days before the cut arrive one run late
            (second if day > first_cut - dt.timedelta(days=2) and rng.random() < 0.5 else first).append(row)
        elif day <= second_cut:
            second.append(row)
        else:
            third.append(row)
    # a late event is only promised if it falls inside the lookback of what run 1 saw
    for _ in range(5):
        latest = max_accepted_date(tables, first)
        too_late = [row for row in second if latest and event_day(row) and event_day(row) <= first_cut
                    and event_day(row) < latest - dt.timedelta(days=LOOKBACK_DAYS)]
        if not too_late:
            break
        first += too_late
        second = [row for row in second if row not in too_late]
    late = [row for row in second if event_day(row) and event_day(row) <= first_cut]
    return [first, second, third], len(late)


def read_processed(engine):
    return engine.read_table(PROCESSED, PROCESSED_COLUMNS)


def expected_outputs(tables, logs, settings, build_time):
    return vars(compute_tables({**tables, "logs": logs}, settings_for(settings, build_time)))


def killed_run(engine, arguments):
    """Start a build and kill -9 it once the incremental model has started."""
    command, env = dbt_invocation(engine.work_dir, arguments)
    process = subprocess.Popen(command, cwd=engine.work_dir, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, start_new_session=True)
    seen = []
    for line in process.stdout:
        seen.append(line)
        if "START sql incremental model analytics.int_engagement_logs_processed" in line:
            time.sleep(0.05)
            os.killpg(process.pid, signal.SIGKILL)
            break
    process.wait(timeout=120)
    assert process.returncode == -signal.SIGKILL, "the build ended before it could be killed:\n" + "".join(seen[-20:])


@pytest.mark.parametrize("engine_name, seed", CASES)
def test_incremental_runs_equal_reference_and_full_refresh(make_engine, engine_name, seed):
    tables, settings = random_input_set(seed)
    appends, late_events = batches(tables, seed)
    assert late_events > 0, "the input set must hold late events"
    settings = {**settings, "activity_lookback_days": LOOKBACK_DAYS}
    build = ["build", "--vars", dbt_vars(settings), "--exclude", "test_type:unit"]

    engine = make_engine(engine_name)
    engine.load_raw({**tables, "logs": appends[0]})
    engine.dbt(build)
    loaded = list(appends[0])

    # the daily run after an append, with late events: equals the reference on all rows loaded
    engine.append_raw("logs", appends[1])
    loaded += appends[1]
    build_time = dt.datetime.utcnow()
    engine.dbt(build)
    assert_same_outputs(engine.read_outputs(), expected_outputs(tables, loaded, settings, build_time))

    # idempotent: a re-run with nothing new changes nothing
    processed_before, outputs_before = read_processed(engine), engine.read_outputs()
    engine.dbt(build)
    assert_same_rows(read_processed(engine), processed_before, PROCESSED)
    assert_same_outputs(engine.read_outputs(), outputs_before)

    # a run killed half-way, then repeated
    engine.append_raw("logs", appends[2])
    loaded += appends[2]
    killed_run(engine, build)
    build_time = dt.datetime.utcnow()
    engine.dbt(build)
    assert_same_outputs(engine.read_outputs(), expected_outputs(tables, loaded, settings, build_time))

    # a crash that left the delete committed but not the insert: the next run repairs it
    latest = engine.query(f"select max(activity_date) from {PROCESSED} where rejection_reason is null")[0][0]
    engine.execute([f"delete from {PROCESSED} where activity_date >= cast('{latest:%Y-%m-%d}' as date)"])
    engine.dbt(build)
    assert_same_outputs(engine.read_outputs(), expected_outputs(tables, loaded, settings, build_time))

    # a role relabelled for all history (what a taxonomy change does): applies to every day
    # already processed, with no full refresh
    relabelled = next(row for row in tables["roles"] if row["id"])
    new_label = "Billing Manager" if (relabelled["role_name"] or "").strip().lower() in ("admin", "viewer") else " VIEWER"
    engine.execute([f"update raw.role_classification_system set role_name = '{new_label}' where id = '{relabelled['id']}'"])
    tables = {**tables, "roles": [{**row, "role_name": new_label} if row is relabelled else row
                                  for row in tables["roles"]]}
    build_time = dt.datetime.utcnow()
    engine.dbt(build)
    processed_incremental, outputs_incremental = read_processed(engine), engine.read_outputs()
    assert_same_outputs(outputs_incremental, expected_outputs(tables, loaded, settings, build_time))

    # and row for row what a full refresh builds
    engine.dbt([*build, "--full-refresh"])
    assert_same_rows(processed_incremental, read_processed(engine), PROCESSED)
    assert_same_outputs(outputs_incremental, engine.read_outputs())

