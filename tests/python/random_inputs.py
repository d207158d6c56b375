"""Random raw input sets that exercise every rule of the contract.

Small on purpose (a few accounts and users, a few months) so that boundaries are hit
often: events at the exact instant an assignment starts or ends, role labels with odd
case and spacing, ids with stray blanks, every kind of bad row.
"""

from __future__ import annotations

import datetime as dt
import random

LABEL_VARIANTS = [
    "Admin", " ADMIN ", "Administrator", "owner", " Workspace  Owner", "account owner",
    "Contributor", "editor", "MEMBER", "creator", "Developer",
    "Analyst", "data analyst", "Data\tAnalyst", "Reporter", "analytics",
    "Viewer", "read only", "Read-Only", "stakeholder",
    "Guest", "External Guest", "Service Account", "bot", "API", "integration",
    "Billing Manager", "Auditor", None, "",
]
INDUSTRIES = ["Retail", " retail ", "RETAIL", "Software", "Healthcare", None, "", "  "]
TIERS = ["Free", "free ", "Enterprise", "growth", None, ""]
EMPLOYEES = [None, 0, 1, 10, 11, 50, 51, 200, 201, 1000, 1001, 25000, -5]


def random_input_set(seed: int):
    rng = random.Random(seed)
    start = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 300))
    span_days = rng.randint(20, 120)

    def some_day():
        return start + dt.timedelta(days=rng.randint(0, span_days))

    def some_instant():
        day = dt.datetime.combine(some_day(), dt.time())
        # midnight half the time, so events land exactly on validity bounds
        return day if rng.random() < 0.5 else day + dt.timedelta(hours=rng.randint(0, 23), minutes=rng.randint(0, 59))

    account_ids = [f"a{number}" for number in range(1, rng.randint(3, 9))]
    user_ids = [f"u{number}" for number in range(1, rng.randint(4, 10))]
    role_ids = [str(number) for number in range(1, rng.randint(5, 14))]

    counted_labels, other_labels = LABEL_VARIANTS[:20], LABEL_VARIANTS[20:]
    roles = [{"id": role_id, "role_name": rng.choice(counted_labels if rng.random() < 0.75 else other_labels)}
             for role_id in role_ids]
    if rng.random() < 0.3:
        roles.append({"id": None, "role_name": "Orphan"})

    accounts = []
    for account_id in account_ids:
        if rng.random() < 0.15:
            continue  # an account missing from the accounts table
        accounts.append({
            "account_id": rng.choice([account_id, f" {account_id} "]),
            "account_name": f"Account {account_id}",
            "industry": rng.choice(INDUSTRIES),
            "employee_count": rng.choice(EMPLOYEES),
            "plan_tier": rng.choice(TIERS),
        })

    roster = []
    instants = []
    for user_id in user_ids:
        for _ in range(rng.randint(1, 3)):
            valid_from = some_instant() if rng.random() < 0.6 else None
            valid_to = some_instant() if rng.random() < 0.4 else None
            if valid_from and valid_to and valid_to <= valid_from and rng.random() < 0.7:
                valid_from, valid_to = valid_to, valid_from + dt.timedelta(days=rng.randint(1, 30))
            row = {
                "account_id": rng.choice(account_ids),
                "user_id": rng.choice([user_id, f"{user_id} "]),
                "role_id": rng.choice(role_ids + ["999"]) if rng.random() < 0.95 else " ",
                "valid_from": valid_from,
                "valid_to": valid_to,
            }
            roster.append(row)
            instants += [moment for moment in (valid_from, valid_to) if moment]
            if rng.random() < 0.1:
                roster.append(dict(row))  # an exact copy: merged, not rejected
    for user_id in rng.sample(user_ids, k=min(len(user_ids), rng.randint(1, 3))):
        # a role change: one assignment ends at the instant the next one starts
        switch = some_instant()
        account_id = rng.choice(account_ids)
        roster.append({"account_id": account_id, "user_id": user_id, "role_id": rng.choice(role_ids),
                       "valid_from": None, "valid_to": switch})
        roster.append({"account_id": account_id, "user_id": user_id, "role_id": rng.choice(role_ids),
                       "valid_from": switch, "valid_to": None})
        instants += [switch] * 3
    for _ in range(rng.randint(0, 3)):
        bad = dict(rng.choice(roster))
        bad[rng.choice(["account_id", "user_id", "role_id"])] = rng.choice([None, "", "   "])
        roster.append(bad)

    logs = []
    next_id = 1
    good_roster = [row for row in roster if row["account_id"] and str(row["user_id"]).strip() and str(row["role_id"]).strip()]
    for _ in range(rng.randint(60, 220)):
        roll = rng.random()
        if instants and roll < 0.15:
            moment = rng.choice(instants)  # exactly on a validity bound
        else:
            moment = some_instant()
        if roll < 0.8 and good_roster:
            # most activity comes from rostered people, inside or near their assignment
            assignment = rng.choice(good_roster)
            user_id = assignment["user_id"]
            account_id = assignment["account_id"] if rng.random() < 0.5 else None
            if rng.random() < 0.7:
                low = assignment["valid_from"] or dt.datetime.combine(start, dt.time())
                high = assignment["valid_to"] or dt.datetime.combine(start + dt.timedelta(days=span_days), dt.time())
                seconds = int((high - low).total_seconds())
                if seconds > 0:
                    moment = low + dt.timedelta(seconds=rng.randint(0, seconds))
        else:
            user_id = rng.choice(user_ids + ["ghost"])
            account_id = rng.choice(account_ids + ["a_elsewhere"]) if rng.random() < 0.5 else None
        event_id = f"e{next_id}" if rng.random() < 0.85 else None
        next_id += 1
        logs.append({"event_id": event_id, "user_id": user_id, "account_id": account_id,
                     "activity_date": moment, "event_name": rng.choice(["view", "edit", None])})
    for _ in range(rng.randint(0, 8)):
        copy = dict(rng.choice(logs))
        if rng.random() < 0.5:
            # the same event_id with other details: only one copy goes on
            copy["activity_date"] = some_instant()
            copy["account_id"] = rng.choice(account_ids + [None])
        logs.append(copy)
    for _ in range(rng.randint(0, 3)):
        bad = dict(rng.choice(logs))
        bad["event_id"] = f"e{next_id}"
        next_id += 1
        kind = rng.choice(["user", "date", "future"])
        if kind == "user":
            bad["user_id"] = rng.choice([None, "", "  "])
        elif kind == "date":
            bad["activity_date"] = None
        else:
            bad["activity_date"] = dt.datetime(2099, 1, 1, 12)
        logs.append(bad)
    rng.shuffle(logs)

    grains = [grain for grain in ["day", "week", "month", "quarter", "year"] if rng.random() < 0.6] or ["month"]
    settings = {
        "period_grains": grains,
        "min_active_days": rng.choice([1, 1, 1, 2, 3]),
        "as_of_date": None if rng.random() < 0.6 else start + dt.timedelta(days=rng.randint(0, span_days)),
    }
    return {"roster": roster, "logs": logs, "roles": roles, "accounts": accounts}, settings
