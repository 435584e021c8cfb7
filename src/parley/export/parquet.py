"""Parquet: one column per field, with a type a reader can rely on whatever the rows hold (lists
of names as lists of strings, other lists and objects as JSON text). The graph is its edges."""

from __future__ import annotations

import json
from typing import IO, TYPE_CHECKING, Any

from parley.export.base import ROW_KINDS, Exporter, register

if TYPE_CHECKING:
    from parley.store.read import Conn

# Columns whose values are any JSON (a corrected value is a string, a number, a list ...): in
# Parquet they are JSON text, the same type whatever the rows hold, so a reader's schema does
# not change with the data.
JSON_TEXT = {"corrections": {"old_value", "new_value"}}


class Parquet(Exporter):
    name = "parquet"
    kinds = ROW_KINDS
    binary = True

    def write(self, conn: Conn, kind: str, out: IO[Any], *, include_rejected: bool = False) -> int:
        import pyarrow as pa
        import pyarrow.parquet as pq

        from parley.export import rows

        data = rows.graph(conn, include_rejected)[1] if kind == "graph" else rows.table(conn, kind, include_rejected)
        cols = list(data[0]) if data else []
        as_json = JSON_TEXT.get(kind, set())
        pq.write_table(pa.table({c: _column([r.get(c) for r in data], c in as_json) for c in cols}), out)
        return len(data)


def _json_text(values: list[Any]) -> list[str | None]:
    return [None if v is None else json.dumps(v, ensure_ascii=False, sort_keys=True) for v in values]


def _column(values: list[Any], as_json: bool = False):
    import pyarrow as pa

    if as_json:
        return pa.array(_json_text(values), type=pa.string())
    if all(v is None or (isinstance(v, list) and all(isinstance(x, str) for x in v)) for v in values) and \
            any(isinstance(v, list) for v in values):
        return pa.array(values, type=pa.list_(pa.string()))
    if any(isinstance(v, list | dict) for v in values):
        return pa.array(_json_text(values), type=pa.string())
    try:
        return pa.array(values)
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # scalars of mixed types: JSON text keeps them all
        return pa.array(_json_text(values), type=pa.string())


register(Parquet())
