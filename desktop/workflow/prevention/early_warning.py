"""Major incident early warning (대형 장애 조기 경보).

When `min_incidents` incidents are registered on one application, or on applications that share a CI
(both run on one server, use one database), within `window_minutes` (setting `early_warning`, default 3
in 15 minutes), the team leads and primary handlers of those applications are told once: a notice
through the outbox, written with an event on the incident that completed the burst, in its registration's
transaction. Later incidents of the same burst only extend the warning (`EarlyWarning.last_at`), so
nobody is told twice. The lists show open warnings as a banner that offers to make one incident the
parent of the others.

On PostgreSQL a customer registering sees only their own incidents; the burst is counted by
`beacon_burst_counts` (numbers per application, no incident), which the owner holds.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

import peewee
from peewee import fn

from desktop.errors import BeaconError
from desktop.i18n import pick
from desktop.models import (
    Case,
    CIRelation,
    ConfigurationItem,
    EarlyWarning,
    Event,
    Incident,
    database,
    utcnow,
)
from desktop.workflow.cases.case_service import set_parent
from desktop.workflow.common.actors import Actor, load_actor
from desktop.workflow.common.cases import as_utc_naive
from desktop.workflow.common.matrices import matrix_users
from desktop.workflow.common.settings import get_setting
from desktop.workflow.engine.outbox import Notice, queue_notices
from desktop.workflow.prevention.texts import WARNING_TEXTS

DEFAULTS: dict[str, int] = {"min_incidents": 3, "window_minutes": 15}
NOTICE_KIND = "major_incident_warning"
TOLD_ROLES = ("team_lead", "primary_handler")
# a warning nobody handled leaves the lists' banner after this long without a new incident
BANNER_HOURS = 12
CI_KINDS_SHARED = ("server", "database", "network", "storage", "middleware", "other")


def settings() -> dict[str, int]:
    """The warning's thresholds: the defaults, as the setting `early_warning` changes them."""
    stored = get_setting("early_warning", {})
    return {**DEFAULTS, **(stored if isinstance(stored, dict) else {})}


@dataclass(frozen=True)
class Scope:
    """Where a burst is counted: one application, or the applications that share one CI."""

    key: str
    application_ids: tuple[int, ...]
    shared_ci_id: int | None


def scopes(application_id: int) -> list[Scope]:
    """The application alone, then each CI it runs on or depends on that other applications use too."""
    out = [Scope(f"app:{application_id}", (application_id,), None)]
    mine = [ci for (ci,) in CIRelation.select(CIRelation.target)
            .join(ConfigurationItem, on=(ConfigurationItem.id == CIRelation.target))
            .where((CIRelation.source == application_id) & ConfigurationItem.kind.in_(CI_KINDS_SHARED)).tuples()]
    if not mine:
        return out
    users: dict[int, set[int]] = {}
    for ci, app in (CIRelation.select(CIRelation.target, CIRelation.source)
                    .join(ConfigurationItem, on=(ConfigurationItem.id == CIRelation.source))
                    .where(CIRelation.target.in_(mine) & (ConfigurationItem.kind == "application")
                           & (ConfigurationItem.is_active == True)).tuples()):  # noqa: E712
        users.setdefault(ci, set()).add(app)
    for ci in sorted(users):
        if len(users[ci]) > 1:
            out.append(Scope(f"ci:{ci}", tuple(sorted(users[ci])), ci))
    return out


def _burst_counts(application_ids: set[int], since: datetime) -> dict[int, int]:
    """Incidents registered since `since` per application (not cancelled), in one round trip."""
    if isinstance(database.obj, peewee.PostgresqlDatabase):
        return dict(database.execute_sql("SELECT application_id, incidents FROM beacon_burst_counts(%s::integer[], %s)",
                                         (sorted(application_ids), since)).fetchall())
    return dict(Incident.select(Incident.application, fn.COUNT(Incident.case))
                .where(Incident.application.in_(sorted(application_ids)) & (Incident.registered_at >= since)
                       & Incident.cancelled_at.is_null())
                .group_by(Incident.application).tuples())


def check_burst(*, case: Case, application_id: int | None, actor: Actor, now: datetime) -> EarlyWarning | None:
    """Inside a registration's transaction: extend an ongoing burst's warning, or raise a new one and tell
    the team leads and handlers (an event on `case` carries the notices). Returns the warning raised, if any."""
    if application_id is None:
        return None
    conf = settings()
    since = now - timedelta(minutes=int(conf["window_minutes"]))
    found = scopes(application_id)
    ongoing = (EarlyWarning.select().where(EarlyWarning.scope.in_([s.key for s in found])
                                           & (EarlyWarning.last_at >= since))
               .order_by(EarlyWarning.raised_at.desc()).first())
    if ongoing is not None:
        EarlyWarning.update(last_at=now, count=EarlyWarning.count + 1).where(EarlyWarning.id == ongoing.id).execute()
        return None
    counts = _burst_counts({a for scope in found for a in scope.application_ids}, since)
    for scope in found:
        count = sum(counts.get(a, 0) for a in scope.application_ids)
        if count >= int(conf["min_incidents"]):
            return _raise(case, scope, application_id, count, int(conf["window_minutes"]), since, actor, now)
    return None


def _raise(case: Case, scope: Scope, application_id: int, count: int, minutes: int, since: datetime, actor: Actor,
           now: datetime) -> EarlyWarning:
    warning = EarlyWarning.create(scope=scope.key, application=application_id, shared_ci=scope.shared_ci_id,
                                  case=case.id, first_at=since, last_at=now, raised_at=now, count=count)
    note = _note(scope, application_id, count, minutes)
    event = Event.create(case=case.id, entity="incident", entity_id=case.number, kind="early_warning",
                         actor=actor.id, occurred_at=now, note=pick(note, actor.language),
                         after=json.dumps({"warning": warning.id, "scope": scope.key, "count": count,
                                           "minutes": minutes, "note": note}, ensure_ascii=False))
    notices: dict[int, Notice] = {}
    for role in TOLD_ROLES:
        for app in scope.application_ids:
            for user in matrix_users(app, role):
                if user.id != actor.id and user.id not in notices:
                    notices[user.id] = Notice(user.id, NOTICE_KIND, role)
    queue_notices(list(notices.values()), case=case, event=event, actor_name=actor.display, at=now,
                  key=f"early_warning:{warning.id}")
    return warning


def _note(scope: Scope, application_id: int, count: int, minutes: int) -> dict[str, str]:
    if scope.shared_ci_id is not None:
        ci = ConfigurationItem.get_by_id(scope.shared_ci_id)
        return {lang: WARNING_TEXTS.pick("note_ci", lang, ci=_name(ci, lang), count=count, minutes=minutes)
                for lang in ("ko", "en")}
    app = ConfigurationItem.get_by_id(application_id)
    return {lang: WARNING_TEXTS.pick("note", lang, application=_name(app, lang), count=count, minutes=minutes)
            for lang in ("ko", "en")}


def _name(ci: ConfigurationItem, language: str) -> str:
    return ci.name_en if language == "en" and ci.name_en else ci.name


# --- the banner ----------------------------------------------------------------------------

@dataclass(frozen=True)
class BurstIncident:
    case_id: int
    number: str
    title: str
    application: str
    application_en: str
    registered_at: datetime
    parent_id: int | None
    state: str


@dataclass(frozen=True)
class ActiveWarning:
    """An early warning still open, with the incidents of its burst (for the lists' banner)."""

    id: int
    note: dict[str, str]
    raised_at: datetime
    last_at: datetime
    count: int
    incidents: tuple[BurstIncident, ...]


def active_warnings(*, actor_id: int, now: datetime | None = None) -> list[ActiveWarning]:
    """Warnings nobody handled yet whose burst had an incident in the last `BANNER_HOURS`; none for a
    customer (the banner is for those who handle incidents)."""
    actor = load_actor(actor_id)
    if actor.is_customer_only:
        return []
    at = as_utc_naive(now) if now else utcnow()
    minutes = int(settings()["window_minutes"])
    out = []
    for warning in (EarlyWarning.select().where(EarlyWarning.handled_at.is_null()
                                                & (EarlyWarning.last_at >= at - timedelta(hours=BANNER_HOURS)))
                    .order_by(EarlyWarning.raised_at.desc())):
        scope = _scope_of(warning)
        incidents = burst_incidents(warning, scope)
        out.append(ActiveWarning(warning.id, _note(scope, warning.application_id, len(incidents) or warning.count,
                                                   minutes),
                                 warning.raised_at, warning.last_at, len(incidents), tuple(incidents)))
    return out


def _scope_of(warning: EarlyWarning) -> Scope:
    if warning.shared_ci_id is None:
        return Scope(warning.scope, (warning.application_id,), None)
    apps = tuple(sorted(a for (a,) in CIRelation.select(CIRelation.source)
                        .where(CIRelation.target == warning.shared_ci_id).tuples()))
    return Scope(warning.scope, apps, warning.shared_ci_id)


def burst_incidents(warning: EarlyWarning, scope: Scope | None = None) -> list[BurstIncident]:
    """The incidents of a warning's burst, oldest first (not cancelled); `scope` if the caller has it."""
    scope = scope or _scope_of(warning)
    rows = (Incident.select(Incident.case, Case.number, Incident.title, ConfigurationItem.name,
                            ConfigurationItem.name_en, Incident.registered_at, Incident.parent, Incident.state)
            .join(Case, on=(Case.id == Incident.case))
            .switch(Incident).join(ConfigurationItem, on=(ConfigurationItem.id == Incident.application))
            .where(Incident.application.in_(scope.application_ids)
                   & (Incident.registered_at >= warning.first_at) & (Incident.registered_at <= warning.last_at)
                   & Incident.cancelled_at.is_null())
            .order_by(Incident.registered_at, Incident.case).tuples())
    return [BurstIncident(c, n, t, a, e or "", r, p, s) for c, n, t, a, e, r, p, s in rows]


@dataclass(frozen=True)
class ParentResult:
    parent_number: str
    children: tuple[str, ...]
    skipped: tuple[tuple[str, str], ...]  # (number, why) in the actor's language


def make_parent(*, actor_id: int, warning_id: int, parent_id: int, now: datetime | None = None) -> ParentResult:
    """Make one incident of a burst the parent (major incident) of the others and close the warning: one
    transaction. An incident that cannot become a child (already one, closed, not yours to change) is
    left as it is, with why."""
    at = as_utc_naive(now) if now else None
    with database.atomic():
        actor = load_actor(actor_id)
        warning = EarlyWarning.get_by_id(warning_id)
        incidents = burst_incidents(warning)
        parent = next((i for i in incidents if i.case_id == parent_id), None)
        if parent is None:
            number = Case.get_or_none(Case.id == parent_id)
            raise BeaconError("workflow.bad_value", field=WARNING_TEXTS.pair("warning"),
                              reason=WARNING_TEXTS.pair("parent_not_in_burst",
                                                        number=number.number if number else parent_id))
        children, skipped = [], []
        for incident in incidents:
            if incident.case_id == parent_id or incident.parent_id == parent_id:
                continue
            try:
                with database.atomic():
                    set_parent(actor_id=actor_id, case_id=incident.case_id, version=None, parent_id=parent_id,
                               now=at)
                children.append(incident.number)
            except BeaconError as exc:
                skipped.append((incident.number, exc.message(actor.language)))
        EarlyWarning.update(parent=parent_id, handled_by=actor.id, handled_at=at or utcnow()).where(
            EarlyWarning.id == warning_id).execute()
    return ParentResult(parent.number, tuple(children), tuple(skipped))


def dismiss_warning(*, actor_id: int, warning_id: int, now: datetime | None = None) -> None:
    """Take a warning off the banner without making a parent (staff only)."""
    with database.atomic():
        actor = load_actor(actor_id)
        if actor.is_customer_only:
            raise BeaconError("workflow.not_allowed", who=actor.display, record=WARNING_TEXTS.pair("warning"),
                              action=WARNING_TEXTS.pair("handled"))
        EarlyWarning.update(handled_by=actor.id, handled_at=as_utc_naive(now) if now else utcnow()).where(
            EarlyWarning.id == warning_id).execute()
