"""The main window: navigation, the pages, new-incident and refresh shortcuts, language and theme."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import BeaconError
from desktop.views.admin import AdminPage
from desktop.views.background import BackgroundServices
from desktop.views.case_view import CaseView
from desktop.views.dashboard import DashboardPage
from desktop.views.dialogs import RegisterIncidentDialog, TransitionDialog, show_error
from desktop.views.pages import CaseListPage, InboxPage, IncidentListPage
from desktop.views.prevention import CandidatesPage
from desktop.views.session import ClientSession
from desktop.views.theme import app_icon
from desktop.workflow.cases import case_service
from desktop.workflow.cases.detail import ActionInfo, FieldInfo
from desktop.workflow.cases.queries import IncidentFilter
from desktop.workflow.prevention.candidates import MANAGER_ROLES
from desktop.workflow.prevention.similar import register_with_choice

# 새 문제 등록: what the problem process's register step asks for
NEW_PROBLEM = ActionInfo("register_problem", "새 문제 등록", "New problem", (
    FieldInfo("title", "text", "제목", "Title", True),
    FieldInfo("description", "longtext", "내용", "Description", True),
    FieldInfo("application", "application", "업무시스템", "Application", False)))


class _LazyPages:
    """`window.pages["incidents"]` builds the page when first asked for."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def __getitem__(self, key: str) -> QWidget:
        return self._window.page(key)

    def __iter__(self) -> Iterator[str]:
        return iter(key for key, _ in self._window._factories)


class MainWindow(QMainWindow):
    """Where a handler lives all day."""

    sig_language_requested = Signal(str)
    sig_theme_requested = Signal(str)

    def __init__(self, session: ClientSession, *, background: bool = True) -> None:
        super().__init__()
        self.session = session
        self._built: set[str] = set()
        self.case_windows: dict[int, CaseView] = {}
        self.setWindowTitle(self.tr("Beacon ITSM — {0}").format(session.actor.display_in(session.language)))
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(190)
        self.stack = QStackedWidget(self)
        # pages are built the first time they are shown, so the window opens with one query
        self._factories: list[tuple[str, Callable[[], QWidget]]] = [
            ("my_work", lambda: IncidentListPage(session, mine=True)),
            ("incidents", lambda: IncidentListPage(session)),
            ("problems", lambda: CaseListPage(session, "problem")),
            ("changes", lambda: CaseListPage(session, "change")),
            ("work_orders", lambda: CaseListPage(session, "work_order")),
            ("inbox", lambda: self.inbox),
            ("dashboard", lambda: DashboardPage(session)),
        ]
        if session.actor.roles & MANAGER_ROLES:  # those who manage problems; the services check again
            self._factories.append(("candidates", lambda: CandidatesPage(session)))
        if "admin" in session.actor.roles:  # the screens check again on every save
            self._factories.append(("admin", lambda: AdminPage(session)))
        labels = {"my_work": self.tr("My work"), "incidents": self.tr("Incidents"), "problems": self.tr("Problems"),
                  "changes": self.tr("Changes"), "work_orders": self.tr("Work orders"), "inbox": self.tr("Inbox"),
                  "dashboard": self.tr("Dashboard"), "candidates": self.tr("Problem candidates"),
                  "admin": self.tr("Administration")}
        self.pages = _LazyPages(self)
        self.inbox = InboxPage(session)
        self.inbox.sig_open_case.connect(self.open_case)
        for key, _ in self._factories:  # candidates for problem managers, "Administration" for administrators
            self.nav.addItem(labels[key])
            self.stack.addWidget(QWidget(self))  # placeholder until first shown
        self.nav.currentRowChanged.connect(self.show_page)
        self.nav.setCurrentRow(0)
        body = QWidget(self)
        row = QHBoxLayout(body)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        # shown while the database is away: what was typed stays, lists reload once it is back
        self.connection_banner = QLabel(self)
        self.connection_banner.setObjectName("connection_banner")
        self.connection_banner.setWordWrap(True)
        self.connection_banner.setStyleSheet("QLabel#connection_banner { background: #fff3cd; color: #5c4400; "
                                             "padding: 6px 10px; border-bottom: 1px solid #e0c36b; }")
        self.connection_banner.hide()
        outer = QWidget(self)
        column = QVBoxLayout(outer)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.connection_banner)
        column.addWidget(body, 1)
        self.setCentralWidget(outer)
        self.status = QLabel(self)
        self.statusBar().addPermanentWidget(self.status)
        self.inbox.sig_unread.connect(self._show_unread)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(app_icon(), self)
            self.tray.setToolTip(self.tr("Beacon ITSM"))
            self.tray.activated.connect(lambda _reason: (self.showNormal(), self.raise_(), self.activateWindow()))
            self.tray.messageClicked.connect(lambda: self.nav.setCurrentRow(5))
            self.tray.show()
        self.inbox.sig_new_notices.connect(self._new_notices)
        self.inbox.refresh()
        self._build_menu()
        self.background: BackgroundServices | None = None
        if background:
            self.background = BackgroundServices(session.database_url, parent=self)
            self.background.sig_changed.connect(self._changes_arrived)
            self.background.sig_error.connect(lambda message: self.statusBar().showMessage(message, 10000))
            self.background.sig_connection.connect(self.connection_changed)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(300)
        self._reload_timer.timeout.connect(self._apply_changes)
        self._changed: set[int] = set()
        settings = QSettings("Beacon", "beacon")
        geometry = settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:  # 1366×800, or less on a smaller screen (a 1366×768 laptop): the status bar stays on screen
            screen = self.screen().availableGeometry() if self.screen() is not None else None
            self.resize(min(1366, screen.width()) if screen else 1366, min(800, screen.height()) if screen else 800)
        last = settings.value("main/page", 0, type=int)
        if 0 < last < self.nav.count():
            self.nav.setCurrentRow(last)

    def page(self, key: str) -> QWidget:
        """The page for `key`, built on first use."""
        row = [k for k, _ in self._factories].index(key)
        widget = self.stack.widget(row)
        if key not in self._built:
            placeholder = widget
            widget = self._factories[row][1]()
            self.stack.insertWidget(row, widget)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._built.add(key)
            if hasattr(widget, "sig_open_case") and key != "inbox":
                widget.sig_open_case.connect(self.open_case)
            if hasattr(widget, "sig_cases_changed"):
                widget.sig_cases_changed.connect(self.cases_changed)
            if isinstance(widget, DashboardPage):
                widget.sig_show_incidents.connect(self.show_incidents)
        return widget

    def show_incidents(self, filters: IncidentFilter, caption: str = "") -> IncidentListPage:
        """Switch to the incident list showing exactly `filters` (a dashboard figure was clicked); `caption`
        names what the list's chip stands for."""
        self.nav.setCurrentRow([k for k, _ in self._factories].index("incidents"))
        page = self.page("incidents")
        assert isinstance(page, IncidentListPage)
        page.show_filter(filters, caption)
        return page

    def show_page(self, row: int) -> None:
        self.page(self._factories[row][0])
        self.stack.setCurrentIndex(row)

    def _build_menu(self) -> None:
        cases = self.menuBar().addMenu(self.tr("&Case"))
        new = QAction(self.tr("&New incident…"), self)
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(self.register_incident)
        cases.addAction(new)
        new_problem = QAction(self.tr("New &problem…"), self)
        new_problem.setObjectName("new_problem")
        new_problem.setShortcut(QKeySequence("Ctrl+Shift+N"))
        new_problem.setStatusTip(self.tr("Register a problem (the unknown cause of one or more incidents)"))
        new_problem.triggered.connect(self.register_problem)
        cases.addAction(new_problem)
        refresh = QAction(self.tr("&Refresh"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.refresh_current)
        cases.addAction(refresh)
        find = QAction(self.tr("&Find in list"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.focus_search)
        cases.addAction(find)
        cases.addSeparator()
        password = QAction(self.tr("Change my &password…"), self)
        password.triggered.connect(self.change_password)
        cases.addAction(password)
        go = self.menuBar().addMenu(self.tr("&Go"))
        for row in range(self.nav.count()):  # Ctrl+1 … Ctrl+7: the pages in the order the navigation lists them
            action = QAction(self.nav.item(row).text(), self)
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _=False, r=row: self.nav.setCurrentRow(r))
            go.addAction(action)
        view = self.menuBar().addMenu(self.tr("&View"))
        view.setToolTipsVisible(True)
        self.view_actions: dict[str, QAction] = {}
        # the current language and theme carry a check mark (one of each group)
        languages, themes = QActionGroup(self), QActionGroup(self)
        for code, label in (("ko", "한국어"), ("en", "English")):
            action = QAction(label, languages)
            action.setCheckable(True)
            action.setChecked(code == self.session.language)
            action.triggered.connect(lambda _=False, c=code: self._pick(c, self.sig_language_requested))
            view.addAction(action)
            self._lock_if_site_says(action, "language", self.tr("Your organisation has set the language."))
            self.view_actions[code] = action
        view.addSeparator()
        for code, label in (("light", self.tr("Light theme")), ("dark", self.tr("Dark theme"))):
            action = QAction(label, themes)
            action.setCheckable(True)
            action.setChecked(code == self.session.theme)
            action.triggered.connect(lambda _=False, c=code: self._pick(c, self.sig_theme_requested))
            view.addAction(action)
            self._lock_if_site_says(action, "theme", self.tr("Your organisation has set the theme."))
            self.view_actions[code] = action
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Beacon ITSM…"), self)
        about.setObjectName("about")
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _pick(self, code: str, signal: Signal) -> None:
        """A language or theme chosen again is no change (and keeps its check mark)."""
        if code in (self.session.language, self.session.theme):
            self.view_actions[code].setChecked(True)
            return
        signal.emit(code)

    def show_about(self) -> None:
        from desktop.views.about import AboutDialog

        AboutDialog.ask(self.session, self)

    def _lock_if_site_says(self, action: QAction, key: str, reason: str) -> None:
        """A setting the organisation's site file locks cannot be changed here; the tooltip says why."""
        if key in self.session.locked:
            action.setEnabled(False)
            action.setToolTip(reason)
            action.setStatusTip(reason)

    def change_password(self) -> None:
        from desktop.views.dialogs import ChangePasswordDialog

        ChangePasswordDialog.ask(self.session.actor, self, language=self.session.language)

    def focus_search(self) -> None:
        """Ctrl+F: to the current list's search box."""
        box = getattr(self.stack.currentWidget(), "text", None)
        if box is not None:
            box.setFocus()
            box.selectAll()

    def _show_unread(self, count: int) -> None:
        self.nav.item(5).setText(self.tr("Inbox ({0})").format(count) if count else self.tr("Inbox"))
        me = self.session.actor.display_in(self.session.language)
        self.status.setText(self.tr("{0} — {1} unread").format(me, count))

    def _changes_arrived(self, changes: list) -> None:
        """Another client changed cases: open case windows re-read, lists update the rows they hold."""
        ids = {change.case_id for change in changes if change.case_id}
        self.cases_changed(ids)
        for case_id in ids:
            window = self.case_windows.get(case_id)
            if window is not None and window.isVisible():
                window.refresh()

    def connection_changed(self, connected: bool, reason: str) -> None:
        """The database went away (a banner, nothing closed) or came back (reload what is shown)."""
        if not connected:
            self.connection_banner.setText(BeaconError("db.reconnecting").message(self.session.language))
            self.connection_banner.setToolTip(reason)  # the details, for whoever asks
            self.connection_banner.show()
            return
        self.connection_banner.hide()
        self.statusBar().showMessage(BeaconError("db.reconnected").message(self.session.language), 10000)
        self.cases_changed(set())  # changes made meanwhile were not heard: every built list reloads
        for window in self.case_windows.values():
            if window.isVisible():
                window.refresh()

    def cases_changed(self, case_ids: set[int]) -> None:
        """Collect changed cases for a moment, then tell every list that is built (many changes, one pass)."""
        self._changed |= case_ids
        self._reload_timer.start()

    def _apply_changes(self) -> None:
        ids, self._changed = self._changed, set()
        for key in self._built:
            page = self.page(key)
            if ids and hasattr(page, "changes_arrived"):
                page.changes_arrived(ids)
            elif hasattr(page, "refresh") and key not in ("inbox",):
                page.refresh()
        self.inbox.refresh()

    def refresh_current(self) -> None:
        page = self.stack.currentWidget()
        if hasattr(page, "refresh"):
            page.refresh()
        self.inbox.refresh()

    def _new_notices(self, notices: list) -> None:
        """A system-tray message for notices that just arrived (the newest one, and how many)."""
        if self.tray is None or not notices:
            return
        from desktop.workflow.notify.notices import KIND_LABELS

        newest = notices[0]
        label = KIND_LABELS.get(newest.kind, {"ko": newest.kind, "en": newest.kind})
        more = self.tr(" (+{0} more)").format(len(notices) - 1) if len(notices) > 1 else ""
        sender = ("\n" + self.tr("From {0}").format(newest.sender)) if newest.sender else ""
        self.tray.showMessage(self.session.pick(label["ko"], label["en"]) + more,
                              f"{newest.number} {newest.title}{sender}",
                              QSystemTrayIcon.MessageIcon.Information, 8000)

    def open_case(self, case_id: int) -> CaseView:
        window = self.case_windows.get(case_id)
        if window is None:
            window = CaseView(self.session, case_id, self)
            window.sig_changed.connect(lambda changed: self.cases_changed({changed}))
            window.sig_open_case.connect(self.open_case)
            self.case_windows[case_id] = window
        window.show()
        window.raise_()
        return window

    def register_incident(self) -> int | None:
        """Ask, register, open the new incident; on refusal ask again with what was typed kept."""
        values = RegisterIncidentDialog.ask(self.session, self)
        while True:
            if values is None:
                return None
            fields = {k: v for k, v in values.items() if k != "choice"}
            try:  # with what was chosen from the similar cases, in the registration's transaction
                result = register_with_choice(actor_id=self.session.actor.id, choice=values.get("choice"),
                                              **fields).result
                break
            except BeaconError as exc:  # e.g. the file is locked or the server restarting: nothing typed is lost
                show_error(self, exc, self.session.language)
                values = RegisterIncidentDialog.ask(self.session, self, initial=values,
                                                    error=exc.message(self.session.language))
        # one's own new incident is no news from "other users": the incident lists load it at once
        for key in ("my_work", "incidents"):
            if key in self._built:
                self.page(key).refresh()
        self.open_case(result.case_id)
        return result.case_id

    def register_problem(self) -> int | None:
        """새 문제 등록: title, description and (optionally) the application; opens the new problem."""
        values: dict | None = {}
        while True:
            values = TransitionDialog.ask(self.session, NEW_PROBLEM, self, values or None)
            if values is None:
                return None
            try:
                result = case_service.register_problem(
                    actor_id=self.session.actor.id, title=values.get("title", ""),
                    description=values.get("description", ""), application_id=values.get("application"))
                break
            except BeaconError as exc:  # asked again with what was typed kept
                show_error(self, exc, self.session.language)
        self.cases_changed({result.case_id})
        self.open_case(result.case_id)
        return result.case_id

    def closeEvent(self, event: object) -> None:
        settings = QSettings("Beacon", "beacon")
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/page", self.nav.currentRow())
        if self.background is not None:
            self.background.stop()
        if self.tray is not None:
            self.tray.hide()
        for window in self.case_windows.values():
            window.close()
        super().closeEvent(event)

