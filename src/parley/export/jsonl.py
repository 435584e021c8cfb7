"""JSON Lines: one row per line, keys sorted; the graph as its nodes then its edges, each with its
``type``."""

from __future__ import annotations

import json
from typing import IO, TYPE_CHECKING, Any

from parley.export.base import ROW_KINDS, Exporter, register

if TYPE_CHECKING:
    from parley.store.read import Conn


class JsonLines(Exporter):
    name = "jsonl"
    kinds = ROW_KINDS

    def write(self, conn: Conn, kind: str, out: IO[Any], *, include_rejected: bool = False) -> int:
        from parley.export import rows

        data = rows.graph_rows(conn, include_rejected) if kind == "graph" else rows.table(conn, kind, include_rejected)
        for r in data:
            out.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
        return len(data)


register(JsonLines())
