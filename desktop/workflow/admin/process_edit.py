"""A process definition being edited: edits that each give a new draft, its TOML, and its problems, live.

The diagram editor and the TOML editor edit one `Draft`. A draft may be wrong for a while (a state
nothing leads to yet, a transition nobody may fire): `check` lists every problem at once, each tied
to the state or transition it is about and worded in Korean and English, so the screen can mark it
as it happens. Saving still goes through `processes.save_version`, which validates the TOML exactly
as `beacon process check` does; `check` ends with that same validation so the two never disagree.

No Qt here: the view keeps an undo stack of drafts and calls these functions.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from desktop.errors import BeaconError
from desktop.i18n import LANGUAGES, pick
from desktop.models import CASE_KINDS
from desktop.workflow.admin.texts import EDITS, REFUSALS
from desktop.workflow.engine.effects import describe, registered
from desktop.workflow.engine.fields import FIELDS, STAMPS
from desktop.workflow.engine.process import (
    FOLLOW_UP_KINDS,
    RELATIONS,
    STAY,
    OperationDef,
    ProcessDef,
    ProcessDefinitionError,
    StateDef,
    TransitionDef,
    parse_definition,
)
from desktop.workflow.engine.roles import ROLES
from desktop.workflow.engine.texts import PROBLEMS

Label = dict[str, str]
SAMPLE_NUMBERS = 5
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


class EditError(BeaconError):
    """An edit that cannot be made (a name that does not exist, an empty label); says why in both languages."""

    def __init__(self, reason: str, **params: Any) -> None:
        self.reason = reason
        self.reason_params = params
        super().__init__("process.invalid", file="", key=reason)

    def message(self, language: str | None = None) -> str:
        return EDITS.pick(self.reason, language, **self.reason_params)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a draft: what it is about (`state`, `transition` or `process`), its name, and why."""

    where: str
    name: str
    text: Label

    def message(self, language: str | None = None) -> str:
        return pick(self.text, language)


@dataclass(frozen=True)
class Draft:
    """A process definition as edited: the parts of a `ProcessDef`, not yet validated."""

    kind: str
    name: str
    version: int
    label: Label
    states: dict[str, StateDef]
    transitions: dict[str, TransitionDef]
    operations: dict[str, OperationDef] = field(default_factory=dict)
    follow_ups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    preface: str = field(default="", compare=False)  # the comment lines the text started with

    # --- reading and writing -----------------------------------------------------------------

    @classmethod
    def from_process(cls, process: ProcessDef) -> Draft:
        """The draft of a validated definition (a stored version)."""
        return cls(process.kind, process.name, process.version, dict(process.label), dict(process.states),
                   dict(process.transitions), dict(process.operations), dict(process.follow_ups),
                   _preface(process.source))

    def to_toml(self) -> str:
        """The definition as TOML, in the layout of the shipped files; `read_draft` gives the same draft back."""
        out = [self.preface] if self.preface else []
        out.append("[process]\n" + _lines([("name", self.name), ("kind", self.kind), ("version", self.version),
                                            ("label", self.label)]))
        for s in self.states.values():
            out.append(f"[states.{_key(s.name)}]\n" + _lines([
                ("label", s.label), ("initial", s.initial or None), ("final", s.final or None),
                ("pauses_sla", s.pauses_sla or None), ("stage", s.stage)]))
        for t in self.transitions.values():
            out.append(f"[transitions.{_key(t.name)}]\n" + _lines([
                ("label", t.label), ("from", list(t.sources)), ("to", t.target), ("roles", list(t.roles)),
                ("required", list(t.required) or None), ("optional", list(t.optional) or None),
                ("stamp", list(t.stamp) or None), ("clear", list(t.clear) or None),
                ("effects", list(t.effects) or None)]))
        for i, op in enumerate(self.operations.values()):
            head = "# Things done on a case that do not move it: who may do them, in which states.\n" if i == 0 else ""
            out.append(head + f"[operations.{_key(op.name)}]\n" + _lines([
                ("label", op.label), ("states", list(op.states)), ("roles", list(op.roles))]))
        if self.follow_ups:
            out.append("# Linked records a closer may create, by incident type.\n[follow_ups]\n"
                       + _lines([(k, list(v)) for k, v in self.follow_ups.items()]))
        return "\n".join(out)

    def as_process(self) -> ProcessDef:
        """A `ProcessDef` to draw: references to states that do not exist are left out (`check` names them)."""
        states = self.states
        transitions = {}
        for t in self.transitions.values():
            if t.target != STAY and t.target not in states:
                continue
            transitions[t.name] = replace(t, sources=tuple(s for s in t.sources if s in states))
            if not transitions[t.name].sources and t.sources:
                del transitions[t.name]
        return ProcessDef(self.name, self.kind, self.version, self.label, dict(states), transitions,
                          dict(self.operations), dict(self.follow_ups))

    # --- states --------------------------------------------------------------------------------

    def add_state(self, *, ko: str, en: str, stage: int | None = None, final: bool = False,
                  pauses_sla: bool = False) -> tuple[Draft, str]:
        """A new state (named from its English label); returns the new draft and the state's name."""
        label = _label(ko, en)
        _check_stage(stage)
        name = _unique(_slug(en, "state"), set(self.states) | set(self.transitions))
        states = {**self.states, name: StateDef(name, label, final=final, pauses_sla=pauses_sla, stage=stage)}
        return replace(self, states=states), name

    def rename_state(self, name: str, *, ko: str, en: str) -> Draft:
        state = self._state(name)
        return self._put_state(replace(state, label=_label(ko, en)))

    def renamed_key(self, name: str) -> tuple[Draft, str]:
        """The draft with a state's or transition's code made from its English label (for one added in this
        edit: codes are what stored cases and events hold, so a stored one keeps its code); and the new code."""
        taken = (set(self.states) | set(self.transitions)) - {name}
        if name in self.states:
            new = _unique(_slug(self.states[name].label["en"], "state"), taken)
            if new == name:
                return self, name

            def swap(s: str) -> str:
                return new if s == name else s

            states = {swap(n): replace(s, name=swap(n)) for n, s in self.states.items()}
            transitions = {n: replace(t, sources=tuple(map(swap, t.sources)), target=swap(t.target))
                           for n, t in self.transitions.items()}
            operations = {n: replace(op, states=tuple(map(swap, op.states))) for n, op in self.operations.items()}
            return replace(self, states=states, transitions=transitions, operations=operations), new
        t = self._transition(name)
        new = _unique(_slug(t.label["en"], "transition"), taken)
        if new == name:
            return self, name
        transitions = {(new if n == name else n): (replace(x, name=new) if n == name else x)
                       for n, x in self.transitions.items()}
        return replace(self, transitions=transitions), new

    def set_state(self, name: str, *, stage: int | object | None = ..., final: bool | None = None,
                  pauses_sla: bool | None = None) -> Draft:
        """Change a state's stage (None: no stage), whether it is final, whether it pauses SLA clocks."""
        state = self._state(name)
        if stage is not ...:
            _check_stage(stage)  # type: ignore[arg-type]
            state = replace(state, stage=stage)
        if final is not None:
            state = replace(state, final=final)
        if pauses_sla is not None:
            state = replace(state, pauses_sla=pauses_sla)
        return self._put_state(state)

    def remove_state(self, name: str) -> Draft:
        """Drop a state with the transitions into it; transitions that also leave other states keep those."""
        state = self._state(name)
        if state.initial:
            raise EditError("initial_kept", state=state.label)
        states = {n: s for n, s in self.states.items() if n != name}
        transitions = {}
        for t in self.transitions.values():
            if t.target == name:
                continue
            sources = tuple(s for s in t.sources if s != name)
            if t.sources and not sources:
                continue
            transitions[t.name] = replace(t, sources=sources)
        operations = {n: replace(op, states=tuple(s for s in op.states if s != name))
                      for n, op in self.operations.items()}
        return replace(self, states=states, transitions=transitions, operations=operations)

    # --- transitions ---------------------------------------------------------------------------

    def add_transition(self, source: str, target: str, *, ko: str, en: str,
                       roles: Sequence[str] = ()) -> tuple[Draft, str]:
        """A new transition from `source` to `target` (the same state: it stays); returns the draft and its name."""
        self._state(source)
        self._state(target)
        label = _label(ko, en)
        name = _unique(_slug(en, "transition"), set(self.transitions) | set(self.states))
        to = STAY if source == target else target
        transition = TransitionDef(name, label, (source,), to, tuple(roles))
        return replace(self, transitions={**self.transitions, name: transition}), name

    def set_transition(self, name: str, **changes: Any) -> Draft:
        """Change a transition: `ko`/`en` (its label), `roles`, `required`, `optional`, `stamp`, `clear`,
        `effects` (sequences of names), `sources`, `target`."""
        t = self._transition(name)
        if "ko" in changes or "en" in changes:
            t = replace(t, label=_label(changes.pop("ko", t.label["ko"]), changes.pop("en", t.label["en"])))
        for key in ("roles", "required", "optional", "stamp", "clear", "effects", "sources"):
            if key in changes:
                t = replace(t, **{key: tuple(dict.fromkeys(changes.pop(key)))})
        if "target" in changes:
            target = changes.pop("target")
            if target != STAY:
                self._state(target)
            t = replace(t, target=target)
        if changes:
            raise TypeError(f"set_transition: unknown changes {sorted(changes)}")
        return replace(self, transitions={**self.transitions, name: t})

    def remove_transition(self, name: str) -> Draft:
        t = self._transition(name)
        if t.creates:
            raise EditError("creation_kept", transition=t.label)
        return replace(self, transitions={n: x for n, x in self.transitions.items() if n != name})

    # --- helpers -------------------------------------------------------------------------------

    def _state(self, name: str) -> StateDef:
        if name not in self.states:
            raise EditError("no_such_state", name=name)
        return self.states[name]

    def _transition(self, name: str) -> TransitionDef:
        if name not in self.transitions:
            raise EditError("no_such_transition", name=name)
        return self.transitions[name]

    def _put_state(self, state: StateDef) -> Draft:
        return replace(self, states={**self.states, state.name: state})


def _label(ko: str, en: str) -> Label:
    ko, en = (ko or "").strip(), (en or "").strip()
    if not ko or not en:
        raise EditError("label_needed")
    return {"ko": ko, "en": en}


def _check_stage(stage: object) -> None:
    if stage is not None and (not isinstance(stage, int) or isinstance(stage, bool) or stage < 1):
        raise EditError("bad_stage")


def _slug(text: str, fallback: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")[:40].strip("_")
    return slug if slug and not slug[0].isdigit() else f"{fallback}_{slug}" if slug else fallback


def _unique(name: str, taken: set[str]) -> str:
    if name not in taken:
        return name
    n = 2
    while f"{name}_{n}" in taken:
        n += 1
    return f"{name}_{n}"


def _preface(text: str) -> str:
    lines = []
    for line in text.splitlines(keepends=True):
        if line.strip() and not line.lstrip().startswith("#"):
            break
        lines.append(line)
    while lines and not lines[-1].strip():
        lines.pop()
    return "".join(lines).rstrip("\n") + "\n" if lines else ""


# --- TOML ------------------------------------------------------------------------------------

def _string(value: str) -> str:
    # a JSON string is a TOML basic string, but for DEL, which TOML wants escaped
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _key(name: str) -> str:
    return name if _BARE_KEY.match(name) else _string(name)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {value!r} as TOML")


def _lines(pairs: Iterable[tuple[str, Any]]) -> str:
    return "".join(f"{_key(k)} = {_value(v)}\n" for k, v in pairs if v is not None)


def read_draft(text: str, *, file: str) -> Draft:
    """The draft a TOML text describes, as far as it can be drawn.

    Only what makes it unreadable is refused here (TOML syntax, a missing label, a wrong type);
    what makes it wrong (unknown roles, unreachable states, ...) is for `check` to list.

    Raises:
        ProcessDefinitionError: naming `file`, the key and the problem.
    """
    def fail(key: str, problem: str, **params: Any) -> ProcessDefinitionError:
        return ProcessDefinitionError(file, key, problem, **params)

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise fail("(file)", "bad_toml", reason=str(exc)) from None

    def table(parent: Mapping[str, Any], key: str, path: str, required: bool = True) -> dict[str, Any]:
        value = parent.get(key)
        if value is None:
            if required:
                raise fail(path, "missing")
            return {}
        if not isinstance(value, dict):
            raise fail(path, "bad_type", expected="table")
        return value

    def label(raw: Mapping[str, Any], path: str) -> Label:
        value = raw.get("label")
        if not isinstance(value, dict) or not all(isinstance(value.get(k), str) and value[k] for k in LANGUAGES):
            raise fail(f"{path}.label", "no_label")
        return {k: value[k] for k in LANGUAGES}

    def strings(raw: Mapping[str, Any], key: str, path: str, required: bool = False) -> tuple[str, ...]:
        value = raw.get(key)
        if value is None:
            if required:
                raise fail(f"{path}.{key}", "missing")
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(f"{path}.{key}", "bad_type", expected="a list of strings")
        return tuple(value)

    def flag(raw: Mapping[str, Any], key: str, path: str) -> bool:
        value = raw.get(key, False)
        if not isinstance(value, bool):
            raise fail(f"{path}.{key}", "bad_type", expected="true or false")
        return value

    def entries(key: str, required: bool = True) -> Iterable[tuple[str, str, dict[str, Any]]]:
        for name, raw in table(data, key, key, required).items():
            if not isinstance(raw, dict):
                raise fail(f"{key}.{name}", "bad_type", expected="table")
            yield name, f"{key}.{name}", raw

    head = table(data, "process", "process")
    name = head.get("name")
    if not isinstance(name, str) or not name:
        raise fail("process.name", "missing")
    kind = head.get("kind")
    if kind not in CASE_KINDS:
        raise fail("process.kind", "unknown_kind", value=kind, allowed=", ".join(CASE_KINDS))
    version = head.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise fail("process.version", "bad_type", expected="a positive integer")

    states = {}
    for s_name, path, raw in entries("states"):
        stage = raw.get("stage")
        if stage is not None and (not isinstance(stage, int) or isinstance(stage, bool)):
            raise fail(f"{path}.stage", "bad_type", expected="an integer")
        states[s_name] = StateDef(s_name, label(raw, path), flag(raw, "initial", path), flag(raw, "final", path),
                                  flag(raw, "pauses_sla", path), stage)
    transitions = {}
    for t_name, path, raw in entries("transitions"):
        target = raw.get("to")
        if not isinstance(target, str):
            raise fail(f"{path}.to", "missing")
        transitions[t_name] = TransitionDef(
            t_name, label(raw, path), strings(raw, "from", path, required=True), target,
            strings(raw, "roles", path, required=True), strings(raw, "required", path),
            strings(raw, "optional", path), strings(raw, "stamp", path), strings(raw, "clear", path),
            strings(raw, "effects", path))
    operations = {op: OperationDef(op, label(raw, path), strings(raw, "states", path, required=True),
                                   strings(raw, "roles", path, required=True))
                  for op, path, raw in entries("operations", required=False)}
    raw_follow_ups = table(data, "follow_ups", "follow_ups", required=False)
    follow_ups = {k: strings(raw_follow_ups, k, "follow_ups") for k in raw_follow_ups}
    return Draft(kind, name, version, label(head, "process"), states, transitions, operations, follow_ups,
                 _preface(text))


# --- what a transition may name, with names a person reads ------------------------------------

def new_state_label(number: int) -> Label:
    """What a state added on the diagram is called until it is renamed."""
    return EDITS.pair("new_state", number=number)


def new_transition_label(target: Label) -> Label:
    """What a transition drawn on the diagram is called until it is renamed: after the state it leads to."""
    return EDITS.pair("new_transition", target=target)


def role_choices(known_roles: Iterable[str] = ()) -> list[tuple[str, Label]]:
    """Who may fire a transition: the relations to the case, Beacon's roles, then any role the organisation added."""
    choices = [(code, EDITS.pair(f"relation.{code}")) for code in ("@reporter", "@assignee", "@owner")]
    choices += [(code, {"ko": ko, "en": en}) for code, ko, en, *_ in ROLES]
    shipped = {code for code, _ in choices}
    choices += [(code, {"ko": code, "en": code}) for code in sorted(set(known_roles) - shipped)]
    return choices


def field_choices(kind: str) -> list[tuple[str, Label]]:
    """The fields a transition of `kind` may ask for, with their names."""
    return [(f.name, {"ko": f.ko, "en": f.en}) for f in FIELDS[kind].values()]


def stamp_choices(kind: str) -> list[tuple[str, Label]]:
    """The timestamps a transition of `kind` may stamp or clear, with their names."""
    return [(code, EDITS.pair(f"stamp.{code}")) for code in sorted(STAMPS[kind])]


def effect_choices() -> list[tuple[str, Label]]:
    """Every registered effect with the one line that says what it does."""
    return [(name, {lang: describe(name, lang) for lang in LANGUAGES}) for name in registered()]


# --- checking --------------------------------------------------------------------------------

def _about(subject: Label, problem: Label) -> Label:
    return {lang: f"{pick(subject, lang)}: {pick(problem, lang)}" for lang in LANGUAGES}


def check(draft: Draft, *, known_roles: Iterable[str], in_use: Mapping[str, Sequence[str]] | None = None,
          in_use_labels: Mapping[str, Label] | None = None) -> list[Problem]:
    """Everything wrong with a draft, each tied to its state or transition, in the order a person fixes them.

    `in_use` maps the open states of the version in force to the numbers of open cases in them; a
    draft without such a state is refused as a save would be (`in_use_labels` names those states).
    """
    problems: list[Problem] = []
    roles = set(known_roles) | RELATIONS
    fields, stamps = FIELDS[draft.kind], STAMPS[draft.kind]

    def on_state(name: str, key: str, **params: Any) -> None:
        problems.append(Problem("state", name, PROBLEMS.pair(key, **params)))

    def on_transition(t: TransitionDef, key: str, catalog: Any = PROBLEMS, **params: Any) -> None:
        problems.append(Problem("transition", t.name, _about(t.label, catalog.pair(key, **params))))

    def on_process(text: Label) -> None:
        problems.append(Problem("process", draft.name, text))

    initials = [s for s in draft.states.values() if s.initial]
    if len(initials) != 1:
        on_process(PROBLEMS.pair("no_initial", count=len(initials)))
    if not any(s.final for s in draft.states.values()):
        on_process(PROBLEMS.pair("no_final"))
    creating = [t for t in draft.transitions.values() if t.creates]
    if len(creating) != 1 or (initials and creating[0].target != initials[0].name):
        on_process(PROBLEMS.pair("no_creation"))

    def state_name(name: str) -> Any:
        return draft.states[name].label if name in draft.states else name

    for t in draft.transitions.values():
        for s in t.sources:
            if s not in draft.states:
                on_transition(t, "unknown_state", value=s)
        if t.target != STAY and t.target not in draft.states:
            on_transition(t, "unknown_state", value=t.target)
        if not t.roles:
            on_transition(t, "nobody_may_fire", EDITS)
        for role in t.roles:
            if role not in roles:
                on_transition(t, "unknown_role", value=role)
        for f in (*t.required, *t.optional):
            if f not in fields:
                on_transition(t, "unknown_field", value=f)
        both = set(t.required) & set(t.optional)
        if both:
            on_transition(t, "required_and_optional", EDITS, fields=", ".join(sorted(both)))
        for f in (*t.stamp, *t.clear):
            if f not in stamps:
                on_transition(t, "unknown_stamp", value=f)
        for e in t.effects:
            if e not in registered():
                on_transition(t, "unknown_effect", value=e)

    if len(initials) == 1:
        reached = {initials[0].name}
        frontier = [initials[0].name]
        while frontier:
            here = frontier.pop()
            for t in draft.transitions.values():
                if here in t.sources:
                    there = t.target_from(here)
                    if there in draft.states and there not in reached:
                        reached.add(there)
                        frontier.append(there)
        for s in draft.states.values():
            if s.name not in reached:
                on_state(s.name, "unreachable", value=s.label)
    for s in draft.states.values():
        if not s.final and not any(s.name in t.sources and t.target_from(s.name) != s.name
                                   and t.target_from(s.name) in draft.states for t in draft.transitions.values()):
            on_state(s.name, "dead_end", value=s.label)

    for op in draft.operations.values():
        for s in op.states:
            if s not in draft.states:
                on_process(_about(op.label, PROBLEMS.pair("unknown_state", value=s)))
        for role in op.roles:
            if role not in roles:
                on_process(_about(op.label, PROBLEMS.pair("unknown_role", value=role)))
    for incident_type, kinds in draft.follow_ups.items():
        for k in kinds:
            if k not in FOLLOW_UP_KINDS:
                on_process({lang: f"follow_ups.{incident_type}: {PROBLEMS.pick('unknown_follow_up', lang, value=k)}"
                            for lang in LANGUAGES})

    for state, numbers in (in_use or {}).items():
        if state not in draft.states and numbers:
            shown = ", ".join(numbers[:SAMPLE_NUMBERS]) + (" …" if len(numbers) > SAMPLE_NUMBERS else "")
            on_process(REFUSALS.pair("state_in_use", state=(in_use_labels or {}).get(state, state),
                                     count=len(numbers), numbers=shown))

    if not problems:  # the file's own validation, exactly as saving and `beacon process check` run it
        try:
            parse_definition(draft.to_toml(), file=f"{draft.kind}.toml", known_roles=known_roles)
        except ProcessDefinitionError as exc:
            on_process({lang: exc.message(lang) for lang in LANGUAGES})
    return problems
