"""Notices: who gets which channel (preferences), and what each notice says (templates).

Every notice is written to the outbox in the transaction of the event that caused
it: one in-app row (delivered by being written) and one row per channel the
recipient chose for that kind of notice (e-mail, webhook), which the dispatcher
delivers later. Texts are rendered at delivery time in the recipient's language.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from desktop.i18n import pick
from desktop.models import (
    Notification,
    NotificationPreference,
    User,
    database,
)
from desktop.workflow.notify.texts import FIELD_LABELS, KIND_LABELS, REASON_LABELS

# --- preferences service ---------------------------------------------------------------

def set_preference(*, user_id: int, channel: str, enabled: bool, kind: str = "*", target: str = "",
                   secret: str = "") -> None:
    """Choose a channel for a kind of notice (`*` = all kinds); in-app needs no preference."""
    if channel not in ("email", "webhook"):
        raise ValueError(f"unknown channel {channel!r}")
    with database.atomic():
        pref = NotificationPreference.get_or_none((NotificationPreference.user == user_id)
                                                  & (NotificationPreference.kind == kind)
                                                  & (NotificationPreference.channel == channel))
        if pref is None:
            NotificationPreference.create(user=user_id, kind=kind, channel=channel, enabled=enabled, target=target,
                                          secret=secret)
        else:
            pref.enabled, pref.target, pref.secret = enabled, target, secret
            pref.save()


# --- rendering -------------------------------------------------------------------------

@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


def render(notification: Notification, recipient: User) -> Rendered:
    """The notice in the recipient's language and time zone."""
    lang = recipient.language if recipient.language in ("ko", "en") else "ko"
    payload = json.loads(notification.payload or "{}")
    kind_label = pick(KIND_LABELS.get(notification.kind, {"ko": notification.kind, "en": notification.kind}), lang)
    number = payload.get("number", "")
    title = payload.get("title", "")
    subject = f"[Beacon] {number} {kind_label}: {title}".strip()
    at = payload.get("at", "")
    when = ""
    if at:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
        zone = ZoneInfo(recipient.time_zone or "Asia/Seoul")
        when = moment.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")
    grade = payload.get("grade_name")
    state = payload.get("state", "")
    if state:
        from desktop.workflow.engine.process import state_label

        state = state_label(payload.get("case_kind", "incident"), state, lang)
    reason = pick(REASON_LABELS.get(notification.reason, {"ko": notification.reason, "en": notification.reason}),
                  lang)
    fields = [("number", number), ("title", title), ("application", payload.get("application", "")),
              ("grade", pick(grade, lang) if isinstance(grade, dict) else ""), ("state", state),
              ("actor", payload.get("actor", "")), ("at", when), ("note", payload.get("note", "")),
              ("reason", reason)]
    shown = [(pick(FIELD_LABELS[name], lang), value) for name, value in fields if value]
    text = kind_label + "\n\n" + "\n".join(f"{label}: {value}" for label, value in shown) + "\n\n— Beacon ITSM\n"
    rows = "".join(f"<tr><th align='left' style='padding:4px 12px 4px 0;color:#555'>{html.escape(label)}</th>"
                   f"<td style='padding:4px 0'>{html.escape(str(value))}</td></tr>" for label, value in shown)
    body_html = (f"<html><body style='font-family:sans-serif'><h2 style='margin:0 0 12px'>{html.escape(kind_label)}"
                 f"</h2><table>{rows}</table><p style='color:#888'>Beacon ITSM</p></body></html>")
    return Rendered(subject=subject, text=text, html=body_html)
