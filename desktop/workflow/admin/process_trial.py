"""Trying a process before it is in force: a dry run through an edited definition, and what it changes.

A dry run walks a sample case (a new one on an application, or a copy of where an open case stands)
through a definition that is not saved: from a state, each transition shows the fields it asks, the
effects it would run (what each does, from the effect registry) and who would be told — computed from
the propagation group and the owner matrix as the effects would address them. It only reads: no case,
event or notice is written.

The comparison sets an edited definition beside the version in force: states, transitions, fields and
roles added, removed or changed, and the open cases that sit in a state the edit removes (saving is
refused while they do; see processes.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop.i18n import pick
from desktop.models import Case, ConfigurationItem, Role, User
from desktop.workflow.admin.texts import TEXTS, TRIAL_TEXTS
from desktop.workflow.common.audit import require_admin
from desktop.workflow.common.cases import KIND_MODELS, REPORTER_COLUMN, application_of, load_row
from desktop.workflow.common.matrices import matrix_users
from desktop.workflow.engine.effects import describe
from desktop.workflow.engine.fields import FIELDS
from desktop.workflow.engine.process import ProcessDef, StateDef, TransitionDef, active_version, stored_definition
from desktop.workflow.engine.texts import ROLE_NAMES
from desktop.workflow.notify.effects import NOTICE_KINDS
from desktop.workflow.notify.propagation import REPORTER_KINDS, incident_group

SAMPLE_LIMIT = 30
NUMBERS_SHOWN = 5


# --- the sample case ------------------------------------------------------------------------

@dataclass(frozen=True)
class Sample:
    """The case a dry run walks: a new one on an application, or an open case's copy (never written)."""

    kind: str
    application_id: int | None = None
    case_id: int | None = None
    number: str = ""
    state: str | None = None  # where the open case stands; None for a new case (before its creation)
    reporter_id: int | None = None
    assignee_id: int | None = None


@dataclass(frozen=True)
class Choice:
    id: int
    text: str


def sample_applications(*, actor_id: int, language: str | None = None) -> list[Choice]:
    """Applications a new sample case may be about (active ones, by name)."""
    require_admin(actor_id, TEXTS.pair("processes.view_processes"))
    rows = (ConfigurationItem.select(ConfigurationItem.id, ConfigurationItem.name, ConfigurationItem.name_en)
            .where((ConfigurationItem.kind == "application") & (ConfigurationItem.is_active == True))  # noqa: E712
            .order_by(ConfigurationItem.name).tuples())
    return [Choice(i, (en or ko) if language == "en" else ko) for i, ko, en in rows]


def sample_cases(*, actor_id: int, kind: str, process: ProcessDef) -> list[Choice]:
    """Open cases of `kind` (newest first) whose state the walk may start from, with their number and title."""
    require_admin(actor_id, TEXTS.pair("processes.view_processes"))
    model = KIND_MODELS[kind]
    _, current = active_version(kind)
    open_states = [s for s in {*current.states, *process.states}
                   if not (current.states.get(s) or process.states[s]).final]
    rows = (model.select(Case.id, Case.number, model.title).join(Case, on=(model.case == Case.id))
            .where(model.state.in_(open_states)).order_by(Case.id.desc()).limit(SAMPLE_LIMIT).tuples())
    return [Choice(i, f"{number} {title}") for i, number, title in rows]


def new_sample(*, actor_id: int, kind: str, application_id: int | None) -> Sample:
    """A new case of `kind` on an application, before its creating transition."""
    require_admin(actor_id, TEXTS.pair("processes.view_processes"))
    return Sample(kind=kind, application_id=application_id)


def case_sample(*, actor_id: int, case_id: int) -> Sample:
    """Where an open case stands, as a sample: its state, application, reporter and assignee (read only)."""
    require_admin(actor_id, TEXTS.pair("processes.view_processes"))
    kind, row = load_row(case_id)
    return Sample(kind=kind, application_id=application_of(kind, row), case_id=case_id,
                  number=Case.get_by_id(case_id).number, state=row.state,
                  reporter_id=getattr(row, REPORTER_COLUMN[kind] + "_id"), assignee_id=row.assignee_id)


# --- one step ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class FieldInfo:
    code: str
    label: str
    required: bool


@dataclass(frozen=True)
class EffectInfo:
    name: str
    description: str


@dataclass(frozen=True)
class RecipientInfo:
    user_id: int
    name: str
    reason: str  # why they are told, in the user's language
    effects: tuple[str, ...]  # the effects that would reach them


@dataclass(frozen=True)
class StepPreview:
    """What taking one transition would ask and do, in the user's language."""

    transition: str
    label: str
    source_label: str  # "" for the creating transition
    target: str
    target_label: str
    roles: tuple[str, ...]
    fields: tuple[FieldInfo, ...]
    effects: tuple[EffectInfo, ...]
    recipients: tuple[RecipientInfo, ...]
    notes: tuple[str, ...] = field(default=())  # recipients the effects decide only when the step is taken


def _role_names(language: str | None) -> dict[str, str]:
    names = {code: pick(label, language) for code, label in ROLE_NAMES.items()}
    for code, ko, en in Role.select(Role.code, Role.name, Role.name_en).tuples():
        names.setdefault(code, (en or ko) if language == "en" else ko)
    for relation in ("@reporter", "@assignee", "@owner"):
        names[relation] = TRIAL_TEXTS.pick(f"relation.{relation[1:]}", language)
    return names


def _person(user_id: int, language: str | None) -> str:
    user = User.get_or_none(User.id == user_id)
    if user is None:
        return str(user_id)
    return (user.name_en or user.name) if language == "en" else user.name


def _reason(code: str, roles: dict[str, str], language: str | None) -> str:
    key = f"reason.{code}"
    if key in TRIAL_TEXTS:
        return TRIAL_TEXTS.pick(key, language)
    return roles.get(code, code)


def _recipients(process: ProcessDef, t: TransitionDef, sample: Sample, actor_id: int,
                language: str | None, roles: dict[str, str]) -> tuple[list[RecipientInfo], list[str]]:
    """Who the transition's effects would tell, as they would compute it now (reads only)."""
    told: list[RecipientInfo] = []
    notes: list[str] = []
    seen: set[int] = set()

    def add(user_id: int | None, reason: str, effect: str) -> None:
        if user_id is None or user_id == actor_id:
            return
        if user_id in seen:  # one line a person: the first reason, every effect that reaches them
            i = next(i for i, r in enumerate(told) if r.user_id == user_id)
            if effect not in told[i].effects:
                told[i] = RecipientInfo(user_id, told[i].name, told[i].reason, (*told[i].effects, effect))
            return
        seen.add(user_id)
        told.append(RecipientInfo(user_id, _person(user_id, language), _reason(reason, roles, language), (effect,)))

    for name in t.effects:
        if name == "propagate":
            notice = NOTICE_KINDS.get(t.name, t.name)
            if sample.application_id is None:
                notes.append(TRIAL_TEXTS.pick("note.no_application", language))
                continue
            for member in incident_group(sample.application_id, sample.case_id):
                add(member.user_id, member.reason, name)
            if notice in REPORTER_KINDS:
                if sample.reporter_id is not None:
                    add(sample.reporter_id, "reporter", name)
                elif not t.creates:
                    notes.append(TRIAL_TEXTS.pick("note.reporter", language))
        elif name == "assign_from_matrix":
            if sample.assignee_id is not None or sample.application_id is None:
                continue
            for user in matrix_users(sample.application_id, "primary_handler"):
                add(user.id, "primary_handler", name)
        elif name == "assign_work_order":
            if sample.case_id is None or sample.application_id is None:
                notes.append(TRIAL_TEXTS.pick("note.second_line", language))
                continue
            if sample.assignee_id is not None:
                add(sample.assignee_id, "assignee", name)
            else:
                for user in matrix_users(sample.application_id, "second_line")[:1]:
                    add(user.id, "second_line", name)
        elif name == "notify_parent":
            if sample.case_id is None:
                notes.append(TRIAL_TEXTS.pick("note.parent", language))
                continue
            _, row = load_row(sample.case_id)
            if t.name in ("complete", "return"):
                _, parent = load_row(row.parent_id)
                add(parent.assignee_id, "parent_assignee", name)
            if t.name != "issue":
                add(row.issued_by_id, "issuer", name)
    return told, notes


def state_name(process: ProcessDef, state: str | None, language: str | None) -> str:
    """A state's label in `process` (its code when the process lacks it; "" for before creation)."""
    if state is None:
        return ""
    found: StateDef | None = process.states.get(state)
    return pick(found.label, language) if found is not None else state


def steps(*, actor_id: int, process: ProcessDef, sample: Sample, state: str | None,
          language: str | None = None) -> list[StepPreview]:
    """The transitions `process` offers from `state` (None: the creating one), each previewed for `sample`.

    Reads only: the walk's position is the caller's; nothing about the sample case is written.
    """
    require_admin(actor_id, TEXTS.pair("processes.view_processes"))
    roles = _role_names(language)
    fields = FIELDS[process.kind]
    offered = [process.creation] if state is None else process.transitions_from(state)
    out = []
    for t in offered:
        told, notes = _recipients(process, t, sample, actor_id, language, roles)
        target = t.target_from(state) if state is not None else t.target
        out.append(StepPreview(
            transition=t.name, label=pick(t.label, language), source_label=state_name(process, state, language),
            target=target, target_label=state_name(process, target, language),
            roles=tuple(roles.get(r, r) for r in t.roles),
            fields=tuple(FieldInfo(code, pick({"ko": fields[code].ko, "en": fields[code].en}, language), required)
                         for codes, required in ((t.required, True), (t.optional, False)) for code in codes),
            effects=tuple(EffectInfo(name, describe(name, language)) for name in t.effects),
            recipients=tuple(told), notes=tuple(notes)))
    return out


def start_state(process: ProcessDef, sample: Sample) -> str | None:
    """Where the walk starts: the open case's state when `process` has it, else before creation."""
    if sample.state is not None and sample.state in process.states:
        return sample.state
    return None


# --- comparison -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Line:
    """One change, said in words: a TRIAL_TEXTS key and its values (labels as {"ko", "en"} pairs)."""

    key: str
    params: dict[str, Any]

    def text(self, language: str | None = None) -> str:
        values = {k: pick(v, language) if isinstance(v, dict) else v for k, v in self.params.items()}
        return TRIAL_TEXTS.pick(self.key, language, **values)


@dataclass(frozen=True)
class StuckCases:
    """Open cases in a state the edit removes."""

    state: str
    label: dict[str, str]
    numbers: tuple[str, ...]


@dataclass(frozen=True)
class Comparison:
    """An edited definition against the version in force, for people who decide whether to save it."""

    base_id: int | None
    base_version: int
    stuck: tuple[StuckCases, ...]
    lines: tuple[Line, ...]  # states, transitions, fields and roles, in that order

    @property
    def unchanged(self) -> bool:
        return not self.lines

    def stuck_lines(self) -> tuple[Line, ...]:
        """"3 open incidents are in a state this version removes: INC-…" per removed state."""
        return tuple(_stuck_line(s) for s in self.stuck)


def _stuck_line(stuck: StuckCases) -> Line:
    shown = ", ".join(stuck.numbers[:NUMBERS_SHOWN]) + (" …" if len(stuck.numbers) > NUMBERS_SHOWN else "")
    return Line("compare.stuck", {"count": len(stuck.numbers), "state": stuck.label, "numbers": shown})


def _names(labels: Mapping[str, Mapping[str, str]], codes: tuple[str, ...] | list[str],
           sep: str = ", ") -> dict[str, str]:
    return {lang: sep.join(labels[c][lang] if c in labels else c for c in codes) for lang in ("ko", "en")}


def _field_labels(kind: str) -> dict[str, dict[str, str]]:
    return {code: {"ko": spec.ko, "en": spec.en} for code, spec in FIELDS[kind].items()}


def _role_labels() -> dict[str, dict[str, str]]:
    labels = {code: dict(label) for code, label in ROLE_NAMES.items()}
    for code, ko, en in Role.select(Role.code, Role.name, Role.name_en).tuples():
        labels.setdefault(code, {"ko": ko, "en": en or ko})
    for relation in ("@reporter", "@assignee", "@owner"):
        labels[relation] = TRIAL_TEXTS.pair(f"relation.{relation[1:]}")
    return labels


def _state_flags(s: StateDef) -> dict[str, str]:
    flags = [TRIAL_TEXTS.pair(f"flag.{name}") for name in ("initial", "final", "pauses_sla") if getattr(s, name)]
    if s.stage is not None:
        flags.append(TRIAL_TEXTS.pair("flag.stage", stage=s.stage))
    none = TRIAL_TEXTS.pair("flag.none")
    return {lang: ", ".join(f[lang] for f in flags) or none[lang] for lang in ("ko", "en")}


def current_effects(process: ProcessDef) -> set[str]:
    """Every effect a definition's transitions name."""
    return {name for t in process.transitions.values() for name in t.effects}


def compare_definitions(kind: str, current: ProcessDef, edited: ProcessDef) -> list[Line]:
    """What `edited` adds, removes and changes against `current`: states, transitions, their fields and roles."""
    lines: list[Line] = []
    fields, roles = _field_labels(kind), _role_labels()
    effects = {name: {"ko": describe(name, "ko"), "en": describe(name, "en")}
               for name in {*current_effects(current), *current_effects(edited)}}
    stamps = {key.removeprefix("stamp."): TRIAL_TEXTS[key] for key in TRIAL_TEXTS if key.startswith("stamp.")}
    for name, s in edited.states.items():
        if name not in current.states:
            lines.append(Line("compare.state_added", {"state": s.label, "flags": _state_flags(s)}))
    for name, s in current.states.items():
        if name not in edited.states:
            lines.append(Line("compare.state_removed", {"state": s.label}))
    for name, new in edited.states.items():
        old = current.states.get(name)
        if old is None or old == new:
            continue
        if old.label != new.label:
            lines.append(Line("compare.state_renamed", {"old": old.label, "new": new.label}))
        if _state_flags(old) != _state_flags(new):
            lines.append(Line("compare.state_flags", {"state": new.label, "old": _state_flags(old),
                                                      "new": _state_flags(new)}))

    def place(process: ProcessDef, t: TransitionDef) -> dict[str, str]:
        sources = [process.states[s].label for s in t.sources]
        target = TRIAL_TEXTS.pair("stays") if t.target == "=" else process.states[t.target].label
        start = TRIAL_TEXTS.pair("new_case")
        return {lang: f"{', '.join(s[lang] for s in sources) or start[lang]} → {target[lang]}" for lang in ("ko", "en")}

    for name, t in edited.transitions.items():
        if name not in current.transitions:
            lines.append(Line("compare.transition_added", {"transition": t.label, "path": place(edited, t),
                                                           "roles": _names(roles, t.roles)}))
    for name, t in current.transitions.items():
        if name not in edited.transitions:
            lines.append(Line("compare.transition_removed", {"transition": t.label, "path": place(current, t)}))
    for name, new in edited.transitions.items():
        old = current.transitions.get(name)
        if old is None or old == new:
            continue
        label = new.label
        if old.label != new.label:
            lines.append(Line("compare.transition_renamed", {"old": old.label, "new": new.label}))
        states = {**{n: st.label for n, st in current.states.items()},
                  **{n: st.label for n, st in edited.states.items()}}
        gained = [st for st in new.sources if st not in old.sources]
        lost = [st for st in old.sources if st not in new.sources]
        for codes, key in ((gained, "compare.sources_added"), (lost, "compare.sources_removed")):
            if codes:
                lines.append(Line(key, {"transition": label, "names": _names(states, codes)}))
        if old.target != new.target:
            stays = TRIAL_TEXTS.pair("stays")
            lines.append(Line("compare.target_changed", {
                "transition": label, "old": stays if old.target == "=" else states[old.target],
                "new": stays if new.target == "=" else states[new.target]}))
        for attr, labels in (("roles", roles), ("required", fields), ("optional", fields), ("effects", effects),
                             ("stamp", stamps), ("clear", stamps)):
            before, after = getattr(old, attr), getattr(new, attr)
            added = [c for c in after if c not in before]
            removed = [c for c in before if c not in after]
            for codes, sign in ((added, "added"), (removed, "removed")):
                if codes:
                    names = _names(labels, codes, "; " if attr == "effects" else ", ")
                    lines.append(Line(f"compare.{attr}_{sign}", {"transition": label, "names": names}))
    for name in edited.operations:
        if name not in current.operations:
            lines.append(Line("compare.operation_added", {"operation": edited.operations[name].label}))
    for name in current.operations:
        if name not in edited.operations:
            lines.append(Line("compare.operation_removed", {"operation": current.operations[name].label}))
    return lines


def stuck_cases(kind: str, current: ProcessDef, edited: ProcessDef) -> list[StuckCases]:
    """Open cases in each open state of `current` that `edited` removes, with their numbers."""
    model = KIND_MODELS[kind]
    out = []
    for state in current.states.values():
        if state.name in edited.states or state.final:
            continue
        numbers = tuple(n for (n,) in (model.select(Case.number).join(Case, on=(model.case == Case.id))
                                       .where(model.state == state.name).order_by(Case.number).tuples()))
        if numbers:
            out.append(StuckCases(state.name, dict(state.label), numbers))
    return out


def compare_with_active(*, actor_id: int, kind: str, process: ProcessDef) -> Comparison:
    """An edited definition of `kind` against the version in force (reads only)."""
    require_admin(actor_id, TEXTS.pair("processes.view_processes"))
    base_id, current = active_version(kind)
    version = current.version
    if base_id is not None:
        from desktop.models import ProcessDefinition

        version = int(ProcessDefinition.get_by_id(base_id).version)
        current = stored_definition(base_id)
    return Comparison(base_id=base_id, base_version=version, stuck=tuple(stuck_cases(kind, current, process)),
                      lines=tuple(compare_definitions(kind, current, process)))
