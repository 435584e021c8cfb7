"""The exporter interface and the registry of formats.

A format is one module that subclasses :class:`Exporter` and calls :func:`register`; the
command line, its help and :func:`export` know formats only through :data:`EXPORTERS`, so a new
format needs nothing else (as datasette's output renderers and followthemoney's exporters).
"""

from __future__ import annotations

import sys
from abc import ABC, abstractmethod
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, ClassVar

from parley.errors import ExportError

if TYPE_CHECKING:
    from parley.store.read import Conn

# What can be exported: the tables of rows and the graph, and "all", the whole record as entities.
ROW_KINDS = ("meetings", "agreements", "statements", "people", "graph", "corrections")
KINDS = (*ROW_KINDS, "all")


class Exporter(ABC):
    """One output format.

    ``kinds``: what it can export (of KINDS); ``binary``: it writes bytes, so it needs a file
    (text goes to standard output when no file is given).
    """

    name: ClassVar[str]
    kinds: ClassVar[tuple[str, ...]]
    binary: ClassVar[bool] = False

    @abstractmethod
    def write(self, conn: Conn, kind: str, out: IO[Any], *, include_rejected: bool = False) -> int:
        """Write ``kind`` to ``out`` (a text stream, or a binary one when ``binary``); the number of
        rows (for a graph: nodes + edges; for entities: entities) written."""


EXPORTERS: dict[str, Exporter] = {}


def register(exporter: Exporter) -> Exporter:
    """Make ``exporter`` a format of ``parley export``; its name must be new."""
    if exporter.name in EXPORTERS:
        raise ValueError(f"format {exporter.name!r} is registered twice")
    unknown = [k for k in exporter.kinds if k not in KINDS]
    if unknown:
        raise ValueError(f"format {exporter.name!r} exports {', '.join(unknown)}, which is not one of {', '.join(KINDS)}")
    EXPORTERS[exporter.name] = exporter
    return exporter


def exporter(name: str) -> Exporter:
    """The format called ``name``, or ExportError listing the formats."""
    try:
        return EXPORTERS[name]
    except KeyError:
        raise ExportError(f"unknown format {name!r}; choose one of {formats_help()} "
                          "(`parley export KIND --format FORMAT`)") from None


def formats_for(kind: str) -> list[str]:
    return [e.name for e in EXPORTERS.values() if kind in e.kinds]


def formats_help() -> str:
    """The formats and, for those that export only some kinds, which: "jsonl, ..., graphml (graph)"."""
    return ", ".join(e.name if set(ROW_KINDS) <= set(e.kinds) else f"{e.name} ({', '.join(e.kinds)})"
                     for e in EXPORTERS.values())


def export(conn: Conn, kind: str, fmt: str, out: Path | None = None, *, include_rejected: bool = False) -> int:
    """Write ``kind`` as ``fmt`` to ``out`` (standard output for text formats when None); the
    number of rows written (see Exporter.write)."""
    if kind not in KINDS:
        raise ExportError(f"unknown export {kind!r}; choose from {', '.join(KINDS)}")
    exp = exporter(fmt)
    if kind not in exp.kinds:
        raise ExportError(f"{fmt} exports {' or '.join(exp.kinds)} (`parley export {exp.kinds[0]} --format {fmt}`); "
                          f"{kind} exports as {', '.join(formats_for(kind))}")
    if exp.binary:
        if out is None:
            raise ExportError(f"{fmt} is binary: give a file with --out")
        with out.open("wb") as fh:
            return exp.write(conn, kind, fh, include_rejected=include_rejected)
    if out is None:
        return exp.write(conn, kind, sys.stdout, include_rejected=include_rejected)
    with out.open("w", encoding="utf-8", newline="") as fh:
        return exp.write(conn, kind, fh, include_rejected=include_rejected)
