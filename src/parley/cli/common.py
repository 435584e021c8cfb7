"""What every command shares: the consoles, the ``--db`` and ``--json`` options, opening the
knowledge base with errors that say what to do, JSON for scripts, how a document is named.

Neither console replaces emoji codes: a person key such as ``volfovich:a`` prints as written.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

err = Console(stderr=True, soft_wrap=True, emoji=False)  # messages are not cut into lines: they are copied and grepped


out = Console(emoji=False) if sys.stdout.isatty() else Console(width=int(os.environ.get("COLUMNS") or 180), emoji=False)


DbOpt = Annotated[str | None, typer.Option("--db", help="SQLite file or postgresql:// URL [default: $PARLEY_DB or ./parley.db].")]


JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]


LanguageOpt = Annotated[str | None, typer.Option("--language", help="The documents' language (en, ru: `parley "
                                                                    "languages`), not detected: for a text too short "
                                                                    "to tell.")]


def print_error(exc: object) -> None:
    """"error: ..." on standard error, the message as written (a path or a name may hold brackets)."""
    err.print("[red]error:[/red] " + escape(str(exc)))


class _WaitMessages(logging.Handler):
    """The store's messages while it waits for another writer, on standard error."""

    def emit(self, record: logging.LogRecord) -> None:
        colour = "yellow" if record.levelno >= logging.WARNING else "dim"
        err.print(f"[{colour}]{escape(record.getMessage())}[/{colour}]")


@contextmanager
def open_kb(db: str | None, create: bool = False) -> Iterator[Any]:
    from parley.errors import StoreError
    from parley.store.db import log, open_store

    if not any(isinstance(h, _WaitMessages) for h in log.handlers):
        log.addHandler(_WaitMessages())
        log.setLevel(logging.INFO)
        log.propagate = False
    try:
        store = open_store(db, create=create)
    except StoreError as exc:
        print_error(exc)
        raise typer.Exit(2) from None
    try:
        yield store
    except StoreError as exc:
        print_error(exc)
        raise typer.Exit(2) from None
    finally:
        store.close()


def print_json(data: Any) -> None:
    from parley.store.read.common import json_default

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1, default=json_default) + "\n")


def warn_pending(store) -> None:
    from parley.store.blocks import failed_blocks, pending

    n = pending(store)
    if n:
        err.print(f"[yellow]note:[/yellow] {n} block(s) wait for consolidation (an ingest was interrupted or is "
                  "under way): run `parley db consolidate`")
    with store.connect() as conn:
        failed = len(failed_blocks(conn))
    if failed:
        err.print(f"[yellow]note:[/yellow] {failed} block(s) could not be consolidated and show what they held "
                  "before: `parley db status` lists them")


def report_failures(failures) -> None:
    for f in failures:
        docs = ", ".join(d[:12] for d in f.documents[:5]) + (" ..." if len(f.documents) > 5 else "")
        what = f"{f.kind} block {f.block!r} (documents {docs or 'none'}): {f.error}"
        err.print(f"[red]not consolidated[/red] {escape(what)}")
    if failures:
        err.print("  the record keeps these blocks as they were; fix the cause (`parley document remove ID --why ...`, "
                  "`parley fix revert ID`), then `parley db consolidate --all`")


def doc_name(name: str | None, doc_id: str) -> str:
    """How the command line names a document: its file or URL stem, which ``parley document NAME``
    finds, else the start of its id."""
    return name or doc_id[:12]


def describe_flag(f: dict[str, Any]) -> str:
    if f["code"] == "conflict":
        return " vs ".join(f"{v['value']} ({v['documents']} document(s))" for v in f["values"])
    if f["code"] == "rescheduled":
        return f"announced for {', '.join(f['planned'])}, held {f['held']}"
    if f["code"] == "duplicate_ordinal":
        return "the same number as " + ", ".join(f["others"])
    return json.dumps({k: v for k, v in f.items() if k not in ("code", "field")}, ensure_ascii=False)


def flag_codes(flags: list[dict[str, Any]]) -> str:
    return ", ".join(f"{f['code']}:{f.get('field', '')}".rstrip(":") for f in flags if not f.get("resolved_by"))


LimitOpt = Annotated[int, typer.Option(min=1, help="How many to show.")]


OffsetOpt = Annotated[int, typer.Option(min=0, help="How many to skip.")]


def shown_line(page, what: str) -> str:
    first = page.offset + 1 if page.items else page.offset
    return f"{first}–{page.offset + len(page.items)} of {page.total} {what}"


def skipped_line(origin: str, reason: str, *, fatal: bool = True) -> str:
    """Rich markup for an input not read: "skipped PATH: reason", red for a failure, yellow for a
    notice (``parley extract`` and ``parley ingest`` print the same line)."""
    colour = "red" if fatal else "yellow"
    return f"[{colour}]skipped[/{colour}] {escape(origin)}: {escape(reason)}"


def show(view: Any, *, missing: str, hint: str, as_json: bool, render: Callable[[Any], None]) -> None:
    """The one way a command shows what it looked up: nothing found -> "no ``missing``: ``hint``"
    (where to look) and exit 1; ``--json`` -> the view as the API gives it; else ``render``."""
    if view is None:
        err.print(f"[red]no {escape(missing)}[/red]: {hint}")
        raise typer.Exit(1)
    if as_json:
        print_json(view)
        return
    render(view)
