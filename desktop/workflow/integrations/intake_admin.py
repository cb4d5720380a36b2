"""What the administrators' intake screen reads and changes: the mapping rules, a dry run of a payload,
the alerts that were triaged, held or refused, and the triage application.

The preview parses and maps exactly as the intake does (`intake.parse_body`, `intake.map_alert`) and
writes nothing; the recent list reads the intake's own events (entity `intake`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.errors import BeaconError
from desktop.models import Case, ConfigurationItem, Event
from desktop.workflow.common.audit import admin_change, record
from desktop.workflow.common.settings import get_setting, put_setting
from desktop.workflow.integrations import intake
from desktop.workflow.integrations.texts import TEXTS


@dataclass(frozen=True)
class MappingRules:
    """The rules as an administrator reads them, in the order the intake tries them."""

    ci_labels: tuple[str, ...]
    ci_map: tuple[tuple[str, str], ...]
    triage_application: str
    severity_label: str
    severity_map: tuple[tuple[str, str], ...]
    default_urgency: str


def mapping_rules() -> MappingRules:
    """The intake's configuration as rules."""
    config = intake.load_config()
    return MappingRules(config.ci_labels, tuple(sorted(config.ci_map.items())), config.triage,
                        config.severity_label, tuple(sorted(config.severity_map.items())), config.default_urgency)


@dataclass(frozen=True)
class PreviewRow:
    """What one alert of a tried payload would do."""

    path: str
    fingerprint: str
    status: str
    title: str
    outcome: str  # created | triaged | held | repeated | resolved | ignored | refused
    application: str
    rule: str
    affected: tuple[str, ...]
    urgency: str
    reason: dict[str, str]


def preview(text: str, *, fmt: str = "alertmanager") -> list[PreviewRow]:
    """Parse and map a payload as the intake would, writing nothing.

    Raises:
        BeaconError: `intake.preview_refused` naming the field, when the intake would refuse the payload.
    """
    config = intake.load_config()
    try:
        alerts = intake.parse_body(fmt, text.encode("utf-8", "surrogatepass"), config)
    except intake.IntakeError as exc:
        raise BeaconError("workflow.bad_value", field=TEXTS.pair("intake_admin.payload"), reason=exc.reason) \
            from None
    return [_preview_one(alert, config) for alert in alerts]


def _preview_one(alert: intake.Alert, config: intake.IntakeConfig) -> PreviewRow:
    link, stale = intake.linked_alert(alert)
    if stale:  # its incident was closed: the intake would open a new one
        link = None
    mapping = intake.map_alert(alert, config)
    urgency, reason = "", dict(mapping.reason)
    if link is not None:
        outcome = "repeated" if alert.status == "firing" else "resolved"
    elif alert.status == "resolved":
        outcome = "ignored"
    elif mapping.held:
        outcome = "held"
    else:
        outcome = "triaged" if mapping.triaged else "created"
        try:
            urgency = intake.urgency_for(alert, config)
        except intake.IntakeError as exc:
            outcome, reason = "refused", exc.reason
    return PreviewRow(alert.path, alert.fingerprint, alert.status, alert.title, outcome, mapping.application_code,
                      mapping.rule, mapping.affected, urgency, reason)


@dataclass(frozen=True)
class RecentAlert:
    """An alert the intake could not simply map: triaged, held or refused."""

    at: datetime
    outcome: str
    fingerprint: str
    title: str
    labels: dict[str, str]
    incident: str
    reason: dict[str, str]


def recent_alerts(limit: int = 100) -> list[RecentAlert]:
    """The latest triaged, held and refused alerts, newest first."""
    query = (Event.select(Event.occurred_at, Event.kind, Event.after)
             .where(Event.entity == intake.EVENT_ENTITY).order_by(Event.id.desc()).limit(limit))
    out = []
    for at, kind, after in query.tuples():
        data: dict[str, Any] = json.loads(after or "{}")
        out.append(RecentAlert(at, kind.removeprefix("alert_"), data.get("fingerprint", ""), data.get("title", ""),
                               data.get("labels", {}), data.get("incident", ""),
                               {"ko": data.get("reason_ko", ""), "en": data.get("reason", "")}))
    return out


def application_choices() -> list[tuple[str, str, str]]:
    """(code, Korean name, English name) of every active application, by code."""
    return list(ConfigurationItem.select(ConfigurationItem.code, ConfigurationItem.name, ConfigurationItem.name_en)
                .where((ConfigurationItem.kind == "application") & (ConfigurationItem.is_active == True))  # noqa: E712
                .order_by(ConfigurationItem.code).tuples())


def set_triage_application(*, actor_id: int, code: str) -> None:
    """Set (or, with "", clear) the application unmapped alerts are registered on; administrators only."""
    with admin_change(actor_id, TEXTS.pair("intake_admin.set_triage")) as actor:
        raw = get_setting(intake.SETTING, {}) or {}
        value = dict(raw) if isinstance(raw, dict) else {}
        before = value.get("triage_application", value.get("default_application", ""))
        value.pop("default_application", None)
        if code:
            value["triage_application"] = code
        else:
            value.pop("triage_application", None)
        put_setting(intake.SETTING, value)
        record(actor, "setting", intake.SETTING, "triage_application_set", {"triage_application": before},
               {"triage_application": code})


def incident_case_id(number: str) -> int | None:
    """The case a listed alert made, to open it."""
    found = Case.select(Case.id).where(Case.number == number).scalar() if number else None
    return int(found) if found is not None else None
