"""Help → About: which Beacon this is, where its data lives, and under which licences it comes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop import __version__
from desktop.setup import describe_database
from desktop.views.session import ClientSession
from desktop.views.theme import app_icon


class AboutDialog(QDialog):
    """Version, database (backend and place, never a password), schema version, licences."""

    def __init__(self, session: ClientSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Beacon ITSM"))
        backend, location, schema = describe_database(session.database_url)
        backends = {"sqlite": self.tr("SQLite file on this computer"),
                    "postgresql": self.tr("PostgreSQL server (shared by the team)")}
        title = QLabel(f"<h2 style='margin:0'>Beacon ITSM {__version__}</h2>", self)
        title.setObjectName("about_title")
        icon = QLabel(self)
        icon.setPixmap(app_icon().pixmap(48, 48))
        form = QFormLayout()
        rows = (("version", self.tr("Version"), __version__),
                ("backend", self.tr("Database"), backends.get(backend, backend)),
                ("location", self.tr("Location"), location),
                ("schema", self.tr("Schema version"), str(schema)),
                ("signed_in", self.tr("Signed in as"), session.actor.display_in(session.language)))
        for name, label, value in rows:
            text = QLabel(value, self)
            text.setObjectName(f"about_{name}")
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, text)
        licence = QLabel(self.tr(
            "Beacon ITSM is proprietary software, licensed to your organisation.<br>"
            "It includes: Qt for Python (PySide6, LGPL v3), qt-material (BSD 2-Clause), peewee (MIT), "
            "fpdf2 (LGPL v3), psycopg2 (LGPL v3), pypdfium2 and PDFium (Apache 2.0 / BSD 3-Clause), "
            "openpyxl (MIT), holidays (MIT), argon2-cffi (MIT), platformdirs (MIT) and the NanumGothic font "
            "(SIL Open Font License 1.1)."), self)
        licence.setObjectName("about_licence")
        licence.setWordWrap(True)
        licence.setTextFormat(Qt.TextFormat.RichText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(icon)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(licence)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    @classmethod
    def ask(cls, session: ClientSession, parent: QWidget | None = None) -> None:
        cls(session, parent).exec()
