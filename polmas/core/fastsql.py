"""Hot-path SQL with the statement text built once per process instead of on every request.

The ORM compiles every query and INSERT from scratch: for a request that writes a handful of
rows, building the SQL costs several times more CPU than running it. `insert` and `Reader` keep
the ORM's semantics that matter here (field `pre_save` — auto_now and friends — and
`get_db_prep_save` on the way in; the backend's and field's converters on the way out; model
instances built with `from_db`), cache only the statement text per model, field list, row count
and database, and fall back to the ORM wherever that is not certain to be equivalent.
No model signals are sent (like `bulk_create`); use them only for models nothing listens to.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from django.db import DEFAULT_DB_ALIAS, connections, models

M = TypeVar("M", bound=models.Model)
_insert_sql: dict[tuple[Any, ...], str] = {}


def _insert_fields(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    opts = model._meta
    return [f for f in opts.concrete_fields if not f.generated and f is not opts.auto_field]  # type: ignore[misc]


def _fast_insert_possible(model: type[models.Model], alias: str) -> bool:
    connection = connections[alias]
    opts = model._meta
    return bool(
        connection.features.can_return_rows_from_bulk_insert
        and opts.auto_field is not None
        and opts.pk is opts.auto_field
        and not opts.parents
        and not any(hasattr(f, "get_placeholder") for f in _insert_fields(model))
    )


def insert(objs: Sequence[M], *, using: str = DEFAULT_DB_ALIAS) -> list[M]:
    """INSERT new instances of one model (auto primary key) in one statement; sets their pk.

    Equivalent to `Model.objects.bulk_create(objs)` for such models (values prepared by the
    fields, `auto_now_add` applied, ids read back with RETURNING)."""
    if not objs:
        return list(objs)
    model = type(objs[0])
    if not _fast_insert_possible(model, using):
        return model._default_manager.using(using).bulk_create(objs)
    connection = connections[using]
    fields = _insert_fields(model)
    key = (model, len(objs), connection.vendor, using)
    sql = _insert_sql.get(key)
    if sql is None:
        qn = connection.ops.quote_name
        one = "(" + ", ".join(["%s"] * len(fields)) + ")"
        returning, _ = connection.ops.return_insert_columns([model._meta.pk])  # type: ignore[list-item]
        sql = (
            f"INSERT INTO {qn(model._meta.db_table)} ({', '.join(qn(f.column) for f in fields)}) "  # noqa: S608 (identifiers from the model)
            f"VALUES {', '.join([one] * len(objs))} {returning}"
        )
        _insert_sql[key] = sql
    params: list[Any] = []
    for obj in objs:
        for f in fields:
            params.append(f.get_db_prep_save(f.pre_save(obj, True), connection=connection))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        ids = [row[0] for row in cursor.fetchall()]
    if len(ids) != len(objs):  # pragma: no cover - RETURNING gives one row per VALUES row
        raise RuntimeError("INSERT returned an unexpected number of ids")
    pk = model._meta.pk
    assert pk is not None
    for obj, value in zip(objs, ids, strict=True):
        setattr(obj, pk.attname, value)
        obj._state.adding = False
        obj._state.db = using
    return list(objs)


class Reader(Generic[M]):
    """`SELECT <fields> FROM <model's table> WHERE <where>` with the SQL built once per database.

    `where` is SQL over the table's column names with `%s` placeholders (values always passed
    as parameters). Rows become model instances (`from_db`; the other fields are deferred and
    load on access like `.only()`), with the same value conversions as the ORM."""

    def __init__(self, model: type[M], fields: Sequence[str], where: str) -> None:
        self.model = model
        wanted = {model._meta.get_field(name) for name in fields}
        # In the model's field order: `from_db` matches values to fields in that order.
        self.fields = [f for f in model._meta.concrete_fields if f in wanted]
        if len(self.fields) != len(wanted):
            raise ValueError("Reader fields must be concrete fields of the model")
        self.attnames = [f.attname for f in self.fields]  # type: ignore[union-attr]
        self.where = where
        self._prepared_for: dict[tuple[str, str], tuple[str, list[Callable[[Any], Any]]]] = {}

    def _prepared(self, using: str) -> tuple[str, list[Callable[[Any], Any]]]:
        connection = connections[using]
        key = (connection.vendor, using)
        hit = self._prepared_for.get(key)
        if hit is not None:
            return hit
        qn = connection.ops.quote_name
        table = self.model._meta.db_table
        columns = ", ".join(qn(f.column) for f in self.fields)  # type: ignore[union-attr]
        sql = f"SELECT {columns} FROM {qn(table)} WHERE {self.where}"  # noqa: S608 (identifiers from the model)
        converters: list[Callable[[Any], Any]] = []
        for f in self.fields:
            col = f.get_col(table)  # type: ignore[union-attr]
            funcs = connection.ops.get_db_converters(col) + col.get_db_converters(connection)
            converters.append(_chain(funcs, col, connection))
        self._prepared_for[key] = (sql, converters)
        return sql, converters

    def fetch(self, params: Sequence[Any], *, using: str = DEFAULT_DB_ALIAS) -> list[M]:
        sql, converters = self._prepared(using)
        with connections[using].cursor() as cursor:
            cursor.execute(sql, list(params))
            rows = cursor.fetchall()
        make = self.model.from_db
        return [
            make(using, self.attnames, [conv(v) for conv, v in zip(converters, row, strict=True)])  # type: ignore[misc]
            for row in rows
        ]


def _chain(funcs: list[Any], col: Any, connection: Any) -> Callable[[Any], Any]:
    if not funcs:
        return _identity

    def convert(value: Any) -> Any:
        for func in funcs:
            value = func(value, col, connection)
        return value

    return convert


def _identity(value: Any) -> Any:
    return value


def clear() -> None:
    """Forget the cached INSERT statements (tests that swap databases)."""
    _insert_sql.clear()
