"""An independent Python reference of METRIC_SPEC.md (the contract).

Written from the contract's text, not from the SQL: plain loops over plain rows, so
that the dbt models and this file can only agree by both being right. It takes the
four raw tables as lists of dicts (raw values, as the warehouse would hold them) and
returns every public output.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
GRAINS = ("day", "week", "month", "quarter", "year")


def clean(value):
    """Staging: ids and labels as trimmed strings, blanks as null."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def normalise_label(value):
    if value is None:
        return None
    return " ".join(str(value).split()).lower()


def as_timestamp(value):
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    return dt.datetime.fromisoformat(str(value))


def load_taxonomy():
    with open(PROJECT_DIR / "seeds" / "role_taxonomy.csv", newline="") as handle:
        return {
            normalise_label(row["role_label"]): (row["role_tag"], row["counts_toward_multi_role"].strip().lower() == "true")
            for row in csv.DictReader(handle)
        }


def load_size_bands():
    with open(PROJECT_DIR / "seeds" / "company_size_bands.csv", newline="") as handle:
        return [
            (row["company_size"], int(row["min_employee_count"]),
             int(row["max_employee_count"]) if row["max_employee_count"] else None)
            for row in csv.DictReader(handle)
        ]


def read_demo_tables() -> dict:
    """The shipped demo raw tables (seeds/demo), empty cells as null, as compute() takes them."""
    def read_seed(name, integer_columns=()):
        with open(PROJECT_DIR / "seeds" / "demo" / f"{name}.csv", newline="") as handle:
            rows = []
            for row in csv.DictReader(handle):
                cleaned = {key: (value if value != "" else None) for key, value in row.items()}
                for column in integer_columns:
                    cleaned[column] = int(cleaned[column]) if cleaned[column] is not None else None
                rows.append(cleaned)
            return rows

    return {"roster": read_seed("demo_account_user_roster"), "logs": read_seed("demo_engagement_logs"),
            "roles": read_seed("demo_role_classification_system"),
            "accounts": read_seed("demo_accounts", integer_columns=["employee_count"])}

def period_start(grain, day: dt.date) -> dt.date:
    if grain == "day":
        return day
    if grain == "week":
        return day - dt.timedelta(days=day.weekday())
    if grain == "month":
        return day.replace(day=1)
    if grain == "quarter":
        return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    if grain == "year":
        return dt.date(day.year, 1, 1)
    raise ValueError(grain)


def next_period_start(grain, start: dt.date) -> dt.date:
    if grain == "day":
        return start + dt.timedelta(days=1)
    if grain == "week":
        return start + dt.timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12}[grain]
    month_index = start.year * 12 + start.month - 1 + months
    return dt.date(month_index // 12, month_index % 12 + 1, 1)


@dataclass
class Settings:
    period_grains: tuple = ("week", "month", "quarter")
    min_active_days: int = 1
    as_of_date: dt.date | None = None
    build_time: dt.datetime = field(default_factory=lambda: dt.datetime.utcnow())


@dataclass
class Result:
    engagement: list          # rows of fct_account_multi_role_engagement
    by_segment: list          # rows of multi_role_engagement_by_segment
    rejections: dict          # (source_table, reason) -> count
    as_of_date: dt.date | None
    movement: list = field(default_factory=list)  # rows of fct_account_multi_role_movement
    role_coverage: list = field(default_factory=list)  # rows of role_coverage_by_plan_tier


def settings_for(dbt_vars: dict, build_time: dt.datetime) -> Settings:
    """The settings of a dbt build run with these vars (the project's defaults where absent)."""
    defaults = Settings(build_time=build_time)
    return Settings(period_grains=tuple(dbt_vars.get("period_grains", defaults.period_grains)),
                    min_active_days=dbt_vars.get("min_active_days", defaults.min_active_days),
                    as_of_date=dbt_vars.get("as_of_date"), build_time=build_time)


def compute_tables(tables: dict, settings: Settings) -> Result:
    """compute() on the four inputs of a dict keyed roster, logs, roles, accounts."""
    return compute(tables["roster"], tables["logs"], tables["roles"], tables["accounts"], settings)


def holds_at(assignment, moment):
    valid_from, valid_to = assignment["valid_from"], assignment["valid_to"]
    return (valid_from is None or valid_from <= moment) and (valid_to is None or moment < valid_to)


def holds_during(assignment, start: dt.date, end_exclusive: dt.date):
    begin = dt.datetime.combine(start, dt.time())
    finish = dt.datetime.combine(end_exclusive, dt.time())
    valid_from, valid_to = assignment["valid_from"], assignment["valid_to"]
    return (valid_from is None or valid_from < finish) and (valid_to is None or valid_to > begin)


def compute(roster, logs, roles, accounts, settings: Settings) -> Result:
    taxonomy = load_taxonomy()
    bands = load_size_bands()
    rejections = defaultdict(int)

    # §3: role_id -> (tag, counts)
    role_tags = {}
    for row in roles:
        role_id = clean(row["id"])
        if role_id is None:
            rejections[("role_classification_system", "missing_role_id")] += 1
            continue
        role_tags[role_id] = taxonomy.get(normalise_label(row["role_name"]), ("unclassified", False))

    # §5: roster rows
    assignments = {}
    for row in roster:
        account_id, user_id, role_id = clean(row["account_id"]), clean(row["user_id"]), clean(row["role_id"])
        valid_from, valid_to = as_timestamp(row["valid_from"]), as_timestamp(row["valid_to"])
        if account_id is None:
            rejections[("account_user_roster", "missing_account_id")] += 1
        elif user_id is None:
            rejections[("account_user_roster", "missing_user_id")] += 1
        elif role_id is None:
            rejections[("account_user_roster", "missing_role_id")] += 1
        elif valid_from is not None and valid_to is not None and valid_to <= valid_from:
            rejections[("account_user_roster", "invalid_validity_range")] += 1
        else:
            tag, counts = role_tags.get(role_id, ("unclassified", False))
            key = (account_id, user_id, role_id, valid_from, valid_to)
            assignments[key] = {"account_id": account_id, "user_id": user_id, "tag": tag, "counts": counts,
                                "valid_from": valid_from, "valid_to": valid_to}
    assignments = list(assignments.values())
    by_user = defaultdict(list)
    for assignment in assignments:
        by_user[assignment["user_id"]].append(assignment)

    # §5: log rows, reasons in the contract's order
    passed = []
    for row in logs:
        user_id = clean(row["user_id"])
        moment = as_timestamp(row["activity_date"])
        if user_id is None:
            rejections[("engagement_logs", "missing_user_id")] += 1
        elif moment is None:
            rejections[("engagement_logs", "missing_activity_date")] += 1
        elif moment > settings.build_time:
            rejections[("engagement_logs", "future_activity")] += 1
        else:
            passed.append({"event_id": clean(row["event_id"]), "user_id": user_id,
                           "account_id": clean(row["account_id"]), "at": moment,
                           "event_name": clean(row.get("event_name"))})
    kept, seen_ids = [], set()
    # one copy of each event_id goes on: the earliest (ties: account, then name; nulls last)
    for event in sorted(passed, key=lambda e: (e["at"], e["account_id"] is None, e["account_id"] or "",
                                               e["event_name"] is None, e["event_name"] or "")):
        if event["event_id"] is not None:
            if event["event_id"] in seen_ids:
                rejections[("engagement_logs", "duplicate_event")] += 1
                continue
            seen_ids.add(event["event_id"])
        kept.append(event)

    def matching(event):
        return [a for a in by_user.get(event["user_id"], [])
                if (event["account_id"] is None or a["account_id"] == event["account_id"]) and holds_at(a, event["at"])]

    accepted = []
    for event in kept:
        found = matching(event)
        if not found:
            rejections[("engagement_logs", "user_not_rostered")] += 1
        else:
            accepted.append((event, found))

    for row in accounts:
        if clean(row["account_id"]) is None:
            rejections[("accounts", "missing_account_id")] += 1

    if not accepted:
        return Result([], [], dict(rejections), settings.as_of_date)
    first_date = min(event["at"].date() for event, _ in accepted)
    as_of = settings.as_of_date or max(event["at"].date() for event, _ in accepted)

    # §4 attribution: (account, user, tag) -> set of activity dates, counted tags only
    active_dates = defaultdict(set)
    for event, found in accepted:
        if event["at"].date() > as_of:
            continue
        for assignment in found:
            if assignment["counts"]:
                active_dates[(assignment["account_id"], assignment["user_id"], assignment["tag"])].add(event["at"].date())

    segments = {}
    for row in accounts:
        account_id = clean(row["account_id"])
        if account_id is None:
            continue
        industry = (clean(row["industry"]) or "unknown").lower()
        plan_tier = (clean(row["plan_tier"]) or "unknown").lower()
        employees = row["employee_count"]
        size = "unknown"
        if employees is not None:
            for name, low, high in bands:
                if employees >= low and (high is None or employees <= high):
                    size = name
        segments[account_id] = (industry, size, plan_tier)

    engagement = []
    period_starts = defaultdict(list)
    for grain in settings.period_grains:
        start = period_start(grain, first_date)
        while start <= as_of:
            period_starts[grain].append(start)
            following = next_period_start(grain, start)
            end = following - dt.timedelta(days=1)
            base = defaultdict(set)
            for assignment in assignments:
                if assignment["counts"] and holds_during(assignment, start, following):
                    base[assignment["account_id"]].add(assignment["user_id"])
            for account_id, users in base.items():
                pairs = [(user, tag) for (account, user, tag), dates in active_dates.items()
                         if account == account_id
                         and sum(1 for day in dates if start <= day <= end) >= settings.min_active_days]
                active_users = {user for user, _ in pairs}
                active_roles = sorted({tag for _, tag in pairs})
                is_multi = any(u1 != u2 and r1 != r2 for (u1, r1), (u2, r2) in product(pairs, pairs))
                industry, size, plan_tier = segments.get(account_id, ("unknown", "unknown", "unknown"))
                engagement.append({
                    "period_grain": grain, "period_start": start, "period_end": end,
                    "is_complete_period": end <= as_of, "account_id": account_id,
                    "industry": industry, "company_size": size, "plan_tier": plan_tier,
                    "rostered_users": len(users), "active_users": len(active_users),
                    "active_roles": len(active_roles), "active_role_list": ",".join(active_roles),
                    "is_active_account": bool(pairs), "is_multi_role": is_multi,
                })
            start = following

    groups = defaultdict(list)
    for row in engagement:
        for mask in product((False, True), repeat=3):
            key = (row["period_grain"], row["period_start"], row["period_end"], row["is_complete_period"],
                   *(row[col] if keep else "all" for col, keep in zip(("industry", "company_size", "plan_tier"), mask)))
            groups[key].append(row)
    by_segment = []
    for key, rows in groups.items():
        total = len(rows)
        active = sum(row["is_active_account"] for row in rows)
        multi = sum(row["is_multi_role"] for row in rows)
        by_segment.append({
            "period_grain": key[0], "period_start": key[1], "period_end": key[2], "is_complete_period": key[3],
            "industry": key[4], "company_size": key[5], "plan_tier": key[6],
            "total_accounts": total, "active_accounts": active, "multi_role_accounts": multi,
            "pct_multi_role_engagement": 100.0 * multi / active if active else None,
            "pct_multi_role_of_all_accounts": 100.0 * multi / total if total else None,
        })
    # §8: movement against the previous period of the same grain
    multi_role = {(row["period_grain"], row["period_start"], row["account_id"]): row["is_multi_role"]
                  for row in engagement}
    movement = []
    for grain, starts in period_starts.items():
        for index, start in enumerate(starts):
            previous = starts[index - 1] if index > 0 else None
            accounts = {account for (g, s, account) in multi_role if g == grain and s in (start, previous)}
            for account_id in accounts:
                was = multi_role.get((grain, previous, account_id), False)
                now = multi_role.get((grain, start, account_id), False)
                movement.append({
                    "period_grain": grain, "period_start": start, "account_id": account_id,
                    "was_multi_role": was, "is_multi_role": now,
                    "movement": {(False, True): "gained", (True, True): "retained",
                                 (True, False): "lost", (False, False): "never"}[(was, now)],
                })
    # role coverage: per counted role of the role system, share of active accounts with it active
    counted_tags = sorted({tag for tag, counts in role_tags.values() if counts})
    tier_groups = defaultdict(list)
    for row in engagement:
        for tier in (row["plan_tier"], "all"):
            tier_groups[(row["period_grain"], row["period_start"], row["period_end"],
                         row["is_complete_period"], tier)].append(row)
    role_coverage = []
    for (grain, start, end, complete, tier), rows in tier_groups.items():
        active = [row for row in rows if row["is_active_account"]]
        for tag in counted_tags:
            with_role = sum(1 for row in active if tag in row["active_role_list"].split(","))
            role_coverage.append({
                "period_grain": grain, "period_start": start, "period_end": end, "is_complete_period": complete,
                "plan_tier": tier, "role_tag": tag, "active_accounts": len(active),
                "accounts_with_role_active": with_role,
                "pct_role_coverage": 100.0 * with_role / len(active) if active else None,
            })
    return Result(engagement, by_segment, dict(rejections), as_of, movement, role_coverage)
