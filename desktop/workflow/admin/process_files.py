"""Processes as files: upgrades Beacon ships, and a version exported from one database and imported into another.

Shipped upgrades. Each release ships a default definition per process (resources/processes/<kind>.toml).
A database stores the shipped text as its first version and then the versions its administrators save.
When a release ships a text that none of the stored versions is (neither the seeded one nor an adopted
one), it is offered to administrators with its difference against the version in force: adopting it
stores it as a new version in force (checked as any save is); ignoring it remembers that text, so it is
offered again only when a yet newer one ships.

Export and import. A version is exported as its TOML text; importing a file is a save in the editor —
the same checks, the same refusals in the same words — and it becomes the version in force for new cases.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from desktop.errors import BeaconError
from desktop.models import ProcessDefinition
from desktop.workflow.admin.process_trial import Comparison, compare_with_active
from desktop.workflow.admin.processes import (
    ProcessChangeError,
    SavedVersion,
    line_of,
    process_label,
    processes,
    save_version,
)
from desktop.workflow.admin.texts import FILE_TEXTS, TEXTS
from desktop.workflow.common.audit import admin_change, record, require_admin
from desktop.workflow.common.settings import get_setting, put_setting
from desktop.workflow.engine.process import (
    ProcessDef,
    ProcessDefinitionError,
    active_version,
    load_definition_file,
    process_dir,
)

IGNORED_SETTING = "process_shipped_ignored"  # {kind: checksum of the shipped text an administrator ignored}


# --- shipped upgrades -------------------------------------------------------------------------

@dataclass(frozen=True)
class ShippedOffer:
    """A shipped definition the database has no version of, with what adopting it would change."""

    kind: str
    shipped: ProcessDef
    comparison: Comparison

    @property
    def checksum(self) -> str:
        return self.shipped.checksum


def shipped_file(kind: str) -> ProcessDef:
    """The definition this release ships for `kind`, read from disk now (not the cached one)."""
    return load_definition_file(process_dir() / f"{kind}.toml")


def _stored_checksums(kind: str) -> set[str]:
    return {c for (c,) in ProcessDefinition.select(ProcessDefinition.checksum)
            .where(ProcessDefinition.process == kind).tuples()}


def _ignored() -> dict[str, str]:
    value = get_setting(IGNORED_SETTING, {})
    return dict(value) if isinstance(value, dict) else {}


def shipped_offer(*, actor_id: int, kind: str) -> ShippedOffer | None:
    """The shipped definition of `kind` when it is new to this database and not ignored, else None."""
    require_admin(actor_id, TEXTS.pair("processes.view_processes"))
    active_version(kind)  # a database without versions stores the shipped one first: nothing to offer then
    shipped = shipped_file(kind)
    if shipped.checksum in _stored_checksums(kind) or _ignored().get(kind) == shipped.checksum:
        return None
    return ShippedOffer(kind, shipped, compare_with_active(actor_id=actor_id, kind=kind, process=shipped))


def shipped_offers(*, actor_id: int) -> list[ShippedOffer]:
    """Every process with a shipped upgrade on offer, in menu order."""
    return [offer for kind in processes() if (offer := shipped_offer(actor_id=actor_id, kind=kind)) is not None]


def adopt_shipped(*, actor_id: int, kind: str, checksum: str, base_id: int | None) -> SavedVersion:
    """Store the shipped definition offered (`checksum`) as a new version in force, checked as a save is.

    Refused when the shipped file changed since it was offered (the offer is stale), and with the
    editor's refusals (a state open cases are in, someone saved meanwhile).
    """
    shipped = shipped_file(kind)
    if shipped.checksum != checksum:
        raise ProcessChangeError("shipped_changed", kind=kind)
    return save_version(actor_id=actor_id, kind=kind, text=shipped.source, base_id=base_id)


def ignore_shipped(*, actor_id: int, kind: str, checksum: str) -> None:
    """Stop offering this shipped text of `kind` (a newer one is offered again), with its event."""
    with admin_change(actor_id, FILE_TEXTS.pair("ignore_shipped"), kind) as actor:
        ignored = _ignored()
        before = ignored.get(kind)
        ignored[kind] = checksum
        put_setting(IGNORED_SETTING, ignored)
        record(actor, "process", kind, "shipped_ignored", before={"checksum": before},
               after={"checksum": checksum})


# --- export and import ------------------------------------------------------------------------

def export_text(*, actor_id: int, kind: str, process_id: int | None = None) -> tuple[int, str]:
    """The TOML text of a stored version of `kind` (the one in force unless `process_id`): (version, text)."""
    require_admin(actor_id, TEXTS.pair("processes.view_processes"))
    if kind not in processes():
        raise ProcessChangeError("unknown_process", kind=kind)
    if process_id is None:
        process_id, _ = active_version(kind)
    row = ProcessDefinition.get_or_none((ProcessDefinition.id == process_id) & (ProcessDefinition.process == kind))
    if row is None:
        raise BeaconError("workflow.not_found", what=TEXTS.pair("processes.process_version"), ref=process_id)
    return int(row.version), str(row.source)


def version_id(*, actor_id: int, kind: str, version: int) -> int:
    """The stored row of version number `version` of `kind`."""
    require_admin(actor_id, TEXTS.pair("processes.view_processes"))
    found = (ProcessDefinition.select(ProcessDefinition.id)
             .where((ProcessDefinition.process == kind) & (ProcessDefinition.version == version)).scalar())
    if found is None:
        raise BeaconError("workflow.not_found", what=TEXTS.pair("processes.process_version"), ref=f"v{version}")
    return int(found)


def export_file(*, actor_id: int, kind: str, path: Path, process_id: int | None = None) -> int:
    """Write a version's text to `path` (UTF-8); returns the version number written."""
    version, text = export_text(actor_id=actor_id, kind=kind, process_id=process_id)
    path.write_text(text, encoding="utf-8")
    return version


def kind_of_text(text: str, *, file: str) -> str:
    """The process a definition file is for (its `[process] kind`).

    Raises:
        ProcessDefinitionError: the text is not TOML or names no known process — in the editor's words.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProcessDefinitionError(file, "(file)", "bad_toml", reason=str(exc)) from None
    head = data.get("process")
    kind = head.get("kind") if isinstance(head, dict) else None
    if kind not in processes():
        raise ProcessDefinitionError(file, "process.kind", "unknown_kind", value=kind, allowed=", ".join(processes()))
    return str(kind)


def import_text(*, actor_id: int, text: str, file: str) -> tuple[str, SavedVersion]:
    """Save a definition file as the next version in force of the process it names: (kind, saved version).

    Checked exactly as a save in the editor (the same refusals, same words); administrators only.
    """
    require_admin(actor_id, FILE_TEXTS.pair("import_process"))
    kind = kind_of_text(text, file=file)
    return kind, save_version(actor_id=actor_id, kind=kind, text=text, base_id=None)


def read_definition_file(path: Path) -> str:
    """A definition file's text, or the editor's refusal naming the file."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProcessDefinitionError(str(path), "(file)", "unreadable", reason=str(exc)) from None


def label(kind: str) -> dict[str, str]:
    """The Korean and English name of a process (for the offer's headline)."""
    return process_label(kind)


def error_line(text: str, error: BeaconError) -> int | None:
    """The 1-based line of `text` a refusal points at, as the editor marks it (None when it names none)."""
    if not isinstance(error, ProcessDefinitionError):
        return None
    if error.problem == "bad_toml":
        found = re.search(r"line (\d+)", str(error.problem_params.get("reason", "")))
        return int(found.group(1)) if found else None
    return line_of(text, error.key)
