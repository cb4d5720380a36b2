"""Synthetic data at scale: `python bench/generate.py --incidents 1000000 --database URL [--seed 7]`.

Fills an empty database with the demo bank's organisation (`load_demo` with no
cases: teams, users, CMDB, owner matrix), an operations-centre team that makes
every application's propagation group 20 people, and then N incidents over
several years, in chunks planned by forked processes: on SQLite each planner
writes its chunk into a file of its own and the main process copies it in with
one INSERT … SELECT per table (a transaction per chunk); on PostgreSQL the rows
go through COPY inside one transaction:

- registrations shaped like office work (weekday and hour weights of the demo),
  applications by their weight, urgency × impact → grade through the matrix;
- states by age (old ones closed, the last days still open, a few cancelled or
  waiting), with the engine's event kinds and before/after JSON — about five
  events per incident (register, accept, start, actions, close);
- actions, work orders (with their own events and the parent's), problems
  linked to incidents of the same application, and both SLA clocks;
- titles and descriptions in Korean (the demo's templates) and, for one in four,
  in English, so free-text search has both to find;
- recurrences: one incident in twenty starts a fault that comes back on the same
  application one to six times within ten days, worded each time in other words
  (Korean and English paraphrases of one title and cause); half of them get a
  problem linked to their incidents, half none; before some, a change on the
  application (or a work order on an earlier incident) was completed hours earlier.

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
import sqlite3
import sys
import tempfile
import time
import tomllib
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from heapq import heappop, heappush
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
    Change,
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

# Recurrences: a share of incidents start a group that comes back on the same application within days, worded
# each time in other words (Korean and English paraphrases of one fault and its cause). Some groups get a
# problem, some not; some follow a change (or a work order) completed on the application hours before.
RECUR_SHARE = 0.05
RECUR_MORE = (1, 2, 3, 4, 6)  # how many more times a group comes back
RECUR_MORE_WEIGHTS = (30, 30, 20, 12, 8)
RECUR_PROBLEM = 0.5
RECUR_CHANGE = 0.45
RECUR_WORK_ORDER = 0.3
THEMES: tuple[dict[str, Any], ...] = (
    {"type": "application",
     "ko": ("{app} 로그인 지연", "{app} 접속 시 응답이 느림",
            "{app} 로그인 10초 이상 소요", "{app} 세션 연결 지연 발생"),
     "en": ("{app} login is slow", "Slow sign-in on {app}", "{app} log-in takes over 10 seconds",
            "{app} session connection delayed"),
     "cause_ko": ("WAS 세션 풀 고갈", "커넥션 반환 누락으로 세션 풀 소진", "DB 커넥션 풀 부족으로 세션 대기"),
     "cause_en": ("WAS session pool exhausted", "Connections not returned, session pool used up",
                  "Too few DB connections, sessions queued"),
     "fix_ko": "WAS 재기동 및 세션 풀 확대", "fix_en": "Restarted the WAS and enlarged the session pool",
     "change_ko": "{app} 세션 풀 설정 변경", "change_en": "Session pool settings change on {app}"},
    {"type": "application",
     "ko": ("{app} 이체 처리 중 오류", "{app} 송금 실패 오류 발생",
            "{app} 이체 시 {error} 오류", "{app} 이체 거래 실패 다수"),
     "en": ("{app} transfer fails", "Money transfer error on {app}", "{app} transfer ends with error {error}",
            "Many failed transfers on {app}"),
     "cause_ko": ("배포된 이체 모듈의 전문 길이 오류", "신규 배포 프로그램의 필드 매핑 누락",
                  "이체 전문 포맷 변경 미반영"),
     "cause_en": ("Message length bug in the deployed transfer module", "Field mapping missing in the new release",
                  "Transfer message format change not applied"),
     "fix_ko": "이전 버전으로 롤백 후 수정 배포", "fix_en": "Rolled back, then deployed the fix",
     "change_ko": "{app} 이체 모듈 배포", "change_en": "Transfer module release for {app}"},
    {"type": "system",
     "ko": ("{app} 서버 메모리 부족", "{app} 응답 지연, 메모리 사용률 95%", "{app} 힙 메모리 고갈로 응답 없음"),
     "en": ("{app} server out of memory", "{app} responses delayed, memory at 95%",
            "{app} unresponsive, heap exhausted"),
     "cause_ko": ("캐시 객체 누수로 힙 메모리 고갈", "배치 작업의 대용량 조회로 메모리 부족",
                  "메모리 누수 패치 미적용"),
     "cause_en": ("Cache objects leaking, heap exhausted", "Batch job reading too much at once, memory short",
                  "Memory leak patch not applied"),
     "fix_ko": "인스턴스 재기동 및 힙 설정 조정", "fix_en": "Restarted the instance and tuned the heap",
     "change_ko": "{app} JVM 옵션 변경", "change_en": "JVM options change on {app}"},
    {"type": "system",
     "ko": ("{app} 야간 배치 지연", "{app} 배치 작업 시간 초과", "{app} 일괄 처리 미완료"),
     "en": ("{app} nightly batch late", "{app} batch job timeout", "{app} batch run did not finish"),
     "cause_ko": ("인덱스 누락으로 배치 SQL 풀 스캔", "통계 정보 미갱신으로 실행 계획 변경", "배치 대상 건수 급증"),
     "cause_en": ("Missing index, batch SQL scans the whole table", "Stale statistics changed the plan",
                  "Batch volume jumped"),
     "fix_ko": "인덱스 재생성 및 통계 갱신", "fix_en": "Rebuilt the index and refreshed statistics",
     "change_ko": "{app} 배치 SQL 튜닝 반영", "change_en": "Batch SQL tuning on {app}"},
    {"type": "network",
     "ko": ("{app} 영업점 접속 불가", "{branch}에서 {app} 연결 끊김", "{app} 네트워크 타임아웃 발생"),
     "en": ("{app} unreachable from branches", "{app} connection drops at {branch_en}", "{app} network timeouts"),
     "cause_ko": ("L4 스위치 세션 분산 설정 오류", "방화벽 정책 변경 후 포트 차단", "회선 이중화 전환 지연"),
     "cause_en": ("L4 switch balancing misconfigured", "Port blocked after a firewall rule change",
                  "Line failover switched late"),
     "fix_ko": "L4 설정 원복 및 방화벽 정책 수정", "fix_en": "Reverted the L4 settings and fixed the firewall rule",
     "change_ko": "{app} 방화벽 정책 변경", "change_en": "Firewall rule change for {app}"},
    {"type": "data",
     "ko": ("{app} 잔액 불일치", "{app} 야간 정산 후 금액 차이", "{app} 계좌 잔액 오류 문의"),
     "en": ("{app} balance mismatch", "{app} amounts differ after nightly settlement", "{app} wrong account balance"),
     "cause_ko": ("정산 배치의 중복 반영", "데이터 보정 스크립트 조건 오류", "마감 처리 순서 오류"),
     "cause_en": ("Settlement batch applied twice", "Wrong condition in the data fix script",
                  "Closing run out of order"),
     "fix_ko": "데이터 보정 및 정산 재처리", "fix_en": "Corrected the data and re-ran settlement",
     "change_ko": "{app} 데이터 보정 작업", "change_en": "Data correction on {app}"},
)


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
    changes: int = 0

    def rows(self) -> int:
        return (self.cases + self.incidents + self.events + self.actions + self.clocks + self.work_orders
                + self.problems + self.links + self.changes)


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


@dataclass
class Recurrence:
    """One fault that comes back on an application: the times it returns and the closed incidents so far."""

    app: App
    theme: dict[str, Any]
    due: list[datetime]
    members: list[tuple[int, str, datetime, int]] = field(default_factory=list)
    problem: bool = False


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
    ORDER = ("case", "incident", "problem", "change", "work_order", "case_link", "action", "event", "sla_clock")

    def __init__(self, tables: dict[str, Table]) -> None:
        self.tables = tables

    def write(self, batch: Batch) -> None:
        for key in self.ORDER:
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
        approvers = [u for (u,) in User.select(User.id).join(UserRole).join(Role)
                     .where(Role.code == "change_manager").order_by(User.id).tuples()]
        self.change_managers = approvers or self.problem_managers
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
        self.waiting: list[tuple[datetime, int, Recurrence]] = []  # recurrences by when they next come back
        self.recurrences = 0
        self.worked: dict[int, list[tuple[int, str, int, datetime, datetime]]] = {}  # app → incidents being worked
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
            moment = base + timedelta(seconds=hour * 3600 + int(rng.random() * 3600))
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
        before_json = before if before.__class__ is str else _json(before) if before else "{}"
        after_json = after if after.__class__ is str else _json(after) if after else "{}"
        event_id = self.next_event  # `_take`, inlined: five events an incident
        if event_id >= self.ends["next_event"]:
            raise RuntimeError("generate: chunk ran out of next_event ids; raise its allowance in plan()")
        self.next_event = event_id + 1
        batch.tables["event"].append((event_id, case_id, entity, number, kind, actor, str(at), from_state, to_state,
                                      before_json, after_json, note))

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
        offsets = {"WO": 0, "PRB": 0, "CHG": 0}
        for index, days in enumerate(groups):
            n = sum(count for _, count in days)
            work_orders, problems, changes = n // 4 + 32, n // 40 + 32, n // 30 + 32
            allowance = {"next_case": n + work_orders + problems + changes,
                         "next_event": 20 * n + 30 * problems + 6 * changes,
                         "next_action": 6 * n, "next_clock": 2 * n, "next_link": 8 * problems}
            bases = {f"INC-{year}": self.initial_sequences.get(f"INC-{year}", 0) + before
                     for year, before in incidents_by_year.items()}
            for day, count in days:
                bases.setdefault(f"INC-{day.year}", self.initial_sequences.get(f"INC-{day.year}", 0))
                incidents_by_year[day.year] = incidents_by_year.get(day.year, 0) + count
            plans.append(ChunkPlan(index, days, dict(ids), {k: ids[k] + allowance[k] for k in ids}, bases,
                                   dict(offsets)))
            ids = {k: ids[k] + allowance[k] for k in ids}
            offsets = {"WO": offsets["WO"] + work_orders, "PRB": offsets["PRB"] + problems,
                       "CHG": offsets["CHG"] + changes}
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
        self.waiting = []
        self.worked = {}
        self.recurrences = 0
        batch, made = Batch({key: [] for key in TABLES}), 0
        for day, count in plan.days:
            for moment in self.moments(day, count):
                self.incident(batch, moment)
                made += 1
                if made % 400 == 0:
                    self.problem(batch, moment)
        return batch

    def wording(self, app: App, english: bool) -> tuple[str, str, str, dict[str, str]]:
        rng, words = self.rng, self.words
        r = rng.random
        fill = {"app": app.name_en if english else app.name, "branch": _pick(r, words["branches"]),
                "branch_en": _pick(r, EN_BRANCHES), "error": _pick(r, words["errors"]),
                "count": str(3 + int(r() * 38)), "minutes": str(_pick(r, (5, 10, 15, 20, 30, 60)))}
        for kind, names in app.fill.items():
            fill[kind] = _pick(r, names)
        if english:
            incident_type, title = _pick(r, EN_TITLES)
            return incident_type, title.format_map(fill), _pick(r, EN_DESCRIPTIONS).format_map(fill), fill
        incident_type, title = _pick(r, app.titles)
        options = self.texts["descriptions"].get(incident_type) or self.texts["descriptions"]["application"]
        return incident_type, title, _pick(r, options).format_map(fill), fill

    def incident(self, batch: Batch, registered: datetime) -> None:
        rng, now = self.rng, self.now
        r = rng.random
        group = None
        if self.waiting and self.waiting[0][0] <= registered:
            _, order, group = heappop(self.waiting)
            group.due.pop(0)
            if group.due:
                heappush(self.waiting, (group.due[0], order, group))
        app = group.app if group else self.apps[bisect_right(self.app_cum, rng.random() * self.app_cum[-1])]
        english = rng.random() < ENGLISH_SHARE
        incident_type, title, description, fill = self.wording(app, english)
        if group is None and rng.random() < RECUR_SHARE:
            group = self.recurrence(batch, app, registered)
        if group is not None:  # the same fault again, in other words
            theme = group.theme
            incident_type = theme["type"]
            title = _pick(r, theme["en" if english else "ko"]).format_map(_Fill(fill))
            options = EN_DESCRIPTIONS if english else (self.texts["descriptions"].get(incident_type)
                                                       or self.texts["descriptions"]["application"])
            description = _pick(r, options).format_map(_Fill(fill))
        urgency = self.urgency_ids[bisect_right(self.urgency_cum, rng.random() * self.urgency_cum[-1])]
        grade = self.matrix.get((urgency, app.impact_id), self.default_grade)
        policy = self.policies[grade]
        reporter = _pick(r, self.customers)
        assignee = app.primary[0] if rng.random() < 0.7 or len(app.primary) < 2 else _pick(r, app.primary)
        occurred = registered - timedelta(minutes=_pick(r, (0, 1, 2, 5, 10, 15, 30, 60)), seconds=int(r() * 60))
        case_id, number = self.case(batch, "incident", "INC", registered)

        # the life as it would run with nothing stopping it; then cut at `now`
        business_ratio = rng.uniform(1.3, 4.0) if policy.business else 1.0  # wall minutes per business minute
        late = rng.random() < 0.08
        share = rng.uniform(1.1, 3.0) if late else 0.03 + 0.9 * rng.betavariate(1.6, 3.0)
        respond = max(1, round(policy.response * share))
        accepted = registered + timedelta(minutes=respond * business_ratio, seconds=int(r() * 60))
        started = accepted + timedelta(minutes=2 + int(r() * 29))
        factor = rng.uniform(1.05, 2.5) if rng.random() < 0.12 else 0.05 + 0.9 * rng.betavariate(1.5, 2.5)
        resolve = max(respond + 5, round(policy.resolution * factor))
        closed = max(registered + timedelta(minutes=resolve * business_ratio), started + timedelta(minutes=5))
        age = now - registered
        cancelled_at = None
        if rng.random() < 0.04:
            cancelled_at = registered + timedelta(minutes=5 + int(r() * 116))
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
            cause, resolution = _pick(r, closures)
            if group is not None:
                lang = "en" if english else "ko"
                cause, resolution = _pick(r, group.theme[f"cause_{lang}"]), group.theme[f"fix_{lang}"]
            closing = {"cause": cause.format_map(fill), "resolution": resolution.format_map(fill),
                       "result": _pick(r, self.texts["results"]).format_map(fill),
                       "follow_up_plan": _pick(r, self.texts["follow_up"]).format_map(fill),
                       "recurrence_prevention": _pick(r, self.texts["recurrence_prevention"]).format_map(fill)}
        last = closed or cancelled_at or waited or started or accepted or registered
        version = 1 + sum(1 for m in (accepted, started, waited, closed, cancelled_at) if m is not None)
        team = app.team_id
        batch.add("incident", (
            case_id, title, description, app.id, incident_type, urgency, app.impact_id, grade, state,
            self.process.get("incident"), reporter, str(registered), str(occurred), assignee, team, _t(accepted),
            _t(closed), _t(closed),
            None, state == "waiting", 0, closing.get("resolution", ""), closing.get("cause", ""),
            closing.get("result", ""), closing.get("follow_up_plan", ""), closing.get("recurrence_prevention", ""),
            _pick(r, self.texts["cancel_reasons"]) if cancelled_at else "", _t(cancelled_at), version, str(last),
            assignee if last != registered else reporter,
        ))

        # events and actions, in time order
        ev = self.event
        q = _quote  # the register and close objects written out: two of every incident's five
        ev(batch, case_id, "incident", number, "register", reporter, registered, "", "registered", after=(
            f'{{"application": {app.id}, "assigned_team": {_n(team)}, "assignee": {_n(assignee)}, '
            f'"description": {q(description)}, "grade": {grade}, "impact": {app.impact_id}, '
            f'"incident_type": {q(incident_type)}, "occurred_at": "{occurred.isoformat(timespec="seconds")}", '
            f'"state": "registered", "title": {q(title)}, "urgency": {urgency}}}'))
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
            kinds = [_pick(r, ("investigation", "contact")), *rng.choices(ACTION_KINDS, ACTION_WEIGHTS, k=count - 1)]
            if closed is not None and count > 1:
                kinds[-1] = "fix"
            for at, kind in zip(moments, kinds, strict=True):
                actor = assignee if rng.random() < 0.85 else _pick(r, app.second_line)
                options = EN_ACTIONS[kind] if english else self.texts["actions"][kind]
                body = _pick(r, options).format_map(fill)
                action_id = self._take("next_action")
                moment = str(at)
                batch.add("action", (action_id, case_id, actor, moment, moment, kind, body, 5 + int(r() * 86)))
                ev(batch, case_id, "incident", number, "action", actor, at,
                   after=f'{{"action": {action_id}, "kind": "{kind}"}}', note=body)
            if rng.random() < 0.08:
                self.work_order(batch, case_id, number, app, assignee, started, end, fill, english)
            if waited is not None:
                note = _pick(r, self.texts["wait_notes"])
                ev(batch, case_id, "incident", number, "wait", assignee, waited, "in_progress", "waiting",
                   before={"state": "in_progress", "waiting_for_customer": False},
                   after={"state": "waiting", "waiting_for_customer": True}, note=note)
        if closed is not None:
            stamp = closed.isoformat(timespec="seconds")
            ev(batch, case_id, "incident", number, "close", assignee, closed, "in_progress", "closed",
               before=CLOSE_BEFORE,
               after=(f'{{"cause": {q(closing["cause"])}, "closed_at": "{stamp}", '
                      f'"follow_up_plan": {q(closing["follow_up_plan"])}, '
                      f'"recurrence_prevention": {q(closing["recurrence_prevention"])}, '
                      f'"resolution": {q(closing["resolution"])}, "resolved_at": "{stamp}", '
                      f'"result": {q(closing["result"])}, "state": "closed"}}'))
            if group is None:
                self.recent.setdefault(app.id, []).append((case_id, number, closed, assignee))
            else:
                group.members.append((case_id, number, closed, assignee))
        if started is not None:
            worked = self.worked.setdefault(app.id, [])
            worked.append((case_id, number, assignee, started, closed or now))
            del worked[:-20]
        if group is not None and not group.due and group.problem and len(group.members) >= 2:
            self.problem(batch, registered, group=group)
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

    def recurrence(self, batch: Batch, app: App, first: datetime) -> Recurrence:
        """Start a fault that returns on `app` within days; perhaps a change or work order just before it."""
        rng = self.rng
        more = rng.choices(RECUR_MORE, RECUR_MORE_WEIGHTS)[0]
        due = sorted(first + timedelta(minutes=rng.randint(90, 10 * 24 * 60)) for _ in range(more))
        group = Recurrence(app=app, theme=rng.choice(THEMES), due=due, problem=rng.random() < RECUR_PROBLEM)
        self.recurrences += 1  # orders recurrences due at the same moment
        heappush(self.waiting, (due[0], self.recurrences, group))
        if rng.random() < RECUR_CHANGE:
            self.change_before(batch, app, group.theme, first)
        elif rng.random() < RECUR_WORK_ORDER:
            self.work_order_before(batch, app, first)
        return group

    def change_before(self, batch: Batch, app: App, theme: dict[str, Any], incident_at: datetime) -> None:
        """A change on `app` implemented a few hours (up to two days) before an incident."""
        rng, now = self.rng, self.now
        implemented = incident_at - timedelta(minutes=rng.randint(20, 48 * 60))
        requested = implemented - timedelta(hours=rng.uniform(20, 7 * 24))
        approved = requested + (implemented - requested) * rng.uniform(0.2, 0.8)
        reviewed = implemented + timedelta(hours=rng.uniform(4, 72))
        closed = reviewed + timedelta(hours=rng.uniform(1, 48))
        requester, assignee = rng.choice(app.primary or app.second_line), rng.choice(app.second_line)
        approver = rng.choice(self.change_managers)
        case_id, number = self.case(batch, "change", "CHG", requested)
        english = rng.random() < ENGLISH_SHARE
        title = (theme["change_en"] if english else theme["change_ko"]).format(app=app.name_en if english else app.name)
        description = ("Apply the change in the evening window; verify afterwards." if english
                       else "야간 작업 시간에 변경을 적용하고 적용 후 정상 여부를 확인한다.")
        plan = "작업 절차서에 따라 적용" if not english else "Apply as the runbook says"
        rollback = "이전 설정으로 원복" if not english else "Restore the previous settings"
        steps = [("approve", approved, "requested", "approved", {"approved_at": None}, {"approved_at": approved},
                  approver),
                 ("implement", implemented, "approved", "implemented", {"implemented_at": None},
                  {"implemented_at": implemented}, assignee),
                 ("review", reviewed, "implemented", "reviewed", {"review_result": "", "reviewed_at": None},
                  {"review_result": "적용 결과 이상 없음" if not english else "No issue after the change",
                   "reviewed_at": reviewed}, requester),
                 ("close", closed, "reviewed", "closed", {"closed_at": None}, {"closed_at": closed}, requester)]
        done = [step for step in steps if step[1] <= now]
        state = done[-1][3] if done else "requested"
        stamps = {step[0]: step[1] for step in done}
        self.event(batch, case_id, "change", number, "request", requester, requested, "", "requested", after={
            "application": app.id, "assignee": assignee, "change_type": "program", "description": description,
            "implementation_plan": plan, "rollback_plan": rollback, "state": "requested", "title": title})
        for name, at, source, target, before, after, actor in done:
            self.event(batch, case_id, "change", number, name, actor, at, source, target,
                       before={**before, "state": source}, after={**after, "state": target})
        last = done[-1] if done else None
        batch.add("change", (
            case_id, title, description, "program", None, app.id, state, self.process.get("change"), requester,
            str(requested), assignee, approver if "approve" in stamps else None, _t(stamps.get("approve")),
            str(implemented - timedelta(hours=1)), str(implemented + timedelta(hours=1)),
            _t(stamps.get("implement")), _t(stamps.get("review")),
            _t(stamps.get("close")), plan, rollback, str(steps[2][5]["review_result"]) if "review" in stamps else "",
            1 + len(done), str(last[1] if last else requested), last[6] if last else requester))

    def work_order_before(self, batch: Batch, app: App, incident_at: datetime) -> None:
        """A work order on an earlier incident of `app`, done a few hours before a new incident."""
        rng = self.rng
        finished = incident_at - timedelta(minutes=rng.randint(30, 12 * 60))
        issued = finished - timedelta(hours=rng.uniform(2, 48))
        parents = [w for w in self.worked.get(app.id, []) if w[3] < issued and w[4] > finished]
        if not parents:
            return
        parent_id, parent_number, issuer, _started, _end = rng.choice(parents)
        assignee = rng.choice(app.second_line)
        begun = issued + (finished - issued) * rng.uniform(0.05, 0.4)
        case_id, number = self.case(batch, "work_order", "WO", issued)
        title = rng.choice(("설정 점검 및 조정", "서버 패치 적용", "프로그램 수정 반영"))
        instructions = rng.choice(self.texts["work_order_instructions"]).format_map(_Fill({"app": app.name}))
        result = rng.choice(self.texts["work_order_results"]).format_map(_Fill({"app": app.name}))
        batch.add("work_order", (
            case_id, parent_id, title, instructions, "done", self.process.get("work_order"), issuer, str(issued),
            assignee, self.team_of.get(assignee), str(issued + timedelta(hours=24)), str(begun), str(finished), result,
            "", 3, str(finished), assignee))
        self.event(batch, case_id, "work_order", number, "issue", issuer, issued, "", "issued", after={
            "assignee": assignee, "instructions": instructions, "parent": parent_id, "state": "issued", "title": title})
        self.event(batch, parent_id, "incident", parent_number, "work_order_issue", issuer, issued,
                   after={"state": "issued", "work_order": number}, note=title)
        for name, at, source, target, before, after in (
                ("start", begun, "issued", "in_progress", {"started_at": None}, {"started_at": begun}),
                ("complete", finished, "in_progress", "done", {"finished_at": None, "result": ""},
                 {"finished_at": finished, "result": result})):
            self.event(batch, case_id, "work_order", number, name, assignee, at, source, target,
                       before={**before, "state": source}, after={**after, "state": target})
            self.event(batch, parent_id, "incident", parent_number, f"work_order_{name}", assignee, at,
                       after={"state": target, "work_order": number}, note=after.get("result", ""))

    def problem(self, batch: Batch, at: datetime, group: Recurrence | None = None) -> None:
        """A problem behind 2–5 recently closed incidents of one application (or behind a recurrence's
        incidents, named after its fault), worked as far as its age allows."""
        rng = self.rng
        if group is not None:
            app, linked = group.app, group.members
        else:
            apps = [a for a in self.recent if len(self.recent[a]) >= 2]
            if not apps:
                return
            app_id = rng.choice(apps)
            pool = self.recent.pop(app_id)[-40:]
            linked = rng.sample(pool, min(len(pool), rng.randint(2, 5)))
            app = next(a for a in self.apps if a.id == app_id)
        registered = max(closed for _, _, closed, _ in linked) + timedelta(minutes=rng.randint(30, 600))
        if registered >= self.now:
            return
        manager = rng.choice(self.problem_managers)
        assignee = rng.choice(app.second_line)
        case_id, number = self.case(batch, "problem", "PRB", registered)
        problems = self.texts["problems"]
        fill = {"app": app.name, "count": str(len(linked)), **{k: v[0] for k, v in app.fill.items()}}
        title = f"{app.name} {rng.choice(('반복 장애 원인 분석', '성능 저하 근본 원인', '간헐적 오류 원인 규명'))}"
        description = rng.choice(problems["descriptions"]).format_map(_Fill(fill))
        root_cause, _workaround, solution = (t.format_map(_Fill(fill)) for t in rng.choice(problems["analyses"]))
        if group is not None:
            cause = rng.choice(group.theme["cause_ko"])
            title = f"{app.name} 반복 장애: {cause}"
            root_cause, solution = cause, group.theme["fix_ko"]
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


_quote = json.encoder.encode_basestring  # type: ignore[attr-defined]  # C, as json.dumps(ensure_ascii=False)


def _json(value: dict[str, Any]) -> str:
    """`json.dumps(value, ensure_ascii=False, sort_keys=True)` with datetimes as ISO seconds, for the flat
    dicts of events (a few times faster than the encoder's setup for each small object)."""
    parts = []
    for key in sorted(value):
        v = value[key]
        if v is None:
            text = "null"
        elif v is True:
            text = "true"
        elif v is False:
            text = "false"
        elif v.__class__ is str:
            text = _quote(v)
        elif v.__class__ is int:
            text = str(v)
        elif v.__class__ is datetime:
            text = f'"{v.isoformat(timespec="seconds")}"'
        else:
            text = json.dumps(v, ensure_ascii=False, sort_keys=True, default=_iso)
        parts.append(f"{_quote(key)}: {text}")
    return "{" + ", ".join(parts) + "}"


CLOSE_BEFORE = _json({"cause": "", "closed_at": None, "follow_up_plan": "", "recurrence_prevention": "",
                      "resolution": "", "resolved_at": None, "result": "", "state": "in_progress"})


def _n(value: int | None) -> str:
    return "null" if value is None else str(value)


def _pick(random: Any, options: Sequence[Any]) -> Any:
    """`rng.choice(options)` for the generator's hot paths, from one `rng.random()` draw."""
    return options[int(random() * len(options))]


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
    "change": (Change, (
        "case", "title", "description", "change_type", "parent", "application", "state", "process", "requested_by",
        "requested_at", "assignee", "approved_by", "approved_at", "planned_start", "planned_end", "implemented_at",
        "reviewed_at", "closed_at", "implementation_plan", "rollback_plan", "review_result", "version", "updated_at",
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


BULK_TABLES = ("cases", "incident", "problem", "change", "work_order", "case_link", "action", "event",
               "sla_clock")


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


def write_chunk_file(path: Path, batch: Batch, tables: dict[str, Table]) -> None:
    """One chunk's rows in a SQLite file of its own (plain tables in the model's column order), for the
    main process to copy in with one INSERT … SELECT per table: a planner does the per-row work of the
    driver, in parallel, and nothing is pickled."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("BEGIN")
        for key, rows in batch.tables.items():
            if not rows:
                continue
            table = tables[key]
            conn.execute(f'CREATE TABLE "{table.name}" ({", ".join(f"{chr(34)}{c}{chr(34)}" for c in table.columns)})')
            marks = ", ".join("?" * len(table.columns))
            conn.executemany(f'INSERT INTO "{table.name}" VALUES ({marks})',
                             [row + table.tail for row in rows] if table.tail else rows)
        conn.execute("COMMIT")
    finally:
        conn.close()


def copy_chunk_file(path: Path, tables: dict[str, Table]) -> None:
    """Copy a chunk file's rows into the database (SQLite), in one transaction of their own."""
    database.execute_sql("ATTACH DATABASE ? AS chunk", (str(path),))
    try:
        present = {name for (name,) in database.execute_sql("SELECT name FROM chunk.sqlite_master").fetchall()}
        with database.atomic():
            for key in Writer.ORDER:
                table = tables[key]
                if table.name in present:
                    columns = ", ".join(f'"{c}"' for c in table.columns)
                    database.execute_sql(f'INSERT INTO main."{table.name}" ({columns}) '
                                         f'SELECT {columns} FROM chunk."{table.name}"')
    finally:
        database.execute_sql("DETACH DATABASE chunk")
    path.unlink()


def _planned(generator: Generator, incidents: int, files: Path | None = None,
             tables: dict[str, Table] | None = None) -> Iterator[Batch | Path]:
    """The generator's chunks in order, planned by forked processes while this one writes.

    Planning is Python and the slower half: PLANNERS processes (one per core) each make every PLANNERS-th chunk
    and send it down their own pipe, which holds at most about one chunk, so nobody runs far ahead. The
    children only plan: they never touch the inherited connection and leave through os._exit. Each chunk
    comes with the highest number it used per sequence. With `files` (SQLite) a chunk comes as a file of
    its own in that folder (`write_chunk_file`) rather than as rows.
    """
    plans = generator.plan(incidents)
    planners = max(1, min(PLANNERS, len(plans)))
    context = multiprocessing.get_context("fork")
    pipes, children = [], []
    # a planner writes at most two chunk files ahead of the one being copied in (disk, not memory, would fill)
    ahead = [context.Semaphore(2) for _ in range(planners)]
    for first in range(planners):
        receiver, sender = context.Pipe(duplex=False)

        def plan(first: int = first, sender: Any = sender) -> None:
            try:
                for chunk in plans[first::planners]:
                    if files is not None:
                        ahead[first].acquire()
                    generator.sequences = {}
                    batch = generator.chunk(chunk)
                    counts = _add_counts(Counts(), batch)
                    if files is not None and tables is not None:
                        path = files / f"chunk-{chunk.index:05d}.db"
                        write_chunk_file(path, batch, tables)
                        sender.send((path, generator.sequences, counts))
                    else:
                        sender.send((batch, generator.sequences, counts))
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
            made, used, counts = item
            for name, value in used.items():
                generator.sequences[name] = max(generator.sequences.get(name, 0), value)
            generator.counts = _sum_counts(generator.counts, counts)
            yield made
            if files is not None:
                ahead[index % planners].release()
    finally:
        for child in children:
            if child.is_alive():
                child.terminate()
            child.join(timeout=5)


def _sum_counts(a: Counts, b: Counts) -> Counts:
    return Counts(**{name: getattr(a, name) + getattr(b, name) for name in Counts.__dataclass_fields__})


def _add_counts(counts: Counts, batch: Batch) -> Counts:
    """The rows written so far, counted from the batches as they arrive (planners keep no counts)."""
    tables = batch.tables
    return Counts(incidents=counts.incidents + len(tables.get("incident", ())),
                  cases=counts.cases + len(tables.get("case", ())), events=counts.events + len(tables.get("event", ())),
                  actions=counts.actions + len(tables.get("action", ())),
                  clocks=counts.clocks + len(tables.get("sla_clock", ())),
                  work_orders=counts.work_orders + len(tables.get("work_order", ())),
                  problems=counts.problems + len(tables.get("problem", ())),
                  links=counts.links + len(tables.get("case_link", ())),
                  changes=counts.changes + len(tables.get("change", ())))


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
    tables = {key: Table(model, names) for key, (model, names) in TABLES.items()}
    writer: Writer = PostgresWriter(tables) if postgres else SqliteWriter(tables)

    def load(items: Iterator[Batch | Path]) -> None:
        for item in items:
            if isinstance(item, Path):
                copy_chunk_file(item, tables)
            else:
                writer.write(item)
            done = generator.counts
            elapsed = time.perf_counter() - started
            print(f"  {done.incidents:>9,} incidents, {done.rows():>11,} rows, {elapsed:6.1f} s", file=out, flush=True)

    def finish() -> float:
        for name, value in generator.sequences.items():
            NumberSequence.insert(name=name, value=value).on_conflict(
                conflict_target=[NumberSequence.name], update={NumberSequence.value: value}).execute()
        loaded = time.perf_counter()
        after_load(postgres, indexes)
        return loaded

    with database.atomic():
        load_demo(seed=seed, incidents=0, problems=0, now=now)
        operations_centre(now - timedelta(days=days + 30))
        generator = Generator(content, seed, now, days)
        indexes = before_load(postgres)
        if postgres:  # one transaction: COPY and the triggers and constraints around it
            load(_planned(generator, incidents))
            loaded = finish()
    if not postgres:
        # SQLite: each chunk comes as a file the planner wrote and is copied in by one INSERT … SELECT per
        # table, in a transaction of its own (a file can be detached only after its transaction). A fresh
        # file needs no fsync per chunk: a failed run leaves a database to delete, as a failed copy would.
        database.execute_sql("PRAGMA synchronous = OFF")
        target = dbmod.parse_url(url).path
        with tempfile.TemporaryDirectory(prefix="beacon-generate-", dir=target.parent if target else None) as work:
            load(_planned(generator, incidents, Path(work), tables))
        with database.atomic():
            loaded = finish()
        database.execute_sql("PRAGMA synchronous = NORMAL")
    indexed = time.perf_counter()
    if postgres:
        database.execute_sql("ANALYZE")
    else:
        database.execute_sql("PRAGMA journal_mode = WAL")
    finished = time.perf_counter()
    c = generator.counts
    total = finished - started
    print(f"generated {c.incidents:,} incidents over {days} days ({c.events:,} events, {c.actions:,} actions, "
          f"{c.clocks:,} SLA clocks, {c.work_orders:,} work orders, {c.problems:,} problems, {c.changes:,} changes, "
          f"{c.links:,} links)",
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
