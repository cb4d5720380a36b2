"""Similar cases (유사 사례) beside what is being typed, or in a case window: three short groups, each case with
why it was suggested and the one click that acts on it.

The search runs on the thread pool (its own connection), 300 ms after the last keystroke; an answer for text
that has changed since is dropped. The panel decides nothing: a click emits `sig_chosen` with a `Choice`, and
the registration dialog or the case window acts on it through the prevention services.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import BeaconError
from desktop.views.session import ClientSession
from desktop.workflow.engine.process import state_label
from desktop.workflow.prevention.similar import (
    GROUPS,
    Choice,
    SimilarCases,
    Suggestion,
    similar_cases,
    similar_to_case,
)
from desktop.workflow.prevention.texts import TEXTS

DEBOUNCE_MS = 300


class _Signals(QObject):
    sig_found = Signal(int, object)  # generation, SimilarCases
    sig_failed = Signal(int, object)  # generation, error


class _Find(QRunnable):
    """One search on a pool thread, handed back with a signal."""

    def __init__(self, generation: int, call: dict) -> None:
        super().__init__()
        self.generation, self.call = generation, call
        self.signals = _Signals()

    def run(self) -> None:
        from desktop.workflow.sla.background import release_connection

        try:
            try:
                call = dict(self.call)
                found = similar_to_case(**call) if "case_id" in call else similar_cases(**call)
            except Exception as exc:  # a lost server reaches the panel as a message
                self.signals.sig_failed.emit(self.generation, exc)
            else:
                self.signals.sig_found.emit(self.generation, found)
        except RuntimeError:
            pass  # the panel was closed while searching
        finally:
            release_connection()


class SimilarPanel(QFrame):
    """The suggestions for one text. `mode` "register": open incidents offer "duplicate" and "parent", problems
    "link and copy the workaround"; "case": the same for an existing incident, where the owner says which
    actions the case allows (`set_actions`)."""

    sig_chosen = Signal(object)  # Choice
    sig_shown = Signal()  # new suggestions are on screen

    def __init__(self, session: ClientSession, *, mode: str = "register", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.mode = mode
        self.setObjectName("similar_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.found: SimilarCases | None = None
        self.allowed = {"duplicate": True, "parent": True, "known_error": True}
        self.known_error_hint = ""
        self._generation = 0
        self._jobs: dict[int, _Find] = {}
        self._pending: dict | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._start)
        self.title = QLabel(self.tr("Similar cases"), self)
        self.title.setObjectName("similar_title")
        self.title.setStyleSheet("font-weight: bold;")
        self.status = QLabel(self.tr("Type a title: similar open incidents, known errors and recently closed "
                                     "incidents appear here, each with why."), self)
        self.status.setObjectName("similar_status")
        self.status.setWordWrap(True)
        self.status.setEnabled(False)
        self.body = QWidget(self)
        self.rows = QVBoxLayout(self.body)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(4)
        self.rows.addStretch(1)
        self.scroll = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)

    # --- asking -----------------------------------------------------------------------------

    def request(self, *, title: str, description: str = "", application_id: int | None = None,
                exclude_case_id: int | None = None, at_once: bool = False) -> None:
        """Search for this text after a pause in typing (`at_once`: now, e.g. when a case window opens)."""
        self._generation += 1  # an answer for older text is dropped
        if not (title.strip() or description.strip()):
            self._timer.stop()
            self._pending = None
            self._show(SimilarCases())
            return
        self._pending = {"actor_id": self.session.actor.id, "title": title, "description": description,
                         "application_id": application_id, "exclude_case_id": exclude_case_id}
        if at_once:
            self._timer.stop()
            self._start()
        else:
            self._timer.start()

    def request_case(self, case_id: int) -> None:
        """Search at once for cases like an existing incident (the case window's tab)."""
        self._generation += 1
        self._pending = {"actor_id": self.session.actor.id, "case_id": case_id}
        self._timer.stop()
        self._start()

    def _start(self) -> None:
        if self._pending is None:
            return
        job = _Find(self._generation, self._pending)
        self._pending = None
        job.signals.sig_found.connect(self._found)
        job.signals.sig_failed.connect(self._failed)
        self._jobs[id(job)] = job
        job.signals.sig_found.connect(lambda *_: self._jobs.pop(id(job), None))
        job.signals.sig_failed.connect(lambda *_: self._jobs.pop(id(job), None))
        self.status.setText(self.tr("Looking for similar cases…"))
        QThreadPool.globalInstance().start(job)

    @property
    def busy(self) -> bool:
        return self._timer.isActive() or self._pending is not None or bool(self._jobs)

    def wait_until_idle(self, timeout_ms: int = 10_000) -> bool:
        """Run the event loop until the search in hand has answered (tests, screenshots)."""
        if self.busy:
            loop = QEventLoop()
            self.sig_shown.connect(loop.quit)
            QTimer.singleShot(timeout_ms, loop.quit)
            while self.busy:
                loop.exec()
                if not self.busy:
                    break
            self.sig_shown.disconnect(loop.quit)
        return not self.busy

    def _found(self, generation: int, found: SimilarCases) -> None:
        if generation == self._generation:
            self._show(found)

    def _failed(self, generation: int, error: object) -> None:
        if generation != self._generation:
            return
        message = error.message(self.session.language) if isinstance(error, BeaconError) else str(error)
        self.status.setText(self.tr("Similar cases could not be searched: {0}").format(message))
        self.sig_shown.emit()

    def set_actions(self, **allowed: bool) -> None:
        """Which one-click actions this place allows (duplicate, parent, known_error), shown again at once."""
        self.allowed.update(allowed)
        if self.found is not None:
            self._show(self.found)

    # --- showing ----------------------------------------------------------------------------

    def _show(self, found: SimilarCases) -> None:
        self.found = found
        while self.rows.count() > 1:
            item = self.rows.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)  # gone from the panel now, deleted once the loop turns
                widget.deleteLater()
        lang = self.session.language
        shown = 0
        for group in GROUPS:
            items = found.group(group)
            if not items:
                continue
            key = "group.open_any" if group == "open" and found.application_id is None else f"group.{group}"
            heading = QLabel(TEXTS.pick(key, lang), self.body)
            heading.setObjectName(f"similar_group_{group}")
            heading.setStyleSheet("font-weight: bold; color: #1565c0; margin-top: 4px;")
            heading.setWordWrap(True)
            heading.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            self.rows.insertWidget(self.rows.count() - 1, heading)
            for suggestion in items:
                self.rows.insertWidget(self.rows.count() - 1, self._row(suggestion))
                shown += 1
        self._fit_body()
        if shown:
            self.status.setText(self.tr("{0} similar cases — why each is suggested is under it").format(shown))
        elif self._generation and (found.terms or found.candidates):
            self.status.setText(self.tr("No similar case found."))
        else:
            self.status.setText(self.tr("Type a title: similar open incidents, known errors and recently closed "
                                        "incidents appear here, each with why."))
        self.sig_shown.emit()

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)
        self._fit_body()

    def _fit_body(self) -> None:
        """The rows' wrapped lines need more height the narrower the panel: ask the layout for the height at
        this width, so the list scrolls instead of squeezing its rows (a style sheet may not ask)."""
        width = self.scroll.viewport().width()
        if self.rows.hasHeightForWidth():
            self.body.setMinimumHeight(self.rows.totalHeightForWidth(width))
        else:
            self.body.setMinimumHeight(self.rows.totalSizeHint().height())

    def _row(self, s: Suggestion) -> QWidget:
        lang = self.session.language
        row = QFrame(self.body)
        row.setObjectName(f"similar_{s.number}")
        row.setFrameShape(QFrame.Shape.StyledPanel)
        # never squeezed below what its wrapped lines need (the list scrolls instead)
        row.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        outer = QVBoxLayout(row)
        outer.setContentsMargins(6, 4, 6, 4)
        outer.setSpacing(2)
        top = QHBoxLayout()
        badge = ""
        if s.is_known_error:
            known = html.escape(self.tr("Known error"))
            badge = f"<span style='background:#c62828;color:white;border-radius:4px'>&nbsp;{known}&nbsp;</span> "
        app = s.application_en if lang == "en" and s.application_en else s.application
        state = state_label(s.kind, s.state, lang)
        head = QLabel(f"{badge}<b>{html.escape(s.number)}</b> {html.escape(s.title)}"
                      f" <span style='color:#8a8a8a'>· {html.escape(state)}"
                      f"{' · ' + html.escape(app) if app else ''} · {round(s.score * 100)}%</span>", row)
        head.setObjectName("similar_head")
        head.setWordWrap(True)
        head.setTextFormat(Qt.TextFormat.RichText)
        head.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        top.addWidget(head, 1)
        for kind, label, tip in self._buttons(s):
            button = QPushButton(label, row)
            button.setObjectName(f"similar_{kind}")
            button.setToolTip(tip)
            button.setAccessibleName(f"{label} {s.number}")
            button.setEnabled(self.allowed.get(kind, False))
            if kind == "known_error" and not self.allowed.get(kind, False) and self.known_error_hint:
                button.setToolTip(self.known_error_hint)
            button.clicked.connect(lambda _=False, k=kind, c=s: self.sig_chosen.emit(Choice(k, c.case_id, c.number)))
            top.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)
        why = QLabel(s.why(lang), row)
        why.setObjectName("similar_reason")
        why.setWordWrap(True)
        why.setStyleSheet("color: #6d6d6d; font-size: 11px;")
        outer.addWidget(why)
        details = []
        if s.workaround:
            details.append((self.tr("Workaround"), s.workaround))
        if s.cause:
            details.append((self.tr("Cause"), s.cause))
        if s.resolution:
            details.append((self.tr("Resolution"), s.resolution))
        if details:
            text = QLabel(" · ".join(f"<b>{html.escape(k)}</b>: {html.escape(v)}" for k, v in details), row)
            text.setObjectName("similar_details")
            text.setTextFormat(Qt.TextFormat.RichText)
            text.setWordWrap(True)
            outer.addWidget(text)
        return row

    def _buttons(self, s: Suggestion) -> list[tuple[str, str, str]]:
        if s.group == "open":
            return [("duplicate", self.tr("Duplicate"),
                     self.tr("Register this as a duplicate of {0} (it is cancelled and linked to it)")
                     .format(s.number) if self.mode == "register" else
                     self.tr("Cancel this incident as a duplicate of {0}").format(s.number)),
                    ("parent", self.tr("Parent"), self.tr("Make {0} the parent (major) incident of this one")
                     .format(s.number))]
        if s.group == "problem":
            return [("known_error", self.tr("Link + workaround"),
                     self.tr("Link problem {0} and copy its workaround into an action").format(s.number))]
        return []
