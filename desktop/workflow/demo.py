"""Demo data: a year in the IT operation of a Korean bank, for trying Beacon out.

`load_demo()` fills a database that has the schema and the seeded reference data
(`seed_defaults()`) with teams, users, the CMDB and owner matrix, and a year of
incidents, problems, changes and work orders with their actions, events, SLA
clocks and notifications — in one transaction, with bulk inserts. The words
come from `resources/demo/bank.toml`; every random choice comes from one seeded
generator and every timestamp from `now`, so one seed and one `now` always give
the same data (only the password hash's salt differs).
"""

from __future__ import annotations

import json
import random
import sqlite3
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from itertools import accumulate
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from desktop.models import (
    Action,
    BusinessCalendar,
    CalendarDay,
    Case,
    CaseLink,
    Change,
    CIRelation,
    ConfigurationItem,
    Event,
    Grade,
    ImpactLevel,
    Incident,
    Notification,
    NumberSequence,
    OwnerMatrixEntry,
    PriorityMatrixCell,
    Problem,
    PropagationOverride,
    Role,
    Setting,
    SlaClock,
    SlaPolicy,
    Team,
    UrgencyLevel,
    User,
    UserRole,
    WorkOrder,
    database,
    utcnow,
)
from desktop.models.base import BaseModel
from desktop.models.cases import CASE_PREFIXES
from desktop.models.db import backend
from desktop.models.numbering import format_number
from desktop.paths import resource_path
from desktop.workflow.auth import hash_password

_KST = timezone(timedelta(hours=9), "KST")
_T = TypeVar("_T")

DEMO_PASSWORD = "beacon"
DEMO_SETTING = "demo_loaded"
HISTORY_DAYS = 365
BATCH_ROWS = 500
NOTIFIED_INCIDENTS = 50
PENDING_INCIDENTS = 4

# Registrations per local hour of day (customers work 9–18) and per weekday (Mon–Sun).
HOUR_WEIGHTS = (1, 1, 1, 1, 1, 1, 2, 4, 10, 16, 16, 14, 9, 13, 15, 14, 12, 9, 5, 3, 2, 2, 1, 1)
WEEKDAY_WEIGHTS = (1.15, 1.0, 1.0, 1.0, 1.0, 0.3, 0.25)
URGENCY_WEIGHTS = {"high": 0.15, "medium": 0.5, "low": 0.35}
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Kinds of the actions between the first (investigation or contact) and the last (a fix, once resolved).
ACTION_KINDS = ("investigation", "contact", "workaround", "note")
ACTION_WEIGHTS = (40, 20, 25, 15)
# Work-order due time by incident grade level, in hours.
WORK_ORDER_DUE_HOURS = {1: 4, 2: 8, 3: 24, 4: 48}


@dataclass(frozen=True)
class DemoCounts:
    """How many rows of each kind the demo added (or, from `demo_counts()`, the database holds)."""

    teams: int
    users: int
    configuration_items: int
    applications: int
    owner_entries: int
    propagation_overrides: int
    incidents: int
    problems: int
    changes: int
    work_orders: int
    actions: int
    events: int
    notifications: int
    case_links: int


def load_demo(
    *, seed: int = 2026, incidents: int = 1500, problems: int = 40, now: datetime | None = None
) -> DemoCounts | None:
    """Fill the database with a year of a Korean bank's incidents and everything around them.

    Needs the schema and `seed_defaults()`. Runs in one transaction, so a failure
    leaves nothing behind; does nothing when the demo was loaded before.

    Args:
        seed: Seed of the random generator; the same seed and `now` give the same data.
        incidents: How many incidents to generate (major incidents' children included).
        problems: How many problems to generate (fewer when too few incidents exist to link).
        now: End of the generated year, naive UTC; defaults to the current time.

    Returns:
        The number of rows added per kind, or None when the demo was already loaded.

    Raises:
        LookupError: The reference data (roles, levels, grades, SLA policies) is missing.
    """
    moment = utcnow() if now is None else now
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    moment = moment.replace(microsecond=0)
    content = _read_content()
    with database.atomic():
        flag = Setting.get_or_none(Setting.key == DEMO_SETTING)
        if flag is not None and json.loads(flag.value) is True:
            return None
        password_hash = hash_password(DEMO_PASSWORD)  # once: argon2 is slow on purpose
        counts = _DemoBuilder(content, random.Random(seed), moment, password_hash).build(incidents, problems)
        if flag is None:
            Setting.insert(key=DEMO_SETTING, value="true", updated_at=moment).execute()
        else:
            Setting.update(value="true", version=Setting.version + 1, updated_at=moment).where(
                Setting.key == DEMO_SETTING
            ).execute()
    return counts


def demo_counts() -> DemoCounts:
    """Count the rows currently in each table the demo fills."""
    return DemoCounts(
        teams=Team.select().count(),
        users=User.select().count(),
        configuration_items=ConfigurationItem.select().count(),
        applications=ConfigurationItem.select().where(ConfigurationItem.kind == "application").count(),
        owner_entries=OwnerMatrixEntry.select().count(),
        propagation_overrides=PropagationOverride.select().count(),
        incidents=Incident.select().count(),
        problems=Problem.select().count(),
        changes=Change.select().count(),
        work_orders=WorkOrder.select().count(),
        actions=Action.select().count(),
        events=Event.select().count(),
        notifications=Notification.select().count(),
        case_links=CaseLink.select().count(),
    )


# --- helpers ------------------------------------------------------------------------------


def _read_content() -> dict[str, Any]:
    with resource_path("demo", "bank.toml").open("rb") as handle:
        return tomllib.load(handle)


def _zone(name: str) -> tzinfo:
    """The named time zone; Korea's fixed UTC+9 when the system has no zone database (Windows without tzdata)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return _KST


def _plus(moment: datetime, minutes: float) -> datetime:
    """`moment` plus a number of minutes, rounded to whole seconds."""
    return moment + timedelta(seconds=round(minutes * 60))


def _part(start: datetime, end: datetime, fraction: float) -> datetime:
    """The moment a `fraction` of the way from `start` to `end`, in whole seconds."""
    return start + timedelta(seconds=int((end - start).total_seconds() * fraction))


def _minutes(start: datetime, end: datetime) -> int:
    """Whole minutes from `start` to `end` (never negative)."""
    return max(0, int((end - start).total_seconds() // 60))


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(sep=" ")


def _dumps(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False)


def _param_limit() -> int:
    """How many bound parameters one statement may carry on the bound backend."""
    if backend() == "postgresql":
        return 65535
    return 32766 if sqlite3.sqlite_version_info >= (3, 32, 0) else 999


def _insert(model: type[BaseModel], rows: Sequence[dict[str, Any]]) -> None:
    """Insert rows (dicts keyed by field name, all with the same keys) in multi-row batches.

    Equivalent to `model.insert_many(batch).execute()` — values go through each
    field's own `db_value` — without building a query node per value, which
    took over a third of the demo's load time.
    """
    if not rows:
        return
    names = list(rows[0])
    fields = [model._meta.fields[name] for name in names]
    open_quote, close_quote = database.quote
    columns = ", ".join(f"{open_quote}{f.column_name}{close_quote}" for f in fields)
    table = f"{open_quote}{model._meta.table_name}{close_quote}"
    one_row = "(" + ", ".join([database.param] * len(fields)) + ")"
    size = max(1, min(BATCH_ROWS, _param_limit() // len(fields)))
    pairs = list(zip(names, fields, strict=True))
    for batch in _chunks(rows, size):
        params = [f.db_value(row[name]) for row in batch for name, f in pairs]
        database.execute_sql(f"INSERT INTO {table} ({columns}) VALUES {', '.join([one_row] * len(batch))}", params)


def _rows(query: Any) -> list[tuple[Any, ...]]:
    """The rows of a peewee query as plain tuples (foreign keys as ids)."""
    return list(query.tuples())


def _chunks(items: Sequence[Any], size: int = BATCH_ROWS) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class _Fill(dict[str, str]):
    """Placeholder values for one case's texts; unknown placeholders stay as they are."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class _WorkingTime:
    """Adding and counting minutes on one business calendar; naive UTC in and out."""

    def __init__(self, calendar: BusinessCalendar, own_days: dict[date, str]) -> None:
        hours = json.loads(calendar.working_hours or "{}")
        self.is_24x7 = bool(calendar.is_24x7) or not any(hours.values())
        self._hours = {day: [(_clock_time(a), _clock_time(b)) for a, b in spans] for day, spans in hours.items()}
        self._workday_hours = next((spans for spans in self._hours.values() if spans), [])
        self.zone = _zone(calendar.time_zone)
        self._own_days = own_days
        self._country = calendar.holiday_country
        self._holidays: Any = None
        self._cache: dict[date, list[tuple[datetime, datetime]]] = {}

    def _is_holiday(self, day: date) -> bool:
        if not self._country:
            return False
        if self._holidays is None:
            import holidays  # imported here: 0.3 s, and only business calendars need it

            self._holidays = holidays.country_holidays(self._country)
        return day in self._holidays

    def is_workday(self, day: date) -> bool:
        """True when `day` (a local date) has working hours."""
        return self.is_24x7 or bool(self._intervals(day))

    def _utc(self, day: date, clock: time | None) -> datetime:
        """A local wall-clock time of `day` in naive UTC; None is the day's end (24:00)."""
        local = datetime.combine(day + timedelta(days=1), time()) if clock is None else datetime.combine(day, clock)
        return local.replace(tzinfo=self.zone).astimezone(UTC).replace(tzinfo=None)

    def _intervals(self, day: date) -> list[tuple[datetime, datetime]]:
        """The working intervals of one local date, in UTC."""
        found = self._cache.get(day)
        if found is None:
            own = self._own_days.get(day)
            if own == "holiday" or (own is None and self._is_holiday(day)):
                spans: list[tuple[time | None, time | None]] = []
            elif own == "workday":
                spans = list(self._hours.get(WEEKDAY_KEYS[day.weekday()]) or self._workday_hours)
            else:
                spans = list(self._hours.get(WEEKDAY_KEYS[day.weekday()], []))
            found = [(self._utc(day, a), self._utc(day, b)) for a, b in spans]
            self._cache[day] = found
        return found

    def local_date(self, moment: datetime) -> date:
        """The local date of a naive UTC moment."""
        return moment.replace(tzinfo=UTC).astimezone(self.zone).date()

    def add(self, start: datetime, minutes: float) -> datetime:
        """The moment `minutes` of working time after `start`."""
        if self.is_24x7:
            return _plus(start, minutes)
        remaining = float(minutes)
        day = self.local_date(start) - timedelta(days=1)
        for _ in range(3700):
            for opens, closes in self._intervals(day):
                if closes <= start:
                    continue
                opens = max(opens, start)
                span = (closes - opens).total_seconds() / 60
                if remaining <= span:
                    return _plus(opens, remaining)
                remaining -= span
            day += timedelta(days=1)
        raise ValueError("calendar has no working time")

    def count(self, start: datetime, end: datetime) -> int:
        """Whole minutes of working time between `start` and `end`."""
        if self.is_24x7:
            return _minutes(start, end)
        if end <= start:
            return 0
        seconds = 0.0
        day = self.local_date(start) - timedelta(days=1)
        last = self.local_date(end) + timedelta(days=1)
        while day <= last:
            for opens, closes in self._intervals(day):
                lo, hi = max(opens, start), min(closes, end)
                if hi > lo:
                    seconds += (hi - lo).total_seconds()
            day += timedelta(days=1)
        return int(seconds // 60)


def _clock_time(text: str) -> time | None:
    """"09:00" → time(9); "24:00" → None (the end of the day)."""
    hour, minute = (int(part) for part in text.split(":"))
    return None if hour == 24 else time(hour, minute)


# --- what is planned before anything is written ------------------------------------------


@dataclass(frozen=True)
class _Policy:
    """The SLA targets of one grade, as read from `SlaPolicy`."""

    id: int
    response_minutes: int
    resolution_minutes: int
    calendar_id: int
    warning_percent: int


@dataclass
class _Case:
    kind: str
    created_at: datetime
    number: str = ""
    id: int = 0


@dataclass
class _App:
    id: int
    code: str
    name: str
    impact_id: int
    team_id: int
    weight: float
    primary: list[int]
    second_line: list[int]
    group: list[tuple[int, str]]
    related: dict[str, list[str]]
    incident_titles: list[tuple[str, str]]
    problem_titles: list[str]


@dataclass
class _Incident:
    case: _Case
    app: _App
    title: str
    description: str
    incident_type: str
    urgency_id: int
    grade0_id: int
    grade_id: int
    registered_by: int
    assignee: int
    registered_at: datetime
    occurred_at: datetime
    fill: _Fill
    major: bool = False
    parent: _Incident | None = None
    state: str = "registered"
    accepted_at: datetime | None = None
    started_at: datetime | None = None
    resolved_at: datetime | None = None
    closed_at: datetime | None = None
    regraded_at: datetime | None = None
    regrade_reason: str = ""
    cancel_at: datetime | None = None
    cancel_from: str = ""
    cancel_reason: str = ""
    reopen: tuple[datetime, datetime, datetime] | None = None  # first resolved, first closed, reopened
    waiting: bool = False
    paused_at: datetime | None = None
    linked: bool = False
    closing: dict[str, str] = field(default_factory=dict)
    version: int = 1
    updated_at: datetime | None = None
    updated_by: int | None = None


@dataclass
class _Rows:
    """Rows waiting to be written; `case` values are `_Case` objects until ids are known."""

    cases: list[_Case] = field(default_factory=list)
    incidents: list[_Incident] = field(default_factory=list)
    problems: list[dict[str, Any]] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)
    work_orders: list[dict[str, Any]] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)
    actions: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    clocks: list[dict[str, Any]] = field(default_factory=list)


class _DemoBuilder:
    """Plans the whole demo in memory, then writes it table by table with bulk inserts."""

    def __init__(self, content: dict[str, Any], rng: random.Random, now: datetime, password_hash: str) -> None:
        self.content = content
        self.texts = content["templates"]
        self.rng = rng
        self.now = now
        self.password_hash = password_hash
        self.rows = _Rows()
        self.counts: dict[str, int] = {}
        self._read_reference()

    # reference data seeded by seed_defaults() ------------------------------------------

    def _read_reference(self) -> None:
        def need(found: _T, what: str) -> _T:
            if not found:
                raise LookupError(f"no {what} in the database: run seed_defaults() before load_demo()")
            return found

        self.roles: dict[str, int] = need({r.code: r.id for r in Role.select()}, "roles")
        urgencies = need(list(UrgencyLevel.select().order_by(UrgencyLevel.rank)), "urgency levels")
        self.urgency_ids = [u.id for u in urgencies]
        self.urgency_cum = list(accumulate(URGENCY_WEIGHTS.get(u.code, 0.3) for u in urgencies))
        self.urgency_top = urgencies[0].id
        impacts = need(list(ImpactLevel.select()), "impact levels")
        self.impacts = {i.code: i.id for i in impacts}
        self.impact_rank = {i.id: i.rank for i in impacts}
        self.grade_level: dict[int, int] = need({g.id: g.level for g in Grade.select()}, "grades")
        self.grade_by_level = {level: gid for gid, level in self.grade_level.items()}
        self.levels = sorted(self.grade_by_level)
        cells = _rows(PriorityMatrixCell.select(PriorityMatrixCell.urgency, PriorityMatrixCell.impact,
                                                PriorityMatrixCell.grade))
        self.matrix: dict[tuple[int, int], int] = need({(u, i): g for u, i, g in cells}, "priority matrix")
        policies = _rows(SlaPolicy.select(SlaPolicy.grade, SlaPolicy.id, SlaPolicy.response_minutes,
                                          SlaPolicy.resolution_minutes, SlaPolicy.calendar, SlaPolicy.warning_percent)
                         .where(SlaPolicy.case_kind == "incident"))
        self.policies: dict[int, _Policy] = need({row[0]: _Policy(*row[1:]) for row in policies}, "SLA policies")
        own_days: dict[int, dict[date, str]] = {}
        for calendar, day, kind in _rows(CalendarDay.select(CalendarDay.calendar, CalendarDay.day, CalendarDay.kind)):
            own_days.setdefault(calendar, {})[day] = kind
        self.calendars = {c.id: _WorkingTime(c, own_days.get(c.id, {})) for c in BusinessCalendar.select()}
        business = [w for w in self.calendars.values() if not w.is_24x7]
        self.shape = business[0] if business else next(iter(self.calendars.values()))
        missing = [g for g in self.grade_level if g not in self.policies]
        if missing:
            raise LookupError("an incident SLA policy is missing for some grades: run seed_defaults()")

    # the whole build ----------------------------------------------------------------

    def build(self, incidents: int, problems: int) -> DemoCounts:
        self._organisation()
        self._cmdb()
        self._plan_incidents(incidents)
        self._plan_problems(problems)
        self._plan_followers()
        self._write_cases()
        self._write_work()
        notifications = self._write_notifications()
        r = self.rows
        return DemoCounts(
            teams=self.counts["teams"],
            users=self.counts["users"],
            configuration_items=self.counts["items"],
            applications=len(self.apps),
            owner_entries=self.counts["owners"],
            propagation_overrides=self.counts["overrides"],
            incidents=len(r.incidents),
            problems=len(r.problems),
            changes=len(r.changes),
            work_orders=len(r.work_orders),
            actions=len(r.actions),
            events=len(r.events),
            notifications=notifications,
            case_links=len(r.links),
        )

    # organisation ----------------------------------------------------------------------

    def _organisation(self) -> None:
        org = self.content["organization"]
        domain = org["email_domain"]
        created = self.now - timedelta(days=HISTORY_DAYS + 35)
        teams = self.content["teams"]
        self.team_ids: dict[str, int] = {}
        pending = list(teams)
        while pending:  # parents before children
            ready = [t for t in pending if not t.get("parent") or t["parent"] in self.team_ids]
            if not ready:
                raise ValueError("bank.toml: a team's parent is missing")
            _insert(Team, [
                {"code": t["code"], "name": t["name"], "name_en": t.get("name_en", ""),
                 "parent": self.team_ids.get(t.get("parent", "")), "email": f"{t['code'].replace('_', '-')}@{domain}",
                 "is_active": True, "version": 1, "updated_at": created}
                for t in ready
            ])
            codes = [t["code"] for t in ready]
            self.team_ids.update({t.code: t.id for t in Team.select(Team.id, Team.code).where(Team.code.in_(codes))})
            pending = [t for t in pending if t["code"] not in self.team_ids]
        self.counts["teams"] = len(teams)

        people = self.content["users"]
        rows = []
        for person in people:
            rows.append({
                "login": person["login"], "name": person["name"], "name_en": person.get("name_en", ""),
                "email": f"{person['login']}@{domain}", "phone": f"02-3700-{self.rng.randrange(1000, 10000)}",
                "team": self.team_ids[person["team"]], "title": person.get("title", ""),
                "password_hash": self.password_hash, "language": "ko", "time_zone": "Asia/Seoul",
                "is_active": True, "created_at": created, "last_login_at": None, "version": 1, "updated_at": created,
            })
        admin = User.get_or_none(User.login == "admin")
        if admin is None:
            rows.append({
                "login": "admin", "name": "관리자", "name_en": "Administrator", "email": f"admin@{domain}",
                "phone": "", "team": self.team_ids.get("itsm"), "title": "", "password_hash": self.password_hash,
                "language": "ko", "time_zone": "Asia/Seoul", "is_active": True, "created_at": created,
                "last_login_at": None, "version": 1, "updated_at": created,
            })
        _insert(User, rows)
        self.counts["users"] = len(rows)
        logins = [p["login"] for p in people] + ["admin"]
        self.users = {u.login: u.id for u in User.select(User.id, User.login).where(User.login.in_(logins))}
        self.user_team = dict(_rows(User.select(User.id, User.team).where(User.login.in_(logins))))
        self.admin_id = self.users["admin"]

        grants = [{"user": self.users[p["login"]], "role": self.roles[code]} for p in people for code in p["roles"]]
        admin_role = self.roles["admin"]
        if not UserRole.select().where(UserRole.user == self.admin_id, UserRole.role == admin_role).exists():
            grants.append({"user": self.admin_id, "role": admin_role})
        _insert(UserRole, grants)
        by_role: dict[str, list[int]] = {}
        for p in people:
            for code in p["roles"]:
                by_role.setdefault(code, []).append(self.users[p["login"]])
        self.customers = by_role.get("customer", [])
        self.problem_managers = by_role.get("problem_manager", [self.admin_id])
        self.change_managers = by_role.get("change_manager", [self.admin_id])
        if not self.customers:
            raise ValueError("bank.toml: no customers")
        self.team_lead = {t["code"]: self.users[t["lead"]] for t in teams if t.get("lead")}
        self.team_head = {t["code"]: self.users[t["head"]] for t in teams if t.get("head")}
        self.team_parent = {t["code"]: t.get("parent", "") for t in teams}

    # CMDB, owner matrix, propagation ------------------------------------------------------

    def _cmdb(self) -> None:
        created = self.now - timedelta(days=HISTORY_DAYS + 30)
        items, apps = self.content["items"], self.content["applications"]
        rows = []
        for item in items:
            rows.append(self._ci_row(item, item["kind"], None, created))
        for app in apps:
            rows.append(self._ci_row(app, "application", self.impacts[app["impact"]], created))
        _insert(ConfigurationItem, rows)
        self.counts["items"] = len(rows)
        codes = [r["code"] for r in rows]
        found = ConfigurationItem.select(ConfigurationItem.id, ConfigurationItem.code, ConfigurationItem.name,
                                         ConfigurationItem.kind).where(ConfigurationItem.code.in_(codes))
        ci = {row.code: row for row in found}

        relations: list[dict[str, Any]] = []
        for spec in [*items, *apps]:
            for kind in ("runs_on", "depends_on", "connects_to"):
                for target in spec.get(kind, []):
                    relations.append({"source": ci[spec["code"]].id, "target": ci[target].id, "kind": kind})
        _insert(CIRelation, relations)

        overrides = self.content.get("propagation_overrides", [])
        owners: list[dict[str, Any]] = []
        self.apps: list[_App] = []
        for spec in apps:
            app_id = ci[spec["code"]].id
            primary = [self.users[login] for login in spec["primary"]]
            second = [self.users[login] for login in spec.get("second_line", [])]
            lead = self._lead_of(spec["team"])
            head = self._head_of(spec["team"])
            cells = [("primary_handler", primary), ("second_line", second),
                     ("team_lead", [lead] if lead else []), ("department_head", [head] if head else [])]
            group: list[tuple[int, str]] = []
            for role, users in cells:
                for position, user in enumerate(users):
                    owners.append({"ci": app_id, "role": self.roles[role], "user": user, "position": position})
                    if role != "second_line" and all(user != u for u, _ in group):
                        group.append((user, role))
            for o in overrides:
                if o["application"] != spec["code"]:
                    continue
                user = self.users[o["user"]]
                if o["mode"] == "add" and all(user != u for u, _ in group):
                    group.append((user, "manual_add"))
                elif o["mode"] == "remove":
                    group = [(u, why) for u, why in group if u != user]
            related: dict[str, list[str]] = {"server": [], "database": [], "middleware": [], "network": []}
            for target in [*spec.get("runs_on", []), *spec.get("depends_on", [])]:
                if ci[target].kind in related:
                    related[ci[target].kind].append(ci[target].name)
            self.apps.append(_App(
                id=app_id, code=spec["code"], name=spec["name"], impact_id=self.impacts[spec["impact"]],
                team_id=self.team_ids[spec["team"]], weight=float(spec.get("weight", 5)), primary=primary,
                second_line=second or primary, group=group, related=related,
                incident_titles=[(kind, title) for kind, title in spec["incidents"]],
                problem_titles=list(spec.get("problems", [])),
            ))
        _insert(OwnerMatrixEntry, owners)
        self.counts["owners"] = len(owners)
        _insert(PropagationOverride, [
            {"application": ci[o["application"]].id, "user": self.users[o["user"]], "mode": o["mode"],
             "reason": o.get("reason", ""), "created_at": created + timedelta(days=20), "created_by": self.admin_id}
            for o in overrides
        ])
        self.counts["overrides"] = len(overrides)
        self.app_cum = list(accumulate(a.weight for a in self.apps))

    def _ci_row(self, spec: dict[str, Any], kind: str, impact: int | None, created: datetime) -> dict[str, Any]:
        return {
            "code": spec["code"], "name": spec["name"], "name_en": spec.get("name_en", ""), "kind": kind,
            "impact": impact, "parent": None, "team": self.team_ids.get(spec.get("team", "")),
            "description": spec.get("description", ""), "is_active": True, "retired_at": None, "created_at": created,
            "version": 1, "updated_at": created, "updated_by": None,
        }

    def _lead_of(self, team: str) -> int | None:
        return self.team_lead.get(team) or self.team_head.get(team)

    def _head_of(self, team: str) -> int | None:
        while team:
            if team in self.team_head:
                return self.team_head[team]
            team = self.team_parent.get(team, "")
        return None

    # texts ---------------------------------------------------------------------------

    def _pick(self, options: Sequence[str], fill: _Fill) -> str:
        return self.rng.choice(options).format_map(fill) if options else ""

    def _by_type(self, group: dict[str, list[str]], incident_type: str, fill: _Fill) -> str:
        options = group.get(incident_type) or [text for texts in group.values() for text in texts]
        return self._pick(options, fill)

    def _new_fill(self, app: _App) -> _Fill:
        rng, words = self.rng, self.content["words"]
        fill = _Fill(app=app.name, branch=rng.choice(words["branches"]), error=rng.choice(words["errors"]),
                     count=str(rng.randint(3, 40)), minutes=str(rng.choice((5, 10, 15, 20, 30, 60))))
        for kind, names in app.related.items():
            fill[kind] = rng.choice(names) if names else words["fallback"][kind]
        return fill

    # time ----------------------------------------------------------------------------

    def _sample_times(self, count: int, first_day: int, last_day: int) -> list[datetime]:
        """`count` registration moments `first_day`..`last_day` days back, shaped like office work."""
        today = self.shape.local_date(self.now)
        days = list(range(first_day, last_day + 1))
        weights = []
        for back in days:
            day = today - timedelta(days=back)
            weight = WEEKDAY_WEIGHTS[day.weekday()]
            weights.append(weight if self.shape.is_workday(day) else min(weight, 0.3))
        day_cum = list(accumulate(weights))
        hour_cum = list(accumulate(HOUR_WEIGHTS))
        offset = self.now.replace(tzinfo=UTC).astimezone(self.shape.zone).utcoffset() or timedelta()
        found: list[datetime] = []
        while len(found) < count:
            back = self.rng.choices(days, cum_weights=day_cum)[0]
            hour = self.rng.choices(range(24), cum_weights=hour_cum)[0]
            local = datetime.combine(today - timedelta(days=back),
                                     time(hour, self.rng.randrange(60), self.rng.randrange(60)))
            moment = local - offset
            if moment < self.now - timedelta(minutes=10):
                found.append(moment)
        return sorted(found)

    def _case(self, kind: str, created_at: datetime) -> _Case:
        case = _Case(kind=kind, created_at=created_at)
        self.rows.cases.append(case)
        return case

    def _event(self, case: _Case, entity: str, kind: str, actor: int | None, at: datetime, from_state: str = "",
               to_state: str = "", *, before: dict[str, Any] | None = None, after: dict[str, Any] | None = None,
               note: str = "") -> None:
        self.rows.events.append({
            "case": case, "entity": entity, "entity_id": "", "kind": kind, "actor": actor, "occurred_at": at,
            "from_state": from_state, "to_state": to_state, "before": _dumps(before or {}),
            "after": _dumps(after or {}), "note": note,
        })

    # incidents -------------------------------------------------------------------------

    def _pick_app(self, *, high_impact: bool = False) -> _App:
        if high_impact:
            top = min(self.impact_rank, key=self.impact_rank.__getitem__)
            best = [a for a in self.apps if a.impact_id == top] or self.apps
            return self.rng.choices(best, weights=[a.weight for a in best])[0]
        return self.rng.choices(self.apps, cum_weights=self.app_cum)[0]

    def _new_incident(self, registered_at: datetime, *, app: _App | None = None, urgency: int | None = None,
                      parent: _Incident | None = None, major: bool = False, branch: str = "") -> _Incident:
        rng = self.rng
        app = app or self._pick_app()
        fill = self._new_fill(app)
        if branch:
            fill["branch"] = branch
        if parent is None:
            incident_type, title = rng.choice(app.incident_titles)
            description = self._by_type(self.texts["descriptions"], incident_type, fill)
        else:
            incident_type = parent.incident_type
            fill["title"] = parent.title
            title = self._pick(self.texts["major_child"], fill)
            description = self.texts["major_child_description"].format_map(fill)
        urgency = urgency or rng.choices(self.urgency_ids, cum_weights=self.urgency_cum)[0]
        grade = self.matrix.get((urgency, app.impact_id)) or self.grade_by_level[self.levels[-1]]
        weights = [max(1, 7 - 4 * i) for i in range(len(app.primary))]  # the first primary handler takes most
        assignee = parent.assignee if parent else rng.choices(app.primary, weights=weights)[0]
        lead_minutes = rng.choice((0, 1, 2, 3, 5, 5, 10, 10, 15, 20, 30, 45, 60, 90))
        incident = _Incident(
            case=self._case("incident", registered_at), app=app, title=title, description=description,
            incident_type=incident_type, urgency_id=urgency, grade0_id=grade, grade_id=grade,
            registered_by=rng.choice(self.customers), assignee=assignee, registered_at=registered_at,
            occurred_at=registered_at - timedelta(minutes=lead_minutes, seconds=rng.randrange(60)), fill=fill,
            major=major, parent=parent,
        )
        self.rows.incidents.append(incident)
        return incident

    def _plan_incidents(self, total: int) -> None:
        rng = self.rng
        groups: list[list[int]] = []
        if total >= 20:
            left = total
            for _ in range(max(1, total // 250)):
                children = min(rng.randint(2, 5), left - 1)
                if children < 1:
                    break
                groups.append([children])
                left -= children + 1
        normal = total - sum(g[0] + 1 for g in groups)
        for moment in self._sample_times(normal, 0, HISTORY_DAYS - 1):
            self._timeline(self._new_incident(moment))
        for moment, (children,) in zip(self._sample_times(len(groups), 3, HISTORY_DAYS - 10), groups, strict=True):
            parent = self._new_incident(moment, app=self._pick_app(high_impact=True), urgency=self.urgency_top,
                                        major=True)
            self._timeline(parent)
            names = self.content["words"]["branches"]
            branches = rng.sample(names, children) if children <= len(names) else rng.choices(names, k=children)
            for branch in branches:
                child_at = moment + timedelta(minutes=rng.randint(3, 40), seconds=rng.randrange(60))
                child = self._new_incident(child_at, app=parent.app, parent=parent, branch=branch)
                self._child_timeline(child, parent)
        self.rows.incidents.sort(key=lambda i: i.registered_at)
        for incident in self.rows.incidents:
            if incident.parent is None:
                self._settle(incident)
        for incident in self.rows.incidents:
            if incident.parent is not None:
                self._settle_child(incident)
            self._texts(incident)
            self._incident_events(incident)
            self._incident_clocks(incident)

    def _timeline(self, inc: _Incident) -> None:
        """Draw the whole life of an incident as if nothing stopped it; `_settle` cuts it at `now`."""
        rng = self.rng
        first = self.policies[inc.grade0_id]
        late = rng.random() < 0.08
        factor = rng.uniform(1.1, 3.0) if late else 0.03 + 0.9 * rng.betavariate(1.6, 3.0)
        response = max(1.0, first.response_minutes * factor)
        inc.accepted_at = self.calendars[first.calendar_id].add(inc.registered_at, response)
        if not inc.major and rng.random() < 0.05 and len(self.levels) > 1:
            level = self.grade_level[inc.grade0_id]
            position = self.levels.index(level)
            up = position > 0 and (position == len(self.levels) - 1 or rng.random() < 0.5)
            inc.grade_id = self.grade_by_level[self.levels[position - 1 if up else position + 1]]
            inc.regraded_at = inc.accepted_at + timedelta(minutes=1)
            inc.regrade_reason = rng.choice(self.texts["regrade_up" if up else "regrade_down"])
        inc.started_at = inc.accepted_at + timedelta(minutes=rng.randint(2, 30))
        policy = self.policies[inc.grade_id]
        if inc.major:
            factor = rng.uniform(0.5, 1.6)
        elif rng.random() < 0.12:
            factor = rng.uniform(1.05, 2.5)
        else:
            factor = 0.05 + 0.9 * rng.betavariate(1.5, 2.5)
        resolved = self.calendars[policy.calendar_id].add(inc.registered_at, policy.resolution_minutes * factor)
        inc.resolved_at = max(resolved, inc.started_at + timedelta(minutes=rng.randint(5, 20)))
        if inc.major:
            inc.resolved_at = max(inc.resolved_at, inc.registered_at + timedelta(minutes=90))
        inc.closed_at = inc.resolved_at + timedelta(minutes=rng.randint(10, 180))

    def _child_timeline(self, inc: _Incident, parent: _Incident) -> None:
        """A major incident's child is accepted quickly and resolved and closed with its parent."""
        assert parent.resolved_at and parent.closed_at
        inc.accepted_at = inc.registered_at + timedelta(minutes=self.rng.randint(1, 10))
        inc.started_at = inc.accepted_at + timedelta(minutes=self.rng.randint(1, 5))
        inc.resolved_at = parent.resolved_at
        inc.closed_at = max(parent.closed_at - timedelta(minutes=self.rng.randint(1, 5)),
                            inc.resolved_at + timedelta(minutes=1))

    def _settle(self, inc: _Incident) -> None:
        """Decide the incident's state at `now` and forget what has not happened yet."""
        rng, now = self.rng, self.now
        assert inc.accepted_at and inc.started_at and inc.resolved_at and inc.closed_at
        age = now - inc.registered_at
        if not inc.major and rng.random() < 0.05:
            if rng.random() < 0.6:
                span = max(2, min(rng.randint(5, 90), _minutes(inc.registered_at, inc.accepted_at) - 1))
                cancel_at, cancel_from = inc.registered_at + timedelta(minutes=span), "registered"
            else:
                cancel_at, cancel_from = inc.accepted_at + timedelta(minutes=rng.randint(5, 120)), "accepted"
            if cancel_at <= now:
                inc.state, inc.cancel_at, inc.cancel_from = "cancelled", cancel_at, cancel_from
                inc.cancel_reason = rng.choice(self.texts["cancel_reasons"])
                inc.started_at = inc.resolved_at = inc.closed_at = None
                if cancel_from == "registered":
                    inc.accepted_at = None
                self._keep_regrade(inc)
                return
        stop = "closed"
        if not inc.major:
            if age < timedelta(days=3):
                stop = rng.choices(("registered", "accepted", "in_progress", "closed"), (20, 25, 45, 10))[0]
            elif age < timedelta(days=14):
                stop = rng.choices(("accepted", "in_progress", "closed"), (5, 20, 75))[0]
            elif rng.random() < 0.007:
                stop = "in_progress"
                inc.waiting = True
        reached = "registered"
        for state, moment in (("accepted", inc.accepted_at), ("in_progress", inc.started_at),
                              ("closed", inc.closed_at)):
            if moment <= now:
                reached = state
        order = ("registered", "accepted", "in_progress", "closed")
        inc.state = min(stop, reached, key=order.index)
        self._cut(inc)
        if inc.state == "closed" and not inc.major and rng.random() < 0.02:
            assert inc.resolved_at and inc.closed_at
            reopened = _plus(inc.closed_at, rng.uniform(12, 120) * 60)
            resolved = reopened + timedelta(minutes=rng.randint(60, 2880))
            closed = resolved + timedelta(minutes=rng.randint(10, 120))
            if closed <= now:
                inc.reopen = (inc.resolved_at, inc.closed_at, reopened)
                inc.resolved_at, inc.closed_at = resolved, closed
        if inc.state == "in_progress" and inc.started_at and (inc.waiting or rng.random() < 0.15):
            inc.waiting = True
            inc.paused_at = _part(inc.started_at, now, rng.uniform(0.3, 0.9))

    def _settle_child(self, inc: _Incident) -> None:
        parent = inc.parent
        assert parent is not None
        inc.state = "registered"
        for state, moment in (("accepted", inc.accepted_at), ("in_progress", inc.started_at),
                              ("closed", inc.closed_at)):
            if moment is not None and moment <= self.now:
                inc.state = state
        self._cut(inc)

    def _cut(self, inc: _Incident) -> None:
        if inc.state == "registered":
            inc.accepted_at = None
        if inc.state in ("registered", "accepted"):
            inc.started_at = None
        if inc.state != "closed":
            inc.resolved_at = inc.closed_at = None
        self._keep_regrade(inc)

    def _keep_regrade(self, inc: _Incident) -> None:
        """Forget a regrade that had not happened by `now` (or before the cancellation)."""
        if inc.regraded_at is None:
            return
        if (inc.accepted_at is None or inc.regraded_at > self.now
                or (inc.cancel_at is not None and inc.regraded_at >= inc.cancel_at)):
            inc.regraded_at, inc.regrade_reason, inc.grade_id = None, "", inc.grade0_id

    def _texts(self, inc: _Incident) -> None:
        """Closing texts for closed incidents; the rest have none yet."""
        if inc.state != "closed":
            return
        t, fill = self.texts, inc.fill
        closures = t["closures"]
        cause, resolution = self.rng.choice(closures.get(inc.incident_type) or closures["application"])
        inc.closing = {
            "cause": cause.format_map(fill),
            "resolution": resolution.format_map(fill),
            "result": self._pick(t["results"], fill),
            "follow_up_plan": self._pick(t["follow_up"], fill),
            "recurrence_prevention": self._pick(t["recurrence_prevention"], fill),
        }

    def _actions(self, inc: _Incident) -> list[tuple[datetime, int, str]]:
        """Actions between acceptance and resolution (or cancellation, or now); returns (when, who, kind)."""
        rng = self.rng
        if inc.accepted_at is None:
            return []
        end = inc.cancel_at or (inc.reopen[0] if inc.reopen else inc.resolved_at) or self.now
        count = rng.choices((1, 2, 3, 4, 5, 6), (45, 27, 13, 8, 4, 3))[0]
        if inc.major:
            count = rng.randint(4, 6)
        elif inc.state in ("accepted", "cancelled"):
            count = min(count, 2)
        moments = sorted(_part(inc.accepted_at, end, rng.uniform(0.02, 0.98)) for _ in range(count))
        kinds = [rng.choice(("investigation", "contact"))]
        kinds += rng.choices(ACTION_KINDS, ACTION_WEIGHTS, k=count - 1)
        if inc.state == "closed" and count > 1:
            kinds[-1] = "fix"
        if inc.reopen:
            moments.append(_part(inc.reopen[2], inc.resolved_at or self.now, rng.uniform(0.2, 0.9)))
            kinds.append("fix")
        done = []
        for moment, kind in zip(moments, kinds, strict=True):
            actor = inc.assignee if rng.random() < 0.85 else rng.choice(inc.app.second_line)
            recorded = min(self.now, moment + timedelta(minutes=rng.choice((0, 1, 2, 5, 10, 30))))
            self.rows.actions.append({
                "case": inc.case, "actor": actor, "acted_at": moment, "recorded_at": recorded, "kind": kind,
                "body": self._pick(self.texts["actions"][kind], inc.fill), "minutes_spent": rng.randint(5, 90),
            })
            done.append((moment, actor, kind))
        return done

    def _incident_events(self, inc: _Incident) -> None:
        first = len(self.rows.events)
        self._incident_history(inc)
        own = self.rows.events[first:]
        last = max(own, key=lambda ev: ev["occurred_at"])
        inc.version, inc.updated_at, inc.updated_by = len(own), last["occurred_at"], last["actor"]

    def _incident_history(self, inc: _Incident) -> None:
        case, e = inc.case, self._event
        e(case, "incident", "register", inc.registered_by, inc.registered_at, "", "registered",
          after={"title": inc.title, "application": inc.app.id, "urgency": inc.urgency_id, "impact": inc.app.impact_id,
                 "grade": inc.grade0_id, "assignee": inc.assignee, "assigned_team": inc.app.team_id,
                 "occurred_at": _iso(inc.occurred_at)})
        if inc.accepted_at:
            e(case, "incident", "accept", inc.assignee, inc.accepted_at, "registered", "accepted",
              after={"accepted_at": _iso(inc.accepted_at)})
        if inc.regraded_at:
            e(case, "incident", "regrade", inc.assignee, inc.regraded_at, "accepted", "accepted",
              before={"grade": inc.grade0_id}, after={"grade": inc.grade_id}, note=inc.regrade_reason)
        if inc.started_at:
            e(case, "incident", "start", inc.assignee, inc.started_at, "accepted", "in_progress")
        for moment, actor, kind in self._actions(inc):
            state = "in_progress" if inc.started_at and moment >= inc.started_at else "accepted"
            if inc.reopen and inc.reopen[0] <= moment < inc.reopen[2]:
                state = "closed"
            e(case, "incident", "action", actor, moment, state, state, after={"kind": kind})
        if inc.reopen:
            resolved, closed, reopened = inc.reopen
            e(case, "incident", "close", inc.assignee, closed, "in_progress", "closed",
              after={"resolved_at": _iso(resolved), "closed_at": _iso(closed)})
            e(case, "incident", "reopen", inc.registered_by, reopened, "closed", "in_progress",
              before={"reopen_count": 0}, after={"reopen_count": 1}, note=self.rng.choice(self.texts["reopen_reasons"]))
        if inc.state == "closed" and inc.closed_at:
            e(case, "incident", "close", inc.assignee, inc.closed_at, "in_progress", "closed",
              after={"resolved_at": _iso(inc.resolved_at), "closed_at": _iso(inc.closed_at)})
        if inc.state == "cancelled" and inc.cancel_at:
            actor = inc.registered_by if inc.cancel_from == "registered" else inc.assignee
            e(case, "incident", "cancel", actor, inc.cancel_at, inc.cancel_from, "cancelled",
              after={"cancel_reason": inc.cancel_reason}, note=inc.cancel_reason)
        if inc.waiting and inc.paused_at:
            e(case, "incident", "wait_for_customer", inc.assignee, inc.paused_at, "in_progress", "in_progress",
              before={"waiting_for_customer": False}, after={"waiting_for_customer": True})

    def _incident_clocks(self, inc: _Incident) -> None:
        cancelled = inc.state == "cancelled"
        response_stop = inc.accepted_at or (inc.cancel_at if cancelled else None)
        self._clock(inc.case, "response", self.policies[inc.grade0_id], inc.registered_at, response_stop,
                    counted=inc.accepted_at is not None)
        resolution_stop = inc.cancel_at if cancelled else inc.resolved_at
        pause = (inc.reopen[0], inc.reopen[2]) if inc.reopen else None
        self._clock(inc.case, "resolution", self.policies[inc.grade_id], inc.registered_at, resolution_stop,
                    counted=not cancelled, pause=pause, paused_at=inc.paused_at)

    def _clock(self, case: _Case, kind: str, policy: _Policy, start: datetime, stop: datetime | None, *,
               counted: bool, pause: tuple[datetime, datetime] | None = None,
               paused_at: datetime | None = None) -> None:
        """One SLA clock; business minutes are counted on the policy's calendar."""
        work = self.calendars[policy.calendar_id]
        business = not work.is_24x7
        target = policy.response_minutes if kind == "response" else policy.resolution_minutes
        paused_wall = _minutes(*pause) if pause else 0
        paused_business = work.count(*pause) if pause and business else 0
        # after a reopen the clock resumes with what was left of the target
        due = work.add(pause[1], max(0, target - work.count(start, pause[0]))) if pause else work.add(start, target)
        end = stop or paused_at or self.now
        spent = work.count(start, end) - paused_business if business else _minutes(start, end) - paused_wall
        warn = target * policy.warning_percent / 100
        row = {
            "case": case, "kind": kind, "policy": policy.id, "calendar": policy.calendar_id, "target_minutes": target,
            "uses_business_time": business, "started_at": start, "paused_at": paused_at, "stopped_at": stop,
            "due_at": due, "paused_wall_minutes": paused_wall, "paused_business_minutes": paused_business,
            "elapsed_wall_minutes": None, "elapsed_business_minutes": None,
            "warned_at": work.add(start, warn) if spent >= warn and counted else None,
            "breached_at": due if spent > target and counted else None, "met": None, "version": 1,
        }
        if stop is not None:
            row["elapsed_wall_minutes"] = _minutes(start, stop) - paused_wall
            row["elapsed_business_minutes"] = spent if business else None
            row["met"] = spent <= target if counted else None
        self.rows.clocks.append(row)

    # problems --------------------------------------------------------------------------

    def _plan_problems(self, total: int) -> None:
        rng = self.rng
        by_app: dict[int, list[_Incident]] = {}
        for inc in self.rows.incidents:
            if inc.state != "cancelled" and inc.parent is None:
                by_app.setdefault(inc.app.id, []).append(inc)
        self.problem_titles_used: set[str] = set()
        if not by_app or total <= 0:
            return
        apps = [a for a in self.apps if a.id in by_app]
        weights = [len(by_app[a.id]) for a in apps]
        for registered in self._sample_times(total, 1, HISTORY_DAYS - 35):
            for _ in range(10):
                app = rng.choices(apps, weights=weights)[0]
                pool = [i for i in by_app[app.id] if not i.linked
                        and registered - timedelta(days=150) <= i.registered_at <= registered]
                if len(pool) >= 2:
                    break
            else:
                continue
            linked = rng.sample(pool, min(len(pool), rng.randint(2, 10)))
            for inc in linked:
                inc.linked = True
            self._plan_problem(app, registered, linked)

    def _plan_problem(self, app: _App, registered: datetime, linked: list[_Incident]) -> None:
        rng, now, t = self.rng, self.now, self.texts["problems"]
        fill = self._new_fill(app)
        fill["count"] = str(len(linked))
        team_code = next(code for code, tid in self.team_ids.items() if tid == app.team_id)
        registered_by = rng.choice(self.problem_managers) if rng.random() < 0.6 else (
            self._lead_of(team_code) or rng.choice(self.problem_managers))
        assignee = rng.choice(app.second_line + app.primary)
        case = self._case("problem", registered)

        def later(moment: datetime, low: float, high: float) -> datetime:
            return _plus(moment, rng.uniform(low, high) * 1440)

        derive = later(registered, 0.5, 5)
        known = later(derive, 3, 30)
        execute = later(known, 1, 10)
        verify = later(execute, 7, 45)
        steps = [("derive", "registered", "derivation", derive, assignee),
                 ("execute", "derivation", "execution", execute, assignee),
                 ("verify", "execution", "verification", verify, assignee)]
        failed = rng.random() < 0.15
        if failed:
            fail = later(verify, 2, 7)
            execute2 = later(fail, 2, 10)
            verify = later(execute2, 3, 14)
            steps += [("verification_failed", "verification", "derivation", fail, assignee),
                      ("execute", "derivation", "execution", execute2, assignee),
                      ("verify", "execution", "verification", verify, assignee)]
        closed = later(verify, 3, 20)
        steps.append(("close", "verification", "closed", closed, rng.choice(self.problem_managers)))
        steps = [step for step in steps if step[3] <= now]
        state = steps[-1][2] if steps else "registered"
        is_known = known <= now and rng.random() < 0.75
        analysis = [text.format_map(fill) for text in rng.choice(t["analyses"])]
        root_cause, workaround = (analysis[0], analysis[1]) if known <= now else ("", "")
        executed = any(k == "execute" for k, *_ in steps)
        verifications = sum(1 for k, *_ in steps if k == "verify")
        failure = self._pick(t["verification_failures"], fill) if failed else ""
        verification_result = ""
        if state == "closed":
            verification_result = self._pick(t["verification_results"], fill)
        elif any(k == "verification_failed" for k, *_ in steps):
            verification_result = failure
        grade = min((i.grade_id for i in linked), key=lambda g: self.grade_level[g])
        unused = [title for title in app.problem_titles if title not in self.problem_titles_used]
        title = rng.choice(unused) if unused else f"{linked[0].title} 반복 발생"
        self.problem_titles_used.add(title)
        events: list[tuple[str, str, str, datetime, int, dict[str, Any], dict[str, Any], str]] = [
            ("register", "", "registered", registered, registered_by, {},
             {"title": title, "application": app.id, "grade": grade, "assignee": assignee}, "")]
        for kind, a, b, moment, who in steps:
            note = failure if kind == "verification_failed" else ""
            events.append((kind, a, b, moment, who, {}, {}, note))
        known_at = _plus(known, rng.uniform(60, 480)) if is_known else None
        if known_at and known_at > now:
            known_at, is_known = None, False
        if known_at:  # declared while deriving: `known` comes before `execute`
            events.append(("known_error", "derivation", "derivation", known_at, assignee, {"is_known_error": False},
                           {"is_known_error": True, "root_cause": root_cause, "workaround": workaround}, ""))
        action_end = min(now, closed)
        for _ in range(rng.randint(1, 4) if derive <= now else 0):
            moment = _part(derive, action_end, rng.uniform(0.05, 0.95))
            kind = rng.choice(("investigation", "investigation", "note", "fix"))
            self.rows.actions.append({
                "case": case, "actor": assignee, "acted_at": moment,
                "recorded_at": min(now, moment + timedelta(minutes=5)),
                "kind": kind, "body": self._pick(t["actions"], fill), "minutes_spent": rng.randint(30, 240),
            })
            state_then = "registered"
            for _k, _a, b, when, _w in steps:
                if when <= moment:
                    state_then = b
            events.append(("action", state_then, state_then, moment, assignee, {}, {"kind": kind}, ""))
        last = max(events, key=lambda ev: ev[3])
        for kind, a, b, moment, who, before, after, note in events:
            self._event(case, "problem", kind, who, moment, a, b, before=before, after=after, note=note)
        self.rows.problems.append({
            "case": case, "title": title, "description": self._pick(t["descriptions"], fill), "application": app.id,
            "grade": grade, "state": state, "process": None, "registered_by": registered_by,
            "registered_at": registered, "assignee": assignee, "assigned_team": app.team_id,
            "root_cause": root_cause, "workaround": workaround, "is_known_error": is_known,
            "known_error_at": known_at, "solution": analysis[2] if executed else "",
            "verification_result": verification_result, "verification_count": verifications,
            "closed_at": steps[-1][3] if state == "closed" else None, "cancel_reason": "",
            "version": len(events), "updated_at": last[3], "updated_by": last[4],
        })
        for inc in linked:
            self.rows.links.append({"source": inc.case, "target": case, "kind": "problem",
                                    "created_at": max(registered, inc.registered_at), "created_by": registered_by})
        execute_at = next((moment for k, _a, _b, moment, _w in steps if k == "execute"), None)
        if execute_at and rng.random() < 0.6:
            requested = _plus(execute_at, rng.uniform(120, 2880))
            if requested < now:
                self._plan_change(case, app, requested, assignee, fill)

    # work orders and changes ---------------------------------------------------------------

    def _plan_followers(self) -> None:
        rng = self.rng
        for inc in self.rows.incidents:
            if inc.started_at is None or inc.state not in ("in_progress", "closed"):
                continue
            if inc.state == "closed":
                assert inc.resolved_at
                end = inc.reopen[0] if inc.reopen else inc.resolved_at
            else:
                end = _plus(self.now, rng.uniform(120, 2880))
            if rng.random() < 0.15:
                self._plan_work_order(inc, end)
            if rng.random() < 0.05:
                requested = _part(inc.started_at, min(end, self.now), rng.uniform(0.3, 0.9))
                self._plan_change(inc.case, inc.app, requested, inc.assignee, inc.fill)

    def _plan_work_order(self, inc: _Incident, end: datetime) -> None:
        rng, now, t = self.rng, self.now, self.texts
        assert inc.started_at
        issued = _part(inc.started_at, end, rng.uniform(0.05, 0.5))
        if issued >= now:
            return
        assignee = rng.choice(inc.app.second_line)
        case = self._case("work_order", issued)
        started = _part(issued, end, rng.uniform(0.02, 0.2))
        returned = rng.random() < 0.1
        finished = _part(started, end, rng.uniform(0.3, 0.95))
        steps = [("start", "issued", "in_progress", started, assignee)]
        if returned:
            if rng.random() < 0.5:
                steps = [("return", "issued", "returned", started, assignee)]
            else:
                steps.append(("return", "in_progress", "returned", finished, assignee))
        else:
            steps.append(("complete", "in_progress", "done", finished, assignee))
        steps = [s for s in steps if s[3] <= now]
        state = steps[-1][2] if steps else "issued"
        reason = rng.choice(t["work_order_returns"]) if state == "returned" else ""
        result = self._pick(t["work_order_results"], inc.fill) if state == "done" else ""
        self._event(case, "work_order", "issue", inc.assignee, issued, "", "issued", after={"assignee": assignee})
        for kind, a, b, moment, who in steps:
            self._event(case, "work_order", kind, who, moment, a, b, note=reason if kind == "return" else "",
                        after={"result": result} if kind == "complete" else {})
        level = self.grade_level[inc.grade_id]
        last = steps[-1] if steps else ("issue", "", "issued", issued, inc.assignee)
        self.rows.work_orders.append({
            "case": case, "parent": inc.case, "title": self._pick(t["work_orders"], inc.fill),
            "instructions": self._pick(t["work_order_instructions"], inc.fill), "state": state, "process": None,
            "issued_by": inc.assignee, "issued_at": issued, "assignee": assignee,
            "assigned_team": self.user_team.get(assignee),
            "due_at": issued + timedelta(hours=WORK_ORDER_DUE_HOURS.get(level, 24)),
            "started_at": started if any(k == "start" for k, *_ in steps) else None,
            "finished_at": steps[-1][3] if state in ("done", "returned") else None, "result": result,
            "return_reason": reason, "version": 1 + len(steps), "updated_at": last[3], "updated_by": last[4],
        })

    def _plan_change(self, parent: _Case, app: _App, requested: datetime, requested_by: int, fill: _Fill) -> None:
        rng, now, t = self.rng, self.now, self.texts["changes"]
        manager = rng.choice(self.change_managers)
        case = self._case("change", requested)
        index = rng.randrange(len(t["titles"]))
        types = t.get("types", [])
        decided = _plus(requested, rng.uniform(240, 4320))
        rejected = rng.random() < 0.08
        night = datetime.combine(self.shape.local_date(decided) + timedelta(days=rng.randint(1, 7)), time(22))
        planned_start = night.replace(tzinfo=self.shape.zone).astimezone(UTC).replace(tzinfo=None)
        planned_end = planned_start + timedelta(hours=2)
        implemented = planned_start + timedelta(minutes=rng.randint(10, 110))
        reviewed = _plus(implemented, rng.uniform(1440, 4320))
        closed = _plus(reviewed, rng.uniform(120, 2880))
        assignee = rng.choice(app.second_line + app.primary)
        if rejected:
            steps = [("reject", "requested", "rejected", decided, manager)]
        else:
            steps = [("approve", "requested", "approved", decided, manager),
                     ("implement", "approved", "implemented", implemented, assignee),
                     ("review", "implemented", "reviewed", reviewed, requested_by),
                     ("close", "reviewed", "closed", closed, manager)]
        steps = [step for step in steps if step[3] <= now]
        state = steps[-1][2] if steps else "requested"
        reached = {k: m for k, _a, _b, m, _w in steps}
        reject_reason = rng.choice(t["reject_reasons"]) if state == "rejected" else ""
        review = self._pick(t["review_results"], fill) if "review" in reached else ""
        self._event(case, "change", "request", requested_by, requested, "", "requested",
                    after={"application": app.id, "assignee": assignee})
        for kind, a, b, moment, who in steps:
            self._event(case, "change", kind, who, moment, a, b, note=reject_reason if kind == "reject" else "",
                        after={"review_result": review} if kind == "review" else {})
        last = steps[-1] if steps else ("request", "", "requested", requested, requested_by)
        self.rows.changes.append({
            "case": case, "title": self._pick([t["titles"][index]], fill), "description": "",
            "change_type": types[index] if index < len(types) else "program", "parent": parent, "application": app.id,
            "state": state, "process": None, "requested_by": requested_by, "requested_at": requested,
            "assignee": assignee, "approved_by": manager if "approve" in reached else None,
            "approved_at": reached.get("approve"),
            "planned_start": planned_start if not rejected else None,
            "planned_end": planned_end if not rejected else None,
            "implemented_at": reached.get("implement"), "reviewed_at": reached.get("review"),
            "closed_at": reached.get("close"), "implementation_plan": self._pick(t["implementation_plans"], fill),
            "rollback_plan": self._pick(t["rollback_plans"], fill), "review_result": review,
            "reject_reason": reject_reason, "version": 1 + len(steps), "updated_at": last[3], "updated_by": last[4],
        })
        self.rows.links.append({"source": parent, "target": case, "kind": "change", "created_at": requested,
                                "created_by": requested_by})

    # writing -------------------------------------------------------------------------------

    def _write_cases(self) -> None:
        """Number every case per kind and year in time order, insert them, learn their ids."""
        cases = sorted(self.rows.cases, key=lambda c: c.created_at)
        sequences = {s.name: s.value for s in NumberSequence.select()}
        used: dict[str, int] = {}
        for case in cases:
            year = self.shape.local_date(case.created_at).year
            name = f"{CASE_PREFIXES[case.kind]}-{year}"
            value = used.get(name, sequences.get(name, 0)) + 1
            used[name] = value
            case.number = format_number(case.kind, year, value)
        _insert(Case, [{"kind": c.kind, "number": c.number, "created_at": c.created_at} for c in cases])
        ids: dict[str, int] = {}
        for chunk in _chunks([c.number for c in cases]):
            ids.update(_rows(Case.select(Case.number, Case.id).where(Case.number.in_(list(chunk)))))
        for case in cases:
            case.id = ids[case.number]
        for name, value in used.items():
            NumberSequence.insert(name=name, value=value).on_conflict(
                conflict_target=[NumberSequence.name], update={NumberSequence.value: value}
            ).execute()

    def _write_work(self) -> None:
        r = self.rows
        incident_rows = []
        for inc in r.incidents:  # sorted by registration, so a parent is written before its children
            closing = inc.closing
            incident_rows.append({
                "case": inc.case.id, "title": inc.title, "description": inc.description, "application": inc.app.id,
                "incident_type": inc.incident_type, "urgency": inc.urgency_id, "impact": inc.app.impact_id,
                "grade": inc.grade_id, "state": inc.state, "process": None, "registered_by": inc.registered_by,
                "registered_at": inc.registered_at, "occurred_at": inc.occurred_at, "assignee": inc.assignee,
                "assigned_team": inc.app.team_id, "accepted_at": inc.accepted_at, "resolved_at": inc.resolved_at,
                "closed_at": inc.closed_at, "parent": inc.parent.case.id if inc.parent else None,
                "waiting_for_customer": inc.waiting, "reopen_count": 1 if inc.reopen else 0,
                "resolution": closing.get("resolution", ""), "cause": closing.get("cause", ""),
                "result": closing.get("result", ""), "follow_up_plan": closing.get("follow_up_plan", ""),
                "recurrence_prevention": closing.get("recurrence_prevention", ""),
                "cancel_reason": inc.cancel_reason, "cancelled_at": inc.cancel_at, "version": inc.version,
                "updated_at": inc.updated_at, "updated_by": inc.updated_by,
            })
        _insert(Incident, incident_rows)

        def resolved(rows: list[dict[str, Any]], *keys: str) -> list[dict[str, Any]]:
            """Copies of `rows` with the `_Case` objects under `keys` replaced by their ids."""
            out = []
            for row in rows:
                copy = dict(row)
                for key in keys:
                    if isinstance(copy[key], _Case):
                        copy[key] = copy[key].id
                out.append(copy)
            return out

        _insert(Problem, resolved(r.problems, "case"))
        _insert(Change, resolved(r.changes, "case", "parent"))
        _insert(WorkOrder, resolved(r.work_orders, "case", "parent"))
        _insert(CaseLink, resolved(r.links, "source", "target"))
        r.actions.sort(key=lambda a: a["acted_at"])
        _insert(Action, resolved(r.actions, "case"))
        r.events.sort(key=lambda e: e["occurred_at"])
        events = resolved(r.events, "case")
        for row, source in zip(events, r.events, strict=True):
            row["entity_id"] = source["case"].number
        _insert(Event, events)
        _insert(SlaClock, resolved(r.clocks, "case"))

    def _write_notifications(self) -> int:
        """In-app notices of registration and acceptance for the latest incidents."""
        rng, now = self.rng, self.now
        latest = self.rows.incidents[-NOTIFIED_INCIDENTS:]
        if not latest:
            return 0
        ids = [inc.case.id for inc in latest]
        found: dict[tuple[int, str], int] = {}
        query = Event.select(Event.id, Event.case, Event.kind).where(
            Event.case.in_(ids), Event.kind.in_(["register", "accept"])
        )
        for event_id, case_id, kind in _rows(query):
            found[(case_id, kind)] = event_id
        grade_names = {g.id: g.name for g in Grade.select(Grade.id, Grade.name)}
        rows = []
        for index, inc in enumerate(latest):
            pending = index >= len(latest) - PENDING_INCIDENTS
            notices = [("registered", "register", inc.registered_at)]
            if inc.accepted_at:
                notices.append(("accepted", "accept", inc.accepted_at))
            for kind, event_kind, moment in notices:
                # both notices precede any regrade (which happens a minute after acceptance)
                payload = _dumps({"number": inc.case.number, "title": inc.title, "application": inc.app.name,
                                  "grade": grade_names.get(inc.grade0_id, ""), "state": kind})
                for user, reason in inc.app.group:
                    sent = None if pending else moment + timedelta(seconds=rng.randint(1, 5))
                    read = None
                    if sent and rng.random() < 0.75:
                        read = min(now, sent + timedelta(minutes=rng.randint(1, 240)))
                    rows.append({
                        "event": found.get((inc.case.id, event_kind)), "case": inc.case.id, "recipient": user,
                        "channel": "inapp", "kind": kind, "reason": reason, "payload": payload,
                        "dedupe_key": f"{inc.case.number}:{kind}:{user}:inapp",
                        "status": "pending" if pending else "sent", "attempts": 0 if pending else 1,
                        "next_attempt_at": moment, "created_at": moment, "sent_at": sent, "read_at": read,
                        "last_error": "",
                    })
        _insert(Notification, rows)
        return len(rows)

