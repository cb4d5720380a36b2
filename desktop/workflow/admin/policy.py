"""Administration of the priority matrix, SLA targets and business calendars (issue #7, items 3 and 4).

The screens hold a draft and save it whole: `save_matrix`, `save_sla_targets` and
`save_calendar` are each one `admin_change` transaction with one audit event. A saved
matrix or target applies to incidents registered from then on; open incidents keep
the grade and clocks they were registered with. Deadline previews build the same
`WorkingCalendar` and `SlaClock` the engine uses and ask `sla.due_at`, so the preview
and a real incident can never disagree.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from peewee import fn

from desktop.errors import BeaconError, StaleRecordError
from desktop.models import (
    BusinessCalendar,
    CalendarDay,
    ConfigurationItem,
    Event,
    Grade,
    ImpactLevel,
    Incident,
    PriorityMatrixCell,
    Problem,
    SlaClock,
    SlaPolicy,
    UrgencyLevel,
    User,
    utcnow,
)
from desktop.workflow.admin.texts import LEVEL_KINDS, TEXTS, USAGE_LABELS, WEEKDAY_NAMES
from desktop.workflow.common.audit import admin_change, record
from desktop.workflow.engine.process import definition
from desktop.workflow.sla import clocks as sla
from desktop.workflow.sla.calendars import WEEKDAYS, WorkingCalendar, _parse_clock, _public_holidays

_LEVEL_MODELS = {"urgency": UrgencyLevel, "impact": ImpactLevel}
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
CASE_KIND = "incident"


# --- the priority matrix ------------------------------------------------------------------

@dataclass
class LevelDraft:
    """An urgency or impact level as the editor holds it; `code` is empty for a level not saved yet."""

    name: str
    name_en: str
    code: str = ""


@dataclass
class GradeDraft:
    """A grade as the editor holds it; `level` is 0 for a grade not saved yet (it gets the next number)."""

    name: str
    name_en: str
    color: str = "#888888"
    level: int = 0


@dataclass
class MatrixDraft:
    """The whole priority matrix: levels in rank order (most urgent / widest first), grades, cells.

    `cells` maps (urgency key, impact key) to a grade key, where a level's key is its code,
    or `new:<n>` (its index in the list) for one not saved yet, and a grade's key is its level
    number, or `new:<n>` likewise.
    """

    urgencies: list[LevelDraft]
    impacts: list[LevelDraft]
    grades: list[GradeDraft]
    cells: dict[tuple[str, str], str]
    fingerprint: str = ""  # of the stored matrix this draft started from


def level_key(level: LevelDraft, index: int) -> str:
    """The key a level is known by in `MatrixDraft.cells`."""
    return level.code or f"new:{index}"


def grade_key(grade: GradeDraft, index: int) -> str:
    """The key a grade is known by in `MatrixDraft.cells`."""
    return str(grade.level) if grade.level else f"new:{index}"


def _stored_matrix() -> MatrixDraft:
    urgencies = [LevelDraft(n, e, c) for c, n, e in UrgencyLevel.select(UrgencyLevel.code, UrgencyLevel.name,
                                                                        UrgencyLevel.name_en)
                 .order_by(UrgencyLevel.rank).tuples()]
    impacts = [LevelDraft(n, e, c) for c, n, e in ImpactLevel.select(ImpactLevel.code, ImpactLevel.name,
                                                                     ImpactLevel.name_en)
               .order_by(ImpactLevel.rank).tuples()]
    grades = [GradeDraft(n, e, col, lv) for lv, n, e, col in Grade.select(Grade.level, Grade.name, Grade.name_en,
                                                                          Grade.color)
              .order_by(Grade.level).tuples()]
    cells = {(u, i): str(g) for u, i, g in (PriorityMatrixCell.select(UrgencyLevel.code, ImpactLevel.code, Grade.level)
                                           .join(UrgencyLevel).switch(PriorityMatrixCell).join(ImpactLevel)
                                           .switch(PriorityMatrixCell).join(Grade).tuples())}
    return MatrixDraft(urgencies, impacts, grades, cells)


def _fingerprint(m: MatrixDraft) -> str:
    content = json.dumps([[asdict(u) for u in m.urgencies], [asdict(i) for i in m.impacts],
                          [asdict(g) for g in m.grades], sorted(f"{u}|{i}|{g}" for (u, i), g in m.cells.items())],
                         ensure_ascii=False)
    return hashlib.sha256(content.encode()).hexdigest()


def read_matrix() -> MatrixDraft:
    """The stored priority matrix, ready to edit."""
    m = _stored_matrix()
    m.fingerprint = _fingerprint(m)
    return m


def _label(names: tuple[str, str] | LevelDraft | GradeDraft) -> dict[str, str]:
    if isinstance(names, tuple):
        return {"ko": names[0], "en": names[1]}
    return {"ko": names.name, "en": names.name_en}


def level_usage(kind: str, code_or_level: str) -> dict[str, int]:
    """What uses a stored level or grade: open incidents, problems, applications (counts); finished incidents (1: some).

    Args:
        kind: "urgency", "impact" or "grade".
        code_or_level: the level's code (urgency, impact) or the grade's level number.
    """
    open_states = definition("incident").open_states()
    if kind == "grade":
        row = Grade.get_or_none(Grade.level == int(code_or_level))
        column = Incident.grade
    else:
        row = _LEVEL_MODELS[kind].get_or_none(_LEVEL_MODELS[kind].code == code_or_level)
        column = Incident.urgency if kind == "urgency" else Incident.impact
    if row is None:
        return {}
    # open incidents are few and indexed by state; for finished ones, whether any exist is all that matters
    usage: dict[str, int] = {
        "open_incidents": Incident.select().where(Incident.state.in_(open_states) & (column == row.id)).count(),
        "closed_incidents": int(Incident.select().where(Incident.state.not_in(open_states) & (column == row.id))
                                .exists()),
    }
    if kind == "grade":
        usage["problems"] = Problem.select().where(Problem.grade == row.id).count()
    if kind == "impact":
        usage["applications"] = ConfigurationItem.select().where(ConfigurationItem.impact == row.id).count()
    return {k: v for k, v in usage.items() if v}


def check_removable(kind: str, code_or_level: str, label: dict[str, str]) -> None:
    """Refuse, with what uses it, removing a stored level or grade that something still refers to.

    Raises:
        BeaconError: `policy.level_in_use`.
    """
    usage = level_usage(kind, code_or_level)
    if usage:
        uses = [{lang: USAGE_LABELS[k][lang].format(n=n) for lang in ("ko", "en")} for k, n in usage.items()]
        raise BeaconError("policy.level_in_use", kind=LEVEL_KINDS[kind], level=label, uses=uses)


def _validate_labels(kind: str, items: list[LevelDraft] | list[GradeDraft]) -> None:
    if not items:
        raise BeaconError("policy.level_minimum", kind=LEVEL_KINDS[kind])
    for position, item in enumerate(items, 1):
        item.name, item.name_en = item.name.strip(), item.name_en.strip()
        if not item.name or not item.name_en:
            raise BeaconError("policy.level_label_missing", kind=LEVEL_KINDS[kind], position=position)
    for attr in ("name", "name_en"):
        seen = Counter(getattr(item, attr).casefold() for item in items)
        for item in items:
            if seen[getattr(item, attr).casefold()] > 1:
                raise BeaconError("policy.level_label_duplicate", kind=LEVEL_KINDS[kind], label=getattr(item, attr))


def _validate(draft: MatrixDraft) -> None:
    _validate_labels("urgency", draft.urgencies)
    _validate_labels("impact", draft.impacts)
    _validate_labels("grade", draft.grades)
    for g in draft.grades:
        if not _COLOR.match(g.color or ""):
            raise BeaconError("policy.bad_color", grade=_label(g), color=g.color)
    grade_keys = {grade_key(g, n) for n, g in enumerate(draft.grades)}
    missing = []
    for ui, u in enumerate(draft.urgencies):
        for ii, i in enumerate(draft.impacts):
            if draft.cells.get((level_key(u, ui), level_key(i, ii))) not in grade_keys:
                missing.append({"ko": f"{u.name} × {i.name}", "en": f"{u.name_en} × {i.name_en}"})
    if missing:
        raise BeaconError("policy.matrix_incomplete", cells=missing)


def _new_code(model: type, name_en: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", name_en.lower()).strip("_")[:16] or "level"
    code, n = base, 2
    while code in taken:
        code, n = f"{base[:14]}_{n}", n + 1
    taken.add(code)
    return code


def _save_levels(kind: str, levels: list[LevelDraft]) -> dict[str, int]:
    """Write one axis in rank order; returns key → id. Removal was checked before."""
    model = _LEVEL_MODELS[kind]
    stored = {row.code: row for row in model.select()}
    keep = {lv.code for lv in levels if lv.code}
    for code, row in stored.items():
        if code not in keep:
            row.delete_instance()
    # ranks are unique: park the kept rows out of the way before renumbering
    model.update(rank=model.rank * -1 - 1000).execute()
    taken = set(stored)
    ids = {}
    for index, lv in enumerate(levels):
        if lv.code and lv.code in stored:
            model.update(rank=index + 1, name=lv.name, name_en=lv.name_en).where(model.code == lv.code).execute()
            ids[level_key(lv, index)] = stored[lv.code].id
        else:
            row = model.create(code=_new_code(model, lv.name_en, taken), rank=index + 1, name=lv.name,
                               name_en=lv.name_en)
            ids[level_key(lv, index)] = row.id
    return ids


def _save_grades(grades: list[GradeDraft]) -> tuple[dict[str, int], list[int]]:
    """Write the grades; returns key → id and the level numbers of grades that are new."""
    stored = {row.level: row for row in Grade.select()}
    keep = {g.level for g in grades if g.level}
    for level, row in stored.items():
        if level not in keep:
            row.delete_instance()  # its SLA policy goes with it (CASCADE)
    next_level = max([*stored, 0]) + 1
    ids, added = {}, []
    for index, g in enumerate(grades):
        if g.level and g.level in stored:
            Grade.update(name=g.name, name_en=g.name_en, color=g.color).where(Grade.level == g.level).execute()
            ids[grade_key(g, index)] = stored[g.level].id
        else:
            row = Grade.create(level=next_level, name=g.name, name_en=g.name_en, color=g.color)
            ids[grade_key(g, index)] = row.id
            added.append(next_level)
            next_level += 1
    return ids, added


def _matrix_snapshot(m: MatrixDraft) -> dict[str, object]:
    return {"urgencies": [asdict(u) for u in m.urgencies], "impacts": [asdict(i) for i in m.impacts],
            "grades": [asdict(g) for g in m.grades],
            "cells": {f"{u}×{i}": g for (u, i), g in sorted(m.cells.items())}}


def _last_change(entity: str, entity_id: str | None = None) -> tuple[str, str]:
    query = Event.select(Event.occurred_at, User.name).join(User, on=(Event.actor == User.id)).where(
        Event.entity == entity)
    if entity_id is not None:
        query = query.where(Event.entity_id == entity_id)
    row = query.order_by(Event.id.desc()).tuples().first()
    return (row[1], str(row[0])[:16]) if row else ("?", "?")


def save_matrix(*, actor_id: int, draft: MatrixDraft) -> MatrixDraft:
    """Save a whole edited priority matrix in one transaction; returns the stored matrix.

    Levels and grades that the draft dropped are removed only if nothing refers to them.
    A grade that is new gets SLA targets copied from the least severe existing grade, so
    incidents of that grade start clocks at once; the SLA screen tunes them.

    Raises:
        BeaconError: not an administrator, a label missing or repeated, an incomplete grid,
            or a level still in use (`policy.level_in_use`).
        StaleRecordError: someone else saved the matrix since `draft` was read.
    """
    _validate(draft)
    action = TEXTS.pair("policy.change_priority_matrix")
    record_name = TEXTS.pair("policy.priority_matrix")
    with admin_change(actor_id, action, record_name["en"]) as actor:
        # taking every cell's row lock first serialises two administrators saving at once
        PriorityMatrixCell.update(version=PriorityMatrixCell.version + 1, updated_at=utcnow(),
                                  updated_by=actor.id).execute()
        before = _stored_matrix()
        if draft.fingerprint and _fingerprint(before) != draft.fingerprint:
            who, when = _last_change("priority_matrix")
            raise StaleRecordError(record=record_name["ko"] + " / " + record_name["en"], who=who, when=when)
        for kind, stored_levels, levels in (("urgency", before.urgencies, draft.urgencies),
                                            ("impact", before.impacts, draft.impacts)):
            kept = {lv.code for lv in levels}
            for lv in stored_levels:
                if lv.code not in kept:
                    check_removable(kind, lv.code, _label(lv))
        kept_grades = {g.level for g in draft.grades}
        for g in before.grades:
            if g.level not in kept_grades:
                check_removable("grade", str(g.level), _label(g))
        PriorityMatrixCell.delete().execute()
        urgency_ids = _save_levels("urgency", draft.urgencies)
        impact_ids = _save_levels("impact", draft.impacts)
        grade_ids, new_grades = _save_grades(draft.grades)
        for (u, i), g in draft.cells.items():
            if u in urgency_ids and i in impact_ids:
                PriorityMatrixCell.create(urgency=urgency_ids[u], impact=impact_ids[i], grade=grade_ids[g],
                                          updated_by=actor.id)
        _copy_sla_to_new_grades(new_grades)
        after = _stored_matrix()
        record(actor, "priority_matrix", CASE_KIND, "changed", _matrix_snapshot(before), _matrix_snapshot(after),
               note="applies to incidents registered from now on")
    after.fingerprint = _fingerprint(after)
    return after


def _copy_sla_to_new_grades(levels: list[int]) -> None:
    if not levels:
        return
    template = (SlaPolicy.select().join(Grade).where((SlaPolicy.case_kind == CASE_KIND) & Grade.level.not_in(levels))
                .order_by(Grade.level.desc()).first())
    if template is None:
        return
    for level in levels:
        SlaPolicy.create(case_kind=CASE_KIND, grade=Grade.get(Grade.level == level),
                         response_minutes=template.response_minutes, resolution_minutes=template.resolution_minutes,
                         calendar=template.calendar_id, warning_percent=template.warning_percent)


# --- what a pending matrix would change -----------------------------------------------------

@dataclass(frozen=True)
class GradeShift:
    """Open incidents whose cell would move from one grade to another."""

    urgency: dict[str, str]
    impact: dict[str, str]
    old: dict[str, str]
    new: dict[str, str]
    count: int


@dataclass(frozen=True)
class MatrixImpact:
    """How many open incidents would be graded differently if registered under a pending matrix.

    Saving changes nothing on them (a matrix applies to new registrations); this tells the
    administrator how far the new grid moves from the one the open work was graded with.
    """

    open_incidents: int
    changed: int
    shifts: tuple[GradeShift, ...]


def open_incidents_by_cell() -> dict[tuple[str, str], int]:
    """Open incidents counted by (urgency code, impact code): one query, read once per screen."""
    open_states = definition("incident").open_states()
    return {(u, i): int(n) for u, i, n in
            Incident.select(UrgencyLevel.code, ImpactLevel.code, fn.COUNT(Incident.case))
            .join(UrgencyLevel, on=(Incident.urgency == UrgencyLevel.id))
            .switch(Incident).join(ImpactLevel, on=(Incident.impact == ImpactLevel.id))
            .where(Incident.state.in_(open_states)).group_by(UrgencyLevel.code, ImpactLevel.code).tuples()}


def matrix_impact(stored: MatrixDraft, draft: MatrixDraft, counts: dict[tuple[str, str], int]) -> MatrixImpact:
    """Compare a pending matrix with the stored one over the open incidents' cells (no database access)."""
    def names_by_key(items: Iterable[LevelDraft | GradeDraft], key) -> dict[str, dict[str, str]]:
        return {key(x, n): _label(x) for n, x in enumerate(items)}

    u_names = names_by_key(stored.urgencies, level_key)
    i_names = names_by_key(stored.impacts, level_key)
    old_grades = names_by_key(stored.grades, grade_key)
    new_grades = names_by_key(draft.grades, grade_key)
    shifts = []
    for (u, i), n in sorted(counts.items()):
        old, new = stored.cells.get((u, i)), draft.cells.get((u, i))
        if new is not None and old != new and new in new_grades:
            shifts.append(GradeShift(u_names.get(u, {"ko": u, "en": u}), i_names.get(i, {"ko": i, "en": i}),
                                     old_grades.get(old or "", {"ko": "-", "en": "-"}), new_grades[new], n))
    return MatrixImpact(open_incidents=sum(counts.values()), changed=sum(s.count for s in shifts),
                        shifts=tuple(shifts))


def preview_matrix_impact(draft: MatrixDraft) -> MatrixImpact:
    """How many open incidents the pending matrix would grade differently (nothing is saved)."""
    return matrix_impact(_stored_matrix(), draft, open_incidents_by_cell())


# --- SLA targets --------------------------------------------------------------------------

@dataclass
class SlaTarget:
    """The SLA targets of one grade for incidents, as the editor holds them."""

    grade: int  # level number
    grade_name: str
    grade_name_en: str
    color: str
    response_minutes: int
    resolution_minutes: int
    calendar: str  # calendar code
    warning_percent: int
    version: int = 0  # 0: the grade has no targets stored yet


def read_sla_targets() -> list[SlaTarget]:
    """Every grade with its incident SLA targets (a grade without stored targets gets the first calendar)."""
    policies = {p.grade_id: p for p in SlaPolicy.select().where(SlaPolicy.case_kind == CASE_KIND)}
    codes = dict(BusinessCalendar.select(BusinessCalendar.id, BusinessCalendar.code).tuples())
    fallback = next(iter(sorted(codes.values())), "")
    out = []
    for g in Grade.select().order_by(Grade.level):
        p = policies.get(g.id)
        out.append(SlaTarget(g.level, g.name, g.name_en, g.color,
                             p.response_minutes if p else 60, p.resolution_minutes if p else 480,
                             codes[p.calendar_id] if p else fallback, p.warning_percent if p else 80,
                             p.version if p else 0))
    return out


def _check_target(t: SlaTarget, calendars: dict[str, BusinessCalendar]) -> None:
    grade = {"ko": t.grade_name, "en": t.grade_name_en}
    reasons = []
    if t.response_minutes <= 0 or t.resolution_minutes <= 0:
        reasons.append(TEXTS.pair("policy.target_too_short"))
    elif t.response_minutes > t.resolution_minutes:
        reasons.append(TEXTS.pair("policy.response_after_resolution"))
    if not 1 <= t.warning_percent <= 99:
        reasons.append(TEXTS.pair("policy.warning_point_range"))
    if t.calendar not in calendars:
        reasons.append(TEXTS.pair("policy.no_such_calendar", calendar=t.calendar))
    if reasons:
        raise BeaconError("policy.bad_target", grade=grade, reason=reasons[0])


def save_sla_targets(*, actor_id: int, targets: list[SlaTarget]) -> list[SlaTarget]:
    """Save the incident SLA targets of every grade in one transaction.

    New targets apply to clocks started from now on; running clocks keep the target they
    started with (until the incident is regraded, which re-targets it as always).

    Raises:
        BeaconError: not an administrator, or a target that makes no sense (`policy.bad_target`).
        StaleRecordError: someone else saved a grade's targets since they were read.
    """
    calendars = {c.code: c for c in BusinessCalendar.select()}
    for t in targets:
        _check_target(t, calendars)
    action = TEXTS.pair("policy.change_sla_targets")
    with admin_change(actor_id, action, "SLA") as actor:
        for t in targets:
            grade = Grade.get_or_none(Grade.level == t.grade)
            if grade is None:
                raise BeaconError("record.gone", record={"ko": t.grade_name, "en": t.grade_name_en})
            values = {"response_minutes": t.response_minutes, "resolution_minutes": t.resolution_minutes,
                      "calendar": calendars[t.calendar].id, "warning_percent": t.warning_percent}
            policy = SlaPolicy.get_or_none((SlaPolicy.case_kind == CASE_KIND) & (SlaPolicy.grade == grade.id))
            if policy is None:
                SlaPolicy.create(case_kind=CASE_KIND, grade=grade.id, updated_by=actor.id, **values)
                record(actor, "sla_policy", f"{CASE_KIND}:{t.grade}", "created", None, asdict(t))
                continue
            before = {"response_minutes": policy.response_minutes, "resolution_minutes": policy.resolution_minutes,
                      "calendar": BusinessCalendar.get_by_id(policy.calendar_id).code,
                      "warning_percent": policy.warning_percent}
            after = {**values, "calendar": t.calendar}
            if before == after:
                continue
            updated = (SlaPolicy.update(version=SlaPolicy.version + 1, updated_at=utcnow(), updated_by=actor.id,
                                        **values)
                       .where((SlaPolicy.id == policy.id) & (SlaPolicy.version == t.version)).execute())
            if not updated:
                who, when = _last_change("sla_policy", f"{CASE_KIND}:{t.grade}")
                raise StaleRecordError(record=f"SLA {t.grade_name} / {t.grade_name_en}", who=who, when=when)
            record(actor, "sla_policy", f"{CASE_KIND}:{t.grade}", "changed", before, after,
                   note="applies to clocks started from now on")
    return read_sla_targets()


# --- business calendars ------------------------------------------------------------------------

@dataclass
class OwnDay:
    """An organisation's own holiday, or an extra working day, in a calendar."""

    day: date
    kind: str  # "holiday" | "workday"
    name: str = ""


@dataclass
class CalendarDraft:
    """A business calendar as the editor holds it; `hours` are text per weekday, e.g. "09:00-18:00"."""

    code: str  # empty for a calendar not saved yet
    name: str
    name_en: str
    time_zone: str = "Asia/Seoul"
    is_24x7: bool = False
    public_holidays: bool = True  # Korean public holidays from the `holidays` library
    hours: dict[str, str] = field(default_factory=lambda: {d: "" for d in WEEKDAYS})
    own_days: list[OwnDay] = field(default_factory=list)
    version: int = 0


HOLIDAY_COUNTRY = "KR"


def _hours_text(spans: list[list[str]]) -> str:
    return ", ".join(f"{a}-{b}" for a, b in spans)


def list_calendars() -> list[CalendarDraft]:
    """Every business calendar with its hours and own days, ready to edit."""
    days: dict[int, list[OwnDay]] = {}
    for cal_id, d, kind, name in (CalendarDay.select(CalendarDay.calendar, CalendarDay.day, CalendarDay.kind,
                                                     CalendarDay.name).order_by(CalendarDay.day).tuples()):
        days.setdefault(cal_id, []).append(OwnDay(d if isinstance(d, date) else date.fromisoformat(str(d)), kind,
                                                  name))
    out = []
    for c in BusinessCalendar.select().order_by(BusinessCalendar.id):
        raw = json.loads(c.working_hours or "{}")
        out.append(CalendarDraft(c.code, c.name, c.name_en, c.time_zone, c.is_24x7, bool(c.holiday_country),
                                 {d: _hours_text(raw.get(d, [])) for d in WEEKDAYS}, days.get(c.id, []), c.version))
    return out


def parse_hours(day: str, text: str) -> list[list[str]]:
    """Working spans of one weekday from text like "09:00-12:00, 13:00-18:00" ("" = a day off).

    Raises:
        BeaconError: `policy.bad_hours`, saying what is wrong.
    """
    spans: list[list[str]] = []

    def bad(reason: dict[str, str]) -> BeaconError:
        return BeaconError("policy.bad_hours", day=WEEKDAY_NAMES[day], text=text, reason=reason)

    previous_end = -1
    for part in [p.strip() for p in text.replace("~", "-").split(",") if p.strip()]:
        m = re.fullmatch(r"(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})", part)
        if not m:
            raise bad(TEXTS.pair("policy.span_format", part=part))
        h1, m1, h2, m2 = (int(x) for x in m.groups())
        start, end = h1 * 60 + m1, h2 * 60 + m2
        if h1 > 23 or m1 > 59 or m2 > 59 or end > 24 * 60:
            raise bad(TEXTS.pair("policy.span_time_does_not_exist", part=part))
        if end <= start:
            raise bad(TEXTS.pair("policy.span_ends_before_start", part=part))
        if start < previous_end:
            raise bad(TEXTS.pair("policy.spans_overlap"))
        previous_end = end
        spans.append([f"{h1:02d}:{m1:02d}", f"{h2:02d}:{m2:02d}"])
    return spans


def _validated(draft: CalendarDraft) -> dict[str, list[list[str]]]:
    if not draft.name.strip() or not draft.name_en.strip():
        raise BeaconError("policy.calendar_name_missing")
    try:
        ZoneInfo(draft.time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise BeaconError("report.bad_time_zone", zone=draft.time_zone) from None
    hours = {d: parse_hours(d, draft.hours.get(d, "")) for d in WEEKDAYS}
    if not draft.is_24x7 and not any(hours.values()) \
            and not any(o.kind == "workday" for o in draft.own_days):
        raise BeaconError("policy.no_working_time", calendar={"ko": draft.name, "en": draft.name_en})
    return hours


def working_calendar(draft: CalendarDraft) -> WorkingCalendar:
    """The draft as the arithmetic the SLA clocks use (the same class `load_calendar` builds)."""
    hours = _validated(draft)
    spans: dict[int, list[tuple[time, time | None]]] = {
        n: [(_parse_clock(a) or time(0), _parse_clock(b)) for a, b in hours[d]] for n, d in enumerate(WEEKDAYS)}
    return WorkingCalendar(code=draft.code or "draft", time_zone=draft.time_zone, hours=spans, is_24x7=draft.is_24x7,
                           holiday_country=HOLIDAY_COUNTRY if draft.public_holidays else "",
                           own_days={o.day: o.kind for o in draft.own_days})


def save_calendar(*, actor_id: int, draft: CalendarDraft) -> CalendarDraft:
    """Create or update a business calendar with its own days, in one transaction.

    Deadlines of clocks already running are not moved; clocks started from now on, and
    every figure measured from now on, use the saved calendar.

    Raises:
        BeaconError: not an administrator, no names, an unknown time zone, unreadable hours,
            or a calendar without any working time.
        StaleRecordError: someone else saved the calendar since it was read.
    """
    hours = _validated(draft)
    own: dict[date, OwnDay] = {}
    for o in draft.own_days:
        own[o.day] = o  # the last word on a day wins
    values = {"name": draft.name.strip(), "name_en": draft.name_en.strip(), "time_zone": draft.time_zone,
              "is_24x7": draft.is_24x7, "working_hours": json.dumps(hours),
              "holiday_country": HOLIDAY_COUNTRY if draft.public_holidays else ""}
    action = TEXTS.pair("policy.change_business_calendar")
    with admin_change(actor_id, action, draft.name_en) as actor:
        if draft.code:
            cal = BusinessCalendar.get_or_none(BusinessCalendar.code == draft.code)
            if cal is None:
                raise BeaconError("record.gone", record={"ko": draft.name, "en": draft.name_en})
            before = _calendar_snapshot(cal)
            updated = (BusinessCalendar.update(version=BusinessCalendar.version + 1, updated_at=utcnow(),
                                               updated_by=actor.id, **values)
                       .where((BusinessCalendar.id == cal.id) & (BusinessCalendar.version == draft.version))
                       .execute())
            if not updated:
                who, when = _last_change("calendar", cal.code)
                raise StaleRecordError(record=f"{cal.name} / {cal.name_en}", who=who, when=when)
            kind = "changed"
        else:
            taken = set(BusinessCalendar.select(BusinessCalendar.code).tuples().execute())
            code = _new_code(BusinessCalendar, draft.name_en, {c for (c,) in taken})
            cal = BusinessCalendar.create(code=code, updated_by=actor.id, **values)
            before, kind = None, "created"
        CalendarDay.delete().where(CalendarDay.calendar == cal.id).execute()
        for o in sorted(own.values(), key=lambda o: o.day):
            CalendarDay.create(calendar=cal.id, day=o.day, kind=o.kind, name=o.name.strip()[:100])
        cal = BusinessCalendar.get_by_id(cal.id)
        record(actor, "calendar", cal.code, kind, before, _calendar_snapshot(cal))
    return next(c for c in list_calendars() if c.code == cal.code)


def _calendar_snapshot(cal: BusinessCalendar) -> dict[str, object]:
    return {"name": cal.name, "name_en": cal.name_en, "time_zone": cal.time_zone, "is_24x7": cal.is_24x7,
            "working_hours": json.loads(cal.working_hours or "{}"), "holiday_country": cal.holiday_country,
            "own_days": [[str(d), k, n] for d, k, n in CalendarDay.select(CalendarDay.day, CalendarDay.kind,
                                                                         CalendarDay.name)
                         .where(CalendarDay.calendar == cal.id).order_by(CalendarDay.day).tuples()]}


@dataclass(frozen=True)
class DayInfo:
    """One day of a calendar's month view."""

    day: date
    working: bool
    public_holiday: str  # the holiday's Korean name, or ""
    own_kind: str  # "holiday" | "workday" | ""
    own_name: str


def month_days(draft: CalendarDraft, year: int, month: int) -> list[DayInfo]:
    """Every day of a month: working or not, and why (public holiday, own holiday, extra working day)."""
    cal = working_calendar(draft)
    own = {o.day: o for o in draft.own_days}
    public = _public_holidays(HOLIDAY_COUNTRY, year) if draft.public_holidays else {}
    out, day = [], date(year, month, 1)
    while day.month == month:
        o = own.get(day)
        out.append(DayInfo(day, cal.is_working_day(day) and bool(cal.intervals(day)), public.get(day, ""),
                           o.kind if o else "", o.name if o else ""))
        day = date.fromordinal(day.toordinal() + 1)
    return out


def public_holidays(year: int) -> list[tuple[date, str]]:
    """Korean public holidays of a year, in Korean, from the `holidays` library (shown, never edited)."""
    return sorted(_public_holidays(HOLIDAY_COUNTRY, year).items())


# --- deadline preview ----------------------------------------------------------------------------

@dataclass(frozen=True)
class DeadlinePreview:
    """When an incident registered at a given moment would be due (naive UTC instants)."""

    response_due: datetime
    resolution_due: datetime
    business: bool
    minutes_per_day: int


def preview_deadline(*, registered_at: datetime, target: SlaTarget, calendar: CalendarDraft) -> DeadlinePreview:
    """Response and resolution due times for a registration moment under pending targets and calendar.

    The clocks are the engine's own (`SlaClock` + `sla.due_at`), built in memory and never saved.
    """
    cal = working_calendar(calendar)
    business = not cal.is_24x7
    due = {}
    for kind, minutes in (("response", target.response_minutes), ("resolution", target.resolution_minutes)):
        clock = SlaClock(kind=kind, started_at=registered_at, target_minutes=minutes, uses_business_time=business)
        due[kind] = sla.due_at(clock, cal, [])
    return DeadlinePreview(due["response"], due["resolution"], business, cal.working_minutes_per_day())


def stored_deadline(*, grade: int, registered_at: datetime) -> DeadlinePreview:
    """The deadline preview under the stored targets and calendar of a grade."""
    target = next(t for t in read_sla_targets() if t.grade == grade)
    calendar = next(c for c in list_calendars() if c.code == target.calendar)
    return preview_deadline(registered_at=registered_at, target=target, calendar=calendar)


__all__ = [
    "CalendarDraft", "DayInfo", "DeadlinePreview", "GradeDraft", "GradeShift", "LevelDraft", "MatrixDraft",
    "MatrixImpact", "OwnDay", "SlaTarget", "check_removable", "grade_key", "level_key", "level_usage",
    "list_calendars", "matrix_impact", "month_days", "open_incidents_by_cell", "parse_hours", "preview_deadline",
    "preview_matrix_impact", "public_holidays", "read_matrix", "read_sla_targets", "save_calendar", "save_matrix",
    "save_sla_targets", "stored_deadline",
]
