"""Lay out a process as a diagram: states as boxes in columns by stage, transitions as labelled arrows.

Pure geometry, no Qt: the screen passes how wide a text is in its font and paints what comes
back, and tests check the layout (no box or label overlaps another) without painting.

- States with a `stage` stand in one column per stage, in stage order; states of the same stage
  are stacked. An open state without a stage goes one column after the states that lead to it.
  Final states without a stage (cancelled, rejected) sit in a row of their own under the columns.
- The creating transition is an arrow from a start dot to the initial state; final states are
  drawn with a double border. Transitions that stay in the state (reassign, regrade) are listed
  inside the box rather than drawn as loops.
- Arrows between neighbouring columns go side to side; arrows that skip a column curve under the
  columns, arrows that go back curve over them, arrows within a column go straight up or down.
  Each label sits at its arrow's middle, moved aside until it covers no box and no other label.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from desktop.i18n import pick
from desktop.workflow.engine.process import STAY, ProcessDef

Point = tuple[float, float]

MARGIN = 16.0
PAD = 8.0
COLUMN_GAP = 90.0
ROW_GAP = 56.0
ARC_STEP = 22.0
MIN_BOX_WIDTH = 110.0
START_RADIUS = 7.0
STAY_MARK = "↻ "


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def center(self) -> Point:
        return self.x + self.w / 2, self.y + self.h / 2

    def intersects(self, other: Rect, gap: float = 0.0) -> bool:
        return (self.x < other.right + gap and other.x < self.right + gap
                and self.y < other.bottom + gap and other.y < self.bottom + gap)

    def moved(self, dx: float, dy: float) -> Rect:
        return Rect(self.x + dx, self.y + dy, self.w, self.h)


@dataclass(frozen=True)
class StateBox:
    """One state: where its box is and what it says."""

    name: str
    title: str  # the state's label in the chosen language
    stays: tuple[str, ...]  # labels of transitions that keep the case in this state
    rect: Rect
    initial: bool
    final: bool
    pauses_sla: bool
    column: int  # -1: the row of final states without a stage


@dataclass(frozen=True)
class Arrow:
    """One transition from one source state: a cubic curve (4 points) and its label."""

    transition: str
    source: str  # "" for the creating transition (from the start dot)
    target: str
    points: tuple[Point, Point, Point, Point]
    label: str
    label_rect: Rect


@dataclass(frozen=True)
class Diagram:
    boxes: dict[str, StateBox]
    arrows: tuple[Arrow, ...]
    start: Point  # centre of the start dot
    width: float
    height: float
    line_height: float


def _midpoint(p: tuple[Point, Point, Point, Point]) -> Point:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = p
    return (x0 + 3 * x1 + 3 * x2 + x3) / 8, (y0 + 3 * y1 + 3 * y2 + y3) / 8


def _columns(process: ProcessDef) -> dict[str, int]:
    """Column of each state (-1 for final states without a stage)."""
    stages = sorted({s.stage for s in process.states.values() if s.stage is not None})
    column = {s.name: stages.index(s.stage) for s in process.states.values() if s.stage is not None}
    # open states without a stage: one column after what leads to them, in breadth-first order
    order = [process.initial.name]
    for name in order:
        for t in process.transitions_from(name):
            there = t.target_from(name)
            if there not in order:
                order.append(there)
    for name in order:
        state = process.states[name]
        if name in column or state.final:
            continue
        before = [column[t_source] for t in process.transitions.values() if t.target == name
                  for t_source in t.sources if t_source in column]
        column[name] = (max(before) + 1) if before else 0
    for state in process.states.values():
        column.setdefault(state.name, -1)
    return column


def layout(process: ProcessDef, *, language: str, measure: Callable[[str], float], line_height: float,
           measure_title: Callable[[str], float] | None = None) -> Diagram:
    """The diagram of a process; `measure` gives a text's width in the font it will be drawn with."""
    title_width = measure_title or measure
    column = _columns(process)
    stays: dict[str, list[str]] = {name: [] for name in process.states}
    for t in process.transitions.values():
        for source in t.sources:
            if t.target_from(source) == source:
                stays[source].append(pick(t.label, language))

    sizes: dict[str, tuple[float, float]] = {}
    for s in process.states.values():
        lines = [STAY_MARK + label for label in stays[s.name]]
        width = max([title_width(pick(s.label, language)), *(measure(line) for line in lines)]) + 2 * PAD + 6
        sizes[s.name] = (max(MIN_BOX_WIDTH, width), 2 * PAD + line_height * (1 + len(lines)) + 4)

    creation = process.creation
    creation_label = pick(creation.label, language)
    start_x = MARGIN + START_RADIUS
    first_x = start_x + START_RADIUS + max(60.0, measure(creation_label) + 24)
    columns = sorted({c for c in column.values() if c >= 0})
    widths = {c: max(sizes[n][0] for n in process.states if column[n] == c) for c in columns}
    # the gap after a column is wide enough for the labels of the arrows that cross it side to side
    gaps = {c: COLUMN_GAP for c in columns}
    for t in process.transitions.values():
        for src in t.sources:
            if t.target != STAY and column[src] >= 0 and column[t.target] == column[src] + 1:
                gaps[column[src]] = max(gaps[column[src]], measure(pick(t.label, language)) + 8 + 44)
    left: dict[int, float] = {}
    x = first_x
    for c in columns:
        left[c] = x
        x += widths[c] + gaps[c]
    right_edge = x - gaps[columns[-1]]

    # a band above the columns for arrows that go back, a band below for those that skip ahead
    over = [t for t in process.transitions.values() if not t.creates and t.target != STAY
            for src in t.sources if column[src] >= 0 and 0 <= column[t.target] < column[src]]
    top = MARGIN + line_height + ARC_STEP * (len(over) + 1)
    rects: dict[str, Rect] = {}
    for c in columns:
        y = top
        for name in (n for n in process.states if column[n] == c):
            w, h = sizes[name]
            rects[name] = Rect(left[c] + (widths[c] - w) / 2, y, w, h)
            y += h + ROW_GAP
    main_bottom = max(r.bottom for r in rects.values())
    under = [t for t in process.transitions.values() if not t.creates and t.target != STAY
             for src in t.sources if column[src] >= 0 and column[t.target] > column[src] + 1]
    exit_top = main_bottom + ROW_GAP + ARC_STEP * (len(under) + 1) + line_height

    # final states without a stage: under the middle of the columns that lead to them
    taken: list[Rect] = []
    for s in process.states.values():
        if column[s.name] != -1:
            continue
        sources = [rects[src].center[0] for t in process.transitions.values() if t.target == s.name
                   for src in t.sources if src in rects]
        w, h = sizes[s.name]
        cx = sum(sources) / len(sources) if sources else (first_x + right_edge) / 2
        rect = Rect(cx - w / 2, exit_top, w, h)
        while any(rect.intersects(other, PAD * 3) for other in taken):
            rect = rect.moved(w / 2 + PAD * 3, 0)
        taken.append(rect)
        rects[s.name] = rect

    stacked = {n: [m for m in process.states if column[m] == column[n]] for n in process.states if column[n] >= 0}
    below = {n: n in stacked and stacked[n][-1] != n for n in process.states}
    above = {n: n in stacked and stacked[n][0] != n for n in process.states}
    boxes = {s.name: StateBox(s.name, pick(s.label, language), tuple(stays[s.name]), rects[s.name], s.initial,
                              s.final, s.pauses_sla, column[s.name]) for s in process.states.values()}

    # --- arrows --------------------------------------------------------------------------------
    initial = rects[process.initial.name]
    start = (start_x, initial.center[1])
    curves: list[tuple[str, str, str, tuple[Point, Point, Point, Point], str]] = []
    p0 = (start_x + START_RADIUS, start[1])
    p3 = (initial.x, start[1])
    curves.append((creation.name, "", process.initial.name, (p0, p0, p3, p3), creation_label))
    over_slot = under_slot = 0
    for t in process.transitions.values():
        if t.creates or t.target == STAY:
            continue
        for src in t.sources:
            if t.target == src:
                continue
            a, b = rects[src], rects[t.target]
            ca, cb = column[src], column[t.target]
            if cb == -1 and ca != -1:  # down into the row of exits (round the boxes stacked under the source)
                q3 = (b.center[0], b.y)
                if not below[src]:
                    q0 = (a.center[0], a.bottom)
                    dy = (q3[1] - q0[1]) / 2
                    points = (q0, (q0[0], q0[1] + dy), (q3[0], q3[1] - dy), q3)
                else:
                    out = 1 if q3[0] >= a.center[0] else -1
                    q0 = (a.right if out > 0 else a.x, a.y + a.h * 0.75)  # below where side arrows come in
                    bend = (q0[0] + out * COLUMN_GAP * 0.6, q0[1])
                    points = (q0, bend, (bend[0], q3[1] - ROW_GAP), q3)
            elif ca == -1:  # back up from the row of exits
                q0, q3 = (a.center[0], a.y), (b.center[0], b.bottom)
                dy = (q0[1] - q3[1]) / 2
                points = (q0, (q0[0], q0[1] - dy), (q3[0], q3[1] + dy), q3)
            elif ca == cb and any(min(a.y, b.y) < r.y < max(a.y, b.y) for n, r in rects.items()
                                  if n not in (src, t.target) and column[n] == ca):
                # within a column past a box in between: round its right side, not through it
                side = max(r.right for n, r in rects.items() if column[n] == ca) + COLUMN_GAP * 0.35
                q0, q3 = (a.right, a.center[1]), (b.right, b.center[1])
                points = (q0, (side, q0[1]), (side, q3[1]), q3)
            elif ca == cb:  # within a stacked column: straight, downward arrows left of upward ones
                down = b.y > a.y
                dx = -a.w / 6 if down else a.w / 6
                q0 = (a.center[0] + dx, a.bottom if down else a.y)
                q3 = (b.center[0] + dx, b.y if down else b.bottom)
                points = (q0, q0, q3, q3)
            elif cb == ca + 1:  # to the next column: side to side
                q0, q3 = (a.right, a.center[1]), (b.x, b.center[1])
                dx = (q3[0] - q0[0]) / 2
                points = (q0, (q0[0] + dx, q0[1]), (q3[0] - dx, q3[1]), q3)
            elif cb > ca:  # skipping a column: under the columns
                under_slot += 1
                depth = main_bottom + ARC_STEP * (under_slot + 1) * 1.4
                q0, q3 = (a.center[0] + a.w / 4, a.bottom), (b.center[0] - b.w / 4, b.bottom)
                p1, p2 = (q0[0], depth), (q3[0], depth)
                if below[src]:  # leave by the right side, not through the box underneath
                    q0, p1 = (a.right, a.center[1]), (a.right + COLUMN_GAP / 2, depth)
                if below[t.target]:
                    q3, p2 = (b.x, b.center[1]), (b.x - COLUMN_GAP / 2, depth)
                points = (q0, p1, p2, q3)
            else:  # going back: over the columns
                over_slot += 1
                height = top - ARC_STEP * (over_slot + 1) * 1.4
                q0, q3 = (a.center[0] - a.w / 4, a.y), (b.center[0] + b.w / 4, b.y)
                p1, p2 = (q0[0], height), (q3[0], height)
                if above[src]:  # leave by the left side, not through the box above
                    q0, p1 = (a.x, a.center[1]), (a.x - COLUMN_GAP / 2, height)
                if above[t.target]:
                    q3, p2 = (b.right, b.center[1]), (b.right + COLUMN_GAP / 2, height)
                points = (q0, p1, p2, q3)
            curves.append((t.name, src, t.target, points, pick(t.label, language)))

    obstacles = [r for r in rects.values()]
    obstacles.append(Rect(start[0] - START_RADIUS, start[1] - START_RADIUS, 2 * START_RADIUS, 2 * START_RADIUS))
    placed: list[Rect] = []
    arrows = []
    step = line_height * 0.75
    nudges = [(0.0, 0.0)] + [(dx * step, dy * step) for r in range(1, 9)
                             for dx, dy in ((0, -r), (0, r), (r, 0), (-r, 0), (r, -r), (-r, -r), (r, r), (-r, r))]
    for name, src, dst, points, text in curves:
        w, h = measure(text) + 8, line_height + 2
        mx, my = _midpoint(points)
        if not src:  # the creating transition: its label above the short arrow
            my -= h / 2 + 2
        base = Rect(mx - w / 2, my - h / 2, w, h)
        label = base
        for dx, dy in nudges:
            candidate = base.moved(dx, dy)
            if not any(candidate.intersects(o, 2) for o in (*obstacles, *placed)):
                label = candidate
                break
        placed.append(label)
        arrows.append(Arrow(name, src, dst, points, text, label))

    # everything drawn inside the canvas: shift right/down if a label or curve went past the margin
    xs = [v for r in (*rects.values(), *placed) for v in (r.x, r.right)]
    ys = [v for r in (*rects.values(), *placed) for v in (r.y, r.bottom)]
    ys += [p[1] for a in arrows for p in a.points]
    dx, dy = max(0.0, MARGIN - min(xs)), max(0.0, MARGIN - min(ys))
    if dx or dy:
        boxes = {n: StateBox(b.name, b.title, b.stays, b.rect.moved(dx, dy), b.initial, b.final, b.pauses_sla,
                             b.column) for n, b in boxes.items()}
        arrows = [Arrow(a.transition, a.source, a.target,
                        tuple((x + dx, y + dy) for x, y in a.points),  # type: ignore[arg-type]
                        a.label, a.label_rect.moved(dx, dy)) for a in arrows]
        start = (start[0] + dx, start[1] + dy)
    width = max(xs) + dx + MARGIN
    height = max(ys) + dy + MARGIN
    return Diagram(boxes, tuple(arrows), start, width, height, line_height)
