"""Insert many plain rows into one table with a single ``executemany``.

On SQLite the rows go to the driver's ``executemany`` as tuples. Each value first passes the
bind processor of its column's type, the same function SQLAlchemy applies. So the stored
values are the ones a Core insert stores: DateTime as ISO text, Boolean as 0 or 1, JSON
encoded by the engine's serializer. A Core insert with many rows built each row's parameters
in Python, column by column, and in a profile of the merge that was a quarter of its time.
On other databases the rows go through a Core insert, which on PostgreSQL already sends them
in batches of ``INSERT ... VALUES``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Table, insert
from sqlalchemy.engine import Dialect

_Processor = Callable[[Any], Any] | None
_MISSING = object()


def insert_many(connection: Connection, table: Table,
                values: Sequence[Mapping[str, Any]]) -> None:
    """Insert ``values`` into ``table`` with one ``executemany`` in the connection's transaction.

    Every mapping must have the same keys, as for a Core insert with many rows. A column that
    the keys leave out gets its scalar Python default, or NULL when it has none.

    Raises:
        ValueError: a row has other keys than the first, or a left-out column has a
            callable default, which this function does not compute.
    """
    if not values:
        return
    if connection.dialect.name != "sqlite":
        connection.execute(insert(table), list(values))
        return
    names = tuple(values[0])
    statement, processors, defaults = _sqlite_statement(connection.dialect, table, names)
    processed = [(index, processor) for index, processor in enumerate(processors)
                 if processor is not None]
    # Each processor's results by the id of the value. Rows often share one object, such as
    # the time of a merge or a package's laptop versions, which is then converted once. The
    # rows keep every value alive and nothing changes them during the loop, so an id stands
    # for one value.
    results: list[dict[int, Any]] = [{} for _ in processed]
    rows = []
    for row in values:
        try:
            if len(row) != len(names):
                raise KeyError(len(row))
            items = [row[name] for name in names]
        except KeyError:
            raise ValueError(f"rows for {table.name} have different columns: "
                             f"{sorted(row)} and {sorted(names)}") from None
        items += defaults
        for (index, processor), known in zip(processed, results, strict=True):
            value = items[index]
            converted = known.get(id(value), _MISSING)
            if converted is _MISSING:
                converted = known[id(value)] = processor(value)
            items[index] = converted
        rows.append(tuple(items))
    connection.exec_driver_sql(statement, rows)


@lru_cache(maxsize=64)
def _sqlite_statement(dialect: Dialect, table: Table, names: tuple[str, ...]
                      ) -> tuple[str, list[_Processor], list[Any]]:
    """Return the SQL, each value's bind processor and the left-out columns' defaults."""
    defaults: dict[str, Any] = {}
    for column in table.columns:
        if column.name in names or column.default is None:
            continue
        if not column.default.is_scalar:
            raise ValueError(f"column {table.name}.{column.name} has a callable default; "
                             f"pass its value")
        defaults[column.name] = column.default.arg  # type: ignore[attr-defined]
    columns = [table.columns[name] for name in (*names, *defaults)]
    quote = dialect.identifier_preparer.quote
    statement = (f"INSERT INTO {quote(table.name)} "
                 f"({', '.join(quote(column.name) for column in columns)}) "
                 f"VALUES ({', '.join('?' for _ in columns)})")
    processors = [column.type.dialect_impl(dialect).bind_processor(dialect)
                  for column in columns]
    return statement, processors, list(defaults.values())
