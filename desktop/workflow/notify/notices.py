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

KIND_LABELS: dict[str, dict[str, str]] = {
    "assigned": {"ko": "장애 배정", "en": "Incident assigned to you"},
    "registered": {"ko": "장애 등록", "en": "Incident registered"},
    "accepted": {"ko": "장애 접수", "en": "Incident accepted"},
    "regraded": {"ko": "장애 등급 변경", "en": "Incident grade changed"},
    "closed": {"ko": "장애 종결", "en": "Incident closed"},
    "cancelled": {"ko": "장애 취소", "en": "Incident cancelled"},
    "reopened": {"ko": "장애 재처리", "en": "Incident reopened"},
    "work_order_issued": {"ko": "작업 지시", "en": "Work order issued to you"},
    "work_order_start": {"ko": "작업 시작", "en": "Work order started"},
    "work_order_complete": {"ko": "작업 완료", "en": "Work order completed"},
    "work_order_return": {"ko": "작업 반송", "en": "Work order returned"},
    "sla_warning": {"ko": "SLA 임박 경고", "en": "SLA warning"},
    "sla_breach": {"ko": "SLA 위반", "en": "SLA breached"},
}
REASON_LABELS: dict[str, dict[str, str]] = {
    "primary_handler": {"ko": "업무시스템 주담당자", "en": "primary handler of the application"},
    "second_line": {"ko": "2선 담당자", "en": "second line"},
    "team_lead": {"ko": "담당 팀장", "en": "team lead"},
    "department_head": {"ko": "부서장", "en": "department head"},
    "manual_add": {"ko": "전파 그룹에 수동 추가됨", "en": "added to the propagation group by hand"},
    "reporter": {"ko": "등록자", "en": "you registered it"},
    "assignee": {"ko": "담당자", "en": "you are the assignee"},
    "parent_assignee": {"ko": "원 장애 담당자", "en": "assignee of the parent case"},
    "issuer": {"ko": "작업 지시자", "en": "you issued it"},
}
FIELD_LABELS: dict[str, dict[str, str]] = {
    "number": {"ko": "번호", "en": "Number"},
    "title": {"ko": "제목", "en": "Title"},
    "application": {"ko": "업무시스템", "en": "Application"},
    "grade": {"ko": "등급", "en": "Grade"},
    "state": {"ko": "상태", "en": "State"},
    "actor": {"ko": "처리자", "en": "By"},
    "at": {"ko": "일시", "en": "When"},
    "note": {"ko": "내용", "en": "Note"},
    "reason": {"ko": "수신 사유", "en": "Why you get this"},
}


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
