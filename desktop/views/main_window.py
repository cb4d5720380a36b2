"""Main window (placeholder until the desktop-client issue lands): what is in the database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from desktop.workflow.overview import Overview

STATE_ORDER = ("registered", "accepted", "in_progress", "closed", "cancelled")


class MainWindow(QMainWindow):
    """Shows the connected database and how many cases it holds."""

    def __init__(self, *, location: str, summary: Overview) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Beacon ITSM — 장애·문제 관리"))
        self.resize(720, 420)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        title = QLabel(self.tr("Beacon ITSM"), body)
        title.setObjectName("title")
        title.setStyleSheet("font-size: 22pt; font-weight: bold;")
        layout.addWidget(title)
        layout.addWidget(QLabel(self.tr("Database: {0}").format(location), body))
        total = sum(summary.incidents_by_state.values())
        self.summary_label = QLabel(
            self.tr("Incidents (장애): {0}    Problems (문제): {1}    Applications (업무시스템): {2}    Users: {3}")
            .format(total, summary.problems, summary.applications, summary.users),
            body,
        )
        layout.addWidget(self.summary_label)
        states = [s for s in STATE_ORDER if s in summary.incidents_by_state]
        states += sorted(set(summary.incidents_by_state) - set(states))
        lines = [f"{state}: {summary.incidents_by_state[state]}" for state in states]
        self.states_label = QLabel("\n".join(lines), body)
        layout.addWidget(self.states_label)
        layout.addStretch(1)
        note = QLabel(self.tr("The full desktop client arrives with the next release."), body)
        note.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(note)
        self.setCentralWidget(body)
