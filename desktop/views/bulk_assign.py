"""일괄 담당자 지정: nobody is pre-chosen, and a person from outside the applications' teams is named as such."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop.views.session import ClientSession
from desktop.workflow.cases.queries import outside_team
from desktop.workflow.common import session as session_service


class BulkAssignDialog(QDialog):
    """Who gets the selected incidents: chosen on purpose (the list starts empty, OK waits for a choice);
    a warning lists the incidents whose application's team the person is not in."""

    def __init__(self, session: ClientSession, case_ids: list[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_ids = case_ids
        self.setWindowTitle(self.tr("Assign {0} incidents").format(len(case_ids)) if len(case_ids) != 1
                            else self.tr("Assign 1 incident"))
        self.person = QComboBox(self)
        self.person.setObjectName("field_assignee")
        self.person.setAccessibleName(self.tr("Assignee"))
        self.person.addItem(self.tr("— choose a person —"), None)
        for choice in session_service.users():
            team = f" · {choice.extra}" if choice.extra else ""
            self.person.addItem(choice.label(session.language) + team, choice.value)
        self.person.currentIndexChanged.connect(self._chosen)
        self.warning = QLabel(self)
        self.warning.setObjectName("outside_team")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #ef6c00;")
        self.warning.hide()
        form = QFormLayout()
        form.addRow(self.tr("Assignee *"), self.person)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Assign"))
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def _chosen(self) -> None:
        user_id = self.person.currentData()
        self.ok.setEnabled(user_id is not None)
        outside = outside_team(case_ids=self.case_ids, user_id=user_id) if user_id is not None else []
        if outside:
            listed = ", ".join(f"{o.number} ({self.session.pick(o.application, o.application_en)})"
                               for o in outside[:8]) + (" …" if len(outside) > 8 else "")
            self.warning.setText(self.tr("{0} is not in the team of these incidents' applications: {1}. "
                                         "Assign anyway?").format(self.person.currentText(), listed))
        self.warning.setVisible(bool(outside))

    @classmethod
    def ask(cls, session: ClientSession, case_ids: list[int], parent: QWidget | None = None) -> dict | None:
        """{"assignee": user id}, or None when cancelled."""
        dialog = cls(session, case_ids, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.person.currentData() is None:
            return None
        return {"assignee": dialog.person.currentData()}
