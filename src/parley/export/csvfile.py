"""CSV: one row per line with a header; a list of names is joined with ";", any other list or
object is JSON text. The graph is its edges (source, target, kind, weight)."""

from __future__ import annotations

import csv
import json
from typing import IO, TYPE_CHECKING, Any

from parley.export.base import ROW_KINDS, Exporter, register

if TYPE_CHECKING:
    from parley.store.read import Conn


class Csv(Exporter):
    name = "csv"
    kinds = ROW_KINDS

    def write(self, conn: Conn, kind: str, out: IO[Any], *, include_rejected: bool = False) -> int:
        from parley.export import rows

        if kind == "graph":
            _, edges = rows.graph(conn, include_rejected)
            data = [{"source": e["source"], "target": e["target"], "kind": e["kind"], "weight": e["weight"]}
                    for e in edges]
        else:
            data = rows.table(conn, kind, include_rejected)
        w = csv.DictWriter(out, fieldnames=list(data[0]) if data else [], lineterminator="\n")
        w.writeheader()
        for r in data:
            w.writerow({k: _flat(v) for k, v in r.items()})
        return len(data)


def _flat(value: Any) -> Any:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ";".join(value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


register(Csv())
