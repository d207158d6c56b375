"""Write the demo raw tables (seeds/demo/*.csv) for a fictional SaaS product.

Deterministic: the same seed gives the same files. The story: 400 accounts over
13 months (Nov 2025 - Nov 2026); larger and higher-tier accounts bring more roles
to the product, some accounts broaden their usage over the year and some narrow
it; role labels arrive messy; a small share of rows is bad in each way the
contract (METRIC_SPEC.md §5) names.

    python scripts/generate_demo_data.py
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

SEED = 20261101
ACCOUNT_COUNT = 400
FIRST_DAY = dt.date(2025, 11, 1)
LAST_DAY = dt.date(2026, 11, 30)
OUT_DIR = Path(__file__).resolve().parent.parent / "seeds" / "demo"

# (id, label as the product writes it, standard tag it maps to)
ROLES = [
    ("1", "Admin", "admin"),
    ("2", " Workspace Owner", "admin"),
    ("3", "ADMINISTRATOR", "admin"),
    ("4", "Editor", "contributor"),
    ("5", "member", "contributor"),
    ("6", "Contributor ", "contributor"),
    ("7", "Data  Analyst", "analyst"),
    ("8", "Reporter", "analyst"),
    ("9", "Viewer", "viewer"),
    ("10", "read-only", "viewer"),
    ("11", "Read Only", "viewer"),
    ("12", "Stakeholder", "viewer"),
    ("13", "Guest", "guest"),
    ("14", "External Guest", "guest"),
    ("15", "Service Account", "service"),
    ("16", "Bot", "service"),
    ("17", "Billing Manager", "unclassified"),
    ("18", "Auditor", "unclassified"),
]
ROLE_IDS_BY_TAG: dict[str, list[str]] = {}
for role_id, _label, tag in ROLES:
    ROLE_IDS_BY_TAG.setdefault(tag, []).append(role_id)

INDUSTRIES = [
    ("Software", 0.25), ("Financial Services", 0.15), ("Healthcare", 0.14),
    ("Retail", 0.14), ("Manufacturing", 0.12), ("Education", 0.10), ("Media", 0.10),
]
TIERS = ["free", "starter", "growth", "enterprise"]
EVENT_NAMES = ["dashboard_viewed", "report_created", "query_run", "comment_added",
               "workspace_settings_changed", "export_downloaded", "user_invited"]


def weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs)
    return rng.choices(values, weights=weights)[0]


def month_starts():
    day = FIRST_DAY
    while day <= LAST_DAY:
        yield day
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def month_end(start: dt.date) -> dt.date:
    return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def messy(rng: random.Random, value: str) -> str:
    """The way a CRM export writes a clean value now and then."""
    roll = rng.random()
    if roll < 0.06:
        return value.upper()
    if roll < 0.12:
        return f" {value} "
    return value


def make_accounts(rng: random.Random):
    accounts = []
    for number in range(1, ACCOUNT_COUNT + 1):
        tier = weighted(rng, [("free", 0.3), ("starter", 0.3), ("growth", 0.25), ("enterprise", 0.15)])
        tier_rank = TIERS.index(tier)
        employees = int(rng.lognormvariate(3.2 + 1.0 * tier_rank, 1.0)) + 1
        trend = weighted(rng, [("steady", 0.7), ("up", 0.18), ("down", 0.12)])
        accounts.append({
            "account_id": f"acc_{number:04d}",
            "account_name": f"Account {number:04d}",
            "industry": weighted(rng, INDUSTRIES),
            "employee_count": employees,
            "plan_tier": tier,
            "tier_rank": tier_rank,
            "trend": trend,
        })
    return accounts


def account_rows(rng: random.Random, accounts):
    rows = []
    for account in accounts[:-6]:  # the last six accounts are missing from the table
        industry = account["industry"]
        roll = rng.random()
        if roll < 0.03:
            industry = ""
        elif roll < 0.05:
            industry = None
        else:
            industry = messy(rng, industry)
        employees = None if rng.random() < 0.04 else account["employee_count"]
        tier = None if rng.random() < 0.02 else messy(rng, account["plan_tier"])
        rows.append([account["account_id"], account["account_name"], industry, employees, tier])
    return rows


def pick_roles(rng: random.Random, account, seat: int) -> list[str]:
    """The standard tags one person holds; the first seat is always an admin."""
    if seat == 0:
        tags = ["admin"]
        if rng.random() < 0.25:
            tags.append("analyst")  # the founder who also builds the reports
        return tags
    breadth = 0.04 + 0.1 * account["tier_rank"] + min(account["employee_count"], 2000) / 10000
    if rng.random() > breadth:
        # most seats of a narrow account do what the first seat does
        return [weighted(rng, [("admin", 0.75), ("guest", 0.12), ("unclassified", 0.08), ("service", 0.05)])]
    tag = weighted(rng, [("contributor", 0.35), ("analyst", 0.25), ("viewer", 0.25),
                         ("guest", 0.07), ("service", 0.05), ("unclassified", 0.03)])
    return [tag]


def ts(day: dt.date, seconds: int) -> str:
    return (dt.datetime.combine(day, dt.time()) + dt.timedelta(seconds=seconds)).strftime("%Y-%m-%d %H:%M:%S")


def build(rng: random.Random):
    accounts = make_accounts(rng)
    roster = []
    # per (account, user): list of (tag, valid_from date, valid_to date or None)
    memberships = []
    for account in accounts:
        seats = max(1, min(12, int(account["tier_rank"] * 1.5 + account["employee_count"] ** 0.25 + rng.random() * 2)))
        for seat in range(seats):
            user_id = f"usr_{account['account_id'][4:]}_{seat:02d}"
            starts = FIRST_DAY - dt.timedelta(days=rng.randint(30, 400)) if rng.random() < 0.75 \
                else FIRST_DAY + dt.timedelta(days=rng.randint(0, 330))
            for tag in pick_roles(rng, account, seat):
                role_id = rng.choice(ROLE_IDS_BY_TAG[tag]) if tag != "unclassified" or rng.random() < 0.7 else "99"
                change = rng.random()
                if change < 0.08 and seat > 0:
                    # a role change mid-year: the old assignment ends where the new one starts
                    switch = max(starts, FIRST_DAY) + dt.timedelta(days=rng.randint(30, 300))
                    new_tag = rng.choice(["contributor", "analyst", "viewer"])
                    roster.append([account["account_id"], user_id, role_id, ts(starts, 0), ts(switch, 0)])
                    roster.append([account["account_id"], user_id, rng.choice(ROLE_IDS_BY_TAG[new_tag]), ts(switch, 0), None])
                    memberships.append((account, user_id, tag, starts, switch))
                    memberships.append((account, user_id, new_tag, switch, None))
                elif change < 0.13:
                    leaves = FIRST_DAY + dt.timedelta(days=rng.randint(30, 390))
                    if leaves <= starts:
                        leaves = starts + dt.timedelta(days=30)
                    roster.append([account["account_id"], user_id, role_id, None if rng.random() < 0.3 else ts(starts, 0), ts(leaves, 0)])
                    memberships.append((account, user_id, tag, starts, leaves))
                else:
                    roster.append([account["account_id"], user_id, role_id, None if rng.random() < 0.3 else ts(starts, 0), None])
                    memberships.append((account, user_id, tag, starts, None))

    events = []
    next_event = 1
    months = list(month_starts())
    for account, user_id, tag, starts, ends in memberships:
        if tag in ("guest", "service", "unclassified"):
            base = 0.35
        elif tag == "admin":
            base = 0.8
        else:
            base = 0.3 + 0.08 * account["tier_rank"]
        for index, month in enumerate(months):
            progress = index / (len(months) - 1)
            drift = {"steady": 0.0, "up": 0.45 * progress - 0.2, "down": 0.2 - 0.45 * progress}[account["trend"]]
            probability = base + (drift if tag != "admin" else 0.0)
            if rng.random() > max(0.02, min(0.97, probability)):
                continue
            for _ in range(1 + int(rng.expovariate(0.9))):
                day = month + dt.timedelta(days=rng.randint(0, (month_end(month) - month).days))
                if day < starts or (ends is not None and day >= ends):
                    continue
                has_account = rng.random() < 0.7
                events.append([f"evt_{next_event:07d}", user_id, account["account_id"] if has_account else None,
                               ts(day, rng.randint(8 * 3600, 19 * 3600)), rng.choice(EVENT_NAMES)])
                next_event += 1
    return accounts, roster, events, next_event


def add_bad_rows(rng: random.Random, roster, events, next_event):
    good_roster = list(roster)
    for _ in range(3):
        row = list(rng.choice(good_roster)); row[0] = None; roster.append(row)
    for _ in range(2):
        row = list(rng.choice(good_roster)); row[1] = "  "; roster.append(row)
    for _ in range(2):
        row = list(rng.choice(good_roster)); row[2] = ""; roster.append(row)
    for _ in range(3):
        row = list(rng.choice(good_roster)); row[3] = "2026-06-01 00:00:00"; row[4] = "2026-05-01 00:00:00"; roster.append(row)
    for _ in range(5):
        roster.append(list(rng.choice(good_roster)))  # exact copies: merged, not rejected

    good_events = list(events)
    for _ in range(5):
        row = list(rng.choice(good_events)); row[0] = f"evt_{next_event:07d}"; row[1] = None; events.append(row); next_event += 1
    for _ in range(3):
        row = list(rng.choice(good_events)); row[0] = f"evt_{next_event:07d}"; row[3] = None; events.append(row); next_event += 1
    for _ in range(4):
        row = list(rng.choice(good_events)); row[0] = f"evt_{next_event:07d}"; row[3] = "2099-01-15 10:00:00"; events.append(row); next_event += 1
    for _ in range(25):
        events.append(list(rng.choice(good_events)))  # the tracker sent the same event twice
    for number in range(8):
        events.append([f"evt_{next_event:07d}", f"usr_unknown_{number}", None, ts(dt.date(2026, 3, 1) + dt.timedelta(days=number * 20), 36000), "dashboard_viewed"])
        next_event += 1
    for _ in range(6):
        # the right user logged against an account that never rostered them
        row = list(rng.choice(good_events)); row[0] = f"evt_{next_event:07d}"; row[2] = "acc_9999"; events.append(row); next_event += 1
    events.sort(key=lambda row: (row[3] or "", row[0]))


def write(name, header, rows):
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    with open(OUT_DIR / f"{name}.csv", "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(["" if value is None else value for value in row] for row in rows)


def main():
    rng = random.Random(SEED)
    accounts, roster, events, next_event = build(rng)
    add_bad_rows(rng, roster, events, next_event)
    write("demo_accounts", ["account_id", "account_name", "industry", "employee_count", "plan_tier"], account_rows(rng, accounts))
    write("demo_role_classification_system", ["id", "role_name"], [[role_id, label] for role_id, label, _ in ROLES])
    write("demo_account_user_roster", ["account_id", "user_id", "role_id", "valid_from", "valid_to"], roster)
    write("demo_engagement_logs", ["event_id", "user_id", "account_id", "activity_date", "event_name"], events)
    print(f"{len(accounts)} accounts, {len(roster)} roster rows, {len(events)} events written to {OUT_DIR}")


if __name__ == "__main__":
    main()
