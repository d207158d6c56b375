"""Load raw tables into a warehouse, run `dbt build` on them, read the public outputs."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb

PROJECT_DIR = Path(__file__).resolve().parents[2]
DBT = str(Path(sys.executable).with_name("dbt"))

RAW_COLUMNS = {
    "account_user_roster": [("account_id", "varchar"), ("user_id", "varchar"), ("role_id", "varchar"),
                            ("valid_from", "timestamp"), ("valid_to", "timestamp")],
    "engagement_logs": [("event_id", "varchar"), ("user_id", "varchar"), ("account_id", "varchar"),
                        ("activity_date", "timestamp"), ("event_name", "varchar")],
    "role_classification_system": [("id", "varchar"), ("role_name", "varchar")],
    "accounts": [("account_id", "varchar"), ("account_name", "varchar"), ("industry", "varchar"),
                 ("employee_count", "integer"), ("plan_tier", "varchar")],
}
TABLE_OF_INPUT = {"roster": "account_user_roster", "logs": "engagement_logs",
                  "roles": "role_classification_system", "accounts": "accounts"}

ENGAGEMENT_COLUMNS = ["period_grain", "period_start", "period_end", "is_complete_period", "account_id",
                      "industry", "company_size", "plan_tier", "rostered_users", "active_users",
                      "active_roles", "active_role_list", "is_active_account", "is_multi_role"]
MOVEMENT_COLUMNS = ["period_grain", "period_start", "account_id", "was_multi_role", "is_multi_role", "movement"]
ROLE_COVERAGE_COLUMNS = ["period_grain", "period_start", "period_end", "is_complete_period", "plan_tier",
                         "role_tag", "active_accounts", "accounts_with_role_active", "pct_role_coverage"]
SEGMENT_COLUMNS = ["period_grain", "period_start", "period_end", "is_complete_period", "industry",
                   "company_size", "plan_tier", "total_accounts", "active_accounts", "multi_role_accounts",
                   "pct_multi_role_engagement", "pct_multi_role_of_all_accounts"]


class Engine:
    """A warehouse the project builds on: how to reach it, load raw tables, read outputs."""

    name = ""
    placeholder = "?"
    type_names = {"varchar": "varchar", "timestamp": "timestamp", "date": "date", "integer": "integer"}

    def __init__(self, work_dir: Path):
        self.work_dir = work_dir
        self.profiles_dir = work_dir / "profiles"

    def output_yaml(self) -> str:
        raise NotImplementedError

    def connect(self):
        raise NotImplementedError

    def write_profiles(self):
        self.profiles_dir.mkdir(parents=True, exist_ok=True)
        (self.profiles_dir / "profiles.yml").write_text(
            "multi_role_engagement:\n"
            f"  target: {self.name}\n"
            "  outputs:\n"
            f"    {self.name}:\n" + self.output_yaml())

    def execute(self, statements: list[str]):
        connection = self.connect()
        try:
            cursor = connection.cursor()
            for statement in statements:
                cursor.execute(statement)
            if hasattr(connection, "commit"):
                connection.commit()
        finally:
            connection.close()

    def load_raw(self, tables: dict, activity_type: str = "timestamp", schema: str = "raw"):
        connection = self.connect()
        try:
            cursor = connection.cursor()
            cursor.execute(f"create schema if not exists {schema}")
            for input_name, rows in tables.items():
                table = TABLE_OF_INPUT[input_name]
                columns = RAW_COLUMNS[table]
                column_sql = ", ".join(
                    f"{name} {self.type_names[activity_type if name == 'activity_date' else kind]}"
                    for name, kind in columns)
                cursor.execute(f"drop table if exists {schema}.{table}")
                cursor.execute(f"create table {schema}.{table} ({column_sql})")
                self._insert(cursor, f"{schema}.{table}", columns, rows)
            if hasattr(connection, "commit"):
                connection.commit()
        finally:
            connection.close()

    def append_raw(self, input_name: str, rows: list[dict], schema: str = "raw"):
        """Append rows to a raw table, as the product's loader does every day."""
        table = TABLE_OF_INPUT[input_name]
        connection = self.connect()
        try:
            self._insert(connection.cursor(), f"{schema}.{table}", RAW_COLUMNS[table], rows)
            if hasattr(connection, "commit"):
                connection.commit()
        finally:
            connection.close()

    def _insert(self, cursor, relation: str, columns: list, rows: list[dict]):
        if rows:
            placeholders = ", ".join(self.placeholder for _ in columns)
            cursor.executemany(f"insert into {relation} values ({placeholders})",
                               [[row.get(name) for name, _ in columns] for row in rows])

    def query(self, sql: str) -> list[tuple]:
        connection = self.connect()
        try:
            cursor = connection.cursor()
            cursor.execute(sql)
            return cursor.fetchall()
        finally:
            connection.close()

    def read_table(self, relation: str, columns: list[str]) -> list[dict]:
        return [dict(zip(columns, row)) for row in self.query(f"select {', '.join(columns)} from {relation}")]

    def read_outputs(self, schema: str = "analytics") -> dict:
        rejections = {(table, reason): count for table, reason, count in self.query(
            f"select source_table, reason, count(*) from {schema}.dq_rejected_rows group by source_table, reason")}
        return {
            "engagement": self.read_table(f"{schema}.fct_account_multi_role_engagement", ENGAGEMENT_COLUMNS),
            "by_segment": self.read_table(f"{schema}.multi_role_engagement_by_segment", SEGMENT_COLUMNS),
            "movement": self.read_table(f"{schema}.fct_account_multi_role_movement", MOVEMENT_COLUMNS),
            "role_coverage": self.read_table(f"{schema}.role_coverage_by_plan_tier", ROLE_COVERAGE_COLUMNS),
            "rejections": rejections,
        }

    def dbt(self, args: list[str], check: bool = True) -> subprocess.CompletedProcess:
        return run_dbt(self.work_dir, args, check=check)


class DuckDBEngine(Engine):
    name = "duckdb"

    def __init__(self, work_dir: Path):
        super().__init__(work_dir)
        self.path = work_dir / "warehouse.duckdb"

    def output_yaml(self) -> str:
        return (f"      type: duckdb\n      path: '{self.path}'\n"
                "      schema: analytics\n      threads: 1\n")  # see profiles.yml.example

    def connect(self):
        return duckdb.connect(str(self.path))


class SparkEngine(Engine):
    """A local PySpark session with its own Hive metastore in the test folder."""

    name = "spark"

    def output_yaml(self) -> str:
        return ("      type: spark\n      method: session\n      host: localhost\n"
                "      schema: analytics\n      threads: 1\n"
                "      server_side_parameters:\n"
                "        spark.master: 'local[2]'\n"
                "        spark.sql.session.timeZone: UTC\n"
                "        spark.ui.enabled: 'false'\n"
                "        spark.sql.shuffle.partitions: '4'\n")

    def _spark_io(self, command: str, payload: str) -> str:
        completed = subprocess.run(
            [sys.executable, str(Path(__file__).with_name("spark_io.py")), command, str(self.work_dir)],
            input=payload, capture_output=True, text=True, env={**os.environ, "TZ": "UTC"})
        if completed.returncode != 0:
            raise AssertionError(f"spark_io {command} failed:\n{completed.stderr[-4000:]}")
        return completed.stdout

    def load_raw(self, tables: dict, activity_type: str = "timestamp", schema: str = "raw"):
        from spark_io import encode

        spec = {"schema": schema, "tables": []}
        for input_name, rows in tables.items():
            table = TABLE_OF_INPUT[input_name]
            columns = [(name, activity_type if name == "activity_date" else kind)
                       for name, kind in RAW_COLUMNS[table]]
            spec["tables"].append({"name": table, "columns": columns,
                                   "rows": [[encode(row.get(name)) for name, _ in columns] for row in rows]})
        self._spark_io("load", json.dumps(spec))

    def query(self, sql: str) -> list[tuple]:
        from spark_io import decode

        return [tuple(decode(value) for value in row) for row in json.loads(self._spark_io("query", sql))]

    def read_outputs(self, schema: str = "analytics") -> dict:
        # one Spark process for all three reads: each start costs seconds
        queries = {
            "engagement": f"select {', '.join(ENGAGEMENT_COLUMNS)} from {schema}.fct_account_multi_role_engagement",
            "by_segment": f"select {', '.join(SEGMENT_COLUMNS)} from {schema}.multi_role_engagement_by_segment",
            "movement": f"select {', '.join(MOVEMENT_COLUMNS)} from {schema}.fct_account_multi_role_movement",
            "role_coverage": f"select {', '.join(ROLE_COVERAGE_COLUMNS)} from {schema}.role_coverage_by_plan_tier",
            "rejections": f"select source_table, reason, count(*) from {schema}.dq_rejected_rows group by 1, 2",
        }
        union = " union all ".join(
            f"select '{key}' as output, to_json(struct(*), map('ignoreNullFields', 'false')) as payload from ({sql})" for key, sql in queries.items())
        outputs = {"engagement": [], "by_segment": [], "movement": [], "role_coverage": [], "rejections": {}}
        for output, payload in self.query(union):
            record = json.loads(payload)
            if output == "rejections":
                values = list(record.values())
                outputs["rejections"][(values[0], values[1])] = values[2]
            else:
                outputs[output].append(parse_json_row(record))
        return outputs


def parse_json_row(record: dict) -> dict:
    """Spark's to_json writes dates as 'YYYY-MM-DD'; turn them back into dates."""
    parsed = {}
    for key, value in record.items():
        if isinstance(value, str) and key in ("period_start", "period_end"):
            value = dt.date.fromisoformat(value)
        parsed[key] = value
    return parsed


class PostgresEngine(Engine):
    name = "postgres"
    placeholder = "%s"

    def __init__(self, work_dir: Path, cluster, database: str):
        super().__init__(work_dir)
        self.cluster = cluster
        self.database = database
        cluster.create_database(database)

    def output_yaml(self) -> str:
        return (f"      type: postgres\n      host: {self.cluster.host}\n      port: {self.cluster.port}\n"
                f"      user: {self.cluster.superuser}\n      password: ''\n"
                f"      dbname: {self.database}\n      schema: analytics\n      threads: 2\n")

    def connect(self, user: str | None = None):
        return self.cluster.connect(self.database, user=user)


def dbt_vars(settings: dict, load_demo_data: bool = False) -> str:
    values = {"load_demo_data": load_demo_data}
    for key, value in settings.items():
        values[key] = value.isoformat() if isinstance(value, dt.date) else value
    return json.dumps(values)


def dbt_invocation(work_dir: Path, args: list[str]) -> tuple[list[str], dict]:
    """The dbt command line and environment for a test folder's profile, target and logs."""
    env = dict(os.environ)
    env["DBT_PROFILES_DIR"] = str(work_dir / "profiles")
    env["DBT_SEND_ANONYMOUS_USAGE_STATS"] = "false"
    command = [DBT, *args, "--project-dir", str(PROJECT_DIR),
               "--target-path", str(work_dir / "target"), "--log-path", str(work_dir / "logs")]
    return command, env


def run_dbt(work_dir: Path, args: list[str], check: bool = True) -> subprocess.CompletedProcess:
    # run from the test folder: a Spark session keeps its metastore in the working directory
    command, env = dbt_invocation(work_dir, args)
    completed = subprocess.run(command, cwd=work_dir, env=env, capture_output=True, text=True)
    if check and completed.returncode != 0:
        raise AssertionError(f"dbt {' '.join(args)} failed:\n{completed.stdout[-6000:]}\n{completed.stderr[-3000:]}")
    return completed


def normalise_row(row: dict) -> tuple:
    """A hashable, engine-neutral form of an output row (floats rounded, dates as dates)."""
    values = []
    for key in sorted(row):
        value = row[key]
        if isinstance(value, float):
            value = round(value, 6)
        elif isinstance(value, dt.datetime):
            value = value.date()
        elif hasattr(value, "is_integer") and not isinstance(value, bool):  # Decimal
            value = round(float(value), 6)
        values.append((key, value))
    return tuple(values)


def assert_same_rows(actual: list[dict], expected: list[dict], label: str):
    actual_rows = sorted((normalise_row(row) for row in actual), key=repr)
    expected_rows = sorted((normalise_row(row) for row in expected), key=repr)
    if actual_rows != expected_rows:
        missing = [row for row in expected_rows if row not in actual_rows][:5]
        extra = [row for row in actual_rows if row not in expected_rows][:5]
        raise AssertionError(
            f"{label}: {len(actual_rows)} rows built, {len(expected_rows)} expected.\n"
            f"expected but not built (first 5): {missing}\nbuilt but not expected (first 5): {extra}")


def assert_same_outputs(built: dict, expected: dict):
    """Every public output equal: rejection counts, and every row of every mart."""
    assert built["rejections"] == expected["rejections"]
    assert_same_rows(built["engagement"], expected["engagement"], "fct_account_multi_role_engagement")
    assert_same_rows(built["by_segment"], expected["by_segment"], "multi_role_engagement_by_segment")
    assert_same_rows(built["movement"], expected["movement"], "fct_account_multi_role_movement")
    assert_same_rows(built["role_coverage"], expected["role_coverage"], "role_coverage_by_plan_tier")


def build_demo_on_both(make_engine, engine_name: str):
    """Build the demo data on DuckDB and on another engine; assert the outputs are equal."""
    duck = make_engine("duckdb")
    duck.dbt(["build"])
    other = make_engine(engine_name)
    # the full build: seeds, models, unit tests and data tests all run on the engine
    other.dbt(["build"])
    assert_same_outputs(other.read_outputs(), duck.read_outputs())
    return other
