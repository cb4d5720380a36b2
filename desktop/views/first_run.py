"""First start: where does the data live — a local file, or the team's PostgreSQL server?"""

from __future__ import annotations

from urllib.parse import quote

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.config import default_database_url
from desktop.errors import BeaconError
from desktop.setup import check_connection


class FirstRunDialog(QDialog):
    """Chooses the database; a server connection can be tested before it is used."""

    def __init__(self, parent: QWidget | None = None, *, language: str = "ko") -> None:
        super().__init__(parent)
        self.language = language
        self.setWindowTitle(self.tr("Welcome to Beacon ITSM"))
        self.setMinimumWidth(560)  # room for a data path under a home folder
        self.local = QRadioButton(self.tr("On this computer (a local file)"), self)
        self.local.setObjectName("local")
        self.local.setChecked(True)
        self.path = QLineEdit(default_database_url().removeprefix("sqlite:///"), self)
        self.path.setObjectName("path")
        self.path.setCursorPosition(0)  # a long path shows where it starts, not only its file name
        self.path.setToolTip(self.path.text())
        self.path.textChanged.connect(self.path.setToolTip)
        self.demo = QCheckBox(self.tr("Fill a new file with a demo bank to try things out"), self)
        self.demo.setObjectName("demo")
        self.demo.setChecked(True)
        self.server = QRadioButton(self.tr("On the team's PostgreSQL server"), self)
        self.server.setObjectName("server")
        self.choice = QButtonGroup(self)  # the two choices sit in different boxes but exclude each other
        self.choice.addButton(self.local)
        self.choice.addButton(self.server)
        self.host = QLineEdit(self)
        self.host.setObjectName("host")
        self.port = QSpinBox(self)
        self.port.setObjectName("port")
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit("beacon", self)
        self.database.setObjectName("database")
        self.user = QLineEdit(self)
        self.user.setObjectName("user")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.test_button.setObjectName("test_connection")
        self.test_button.clicked.connect(self.test_connection)
        self.result = QLabel("", self)
        self.result.setObjectName("result")
        self.result.setWordWrap(True)
        local_box = QGroupBox(self)
        local_form = QFormLayout(local_box)
        local_form.addRow(self.local)
        local_form.addRow(self.tr("File"), self.path)
        local_form.addRow(self.demo)
        server_box = QGroupBox(self)
        server_form = QFormLayout(server_box)
        server_form.addRow(self.server)
        server_form.addRow(self.tr("Host"), self.host)
        server_form.addRow(self.tr("Port"), self.port)
        server_form.addRow(self.tr("Database"), self.database)
        server_form.addRow(self.tr("User"), self.user)
        server_form.addRow(self.tr("Password"), self.password)
        server_form.addRow(self.test_button, self.result)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Where should Beacon keep its data?"), self))
        layout.addWidget(local_box)
        layout.addWidget(server_box)
        layout.addWidget(buttons)
        for widget in (self.host, self.database, self.user, self.password):
            widget.textEdited.connect(lambda _text: self.server.setChecked(True))

    def url(self) -> str:
        """The database URL the choices describe."""
        if self.local.isChecked():
            return "sqlite:///" + self.path.text().strip()
        user = quote(self.user.text().strip(), safe="")
        password = quote(self.password.text(), safe="")
        credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
        return f"postgresql://{credentials}{self.host.text().strip()}:{self.port.value()}/{self.database.text().strip()}"

    def test_connection(self) -> bool:
        """Try the server now and say plainly what happened."""
        try:
            check_connection(self.url())
        except BeaconError as exc:
            self.result.setStyleSheet("color: #c62828;")
            self.result.setText(exc.message(self.language))
            return False
        self.result.setStyleSheet("color: #2e7d32;")
        self.result.setText(self.tr("Connected."))
        return True

    @classmethod
    def ask(cls, parent: QWidget | None = None, *, language: str = "ko") -> tuple[str, bool] | None:
        """(database URL, load demo data) or None when cancelled."""
        dialog = cls(parent, language=language)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.url(), dialog.local.isChecked() and dialog.demo.isChecked()
