"""First start: where does the data live — a local file, or the team's PostgreSQL server?"""

from __future__ import annotations

from itertools import pairwise
from typing import Any
from urllib.parse import quote, urlencode

from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.config import default_database_url
from desktop.errors import BeaconError
from desktop.setup import check_connection

LANGUAGE_CHANGED = 2  # the dialog's result when the person picked another language: it is built again in it
_picked: list[str] = []  # the language picked in the last first-start dialog, if any


def picked_language() -> str | None:
    """The language the person chose in the last first-start dialog (None when they kept the one offered);
    read once: the answer is forgotten as it is given."""
    picked = _picked[-1] if _picked else None
    _picked.clear()
    return picked


class FirstRunDialog(QDialog):
    """Chooses the language and the database; a server connection can be tested before it is used."""

    def __init__(self, parent: QWidget | None = None, *, language: str = "ko") -> None:
        super().__init__(parent)
        self.language = language
        self.setWindowTitle(self.tr("Welcome to Beacon ITSM"))
        # offered in both languages at once, so someone who reads only one of them finds it
        self.language_choice = QComboBox(self)
        self.language_choice.setObjectName("language")
        self.language_choice.setAccessibleName("언어 / Language")
        self.language_choice.addItem("한국어", "ko")
        self.language_choice.addItem("English", "en")
        self.language_choice.setCurrentIndex(max(0, self.language_choice.findData(language)))
        self.language_choice.currentIndexChanged.connect(self._language_picked)
        self.setMinimumWidth(860)  # room for a data path under a home folder, and the TLS box beside the address
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
        self.sslmode = QComboBox(self)
        self.sslmode.setObjectName("sslmode")
        for mode, text in (
            ("disable", self.tr("disable: never encrypt")),
            ("prefer", self.tr("prefer: encrypt when the server offers it")),
            ("require", self.tr("require: always encrypt, do not check the certificate")),
            ("verify-ca", self.tr("verify-ca: encrypt and check the certificate's CA")),
            ("verify-full", self.tr("verify-full: check the CA and the host name (safest)")),
        ):
            self.sslmode.addItem(text, mode)
        self.sslmode.setCurrentIndex(self.sslmode.findData("prefer"))
        self._sslmode_chosen = False  # until the person picks a mode, a CA file implies verify-full
        self.sslmode.activated.connect(self._sslmode_picked)
        self.sslrootcert = QLineEdit(self)
        self.sslrootcert.setObjectName("sslrootcert")
        self.sslrootcert.textChanged.connect(self._follow_ca_file)
        self.sslcert = QLineEdit(self)
        self.sslcert.setObjectName("sslcert")
        self.sslkey = QLineEdit(self)
        self.sslkey.setObjectName("sslkey")
        for edit, text in ((self.sslrootcert, self.tr("CA certificate file (sslrootcert)")),
                           (self.sslcert, self.tr("Client certificate file (sslcert, optional)")),
                           (self.sslkey, self.tr("Client key file (sslkey, optional)"))):
            edit.setPlaceholderText(text)
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
        server_layout = QVBoxLayout(server_box)
        server_layout.addWidget(self.server)
        columns = QHBoxLayout()  # TLS beside the address, not below it: the dialog stays inside a 1366×768 screen
        server_form = QFormLayout()
        server_form.addRow(self.tr("Host"), self.host)
        server_form.addRow(self.tr("Port"), self.port)
        server_form.addRow(self.tr("Database"), self.database)
        server_form.addRow(self.tr("User"), self.user)
        server_form.addRow(self.tr("Password"), self.password)
        columns.addLayout(server_form, 2)
        tls_box = QGroupBox(self.tr("Secure connection (TLS)"), self)
        tls_form = QFormLayout(tls_box)
        tls_form.addRow(self.tr("TLS mode"), self.sslmode)
        tls_form.addRow(self.tr("CA certificate"), self._with_browse(self.sslrootcert, "browse_sslrootcert"))
        tls_form.addRow(self.tr("Client certificate"), self._with_browse(self.sslcert, "browse_sslcert"))
        tls_form.addRow(self.tr("Client key"), self._with_browse(self.sslkey, "browse_sslkey"))
        columns.addWidget(tls_box, 3)
        server_layout.addLayout(columns)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.result, 1)
        server_layout.addLayout(test_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        language_row = QHBoxLayout()
        language_row.addWidget(QLabel("언어 / Language", self))
        language_row.addWidget(self.language_choice)
        language_row.addStretch(1)
        layout.addLayout(language_row)
        layout.addWidget(QLabel(self.tr("Where should Beacon keep its data?"), self))
        layout.addWidget(local_box)
        layout.addWidget(server_box)
        layout.addWidget(buttons)
        for widget in (self.host, self.database, self.user, self.password, self.sslrootcert, self.sslcert,
                       self.sslkey):
            widget.textEdited.connect(lambda _text: self.server.setChecked(True))
        for widget, name in (
            (self.path, self.tr("Database file")), (self.demo, self.tr("Fill a new file with a demo bank")),
            (self.host, self.tr("Server host")), (self.port, self.tr("Server port")),
            (self.database, self.tr("Database name")), (self.user, self.tr("Database user")),
            (self.password, self.tr("Database password")), (self.sslmode, self.tr("TLS mode")),
            (self.sslrootcert, self.tr("CA certificate file")), (self.sslcert, self.tr("Client certificate file")),
            (self.sslkey, self.tr("Client key file")),
        ):
            widget.setAccessibleName(name)
        order = [self.language_choice, self.local, self.path, self.demo, self.server, self.host, self.port,
                 self.database, self.user, self.password, self.sslmode]
        for edit in (self.sslrootcert, self.sslcert, self.sslkey):
            order += [edit, edit.parentWidget().findChild(QPushButton)]  # each file field, then its Browse
        order += [self.test_button, *buttons.buttons()]
        for before, after in pairwise(order):
            QWidget.setTabOrder(before, after)

    def _language_picked(self, _index: int) -> None:
        code = self.language_choice.currentData()
        if code != self.language:
            self.language = code
            self.done(LANGUAGE_CHANGED)

    def keep_from(self, other: FirstRunDialog) -> None:
        """Take over what was chosen in the dialog this one replaces (after a language change)."""
        self.local.setChecked(other.local.isChecked())
        self.server.setChecked(other.server.isChecked())
        for name in ("path", "host", "database", "user", "password", "sslrootcert", "sslcert", "sslkey"):
            getattr(self, name).setText(getattr(other, name).text())
        self.port.setValue(other.port.value())
        self.demo.setChecked(other.demo.isChecked())

    def _with_browse(self, edit: QLineEdit, name: str) -> QWidget:
        """The file field with a button that picks the file."""
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(edit, 1)
        button = QPushButton(self.tr("Browse…"), row)
        button.setObjectName(name)
        button.setAccessibleName(self.tr("Browse for %s") % edit.placeholderText())
        button.clicked.connect(lambda: self._browse(edit))
        layout.addWidget(button)
        return row

    def _browse(self, edit: QLineEdit) -> None:
        kinds = self.tr("Certificates and keys (*.crt *.pem *.key);;All files (*)")
        path, _filter = QFileDialog.getOpenFileName(self, edit.placeholderText(), edit.text(), kinds)
        if path:
            edit.setText(path)
            self.server.setChecked(True)

    def _sslmode_picked(self, _index: int) -> None:
        self._sslmode_chosen = True
        self.server.setChecked(True)

    def _follow_ca_file(self, text: str) -> None:
        if not self._sslmode_chosen:
            self.sslmode.setCurrentIndex(self.sslmode.findData("verify-full" if text.strip() else "prefer"))

    def tls_params(self) -> dict[str, str]:
        """The libpq TLS parameters chosen (prefer, libpq's own default, is left out)."""
        params: dict[str, str] = {}
        mode = self.sslmode.currentData()
        if mode != "prefer":
            params["sslmode"] = mode
        for key, edit in (("sslrootcert", self.sslrootcert), ("sslcert", self.sslcert), ("sslkey", self.sslkey)):
            if edit.text().strip():
                params[key] = edit.text().strip()
        return params

    def url(self) -> str:
        """The database URL the choices describe."""
        if self.local.isChecked():
            return "sqlite:///" + self.path.text().strip()
        user = quote(self.user.text().strip(), safe="")
        password = quote(self.password.text(), safe="")
        credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
        query = urlencode(self.tls_params(), quote_via=quote, safe="/")
        return (f"postgresql://{credentials}{self.host.text().strip()}:{self.port.value()}/"
                f"{self.database.text().strip()}" + (f"?{query}" if query else ""))

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
        """(database URL, load demo data) or None when cancelled; `picked_language()` tells the language
        chosen on the way."""
        from desktop.views.i18n import install_language

        _picked.clear()  # only this dialog's choice counts
        dialog = cls(parent, language=language)
        result = dialog.exec()
        while result == LANGUAGE_CHANGED:  # the same choices, now in the language picked
            install_language(dialog.language)
            _picked.append(dialog.language)
            fresh = cls(parent, language=dialog.language)
            fresh.keep_from(dialog)
            dialog = fresh
            result = dialog.exec()
        if result != QDialog.DialogCode.Accepted:
            return None
        return dialog.url(), dialog.local.isChecked() and dialog.demo.isChecked()


class StartProgress:
    """A progress window while a new database (and the demo bank) is made on the first start, so the person
    sees what is happening instead of nothing for seconds. Called with (step key, percent) between steps;
    the window appears at the first call and closes at 100."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.dialog: QProgressDialog | None = None
        self.steps: list[str] = []  # what was shown, in order (for tests)

    def __call__(self, key: str, percent: int) -> None:
        from desktop.texts import TEXTS

        if self.dialog is None:
            self.dialog = QProgressDialog(self._text("demo.start", TEXTS), "", 0, 100)
            self.dialog.setObjectName("start_progress")
            self.dialog.setWindowTitle(self._text("demo.title", TEXTS))
            self.dialog.setCancelButton(None)  # one transaction: stopping half-way would leave nothing anyway
            self.dialog.setMinimumDuration(0)
            self.dialog.setMinimumWidth(420)
            self.dialog.setAutoClose(True)
            self.dialog.show()
        self.steps.append(key)
        self.dialog.setLabelText(self._text(f"demo.{key}", TEXTS))
        self.dialog.setValue(percent)
        QApplication.processEvents()  # nothing else runs yet: no window, no database user but this one

    def _text(self, key: str, texts: Any) -> str:
        return texts.pick(key, self.language) if key in texts else key

    def close(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
