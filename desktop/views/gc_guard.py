"""Python's cyclic garbage collector runs in whichever thread happens to allocate. If it collects
a cycle holding Qt widgets while a report or a list page is being made on the thread pool, the
widgets are destroyed on that worker thread and the process crashes (seen twice in the GUI tests).
So automatic collection is switched off and the same thresholds are checked on the UI thread,
a few times a second (the approach pyqtgraph's GarbageCollector takes)."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class UiThreadCollector(QObject):
    """Collect cyclic garbage on the UI thread only; create one, on the UI thread, after QApplication."""

    def __init__(self, interval_ms: int = 250, parent: QObject | None = None) -> None:
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> None:
        """Collect the generations whose allocation counts passed their thresholds, as automatic GC would."""
        thresholds, counts = gc.get_threshold(), gc.get_count()
        if counts[0] <= thresholds[0]:
            return
        generation = 0
        if counts[1] > thresholds[1]:
            generation = 2 if counts[2] > thresholds[2] else 1
        gc.collect(generation)
