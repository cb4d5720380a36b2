"""Hot statements compiled once per bound database, then run with new values.

peewee builds and compiles a query's SQL on every call: for a joined list query, or one with two hundred
ids in an `IN (...)`, that is one to several milliseconds of Python, more than the database needs to run
it (issue #22). A hot read path builds its peewee query once with `param("name")` (or `id_list("name")`)
markers where its values go; `Prepared` keeps the SQL text and the query per bound database and runs
the same text with the values given. Rows come back as peewee would give them (`objects`), or as tuples
converted only where the driver's value is not yet Python's (`tuples`: SQLite's date and time text, its
0/1 booleans); nothing of the database's own rules changes: the statement is the same one peewee sends.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

import peewee

from desktop.models.base import database

_fromisoformat = datetime.fromisoformat


class _Marker:
    """Where one named value goes in a prepared statement."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def bind(self, value: Any, sqlite: bool) -> Any:
        return value


class _IdList(_Marker):
    """A list of integer ids passed as one value: a JSON array on SQLite, an array on PostgreSQL."""

    __slots__ = ()

    def bind(self, value: Any, sqlite: bool) -> Any:
        ids = [int(v) for v in value]
        return json.dumps(ids) if sqlite else ids


def param(name: str) -> peewee.Node:
    """A named value of a prepared statement (given to `Prepared.execute` as a keyword)."""
    return peewee.Value(_Marker(name), converter=False)


def id_list(column: Any, name: str) -> peewee.Node:
    """`column` is one of the ids given as `name`: one parameter however many ids (compiled once)."""
    if isinstance(database.obj, peewee.SqliteDatabase):
        return column.in_(peewee.NodeList((peewee.SQL("(SELECT value FROM json_each("),
                                           peewee.Value(_IdList(name), converter=False), peewee.SQL("))")),
                                          glue=""))
    return column == peewee.fn.ANY(peewee.Value(_IdList(name), converter=False))


def _sqlite_converter(node: Any) -> Callable[[Any], Any] | None:
    """How a selected column's SQLite value becomes what peewee would return (None: as it is)."""
    while isinstance(node, peewee.Alias):
        node = node.node
    field = getattr(node, "field", node)  # a model alias's field
    if isinstance(field, peewee.DateTimeField):
        slow = field.python_value

        def as_datetime(value: Any) -> Any:
            if value.__class__ is str:
                try:
                    return _fromisoformat(value)  # what peewee's own parser tries first
                except ValueError:
                    return slow(value)
            return value

        return as_datetime
    if isinstance(field, (peewee.BooleanField, peewee.DateField, peewee.TimeField)):
        return field.python_value  # type: ignore[no-any-return]
    return None


def _converted(rows: list[Any], converters: list[Callable[[Any], Any] | None]) -> list[tuple[Any, ...]]:
    pairs = [(i, c) for i, c in enumerate(converters) if c is not None]
    if not pairs:
        return [tuple(row) for row in rows]
    out = []
    for row in rows:
        values = list(row)
        for i, convert in pairs:
            if values[i] is not None:
                values[i] = convert(values[i])
        out.append(tuple(values))
    return out


def fast_tuples(query: Any) -> list[tuple[Any, ...]]:
    """A query built anew (its filters vary) run as tuples, converted only where the driver's value is not yet
    Python's (SQLite's date and time text, its 0/1 booleans) instead of peewee's conversion of every value."""
    sql, params = query.sql()
    rows = database.execute_sql(sql, params).fetchall()
    if not isinstance(database.obj, peewee.SqliteDatabase):
        return [tuple(row) for row in rows]
    return _converted(rows, [_sqlite_converter(node) for node in query._returning])


class Prepared:
    """A query built once (by `build`, with `param` markers) and compiled once per bound database."""

    def __init__(self, build: Callable[[], Any]) -> None:
        self._build = build
        self._compiled: tuple[object, Any, str, list[Any], list[Callable[[Any], Any] | None]] | None = None

    def _get(self) -> tuple[object, Any, str, list[Any], list[Callable[[Any], Any] | None]]:
        compiled = self._compiled
        if compiled is None or compiled[0] is not database.obj:  # another database bound (tests, reconnect)
            query = self._build()
            sql, params = query.sql()
            sqlite = isinstance(database.obj, peewee.SqliteDatabase)
            returning = getattr(query, "_returning", None) or []
            converters = [_sqlite_converter(node) if sqlite else None for node in returning]
            compiled = (database.obj, query, sql, params, converters)
            self._compiled = compiled
        return compiled

    def execute(self, **values: Any) -> Any:
        """Run the statement with these values; the driver's cursor."""
        _, _, sql, params, _ = self._get()
        sqlite = isinstance(database.obj, peewee.SqliteDatabase)
        bound = [p.bind(values[p.name], sqlite) if isinstance(p, _Marker) else p for p in params]
        return database.execute_sql(sql, bound)

    def tuples(self, **values: Any) -> list[tuple[Any, ...]]:
        """The rows as tuples of Python values (dates and times as `datetime`, booleans as `bool`)."""
        _, _, _, _, converters = self._get()
        return _converted(self.execute(**values).fetchall(), converters)

    def objects(self, **values: Any) -> Iterator[Any]:
        """The rows as peewee returns them for the query's own row type (model instances by default)."""
        _, query, _, _, _ = self._get()
        return iter(query._get_cursor_wrapper(self.execute(**values)))


class PreparedInsert:
    """An INSERT of any number of rows of the same columns, compiled once per bound database.

    peewee compiles every value of an `insert_many` on each call (a registration's forty outbox rows of
    sixteen columns took milliseconds); here the one-row statement is compiled once and its VALUES group
    repeated, and each value goes through its field's own `db_value`, as peewee would send it.
    """

    def __init__(self, model: Any, columns: tuple[str, ...], *, ignore_conflicts: bool = False) -> None:
        self._model = model
        self._columns = columns
        self._fields = [model._meta.fields[c] for c in columns]
        self._ignore = ignore_conflicts
        self._compiled: tuple[object, str, str] | None = None

    def _get(self) -> tuple[object, str, str]:
        compiled = self._compiled
        if compiled is None or compiled[0] is not database.obj:
            query = self._model.insert({f: param(f.name) for f in self._fields})
            if self._ignore:
                query = query.on_conflict_ignore()
            if isinstance(database.obj, peewee.PostgresqlDatabase):
                query = query.returning()  # nothing back: the caller needs no ids
            sql, _ = query.sql()
            group = "(" + ", ".join([database.obj.param] * len(self._fields)) + ")"
            if sql.count(group) != 1:
                raise AssertionError(f"cannot find the VALUES group in {sql!r}")
            compiled = (database.obj, sql, group)
            self._compiled = compiled
        return compiled

    def execute(self, rows: list[dict[str, Any]]) -> None:
        """Insert these rows, each a mapping of column names; a column a row leaves out gets its field's
        default (as `insert_many` fills it), or NULL where it has none."""
        if not rows:
            return
        _, sql, group = self._get()
        values = []
        for row in rows:
            for name, field in zip(self._columns, self._fields, strict=True):
                values.append(field.db_value(row[name] if name in row else _default(field)))
        database.execute_sql(sql.replace(group, ", ".join([group] * len(rows)), 1), values)


def _default(field: Any) -> Any:
    return field.default() if callable(field.default) else field.default
