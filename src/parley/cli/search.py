"""``parley search``: the web's search on the command line (the same read, the same order: people
and meetings first), each kind with its total and the command that lists all of it."""

from __future__ import annotations

import shlex
from typing import Annotated, Any

import typer
from rich.markup import escape

from parley.cli.common import DbOpt, JsonOpt, doc_name, err, open_kb, out, print_json
from parley.cli.listing import Col, Format, FormatOpt, emit, key, short, text

KINDS = "people, meetings, agreements, statements or documents"


def search(
    query: Annotated[str, typer.Argument(help="Words, any case, any script; all must match; a word of 4 letters or "
                                              "more also matches the words it starts. A name finds the person in "
                                              "any spelling, and the meetings they attended.")],
    db: DbOpt = None,
    kind: Annotated[str | None, typer.Option(help=f"Only this kind: {KINDS}.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=100, help="At most this many of each kind.")] = 10,
    offset: Annotated[int, typer.Option(min=0, help="How many of each kind to skip.")] = 0,
    as_json: JsonOpt = False,
    fmt: FormatOpt = Format.table,
) -> None:
    """Search people, meetings, agreements, statements and documents, best match first."""
    from parley.store.read import SEARCH_KINDS
    from parley.store.read import search as run

    if kind is not None and kind not in SEARCH_KINDS:
        err.print(f"[red]error:[/red] --kind is one of {KINDS}, not {escape(repr(kind))}")
        raise typer.Exit(2)
    with open_kb(db) as store, store.connect() as conn:
        r = run(conn, query, kind=kind, limit=limit, offset=offset)
    if as_json:
        print_json(r)  # as the API answers, less its links (a script pages with --kind and --offset)
        return
    if fmt == Format.tsv:
        # One table for every kind, so that a script reads one header.
        emit("", [short("kind"), key(), text("label"), short("date")],
             [(plural, *_LINE[plural](x)) for plural in r.count for x in getattr(r, plural)], fmt)
        return
    for plural in r.count:
        items = getattr(r, plural)
        if not items:
            continue
        cols, rows = _ROWS[plural](items)
        emit(f"{plural}: {r.offset + 1}–{r.offset + len(items)} of {r.count[plural]}", cols, rows)
        if r.more(plural):
            more = f"parley search {shlex.quote(query)} --kind {plural}" + (f" --offset {offset + limit}" if kind else "")
            out.print(escape(f"all {r.count[plural]} {plural}: {more}"), highlight=False)
    if not r.total:
        err.print(f"nothing matches all of {escape(repr(query))}")
        raise typer.Exit(1)


def _people(items: list[Any]) -> tuple[list[Col], list[tuple]]:
    return ([text("name"), text("also written", drop=2), short("docs", drop=1), key()],
            [(p.name, ", ".join(p.aliases[:3]), str(p.documents), p.key) for p in items])


def _meetings(items: list[Any]) -> tuple[list[Col], list[tuple]]:
    return ([short("date"), text("meeting"), text("place", drop=1), key()],
            [(x.start or "?", x.name, x.place or x.country, x.key) for x in items])


def _agreements(items: list[Any]) -> tuple[list[Col], list[tuple]]:
    return ([short("parties", drop=1), text("title"), key()],
            [("+".join(a.parties), a.title_en or a.title, a.key) for a in items])


def _statements(items: list[Any]) -> tuple[list[Col], list[tuple]]:
    return ([short("date", drop=1), text("speaker", drop=2), text("quote"), key()],
            [(s.date or "?", s.speaker, s.quote, s.key) for s in items])


def _documents(items: list[Any]) -> tuple[list[Col], list[tuple]]:
    return ([key("document"), short("published", drop=2), text("outlet", drop=1), text("title")],
            [(doc_name(d["name"], d["id"]), d["published"], d["outlet"], d["title"]) for d in items])


_ROWS = {"people": _people, "meetings": _meetings, "agreements": _agreements, "statements": _statements,
         "documents": _documents}


# Each kind as one line of the TSV: key, label, date.
_LINE = {
    "people": lambda p: (p.key, p.name, p.last_seen),
    "meetings": lambda x: (x.key, x.name, x.start),
    "agreements": lambda a: (a.key, a.title_en or a.title, a.signed),
    "statements": lambda s: (s.key, f"{s.speaker or '?'}: {s.quote}", s.date),
    "documents": lambda d: (d["id"], d["title"] or d["name"], d["published"]),
}
