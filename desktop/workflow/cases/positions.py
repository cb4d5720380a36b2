"""Case lists read by position: how many rows a list holds, and the rows at any position in it.

The desktop list does not page through a million incidents from the top: when the scroll bar is
dragged to the middle it asks for the rows at that position. Every read here uses the list's own
query, segments and order (`queries`), so a position means the same row the keyset walk reaches:

- `census`: how many rows each segment of the list holds (the total is their sum) — one COUNT on an
  index for a list in one run, one GROUP BY when the runs are the values of one column;
- `estimate`: for a free-text filter, whose exact count reads every row, a quick figure from a sample
  (marked as an estimate) to show while the census runs;
- `anchors`: the sort key of every `ANCHOR_EVERY`-th row, found in one pass on the database
  (ROW_NUMBER), about a thousand keys for a million rows;
- `rows_at`: the rows from a position, sought from the nearest anchor (or the nearer end of the
  segment) with an OFFSET shorter than `ANCHOR_EVERY`.

A `ListPlan` holds the query for one user, filter and sort; build it once per list load.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import peewee

from desktop.models import Incident, SlaClock, database
from desktop.workflow.cases.queries import (
    CaseFilter,
    Cursor,
    IncidentFilter,
    Sort,
    _direction,
    _incident_conditions,
    _incident_rows,
    _plain,
    _Segment,
    _tuple_after,
    case_list_query,
    case_rows,
)
from desktop.workflow.common.actors import load_actor

ANCHOR_EVERY = 1000  # rows between two anchors: a seek from one skips fewer than this many index entries
SAMPLE = 20_000  # rows an estimate reads in the list's order


@dataclass(frozen=True)
class Census:
    """How many rows each segment of a list holds, in the order the list shows them."""

    keys: tuple[Any, ...]
    counts: tuple[int, ...]
    estimated: bool = False  # a figure from a sample, to be replaced by the exact census

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class Anchor:
    """The sort key of the row at `position`: the rows after it start at position + 1."""

    position: int
    cursor: Cursor


@dataclass(frozen=True)
class ListPlan:
    """One list's query for one user, filter and sort: its segments in the order shown."""

    kind: str
    query: Any
    segments: tuple[_Segment, ...]
    descending: bool
    id_column: Any
    width: int
    to_rows: Callable[[list[tuple]], list[Any]]
    text: str = ""  # the free-text filter, whose exact count is slow on a big list
    cheap_query: Any = None  # the same list without the text filter (what an estimate samples)
    count_query: Any = None  # the same rows without the joins that only add columns (what a count reads)


def plan(*, actor_id: int, kind: str, filters: IncidentFilter | CaseFilter, sort: Sort) -> ListPlan:
    """The query `list_incidents` (kind "incident") or `list_cases` walks, ready to be read by position."""
    actor = load_actor(actor_id)
    if kind == "incident":
        assert isinstance(filters, IncidentFilter)
        return _incident_plan(actor, filters, sort)
    assert isinstance(filters, CaseFilter)
    listed = case_list_query(actor, kind, filters, sort)
    cheap = case_list_query(actor, kind, replace(filters, text=""), sort).query if filters.text.strip() else None
    walk = tuple(listed.segments[::-1] if sort.descending else listed.segments)
    # every filter is on the kind's own table, so its rows are counted without the joins that name things
    counted = listed.model.select(listed.model.case).where(listed.query._where)
    return ListPlan(kind, listed.query, walk, sort.descending, listed.model.case, listed.width,
                    lambda tuples: case_rows(listed, tuples), filters.text.strip(), cheap, counted)


def _incident_plan(actor: Any, f: IncidentFilter, sort: Sort) -> ListPlan:
    from desktop.workflow.cases.queries import _incident_segments

    clock = SlaClock.alias()

    def ids_query(filters: IncidentFilter) -> Any:
        ids = Incident.select(Incident.case)
        if sort.key == "sla_due":
            ids = ids.join(clock, peewee.JOIN.LEFT_OUTER,
                           on=((clock.case == Incident.case) & (clock.kind == "resolution")))
        for condition in _incident_conditions(actor, filters):
            ids = ids.where(condition)
        return ids

    segments = _incident_segments(sort, f, clock)
    walk = tuple(segments[::-1] if sort.descending else segments)
    cheap = ids_query(replace(f, text="")) if f.text.strip() else None
    return ListPlan("incident", ids_query(f), walk, sort.descending, Incident.case, 1,
                    lambda tuples: _incident_rows([t[0] for t in tuples]), f.text.strip(), cheap)


# --- how many ----------------------------------------------------------------------------------------

def census(p: ListPlan) -> Census:
    """The exact number of rows in each segment."""
    return _count(p, p.query if p.count_query is None else p.count_query)


def _count(p: ListPlan, query: Any) -> Census:
    keys = tuple(s.key for s in p.segments)
    column = _grouping_column(p.segments)
    if column is not None:  # one pass, grouped, instead of one count per value
        found = dict(query.select(column, peewee.fn.COUNT(p.id_column)).group_by(column).tuples())
        return Census(keys, tuple(int(found.get(_segment_value(s), 0)) for s in p.segments))
    counts = []
    for s in p.segments:
        q = query if s.condition is None else query.where(s.condition)
        counts.append(int(q.select(peewee.fn.COUNT(p.id_column)).scalar() or 0))
    return Census(keys, tuple(counts))


def _grouping_column(segments: Sequence[_Segment]) -> Any:
    """The column whose values the segments are (grade, state, application, assignee), or None."""
    column = None
    for s in segments:
        c = s.condition
        if not isinstance(c, peewee.Expression) or not isinstance(c.lhs, peewee.Field):
            return None
        if not (c.op == peewee.OP.EQ or (c.op == peewee.OP.IS and c.rhs is None)):
            return None
        if column is not None and (c.lhs.model is not column.model or c.lhs.name != column.name):
            return None
        column = c.lhs
    return column if len(segments) > 1 else None


def _segment_value(s: _Segment) -> Any:
    return s.condition.rhs


def estimate(p: ListPlan) -> Census | None:
    """A quick figure for a list filtered by free text (None when its exact census is cheap anyway): the share
    of matches among the first `SAMPLE` rows of the list without the text filter, times that list's count."""
    if not p.text or p.cheap_query is None:
        return None
    base = _count(p, p.cheap_query)
    if base.total <= SAMPLE:
        return None  # small enough to count exactly at once
    first = _first_segment_sample(p)
    if first is None:
        return None
    matched, read = first
    share = matched / read if read else 0.0
    return Census(base.keys, tuple(round(c * share) for c in base.counts), estimated=True)


def _first_segment_sample(p: ListPlan) -> tuple[int, int] | None:
    """(matches, rows read) among the first SAMPLE rows of the unfiltered list in its order."""
    for s in p.segments:
        q = p.cheap_query if s.condition is None else p.cheap_query.where(s.condition)
        order = [_direction(c, p.descending) for c in (*s.order, p.id_column)]
        sample = q.select(p.id_column).order_by(*order).limit(SAMPLE)
        read = peewee.Select([sample.alias("sample")], [peewee.fn.COUNT(peewee.SQL("*"))]).bind(database).scalar()
        if not read:
            continue
        ids = sample.alias("sampled")
        matched = p.query.where(p.id_column.in_(peewee.Select([ids], [ids.c.case_id]))).select(
            peewee.fn.COUNT(p.id_column)).scalar()
        return int(matched or 0), int(read)
    return None


# --- where ------------------------------------------------------------------------------------------

def anchors(p: ListPlan, counts: Census, every: int = ANCHOR_EVERY,
            still_wanted: Callable[[], bool] = lambda: True) -> list[Anchor]:
    """The sort key of every `every`-th row, in position order; stops early when `still_wanted` says no."""
    out: list[Anchor] = []
    start = 0
    for s, size in zip(p.segments, counts.counts, strict=True):
        if size > every and still_wanted():
            q = p.query if s.condition is None else p.query.where(s.condition)
            columns = [*s.order, p.id_column]
            order = [_direction(c, p.descending) for c in columns]
            numbered = q.select(*[_plain(c) for c in columns],
                                peewee.fn.ROW_NUMBER().over(order_by=order).alias("rn")).order_by()
            sql, params = numbered.sql()
            found = database.execute_sql(
                f"SELECT * FROM ({sql}) AS numbered WHERE numbered.rn %% {int(every)} = 0" if _pg()
                else f"SELECT * FROM ({sql}) AS numbered WHERE numbered.rn % {int(every)} = 0", params)
            for *values, case_id, rn in found.fetchall():
                out.append(Anchor(start + int(rn) - 1, Cursor((s.key, tuple(values)), int(case_id))))
        start += size
    return out


def _pg() -> bool:
    return not isinstance(database.obj, peewee.SqliteDatabase)


def rows_at(p: ListPlan, counts: Census, start: int, limit: int, known: Sequence[Anchor] = ()) -> list[Any]:
    """Up to `limit` rows from position `start` (0 = the first row), in the list's order."""
    positions = [a.position for a in known]
    tuples: list[tuple] = []
    position = max(0, start)
    segment_start = 0
    for s, size in zip(p.segments, counts.counts, strict=True):
        segment_end = segment_start + size
        if position >= segment_end:
            segment_start = segment_end
            continue
        offset = position - segment_start
        want = min(limit - len(tuples), size - offset)
        # the shortest way there: from the segment's start, back from its end, or on from an anchor before it
        skip, after, backwards = offset, None, False
        tail = size - offset - want
        if tail < skip:
            skip, backwards = tail, True
        i = bisect.bisect_left(positions, position) - 1
        if i >= 0 and known[i].position >= segment_start and position - known[i].position - 1 < skip:
            skip, after, backwards = position - known[i].position - 1, known[i].cursor, False
        got = _read(p, s, after, skip, want, backwards)
        tuples += got
        position += len(got)
        segment_start = segment_end
        if len(got) < want or len(tuples) >= limit:
            break
    return p.to_rows(tuples)


def _read(p: ListPlan, s: _Segment, after: Cursor | None, skip: int, limit: int, backwards: bool) -> list[tuple]:
    q = p.query if s.condition is None else p.query.where(s.condition)
    columns = [*s.order, p.id_column]
    descending = p.descending != backwards
    if after is not None:
        q = q.where(_seek_after(columns, [*after.value[1], after.case_id], descending))
    order = [_direction(c, descending) for c in columns]
    found = [t[:p.width] for t in q.order_by(*order).limit(limit).offset(skip).tuples()]
    return found[::-1] if backwards else found


def _seek_after(columns: list[Any], values: list[Any], descending: bool) -> Any:
    """Rows after `values` in the list's order, as a row-value comparison where every column runs the same way:
    the index then seeks straight to the anchor (the OR/AND form of `_tuple_after` makes SQLite scan from the
    top: 120 ms at row 500,000 of a million instead of 1 ms)."""
    if any(isinstance(c, peewee.Ordering) for c in columns):
        return _tuple_after(columns, values, descending)
    row, anchor = peewee.Tuple(*columns), peewee.Tuple(*values)
    return row < anchor if descending else row > anchor
