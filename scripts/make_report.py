"""Write the KPI report: one self-contained HTML file (charts embedded) plus the PNG charts.

Reads the public marts of a DuckDB build (the default `make run` warehouse), so the report
shows exactly what BI tools see. Usage:

    python scripts/make_report.py [--database multi_role_engagement.duckdb] [--schema analytics]
                                  [--output-dir site/report]
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import html
import sys
from pathlib import Path

import duckdb
import matplotlib

matplotlib.use("Agg")  # no display on servers and CI
import matplotlib.pyplot as plt  # noqa: E402

GRAIN_ORDER = ["day", "week", "month", "quarter", "year"]
SEGMENT_COLUMNS = ["industry", "company_size", "plan_tier"]
MOVEMENT_ORDER = ["gained", "retained", "lost", "never"]
COLOURS = {"kpi": "#1f5f8b", "incomplete": "#9bbbd4", "gained": "#2e8b57", "retained": "#7fb3d5",
           "lost": "#c0392b", "never": "#d5d8dc"}
KPI_DEFINITION = (
    "Percent of Accounts with Multi-Role Engagement = 100 × multi-role accounts / active accounts. "
    "An account is active when at least one user is active in it with a counted role; multi-role when "
    "two different people are active in two different counted roles. Every figure recounts accounts; "
    "percentages are never averaged.")


def percent(value) -> str:
    return "n/a" if value is None else f"{value:.1f}%"


class Marts:
    """Read-only queries on the public marts."""

    def __init__(self, database: str, schema: str):
        self.connection = duckdb.connect(database, read_only=True)
        self.schema = schema

    def rows(self, sql: str, parameters=()) -> list[dict]:
        cursor = self.connection.execute(sql.format(schema=self.schema), list(parameters))
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def grains(self) -> list[str]:
        built = {row["period_grain"] for row in self.rows(
            "select distinct period_grain from {schema}.multi_role_engagement_by_segment")}
        return [grain for grain in GRAIN_ORDER if grain in built]

    def trend(self, grain: str) -> list[dict]:
        return self.rows(
            """
            select period_start, period_end, is_complete_period, total_accounts, active_accounts,
                   multi_role_accounts, pct_multi_role_engagement
            from {schema}.multi_role_engagement_by_segment
            where period_grain = ? and industry = 'all' and company_size = 'all' and plan_tier = 'all'
            order by period_start
            """, [grain])

    def breakdown(self, grain: str, period_start, column: str) -> list[dict]:
        rolled_up = " and ".join(f"{other} = 'all'" for other in SEGMENT_COLUMNS if other != column)
        return self.rows(
            f"""
            select {column} as segment, total_accounts, active_accounts, multi_role_accounts,
                   pct_multi_role_engagement
            from {{schema}}.multi_role_engagement_by_segment
            where period_grain = ? and period_start = ? and {column} <> 'all' and {rolled_up}
            order by pct_multi_role_engagement desc nulls last, segment
            """, [grain, period_start])

    def movement(self, grain: str) -> list[dict]:
        return self.rows(
            """
            select period_start, movement, count(*) as accounts
            from {schema}.fct_account_multi_role_movement
            where period_grain = ?
            group by period_start, movement
            order by period_start, movement
            """, [grain])

    def role_coverage(self, grain: str, period_start) -> list[dict]:
        return self.rows(
            """
            select plan_tier, role_tag, active_accounts, accounts_with_role_active, pct_role_coverage
            from {schema}.role_coverage_by_plan_tier
            where period_grain = ? and period_start = ?
            order by plan_tier = 'all' desc, plan_tier, role_tag
            """, [grain, period_start])

    def rejections(self) -> list[dict]:
        return self.rows(
            """
            select source_table, reason, count(*) as row_count
            from {schema}.dq_rejected_rows
            group by source_table, reason
            order by source_table, reason
            """)


def latest_complete(trend: list[dict]):
    complete = [row for row in trend if row["is_complete_period"]]
    return complete[-1] if complete else None


def save(figure, path: Path) -> Path:
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path


def chart_trend(trends: dict, path: Path) -> Path:
    figure, axes = plt.subplots(len(trends), 1, figsize=(10, 2.8 * len(trends)), squeeze=False)
    for axis, (grain, rows) in zip(axes[:, 0], trends.items()):
        starts = [row["period_start"] for row in rows]
        values = [row["pct_multi_role_engagement"] for row in rows]
        axis.plot(starts, [v if v is not None else float("nan") for v in values], color=COLOURS["kpi"],
                  marker="o", markersize=3)
        incomplete = [(row["period_start"], row["pct_multi_role_engagement"]) for row in rows
                      if not row["is_complete_period"] and row["pct_multi_role_engagement"] is not None]
        if incomplete:
            axis.scatter(*zip(*incomplete), color=COLOURS["incomplete"], zorder=3, label="incomplete period")
            axis.legend(loc="lower right", fontsize=8)
        axis.set_title(f"KPI by {grain}", loc="left", fontsize=10)
        axis.set_ylabel("% multi-role")
        axis.set_ylim(0, 100)
        axis.grid(alpha=0.3)
    return save(figure, path)


def chart_breakdown(breakdowns: dict, title: str, path: Path) -> Path:
    figure, axes = plt.subplots(1, len(breakdowns), figsize=(12, 3.8), squeeze=False)
    for axis, (column, rows) in zip(axes[0], breakdowns.items()):
        labels = [row["segment"] for row in rows][::-1]
        values = [row["pct_multi_role_engagement"] or 0 for row in rows][::-1]
        bars = axis.barh(labels, values, color=COLOURS["kpi"])
        axis.bar_label(bars, labels=[f"{value:.0f}%" for value in values], fontsize=8, padding=2)
        axis.set_xlim(0, 110)
        axis.set_title(column.replace("_", " "), loc="left", fontsize=10)
    figure.suptitle(title, fontsize=11)
    return save(figure, path)


def chart_movement(movement: dict, grain: str, path: Path) -> Path:
    # the first period has no previous one, so every multi-role account in it reads 'gained';
    # drawn, it would dwarf every real movement
    starts = sorted(movement)[1:]
    figure, axis = plt.subplots(figsize=(10, 3.6))
    gained = [movement[start].get("gained", 0) for start in starts]
    lost = [-movement[start].get("lost", 0) for start in starts]
    labels = [f"{start:%Y-%m-%d}" for start in starts]
    axis.bar(labels, gained, color=COLOURS["gained"], label="gained")
    axis.bar(labels, lost, color=COLOURS["lost"], label="lost")
    axis.plot(labels, [g + l for g, l in zip(gained, lost)], color="black", marker="o", markersize=3, label="net")
    axis.axhline(0, color="grey", linewidth=0.8)
    axis.set_title(f"Accounts gaining and losing multi-role engagement, by {grain}", loc="left", fontsize=10)
    axis.set_ylabel("accounts")
    axis.tick_params(axis="x", rotation=60, labelsize=7)
    axis.legend(fontsize=8)
    return save(figure, path)


def chart_role_coverage(rows: list[dict], title: str, path: Path) -> Path:
    tiers = list(dict.fromkeys(row["plan_tier"] for row in rows))
    roles = sorted({row["role_tag"] for row in rows})
    figure, axis = plt.subplots(figsize=(10, 3.6))
    width = 0.8 / max(len(roles), 1)
    by_key = {(row["plan_tier"], row["role_tag"]): row["pct_role_coverage"] or 0 for row in rows}
    for index, role in enumerate(roles):
        axis.bar([position + index * width for position in range(len(tiers))],
                 [by_key.get((tier, role), 0) for tier in tiers], width=width, label=role)
    axis.set_xticks([position + width * (len(roles) - 1) / 2 for position in range(len(tiers))], tiers)
    axis.set_ylim(0, 120)  # room for the legend above the bars
    axis.set_yticks(range(0, 101, 20))
    axis.set_ylabel("% of active accounts")
    axis.set_title(title, loc="left", fontsize=10)
    axis.legend(fontsize=8, ncol=len(roles))
    return save(figure, path)


def table(table_id: str, headers: list[str], rows: list[list]) -> str:
    head = "".join(f"<th>{html.escape(str(header))}</th>" for header in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(cell))}</td>" for cell in row) + "</tr>" for row in rows)
    return f'<table id="{table_id}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def embedded(path: Path, alt: str) -> str:
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    return f'<img alt="{html.escape(alt)}" src="data:image/png;base64,{data}">'


STYLE = """
body { font-family: sans-serif; margin: 2em auto; max-width: 1100px; color: #222; }
h1 { margin-bottom: 0.2em; } .muted { color: #666; font-size: 0.9em; }
.headline { font-size: 2.4em; font-weight: bold; color: #1f5f8b; }
table { border-collapse: collapse; margin: 0.8em 0 1.6em; font-size: 0.9em; }
th, td { border-bottom: 1px solid #ddd; padding: 0.25em 0.8em; text-align: right; }
th:first-child, td:first-child { text-align: left; } img { max-width: 100%; }
summary { cursor: pointer; color: #1f5f8b; margin-bottom: 0.4em; }
"""


def build_report(marts: Marts, output_dir: Path) -> Path:
    output_dir.mkdir(parents=True, exist_ok=True)
    grains = marts.grains()
    if not grains:
        raise SystemExit("The marts hold no period: no accepted engagement events. Nothing to report.")
    trends = {grain: marts.trend(grain) for grain in grains}
    # the breakdowns and the headline use the month when it is built, else the finest grain
    focus_grain = "month" if "month" in grains else grains[0]
    focus = latest_complete(trends[focus_grain]) or trends[focus_grain][-1]
    focus_start = focus["period_start"]
    period_label = f"{focus_grain} {focus_start:%Y-%m-%d} to {focus['period_end']:%Y-%m-%d}"
    previous = [row for row in trends[focus_grain] if row["period_start"] < focus_start]
    change = ""
    if previous and previous[-1]["pct_multi_role_engagement"] is not None and focus["pct_multi_role_engagement"] is not None:
        delta = focus["pct_multi_role_engagement"] - previous[-1]["pct_multi_role_engagement"]
        change = f"{delta:+.1f} points against the previous {focus_grain}"

    breakdowns = {column: marts.breakdown(focus_grain, focus_start, column) for column in SEGMENT_COLUMNS}
    movement_rows = marts.movement(focus_grain)
    movement = {}
    for row in movement_rows:
        movement.setdefault(row["period_start"], {})[row["movement"]] = row["accounts"]
    coverage = marts.role_coverage(focus_grain, focus_start)
    rejections = marts.rejections()

    charts = {
        "kpi_trend": chart_trend(trends, output_dir / "kpi_trend.png"),
        "kpi_by_segment": chart_breakdown(breakdowns, f"KPI by segment, {period_label}",
                                          output_dir / "kpi_by_segment.png"),
        "movement": chart_movement(movement, focus_grain, output_dir / "movement.png"),
        "role_coverage": chart_role_coverage(coverage, f"Role coverage by plan tier, {period_label}",
                                             output_dir / "role_coverage.png"),
    }

    sections = [
        "<h1>Percent of Accounts with Multi-Role Engagement</h1>",
        f'<p class="muted">Generated {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC from the marts in '
        f'schema {html.escape(marts.schema)}. {html.escape(KPI_DEFINITION)}</p>',
        f'<p>Latest complete {focus_grain} ({period_label}):</p>',
        f'<p class="headline" id="headline">{percent(focus["pct_multi_role_engagement"])}</p>',
        f'<p>{focus["multi_role_accounts"]} of {focus["active_accounts"]} active accounts '
        f'({focus["total_accounts"]} in the base). {html.escape(change)}</p>',
        "<h2>Trend per grain</h2>", embedded(charts["kpi_trend"], "KPI trend per grain"),
    ]
    for grain, rows in trends.items():
        sections.append(f"<details><summary>Figures by {grain}</summary>")
        sections.append(table(f"trend-{grain}", ["period start", "complete", "accounts", "active", "multi-role", "KPI"],
                              [[f"{row['period_start']:%Y-%m-%d}", "yes" if row["is_complete_period"] else "no",
                                row["total_accounts"], row["active_accounts"], row["multi_role_accounts"],
                                percent(row["pct_multi_role_engagement"])] for row in rows]))
        sections.append("</details>")
    sections += ["<h2>Breakdown by industry, company size and plan tier</h2>",
                 embedded(charts["kpi_by_segment"], "KPI by segment")]
    for column, rows in breakdowns.items():
        sections.append(f"<h3>{column.replace('_', ' ')}</h3>")
        sections.append(table(f"breakdown-{column}", [column.replace("_", " "), "accounts", "active", "multi-role", "KPI"],
                              [[row["segment"], row["total_accounts"], row["active_accounts"],
                                row["multi_role_accounts"], percent(row["pct_multi_role_engagement"])] for row in rows]))
    sections += ["<h2>Movement</h2>",
                 "<p>Accounts in the base of a period or of the previous one, by how their multi-role state "
                 "changed: a leading indicator of the KPI. The chart leaves out the first period, where "
                 "every multi-role account reads 'gained' for want of a previous period.</p>",
                 embedded(charts["movement"], "Movement"),
                 table("movement", ["period start", *MOVEMENT_ORDER],
                       [[f"{start:%Y-%m-%d}", *(movement[start].get(kind, 0) for kind in MOVEMENT_ORDER)]
                        for start in sorted(movement)]),
                 "<h2>Role coverage</h2>",
                 "<p>Share of active accounts in which someone is active in each role.</p>",
                 embedded(charts["role_coverage"], "Role coverage"),
                 table("role-coverage", ["plan tier", "role", "active accounts", "with role active", "coverage"],
                       [[row["plan_tier"], row["role_tag"], row["active_accounts"], row["accounts_with_role_active"],
                         percent(row["pct_role_coverage"])] for row in coverage]),
                 "<h2>Data quality</h2>",
                 "<p>Raw rows not used, by reason (dq_rejected_rows).</p>",
                 table("rejections", ["source table", "reason", "rows"],
                       [[row["source_table"], row["reason"], row["row_count"]] for row in rejections])]
    document = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                "<title>Multi-role engagement report</title>"
                f"<style>{STYLE}</style></head><body>{''.join(sections)}</body></html>")
    report = output_dir / "multi_role_engagement_report.html"
    report.write_text(document, encoding="utf-8")
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="multi_role_engagement.duckdb")
    parser.add_argument("--schema", default="analytics")
    parser.add_argument("--output-dir", default="site/report", type=Path)
    arguments = parser.parse_args()
    report = build_report(Marts(arguments.database, arguments.schema), arguments.output_dir)
    print(f"Report written to {report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
