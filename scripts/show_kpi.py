"""Print the latest complete period's KPI, overall and by plan tier, from the DuckDB build."""

from __future__ import annotations

import os
import sys

import duckdb

DATABASE = os.environ.get("DBT_DUCKDB_PATH", "multi_role_engagement.duckdb")
SCHEMA = os.environ.get("DBT_SCHEMA", "analytics")
GRAIN_ORDER = ["day", "week", "month", "quarter", "year"]


def percent(value):
    return "   n/a" if value is None else f"{value:5.1f}%"


def main() -> int:
    connection = duckdb.connect(DATABASE, read_only=True)
    segments = f"{SCHEMA}.multi_role_engagement_by_segment"
    built = {row[0] for row in connection.execute(f"select distinct period_grain from {segments}").fetchall()}
    grains = [grain for grain in GRAIN_ORDER if grain in built]
    if not grains:
        print("No periods were built: no accepted engagement events.")
        return 1
    print("Percent of Accounts with Multi-Role Engagement (latest complete period)")
    print("=" * 72)
    for grain in grains:
        latest = connection.execute(
            f"select max(period_start) from {segments} where period_grain = ? and is_complete_period",
            [grain]).fetchone()[0]
        if latest is None:
            print(f"{grain:>8}: no complete period yet")
            continue
        rows = connection.execute(
            f"""
            select plan_tier, period_start, period_end, total_accounts, active_accounts,
                   multi_role_accounts, pct_multi_role_engagement
            from {segments}
            where period_grain = ? and period_start = ? and industry = 'all' and company_size = 'all'
            order by plan_tier = 'all' desc, plan_tier
            """, [grain, latest]).fetchall()
        print(f"\n{grain} {rows[0][1]} .. {rows[0][2]}")
        print(f"  {'plan tier':<12}{'accounts':>10}{'active':>10}{'multi-role':>12}{'KPI':>10}")
        for plan_tier, _start, _end, total, active, multi, pct in rows:
            label = "ALL" if plan_tier == "all" else plan_tier
            print(f"  {label:<12}{total:>10}{active:>10}{multi:>12}{percent(pct):>10}")
    trend = connection.execute(
        f"""
        select period_start, pct_multi_role_engagement
        from {segments}
        where period_grain = 'month' and is_complete_period
          and industry = 'all' and company_size = 'all' and plan_tier = 'all'
        order by period_start
        """).fetchall()
    if trend:
        print("\nMonthly trend, all accounts:")
        for start, pct in trend:
            bar = "#" * int(round((pct or 0) / 2))
            print(f"  {start:%Y-%m}  {percent(pct)}  {bar}")
    rejected = connection.execute(
        f"select source_table, reason, count(*) from {SCHEMA}.dq_rejected_rows group by 1, 2 order by 1, 2").fetchall()
    if rejected:
        print("\nRows set aside (dq_rejected_rows):")
        for table, reason, count in rejected:
            print(f"  {table:<28}{reason:<26}{count:>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
