"""One case as a handler works it: stage, the buttons this user may press, and tabs."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import BeaconError, StaleRecordError
from desktop.reports.labels import LINK_KINDS, from_catalog
from desktop.views.accept_dialog import AcceptDialog, notice_texts
from desktop.views.cell_colors import CellColorsDelegate
from desktop.views.dialog_kit import name_inputs, with_mnemonic
from desktop.views.dialogs import ConflictDialog, TransitionDialog, show_error
from desktop.views.pickers import ParentPickerDialog, ProblemPickerDialog
from desktop.views.reports import ReportRunner
from desktop.views.session import ClientSession
from desktop.views.similar_panel import SimilarPanel
from desktop.views.table_models import local_text
from desktop.views.time_chart import TimeChart
from desktop.views.what_changed import WhatChangedPanel
from desktop.workflow.cases import case_service
from desktop.workflow.cases.detail import ActionInfo, CaseDetail, FieldInfo, case_detail
from desktop.workflow.cases.queries import OUTSIDE, TimelineEntry, deliveries_of, timeline
from desktop.workflow.engine.process import process_of_case, state_label
from desktop.workflow.prevention import similar as similar_service
from desktop.workflow.prevention.similar import Choice
from desktop.workflow.sla.durations import duration_label, format_minutes

OPERATION_FIELDS: dict[str, tuple[FieldInfo, ...]] = {
    "add_action": (FieldInfo("body", "longtext", "조치 내용", "What was done", True),
                   FieldInfo("acted_at", "datetime", "조치 일시", "When it was done", False),
                   FieldInfo("minutes_spent", "text", "소요 시간 (분)", "Minutes spent", False)),
    "comment": (FieldInfo("body", "longtext", "의견", "Comment", True),),
    "issue_work_order": (FieldInfo("title", "text", "제목", "Title", True),
                         FieldInfo("instructions", "longtext", "작업 내용", "Instructions", True),
                         FieldInfo("assignee", "user", "담당자 (비우면 2선 담당자)", "Assignee (empty: second line)",
                                   False)),
    "request_change": (FieldInfo("title", "text", "제목", "Title", True),
                       FieldInfo("description", "longtext", "변경 내용", "What changes", True)),
}
# link_problem and set_parent choose a case in a picker (desktop/views/pickers.py), not in a form

EVENT_LABELS: dict[str, tuple[str, str]] = {
    "action": ("조치", "Action"), "assignment_fallback": ("팀 배정", "Assigned to team"),
    "unassigned": ("배정 불가", "Nobody assigned"), "work_order_issue": ("작업 지시", "Work order issued"),
    "work_order_start": ("작업 시작", "Work order started"), "work_order_complete": ("작업 완료", "Work order done"),
    "work_order_return": ("작업 반송", "Work order returned"), "change_requested": ("변경 요청", "Change requested"),
    "link_problem": ("문제 연결", "Problem linked"), "service_request_created": ("서비스 요청", "Service request"),
    "service_request_delivered": ("서비스 요청 전달", "Service request delivered"),
    "set_parent": ("상위 장애 지정", "Parent set"), "unset_parent": ("상위 장애 해제", "Parent removed"),
    "child_added": ("하위 장애 추가", "Child added"), "child_removed": ("하위 장애 제외", "Child removed"),
    "sla_warning": ("SLA 임박", "SLA warning"), "sla_breach": ("SLA 위반", "SLA breached"),
    "imported": ("다른 ITSM에서 가져옴", "Imported from another ITSM"), "link_change": ("변경 연결", "Change linked"),
    "alert_unlinked": ("알림 연결 해제 (다시 울려 새 장애로)", "Alert unlinked (it fired again: a new incident)"),
    "propagation_add": ("전파 대상 추가 (이 장애만)", "Added to who is told (this incident)"),
    "propagation_remove": ("전파 대상 제외 (이 장애만)", "Left out of who is told (this incident)"),
    "suspected_cause": ("의심 원인 지정", "Suspected cause marked"),
    "suspected_cause_cleared": ("의심 원인 해제", "Suspected cause cleared"),
}

CLOSING = ("resolution", "cause", "result", "follow_up_plan", "recurrence_prevention")
ACTION_KINDS = tuple(k for k in case_service.ACTION_KINDS if k != "comment")  # comments have their own button


class CaseView(QWidget):
    """A case window: header, stage bar, action buttons, tabs. Emits `sig_changed` after a change.

    `sig_open_case` asks the main window to open a linked case (a double-click in the change,
    linked problem or linked incidents tab).
    """

    sig_changed = Signal(int)
    sig_open_case = Signal(int)

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
        self.tabs.currentChanged.connect(self._tab_shown)
        self.reports = ReportRunner(session, self)
        # pages kept across refreshes, so what is typed into the action form survives a reload
        self.actions_page = self._actions_page()
        self.chart = TimeChart(self)
        self.chart.setObjectName("time_chart")
        self.chart_page = self._chart_page()
        self.similar_page = SimilarPanel(session, mode="case", parent=self)
        self.similar_page.sig_chosen.connect(self.act_on_similar)
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
                            f" · {_html(self.name_of(d, 'application'))}</p>")
        parts = []
        for stage, label in d.stages:
            # the current stage as a filled pill: readable on the light and the dark theme alike
            style = ("font-weight:bold;color:white;background-color:#1565c0" if stage == d.stage
                     else "color:#8a8a8a")
            parts.append(f"<span style='{style}'>&nbsp;{stage}. {_html(label[lang])}&nbsp;</span>")
        self.stages.setText(" → ".join(parts))
        for row in (self.buttons, self.operations):
            while row.count():
                item = row.takeAt(0)
                if item.widget():
                    item.widget().deleteLater()
        taken = {"a"}  # Alt+A: the Actions tab's Add action
        for action in d.transitions:
            self._button(action, f"transition_{action.name}", self.fire, self.buttons, taken)
        self.buttons.addStretch(1)
        for op in d.operations:
            op_with_fields = ActionInfo(op.name, op.ko, op.en, OPERATION_FIELDS.get(op.name, ()), True)
            self._button(op_with_fields, f"operation_{op.name}", self.operate, self.operations, taken)
        self.operations.addStretch(1)
        if d.kind in ("incident", "problem"):
            for name, label, save in (("report_pdf", self.tr("Report (PDF)"), False),
                                      ("report_save", self.tr("Save report…"), True)):
                button = QPushButton(label, self)
                button.setObjectName(name)
                button.clicked.connect(lambda _=False, s=save: self.reports.incident_or_problem(
                    self.detail.kind, self.detail.number, save=s))
                self.operations.addWidget(button)
        self._fill_tabs(d)

    def _fill_tabs(self, d: CaseDetail) -> None:
        current = self.tabs.currentWidget().objectName() if self.tabs.currentWidget() else ""
        kept = (self.actions_page, self.chart_page, self.similar_page)
        old = [self.tabs.widget(i) for i in range(self.tabs.count())]
        self.tabs.clear()
        for page in old:
            if page not in kept:
                page.deleteLater()
        work = d.kind in ("incident", "problem")
        pages: list[tuple[str, QWidget, str]] = [("overview", self._overview(d), self.tr("Overview"))]
        if work:
            self._fill_actions(d)
            pages.append(("actions", self.actions_page, self.tr("Actions")))
        pages.append(("sla", self._sla(d), self.tr("SLA")))
        if work:
            pages.append(("work_orders", self._work_orders(d), self.tr("Work orders")))
            pages.append(("changes", self._changes(d), self.tr("Change")))
        if d.kind == "incident" and d.service_requests:
            pages.append(("service_requests", self._service_requests(d), self.tr("Service requests")))
        if d.kind == "incident" and not self.session.actor.is_customer_only:
            pages.append(("what_changed", self._what_changed(), self.tr("What changed?")))
        if d.kind == "incident":
            pages.append(("problems", self._problems(d), self.tr("Linked problem")))
            pages.append(("propagation", self._propagation(), self.tr("Propagation")))
            # similar cases, each with why, and the one click this case allows now
            operations = {op.name for op in d.operations}
            self.similar_page.set_actions(duplicate=any(t.name == "cancel" for t in d.transitions),
                                          parent="set_parent" in operations,
                                          known_error="link_problem" in operations)
            self.similar_page.request_case(self.case_id)
            pages.append(("similar", self.similar_page, self.tr("Similar")))
        if d.kind == "problem":
            pages.append(("incidents", self._incidents(d), self.tr("Linked incidents")))
        if work:
            self.chart.set_timeline(d.timeline, kind=d.kind, language=self.session.language,
                                    time_zone=self.session.time_zone)
            pages.append(("time_chart", self.chart_page, self.tr("Time chart")))
        pages.append(("history", self._history(), self.tr("History")))
        # the general link list, where it still shows something no other tab does (duplicates, related)
        others = [link for link in d.links if not work or link[0] not in ("problem", "change")]
        if others:
            pages.append(("links", self._links(others), self.tr("Links")))
        for name, page, label in pages:
            page.setObjectName(f"tab_{name}")
            self.tabs.addTab(page, label)
        for i in range(self.tabs.count()):
            if self.tabs.widget(i).objectName() == current:
                self.tabs.setCurrentIndex(i)

    def act_on_similar(self, choice: Choice) -> bool:
        """A click in the Similar tab: cancel this incident as a duplicate (asked first), make the other its
        parent, or link the problem and copy its workaround — each one transaction; a refusal is shown."""
        d = self.detail
        actor = self.session.actor.id
        try:
            if choice.kind == "duplicate":
                asked = QMessageBox.question(self, self.tr("Duplicate"), self.tr(
                    "Cancel {0} as a duplicate of {1}? It is linked to {1} and leaves the open lists.")
                    .format(d.number, choice.number))
                if asked != QMessageBox.StandardButton.Yes:
                    return False
                similar_service.mark_duplicate(actor_id=actor, case_id=self.case_id, version=d.version,
                                               duplicate_of=choice.case_id)
            elif choice.kind == "parent":
                case_service.set_parent(actor_id=actor, case_id=self.case_id, version=d.version,
                                        parent_id=choice.case_id)
            else:
                similar_service.link_known_error(actor_id=actor, incident_id=self.case_id, problem_id=choice.case_id)
        except StaleRecordError as exc:
            ConflictDialog.ask(self, exc, self.session.language)
            self.refresh()
            return False
        except BeaconError as exc:
            show_error(self, exc, self.session.language)
            return False
        self.refresh()
        self.sig_changed.emit(self.case_id)
        return True

    def _tab_shown(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.actions_page and self._action_time_is_now:
            self._action_time_now()  # a window left open for an hour should not offer an hour-old "now"

    def tab(self, name: str) -> QWidget | None:
        """The page of a tab by its name (overview, actions, changes, time_chart, ...), if shown."""
        for i in range(self.tabs.count()):
            if self.tabs.widget(i).objectName() == f"tab_{name}":
                return self.tabs.widget(i)
        return None

    def name_of(self, d: CaseDetail, key: str) -> str:
        """A related record's name (application, person, team, urgency, ...) in the window's language."""
        return self.session.pick(d.names.get(key, ""), d.names.get(f"{key}_en", ""))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc closes the case window, as it closes a dialog."""
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.close()
            return
        super().keyPressEvent(event)

    def _button(self, action: ActionInfo, name: str, handler: Any, row: QHBoxLayout, taken: set[str]) -> None:
        # a mnemonic on every button (접수(&C) / &Accept), so a handler works the case from the keyboard
        button = QPushButton(with_mnemonic(self.session.pick(action.ko, action.en), taken, action.en), self)
        button.setObjectName(name)
        button.clicked.connect(lambda _=False, a=action: handler(a))
        row.addWidget(button)

    def _overview(self, d: CaseDetail) -> QWidget:
        page = QWidget(self)
        outer = QVBoxLayout(page)
        if d.kind == "problem":
            outer.addWidget(self._known_error_box(d, page))
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        zone = self.session.time_zone
        rows = [
            (self.tr("Reporter"), self.name_of(d, "reporter")),
            (self.tr("Assignee"), self.name_of(d, "assignee")),
            (self.tr("Team"), self.name_of(d, "team")),
        ]
        if d.kind == "incident":
            rows += [(self.tr("Urgency"), self.name_of(d, "urgency")), (self.tr("Impact"), self.name_of(d, "impact")),
                     (self.tr("Occurred"), local_text(d.values.get("occurred_at"), zone) or self.tr("not given")),
                     (self.tr("Registered"), local_text(d.values.get("registered_at"), zone)),
                     (self.tr("Accepted"), local_text(d.values.get("accepted_at"), zone)),
                     (self.tr("Closed"), local_text(d.values.get("closed_at"), zone))]
            if d.parent_number:
                rows.append((self.tr("Parent incident"), d.parent_number))
            if d.children:
                rows.append((self.tr("Child incidents"), ", ".join(d.children)))
            if d.problems:
                rows.append((self.tr("Linked problem"), ", ".join(
                    f"{p.number} ({state_label('problem', p.state, self.session.language)})" for p in d.problems)))
        if d.kind == "problem":
            rows += [(self.tr("Registered"), local_text(d.values.get("registered_at"), zone)),
                     (self.tr("Closed"), local_text(d.values.get("closed_at"), zone)),
                     (self.tr("Linked incidents"), str(len(d.incidents)))]
        labels = {"description": self.tr("Description"), "resolution": self.tr("Resolution"),
                  "cause": self.tr("Cause"), "result": self.tr("Result"),
                  "follow_up_plan": self.tr("Follow-up plan"),
                  "recurrence_prevention": self.tr("Recurrence prevention"),
                  "instructions": self.tr("Instructions"), "cancel_reason": self.tr("Cancel reason")}
        if d.kind != "problem":  # a problem shows these in its box above
            labels.update({"root_cause": self.tr("Root cause"), "workaround": self.tr("Workaround"),
                           "solution": self.tr("Solution")})
        for key, label in labels.items():
            if d.values.get(key):
                rows.append((label, str(d.values[key])))
        for label, value in rows:
            text = QLabel(value, page)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, text)
        return page

    def _known_error_box(self, d: CaseDetail, parent: QWidget) -> QWidget:
        """A problem's findings first: known error or not, root cause, workaround, solution, verification."""
        box = QGroupBox(self.tr("Root cause and workaround"), parent)
        box.setObjectName("known_error_box")
        form = QFormLayout(box)
        if d.values.get("is_known_error"):
            since = local_text(d.values.get("known_error_at"), self.session.time_zone)
            flag = QLabel(self.tr("Known error since {when}").format(when=since), box)
            flag.setStyleSheet("background:#c62828;color:white;border-radius:6px;padding:2px 8px;"
                               "font-weight:bold;")
        else:
            flag = QLabel(self.tr("Not a known error yet"), box)
        flag.setObjectName("known_error")
        flag_row = QHBoxLayout()
        flag_row.addWidget(flag)
        flag_row.addStretch(1)
        form.addRow(self.tr("Known error"), flag_row)
        for key, label in (("root_cause", self.tr("Root cause")), ("workaround", self.tr("Workaround")),
                           ("solution", self.tr("Solution")), ("verification_result", self.tr("Verification"))):
            value = str(d.values.get(key) or "")
            text = QLabel(value or self.tr("— not recorded yet"), box)
            text.setObjectName(f"problem_{key}")
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if value:
                text.setStyleSheet("font-weight:bold;")
            else:
                text.setEnabled(False)
            form.addRow(label, text)
        return box

    # --- actions (조치 내역) ----------------------------------------------------------------

    def _actions_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.action_form = box = QGroupBox(self.tr("Log an action"), page)
        form = QFormLayout(box)
        self.action_body = QPlainTextEdit(box)
        self.action_body.setObjectName("action_body")
        self.action_body.setPlaceholderText(self.tr("What was done, what was found"))
        self.action_body.setFixedHeight(64)
        self.action_when = QDateTimeEdit(box)
        self.action_when.setObjectName("action_when")
        self.action_when.setCalendarPopup(True)
        self.action_when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.action_when.dateTimeChanged.connect(self._action_time_edited)
        self.action_when.setToolTip(self.tr("When it was done, in your time zone; earlier than now if you log "
                                            "it afterwards"))
        self.action_minutes = QSpinBox(box)
        self.action_minutes.setObjectName("action_minutes")
        self.action_minutes.setRange(0, 100000)
        self.action_minutes.setSpecialValueText(self.tr("not given"))
        self.action_minutes.setSuffix(self.tr(" min"))
        self.action_kind = QComboBox(box)
        self.action_kind.setObjectName("action_kind")
        kind_names = self._action_kind_names()
        for kind in ACTION_KINDS:
            self.action_kind.addItem(kind_names[kind], kind)
        self.action_add = QPushButton(self.tr("&Add action"), box)
        self.action_add.setObjectName("action_add")
        self.action_add.clicked.connect(self.add_action)
        self.action_error = QLabel("", box)
        self.action_error.setObjectName("action_error")
        self.action_error.setWordWrap(True)
        self.action_error.setStyleSheet("color: #e53935;")
        self.action_error.hide()
        when_row = QHBoxLayout()
        when_row.addWidget(self.action_when)
        now_button = QPushButton(self.tr("Now"), box)
        now_button.setObjectName("action_now")
        now_button.clicked.connect(self._action_time_now)
        when_row.addWidget(now_button)
        when_row.addSpacing(12)
        when_row.addWidget(QLabel(self.tr("Minutes spent"), box))
        when_row.addWidget(self.action_minutes)
        when_row.addSpacing(12)
        when_row.addWidget(QLabel(self.tr("Kind"), box))
        when_row.addWidget(self.action_kind)
        when_row.addStretch(1)
        when_row.addWidget(self.action_add)
        form.addRow(self.tr("What was done *"), self.action_body)
        form.addRow(self.tr("When it was done"), when_row)
        form.addRow(self.action_error)
        name_inputs(form)
        self.action_minutes.setAccessibleName(self.tr("Minutes spent"))
        self.action_kind.setAccessibleName(self.tr("Kind"))
        self.actions_table = self._table([self.tr("Done at"), self.tr("Written at"), self.tr("Who"), self.tr("Kind"),
                                          self.tr("Minutes"), self.tr("What was done")], page)
        self.actions_table.setObjectName("actions_table")
        layout.addWidget(box)
        layout.addWidget(self.actions_table, 1)
        self._action_time_now()
        return page

    def _action_kind_names(self) -> dict[str, str]:
        return {"note": self.tr("Note", "action kind"), "investigation": self.tr("Investigation"),
                "fix": self.tr("Fix"), "contact": self.tr("Contact"),
                "workaround": self.tr("Workaround", "action kind"), "comment": self.tr("Comment")}

    def _action_time_now(self) -> None:
        """Show this minute in the user's time zone (not the machine's); untouched, it means "when I press Add"."""
        now = datetime.now(ZoneInfo(self.session.time_zone)).replace(second=0, microsecond=0, tzinfo=None)
        self.action_when.blockSignals(True)
        self.action_when.setDateTime(QDateTime(now))
        self.action_when.blockSignals(False)
        self._action_time_is_now = True

    def _action_time_edited(self) -> None:
        self._action_time_is_now = False

    def _fill_actions(self, d: CaseDetail) -> None:
        self.action_form.setVisible(any(op.name == "add_action" for op in d.operations))
        table = self.actions_table
        table.setRowCount(0)
        zone = self.session.time_zone
        kinds = self._action_kind_names()
        for a in d.actions:  # newest first
            written = local_text(a.recorded_at, zone) if a.back_dated else ""
            minutes = format_minutes(a.minutes_spent, self.session.language) if a.minutes_spent else ""
            self._append(table, [local_text(a.acted_at, zone), written, self.session.pick(a.actor, a.actor_en),
                                 kinds.get(a.kind, a.kind), minutes,
                                 a.body], resize=False)
            if a.back_dated:
                note = self.tr("Logged afterwards: written at {written}").format(written=written)
                for column in (0, 1):
                    table.item(table.rowCount() - 1, column).setToolTip(note)
                table.item(table.rowCount() - 1, 1).setForeground(QColor("#ef6c00"))
            table.item(table.rowCount() - 1, 5).setToolTip(a.body)
        _fit_columns(table)

    def add_action(self) -> bool:
        """Log the action typed into the form; a refusal is shown under the form and nothing is lost."""
        acted_at = None  # the time was left at "now": the moment of saving, to the second
        if not self._action_time_is_now:
            local = self.action_when.dateTime().toPython().replace(tzinfo=ZoneInfo(self.session.time_zone))
            acted_at = local.astimezone(UTC)
        minutes = self.action_minutes.value() or None
        try:
            case_service.add_action(actor_id=self.session.actor.id, case_id=self.case_id,
                                    body=self.action_body.toPlainText(), kind=self.action_kind.currentData(),
                                    acted_at=acted_at, minutes_spent=minutes,
                                    time_zone=self.session.time_zone)
        except BeaconError as exc:
            self.action_error.setText(exc.message(self.session.language))
            self.action_error.show()
            return False
        self.action_error.hide()
        self.action_body.clear()
        self.action_minutes.setValue(0)
        self._action_time_now()
        self.refresh()
        self.sig_changed.emit(self.case_id)
        return True

    # --- the other tabs ---------------------------------------------------------------

    def _chart_page(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget(scroll)
        layout = QVBoxLayout(inner)
        hint = QLabel(self.tr("Stages as bands, actions and other events as marks, SLA targets as dashed lines. "
                              "Point at a mark for details."), inner)
        hint.setWordWrap(True)
        hint.setEnabled(False)
        layout.addWidget(self.chart)
        layout.addWidget(hint)
        layout.addStretch(1)
        scroll.setWidget(inner)
        return scroll

    def _sla(self, d: CaseDetail) -> QWidget:
        """Each clock's figures in its own measure, which the Basis column names (wall clock or business
        time, and how long a day is); time past the target reads "… over", never as a negative figure."""
        table = self._table([self.tr("Clock"), self.tr("Basis"), self.tr("Target"), self.tr("Elapsed"),
                             self.tr("Remaining"), self.tr("State"), self.tr("Due")])
        lang = self.session.language
        names = {"response": self.tr("Response", "SLA clock"), "resolution": self.tr("Resolution", "SLA clock")}
        states = {"met": self.tr("Met"), "missed": self.tr("Missed"), "stopped": self.tr("Stopped"),
                  "paused": self.tr("Paused"), "on_track": self.tr("On track"), "warning": self.tr("Warning"),
                  "breached": self.tr("Breached")}
        for status in d.sla:
            # a business day is the clock's calendar's working day, not a fixed nine hours
            per_day = d.sla_minutes_per_day.get(status.kind, 24 * 60)
            basis = duration_label(business=status.uses_business_time, minutes_per_day=per_day, lang=lang)
            if status.remaining < 0:
                remaining = self.tr("{0} over").format(format_minutes(-status.remaining, lang,
                                                                      minutes_per_day=per_day))
            else:
                remaining = format_minutes(status.remaining, lang, minutes_per_day=per_day)
            self._append(table, [names.get(status.kind, status.kind), basis,
                                 format_minutes(status.target, lang, minutes_per_day=per_day),
                                 format_minutes(status.elapsed, lang, minutes_per_day=per_day),
                                 remaining, states.get(status.state, status.state),
                                 local_text(status.due_at, self.session.time_zone)])
            if status.remaining < 0:
                table.item(table.rowCount() - 1, 4).setForeground(QColor("#d32f2f"))
        return table

    def _work_orders(self, d: CaseDetail) -> QWidget:
        table = self._table([self.tr("Number"), self.tr("Title"), self.tr("State"), self.tr("Assignee"),
                             self.tr("Issued")])
        for wo in d.work_orders:
            self._append(table, [wo.number, wo.title, state_label("work_order", wo.state, self.session.language),
                                 wo.assignee,
                                 local_text(wo.opened_at, self.session.time_zone)], case_id=wo.case_id)
        self._open_on_double_click(table)
        return table

    def _changes(self, d: CaseDetail) -> QWidget:
        table = self._table([self.tr("Number"), self.tr("Title"), self.tr("Type"), self.tr("State"),
                             self.tr("Requested"), self.tr("Planned"), self.tr("Implemented"), self.tr("Closed")])
        zone, lang = self.session.time_zone, self.session.language
        types = {"program": self.tr("Program"), "data": self.tr("Data"), "infrastructure": self.tr("Infrastructure")}
        for c in d.changes:
            planned = ""
            if c.planned_start or c.planned_end:
                planned = f"{local_text(c.planned_start, zone)} – {local_text(c.planned_end, zone)}"
            self._append(table, [c.number, c.title, types.get(c.change_type, c.change_type),
                                 state_label("change", c.state, lang), local_text(c.requested_at, zone), planned,
                                 local_text(c.implemented_at, zone), local_text(c.closed_at, zone)], case_id=c.case_id)
        self._open_on_double_click(table)
        return self._with_note(table, self.tr("A change runs its own process and may close after this case. "
                                              "Double-click a row to open it."),
                               self.tr("No change has been requested from this case."))

    def _service_requests(self, d: CaseDetail) -> QWidget:
        """SRs sent to other systems: where, what came back, and how the delivery stands."""
        table = self._table([self.tr("System"), self.tr("Title"), self.tr("External ID"),
                             self.tr("Status", "of an SR in the other system"), self.tr("Delivery"),
                             self.tr("Requested"), self.tr("Delivered"), self.tr("Last error")])
        zone = self.session.time_zone
        statuses = {"requested": self.tr("Requested", "SR status"), "registered": self.tr("Registered", "SR status"),
                    "in_progress": self.tr("In progress"), "done": self.tr("Done"), "rejected": self.tr("Rejected")}
        colors = {"sent": "#2e7d32", "failed": "#ef6c00", "dead": "#c62828"}
        for sr in d.service_requests:
            if sr.delivery == "failed":
                delivery = self.tr("Retrying ({attempts} failed), next {when}").format(
                    attempts=sr.attempts, when=local_text(sr.next_attempt_at, zone))
            else:
                delivery = {"recorded": self.tr("Recorded only (system not configured)"),
                            "pending": self.tr("Queued"), "sending": self.tr("Sending"),
                            "sent": self.tr("Delivered", "SR delivery state"),
                            "dead": self.tr("Failed after {attempts} attempts — an administrator can retry it")
                            .format(attempts=sr.attempts),
                            "discarded": self.tr("Discarded by an administrator")}.get(sr.delivery, sr.delivery)
            self._append(table, [sr.system, sr.title, sr.external_ref or "—", statuses.get(sr.state, sr.state),
                                 delivery, local_text(sr.created_at, zone), local_text(sr.delivered_at, zone),
                                 sr.last_error])
            row = table.rowCount() - 1
            if sr.delivery in colors:
                table.item(row, 4).setForeground(QColor(colors[sr.delivery]))
            if sr.url:
                table.item(row, 2).setToolTip(sr.url)
            if sr.last_error:
                table.item(row, 7).setToolTip(sr.last_error)
        return self._with_note(table, self.tr("Sent through the outbox like every notice: retried until the other "
                                              "system answers, each delivery once."), "")

    def _what_changed(self) -> QWidget:
        panel = WhatChangedPanel(self.session, self.case_id, self)
        panel.sig_open_case.connect(self.open_linked)
        panel.sig_changed.connect(self._suspected_changed)
        return panel

    def _suspected_changed(self) -> None:
        self.refresh()  # the history and links show the mark too
        self.sig_changed.emit(self.case_id)

    def _problems(self, d: CaseDetail) -> QWidget:
        table = self._table([self.tr("Number"), self.tr("Title"), self.tr("State"), self.tr("Known error"),
                             self.tr("Root cause"), self.tr("Workaround")])
        lang = self.session.language
        for p in d.problems:
            self._append(table, [p.number, p.title, state_label("problem", p.state, lang),
                                 self.tr("Yes") if p.is_known_error else self.tr("No"), p.root_cause, p.workaround],
                         case_id=p.case_id)
            for column, text in ((4, p.root_cause), (5, p.workaround)):
                table.item(table.rowCount() - 1, column).setToolTip(text)
        self._open_on_double_click(table)
        return self._with_note(table, self.tr("Double-click a problem to open it."),
                               self.tr("No problem is linked. 'Link problem' picks an open problem or a known error, "
                                       "or registers a new one from this incident."))

    def _incidents(self, d: CaseDetail) -> QWidget:
        table = self._table([self.tr("Number"), self.tr("Grade"), self.tr("Title"), self.tr("State"),
                             self.tr("Registered")])
        lang, zone = self.session.language, self.session.time_zone
        for i in d.incidents:
            self._append(table, [i.number, self.session.pick(i.grade, i.grade_en), i.title,
                                 state_label("incident", i.state, lang), local_text(i.registered_at, zone)],
                         case_id=i.case_id)
            if i.grade_color:
                grade = table.item(table.rowCount() - 1, 1)
                grade.setBackground(QColor(i.grade_color))
                grade.setForeground(QColor("white"))
        self._open_on_double_click(table)
        return self._with_note(table, self.tr("Double-click an incident to open it."),
                               self.tr("No incident is linked to this problem yet."))

    def _links(self, links: list[tuple[str, str, str, str]]) -> QWidget:
        table = self._table([self.tr("Link"), self.tr("Number"), self.tr("State")])
        lang = self.session.language
        for link_kind, number, kind, state in links:
            self._append(table, [from_catalog(LINK_KINDS, link_kind, lang), number, state_label(kind, state, lang)])
        return table

    def _propagation(self) -> QWidget:
        table = self._table([self.tr("Recipient"), self.tr("Why"), self.tr("Notice"), self.tr("Channel"),
                             self.tr("Status"), self.tr("Written"), self.tr("Delivered")])
        zone = self.session.time_zone
        texts = notice_texts(self.session.language)  # the words the printed report uses
        for row in deliveries_of(self.case_id):
            self._append(table, [self.session.pick(row.recipient, row.recipient_en), texts.reason(row.reason),
                                 texts.kind(row.kind), texts.channel(row.channel), texts.status(row.status),
                                 local_text(row.created_at, zone), local_text(row.sent_at, zone)])
        return table

    def _history(self) -> QWidget:
        table = self._table([self.tr("When"), self.tr("What"), self.tr("Who"), self.tr("From → to"),
                             self.tr("Note")])
        kind = self.detail.kind if self.detail else "incident"
        lang = self.session.language
        transitions = process_of_case(self.case_id).transitions  # the case's own version names its steps
        for entry in timeline(actor_id=self.session.actor.id, case_id=self.case_id):
            if entry.kind == OUTSIDE:
                self._outside_row(table, entry)
                continue
            if entry.kind in transitions:
                what = transitions[entry.kind].label[lang]
            else:
                label = EVENT_LABELS.get(entry.kind)
                what = self.session.pick(*label) if label else entry.kind
            moves = ""
            if entry.from_state or entry.to_state:
                moves = (f"{state_label(kind, entry.from_state, lang) if entry.from_state else ''} → "
                         f"{state_label(kind, entry.to_state, lang)}")
            note = entry.note
            if entry.kind in ("propagation_add", "propagation_remove"):  # the person, named in this language
                person = json.loads(entry.after or "{}")
                note = self.session.pick(person.get("name", note), person.get("name_en", ""))
            self._append(table, [local_text(entry.at, self.session.time_zone), what,
                                 self.session.pick(entry.actor, entry.actor_en), moves, note], resize=False)
        _fit_columns(table)
        return table

    def _outside_row(self, table: QTableWidget, entry: TimelineEntry) -> None:
        """A change made from psql or another client: marked, with the login and each field before → after."""
        changes = "; ".join(f"{name}: {before} → {after}" for name, before, after in entry.extra["fields"])
        self._append(table, [local_text(entry.at, self.session.time_zone), self.tr("Changed outside Beacon"),
                             entry.actor, "", changes], resize=False)
        row = table.rowCount() - 1
        hint = self.tr("Changed by the database login %1 with %2, not through Beacon").replace(
            "%1", entry.actor).replace("%2", entry.extra["application"] or "?")
        for column in range(table.columnCount()):
            item = table.item(row, column)
            font = item.font()
            font.setItalic(True)
            item.setFont(font)
            item.setForeground(self.palette().brush(self.palette().ColorRole.LinkVisited))
            item.setToolTip(hint)

    def _table(self, headers: list[str], parent: QWidget | None = None) -> QTableWidget:
        table = QTableWidget(0, len(headers), parent or self)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setVisible(False)
        table.setItemDelegate(CellColorsDelegate(table))  # red "초과", link colours: the theme would hide them
        return table

    def _append(self, table: QTableWidget, values: list[str], *, case_id: int | None = None,
                resize: bool = True) -> None:
        row = table.rowCount()
        table.insertRow(row)
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if case_id is not None:
                item.setData(Qt.ItemDataRole.UserRole, case_id)
            table.setItem(row, column, item)
        if resize:
            _fit_columns(table)

    def _open_on_double_click(self, table: QTableWidget) -> None:
        table.itemDoubleClicked.connect(lambda item: self.open_linked(item.data(Qt.ItemDataRole.UserRole)))

    def open_linked(self, case_id: int | None) -> None:
        """Ask the main window to open a linked case."""
        if case_id is not None:
            self.sig_open_case.emit(int(case_id))

    def _with_note(self, table: QTableWidget, note: str, empty: str) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(table, 1)
        label = QLabel(note if table.rowCount() else empty, page)
        label.setObjectName("note")
        label.setEnabled(False)
        label.setWordWrap(True)
        layout.addWidget(label)
        page.table = table  # type: ignore[attr-defined]
        return page

    # --- acting -----------------------------------------------------------------------

    def fire(self, action: ActionInfo, initial: dict[str, Any] | None = None) -> bool:
        """Ask for the transition's fields and fire it; on refusal keep what was typed and ask again."""
        assert self.detail is not None
        accepting = self.detail.kind == "incident" and action.name == "accept"
        if accepting:  # who will be told, and "assign to me"
            values = AcceptDialog.ask(self.session, action, self.case_id, self.name_of(self.detail, "assignee"),
                                      self, initial)
        else:
            values = TransitionDialog.ask(self.session, action, self, initial)
        if values is None:
            return False
        try:
            if accepting:
                case_service.accept_incident(actor_id=self.session.actor.id, case_id=self.case_id,
                                             version=self.detail.version, note=values.get("note") or "",
                                             assign_to_me=bool(values.get("assign_to_me")),
                                             add_people=values.get("add_people", ()),
                                             remove_people=values.get("remove_people", ()))
            else:
                case_service.transition(actor_id=self.session.actor.id, case_id=self.case_id, name=action.name,
                                        version=self.detail.version, fields=values)
        except StaleRecordError as exc:
            if ConflictDialog.ask(self, exc, self.session.language):
                self.refresh()
            return self.fire(action, values) if action.fields or accepting else False
        except BeaconError as exc:
            show_error(self, exc, self.session.language)
            return self.fire(action, values) if action.fields or accepting else False
        self.refresh()
        self.sig_changed.emit(self.case_id)
        return True

    def operate(self, action: ActionInfo) -> bool:
        """Do an operation (log action, work order, change, problem link, parent)."""
        if action.name in ("link_problem", "set_parent"):
            return self._pick_and_link(action.name)
        values = TransitionDialog.ask(self.session, action, self)
        if values is None:
            return False
        actor = self.session.actor.id
        try:
            if action.name in ("add_action", "comment"):
                case_service.add_action(actor_id=actor, case_id=self.case_id, body=values.get("body", ""),
                                        kind="comment" if action.name == "comment" else "note",
                                        acted_at=values.get("acted_at"),
                                        minutes_spent=_minutes(values.get("minutes_spent")),
                                        time_zone=self.session.time_zone)
            elif action.name == "issue_work_order":
                case_service.issue_work_order(actor_id=actor, parent_id=self.case_id, title=values.get("title", ""),
                                              instructions=values.get("instructions", ""),
                                              assignee_id=values.get("assignee"))
            elif action.name == "request_change":
                case_service.request_change(actor_id=actor, parent_id=self.case_id, title=values.get("title", ""),
                                            description=values.get("description", ""))
        except BeaconError as exc:
            show_error(self, exc, self.session.language)
            return False
        self.refresh()
        self.sig_changed.emit(self.case_id)
        return True

    def _pick_and_link(self, name: str) -> bool:
        """문제 연결 / 상위 장애 지정: choose the case in a picker (or register a new problem), then link it."""
        assert self.detail is not None
        actor = self.session.actor.id
        try:
            if name == "link_problem":
                picked = ProblemPickerDialog.ask(self.session, self.detail.title, self,
                                                 description=str(self.detail.values.get("description") or ""))
                if picked is None:
                    return False
                if picked.problem_id is not None:
                    case_service.link_problem(actor_id=actor, incident_id=self.case_id, problem_id=picked.problem_id)
                else:
                    case_service.link_problem(actor_id=actor, incident_id=self.case_id,
                                              new_problem={"title": picked.title, "description": picked.description})
            else:
                parent_id = ParentPickerDialog.ask(self.session, self.case_id, self)
                if parent_id is None:
                    return False
                case_service.set_parent(actor_id=actor, case_id=self.case_id, version=None, parent_id=parent_id)
        except BeaconError as exc:
            show_error(self, exc, self.session.language)
            return False
        self.refresh()
        self.sig_changed.emit(self.case_id)
        return True


def _fit_columns(table: QTableWidget) -> None:
    """Columns as wide as their contents and their header (bold in the theme, hence the margin)."""
    table.resizeColumnsToContents()
    metrics = table.horizontalHeader().fontMetrics()
    for column in range(table.columnCount() - 1):  # the last one stretches
        header = table.horizontalHeaderItem(column)
        wanted = int(metrics.horizontalAdvance(header.text()) * 1.3) + 28 if header else 0
        if table.columnWidth(column) < wanted:
            table.setColumnWidth(column, wanted)


def _minutes(text: Any) -> int | None:
    """Minutes typed into the operation dialog: empty for none, else a whole number."""
    value = str(text or "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise BeaconError("workflow.bad_value", field={"ko": "소요 시간 (분)", "en": "Minutes spent"},
                          reason={"ko": "0 이상의 정수(분)로 입력하세요", "en": "give whole minutes, 0 or more"})
    return int(value)


def _html(text: str) -> str:
    import html

    return html.escape(text or "")
