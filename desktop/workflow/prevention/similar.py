"""Similar cases (유사 사례): while an incident is typed, and beside an existing one, the cases it looks like.

Three groups: open incidents (possible duplicates; on the same application when one is chosen), open
problems and known errors (with their workaround), and incidents closed in the last `WINDOW_DAYS` (with their
cause and resolution). Nothing is learned and nothing leaves the database; every suggestion says why it was made.

How a text is read (`analyze`): words are lower-cased, split into runs of Latin letters, digits and other
letters (Hangul), Korean particles are stripped (로그인이 → 로그인) and English endings (fails → fail).
Where the text holds a form of a concept (`texts.CONCEPTS`: 지연 / slow / delay …) the concept is the term,
so Korean and English meet; the names of applications (from the CMDB, both languages and the code) are
never text terms — they say which application the text is about, which counts as context instead.

How alike two texts are (`compare`): a weighted Dice over their terms — the share of both texts' terms
that the other holds (generic ones such as "error" weigh `GENERIC_WEIGHT`, the typed description's terms
`DESCRIPTION_WEIGHT`) — blended with the Dice of their titles' letter trigrams (catches compounds and
typos). The score of a suggestion is `TEXT_SHARE`·text + `CONTEXT_SHARE`·context + `RECENCY_SHARE`·recency,
where context is 1 for the same application and 0.5 for an application that shares a CI with it (runs on
the same server, uses the same database), and recency halves every `HALF_LIFE_DAYS`. Only candidates whose
text is at least `MIN_TEXT` alike are suggested. The defaults are tuned on the labelled fixture in
tests/db/test_similar_cases.py (precision and recall printed there).

Finding candidates on a million incidents: the typed text's terms (every form of its concepts, in both
languages) search incident titles through the index Beacon already has — FTS5 trigrams on SQLite, pg_trgm
(ILIKE) on PostgreSQL — newest first, inside the window, a few hundred at most per query: those holding any
term; the closed ones among them; and the application's. Only those are scored in Python.

Who sees what: a customer is shown only the incidents and problems they registered themselves (as their
lists show them); PostgreSQL's row security says the same again.

May import `cases`, `sla`, `notify`, `engine` and `common`; never `admin` or `integrations`.
"""

from __future__ import annotations

import json
import math
import re
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

import peewee

from desktop.errors import BeaconError
from desktop.i18n import current_language
from desktop.models import (
    Action,
    Case,
    CaseLink,
    CIRelation,
    ConfigurationItem,
    Event,
    Incident,
    Problem,
    database,
    utcnow,
)
from desktop.workflow.cases import case_service
from desktop.workflow.cases.case_service import LinkResult
from desktop.workflow.common.actors import Actor, load_actor
from desktop.workflow.common.cases import as_utc_naive, load_row
from desktop.workflow.engine.engine import FireResult, holds
from desktop.workflow.engine.process import active_version, open_states
from desktop.workflow.prevention.texts import CONCEPTS, GENERIC, PARTICLES, STOPWORDS, TEXTS

# --- the defaults (tuned on the labelled fixture; see the module docstring) ------------------------------
WINDOW_DAYS = 90  # incidents registered (open) or closed this recently are searched
LIMIT = 5  # suggestions per group
MIN_TEXT = 0.35  # how alike the texts must be, at least, to suggest a case at all
TEXT_SHARE, CONTEXT_SHARE, RECENCY_SHARE = 0.75, 0.15, 0.10
HALF_LIFE_DAYS = 30.0
TRIGRAM_SHARE = 0.2  # of the text score; the rest is the terms' Dice
GENERIC_WEIGHT = 0.4
DESCRIPTION_WEIGHT = 0.3
CONCEPT_MATCH = 1.0  # a concept met in another form (로그인 ≈ login) counts as much as the same word
# candidates read per query (newest first): any term; any term, closed; any term, the application's
READ_ANY, READ_CLOSED, READ_APPLICATION = 150, 100, 100
MAX_FORMS = 40  # forms of the typed terms sent to the index in one query
PG_FORMS = 3  # on PostgreSQL, of each term: as typed and the concept's first Korean and English form

GROUPS = ("open", "problem", "closed")


# --- reading a text -----------------------------------------------------------------------------------

# runs of Latin letters, of digits, and of other letters (Hangul and the rest), after lower-casing
_RUNS = re.compile(r"[a-z]+|[0-9]+|[^\W\d_a-z]+")
_ENDINGS = r"(?:s|es|ed|d|ing|er|ers|ly|ness)?"
_ASCII_ENDINGS = ("ing", "ed", "es", "s")


def normalize(text: str) -> str:
    """Lower case, compatibility forms folded (full-width letters, ㎳), spaces collapsed."""
    folded = unicodedata.normalize("NFKC", text or "").lower()
    return " ".join(folded.split())


@dataclass(frozen=True)
class Term:
    """One thing a text says: a concept (`c:slow`) or a word (`w:swift`); `shown` is the form it was written in."""

    key: str
    shown: str
    weight: float
    forms: tuple[str, ...]  # what finds it in the index (a concept's forms in both languages; the word itself)


@dataclass(frozen=True)
class Analysis:
    """What a text says: its terms, the applications it names, its letters (for the trigram Dice)."""

    terms: dict[str, Term]
    applications: frozenset[int]
    trigrams: frozenset[str]
    text: str  # normalized


@dataclass(frozen=True)
class _Form:
    text: str
    concept: str  # "" for an application's name
    application: int | None


@lru_cache(maxsize=1)
def _concept_forms() -> tuple[_Form, ...]:
    forms = []
    for concept, texts in CONCEPTS.items():
        for language in ("ko", "en"):
            for raw in texts[language].split("|"):
                text = normalize(raw)
                if text:
                    forms.append(_Form(text, concept, None))
    return tuple(forms)


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    words = STOPWORDS["words"]
    return frozenset(normalize(w) for language in ("ko", "en") for w in words[language].split("|"))


@lru_cache(maxsize=1)
def _concept_all_forms() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for form in _concept_forms():
        out.setdefault(form.concept, []).append(form.text)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _concept_search_forms() -> dict[str, tuple[str, ...]]:
    """Each concept's first form in each language (로그인, login)."""
    return {concept: tuple(normalize(texts[language].split("|")[0]) for language in ("ko", "en"))
            for concept, texts in CONCEPTS.items()}


def application_forms(applications: list[tuple[int, str, str, str]]) -> tuple[_Form, ...]:
    """How applications are named in text: name, English name, code, and the parts of a name in brackets
    ("콜센터(CTI)" → 콜센터, cti)."""
    forms = []
    for app_id, name, name_en, code in applications:
        names = set()
        for raw in (name, name_en, code):
            text = normalize(raw or "")
            if not text:
                continue
            names.add(text)
            for part in re.split(r"[()\[\]/,]", text):
                if len(part.strip()) >= 2:
                    names.add(part.strip())
        for text in names:
            forms.append(_Form(text, "", app_id))
    return tuple(forms)


def _stem(word: str) -> str:
    if word.isascii():
        if word.isalpha() and len(word) > 4:
            for ending in _ASCII_ENDINGS:
                if word.endswith(ending) and len(word) - len(ending) >= 3:
                    return word[: -len(ending)]
        return word
    for particle in PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= 2:
            return word[: -len(particle)]
    return word


class _Matcher:
    """All forms of a lexicon in two regular expressions (Latin forms as words with a plain ending; the others
    anywhere), longest forms first so the longer one wins where two begin at the same place."""

    def __init__(self, forms: tuple[_Form, ...]) -> None:
        self.by_text: dict[str, _Form] = {}
        for form in forms:
            self.by_text.setdefault(form.text, form)
        latin = sorted((t for t in self.by_text if t.isascii()), key=len, reverse=True)
        other = sorted((t for t in self.by_text if not t.isascii()), key=len, reverse=True)
        self.latin = re.compile(r"(?<![a-z0-9])(" + "|".join(map(re.escape, latin)) + ")" + _ENDINGS
                                + r"(?![a-z0-9])") if latin else None
        self.other = re.compile("|".join(map(re.escape, other))) if other else None

    def spans(self, text: str) -> list[tuple[int, int, _Form]]:
        found = []
        if self.latin is not None:
            found += [(m.start(), m.end(), self.by_text[m.group(1)]) for m in self.latin.finditer(text)]
        if self.other is not None and not text.isascii():
            found += [(m.start(), m.end(), self.by_text[m.group()]) for m in self.other.finditer(text)]
        found.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
        taken: list[tuple[int, int, _Form]] = []
        for span in found:
            if all(span[1] <= t[0] or span[0] >= t[1] for t in taken):
                taken.append(span)
        return sorted(taken, key=lambda s: s[0])


_MATCHERS: dict[tuple[_Form, ...], _Matcher] = {}


def _matcher(app_forms: tuple[_Form, ...]) -> _Matcher:
    """The matcher of the concepts and these applications' names (kept per set of applications)."""
    found = _MATCHERS.get(app_forms)
    if found is None:
        if len(_MATCHERS) > 8:
            _MATCHERS.clear()
        found = _MATCHERS[app_forms] = _Matcher(app_forms + _concept_forms())
    return found


def analyze(text: str, app_forms: tuple[_Form, ...] = (), *, weight: float = 1.0) -> Analysis:
    """The terms of a text (see the module docstring); `weight` scales them (a description's are lighter).

    Remembered for the last few thousand texts: a bank's incidents repeat their titles."""
    return _analyze(text, _matcher(app_forms), weight)


@lru_cache(maxsize=20_000)
def _analyze(text: str, matcher: _Matcher, weight: float) -> Analysis:
    norm = normalize(text)
    spans = matcher.spans(norm)
    terms: dict[str, Term] = {}
    applications = set()
    searchable, every = _concept_search_forms(), _concept_all_forms()
    for _start, _end, form in spans:
        if form.application is not None:
            applications.add(form.application)
            continue
        key = "c:" + form.concept
        if key not in terms:
            base = GENERIC_WEIGHT if form.concept in GENERIC else 1.0
            # the form as typed and the concept's first form in each language (the commonest) first: PostgreSQL
            # asks only for these (every form would make each row's test a dozen patterns long)
            terms[key] = Term(key, form.text, base * weight,
                              tuple(dict.fromkeys((form.text, *searchable[form.concept], *every[form.concept]))))
    covered = [(s, e) for s, e, _ in spans]
    stop = _stopwords()
    for match in _RUNS.finditer(norm):
        if any(match.start() < e and match.end() > s for s, e in covered):
            continue  # part of a concept's or an application's form
        word = _stem(match.group())
        if word in stop or len(word) < 2 or (word.isdigit() and len(word) < 3):
            continue
        key = "w:" + word
        if key not in terms:
            terms[key] = Term(key, match.group(), weight, (word,))
    compact = norm
    for start, end, form in reversed(spans):
        if form.application is not None:  # the application's name says nothing about the fault
            compact = compact[:start] + compact[end:]
    compact = "".join(ch for ch in compact if ch.isalnum())
    trigrams = frozenset(compact[i:i + 3] for i in range(len(compact) - 2))
    return Analysis(terms, frozenset(applications), trigrams, norm)


def merge(title: Analysis, description: Analysis) -> Analysis:
    """A title's analysis with the description's terms it does not already have (lighter)."""
    terms = dict(title.terms)
    for key, term in description.terms.items():
        terms.setdefault(key, term)
    return Analysis(terms, title.applications | description.applications, title.trigrams, title.text)


def _word_in(word: str, text: str) -> bool:
    if word.isascii():
        return re.search(r"(?<![a-z0-9])" + re.escape(word), text) is not None
    return word in text


@dataclass(frozen=True)
class Likeness:
    """How alike two texts are, and the terms that made it: (typed form, the other's form)."""

    score: float
    matched: tuple[tuple[str, str], ...]
    letters: float  # the Dice of the titles' letter trigrams


def compare(query: Analysis, other: Analysis) -> Likeness:
    """The weighted Dice of the two texts' terms, blended with their titles' trigram Dice."""
    total = sum(t.weight for t in query.terms.values()) + sum(t.weight for t in other.terms.values())
    if total <= 0:
        return Likeness(0.0, (), 0.0)
    matched: list[tuple[str, str]] = []
    got = 0.0
    for key, term in query.terms.items():
        hit = other.terms.get(key)
        if hit is not None:
            got += term.weight * (1.0 if hit.shown == term.shown or key.startswith("w:") else CONCEPT_MATCH)
            matched.append((term.shown, hit.shown))
        elif key.startswith("w:") and _word_in(key[2:], other.text):
            got += term.weight
            matched.append((term.shown, term.shown))
    for key, term in other.terms.items():
        if key in query.terms or (key.startswith("w:") and _word_in(key[2:], query.text)):
            got += term.weight
    terms_dice = min(1.0, got / total)
    letters = 0.0
    if query.trigrams and other.trigrams:
        letters = 2 * len(query.trigrams & other.trigrams) / (len(query.trigrams) + len(other.trigrams))
    return Likeness((1 - TRIGRAM_SHARE) * terms_dice + TRIGRAM_SHARE * letters, tuple(matched), letters)


# --- suggestions -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Suggestion:
    """One similar case and why: the score and its parts, and the reason in both languages."""

    group: str  # open | problem | closed
    kind: str  # incident | problem
    case_id: int
    number: str
    title: str
    state: str
    score: float
    text_score: float
    matched: tuple[tuple[str, str], ...]
    application_id: int | None
    application: str
    application_en: str
    context: str  # same_application | named_application | shared_ci | ""
    shared_ci: str  # the CI both applications use (shared_ci)
    registered_at: datetime
    closed_at: datetime | None = None
    cause: str = ""
    resolution: str = ""
    root_cause: str = ""
    workaround: str = ""
    is_known_error: bool = False
    reason: dict[str, str] = field(default_factory=dict)  # {"ko": ..., "en": ...}

    def why(self, language: str | None = None) -> str:
        """The reason in `language` (default: the current one)."""
        return self.reason.get(language or current_language()) or self.reason.get("ko", "")

    def as_dict(self, language: str | None = None) -> dict[str, Any]:
        """For `--json`: plain values, times in ISO form (UTC), the reason in `language`."""
        lang = language or current_language()
        return {"group": self.group, "kind": self.kind, "number": self.number, "title": self.title,
                "state": self.state, "score": round(self.score, 3), "text_score": round(self.text_score, 3),
                "matched": [list(m) for m in self.matched],
                "application": self.application_en if lang == "en" and self.application_en else self.application,
                "context": self.context, "registered_at": self.registered_at.isoformat(timespec="seconds"),
                "closed_at": self.closed_at.isoformat(timespec="seconds") if self.closed_at else None,
                "cause": self.cause, "resolution": self.resolution, "root_cause": self.root_cause,
                "workaround": self.workaround, "known_error": self.is_known_error, "reason": self.why(lang)}


@dataclass(frozen=True)
class SimilarCases:
    """The three groups, best first, and what the search went by."""

    open_incidents: tuple[Suggestion, ...] = ()
    problems: tuple[Suggestion, ...] = ()
    closed_incidents: tuple[Suggestion, ...] = ()
    application_id: int | None = None  # the chosen application, or the one the text names
    application_named: bool = False  # True when the text named it (none was chosen)
    terms: tuple[str, ...] = ()  # the typed terms, as written
    candidates: int = 0  # how many cases were scored
    elapsed_ms: float = 0.0

    def all(self) -> list[Suggestion]:
        return [*self.open_incidents, *self.problems, *self.closed_incidents]

    def group(self, name: str) -> tuple[Suggestion, ...]:
        return {"open": self.open_incidents, "problem": self.problems, "closed": self.closed_incidents}[name]


@dataclass(frozen=True)
class _Apps:
    names: dict[int, tuple[str, str]]  # application id → (name, English name)
    matcher: _Matcher
    related: dict[int, dict[int, str]]  # application id → {CI id: CI name} it runs on / depends on / is used by


def _applications() -> _Apps:
    apps = list(ConfigurationItem.select(ConfigurationItem.id, ConfigurationItem.name, ConfigurationItem.name_en,
                                         ConfigurationItem.code)
                .where(ConfigurationItem.kind == "application").tuples())
    names = {a: (n or "", e or "") for a, n, e, _ in apps}
    ci_names = dict(ConfigurationItem.select(ConfigurationItem.id, ConfigurationItem.name).tuples())
    related: dict[int, dict[int, str]] = {}
    for source, target in CIRelation.select(CIRelation.source, CIRelation.target).tuples():
        for app, other in ((source, target), (target, source)):
            if app in names and other not in names:
                related.setdefault(app, {})[other] = ci_names.get(other, "")
    return _Apps(names, _matcher(application_forms(apps)), related)


def similar_cases(*, actor_id: int, title: str, description: str = "", application_id: int | None = None,
                  exclude_case_id: int | None = None, limit: int = LIMIT, now: datetime | None = None,
                  window_days: int = WINDOW_DAYS) -> SimilarCases:
    """The cases like the typed title (and description), in three groups of at most `limit`, best first.

    `exclude_case_id`: an existing incident looking for its own similar cases (it, the incidents already
    linked to it and its linked problems are left out). A customer sees only what they registered.
    """
    started = time.perf_counter()
    actor = load_actor(actor_id)
    at = as_utc_naive(now) if now else utcnow()
    apps = _applications()
    query = merge(_analyze(title, apps.matcher, 1.0), _analyze(description, apps.matcher, DESCRIPTION_WEIGHT))
    if not query.terms:
        return SimilarCases(application_id=application_id, elapsed_ms=_ms(started))
    named = application_id is None and len(query.applications) == 1
    context_app = application_id if application_id is not None else (
        next(iter(query.applications)) if named else None)
    excluded, linked_problems = _excluded(exclude_case_id)
    since = at - timedelta(days=window_days)
    rows = _incident_candidates(actor, _analyze(title, apps.matcher, 1.0) if title.strip() else query, since,
                                context_app, excluded)
    scored: dict[str, list[tuple[Suggestion, Likeness]]] = {g: [] for g in GROUPS}
    open_incident = set(open_states("incident"))
    for case_id, cand_title, app_id, state, registered, closed in rows:
        if state in open_incident:
            group = "open"
        elif state == "closed" and closed is not None and closed >= since:
            group = "closed"
        else:
            continue
        likeness = compare(query, _analyze(cand_title, apps.matcher, 1.0))
        if likeness.score < MIN_TEXT:
            continue
        moment = registered if group == "open" else closed
        scored[group].append(_suggest(group, "incident", case_id, cand_title, state, likeness, app_id, context_app,
                                      named, apps, moment, at, registered=registered, closed=closed))
    scored["problem"] = _problem_suggestions(actor, query, context_app, named, apps, at, linked_problems)
    best = {g: [_with_reason(s, likeness, at) for s, likeness in
                sorted(scored[g], key=lambda p: (-p[0].score, -p[0].case_id))[:limit]] for g in GROUPS}
    best = _with_details(best)
    return SimilarCases(open_incidents=tuple(best["open"]), problems=tuple(best["problem"]),
                        closed_incidents=tuple(best["closed"]), application_id=context_app, application_named=named,
                        terms=tuple(t.shown for t in query.terms.values()), candidates=len(rows),
                        elapsed_ms=_ms(started))


def similar_to_case(*, actor_id: int, case_id: int, limit: int = LIMIT, now: datetime | None = None) -> SimilarCases:
    """The cases like an existing incident (its title, description and application), without it and what is
    already linked to it; refused like the incident itself when this person may not see it."""
    from desktop.workflow.cases.queries import can_view

    actor = load_actor(actor_id)
    kind, row = load_row(case_id)
    if kind != "incident" or not can_view(actor, kind, row):
        raise BeaconError("workflow.not_found", what=TEXTS.pair("suggestion"), ref=case_id)
    return similar_cases(actor_id=actor_id, title=row.title, description=row.description,
                         application_id=row.application_id, exclude_case_id=case_id, limit=limit, now=now)


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def _excluded(case_id: int | None) -> tuple[set[int], set[int]]:
    """An existing incident's own id and the incidents linked to it (parent, children, duplicates); and its
    linked problems."""
    if case_id is None:
        return set(), set()
    incidents = {case_id}
    problems = set()
    row = Incident.get_or_none(Incident.case == case_id)
    if row is not None and row.parent_id:
        incidents.add(row.parent_id)
    incidents |= {c for (c,) in Incident.select(Incident.case).where(Incident.parent == case_id).tuples()}
    for source, target, kind in (CaseLink.select(CaseLink.source, CaseLink.target, CaseLink.kind)
                                 .where((CaseLink.source == case_id) | (CaseLink.target == case_id)).tuples()):
        other = target if source == case_id else source
        (problems if kind == "problem" else incidents).add(other)
    return incidents, problems


def _search_forms(query: Analysis) -> list[tuple[str, ...]]:
    """The typed terms' forms for the index, the most specific first (generic ones only when nothing else was
    typed), each a group of alternative forms."""
    specific = [t for t in query.terms.values() if t.key[2:] not in GENERIC]
    chosen = specific or list(query.terms.values())
    chosen.sort(key=lambda t: (t.weight < 1.0, -len(t.shown)))
    # forms of several words ("sign in") cost a phrase search over the commonest trigrams: the concept's
    # one-word forms find the same incidents, and the score still reads every form
    groups = [tuple(dict.fromkeys(f for f in t.forms if len(f) >= 2 and " " not in f)) for t in chosen]
    return [g for g in groups if g]


def _incident_candidates(actor: Actor, query: Analysis, since: datetime, application_id: int | None,
                         excluded: set[int]) -> list[tuple[int, str, int, str, datetime, datetime | None]]:
    """Incidents whose titles hold the typed terms, newest first, registered in the window (a few hundred)."""
    any_groups = _search_forms(query)
    if not any_groups:
        return []
    first = (Incident.select(Incident.case).where(Incident.registered_at >= since)
             .order_by(Incident.registered_at, Incident.case).limit(1).scalar())
    if first is None:
        return []
    filters: list[tuple[str, Any]] = [("i.state <> 'cancelled'", None)]
    if actor.is_customer_only:
        filters.append(("i.registered_by_id = {p}", actor.id))
    found: dict[int, tuple] = {}
    # the newest matches are mostly still open: the newest closed ones too (asking for all the terms at once
    # instead costs a walk through the whole window when they seldom meet)
    runs = [(READ_ANY, filters), (READ_CLOSED, [*filters, ("i.state = 'closed'", None)])]
    if application_id is not None:
        runs.append((READ_APPLICATION, [*filters, ("i.application_id = {p}", application_id)]))
    for position, (limit, where) in enumerate(runs):
        rows = _read(any_groups, first, limit, where)
        for row in rows:
            if row[0] not in excluded:
                found.setdefault(row[0], row)
        if position == 0 and len(rows) < limit:
            break  # every match in the window is in hand: the narrower reads would find nothing new
    return list(found.values())


def _read(groups: list[tuple[str, ...]], first: int, limit: int,
          where: list[tuple[str, Any]]) -> list[tuple[int, str, int, str, datetime, datetime | None]]:
    """One query: incidents from `first` on whose titles hold a form of any group, newest first."""
    p = database.param
    params: list[Any] = []
    columns = "i.case_id, i.title, i.application_id, i.state, i.registered_at, i.closed_at"
    if isinstance(database.obj, peewee.SqliteDatabase):
        phrases = [ph for group in groups for form in group for ph in _fts_phrases(form)][:MAX_FORMS]
        if not phrases:
            return []
        sql = (f"SELECT {columns} FROM incident_search s JOIN incident i ON i.case_id = s.rowid "
               f"WHERE incident_search MATCH {p} AND s.rowid >= {p}")
        params += ["title : (" + " OR ".join(dict.fromkeys(phrases)) + ")", first]
    else:
        patterns = list(dict.fromkeys(f"%{_like_escape(word)}%" for group in groups for form in group[:PG_FORMS]
                                      for word in _word_parts(form)))
        if not patterns:
            return []
        sql = (f"SELECT {columns} FROM incident i WHERE ({' OR '.join(f'i.title ILIKE {p}' for _ in patterns)}) "
               f"AND i.case_id >= {p}")
        params += [*patterns, first]
    for condition, value in where:
        sql += " AND " + condition.format(p=p)
        if value is not None:
            params.append(value)
    order = "s.rowid" if isinstance(database.obj, peewee.SqliteDatabase) else "i.case_id"
    sql += f" ORDER BY {order} DESC LIMIT {p}"
    params.append(limit)
    parse = Incident.registered_at.python_value
    return [(case_id, title, app, state, parse(registered), parse(closed) if closed else None)
            for case_id, title, app, state, registered, closed in database.execute_sql(sql, params).fetchall()]


def _like_escape(form: str) -> str:
    return form.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _word_parts(form: str) -> list[str]:
    """What finds a form through a trigram index: itself from three letters; a two-letter Korean word at a
    word's start or end (" 지연", "지연 " — trigrams both indexes hold), a two-letter Latin one as a whole word."""
    if len(form) >= 3:
        return [form]
    if len(form) == 2:
        return [f" {form} "] if form.isascii() else [f" {form}", f"{form} "]
    return []


def _fts_phrases(form: str) -> list[str]:
    return ['"' + part.replace('"', '""') + '"' for part in _word_parts(form)]


def _problem_suggestions(actor: Actor, query: Analysis, context_app: int | None, named: bool, apps: _Apps,
                         at: datetime, linked: set[int]) -> list[tuple[Suggestion, Likeness]]:
    """Open problems (known errors among them) scored on their title, with their description, root cause and
    workaround as lighter text."""
    rows = (Problem.select(Problem.case, Problem.title, Problem.description, Problem.root_cause, Problem.workaround,
                           Problem.is_known_error, Problem.application, Problem.state, Problem.registered_at)
            .where(Problem.state.in_(open_states("problem"))))
    if actor.is_customer_only:
        rows = rows.where(Problem.registered_by == actor.id)
    out = []
    for case_id, title, description, root_cause, workaround, known, app_id, state, registered in rows.tuples():
        if case_id in linked:
            continue
        body = " ".join(x for x in (description, root_cause, workaround) if x)
        own = _analyze(title, apps.matcher, 1.0)
        # a well-documented problem is not penalised for its long root cause: the better of title and all
        likeness = max(compare(query, own), compare(query, merge(own, _analyze(body, apps.matcher,
                                                                              DESCRIPTION_WEIGHT))),
                       key=lambda found: found.score)
        if likeness.score < MIN_TEXT:
            continue
        out.append(_suggest("problem", "problem", case_id, title, state, likeness, app_id, context_app, named, apps,
                            None, at, registered=registered, root_cause=root_cause or "", workaround=workaround or "",
                            known=bool(known)))
    return out


def _suggest(group: str, kind: str, case_id: int, title: str, state: str, likeness: Likeness, app_id: int | None,
             context_app: int | None, named: bool, apps: _Apps, moment: datetime | None, at: datetime, *,
             registered: datetime, closed: datetime | None = None, root_cause: str = "", workaround: str = "",
             known: bool = False) -> tuple[Suggestion, Likeness]:
    """A candidate's score and its parts (its reason is written only if it is among the best)."""
    context, shared = "", ""
    if context_app is not None and app_id == context_app:
        context = "named_application" if named else "same_application"
    elif context_app is not None and app_id is not None:
        common = set(apps.related.get(context_app, {})) & set(apps.related.get(app_id, {}))
        if common:
            context = "shared_ci"
            names = sorted(apps.related[app_id][c] for c in common)
            shared = ", ".join(names[:2]) + (f" +{len(names) - 2}" if len(names) > 2 else "")
    context_value = {"same_application": 1.0, "named_application": 1.0, "shared_ci": 0.5}.get(context, 0.0)
    recency = 0.0
    if moment is not None:
        age_days = max(0.0, (at - moment).total_seconds() / 86400)
        recency = math.pow(0.5, age_days / HALF_LIFE_DAYS)
    score = TEXT_SHARE * likeness.score + CONTEXT_SHARE * context_value + RECENCY_SHARE * recency
    name, name_en = apps.names.get(app_id, ("", "")) if app_id is not None else ("", "")
    suggestion = Suggestion(group=group, kind=kind, case_id=case_id, number="", title=title, state=state,
                            score=score, text_score=likeness.score, matched=likeness.matched, application_id=app_id,
                            application=name, application_en=name_en, context=context, shared_ci=shared,
                            registered_at=registered, closed_at=closed, root_cause=root_cause, workaround=workaround,
                            is_known_error=known)
    return suggestion, likeness


def _with_reason(s: Suggestion, likeness: Likeness, at: datetime) -> Suggestion:
    """The reason, both languages: the words that matched, the application or CI, how recent."""
    reason = {}
    for language in ("ko", "en"):
        parts = []
        if s.matched:
            words = ", ".join(shown if shown == theirs else f"{shown}≈{theirs}" for shown, theirs in s.matched)
            parts.append(TEXTS.pick("reason.words", language, words=words))
        elif likeness.letters > 0:
            parts.append(TEXTS.pick("reason.like_title", language, percent=round(likeness.letters * 100)))
        app_name = s.application_en if language == "en" and s.application_en else s.application
        if s.context in ("same_application", "named_application"):
            parts.append(TEXTS.pick(f"reason.{s.context}", language, name=app_name))
        elif s.context == "shared_ci":
            parts.append(TEXTS.pick("reason.shared_ci", language, name=s.shared_ci))
        if s.group == "open":
            parts.append(_ago("registered", s.registered_at, at, language))
        elif s.group == "closed" and s.closed_at is not None:
            parts.append(_ago("closed", s.closed_at, at, language))
        elif s.is_known_error:
            parts.append(TEXTS.pick("reason.known_error", language))
        elif s.workaround:
            parts.append(TEXTS.pick("reason.workaround", language))
        reason[language] = TEXTS.pick("reason.joiner", language).join(parts)
    return _replace(s, reason=reason)


def _ago(what: str, moment: datetime, at: datetime, language: str) -> str:
    minutes = max(0, int((at - moment).total_seconds() // 60))
    if what == "closed":
        days = minutes // 1440
        return TEXTS.pick("reason.closed_days", language, n=days) if days else TEXTS.pick("reason.closed_today",
                                                                                        language)
    if minutes < 60:
        return TEXTS.pick("reason.registered_minutes", language, n=minutes)
    if minutes < 1440:
        return TEXTS.pick("reason.registered_hours", language, n=minutes // 60)
    return TEXTS.pick("reason.registered_days", language, n=minutes // 1440)


def _replace(s: Suggestion, **changes: Any) -> Suggestion:
    from dataclasses import replace

    return replace(s, **changes)


def _with_details(best: dict[str, list[Suggestion]]) -> dict[str, list[Suggestion]]:
    """Numbers for every suggestion, and cause and resolution for the closed ones (only the few shown)."""
    ids = [s.case_id for group in best.values() for s in group]
    if not ids:
        return best
    numbers = dict(Case.select(Case.id, Case.number).where(Case.id.in_(ids)).tuples())
    closed_ids = [s.case_id for s in best["closed"]]
    closing = {c: (cause or "", resolution or "") for c, cause, resolution in
               Incident.select(Incident.case, Incident.cause, Incident.resolution)
               .where(Incident.case.in_(closed_ids)).tuples()} if closed_ids else {}
    out = {}
    for group, items in best.items():
        out[group] = [_replace(s, number=numbers.get(s.case_id, ""),
                               cause=closing.get(s.case_id, ("", ""))[0],
                               resolution=closing.get(s.case_id, ("", ""))[1]) for s in items]
    return out


# --- acting on a suggestion --------------------------------------------------------------------------------

CHOICES = ("duplicate", "parent", "known_error")


@dataclass(frozen=True)
class Choice:
    """What the registering person chose from the suggestions: this incident is a duplicate of `case_id`,
    a child of `case_id` (its parent), or a case of the known error (problem) `case_id`."""

    kind: str
    case_id: int
    number: str = ""

    def __post_init__(self) -> None:
        if self.kind not in CHOICES:
            raise ValueError(f"unknown choice {self.kind!r}")


@dataclass(frozen=True)
class KnownErrorResult:
    link: LinkResult
    action_id: int | None  # the workaround copied into an action (None: the problem has no workaround)


@dataclass(frozen=True)
class Registered:
    """A registration that took a suggestion: the incident, and what was done with the choice."""

    result: FireResult
    choice: Choice | None
    known_error: KnownErrorResult | None = None
    cancelled: FireResult | None = None


def may_link_at_registration(*, actor_id: int) -> bool:
    """Whether this person may link a problem to an incident they are registering: the process in force
    allows linking in its first state, and they hold a role that may link (the registration dialog offers
    the known error's one-click link only then; otherwise the case window offers it once the process does)."""
    actor = load_actor(actor_id)
    _, process = active_version("incident")
    operation = process.operations.get("link_problem")
    initial = next((s.name for s in process.states.values() if s.initial), None)
    return operation is not None and initial in operation.states and holds(actor, operation.roles, "incident", None)


def register_with_choice(*, actor_id: int, choice: Choice | None, title: str, description: str,
                         application_id: int | None, urgency: str | None, incident_type: str,
                         occurred_at: datetime | None = None, time_zone: str = "Asia/Seoul",
                         now: datetime | None = None) -> Registered:
    """Register an incident and act on the suggestion chosen while typing it, in one transaction: as a child of
    the chosen open incident (its parent), as a duplicate of it (registered and at once cancelled, linked to
    it), or linked to the chosen problem with its workaround copied into an action. If any part is refused,
    nothing is saved."""
    fields = {"title": title, "description": description, "application_id": application_id, "urgency": urgency,
              "incident_type": incident_type, "occurred_at": occurred_at, "time_zone": time_zone, "now": now}
    with database.atomic():
        if choice is None:
            return Registered(case_service.register_incident(actor_id=actor_id, **fields), None)
        if choice.kind == "parent":
            return Registered(case_service.register_incident(actor_id=actor_id, parent_id=choice.case_id, **fields),
                              choice)
        result = case_service.register_incident(actor_id=actor_id, **fields)
        if choice.kind == "duplicate":
            cancelled = mark_duplicate(actor_id=actor_id, case_id=result.case_id, version=result.version,
                                       duplicate_of=choice.case_id, now=now)
            return Registered(result, choice, cancelled=cancelled)
        known = link_known_error(actor_id=actor_id, incident_id=result.case_id, problem_id=choice.case_id, now=now)
        return Registered(result, choice, known_error=known)


def mark_duplicate(*, actor_id: int, case_id: int, version: int | None, duplicate_of: int,
                   now: datetime | None = None) -> FireResult:
    """Cancel an incident as a duplicate of another (the cancel transition, its reason written for the person
    in their language), linked to it."""
    actor = load_actor(actor_id)
    target = Case.get_or_none(Case.id == duplicate_of)
    if target is None or target.kind != "incident":
        raise BeaconError("workflow.not_found", what=TEXTS.pair("suggestion"), ref=duplicate_of)
    reason = TEXTS.pick("duplicate_reason", actor.language, number=target.number)
    return case_service.cancel_incident(actor_id=actor_id, case_id=case_id, version=version, reason=reason,
                                        duplicate_of=duplicate_of, now=now)


def link_known_error(*, actor_id: int, incident_id: int, problem_id: int,
                     now: datetime | None = None) -> KnownErrorResult:
    """Link an incident to a problem (the process's "link problem", with its checks) and copy the problem's
    workaround into the incident's actions (kind "workaround"), in one transaction.

    The copied action is part of the link — it says what the problem already knows — so it needs no separate
    "log action" permission (an incident just registered may be linked before it is accepted).
    """
    at = as_utc_naive(now) if now else None
    with database.atomic():
        link = case_service.link_problem(actor_id=actor_id, incident_id=incident_id, problem_id=problem_id, now=now)
        problem = Problem.get_by_id(link.problem_id)
        workaround = (problem.workaround or "").strip()
        if not workaround:
            return KnownErrorResult(link, None)
        actor = load_actor(actor_id)
        at = at or utcnow()
        kind, row = load_row(incident_id, lock=True)
        case = Case.get_by_id(incident_id)
        body = TEXTS.pick("workaround_action", actor.language, number=link.problem_number, workaround=workaround)
        acted = max(at, row.registered_at)
        action = Action.create(case=incident_id, actor=actor.id, acted_at=acted, recorded_at=at, kind="workaround",
                               body=body)
        Event.create(case=incident_id, entity=kind, entity_id=case.number, kind="action", actor=actor.id,
                     occurred_at=at, note=body,
                     after=json.dumps({"action": action.id, "kind": "workaround", "from_problem": link.problem_number}))
    return KnownErrorResult(link, action.id)
