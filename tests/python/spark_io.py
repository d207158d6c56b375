"""Load raw tables into, and query, the local Spark warehouse of one test folder.

Run as a separate process (python spark_io.py load|query WORK_DIR ...): the embedded
Hive metastore (Derby) admits one process at a time, and dbt's session opens it too.
Values travel as JSON with dates and timestamps tagged.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import os
import sys


def spark_session(work_dir: str):
    from pyspark.sql import SparkSession

    os.chdir(work_dir)  # the metastore and warehouse live in the test folder
    return (SparkSession.builder.master("local[2]").appName("multi-role-tests")
            .config("spark.sql.session.timeZone", "UTC").config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4").enableHiveSupport().getOrCreate())


def encode(value):
    if isinstance(value, dt.datetime):
        return {"__datetime__": value.isoformat()}
    if isinstance(value, dt.date):
        return {"__date__": value.isoformat()}
    if isinstance(value, decimal.Decimal):
        return float(value)
    return value


def decode(value):
    if isinstance(value, dict) and "__datetime__" in value:
        return dt.datetime.fromisoformat(value["__datetime__"])
    if isinstance(value, dict) and "__date__" in value:
        return dt.date.fromisoformat(value["__date__"])
    return value


SPARK_TYPES = {"varchar": "string", "timestamp": "timestamp", "date": "date", "integer": "int"}


def load(spark, spec):
    from pyspark.sql.types import _parse_datatype_string

    spark.sql(f"create database if not exists {spec['schema']}")
    for table in spec["tables"]:
        ddl = ", ".join(f"{name} {SPARK_TYPES[kind]}" for name, kind in table["columns"])
        name = f"{spec['schema']}.{table['name']}"
        spark.sql(f"drop table if exists {name}")
        spark.sql(f"create table {name} ({ddl}) using parquet")
        rows = [[decode(value) for value in row] for row in table["rows"]]
        if rows:
            frame = spark.createDataFrame(rows, schema=_parse_datatype_string(ddl))
            frame.write.insertInto(name)


def main():
    command, work_dir = sys.argv[1], sys.argv[2]
    spark = spark_session(work_dir)
    try:
        if command == "load":
            load(spark, json.load(sys.stdin))
        elif command == "query":
            rows = spark.sql(sys.stdin.read()).collect()
            json.dump([[encode(value) for value in row] for row in rows], sys.stdout)
        else:
            raise SystemExit(f"unknown command {command}")
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
