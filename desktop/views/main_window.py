"""The main window: navigation, the pages, new-incident and refresh shortcuts, language and theme."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from desktop.errors import BeaconError
from desktop.views.background import BackgroundServices
from desktop.views.case_view import CaseView
from desktop.views.dialogs import RegisterIncidentDialog, show_error
from desktop.views.pages import CaseListPage, DashboardPage, InboxPage, IncidentListPage
from desktop.views.session import ClientSession
from desktop.workflow import case_service


class MainWindow(QMainWindow):
    """Where a handler lives all day."""

    sig_language_requested = Signal(str)
    sig_theme_requested = Signal(str)

    def __init__(self, session: ClientSession, *, background: bool = True) -> None:
        super().__init__()
        self.session = session
        self.case_windows: dict[int, CaseView] = {}
        self.setWindowTitle(self.tr("Beacon ITSM — {0}").format(session.actor.display))
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(190)
        self.stack = QStackedWidget(self)
        self.pages: dict[str, QWidget] = {}
        self._add_page("my_work", self.tr("My work"), IncidentListPage(session, mine=True))
        self._add_page("incidents", self.tr("Incidents"), IncidentListPage(session))
        self._add_page("problems", self.tr("Problems"), CaseListPage(session, "problem"))
        self._add_page("changes", self.tr("Changes"), CaseListPage(session, "change"))
        self._add_page("work_orders", self.tr("Work orders"), CaseListPage(session, "work_order"))
        self.inbox = InboxPage(session)
        self._add_page("inbox", self.tr("Inbox"), self.inbox)
        self._add_page("dashboard", self.tr("Dashboard"), DashboardPage(session))
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)
        body = QWidget(self)
        row = QHBoxLayout(body)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        self.status = QLabel(self)
        self.statusBar().addPermanentWidget(self.status)
        self.inbox.sig_unread.connect(self._show_unread)
        self.inbox.refresh()
        self._build_menu()
        self.background: BackgroundServices | None = None
        if background:
            self.background = BackgroundServices(session.database_url, parent=self)
            self.background.sig_changed.connect(self._changes_arrived)
            self.background.sig_error.connect(lambda message: self.statusBar().showMessage(message, 10000))
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(300)
        self._reload_timer.timeout.connect(self.refresh_current)
        settings = QSettings("Beacon", "beacon")
        geometry = settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)

    def _add_page(self, key: str, label: str, page: QWidget) -> None:
        self.pages[key] = page
        self.nav.addItem(label)
        self.stack.addWidget(page)
        if hasattr(page, "sig_open_case"):
            page.sig_open_case.connect(self.open_case)

    def _build_menu(self) -> None:
        cases = self.menuBar().addMenu(self.tr("&Case"))
        new = QAction(self.tr("&New incident…"), self)
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(self.register_incident)
        cases.addAction(new)
        refresh = QAction(self.tr("&Refresh"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.refresh_current)
        cases.addAction(refresh)
        view = self.menuBar().addMenu(self.tr("&View"))
        for code, label in (("ko", "한국어"), ("en", "English")):
            action = QAction(label, self)
            action.triggered.connect(lambda _=False, c=code: self.sig_language_requested.emit(c))
            view.addAction(action)
        view.addSeparator()
        for code, label in (("light", self.tr("Light theme")), ("dark", self.tr("Dark theme"))):
            action = QAction(label, self)
            action.triggered.connect(lambda _=False, c=code: self.sig_theme_requested.emit(c))
            view.addAction(action)

    def _show_unread(self, count: int) -> None:
        self.nav.item(5).setText(self.tr("Inbox ({0})").format(count) if count else self.tr("Inbox"))
        self.status.setText(self.tr("{0} — {1} unread").format(self.session.actor.display, count))

    def _changes_arrived(self, changes: list) -> None:
        self._reload_timer.start()  # many changes at once reload once
        for change in changes:
            window = self.case_windows.get(change.case_id) if change.case_id else None
            if window is not None and window.isVisible():
                window.refresh()

    def refresh_current(self) -> None:
        page = self.stack.currentWidget()
        if hasattr(page, "refresh"):
            page.refresh()
        self.inbox.refresh()

    def open_case(self, case_id: int) -> CaseView:
        window = self.case_windows.get(case_id)
        if window is None:
            window = CaseView(self.session, case_id, self)
            window.sig_changed.connect(lambda _id: self._reload_timer.start())
            self.case_windows[case_id] = window
        window.show()
        window.raise_()
        return window

    def register_incident(self) -> int | None:
        """Ask, register, open the new incident; on refusal ask again with what was typed kept."""
        values = RegisterIncidentDialog.ask(self.session, self)
        if values is None:
            return None
        try:
            result = case_service.register_incident(actor_id=self.session.actor.id, **values)
        except BeaconError as exc:
            show_error(self, exc, self.session.language)
            return None
        self.refresh_current()
        self.open_case(result.case_id)
        return result.case_id

    def closeEvent(self, event: object) -> None:
        QSettings("Beacon", "beacon").setValue("main/geometry", self.saveGeometry())
        if self.background is not None:
            self.background.stop()
        for window in self.case_windows.values():
            window.close()
        super().closeEvent(event)

