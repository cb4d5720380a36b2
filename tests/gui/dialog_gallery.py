"""Every dialog of the GUI, built as a user would open it on the demo bank: for screenshots and the
screen-fit check.

`python -m tests.gui.dialog_gallery` prints, for each dialog in ko and en, its opening geometry on a
1366×768 screen and the buttons that lie outside that screen (none, we hope) as JSON lines; the geometry
test runs it in a process of its own because the screen size is fixed when Qt starts.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

SCREEN_CONFIG = Path(__file__).with_name("screen-1366x768.json")
SCREEN = (1366, 768)


def use_laptop_screen() -> None:
    """Start Qt (offscreen) on one 1366×768 screen unless another platform was asked for."""
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN_CONFIG}"


def demo_cases(actor_id: int) -> dict[str, object]:
    """Cases of the demo bank to open dialogs on: one registered, two in progress, one cancelled."""
    from desktop.workflow.cases.queries import IncidentFilter, list_incidents

    def first(*states: str, count: int = 1) -> list[int]:
        rows = list_incidents(actor_id=actor_id, filters=IncidentFilter(states=states), limit=count).rows
        assert len(rows) >= count, f"the demo bank has fewer than {count} incidents in {states}"
        return [r.case_id for r in rows[:count]]

    working = first("in_progress", count=3)
    return {"registered": first("registered")[0], "working": working[0], "bulk": working + first("cancelled")}


def dialogs(session, cases: dict[str, object]) -> Iterator[tuple[str, Callable[[], object]]]:  # type: ignore[no-untyped-def]
    """(name, factory) for every dialog; each factory builds the dialog as its button would open it."""
    from desktop.views.accept_dialog import AcceptDialog
    from desktop.views.admin.matrix import CopyRowDialog, ImportReportDialog
    from desktop.views.admin.propagation import AddMemberDialog, ReasonDialog
    from desktop.views.admin.users import ResetPasswordDialog
    from desktop.views.bulk import BulkDialog
    from desktop.views.case_view import OPERATION_FIELDS
    from desktop.views.dialogs import ChangePasswordDialog, LoginDialog, RegisterIncidentDialog, TransitionDialog
    from desktop.views.first_run import FirstRunDialog
    from desktop.views.main_window import NEW_PROBLEM
    from desktop.views.pages import IncidentListPage
    from desktop.views.pickers import ParentPickerDialog, ProblemPickerDialog
    from desktop.workflow.admin.matrix import matrix_grid, parse_matrix_csv
    from desktop.workflow.cases.detail import ActionInfo, case_detail

    actor = session.actor.id
    working = int(cases["working"])  # type: ignore[call-overload]
    registered = int(cases["registered"])  # type: ignore[call-overload]

    def transition(case_id: int, name: str) -> Callable[[], object]:
        def build() -> object:
            detail = case_detail(actor_id=actor, case_id=case_id)
            action = next(a for a in detail.transitions if a.name == name)
            return TransitionDialog(session, action)
        return build

    def operation(name: str) -> Callable[[], object]:
        def build() -> object:
            detail = case_detail(actor_id=actor, case_id=working)
            op = next(o for o in detail.operations if o.name == name)
            return TransitionDialog(session, ActionInfo(op.name, op.ko, op.en, OPERATION_FIELDS[name], True))
        return build

    def bulk(name: str) -> Callable[[], object]:
        def build() -> object:
            """The list page's own bulk step on three incidents in progress and a cancelled one."""
            page = IncidentListPage(session)
            built: list[BulkDialog] = []
            original = BulkDialog.ask

            def keep(cls, s, action, checks, run, parent=None):  # type: ignore[no-untyped-def]
                built.append(cls(s, action, checks, run, None))
                return []

            BulkDialog.ask = classmethod(keep)  # type: ignore[method-assign,assignment]
            page.selected_case_ids = lambda: list(cases["bulk"])  # type: ignore[method-assign,call-overload]
            try:
                page.bulk(name)
            finally:
                BulkDialog.ask = original  # type: ignore[method-assign]
                page.deleteLater()
            return built[0]
        return build

    def matrix_copy() -> object:
        rows = matrix_grid().rows
        source = next(r for r in rows if r.kind == "application")
        return CopyRowDialog(session, rows, source)

    def matrix_errors() -> object:
        bad = parse_matrix_csv(b"ci_code,ci_name,role,position,login,name\r\nNOPE,,primary_handler,1,nobody,\r\n"
                               b"APP-IB,,boss,x,admin,\r\n" * 20)
        return ImportReportDialog(session, "matrix.csv", bad.errors)

    def accept() -> object:
        """The case window's own 접수 dialog: the step's fields and who will be told."""
        detail = case_detail(actor_id=actor, case_id=registered)
        action = next(a for a in detail.transitions if a.name == "accept")
        return AcceptDialog(session, action, registered,
                            session.pick(detail.names.get("assignee", ""), detail.names.get("assignee_en", "")))

    yield "register", lambda: RegisterIncidentDialog(session)
    yield "accept", accept
    yield "close", transition(working, "close")
    yield "bulk-close", bulk("close")
    yield "bulk-assign", bulk("assign")
    yield "bulk-regrade", bulk("regrade")
    yield "regrade", transition(working, "regrade")
    yield "work-order", operation("issue_work_order")
    yield "add-action", operation("add_action")
    yield "request-change", operation("request_change")
    yield "problem-picker", lambda: ProblemPickerDialog(session, "계정계 로그인 지연")
    yield "parent-picker", lambda: ParentPickerDialog(session, working)
    yield "new-problem", lambda: TransitionDialog(session, NEW_PROBLEM)
    yield "sign-in", lambda: LoginDialog(language=session.language)
    yield "change-password", lambda: ChangePasswordDialog(session.actor, language=session.language)
    yield "first-run", lambda: FirstRunDialog(language=session.language)
    yield "admin-matrix-copy", matrix_copy
    yield "admin-matrix-import-errors", matrix_errors
    yield "admin-propagation-add", lambda: AddMemberDialog(session, "인터넷뱅킹")
    yield "admin-propagation-remove", lambda: ReasonDialog("최지훈")
    yield "admin-reset-password", lambda: ResetPasswordDialog(None, "choi")


def open_as_shown(dialog) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Show the dialog as exec() would (placed by Qt on the screen) and measure it."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QApplication,
        QComboBox,
        QHeaderView,
        QLineEdit,
        QPlainTextEdit,
        QScrollArea,
        QWidget,
    )

    dialog.show()
    QApplication.processEvents()
    screen = dialog.screen().availableGeometry()
    frame = dialog.frameGeometry()
    outside = []
    for button in dialog.findChildren(QAbstractButton):
        if not button.isVisibleTo(dialog):
            continue
        holder = button.parentWidget()
        scrolled = False
        while holder is not None and holder is not dialog:
            if isinstance(holder, QScrollArea):
                scrolled = True  # inside a scrolling body: reached by scrolling, not by the screen
                break
            holder = holder.parentWidget()
        if scrolled:
            continue
        rect = QRect(button.mapToGlobal(QPoint(0, 0)), button.size())
        if not screen.contains(rect):
            outside.append(f"{button.objectName() or button.text()} at {rect.getRect()}")
    inputs = (QLineEdit, QComboBox, QPlainTextEdit, QAbstractSpinBox, QAbstractItemView)
    unnamed = [f"{type(w).__name__} {w.objectName()}" for w in dialog.findChildren(QWidget)
               if isinstance(w, inputs) and not isinstance(w, QHeaderView) and w.isVisibleTo(dialog)
               and not w.accessibleName()
               and not isinstance(w.parentWidget(), QComboBox | QAbstractSpinBox)]
    return {"size": [dialog.width(), dialog.height()], "frame": list(frame.getRect()), "unnamed_inputs": unnamed,
            "screen": list(screen.getRect()), "fits": screen.contains(frame), "buttons_outside": outside}


def measure() -> list[dict[str, object]]:
    """Open every dialog in ko and en on a fresh demo database; one record each."""
    from desktop.app import _application
    from desktop.config import Settings
    from desktop.setup import open_database
    from desktop.views.i18n import install_language
    from desktop.views.session import ClientSession
    from desktop.views.theme import apply_theme
    from desktop.workflow.common.session import authenticate

    url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'dialogs.db'}"
    app = _application(Settings(database_url=url))
    open_database(url, create_with_demo=True, create=True)
    actor = authenticate("admin", "beacon")
    cases = demo_cases(actor.id)
    out = []
    for lang, theme in (("ko", "light"), ("en", "dark")):
        apply_theme(app, theme)
        install_language(lang)
        session = ClientSession(actor=actor, database_url=url, language=lang)
        for name, build in dialogs(session, cases):
            dialog = build()
            record = {"dialog": name, "language": lang, "theme": theme, **open_as_shown(dialog)}
            out.append(record)
            dialog.close()
            dialog.deleteLater()
            app.processEvents()
    return out


if __name__ == "__main__":
    use_laptop_screen()
    for line in measure():
        print(json.dumps(line, ensure_ascii=False))
    sys.stdout.flush()
