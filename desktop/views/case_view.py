"""One case as a handler works it: stage, the buttons this user may press, and tabs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import BeaconError, StaleRecordError
from desktop.views.dialogs import ConflictDialog, TransitionDialog, show_error
from desktop.views.reports import ReportRunner
from desktop.views.session import ClientSession
from desktop.views.table_models import local_text
from desktop.workflow import case_service
from desktop.workflow.detail import ActionInfo, CaseDetail, FieldInfo, case_detail
from desktop.workflow.durations import format_minutes
from desktop.workflow.process import definition
from desktop.workflow.queries import deliveries_of, state_label, timeline

OPERATION_FIELDS: dict[str, tuple[FieldInfo, ...]] = {
    "add_action": (FieldInfo("body", "longtext", "조치 내용", "What was done", True),),
    "comment": (FieldInfo("body", "longtext", "의견", "Comment", True),),
    "issue_work_order": (FieldInfo("title", "text", "제목", "Title", True),
                         FieldInfo("instructions", "longtext", "작업 내용", "Instructions", True),
                         FieldInfo("assignee", "user", "담당자 (비우면 2선 담당자)", "Assignee (empty: second line)",
                                   False)),
    "request_change": (FieldInfo("title", "text", "제목", "Title", True),
                       FieldInfo("description", "longtext", "변경 내용", "What changes", True)),
    "link_problem": (FieldInfo("title", "text", "새 문제 제목", "Title of a new problem", True),
                     FieldInfo("description", "longtext", "내용", "Description", False)),
    "set_parent": (FieldInfo("parent", "text", "상위 장애 번호", "Parent incident number", True),),
}

EVENT_LABELS: dict[str, tuple[str, str]] = {
    "action": ("조치", "Action"), "assignment_fallback": ("팀 배정", "Assigned to team"),
    "unassigned": ("배정 불가", "Nobody assigned"), "work_order_issue": ("작업 지시", "Work order issued"),
    "work_order_start": ("작업 시작", "Work order started"), "work_order_complete": ("작업 완료", "Work order done"),
    "work_order_return": ("작업 반송", "Work order returned"), "change_requested": ("변경 요청", "Change requested"),
    "link_problem": ("문제 연결", "Problem linked"), "service_request_created": ("서비스 요청", "Service request"),
    "set_parent": ("상위 장애 지정", "Parent set"), "unset_parent": ("상위 장애 해제", "Parent removed"),
    "child_added": ("하위 장애 추가", "Child added"), "child_removed": ("하위 장애 제외", "Child removed"),
    "sla_warning": ("SLA 임박", "SLA warning"), "sla_breach": ("SLA 위반", "SLA breached"),
}

CLOSING = ("resolution", "cause", "result", "follow_up_plan", "recurrence_prevention")


class CaseView(QWidget):
    """A case window: header, stage bar, action buttons, tabs. Emits `sig_changed` after a change."""

    sig_changed = Signal(int)

    def __init__(self, session: ClientSession, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_id = case_id
        self.detail: CaseDetail | None = None
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.header = QLabel(self)
        self.header.setObjectName("header")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.stages = QLabel(self)
        self.stages.setObjectName("stages")
        self.stages.setTextFormat(Qt.TextFormat.RichText)
        self.buttons = QHBoxLayout()  # the process's transitions
        self.operations = QHBoxLayout()  # operations and reports, on a second row so the window stays narrow
        self.tabs = QTabWidget(self)
        self.reports = ReportRunner(session, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.stages)
        layout.addLayout(self.buttons)
        layout.addLayout(self.operations)
        layout.addWidget(self.tabs, 1)
        self.resize(980, 720)
        self.refresh()

    # --- building ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the case again and rebuild everything from it."""
        self.detail = d = case_detail(actor_id=self.session.actor.id, case_id=self.case_id)
        lang = self.session.language
        self.setWindowTitle(f"{d.number} {d.title}")
        grade = ""
        if "grade" in d.names:
            grade = (f"<span style='background:{d.grade_color};color:white;border-radius:6px;padding:2px 6px'>"
                     f"&nbsp;{self.session.pick(d.names['grade'], d.names.get('grade_en', ''))}&nbsp;</span> ")
        self.header.setText(f"<h2 style='margin:0'>{d.number} · {_html(d.title)}</h2>"
                            f"<p>{grade}<b>{_html(d.state_label[lang])}</b>"
                            f" · {_html(d.names.get('application', ''))}</p>")
        parts = []
        for stage, label in d.stages:
            style = "font-weight:bold;color:#1565c0" if stage == d.stage else "color:#999"
            parts.append(f"<span style='{style}'>{stage}. {_html(label[lang])}</span>")
        self.stages.setText(" → ".join(parts))
        for row in (self.buttons, self.operations):
            while row.count():
                item = row.takeAt(0)
                if item.widget():
                    item.widget().deleteLater()
        for action in d.transitions:
            self._button(action, f"transition_{action.name}", self.fire, self.buttons)
        self.buttons.addStretch(1)
        for op in d.operations:
            op_with_fields = ActionInfo(op.name, op.ko, op.en, OPERATION_FIELDS.get(op.name, ()), True)
            self._button(op_with_fields, f"operation_{op.name}", self.operate, self.operations)
        self.operations.addStretch(1)
        if d.kind in ("incident", "problem"):
            for name, label, save in (("report_pdf", self.tr("Report (PDF)"), False),
                                      ("report_save", self.tr("Save report…"), True)):
                button = QPushButton(label, self)
                button.setObjectName(name)
                button.clicked.connect(lambda _=False, s=save: self.reports.incident_or_problem(
                    self.detail.kind, self.detail.number, save=s))
                self.operations.addWidget(button)
        current = self.tabs.currentIndex()
        self.tabs.clear()
        self.tabs.addTab(self._overview(d), self.tr("Overview"))
        self.tabs.addTab(self._sla(d), self.tr("SLA"))
        if d.kind in ("incident", "problem"):
            self.tabs.addTab(self._work_orders(d), self.tr("Work orders"))
        self.tabs.addTab(self._links(d), self.tr("Links"))
        if d.kind == "incident":
            self.tabs.addTab(self._propagation(), self.tr("Propagation"))
        self.tabs.addTab(self._history(), self.tr("History"))
        self.tabs.setCurrentIndex(max(0, current))

    def _button(self, action: ActionInfo, name: str, handler: Any, row: QHBoxLayout) -> None:
        button = QPushButton(self.session.pick(action.ko, action.en), self)
        button.setObjectName(name)
        button.clicked.connect(lambda _=False, a=action: handler(a))
        row.addWidget(button)

    def _overview(self, d: CaseDetail) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        zone = self.session.time_zone
        rows = [
            (self.tr("Reporter"), d.names.get("reporter", "")),
            (self.tr("Assignee"), d.names.get("assignee", "")),
            (self.tr("Team"), d.names.get("team", "")),
        ]
        if d.kind == "incident":
            rows += [(self.tr("Urgency"), d.names.get("urgency", "")), (self.tr("Impact"), d.names.get("impact", "")),
                     (self.tr("Registered"), local_text(d.values.get("registered_at"), zone)),
                     (self.tr("Accepted"), local_text(d.values.get("accepted_at"), zone)),
                     (self.tr("Closed"), local_text(d.values.get("closed_at"), zone))]
            if d.parent_number:
                rows.append((self.tr("Parent incident"), d.parent_number))
            if d.children:
                rows.append((self.tr("Child incidents"), ", ".join(d.children)))
        labels = {"description": self.tr("Description"), "resolution": self.tr("Resolution"),
                  "cause": self.tr("Cause"), "result": self.tr("Result"),
                  "follow_up_plan": self.tr("Follow-up plan"),
                  "recurrence_prevention": self.tr("Recurrence prevention"), "root_cause": self.tr("Root cause"),
                  "workaround": self.tr("Workaround"), "solution": self.tr("Solution"),
                  "instructions": self.tr("Instructions"), "cancel_reason": self.tr("Cancel reason")}
        for key, label in labels.items():
            if d.values.get(key):
                rows.append((label, str(d.values[key])))
        for label, value in rows:
            text = QLabel(value, page)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, text)
        return page

    def _sla(self, d: CaseDetail) -> QWidget:
        table = self._table([self.tr("Clock"), self.tr("Target"), self.tr("Elapsed"), self.tr("Remaining"),
                             self.tr("State"), self.tr("Due")])
        lang = self.session.language
        names = {"response": self.tr("Response"), "resolution": self.tr("Resolution")}
        states = {"met": self.tr("Met"), "missed": self.tr("Missed"), "stopped": self.tr("Stopped"),
                  "paused": self.tr("Paused"), "on_track": self.tr("On track"), "warning": self.tr("Warning"),
                  "breached": self.tr("Breached")}
        for status in d.sla:
            per_day = 540 if status.uses_business_time else 1440
            business = self.tr(" (business time)") if status.uses_business_time else ""
            self._append(table, [names.get(status.kind, status.kind),
                                 format_minutes(status.target, lang, minutes_per_day=per_day) + business,
                                 format_minutes(status.elapsed, lang, minutes_per_day=per_day),
                                 format_minutes(status.remaining, lang, minutes_per_day=per_day),
                                 states.get(status.state, status.state),
                                 local_text(status.due_at, self.session.time_zone)])
        return table

    def _work_orders(self, d: CaseDetail) -> QWidget:
        table = self._table([self.tr("Number"), self.tr("Title"), self.tr("State"), self.tr("Assignee"),
                             self.tr("Issued")])
        for wo in d.work_orders:
            self._append(table, [wo.number, wo.title, state_label("work_order", wo.state, self.session.language),
                                 wo.assignee, local_text(wo.opened_at, self.session.time_zone)])
        return table

    def _links(self, d: CaseDetail) -> QWidget:
        table = self._table([self.tr("Link"), self.tr("Number"), self.tr("State")])
        for link_kind, number, kind, state in d.links:
            self._append(table, [link_kind, number, state_label(kind, state, self.session.language)])
        return table

    def _propagation(self) -> QWidget:
        table = self._table([self.tr("Recipient"), self.tr("Why"), self.tr("Notice"), self.tr("Channel"),
                             self.tr("Status"), self.tr("Written"), self.tr("Delivered")])
        zone = self.session.time_zone
        for row in deliveries_of(self.case_id):
            self._append(table, [row.recipient, row.reason, row.kind, row.channel, row.status,
                                 local_text(row.created_at, zone), local_text(row.sent_at, zone)])
        return table

    def _history(self) -> QWidget:
        table = self._table([self.tr("When"), self.tr("What"), self.tr("Who"), self.tr("From → to"),
                             self.tr("Note")])
        kind = self.detail.kind if self.detail else "incident"
        lang = self.session.language
        transitions = definition(kind).transitions
        for entry in timeline(actor_id=self.session.actor.id, case_id=self.case_id):
            if entry.kind in transitions:
                what = transitions[entry.kind].label[lang]
            else:
                label = EVENT_LABELS.get(entry.kind)
                what = self.session.pick(*label) if label else entry.kind
            moves = ""
            if entry.from_state or entry.to_state:
                moves = (f"{state_label(kind, entry.from_state, lang) if entry.from_state else ''} → "
                         f"{state_label(kind, entry.to_state, lang)}")
            self._append(table, [local_text(entry.at, self.session.time_zone), what, entry.actor, moves, entry.note])
        return table

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setVisible(False)
        return table

    def _append(self, table: QTableWidget, values: list[str]) -> None:
        row = table.rowCount()
        table.insertRow(row)
        for column, value in enumerate(values):
            table.setItem(row, column, QTableWidgetItem(value))
        table.resizeColumnsToContents()

    # --- acting -----------------------------------------------------------------------

    def fire(self, action: ActionInfo, initial: dict[str, Any] | None = None) -> bool:
        """Ask for the transition's fields and fire it; on refusal keep what was typed and ask again."""
        assert self.detail is not None
        values = TransitionDialog.ask(self.session, action, self, initial)
        if values is None:
            return False
        try:
            case_service.transition(actor_id=self.session.actor.id, case_id=self.case_id, name=action.name,
                                    version=self.detail.version, fields=values)
        except StaleRecordError as exc:
            if ConflictDialog.ask(self, exc, self.session.language):
                self.refresh()
            return self.fire(action, values) if action.fields else False
        except BeaconError as exc:
            show_error(self, exc, self.session.language)
            return self.fire(action, values) if action.fields else False
        self.refresh()
        self.sig_changed.emit(self.case_id)
        return True

    def operate(self, action: ActionInfo) -> bool:
        """Do an operation (log action, work order, change, problem link, parent)."""
        values = TransitionDialog.ask(self.session, action, self)
        if values is None:
            return False
        actor = self.session.actor.id
        try:
            if action.name in ("add_action", "comment"):
                case_service.add_action(actor_id=actor, case_id=self.case_id, body=values.get("body", ""),
                                        kind="comment" if action.name == "comment" else "note")
            elif action.name == "issue_work_order":
                case_service.issue_work_order(actor_id=actor, parent_id=self.case_id, title=values.get("title", ""),
                                              instructions=values.get("instructions", ""),
                                              assignee_id=values.get("assignee"))
            elif action.name == "request_change":
                case_service.request_change(actor_id=actor, parent_id=self.case_id, title=values.get("title", ""),
                                            description=values.get("description", ""))
            elif action.name == "link_problem":
                case_service.link_problem(actor_id=actor, incident_id=self.case_id,
                                          new_problem={"title": values.get("title", ""),
                                                       "description": values.get("description", "")})
            elif action.name == "set_parent":
                case_service.set_parent(actor_id=actor, case_id=self.case_id, version=None,
                                        parent_id=case_service.case_id_of(values.get("parent", "")))
        except BeaconError as exc:
            show_error(self, exc, self.session.language)
            return False
        self.refresh()
        self.sig_changed.emit(self.case_id)
        return True


def _html(text: str) -> str:
    import html

    return html.escape(text or "")
