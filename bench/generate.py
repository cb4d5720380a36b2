"""Synthetic data at scale: `python bench/generate.py --incidents 1000000 --database URL [--seed 7]`.

Fills an empty database with the demo bank's organisation (`load_demo` with no
cases: teams, users, CMDB, owner matrix), an operations-centre team that makes
every application's propagation group 20 people, and then N incidents over
several years, streamed in chunks straight through the driver (executemany on
SQLite, COPY on PostgreSQL) inside one transaction:

- registrations shaped like office work (weekday and hour weights of the demo),
  applications by their weight, urgency × impact → grade through the matrix;
- states by age (old ones closed, the last days still open, a few cancelled or
  waiting), with the engine's event kinds and before/after JSON — about five
  events per incident (register, accept, start, actions, close);
- actions, work orders (with their own events and the parent's), problems
  linked to incidents of the same application, and both SLA clocks;
- titles and descriptions in Korean (the demo's templates) and, for one in four,
  in English, so free-text search has both to find.

SLA figures are sampled (minutes to respond/resolve against the grade's target)
rather than measured through the business calendar, which would cost more than
the whole load; they are consistent with the timestamps for 24×7 grades and
plausible for business-time ones. Notices (outbox) are not generated for the
history. Search structures are built once after the load (FTS5 rebuild on
SQLite, pg_trgm indexes on PostgreSQL), and PostgreSQL's live-change, audit and
event-actor triggers are off while loading (on PostgreSQL every user it makes is a
login with the demo password). The same --seed and --now always give the same data.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import multiprocessing
import os
import random
import sys
import time
import tomllib
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate
from pathlib import Path
from typing import Any

os.environ.setdefault("BEACON_FAST_HASH", "1")
os.environ.setdefault("BEACON_BENCH", "1")  # the fast hash is allowed in tests and benchmarks only
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from peewee import CharField, TextField

from desktop.demo.bank import DEMO_PASSWORD, HOUR_WEIGHTS, URGENCY_WEIGHTS, WEEKDAY_WEIGHTS, load_demo
from desktop.models import (
    Action,
    BusinessCalendar,
    Case,
    CaseLink,
    ConfigurationItem,
    Credential,
    Event,
    Grade,
    Incident,
    NumberSequence,
    OwnerMatrixEntry,
    PriorityMatrixCell,
    Problem,
    ProcessDefinition,
    PropagationOverride,
    Role,
    SlaClock,
    SlaPolicy,
    Team,
    UrgencyLevel,
    User,
    UserRole,
    WorkOrder,
    database,
    ensure_schema,
)
from desktop.models import db as dbmod
from desktop.models.base import BaseModel
from desktop.models.numbering import format_number
from desktop.models.schema import install_database_objects
from desktop.models.security import login_prefix
from desktop.paths import resource_path
from desktop.workflow.admin.defaults import seed_defaults
from desktop.workflow.common.auth import scram_verifier, sync_login
from desktop.workflow.notify.propagation import propagation_group

# incidents generated and written at a time, and the processes making chunks while the main one writes
# (the environment may set both, e.g. to check that the data does not depend on them)
CHUNK = int(os.environ.get("BEACON_BENCH_CHUNK", "20000"))
PLANNERS = int(os.environ.get("BEACON_BENCH_PLANNERS", str(max(1, min(2, os.cpu_count() or 1)))))
DAILY_INCIDENTS = 700  # a large bank's rate; the history spans as many days as N needs (at least a year)
GROUP_SIZE = 20  # people in every application's propagation group
ENGLISH_SHARE = 0.25
SEOUL = timedelta(hours=9)  # Asia/Seoul has no daylight saving time

# English incidents: (incident type, title) and descriptions, as a foreign-branch or vendor user writes them.
EN_TITLES = (
    ("application", "{app} login is slow"),
    ("application", "{app} transfer fails with error {error}"),
    ("application", "{app} screen freezes after sign-in"),
    ("system", "{app} server memory exhausted, responses delayed"),
    ("system", "{app} batch job timeout"),
    ("network", "{app} unreachable from branch network"),
    ("data", "{app} balance mismatch after nightly batch"),
    ("security", "Unusual login attempts on {app}"),
    ("external", "{app} external gateway timeout"),
)
EN_DESCRIPTIONS = (
    "Users at {branch_en} report that {app} stops with error {error}; {count} cases in the last {minutes} minutes.",
    "Monitoring raised a threshold alert on {app}. Response time is {count} times the usual value.",
    "Customer complaints about {app}: the transaction hangs and then fails. Please check whether it reproduces.",
)
EN_ACTIONS = {
    "investigation": ("Checked server logs, many {error} errors found", "Traced slow transactions with APM",
                      "Reviewed recent deployments against the change log"),
    "contact": ("Called the branch to confirm the symptom", "Informed the service desk of a workaround"),
    "workaround": ("Restarted the WAS instance, service back to normal", "Routed traffic to the standby server"),
    "note": ("Monitoring closely for recurrence", "Outage notice posted on the intranet"),
    "fix": ("Deployed the corrected program", "Rebuilt the index and refreshed statistics",
            "Raised the connection pool size"),
}
EN_BRANCHES = ("Gangnam branch", "Yeouido branch", "Busan branch", "Pangyo branch", "New York branch")
STAFF_SURNAMES = ("김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황")
STAFF_GIVEN = ("민준", "서연", "도윤", "하은", "시우", "지우", "예준", "수아", "주원", "지민", "건우", "채원",
               "현우", "다은", "우진", "유진", "선우", "소율", "연우", "윤서")
ACTION_KINDS = ("investigation", "contact", "workaround", "note")
ACTION_WEIGHTS = (40, 20, 25, 15)


@dataclass
class App:
    id: int
    name: str
    name_en: str
    impact_id: int
    team_id: int
    primary: list[int]
    second_line: list[int]
    titles: list[tuple[str, str]]
    fill: dict[str, list[str]]


@dataclass
class Policy:
    id: int
    response: int
    resolution: int
    calendar_id: int
    business: bool


@dataclass
class Counts:
    incidents: int = 0
    cases: int = 0
    events: int = 0
    actions: int = 0
    clocks: int = 0
    work_orders: int = 0
    problems: int = 0
    links: int = 0

    def rows(self) -> int:
        return (self.cases + self.incidents + self.events + self.actions + self.clocks + self.work_orders
                + self.problems + self.links)


@dataclass
class Batch:
    """Rows of one chunk, per table, as tuples in each table's column order."""

    tables: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)

    def add(self, table: str, row: tuple[Any, ...]) -> None:
        self.tables.setdefault(table, []).append(row)


@dataclass(frozen=True)
class ChunkPlan:
    """What one chunk makes: its days, the id range of each table and where its numbers start."""

    index: int
    days: list[tuple[date, int]]
    starts: dict[str, int]
    ends: dict[str, int]
    number_bases: dict[str, int]  # INC-<year> → the last number before this chunk
    number_offsets: dict[str, int]  # WO / PRB → this chunk's offset past the year's existing numbers


# --- writing: the fastest path each driver offers ---------------------------------------------------


class Table:
    """A model's columns in the order the generator fills them, plus every other column's default."""

    def __init__(self, model: type[BaseModel], names: Sequence[str]) -> None:
        fields = model._meta.fields
        unknown = [n for n in names if n not in fields]
        if unknown:
            raise RuntimeError(f"{model.__name__} has no columns {unknown}: the generator is out of date")
        rest = [f for name, f in fields.items() if name not in names]
        missing = [f.name for f in rest if f.default is None and not f.null]
        if missing:
            raise RuntimeError(f"{model.__name__}: the generator does not fill {missing}")
        self.name = model._meta.table_name
        ordered = [fields[n] for n in names] + rest
        self.columns = [f.column_name for f in ordered]
        # COPY … CSV reads a quoted "" as an empty string; these columns take it as NULL instead
        self.not_text = [f.column_name for f in ordered if not isinstance(f, CharField | TextField)]
        self.tail = tuple(f.db_value(f.default() if callable(f.default) else f.default) for f in rest)


class Writer:
    def __init__(self, tables: dict[str, Table]) -> None:
        self.tables = tables

    def write(self, batch: Batch) -> None:
        for key in ("case", "incident", "problem", "work_order", "case_link", "action", "event", "sla_clock"):
            rows = batch.tables.get(key)
            if rows:
                table = self.tables[key]
                self.insert(table, [row + table.tail for row in rows] if table.tail else rows)

    def insert(self, table: Table, rows: list[tuple[Any, ...]]) -> None:
        raise NotImplementedError


class SqliteWriter(Writer):
    def insert(self, table: Table, rows: list[tuple[Any, ...]]) -> None:
        marks = ", ".join("?" * len(table.columns))
        columns = ", ".join(f'"{c}"' for c in table.columns)
        database.connection().executemany(f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})', rows)


class PostgresWriter(Writer):
    def insert(self, table: Table, rows: list[tuple[Any, ...]]) -> None:
        buffer = io.StringIO()
        csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n").writerows(rows)
        buffer.seek(0)
        columns = ", ".join(f'"{c}"' for c in table.columns)
        force = ", ".join(f'"{c}"' for c in table.not_text)
        with database.cursor() as cursor:
            cursor.copy_expert(f'COPY "{table.name}" ({columns}) FROM STDIN WITH (FORMAT csv, FORCE_NULL ({force}))',
                               buffer)


# --- the organisation the incidents happen in -------------------------------------------------------


def _staff_name(index: int) -> str:
    return STAFF_SURNAMES[index % len(STAFF_SURNAMES)] + STAFF_GIVEN[(index // len(STAFF_SURNAMES)) % len(STAFF_GIVEN)]


def operations_centre(now: datetime) -> None:
    """An operations-centre team told about every application, so each propagation group has 20 people."""
    head = Team.get_or_none(Team.parent.is_null(True))
    team = Team.create(code="ops_centre", name="종합상황실", name_en="Operations Centre", parent=head, updated_at=now)
    admin = User.get(User.login == "admin")
    admin_row = Credential.get_or_none(Credential.user == admin.id)  # none on PostgreSQL: logins sign in there
    admin_hash = admin_row.password_hash if admin_row else ""
    handler = Role.get(Role.code == "handler")
    # PostgreSQL: each operator is a login with the demo password, as every demo user is (one verifier serves all)
    verifier = (scram_verifier(login_prefix() + "admin", DEMO_PASSWORD) if dbmod.backend() == "postgresql"
                else None)
    staff = []
    for i in range(GROUP_SIZE):
        user = User.create(login=f"ops{i + 1:02d}", name=_staff_name(i), name_en=f"Operator {i + 1}",
                           email=f"ops{i + 1:02d}@beaconbank.example", team=team, title="상황실 요원",
                           created_at=now, updated_at=now)
        UserRole.create(user=user, role=handler)
        if admin_hash:
            Credential.create(user=user, password_hash=admin_hash)
        if verifier:
            sync_login(user.id, verifier=verifier)
        staff.append(user.id)
    for app in ConfigurationItem.select().where(ConfigurationItem.kind == "application"):
        members = {m.user_id for m in propagation_group(app.id)}
        for user_id in staff:
            if len(members) >= GROUP_SIZE:
                break
            if user_id not in members:
                PropagationOverride.create(application=app, user=user_id, mode="add", reason="상황실 상시 전파",
                                           created_at=now, created_by=admin)
                members.add(user_id)


def read_apps(content: dict[str, Any]) -> list[tuple[App, float]]:
    """The demo's applications with their owner-matrix handlers and incident titles, and their weights."""
    specs = {a["code"]: a for a in content["applications"]}
    roles = {r.code: r.id for r in Role.select()}
    items = {ci.code: ci for ci in ConfigurationItem.select()}
    out = []
    for code, spec in specs.items():
        ci = items[code]
        cells: dict[int, list[int]] = {}
        for role, user in (OwnerMatrixEntry.select(OwnerMatrixEntry.role, OwnerMatrixEntry.user)
                           .where(OwnerMatrixEntry.ci == ci.id).order_by(OwnerMatrixEntry.position).tuples()):
            cells.setdefault(role, []).append(user)
        primary = cells.get(roles["primary_handler"], [])
        related = [items[t] for t in [*spec.get("runs_on", []), *spec.get("depends_on", [])] if t in items]
        fill = {kind: [r.name for r in related if r.kind == kind] or [content["words"]["fallback"][kind]]
                for kind in ("server", "database", "middleware", "network")}
        out.append((App(id=ci.id, name=ci.name, name_en=ci.name_en or ci.name, impact_id=ci.impact_id,
                        team_id=ci.team_id, primary=primary, second_line=cells.get(roles["second_line"], primary),
                        titles=[(kind, title) for kind, title in spec["incidents"]], fill=fill),
                    float(spec.get("weight", 5))))
    return out


# --- the generator ---------------------------------------------------------------------------------


class Generator:
    """Plans incidents day by day and turns each into its rows; nothing is kept once a chunk is written."""

    def __init__(self, content: dict[str, Any], seed: int, now: datetime, days: int) -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        self.now = now
        self.days = days
        self.words = content["words"]
        self.texts = content["templates"]
        apps = read_apps(content)
        self.apps = [a for a, _ in apps]
        self.app_cum = list(accumulate(w for _, w in apps))
        urgencies = list(UrgencyLevel.select().order_by(UrgencyLevel.rank))
        self.urgency_ids = [u.id for u in urgencies]
        self.urgency_cum = list(accumulate(URGENCY_WEIGHTS.get(u.code, 0.3) for u in urgencies))
        self.matrix = {(u, i): g for u, i, g in PriorityMatrixCell.select(
            PriorityMatrixCell.urgency, PriorityMatrixCell.impact, PriorityMatrixCell.grade).tuples()}
        self.grade_level = {g.id: g.level for g in Grade.select()}
        worst = max(self.grade_level, key=self.grade_level.__getitem__)
        self.default_grade = worst
        calendars = {c.id: c.is_24x7 for c in BusinessCalendar.select()}
        self.policies = {p.grade_id: Policy(p.id, p.response_minutes, p.resolution_minutes, p.calendar_id,
                                            not calendars[p.calendar_id])
                         for p in SlaPolicy.select().where(SlaPolicy.case_kind == "incident")}
        self.customers = [u for (u,) in User.select(User.id).join(UserRole).join(Role)
                          .where(Role.code == "customer").order_by(User.id).tuples()]
        managers = [u for (u,) in User.select(User.id).join(UserRole).join(Role)
                    .where(Role.code == "problem_manager").order_by(User.id).tuples()]
        self.problem_managers = managers or [User.get(User.login == "admin").id]
        self.process = {p: pid for p, pid in ProcessDefinition.select(ProcessDefinition.process, ProcessDefinition.id)
                        .where(ProcessDefinition.is_active == True).order_by(ProcessDefinition.version)  # noqa: E712
                        .tuples()}
        self.team_of = dict(User.select(User.id, User.team).tuples())
        self.next_case = (Case.select(Case.id).order_by(Case.id.desc()).scalar() or 0) + 1
        self.next_action = (Action.select(Action.id).order_by(Action.id.desc()).scalar() or 0) + 1
        self.next_event = (Event.select(Event.id).order_by(Event.id.desc()).scalar() or 0) + 1
        self.next_clock = (SlaClock.select(SlaClock.id).order_by(SlaClock.id.desc()).scalar() or 0) + 1
        self.next_link = (CaseLink.select(CaseLink.id).order_by(CaseLink.id.desc()).scalar() or 0) + 1
        self.sequences: dict[str, int] = {s.name: s.value for s in NumberSequence.select()}
        self.initial_sequences = dict(self.sequences)
        self.hour_cum = list(accumulate(HOUR_WEIGHTS))
        self.counts = Counts()
        # set per chunk by `chunk`: the end of its id ranges and its number bases
        self.ends: dict[str, int] = {}
        self.number_base: dict[str, int] = {}
        self.number_offset: dict[str, int] = {}
        self.local_numbers: dict[str, int] = {}
        self.recent: dict[int, list[tuple[int, str, datetime, int]]] = {}  # app → closed incidents for problems
        self.encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=_iso).encode

    # time -------------------------------------------------------------------------------------------

    def day_counts(self, total: int) -> list[tuple[date, int]]:
        """How many incidents each day gets: weekday-weighted, summing exactly to `total`."""
        last = (self.now + SEOUL).date()
        days = [last - timedelta(days=back) for back in range(self.days - 1, -1, -1)]
        weights = [WEEKDAY_WEIGHTS[d.weekday()] for d in days]
        cum = list(accumulate(weights))
        out, given = [], 0
        for d, c in zip(days, cum, strict=True):
            upto = round(total * c / cum[-1])
            out.append((d, upto - given))
            given = upto
        return out

    def moments(self, day: date, count: int) -> list[datetime]:
        """`count` registration times (naive UTC) on a local day, by office-hour weights, sorted."""
        rng = self.rng
        hour_cum = self.hour_cum
        base = datetime(day.year, day.month, day.day) - SEOUL
        limit = self.now - timedelta(minutes=10)
        out = []
        for hour in rng.choices(range(24), cum_weights=hour_cum, k=count):
            moment = base + timedelta(seconds=hour * 3600 + rng.randrange(3600))
            out.append(moment if moment < limit else max(base, limit - timedelta(seconds=rng.randrange(1, 86400))))
        out.sort()
        return out

    def number(self, prefix: str, at: datetime, kind: str) -> str:
        """The next number of a kind for the year of `at`, inside this chunk's range (see `plan`)."""
        year = (at + SEOUL).year
        name = f"{prefix}-{year}"
        local = self.local_numbers[name] = self.local_numbers.get(name, 0) + 1
        base = self.number_base.get(name)
        if base is None:
            base = self.initial_sequences.get(name, 0) + self.number_offset[prefix]
        value = base + local
        self.sequences[name] = max(self.sequences.get(name, 0), value)
        return format_number(kind, year, value)

    def _take(self, counter: str) -> int:
        """The next id of a table in this chunk's range."""
        value = getattr(self, counter)
        if value >= self.ends[counter]:
            raise RuntimeError(f"generate: chunk ran out of {counter} ids; raise its allowance in plan()")
        setattr(self, counter, value + 1)
        return value

    # rows -------------------------------------------------------------------------------------------

    def case(self, batch: Batch, kind: str, prefix: str, at: datetime) -> tuple[int, str]:
        case_id = self._take("next_case")
        number = self.number(prefix, at, kind)
        batch.add("case", (case_id, kind, number, str(at)))
        return case_id, number

    def event(self, batch: Batch, case_id: int, entity: str, number: str, kind: str, actor: int | None,
              at: datetime, from_state: str = "", to_state: str = "", before: dict[str, Any] | str | None = None,
              after: dict[str, Any] | str | None = None, note: str = "") -> None:
        # the common small JSON objects come pre-written (str); the rest go through the encoder
        before_json = before if isinstance(before, str) else self.encode(before) if before else "{}"
        after_json = after if isinstance(after, str) else self.encode(after) if after else "{}"
        batch.add("event", (self._take("next_event"), case_id, entity, number, kind, actor, str(at), from_state,
                            to_state, before_json, after_json, note))

    def plan(self, total: int) -> list[ChunkPlan]:
        """Cut the history into chunks of whole days (about CHUNK incidents each) that can be made apart.

        Each chunk gets its own random stream (seeded by --seed and its index), its own id ranges and its own
        number bases, so two processes can plan alternate chunks and the data is the same however many do.
        Incident numbers run on without gaps (the day plan says how many each year had before a chunk); work
        orders and problems, whose counts are not known in advance, number from a per-chunk offset, leaving
        gaps between chunks — as ids do.
        """
        groups: list[list[tuple[date, int]]] = [[]]
        filled = 0
        for day, count in self.day_counts(total):
            if filled >= CHUNK:
                groups.append([])
                filled = 0
            groups[-1].append((day, count))
            filled += count
        plans = []
        ids = {"next_case": self.next_case, "next_event": self.next_event, "next_action": self.next_action,
               "next_clock": self.next_clock, "next_link": self.next_link}
        incidents_by_year: dict[int, int] = {}
        offsets = {"WO": 0, "PRB": 0}
        for index, days in enumerate(groups):
            n = sum(count for _, count in days)
            work_orders, problems = n // 4 + 32, n // 400 + 32
            allowance = {"next_case": n + work_orders + problems, "next_event": 20 * n + 16 * problems,
                         "next_action": 6 * n, "next_clock": 2 * n, "next_link": 5 * problems}
            bases = {f"INC-{year}": self.initial_sequences.get(f"INC-{year}", 0) + before
                     for year, before in incidents_by_year.items()}
            for day, count in days:
                bases.setdefault(f"INC-{day.year}", self.initial_sequences.get(f"INC-{day.year}", 0))
                incidents_by_year[day.year] = incidents_by_year.get(day.year, 0) + count
            plans.append(ChunkPlan(index, days, dict(ids), {k: ids[k] + allowance[k] for k in ids}, bases,
                                   dict(offsets)))
            ids = {k: ids[k] + allowance[k] for k in ids}
            offsets = {"WO": offsets["WO"] + work_orders, "PRB": offsets["PRB"] + problems}
        return plans

    def chunk(self, plan: ChunkPlan) -> Batch:
        """One chunk's rows: its days' incidents with their work orders, problems, events and clocks."""
        self.rng = random.Random(f"{self.seed}/{plan.index}")
        for counter, start in plan.starts.items():
            setattr(self, counter, start)
        self.ends = plan.ends
        self.number_base = plan.number_bases
        self.number_offset = plan.number_offsets
        self.local_numbers = {}
        self.recent = {}
        batch, made = Batch(), 0
        for day, count in plan.days:
            for moment in self.moments(day, count):
                self.incident(batch, moment)
                made += 1
                if made % 400 == 0:
                    self.problem(batch, moment)
        return batch

    def wording(self, app: App, english: bool) -> tuple[str, str, str, dict[str, str]]:
        rng, words = self.rng, self.words
        fill = {"app": app.name_en if english else app.name, "branch": rng.choice(words["branches"]),
                "branch_en": rng.choice(EN_BRANCHES), "error": rng.choice(words["errors"]),
                "count": str(rng.randint(3, 40)), "minutes": str(rng.choice((5, 10, 15, 20, 30, 60)))}
        for kind, names in app.fill.items():
            fill[kind] = rng.choice(names)
        if english:
            incident_type, title = rng.choice(EN_TITLES)
            return incident_type, title.format_map(fill), rng.choice(EN_DESCRIPTIONS).format_map(fill), fill
        incident_type, title = rng.choice(app.titles)
        options = self.texts["descriptions"].get(incident_type) or self.texts["descriptions"]["application"]
        return incident_type, title, rng.choice(options).format_map(fill), fill

    def incident(self, batch: Batch, registered: datetime) -> None:
        rng, now = self.rng, self.now
        app = self.apps[bisect_right(self.app_cum, rng.random() * self.app_cum[-1])]
        english = rng.random() < ENGLISH_SHARE
        incident_type, title, description, fill = self.wording(app, english)
        urgency = self.urgency_ids[bisect_right(self.urgency_cum, rng.random() * self.urgency_cum[-1])]
        grade = self.matrix.get((urgency, app.impact_id), self.default_grade)
        policy = self.policies[grade]
        reporter = rng.choice(self.customers)
        assignee = app.primary[0] if rng.random() < 0.7 or len(app.primary) < 2 else rng.choice(app.primary)
        occurred = registered - timedelta(minutes=rng.choice((0, 1, 2, 5, 10, 15, 30, 60)), seconds=rng.randrange(60))
        case_id, number = self.case(batch, "incident", "INC", registered)

        # the life as it would run with nothing stopping it; then cut at `now`
        business_ratio = rng.uniform(1.3, 4.0) if policy.business else 1.0  # wall minutes per business minute
        late = rng.random() < 0.08
        share = rng.uniform(1.1, 3.0) if late else 0.03 + 0.9 * rng.betavariate(1.6, 3.0)
        respond = max(1, round(policy.response * share))
        accepted = registered + timedelta(minutes=respond * business_ratio, seconds=rng.randrange(60))
        started = accepted + timedelta(minutes=rng.randint(2, 30))
        factor = rng.uniform(1.05, 2.5) if rng.random() < 0.12 else 0.05 + 0.9 * rng.betavariate(1.5, 2.5)
        resolve = max(respond + 5, round(policy.resolution * factor))
        closed = max(registered + timedelta(minutes=resolve * business_ratio), started + timedelta(minutes=5))
        age = now - registered
        cancelled_at = None
        if rng.random() < 0.04:
            cancelled_at = registered + timedelta(minutes=rng.randint(5, 120))
            if cancelled_at > now:
                cancelled_at = None
        if cancelled_at is not None:
            state = "cancelled"
            if accepted >= cancelled_at:
                accepted = None
            started = closed = None
        else:
            stop = "closed"
            if age < timedelta(days=3):
                stop = rng.choices(("registered", "accepted", "in_progress", "waiting", "closed"),
                                   (20, 25, 40, 5, 10))[0]
            elif age < timedelta(days=14):
                stop = rng.choices(("accepted", "in_progress", "waiting", "closed"), (5, 17, 3, 75))[0]
            elif rng.random() < 0.007:
                stop = "waiting"
            order = ("registered", "accepted", "in_progress", "waiting", "closed")
            reached = "registered"
            for name, moment in (("accepted", accepted), ("in_progress", started), ("closed", closed)):
                if moment <= now:
                    reached = name
            if stop == "waiting" and reached in ("in_progress", "closed"):
                state = "waiting"
            else:
                state = min(stop if stop != "waiting" else "in_progress", reached, key=order.index)
            if state == "registered":
                accepted = None
            if state in ("registered", "accepted"):
                started = None
            if state not in ("closed",):
                closed = None
        waited = None
        if state == "waiting":
            assert started is not None
            waited = started + (now - started) * rng.uniform(0.1, 0.9)

        # incident row (the column order of INCIDENT_COLUMNS)
        closing = {}
        if closed is not None:
            closures = self.texts["closures"].get(incident_type) or self.texts["closures"]["application"]
            cause, resolution = rng.choice(closures)
            closing = {"cause": cause.format_map(fill), "resolution": resolution.format_map(fill),
                       "result": rng.choice(self.texts["results"]).format_map(fill),
                       "follow_up_plan": rng.choice(self.texts["follow_up"]).format_map(fill),
                       "recurrence_prevention": rng.choice(self.texts["recurrence_prevention"]).format_map(fill)}
        last = closed or cancelled_at or waited or started or accepted or registered
        version = 1 + sum(1 for m in (accepted, started, waited, closed, cancelled_at) if m is not None)
        team = app.team_id
        batch.add("incident", (
            case_id, title, description, app.id, incident_type, urgency, app.impact_id, grade, state,
            self.process.get("incident"), reporter, str(registered), str(occurred), assignee, team, _t(accepted),
            _t(closed), _t(closed),
            None, state == "waiting", 0, closing.get("resolution", ""), closing.get("cause", ""),
            closing.get("result", ""), closing.get("follow_up_plan", ""), closing.get("recurrence_prevention", ""),
            rng.choice(self.texts["cancel_reasons"]) if cancelled_at else "", _t(cancelled_at), version, str(last),
            assignee if last != registered else reporter,
        ))

        # events and actions, in time order
        ev = self.event
        ev(batch, case_id, "incident", number, "register", reporter, registered, "", "registered", after={
            "application": app.id, "assigned_team": team, "assignee": assignee, "description": description,
            "grade": grade, "impact": app.impact_id, "incident_type": incident_type, "occurred_at": occurred,
            "state": "registered", "title": title, "urgency": urgency})
        if cancelled_at is not None and accepted is None:
            ev(batch, case_id, "incident", number, "cancel", reporter, cancelled_at, "registered", "cancelled",
               before={"cancelled_at": None, "state": "registered"},
               after={"cancelled_at": cancelled_at, "state": "cancelled"})
        if accepted is None:
            self.clocks(batch, case_id, policy, registered, None, cancelled_at, respond, resolve, business_ratio,
                        cancelled=cancelled_at is not None)
            return
        ev(batch, case_id, "incident", number, "accept", assignee, accepted, "registered", "accepted",
           before='{"accepted_at": null, "state": "registered"}',
           after=f'{{"accepted_at": "{accepted.isoformat(timespec="seconds")}", "state": "accepted"}}')
        if cancelled_at is not None:
            ev(batch, case_id, "incident", number, "cancel", assignee, cancelled_at, "accepted", "cancelled",
               before={"cancelled_at": None, "state": "accepted"},
               after={"cancelled_at": cancelled_at, "state": "cancelled"})
            self.clocks(batch, case_id, policy, registered, accepted, cancelled_at, respond, resolve, business_ratio,
                        cancelled=True)
            return
        if started is not None:
            ev(batch, case_id, "incident", number, "start", assignee, started, "accepted", "in_progress",
               before='{"state": "accepted"}', after='{"state": "in_progress"}')
            end = waited or closed or now
            count = rng.choices((1, 2, 3, 4, 5, 6), (45, 27, 13, 8, 4, 3))[0]
            span = (end - started).total_seconds()
            moments = sorted(started + timedelta(seconds=int(span * rng.uniform(0.02, 0.98))) for _ in range(count))
            kinds = [rng.choice(("investigation", "contact")), *rng.choices(ACTION_KINDS, ACTION_WEIGHTS, k=count - 1)]
            if closed is not None and count > 1:
                kinds[-1] = "fix"
            for at, kind in zip(moments, kinds, strict=True):
                actor = assignee if rng.random() < 0.85 else rng.choice(app.second_line)
                options = EN_ACTIONS[kind] if english else self.texts["actions"][kind]
                body = rng.choice(options).format_map(fill)
                action_id = self._take("next_action")
                moment = str(at)
                batch.add("action", (action_id, case_id, actor, moment, moment, kind, body, rng.randint(5, 90)))
                ev(batch, case_id, "incident", number, "action", actor, at,
                   after=f'{{"action": {action_id}, "kind": "{kind}"}}', note=body)
            if rng.random() < 0.08:
                self.work_order(batch, case_id, number, app, assignee, started, end, fill, english)
            if waited is not None:
                note = rng.choice(self.texts["wait_notes"])
                ev(batch, case_id, "incident", number, "wait", assignee, waited, "in_progress", "waiting",
                   before={"state": "in_progress", "waiting_for_customer": False},
                   after={"state": "waiting", "waiting_for_customer": True}, note=note)
        if closed is not None:
            ev(batch, case_id, "incident", number, "close", assignee, closed, "in_progress", "closed",
               before={**dict.fromkeys(closing, ""), "closed_at": None, "resolved_at": None, "state": "in_progress"},
               after={**closing, "closed_at": closed, "resolved_at": closed, "state": "closed"})
            self.recent.setdefault(app.id, []).append((case_id, number, closed, assignee))
        self.clocks(batch, case_id, policy, registered, accepted, closed, respond, resolve, business_ratio,
                    paused=waited)

    def clocks(self, batch: Batch, case_id: int, policy: Policy, start: datetime, accepted: datetime | None,
               stopped: datetime | None, respond: int, resolve: int, ratio: float, *,
               paused: datetime | None = None, cancelled: bool = False) -> None:
        """The response and resolution clocks: judged once stopped, due and escalation times while running."""
        business = policy.business
        for kind, target, spent, stop in (("response", policy.response, respond, accepted or stopped),
                                          ("resolution", policy.resolution, resolve, stopped)):
            verdict = (kind == "response" and accepted is not None) or (kind == "resolution" and not cancelled)
            due = start + timedelta(minutes=target * ratio)
            if stop is not None:
                wall = max(0, int((stop - start).total_seconds() // 60))
                judged = min(spent, wall) if kind == "response" else spent
                row = (self._take("next_clock"), case_id, kind, policy.id, policy.calendar_id, target, business,
                       str(start), None, str(stop), None, 0, 0, wall, judged if business else wall,
                       str(start + timedelta(minutes=math.ceil(target * 0.8) * ratio)) if judged >= target * 0.8
                       else None, str(due) if judged > target else None,
                       (judged if business else wall) <= target if verdict else None, 2)
            else:
                reached = self.now >= due
                warned = self.now >= due - timedelta(minutes=target * 0.2 * ratio)
                row = (self._take("next_clock"), case_id, kind, policy.id, policy.calendar_id, target, business,
                       str(start), _t(paused), None, str(due), 0, 0, None, None,
                       str(start + timedelta(minutes=math.ceil(target * 0.8) * ratio)) if warned else None,
                       str(due) if reached else None, None, 1)
            batch.add("sla_clock", row)

    def work_order(self, batch: Batch, parent_id: int, parent_number: str, app: App, issuer: int, started: datetime,
                   end: datetime, fill: dict[str, str], english: bool) -> None:
        rng = self.rng
        issued = started + (end - started) * rng.uniform(0.05, 0.4)
        if issued >= self.now:
            return
        assignee = rng.choice(app.second_line)
        case_id, number = self.case(batch, "work_order", "WO", issued)
        title = f"{fill['server']} 점검 요청" if not english else f"Check {fill['server']}"
        instructions = rng.choice(self.texts["work_order_instructions"]).format_map(fill)
        begun = issued + (end - issued) * rng.uniform(0.02, 0.2)
        finished = begun + (end - begun) * rng.uniform(0.3, 0.95)
        state, result = "issued", ""
        steps: list[tuple[str, datetime, str, dict[str, Any], dict[str, Any]]] = []
        if begun <= self.now:
            state = "in_progress"
            steps.append(("start", begun, "issued", {"started_at": None}, {"started_at": begun}))
            if finished <= self.now:
                state, result = "done", rng.choice(self.texts["work_order_results"]).format_map(fill)
                steps.append(("complete", finished, "in_progress", {"finished_at": None, "result": ""},
                              {"finished_at": finished, "result": result}))
        batch.add("work_order", (
            case_id, parent_id, title, instructions, state, self.process.get("work_order"), issuer, str(issued),
            assignee, self.team_of.get(assignee), str(issued + timedelta(hours=24)),
            str(begun) if state != "issued" else None, str(finished) if state == "done" else None, result, "",
            1 + len(steps), str(steps[-1][1] if steps else issued),
            assignee if steps else issuer))
        self.event(batch, case_id, "work_order", number, "issue", issuer, issued, "", "issued", after={
            "assignee": assignee, "instructions": instructions, "parent": parent_id, "state": "issued", "title": title})
        self.event(batch, parent_id, "incident", parent_number, "work_order_issue", issuer, issued,
                   after={"state": "issued", "work_order": number}, note=title)
        previous = "issued"
        for name, at, source, before, after in steps:
            target = "in_progress" if name == "start" else "done"
            self.event(batch, case_id, "work_order", number, name, assignee, at, source, target,
                       before={**before, "state": previous}, after={**after, "state": target})
            self.event(batch, parent_id, "incident", parent_number, f"work_order_{name}", assignee, at,
                       after={"state": target, "work_order": number}, note=after.get("result", ""))
            previous = target

    def problem(self, batch: Batch, at: datetime) -> None:
        """A problem behind 2–5 recently closed incidents of one application, worked as far as its age allows."""
        rng = self.rng
        apps = [a for a in self.recent if len(self.recent[a]) >= 2]
        if not apps:
            return
        app_id = rng.choice(apps)
        pool = self.recent.pop(app_id)[-40:]
        linked = rng.sample(pool, min(len(pool), rng.randint(2, 5)))
        registered = max(closed for _, _, closed, _ in linked) + timedelta(minutes=rng.randint(30, 600))
        if registered >= self.now:
            return
        app = next(a for a in self.apps if a.id == app_id)
        manager = rng.choice(self.problem_managers)
        assignee = rng.choice(app.second_line)
        case_id, number = self.case(batch, "problem", "PRB", registered)
        problems = self.texts["problems"]
        fill = {"app": app.name, "count": str(len(linked)), **{k: v[0] for k, v in app.fill.items()}}
        title = f"{app.name} {rng.choice(('반복 장애 원인 분석', '성능 저하 근본 원인', '간헐적 오류 원인 규명'))}"
        description = rng.choice(problems["descriptions"]).format_map(_Fill(fill))
        root_cause, _workaround, solution = (t.format_map(_Fill(fill)) for t in rng.choice(problems["analyses"]))
        plan = [("start_derivation", 2, "registered", "derivation", {}),
                ("plan", 10, "derivation", "execution", {"root_cause": root_cause, "solution": solution}),
                ("submit_result", 25, "execution", "verification", {}),
                ("close", 35, "verification", "closed",
                 {"verification_result": rng.choice(problems["verification_results"]).format_map(_Fill(fill))})]
        self.event(batch, case_id, "problem", number, "register", manager, registered, "", "registered", after={
            "application": app.id, "assignee": assignee, "description": description,
            "grade": None, "state": "registered", "title": title})
        state, values, last, closed_at, fired = "registered", {}, registered, None, 0
        for name, days, source, target, given in plan:
            moment = registered + timedelta(days=days * rng.uniform(0.5, 1.5))
            if moment > self.now:
                break
            before = {k: "" for k in given}
            after = dict(given)
            if name == "close":
                before["closed_at"], after["closed_at"] = None, moment
                closed_at = moment
            self.event(batch, case_id, "problem", number, name, assignee if name != "close" else manager, moment,
                       source, target, before={**before, "state": source}, after={**after, "state": target})
            values.update(given)
            state, last, fired = target, moment, fired + 1
        batch.add("problem", (
            case_id, title, description, app.id, None, state, self.process.get("problem"), manager, str(registered),
            assignee, app.team_id, values.get("root_cause", ""), values.get("solution", ""),
            values.get("verification_result", ""), _t(closed_at), 1 + fired, str(last),
            assignee))
        for inc_id, inc_number, _closed, handler in linked:
            batch.add("case_link", (self._take("next_link"), inc_id, case_id, "problem", str(registered), handler))
            self.event(batch, inc_id, "incident", inc_number, "link_problem", handler, registered,
                       after={"linked": number})
            self.event(batch, case_id, "problem", number, "link_problem", handler, registered,
                       after={"linked": inc_number})


def _t(moment: datetime | None) -> str | None:
    """A timestamp as both drivers take it from text (what sqlite3's adapter would write, in C)."""
    return None if moment is None else str(moment)


class _Fill(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _iso(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


TABLES = {
    "case": (Case, ("id", "kind", "number", "created_at")),
    "incident": (Incident, (
        "case", "title", "description", "application", "incident_type", "urgency", "impact", "grade", "state",
        "process", "registered_by", "registered_at", "occurred_at", "assignee", "assigned_team", "accepted_at",
        "resolved_at", "closed_at", "parent", "waiting_for_customer", "reopen_count", "resolution", "cause", "result",
        "follow_up_plan", "recurrence_prevention", "cancel_reason", "cancelled_at", "version", "updated_at",
        "updated_by")),
    "problem": (Problem, (
        "case", "title", "description", "application", "grade", "state", "process", "registered_by", "registered_at",
        "assignee", "assigned_team", "root_cause", "solution", "verification_result", "closed_at", "version",
        "updated_at", "updated_by")),
    "work_order": (WorkOrder, (
        "case", "parent", "title", "instructions", "state", "process", "issued_by", "issued_at", "assignee",
        "assigned_team", "due_at", "started_at", "finished_at", "result", "return_reason", "version", "updated_at",
        "updated_by")),
    "case_link": (CaseLink, ("id", "source", "target", "kind", "created_at", "created_by")),
    "action": (Action, ("id", "case", "actor", "acted_at", "recorded_at", "kind", "body", "minutes_spent")),
    "event": (Event, ("id", "case", "entity", "entity_id", "kind", "actor", "occurred_at", "from_state", "to_state",
                      "before", "after", "note")),
    "sla_clock": (SlaClock, (
        "id", "case", "kind", "policy", "calendar", "target_minutes", "uses_business_time", "started_at", "paused_at",
        "stopped_at", "due_at", "paused_wall_minutes", "paused_business_minutes", "elapsed_wall_minutes",
        "elapsed_business_minutes", "warned_at", "breached_at", "met", "version")),
}


# --- load around the bulk: search structures, triggers, id sequences ----------------------------------


BULK_TABLES = ("cases", "incident", "problem", "work_order", "case_link", "action", "event", "sla_clock")


def secondary_indexes(postgres: bool) -> list[tuple[str, str]]:
    """(name, CREATE statement) of the indexes on the bulk tables other than primary keys."""
    if postgres:
        rows = database.execute_sql(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() "
            "AND i.tablename IN %s AND i.indexname NOT IN (SELECT conname FROM pg_constraint)", (BULK_TABLES,))
    else:
        marks = ", ".join("?" * len(BULK_TABLES))
        rows = database.execute_sql(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({marks})",
            BULK_TABLES)
    return [(name, sql) for name, sql in rows.fetchall()]


def before_load(postgres: bool) -> list[tuple[str, str]]:
    """Drop what the bulk insert would maintain row by row; return the statements that build it again.

    Secondary indexes are built faster by one sort than by millions of inserts; search maintenance
    and PostgreSQL's live-change trigger are rebuilt by `install_database_objects`. PostgreSQL's own
    triggers on the bulk tables (audit, event actor, append-only) are off while the history is copied in:
    it is the past, as a team database's is when it upgrades to schema v10 (its audit starts there).
    """
    if postgres:
        database.execute_sql("DROP INDEX IF EXISTS incident_title_trgm")
        database.execute_sql("DROP INDEX IF EXISTS incident_description_trgm")
    indexes = secondary_indexes(postgres)
    if postgres:  # foreign keys too: checked row by row they cost more than the COPY; re-added (and validated) after
        found = database.execute_sql(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE contype = 'f' AND connamespace = current_schema()::regnamespace "
            "AND conrelid::regclass::text IN %s", (BULK_TABLES,))
        for table, name, definition in found.fetchall():
            database.execute_sql(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
            indexes.append((name, f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}'))
    for name, sql in indexes:
        if not sql.startswith("ALTER TABLE"):
            database.execute_sql(f'DROP INDEX "{name}"')
    if postgres:
        database.execute_sql("DROP INDEX IF EXISTS incident_title_trgm")
        database.execute_sql("DROP INDEX IF EXISTS incident_description_trgm")
        database.execute_sql("DROP TRIGGER IF EXISTS event_notify_change ON event")
        for table in BULK_TABLES:
            database.execute_sql(f'ALTER TABLE "{table}" DISABLE TRIGGER USER')
    else:
        database.execute_sql("DROP TRIGGER IF EXISTS incident_search_ai")
    return indexes


def after_load(postgres: bool, indexes: list[tuple[str, str]]) -> None:
    """Indexes and search structures built once over everything, triggers back, sequences past the ids."""
    if postgres:
        database.execute_sql("SET LOCAL maintenance_work_mem = '512MB'")
    for _name, sql in indexes:
        database.execute_sql(sql)
    if postgres:
        for table in BULK_TABLES:
            database.execute_sql(f'ALTER TABLE "{table}" ENABLE TRIGGER USER')
    install_database_objects()
    if postgres:
        for table, column in (("cases", "id"), ("action", "id"), ("event", "id"), ("sla_clock", "id"),
                              ("case_link", "id")):
            database.execute_sql(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), "
                                 f"(SELECT COALESCE(MAX({column}), 1) FROM \"{table}\"))")


def _planned(generator: Generator, incidents: int) -> Iterator[Batch]:
    """The generator's chunks in order, planned by forked processes while this one writes.

    Planning is Python and the slower half: PLANNERS processes (one per core) each make every PLANNERS-th chunk
    and send it down their own pipe, which holds at most about one chunk, so nobody runs far ahead. The
    children only plan: they never touch the inherited connection and leave through os._exit. Each chunk
    comes with the highest number it used per sequence.
    """
    plans = generator.plan(incidents)
    planners = max(1, min(PLANNERS, len(plans)))
    context = multiprocessing.get_context("fork")
    pipes, children = [], []
    for first in range(planners):
        receiver, sender = context.Pipe(duplex=False)

        def plan(first: int = first, sender: Any = sender) -> None:
            try:
                for chunk in plans[first::planners]:
                    generator.sequences = {}
                    batch = generator.chunk(chunk)
                    sender.send((batch, generator.sequences))
            except BaseException as exc:
                sender.send(exc)

        child = context.Process(target=plan, name=f"plan-incidents-{first}", daemon=True)
        child.start()
        sender.close()
        pipes.append(receiver)
        children.append(child)
    try:
        for index in range(len(plans)):
            item = pipes[index % planners].recv()
            if isinstance(item, BaseException):
                raise item
            batch, used = item
            for name, value in used.items():
                generator.sequences[name] = max(generator.sequences.get(name, 0), value)
            generator.counts = _add_counts(generator.counts, batch)
            yield batch
    finally:
        for child in children:
            if child.is_alive():
                child.terminate()
            child.join(timeout=5)


def _add_counts(counts: Counts, batch: Batch) -> Counts:
    """The rows written so far, counted from the batches as they arrive (planners keep no counts)."""
    tables = batch.tables
    return Counts(incidents=counts.incidents + len(tables.get("incident", ())),
                  cases=counts.cases + len(tables.get("case", ())), events=counts.events + len(tables.get("event", ())),
                  actions=counts.actions + len(tables.get("action", ())),
                  clocks=counts.clocks + len(tables.get("sla_clock", ())),
                  work_orders=counts.work_orders + len(tables.get("work_order", ())),
                  problems=counts.problems + len(tables.get("problem", ())),
                  links=counts.links + len(tables.get("case_link", ())))


def generate(*, url: str, incidents: int, seed: int, now: datetime, out: Any = sys.stdout) -> Counts:
    """Fill the (empty) database at `url` with the organisation and `incidents` incidents."""
    dbmod.connect(url)
    ensure_schema()
    if Incident.select().exists():
        raise SystemExit(f"generate: {url} already has incidents; give an empty database")
    seed_defaults()
    postgres = dbmod.backend() == "postgresql"
    if not postgres:  # a fresh file: a rollback journal costs nothing, a WAL would hold the whole load twice
        database.execute_sql("PRAGMA journal_mode = DELETE")
        database.execute_sql("PRAGMA cache_size = -262144")
    with resource_path("demo", "bank.toml").open("rb") as handle:
        content = tomllib.load(handle)
    days = max(365, math.ceil(incidents / DAILY_INCIDENTS))
    started = time.perf_counter()
    with database.atomic():
        load_demo(seed=seed, incidents=0, problems=0, now=now)
        operations_centre(now - timedelta(days=days + 30))
        tables = {key: Table(model, names) for key, (model, names) in TABLES.items()}
        writer: Writer = PostgresWriter(tables) if postgres else SqliteWriter(tables)
        generator = Generator(content, seed, now, days)
        indexes = before_load(postgres)
        for batch in _planned(generator, incidents):
            writer.write(batch)
            done = generator.counts
            elapsed = time.perf_counter() - started
            print(f"  {done.incidents:>9,} incidents, {done.rows():>11,} rows, {elapsed:6.1f} s", file=out, flush=True)
        for name, value in generator.sequences.items():
            NumberSequence.insert(name=name, value=value).on_conflict(
                conflict_target=[NumberSequence.name], update={NumberSequence.value: value}).execute()
        loaded = time.perf_counter()
        after_load(postgres, indexes)
        indexed = time.perf_counter()
    if postgres:
        database.execute_sql("ANALYZE")
    else:
        database.execute_sql("PRAGMA journal_mode = WAL")
    finished = time.perf_counter()
    c = generator.counts
    total = finished - started
    print(f"generated {c.incidents:,} incidents over {days} days ({c.events:,} events, {c.actions:,} actions, "
          f"{c.clocks:,} SLA clocks, {c.work_orders:,} work orders, {c.problems:,} problems, {c.links:,} links)",
          file=out)
    print(f"rows {c.rows():,}; load {loaded - started:.1f} s ({c.rows() / (loaded - started):,.0f} rows/s), "
          f"search index and triggers {indexed - loaded:.1f} s, statistics/journal {finished - indexed:.1f} s; "
          f"total {total:.1f} s ({c.incidents / total:,.0f} incidents/s)", file=out)
    dbmod.close()
    return c


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=10_000)
    parser.add_argument("--database", required=True, metavar="URL", help="an empty database (sqlite:///… or "
                        "postgresql://…)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--now", metavar="ISO", help="end of the history, UTC (default: today 00:00 UTC); the same "
                        "seed and --now give the same data")
    args = parser.parse_args(argv)
    if args.incidents < 1:
        parser.error("--incidents must be at least 1")
    now = (datetime.fromisoformat(args.now) if args.now else datetime.now(UTC).replace(
        hour=0, minute=0, second=0, microsecond=0))
    if now.tzinfo is not None:
        now = now.astimezone(UTC).replace(tzinfo=None)
    generate(url=args.database, incidents=args.incidents, seed=args.seed, now=now)
    return 0


if __name__ == "__main__":
    sys.exit(main())
