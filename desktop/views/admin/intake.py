"""Monitoring intake (모니터링 수신): how alerts map to applications, a dry run of a payload, and the
alerts that were triaged, held or refused.

The rules are read from the setting `intake`; the triage application is chosen here. "Try" parses
and maps a pasted Alertmanager (or generic) payload exactly as the intake would and writes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.views.admin.forms import MessageLine, fit_columns, push_button, table_defaults
from desktop.views.session import ClientSession
from desktop.views.table_models import local_text
from desktop.workflow.integrations import intake_admin

SAMPLE = """{
  "version": "4", "status": "firing", "receiver": "beacon",
  "alerts": [
    {"status": "firing", "fingerprint": "sample-node-1",
     "labels": {"alertname": "NodeFilesystemAlmostOutOfSpace", "instance": "srv-ch-was01:9100",
                "job": "node", "severity": "warning"},
     "annotations": {"summary": "/ 95%"}},
    {"status": "firing", "fingerprint": "sample-kube-1",
     "labels": {"alertname": "KubePodCrashLooping", "service": "kube-state-metrics",
                "namespace": "payments", "severity": "warning"}}
  ]
}"""
CASE = Qt.ItemDataRole.UserRole


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table_defaults(table)
    table.setWordWrap(False)
    return table


MAX_COLUMN = 320  # a long label set or rule is read in its tooltip; the columns after it stay in sight


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(0)
    for values in rows:
        row = table.rowCount()
        table.insertRow(row)
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            table.setItem(row, column, item)
    fit_columns(table)
    header = table.horizontalHeader()
    for column in range(table.columnCount() - 1):
        if header.sectionSize(column) > MAX_COLUMN:
            header.resizeSection(column, MAX_COLUMN)
    if table.wordWrap():
        table.resizeRowsToContents()


class IntakeScreen(QWidget):
    """Rules and triage on the left, a payload to try on the right, recent unmapped alerts below."""

    sig_open_case = Signal(int)

    def __init__(self, session: ClientSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.message = MessageLine(self)
        self.message.setObjectName("intake_message")

        rules_box = QGroupBox(self.tr("Mapping rules, in the order they are tried"), self)
        self.rules = _table(rules_box, "intake_rules", [self.tr("Step"), self.tr("When", "condition"),
                                                        self.tr("Then")])
        self.rules.setWordWrap(True)
        self.triage = QComboBox(rules_box)
        self.triage.setObjectName("intake_triage")
        self.triage.setAccessibleName(self.tr("Triage application"))
        save = push_button(rules_box, self.tr("Save"), "intake_triage_save", self.save_triage)
        triage_row = QHBoxLayout()
        triage_row.addWidget(QLabel(self.tr("Triage application"), rules_box))
        triage_row.addWidget(self.triage, 1)
        triage_row.addWidget(save)
        rules_layout = QVBoxLayout(rules_box)
        rules_layout.addWidget(self.rules)
        rules_layout.addLayout(triage_row)

        try_box = QGroupBox(self.tr("Try this payload (nothing is written)"), self)
        self.payload = QPlainTextEdit(try_box)
        self.payload.setObjectName("intake_payload")
        self.payload.setAccessibleName(self.tr("Payload to try"))
        self.payload.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.payload.setPlainText(SAMPLE)
        self.format = QComboBox(try_box)
        self.format.setObjectName("intake_format")
        self.format.setAccessibleName(self.tr("Payload format"))
        self.format.addItem(self.tr("Alertmanager webhook"), "alertmanager")
        self.format.addItem(self.tr("Generic JSON"), "generic")
        run = push_button(try_box, self.tr("Try"), "intake_try", self.try_payload)
        self.result = _table(try_box, "intake_preview", [self.tr("Alert"), self.tr("Outcome"),
                                                         self.tr("Application"), self.tr("How"), self.tr("Why")])
        try_row = QHBoxLayout()
        try_row.addWidget(self.format)
        try_row.addStretch(1)
        try_row.addWidget(run)
        try_layout = QVBoxLayout(try_box)
        try_layout.addWidget(self.payload, 2)
        try_layout.addLayout(try_row)
        try_layout.addWidget(self.result, 2)

        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(rules_box)
        top.addWidget(try_box)
        top.setSizes([520, 780])

        recent_box = QGroupBox(self.tr("Latest alerts triaged, held or refused"), self)
        self.recent = _table(recent_box, "intake_recent", [self.tr("When", "time"), self.tr("Outcome"),
                                                           self.tr("Alert"), self.tr("Incident"), self.tr("Why"),
                                                           self.tr("Labels")])
        self.recent.doubleClicked.connect(self._open)
        refresh = push_button(recent_box, self.tr("Refresh"), "intake_refresh", self.refresh)
        recent_layout = QVBoxLayout(recent_box)
        recent_layout.addWidget(self.recent)
        recent_layout.addWidget(refresh, 0, Qt.AlignmentFlag.AlignRight)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(top)
        split.addWidget(recent_box)
        split.setSizes([400, 260])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        layout.addWidget(self.message)
        self.refresh()

    def title(self) -> str:
        return self.tr("Monitoring intake")

    def outcome_text(self, outcome: str) -> str:
        return {"created": self.tr("Registered"), "triaged": self.tr("To triage"), "held": self.tr("Held"),
                "refused": self.tr("Refused"), "repeated": self.tr("Repeat (action on the open incident)"),
                "resolved": self.tr("Resolved (action on the open incident)"),
                "ignored": self.tr("Ignored (nothing open)")}.get(outcome, outcome)

    def refresh(self) -> None:
        rules = self.message.attempt(intake_admin.mapping_rules, self.session.language)
        if rules is None:
            return
        rows = []
        for step, label in enumerate(rules.ci_labels, start=1):
            then = self.tr("a CI code: an application as is; a server or database → its applications, "
                           "widest impact first")
            if label == "instance":
                then += self.tr("; host:port is read as the host")
            rows.append([str(step), self.tr("label {0}").format(label), then])
        for value, code in rules.ci_map:
            rows.append(["", self.tr("value {0}").format(value), self.tr("is read as {0}").format(code)])
        rows.append(["", self.tr("nothing maps"), self.tr("triage application {0}").format(rules.triage_application)
                     if rules.triage_application else self.tr("held and listed below (no triage application)")])
        for severity, urgency in rules.severity_map:
            rows.append(["", self.tr("{0} = {1}").format(rules.severity_label, severity),
                         self.tr("urgency {0}").format(urgency)])
        _fill(self.rules, rows)
        self.triage.blockSignals(True)
        self.triage.clear()
        self.triage.addItem(self.tr("(none: hold unmapped alerts)"), "")
        for code, name, name_en in intake_admin.application_choices():
            self.triage.addItem(f"{code} — {self.session.pick(name, name_en)}", code)
        self.triage.setCurrentIndex(max(0, self.triage.findData(rules.triage_application)))
        self.triage.blockSignals(False)
        self._recent()

    def _recent(self) -> None:
        zone = self.session.time_zone
        items = intake_admin.recent_alerts()
        _fill(self.recent, [[local_text(a.at, zone), self.outcome_text(a.outcome), a.title, a.incident or "—",
                             a.reason.get(self.session.language) or a.reason.get("en", ""),
                             ", ".join(f"{k}={v}" for k, v in sorted(a.labels.items()))] for a in items])
        for row, alert in enumerate(items):
            self.recent.item(row, 3).setData(CASE, alert.incident)

    def save_triage(self) -> None:
        code = self.triage.currentData() or ""
        done = self.message.attempt(lambda: intake_admin.set_triage_application(
            actor_id=self.session.actor.id, code=code) or True, self.session.language)
        if done:
            self.refresh()
            self.message.done(self.tr("Saved: alerts nothing maps now go to {0}").format(code) if code
                              else self.tr("Saved: alerts nothing maps are now held"))

    def try_payload(self) -> None:
        fmt = self.format.currentData()
        rows = self.message.attempt(lambda: intake_admin.preview(self.payload.toPlainText(), fmt=fmt),
                                    self.session.language)
        if rows is None:
            self.result.setRowCount(0)
            return
        lang = self.session.language
        _fill(self.result, [[f"{r.path} {r.title}", self.outcome_text(r.outcome), r.application or "—",
                             r.rule + (f" ({', '.join(r.affected)})" if len(r.affected) > 1 else ""),
                             r.reason.get(lang) or r.reason.get("en", "")] for r in rows])
        self.message.done(self.tr("{0} alerts tried; nothing was written").format(len(rows)))

    def _open(self, index: object) -> None:
        item = self.recent.item(self.recent.currentRow(), 3)
        number = item.data(CASE) if item else ""
        case_id = intake_admin.incident_case_id(number) if number else None
        if case_id is not None:
            self.sig_open_case.emit(case_id)
