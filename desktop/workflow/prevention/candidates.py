"""Recurring incidents become problem candidates (문제 후보).

The detector reads the incidents registered in the last `lookback_days` that are not cancelled and not
linked to a problem, and groups those of one application whose titles (or causes) say the same thing:
words are compared after Korean particles are cut and synonyms in either language count as one
(`texts.SYNONYMS`: 오류 = 에러 = error), each weighted by how rare it is among those incidents, so
"login error" and "로그인 오류" match while "login error" and "transfer error" do not. A group is a
candidate when at least `min_incidents` of it fall within `window_days` of each other. Each group
carries its evidence: the incidents and their dates, the words they share, and their total downtime.

A dismissed group stays hidden while every incident in it was in the group when it was dismissed; an
incident joining it shows it again. `create_problem_from_group` registers the problem, assigns its
problem manager and links the incidents in one transaction.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from math import log
from typing import Any, NamedTuple

from peewee import JOIN, fn

from desktop.errors import BeaconError
from desktop.models import (
    CandidateDismissal,
    Case,
    CaseLink,
    ConfigurationItem,
    Event,
    Incident,
    Role,
    User,
    UserRole,
    database,
    utcnow,
)
from desktop.workflow.cases.case_service import link_problem
from desktop.workflow.common.actors import load_actor
from desktop.workflow.common.cases import as_utc_naive
from desktop.workflow.common.matrices import matrix_users
from desktop.workflow.common.settings import get_setting
from desktop.workflow.engine.engine import fire_in_transaction, may_operate
from desktop.workflow.engine.process import case_definition
from desktop.workflow.prevention.texts import CANDIDATE_STOPWORDS, CANDIDATE_TEXTS, KO_ENDINGS, SYNONYMS
from desktop.workflow.sla.durations import format_minutes

DEFAULTS: dict[str, Any] = {"min_incidents": 3, "window_days": 30, "lookback_days": 90, "min_similarity": 0.4}
# who sees the page and acts on it: those who manage problems
MANAGER_ROLES = frozenset({"problem_manager", "team_lead", "admin"})
# words that say something failed but not what: half weight ("login error" and "cert error" differ)
JOIN_SHARE = 0.5  # of a group's wordings a new one must resemble to join it
# a small application is weighed as if it had this many more incidents, none with the word: three
# incidents that all say "batch" are not made to say nothing by being all there is
PRIOR_DOCS = 20
POSTING_CAP = 400  # wordings a token may point at and still be used to find neighbours
GENERIC = frozenset({"~error", "~down"})
# a cause is a second opinion: only causes that say nearly the same thing join two incidents, and only
# when their titles are not about different things (half the title threshold at least)
CAUSE_MARGIN = 0.15

_WORD = re.compile(r"[0-9a-z]+(?:[-'][0-9a-z]+)*|[\uac00-\ud7a3]+")
_CONCEPT = {word: concept for concept, words in SYNONYMS.items() for word in words}
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def settings() -> dict[str, Any]:
    """The detector's thresholds: the defaults, as the setting `problem_candidates` changes them."""
    stored = get_setting("problem_candidates", {})
    return {**DEFAULTS, **(stored if isinstance(stored, dict) else {})}


# --- words ---------------------------------------------------------------------------

def _stem(word: str) -> str:
    if _HANGUL.match(word):
        for ending in KO_ENDINGS:
            if len(word) > len(ending) + 1 and word.endswith(ending):
                return word[: -len(ending)]
        return word
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=200_000)
def words(text: str) -> tuple[tuple[str, str], ...]:
    """(token, surface word) pairs of a text: synonyms as their concept (`~error`), other words stemmed.

    A long Korean word also gives the known words it is made of ("로그인오류" → `~login`, `~error`).
    """
    out: list[tuple[str, str]] = []
    for raw in _WORD.findall(unicodedata.normalize("NFKC", text or "").lower()):
        if raw in CANDIDATE_STOPWORDS or (len(raw) < 2 and not raw.isdigit()) or raw.isdigit():
            continue
        concept = _CONCEPT.get(raw)
        stem = _stem(raw)
        if concept is None:
            concept = _CONCEPT.get(stem)
        if concept is not None:
            out.append(("~" + concept, raw))
            continue
        if stem in CANDIDATE_STOPWORDS:
            continue
        out.append((stem, raw))
        if _HANGUL.match(stem) and len(stem) > 3:
            for i in range(len(stem) - 1):  # a compound hides known words: 로그인오류 → ~login, ~error
                for size in (4, 3, 2):
                    part = stem[i:i + size]
                    if len(part) == size and part in _CONCEPT:
                        out.append(("~" + _CONCEPT[part], part))
    return tuple(out)


@lru_cache(maxsize=200_000)
def tokens(text: str) -> frozenset[str]:
    """The set of tokens a text is compared by."""
    return frozenset(t for t, _ in words(text))


def similarity(a: frozenset[str], b: frozenset[str], weight: Callable[[str], float]) -> float:
    """Weighted Dice overlap of two token sets (1.0: the same words; rare shared words count most)."""
    if not a or not b:
        return 0.0
    shared = sum(weight(t) for t in a & b)
    if not shared:
        return 0.0
    return 2 * shared / (sum(weight(t) for t in a) + sum(weight(t) for t in b))


# --- the detector ----------------------------------------------------------------------

class CandidateIncident(NamedTuple):
    """One incident of a candidate group, with what the evidence shows of it (a tuple: a group on a big
    period holds thousands)."""

    case_id: int
    number: str
    title: str
    state: str
    registered_at: datetime
    restored_at: datetime | None
    downtime_minutes: int | None  # None while it is not restored


@dataclass(frozen=True)
class Dismissal:
    reason: str
    by: str
    by_en: str
    at: datetime


@dataclass(frozen=True)
class CandidateGroup:
    """Incidents of one application that recur with similar titles or causes: a problem to open."""

    key: str
    application_id: int
    application: str
    application_en: str
    incidents: tuple[CandidateIncident, ...]
    common_words: tuple[str, ...]
    peak: int  # the most of them within one window
    total_downtime_minutes: int
    open_count: int
    previously_dismissed: Dismissal | None = None

    @property
    def first_at(self) -> datetime:
        return self.incidents[0].registered_at

    @property
    def last_at(self) -> datetime:
        return self.incidents[-1].registered_at

    @property
    def case_ids(self) -> tuple[int, ...]:
        return tuple(i.case_id for i in self.incidents)

    def application_name(self, language: str) -> str:
        return self.application_en if language == "en" and self.application_en else self.application

    def words_text(self, language: str) -> str:
        return ", ".join(self.common_words) if self.common_words else CANDIDATE_TEXTS.pick("no_words", language)

    def why(self, language: str, *, window_days: int, min_incidents: int) -> str:
        """The reason this group is suggested, in one sentence."""
        days = max(1, (self.last_at - self.first_at).days + 1)
        return CANDIDATE_TEXTS.pick("why", language, application=self.application_name(language),
                                    days=min(days, window_days), peak=self.peak, min=min_incidents,
                                    window=window_days, words=self.words_text(language))


@dataclass
class DetectorRun:
    """What a detector run found, and with which thresholds."""

    groups: list[CandidateGroup]
    lookback_days: int
    window_days: int
    min_incidents: int
    min_similarity: float
    scanned: int = 0
    hidden: int = 0  # groups dismissed before, with no new incident
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)


@dataclass
class Row:
    case_id: int
    number: str
    title: str
    cause: str
    application_id: int
    registered_at: datetime
    occurred_at: datetime | None
    restored_at: datetime | None
    state: str


def _rows(since: datetime, until: datetime) -> list[Row]:
    """The period's incidents that are not cancelled and link to no problem, read straight from the cursor
    (peewee's per-value conversion would cost more than the detector's own work on a big period)."""
    linked = CaseLink.select(CaseLink.id).where((CaseLink.source == Incident.case) & (CaseLink.kind == "problem"))
    query = (Incident.select(Incident.case, Case.number, Incident.title, Incident.cause, Incident.application,
                             Incident.registered_at, Incident.occurred_at, Incident.resolved_at, Incident.closed_at,
                             Incident.state)
             .join(Case, on=(Case.id == Incident.case))
             .where((Incident.registered_at >= since) & (Incident.registered_at <= until)
                    & Incident.cancelled_at.is_null() & ~fn.EXISTS(linked))
             .order_by(Incident.registered_at, Incident.case))  # the same groups every run (an index order)
    cursor = database.execute(query)
    return [Row(c, n, t or "", cause or "", a, _dt(r), _dt(o), _dt(res) or _dt(cl), s)
            for c, n, t, cause, a, r, o, res, cl, s in cursor.fetchall()]


def _dt(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def _peak(times: list[datetime], window: timedelta) -> int:
    best, start = 0, 0
    for end, moment in enumerate(times):
        while moment - times[start] > window:
            start += 1
        best = max(best, end - start + 1)
    return best


def cluster(texts: list[tuple[str, str]], *, min_similarity: float,
            weight: Callable[[str], float]) -> list[list[int]]:
    """Indexes of `(title, cause)` pairs grouped when their titles (or, more strictly, causes) are similar.

    Identical token sets are compared once; candidates come from an index of their rarer tokens, so a
    corpus of templated titles costs what its distinct titles cost.
    """
    same_text: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, pair in enumerate(texts):
        same_text[pair].append(i)
    profiles: dict[tuple[frozenset[str], frozenset[str]], list[int]] = defaultdict(list)
    for (title, cause), members in same_text.items():
        profiles[(_said(tokens(title), weight), _said(tokens(cause), weight))].extend(members)
    # the most frequent wording first: it is the likeliest centre of its group
    keys = sorted(profiles, key=lambda k: -len(profiles[k]))
    by_token: dict[str, list[int]] = defaultdict(list)
    cause_floor = min(1.0, min_similarity + CAUSE_MARGIN)
    cluster_of: list[int] = []
    sizes: list[int] = []
    for k, (title_tokens, cause_tokens) in enumerate(keys):
        # a wording joins the group most of whose wordings it resembles (at least half of them), so one
        # ambiguous title ("인증서 로그인 인증 실패") cannot chain two faults into one group
        close: Counter[int] = Counter()
        seen: set[int] = set()
        for t in title_tokens | cause_tokens:
            if len(by_token[t]) > POSTING_CAP:
                continue  # a word on thousands of wordings finds no neighbour on its own (the others do)
            for other in by_token[t]:
                if other in seen:
                    continue
                seen.add(other)
                o_title, o_cause = keys[other]
                title_similarity = similarity(title_tokens, o_title, weight)
                if (title_similarity >= min_similarity
                        or (cause_tokens and o_cause and title_similarity >= min_similarity / 2
                            and similarity(cause_tokens, o_cause, weight) >= cause_floor)):
                    close[cluster_of[other]] += 1
        best = max(close, key=lambda c: (close[c] / sizes[c], close[c], -c), default=None)
        if best is not None and close[best] >= JOIN_SHARE * sizes[best]:
            cluster_of.append(best)
            sizes[best] += 1
        else:
            cluster_of.append(len(sizes))
            sizes.append(1)
        for t in title_tokens | cause_tokens:
            by_token[t].append(k)
    groups: dict[int, list[int]] = defaultdict(list)
    for k, key in enumerate(keys):
        groups[cluster_of[k]].extend(profiles[key])
    return [sorted(members) for members in groups.values()]


def _said(found: frozenset[str], weight: Callable[[str], float]) -> frozenset[str]:
    return frozenset(t for t in found if weight(t) > 0.0)


def _weights(rows: Iterable[Row], silent: Iterable[str] = ()) -> Callable[[str], float]:
    """How much each token says: rare ones most; `silent` ones (the application's own name) nothing."""
    df: Counter[str] = Counter()
    n = 0
    for (title, cause), count in Counter((row.title, row.cause) for row in rows).items():
        n += count
        for token in tokens(title) | tokens(cause):
            df[token] += count
    total = max(n, 1)
    cache: dict[str, float] = {t: 0.0 for text in silent for t in tokens(text)}

    def weight(token: str) -> float:
        w = cache.get(token)
        if w is None:
            idf = log((total + PRIOR_DOCS) / (df.get(token, 0) + 1)) + 0.3
            w = cache[token] = idf * (0.5 if token in GENERIC else 1.0)
        return w
    return weight


def _common_words(members: list[Row], weight: Callable[[str], float] = lambda t: 1.0) -> tuple[str, ...]:
    """Words at least half the group's titles share, most shared first; a concept shown as its commonest word."""
    counts: Counter[str] = Counter()
    surface: dict[str, Counter[str]] = defaultdict(Counter)
    for title, times in Counter(row.title for row in members).items():
        seen = set()
        for token, raw in words(title):
            if token in seen or weight(token) == 0.0:
                continue
            seen.add(token)
            counts[token] += times
            surface[token][raw] += times
    floor = max(2, (len(members) + 1) // 2)
    shown = []
    for token, count in counts.most_common():
        if count < floor:
            break
        names = [w for w, _ in surface[token].most_common(2)]
        shown.append("/".join(names))
        if len(shown) == 6:
            break
    return tuple(shown)


def detect(*, days: int | None = None, now: datetime | None = None, include_dismissed: bool = False,
           progress: Callable[[int, int], None] | None = None,
           overrides: dict[str, Any] | None = None) -> DetectorRun:
    """Problem candidates among the incidents of the last `days` (default: the setting's `lookback_days`).

    `progress(done, total)` is called per application (for a progress bar off the UI thread). Groups
    dismissed before with no new incident are left out unless `include_dismissed`. Read-only.
    """
    import time

    started = time.perf_counter()
    conf = {**settings(), **(overrides or {})}
    lookback = int(days if days is not None else conf["lookback_days"])
    if lookback < 1:
        raise BeaconError("workflow.bad_value", field=CANDIDATE_TEXTS.pair("days"),
                          reason=CANDIDATE_TEXTS.pair("at_least_one"))
    min_incidents = int(conf["min_incidents"])
    until = as_utc_naive(now) if now else utcnow()
    rows = _rows(until - timedelta(days=lookback), until)
    loaded = time.perf_counter()
    app_ids = sorted({r.application_id for r in rows})
    apps = {i: (n, e or "") for i, n, e in ConfigurationItem.select(
        ConfigurationItem.id, ConfigurationItem.name, ConfigurationItem.name_en)
        .where(ConfigurationItem.id.in_(app_ids)).tuples()} if app_ids else {}
    groups = group_rows(rows, conf, until, names=apps, progress=progress)
    clustered = time.perf_counter()
    found = len(groups)
    if not include_dismissed:
        groups = _without_dismissed(groups)
    groups.sort(key=lambda g: (-g.peak, -len(g.incidents), g.last_at), reverse=False)
    finished = time.perf_counter()
    return DetectorRun(groups=groups, lookback_days=lookback, window_days=int(conf["window_days"]),
                       min_incidents=min_incidents, min_similarity=float(conf["min_similarity"]), scanned=len(rows),
                       hidden=found - len(groups), seconds=finished - started,
                       timings={"load": loaded - started, "cluster": clustered - loaded,
                                "dismissals": finished - clustered})


def group_rows(rows: list[Row], conf: dict[str, Any], until: datetime, *,
               names: dict[int, tuple[str, str]] | None = None,
               progress: Callable[[int, int], None] | None = None) -> list[CandidateGroup]:
    """The candidate groups among `rows` (the detector without the database: the labelled tests call it)."""
    window = timedelta(days=int(conf["window_days"]))
    min_incidents = int(conf["min_incidents"])
    by_app: dict[int, list[Row]] = defaultdict(list)
    for row in rows:
        by_app[row.application_id].append(row)
    groups: list[CandidateGroup] = []
    total = len(by_app)
    for done, (app_id, app_rows) in enumerate(sorted(by_app.items()), start=1):
        if len(app_rows) >= min_incidents:
            # a word is weighed by how rare it is on this application: its own name says nothing there
            weight = _weights(app_rows, (names or {}).get(app_id, ()))
            for members in cluster([(r.title, r.cause) for r in app_rows],
                                   min_similarity=float(conf["min_similarity"]), weight=weight):
                if len(members) < min_incidents:
                    continue
                chosen = sorted((app_rows[i] for i in members), key=lambda r: (r.registered_at, r.case_id))
                peak = _peak([r.registered_at for r in chosen], window)
                if peak < min_incidents:
                    continue
                name, name_en = (names or {}).get(app_id, (str(app_id), ""))
                groups.append(_group(app_id, name, name_en, chosen, peak, weight))
        if progress is not None:
            progress(done, total)
    return groups


def _group(app_id: int, name: str, name_en: str, chosen: list[Row], peak: int,
           weight: Callable[[str], float]) -> CandidateGroup:
    incidents = []
    downtime = 0
    open_count = 0
    for r in chosen:
        minutes = None
        if r.restored_at is not None:
            minutes = max(0, int((r.restored_at - (r.occurred_at or r.registered_at)).total_seconds() // 60))
            downtime += minutes
        else:
            open_count += 1
        incidents.append(CandidateIncident(r.case_id, r.number, r.title, r.state, r.registered_at, r.restored_at,
                                           minutes))
    return CandidateGroup(key=f"app:{app_id}:{chosen[0].case_id}", application_id=app_id, application=name,
                          application_en=name_en, incidents=tuple(incidents),
                          common_words=_common_words(chosen, weight), peak=peak, total_downtime_minutes=downtime,
                          open_count=open_count)


def _without_dismissed(groups: list[CandidateGroup]) -> list[CandidateGroup]:
    if not groups:
        return groups
    dismissals = list(CandidateDismissal.select(CandidateDismissal, User.name, User.name_en)
                      .join(User, on=(CandidateDismissal.dismissed_by == User.id), join_type=JOIN.LEFT_OUTER)
                      .order_by(CandidateDismissal.dismissed_at.desc()).objects())
    covered = [(set(json.loads(d.case_ids or "[]")), d) for d in dismissals]
    kept = []
    for group in groups:
        ids = set(group.case_ids)
        if any(ids <= seen for seen, _ in covered):
            continue
        before = next((d for seen, d in covered if ids & seen), None)
        if before is not None:
            group = CandidateGroup(**{**group.__dict__, "previously_dismissed": Dismissal(
                before.reason, getattr(before, "name", "") or "", getattr(before, "name_en", "") or "",
                before.dismissed_at)})
        kept.append(group)
    return kept


# --- acting on a group -------------------------------------------------------------------

def may_manage(actor_id: int) -> bool:
    """Whether this user manages problems (sees the candidates page, creates and dismisses)."""
    return bool(load_actor(actor_id).roles & MANAGER_ROLES)


def _require_manager(actor_id: int, action_key: str) -> Any:
    actor = load_actor(actor_id)
    if not actor.roles & MANAGER_ROLES:
        raise BeaconError("workflow.not_allowed", who=actor.display, record=CANDIDATE_TEXTS.pair("group"),
                          action=CANDIDATE_TEXTS.pair(action_key))
    return actor


def dismiss_group(*, actor_id: int, case_ids: list[int], reason: str, key: str = "",
                  now: datetime | None = None) -> int:
    """Dismiss a candidate group with a reason; it stays hidden until another incident joins it. Returns the id."""
    text = (reason or "").strip()
    if not text:
        raise BeaconError("workflow.required", action=CANDIDATE_TEXTS.pair("dismiss"),
                          fields=CANDIDATE_TEXTS.pair("reason"))
    if not case_ids:
        raise BeaconError("workflow.required", action=CANDIDATE_TEXTS.pair("dismiss"),
                          fields=CANDIDATE_TEXTS.pair("incidents_of_group"))
    with database.atomic():
        actor = _require_manager(actor_id, "dismiss")
        at = as_utc_naive(now) if now else utcnow()
        row = CandidateDismissal.create(group_key=key[:120] or f"cases:{min(case_ids)}",
                                        case_ids=json.dumps(sorted(set(case_ids))), reason=text,
                                        dismissed_by=actor.id, dismissed_at=at)
        Event.create(entity="problem_candidate", entity_id=row.group_key[:60], kind="candidate_dismissed",
                     actor=actor.id, occurred_at=at, after=json.dumps({"cases": sorted(set(case_ids))}), note=text)
    return int(row.id)


@dataclass(frozen=True)
class CreatedProblem:
    problem_id: int
    number: str
    assignee_id: int
    assigned_by: str  # matrix | actor | team | any: which rule chose the problem manager
    linked: tuple[str, ...]
    skipped: tuple[dict[str, str], ...]  # bilingual reasons for incidents not linked


def problem_manager_for(application_id: int, actor_id: int) -> tuple[int, str]:
    """Who manages a problem on this application: the owner matrix's `problem_manager` cell when the
    organisation keeps one, else the acting problem manager, else one of the application's team, else any."""
    in_matrix = matrix_users(application_id, "problem_manager")
    if in_matrix:
        return in_matrix[0].id, "matrix"
    actor = load_actor(actor_id)
    if "problem_manager" in actor.roles:
        return actor.id, "actor"
    managers = (User.select(User.id, User.team).join(UserRole, on=(UserRole.user == User.id))
                .join(Role, on=(Role.id == UserRole.role))
                .where((Role.code == "problem_manager") & (User.is_active == True))  # noqa: E712
                .order_by(User.id).tuples())
    team = ConfigurationItem.get_by_id(application_id).team_id
    found = list(managers)
    for user_id, team_id in found:
        if team is not None and team_id == team:
            return user_id, "team"
    if found:
        return found[0][0], "any"
    return actor.id, "actor"


def create_problem_from_group(*, actor_id: int, case_ids: list[int], title: str = "", description: str = "",
                              language: str = "ko", now: datetime | None = None) -> CreatedProblem:
    """Register a problem for a candidate group, assign its problem manager and link the incidents: one
    transaction. Incidents whose state allows no problem link (not yet accepted) are left out, each with why."""
    if not case_ids:
        raise BeaconError("workflow.required", action=CANDIDATE_TEXTS.pair("create_problem"),
                          fields=CANDIDATE_TEXTS.pair("incidents_of_group"))
    at = as_utc_naive(now) if now else utcnow()
    with database.atomic():
        actor = _require_manager(actor_id, "create_problem")
        rows = list(Incident.select(Incident, Case.number).join(Case, on=(Case.id == Incident.case))
                    .where(Incident.case.in_(case_ids)).order_by(Incident.registered_at).objects())
        if len(rows) != len(set(case_ids)):
            raise BeaconError("workflow.not_found", what=CANDIDATE_TEXTS.pair("incidents_of_group"),
                              ref=", ".join(str(i) for i in sorted(set(case_ids) - {r.case_id for r in rows})))
        application_id = Counter(r.application_id for r in rows).most_common(1)[0][0]
        assignee, rule = problem_manager_for(application_id, actor.id)
        app = ConfigurationItem.get_by_id(application_id)
        if not title.strip() or not description.strip():
            as_rows = [Row(r.case_id, r.number, r.title, r.cause, r.application_id, _dt(r.registered_at) or at,
                           None, None, r.state) for r in rows]
            shared = _common_words(as_rows, _weights(as_rows, (app.name, app.name_en or "")))
            app_name = app.name_en if language == "en" and app.name_en else app.name
            words_text = ", ".join(shared) or CANDIDATE_TEXTS.pick("no_words", language)
            title = title.strip() or CANDIDATE_TEXTS.pick("problem_title", language, application=app_name,
                                                          words=words_text)[:300]
            downtime = sum(max(0, int(((r.resolved_at or r.closed_at) - (r.occurred_at or r.registered_at))
                                      .total_seconds() // 60)) for r in rows if (r.resolved_at or r.closed_at))
            description = description.strip() or CANDIDATE_TEXTS.pick(
                "problem_description", language, count=len(rows), words=words_text,
                first=_dt(rows[0].registered_at).strftime("%Y-%m-%d"),
                last=_dt(rows[-1].registered_at).strftime("%Y-%m-%d"),
                downtime=format_minutes(downtime, language),
                numbers="\n".join(f"{r.number} {r.title}" for r in rows))
        problem = fire_in_transaction("problem", "register", actor=actor, case_id=None, now=at, fields={
            "title": title, "description": description, "application": application_id, "assignee": assignee})
        linked, skipped = [], []
        for r in rows:
            definition = case_definition("incident", r)
            operation = definition.operations.get("link_problem")
            if operation is None or not may_operate(actor, "incident", r, operation):
                state = definition.states[r.state].label if r.state in definition.states else r.state
                skipped.append(CANDIDATE_TEXTS.pair("not_linked_state", number=r.number, state=state))
                continue
            link_problem(actor_id=actor.id, incident_id=r.case_id, problem_id=problem.case_id, now=at)
            linked.append(r.number)
    return CreatedProblem(problem_id=problem.case_id, number=problem.number, assignee_id=assignee, assigned_by=rule,
                          linked=tuple(linked), skipped=tuple(skipped))
