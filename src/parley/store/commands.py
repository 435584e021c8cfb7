"""The knowledge-base commands of ``parley`` (registered by parley.cli through ``register``).

Every command takes ``--db`` (a SQLite path or a postgresql:// URL; default $PARLEY_DB or
./parley.db); listing commands print tables, or JSON with ``--json``. Exit codes: 0 done,
1 some inputs failed (ingest) or nothing matched (lookups), 2 usage or database errors.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

err = Console(stderr=True, soft_wrap=True)  # messages are not cut into lines: they are copied and grepped
# Piped output is read by people too (less, files): give tables room instead of 80 columns.
out = Console() if sys.stdout.isatty() else Console(width=int(os.environ.get("COLUMNS") or 180))

DbOpt = Annotated[str | None, typer.Option("--db", help="SQLite file or postgresql:// URL [default: $PARLEY_DB or ./parley.db].")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]


class _WaitMessages(logging.Handler):
    """The store's messages while it waits for another writer, on standard error."""

    def emit(self, record: logging.LogRecord) -> None:
        colour = "yellow" if record.levelno >= logging.WARNING else "dim"
        err.print(f"[{colour}]{record.getMessage()}[/{colour}]")


@contextmanager
def _store(db: str | None, create: bool = False) -> Iterator[Any]:
    from parley.store.db import StoreError, log, open_store

    if not any(isinstance(h, _WaitMessages) for h in log.handlers):
        log.addHandler(_WaitMessages())
        log.setLevel(logging.INFO)
        log.propagate = False
    try:
        store = open_store(db, create=create)
    except StoreError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    try:
        yield store
    except StoreError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    finally:
        store.close()


def _json(data: Any) -> None:
    from parley.store.read.common import json_default

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1, default=json_default) + "\n")


def _warn_pending(store) -> None:
    from parley.store.consolidate import failed_blocks, pending

    n = pending(store)
    if n:
        err.print(f"[yellow]note:[/yellow] {n} block(s) wait for consolidation (an ingest was interrupted or is "
                  "under way): run `parley db consolidate`")
    with store.connect() as conn:
        failed = len(failed_blocks(conn))
    if failed:
        err.print(f"[yellow]note:[/yellow] {failed} block(s) could not be consolidated and show what they held "
                  "before: `parley db status` lists them")


def _report_failures(failures) -> None:
    for f in failures:
        docs = ", ".join(d[:12] for d in f.documents[:5]) + (" ..." if len(f.documents) > 5 else "")
        err.print(f"[red]not consolidated[/red] {f.kind} block {f.block!r} (documents {docs or 'none'}): {f.error}")
    if failures:
        err.print("  the record keeps these blocks as they were; fix the cause (`parley document remove ID --why ...`, "
                  "`parley fix revert ID`), then `parley db consolidate --all`")


def _table(title: str, *columns: tuple[str, int]) -> Table:
    """A table whose long text columns are cut with an ellipsis (width 0) and whose keys are
    never cut (width -1): keys are what the user types next."""
    table = Table(title=title)
    for name, width in columns:
        if width < 0:
            table.add_column(name, overflow="fold", min_width=20)
        elif width == 0:
            table.add_column(name, no_wrap=True, overflow="ellipsis", min_width=12, max_width=60)
        else:
            table.add_column(name, no_wrap=True, overflow="ellipsis", min_width=min(width, 10), max_width=width)
    return table


def _describe_flag(f: dict[str, Any]) -> str:
    if f["code"] == "conflict":
        return " vs ".join(f"{v['value']} ({v['documents']} document(s))" for v in f["values"])
    if f["code"] == "rescheduled":
        return f"announced for {', '.join(f['planned'])}, held {f['held']}"
    if f["code"] == "duplicate_ordinal":
        return "the same number as " + ", ".join(f["others"])
    return json.dumps({k: v for k, v in f.items() if k not in ("code", "field")}, ensure_ascii=False)


def _flags(flags: list[dict[str, Any]]) -> str:
    return ", ".join(f"{f['code']}:{f.get('field', '')}".rstrip(":") for f in flags if not f.get("resolved_by"))


# --------------------------------------------------------------------------- ingest and db


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Documents (.txt .md .html .jsonl) or extraction record files "
                                                    "(.json/.jsonl with \"schema\": \"parley/extraction/v1\"), "
                                                    "files or directories.")],
    db: DbOpt = None,
    records: Annotated[bool, typer.Option("--records", help="Read only extraction records (no language models).")] = False,
    batch_size: Annotated[int, typer.Option(help="Documents analysed together by the language models.")] = 16,
    processes: Annotated[int, typer.Option("--processes", "-p", help="Extraction worker processes.")] = 1,
    max_bytes: Annotated[int, typer.Option(help="Skip documents larger than this many bytes.")] = 10_000_000,
    no_consolidate: Annotated[bool, typer.Option("--no-consolidate", help="Store only; consolidate later with "
                                                                           "`parley db consolidate`.")] = False,
    as_json: JsonOpt = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary.")] = False,
) -> None:
    """Extract and store documents, then consolidate meetings, people, agreements and statements."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from parley.cli import skipped_line
    from parley.store.ingest import Failure, iter_sources
    from parley.store.ingest import ingest as run

    with _store(db, create=True) as store:
        show = not quiet and not as_json and sys.stderr.isatty()
        progress = Progress(TextColumn("[bold]ingesting"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[name]}"), TimeElapsedColumn(), console=err,
                            disable=not show, transient=True)

        def on_item(item, outcome: str) -> None:
            progress.advance(task)
            if isinstance(item, Failure):
                if not as_json:
                    err.print(skipped_line(item.origin, item.reason, fatal=item.fatal), highlight=False)
            else:
                progress.update(task, name=item.record["document"].get("name") or "")

        with progress:
            task = progress.add_task("ingest", total=None, name="")
            report = run(store, iter_sources(paths, records_only=records, batch_size=batch_size, processes=processes,
                                             max_bytes=max_bytes), consolidate=not no_consolidate, on_item=on_item)
        failed_blocks = report.consolidation.failures if report.consolidation else []
        if as_json:
            _json(report.to_dict())
        else:
            _report_failures(failed_blocks)
        if not as_json and not quiet:
            from parley.store.db import describe

            c = report.consolidation
            tail = (f"; consolidated {sum(c.blocks.values())} block(s) in {c.seconds:.1f} s" if c
                    else "; not consolidated yet (`parley db consolidate`)")
            err.print(f"{report.documents} document(s): {report.added} added, {report.unchanged} unchanged, "
                      f"{report.reextracted} re-extracted, {report.replaced} new version(s); "
                      f"{len(report.failures)} failure(s)"
                      + (f", {len(report.skipped)} other file(s) skipped" if report.skipped else "")
                      + f"{tail} -> {describe(store.url)}")
    if report.documents == 0 and not report.failures:
        err.print("[red]no input documents found[/red]")
        raise typer.Exit(2)
    raise typer.Exit(1 if report.failures or failed_blocks else 0)


db_app = typer.Typer(help="The database: schema migrations, consolidation, status.", no_args_is_help=True)


@db_app.command("upgrade")
def db_upgrade(db: DbOpt = None,
               revision: Annotated[str, typer.Option(help="Target revision.")] = "head") -> None:
    """Create the schema or bring it up to date (Alembic migrations)."""
    from parley.store.db import StoreError, describe, make_engine, resolve_url, upgrade

    url = resolve_url(db)
    try:
        engine = make_engine(url)
        before, after = upgrade(engine, revision)
        engine.dispose()
    except StoreError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    if before == after:
        err.print(f"{describe(url)} is at revision {after}: nothing to do")
    else:
        err.print(f"{describe(url)}: {before or 'empty'} -> {after}")


@db_app.command("status")
def db_status(db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Schema revision and how much the knowledge base holds."""
    from parley.store.consolidate import failed_blocks
    from parley.store.db import current_revision, describe
    from parley.store.read import totals

    with _store(db) as store, store.connect() as conn:
        failures = failed_blocks(conn)
        data = {"database": describe(store.url), "revision": current_revision(store.engine), **totals(conn),
                "failed_blocks": len(failures)}
    _report_failures(failures)
    if as_json:
        _json(data)
        return
    table = Table("", "", show_header=False)
    for k, v in data.items():
        table.add_row(k.replace("_", " "), str(v))
    out.print(table)


@db_app.command("consolidate")
def db_consolidate(db: DbOpt = None,
                   full: Annotated[bool, typer.Option("--all", help="Rebuild every block, not only pending ones.")] = False
                   ) -> None:
    """Finish pending consolidation (after --no-consolidate or an interrupted ingest), or rebuild all."""
    from parley.store.consolidate import consolidate

    with _store(db) as store:
        rep = consolidate(store, full=full)
    _report_failures(rep.failures)
    err.print(f"consolidated {sum(rep.blocks.values())} block(s): "
              + ", ".join(f"{n} {k}(s)" for k, n in rep.entities.items()) + f" in {rep.seconds:.1f} s"
              + (f"; {len(rep.failures)} failed" if rep.failures else ""))
    if rep.failures:
        raise typer.Exit(1)


# --------------------------------------------------------------------------- meetings and series


def meetings(
    db: DbOpt = None,
    series: Annotated[str | None, typer.Option(help="Series key, e.g. cis-security-council-secretaries.")] = None,
    since: Annotated[str | None, typer.Option(help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date.")] = None,
    state: Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-3 of a state represented.")] = None,
    person: Annotated[str | None, typer.Option(help="A participant, in any spelling.")] = None,
    status: Annotated[str | None, typer.Option(help="held or planned.")] = None,
    topic: Annotated[str | None, typer.Option(help="Topic key, e.g. terrorism.")] = None,
    include_rejected: Annotated[bool, typer.Option("--all", help="Include meetings rejected by a correction.")] = False,
    limit: Annotated[int | None, typer.Option(help="At most this many.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Meetings in date order, with how many documents report each and open flags."""
    from parley.store.read import list_meetings

    with _store(db) as store, store.connect() as conn:
        rows = list_meetings(conn, series=series, since=since, until=until, state=state, person=person, status=status,
                             topic=topic, include_rejected=include_rejected, limit=limit)
        if not as_json:
            _warn_pending(store)
    if as_json:
        _json(rows)
        return
    table = _table(f"{len(rows)} meeting(s)", ("date", 10), ("no.", 3), ("meeting", 0), ("place", 12),
                   ("status", 7), ("docs", 4), ("flags", 0), ("key", -1))
    for r in rows:
        status = r.status + (" ✗" if r.rejected else "")
        table.add_row(r.start or "?", "" if r.ordinal is None else str(r.ordinal), r.name or "",
                      r.place or r.country or "", status, str(r.documents), _flags(r.flags), r.key)
    out.print(table)
    if not rows:
        raise typer.Exit(1)


def meeting(key: Annotated[str, typer.Argument(help="Meeting key (see `parley meetings`).")], db: DbOpt = None,
            as_json: JsonOpt = False) -> None:
    """One meeting: every value with the documents behind it, conflicts, statements, agreements."""
    from parley.store.read import meeting_view

    with _store(db) as store, store.connect() as conn:
        view = meeting_view(conn, key)
    if view is None:
        err.print(f"[red]no meeting {key!r}[/red]: `parley meetings` lists the keys")
        raise typer.Exit(1)
    if as_json:  # the same view as GET /api/meetings/{key} and the meeting's page
        _json(view)
        return
    d = view["meeting"]
    out.print(f"[bold]{d.name}[/bold]  ({d.key})")
    table = Table("field", "value", "reported by", show_lines=False)
    for fname in ("series", "ordinal", "status", "start", "end", "place", "country", "chair", "format"):
        entries = d.fields.get(fname) or []
        for e in entries:
            mark = "[green]✓[/green] " if e.get("chosen") else "  "
            who = ", ".join(sorted({(s.get("outlet") or s.get("document", "")[:8]) if "document" in s
                                    else f"correction {s['correction']} by {s['by']}" for s in e["sources"]}))
            more = e["sources_count"] - len(e["sources"])
            table.add_row(fname, f"{mark}{e['value']}", who + (f" and {more} more" if more else ""))
    for kind in ("state", "organization", "person", "topic"):
        for mm in d.members.get(kind, []):
            table.add_row(kind, mm["label"], f"{mm['sources_count']} source(s)")
    out.print(table)
    for f in d.open_flags:
        out.print(f"[yellow]{f['code']}[/yellow] {f.get('field', '')}: {_describe_flag(f)}")
    src = Table("document", "outlet", "published", "url", "status", "evidence",
                title=f"sources: the first {len(d.sources)} of {d.sources_count}")
    for s in d.sources:
        src.add_row(s.document_id[:12], s.outlet or "", s.published or "", s.url or "", s.status or "",
                    " ".join(f"{a}-{b}" for a, b in s.evidence[:4]))
    out.print(src)
    if d.statements_count:
        out.print(f"{d.statements_count} statement(s): `parley statements --meeting {d.key}`")
    for a in d.agreements:
        out.print(f"agreement: {a.title_en or a.title} ({a.key})")


def series(key: Annotated[str | None, typer.Argument(help="Series key; none lists the series.")] = None,
           db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """A series' meetings in order: held, planned, and missing ordinals inferred from the others."""
    from parley.store.read import list_series, series_timeline

    with _store(db) as store, store.connect() as conn:
        if key is None:
            data = list_series(conn)
            if as_json:
                _json(data)
                return
            table = Table("series", "meetings", "name")
            for s in data:
                table.add_row(s["key"], str(s["meetings"]), s["name"])
            out.print(table)
            return
        tl = series_timeline(conn, key)
    if as_json:
        _json(tl)
        return
    regular = f"one a year (year = ordinal + {tl.offset})" if tl.regular == "annual" and tl.offset is not None \
        else (tl.regular or "no regular interval known")
    table = _table(f"{key}: {regular}", ("no.", 4), ("year", 4), ("date", 10), ("state", 7), ("place", 14),
                   ("docs", 4), ("notes", 0), ("meeting", -1))
    styles = {"held": "", "planned": "cyan", "missing": "yellow"}
    for e in tl.entries:
        no = "" if e.ordinal is None else (f"{e.ordinal}?" if e.inferred_ordinal else str(e.ordinal))
        table.add_row(no, str(e.year or e.expected_year or ""), e.start or "", e.state, e.place or "",
                      str(e.sources or ""), "; ".join(e.notes), e.meeting or "", style=styles.get(e.state, ""))
    out.print(table)


# --------------------------------------------------------------------------- people


def person(
    name: Annotated[str, typer.Argument(help="A name in any spelling, a person key, or an office "
                                             "(\"Secretary of the Security Council of Russia\").")],
    db: DbOpt = None,
    at: Annotated[str | None, typer.Option(help="For an office: who held it on this date.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """A person: spellings, offices over time, the first meetings and statements; or who held an
    office on a date."""
    from parley.store.read import office_holders, parse_office, person_view

    with _store(db) as store, store.connect() as conn:
        office = parse_office(name)
        view = None if (office and office[1]) else person_view(conn, name)
        holders = office_holders(conn, office[0], office[1], at=at) if office and view is None else None
    if holders is not None:
        if as_json:
            _json(holders)
            return
        title = f"{office[0]} ({office[1] or 'any state'})" + (f" on {at}" if at else " (latest)")
        table = Table("name", "title", "from", "to", "basis", "key", title=title)
        for h in holders:
            table.add_row(h.name, h.title, h.first_seen or "?", h.last_seen or "", h.basis, h.person_key)
        out.print(table)
        if not holders:
            raise typer.Exit(1)
        return
    if view is None:
        err.print(f"[red]no person matches {name!r}[/red]: try another spelling, or `parley people --contains`")
        raise typer.Exit(1)
    if as_json:  # the view the API and the person page show
        _json(view)
        return
    detail = view["person"]
    out.print(f"[bold]{detail.name}[/bold]  ({detail.key}){'  registry' if detail.official else ''}")
    if detail.aliases:
        out.print("also written: " + ", ".join(detail.aliases))
    out.print(f"seen {detail.first_seen or '?'} – {detail.last_seen or '?'} in {detail.documents} document(s); "
              f"{detail.statements} statement(s)")
    table = Table("office", "state/org", "first", "last", "basis", title="offices")
    for o in detail.offices:
        table.add_row(o.title, o.state or o.organization or "", o.first_seen or "?", o.last_seen or "",
                      o.basis + (f" ({o.documents} doc)" if o.basis == "reports" else ""))
    out.print(table)
    mt = Table("date", "meeting", "place", "key",
               title=f"{len(detail.meetings)} of {detail.meetings_count} meeting(s)")
    for m in detail.meetings:
        mt.add_row(m.start or "?", (m.name or "")[:70], m.place or "", m.key)
    out.print(mt)
    if detail.meetings_count > len(detail.meetings):
        out.print(f"all of them: parley meetings --person {detail.key}")
    if detail.statements > len(view["statements"]):
        out.print(f"all {detail.statements} statements: parley statements --speaker {detail.key}")


LimitOpt = Annotated[int, typer.Option(min=1, help="How many to show.")]
OffsetOpt = Annotated[int, typer.Option(min=0, help="How many to skip.")]


def _shown(page, what: str) -> str:
    first = page.offset + 1 if page.items else page.offset
    return f"{first}–{page.offset + len(page.items)} of {page.total} {what}"


def people(db: DbOpt = None,
           contains: Annotated[str | None, typer.Option(help="Part of a name, any spelling.")] = None,
           state: Annotated[str | None, typer.Option(help="Held an office of this state (ISO3).")] = None,
           limit: LimitOpt = 100, offset: OffsetOpt = 0, as_json: JsonOpt = False) -> None:
    """People, most reported first."""
    from parley.store.read import people_page

    with _store(db) as store, store.connect() as conn:
        page = people_page(conn, contains=contains, state=state, limit=limit, offset=offset)
    if as_json:
        _json(page.items)
        return
    table = Table("name", "seen", "docs", "key", title=_shown(page, "person(s)"))
    for p in page.items:
        table.add_row(p.name, f"{p.first_seen or '?'} – {p.last_seen or '?'}", str(p.documents), p.key)
    out.print(table)


# --------------------------------------------------------------------------- agreements and statements


def agreements(
    db: DbOpt = None,
    party: Annotated[str | None, typer.Option(help="A party: ISO3 or organisation key.")] = None,
    kind: Annotated[str | None, typer.Option(help="plan, program, treaty, agreement, memorandum ...")] = None,
    contains: Annotated[str | None, typer.Option(help="Words of the title.")] = None,
    since: Annotated[int | None, typer.Option(help="In force or signed from this year.")] = None,
    limit: LimitOpt = 100, offset: OffsetOpt = 0,
    as_json: JsonOpt = False,
) -> None:
    """Agreements, grouped by parties, successive plans in order with their predecessors."""
    from parley.store.read import agreements_page

    with _store(db) as store, store.connect() as conn:
        page = agreements_page(conn, party=party, kind=kind, contains=contains, since=since, limit=limit,
                               offset=offset)
    if as_json:
        _json(page.items)
        return
    table = Table("parties", "kind", "years", "signed", "title", "docs", "follows", "key",
                  title=_shown(page, "agreement(s)"))
    for a in page.items:
        years = f"{a.valid_from or ''}–{a.valid_to or ''}" if a.valid_from or a.valid_to else ""
        table.add_row("+".join(a.parties), a.kind or "", years, a.signed or "", (a.title_en or a.title)[:60],
                      str(a.documents), a.predecessor or "", a.key)
    out.print(table)


def agreement(key: Annotated[str, typer.Argument()], db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """One agreement with its first sources and its sequence (predecessor, successor)."""
    from parley.store.read import agreement_view

    with _store(db) as store, store.connect() as conn:
        view = agreement_view(conn, key)
    if view is None:
        err.print(f"[red]no agreement {key!r}[/red]: `parley agreements` lists the keys")
        raise typer.Exit(1)
    if as_json:  # the view the API and the agreement page show
        _json(view)
        return
    d = view["agreement"]
    out.print(f"[bold]{d.title_en or d.title}[/bold] ({d.key})")
    out.print(f"{d.kind}; parties {', '.join(d.parties) or '?'}; signed {d.signed or '?'}; "
              f"{d.valid_from or ''}–{d.valid_to or ''}; meetings: {', '.join(d.meetings) or '-'}")
    for a in d.chain:
        out.print(f"  {'→' if a.key == d.key else ' '} {a.valid_from}–{a.valid_to} {a.title_en or a.title} ({a.key})")
    for s in d.sources:
        out.print(f"  source {s.document_id[:12]} {s.outlet or ''} {s.published or ''} {s.url or ''}")
    if d.sources_count > len(d.sources):
        out.print(f"  ... {d.sources_count} sources in all: GET /api/agreements/{d.key}/sources")


def statements(
    db: DbOpt = None,
    speaker: Annotated[str | None, typer.Option(help="Who said it, any spelling.")] = None,
    contains: Annotated[str | None, typer.Option(help="Words the quotation contains (all of them).")] = None,
    meeting: Annotated[str | None, typer.Option(help="Said at this meeting (key).")] = None,
    limit: LimitOpt = 100, offset: OffsetOpt = 0,
    as_json: JsonOpt = False,
) -> None:
    """Direct quotations, oldest first, with the meeting and outlets."""
    from parley.store.read import statements_page

    with _store(db) as store, store.connect() as conn:
        page = statements_page(conn, speaker=speaker, contains=contains, meeting=meeting, limit=limit, offset=offset)
    if as_json:
        _json(page.items)
        return
    table = Table("date", "speaker", "quote", "outlets", "meeting", title=_shown(page, "statement(s)"))
    for s in page.items:
        q = s.quote if len(s.quote) <= 160 else s.quote[:157] + "..."
        table.add_row(s.date or "?", s.speaker or "", q, ", ".join(sorted({x.outlet or "?" for x in s.sources})),
                      s.meeting or "")
    out.print(table)
    if not page.items:
        raise typer.Exit(1)


def review(db: DbOpt = None,
           below: Annotated[float, typer.Option(help="Confidence under which a fact needs review.")] = 0.7,
           limit: Annotated[int, typer.Option()] = 50, as_json: JsonOpt = False) -> None:
    """Facts to check: conflicts first, then low confidence. Settle them with `parley fix`."""
    from parley.store.consolidate import failed_blocks
    from parley.store.read import review_page

    with _store(db) as store, store.connect() as conn:
        page = review_page(conn, below=below, limit=limit)
        failed = failed_blocks(conn)
    items = page.items
    if as_json:
        _json(items)
        return
    _report_failures(failed)
    table = Table("kind", "key", "what", "conf.", "docs", "why",
                  title=f"{len(items)} of {page.total} item(s) to review")
    for i in items:
        table.add_row(i.kind, i.key, i.label[:60], f"{i.confidence:.2f}", str(i.documents), "; ".join(i.reasons))
    out.print(table)


document_app = typer.Typer(help="Stored documents: show one, or take one out of the record.", no_args_is_help=True)


@document_app.command("show")
def document_show(doc_id: Annotated[str, typer.Argument(help="Document id or a unique prefix.")], db: DbOpt = None,
                  as_json: JsonOpt = False) -> None:
    """A stored document: metadata, and its text when it was kept."""
    from parley.store.read import get_document

    with _store(db) as store, store.connect() as conn:
        d = get_document(conn, doc_id)
    if d is None:
        err.print(f"[red]no single document matches {doc_id!r}[/red]")
        raise typer.Exit(1)
    if as_json:
        _json(d)
        return
    out.print(f"[bold]{d.name}[/bold] {d.id}\n{d.outlet or ''} {d.published or ''} {d.url or ''} ({d.language}); "
              f"{d.extractor}" + (f"; superseded by {d.superseded_by[:12]}" if d.superseded_by else "")
              + (f"; removed from the record by correction {d.removed_by}" if d.removed_by else ""))
    out.print(d.raw_text if d.raw_text is not None else "(original text not kept)", markup=False, highlight=False)


@document_app.command("remove")
def document_remove(doc_id: Annotated[str, typer.Argument(help="Document id or a unique prefix.")],
                    why: Annotated[str, typer.Option("--why", help="Why: kept with the correction.")],
                    by: Annotated[str | None, typer.Option("--by", help="Who [default: $PARLEY_USER or the login "
                                                                          "name].")] = None,
                    db: DbOpt = None) -> None:
    """Take a document out of the record: its facts no longer count. A correction like any other
    (who, when, why), kept when the document is ingested again; `parley fix revert ID` restores it."""
    from parley.store.corrections import add_correction

    with _store(db) as store:
        c = add_correction(store, "document", doc_id, "remove", author=by, reason=why)
    err.print(f"correction {c.id}: document {c.target_key[:12]} removed from the record (by {c.author}); "
              f"`parley fix revert {c.id} --why ...` restores it")


# --------------------------------------------------------------------------- export


def export(
    kind: Annotated[str, typer.Argument(help="meetings, agreements, statements, people, graph, corrections, or all "
                                             "(the whole record, for ftm).")],
    # The formats are parley.export's registry (an inline import: this function alone is being edited here).
    fmt: Annotated[str, typer.Option("--format", "-f", help="One of the registered formats: "
                                     f"{__import__('parley.export').export.formats_help()}.")] = "jsonl",
    out_path: Annotated[Path | None, typer.Option("--out", "-o", help="File to write [default: standard output].")] = None,
    include_rejected: Annotated[bool, typer.Option("--include-rejected", help="Also entities rejected by corrections.")] = False,
    db: DbOpt = None,
) -> None:
    """Export the consolidated record; every row lists its sources with evidence offsets.
    `parley export all --format ftm` writes FollowTheMoney entities."""
    from parley.export import ExportError
    from parley.export import export as run

    with _store(db) as store, store.connect() as conn:
        try:
            n = run(conn, kind, fmt, out_path, include_rejected=include_rejected)
        except ExportError as exc:
            err.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from None
    if out_path is not None:
        err.print(f"{n} row(s) -> {out_path}")


# --------------------------------------------------------------------------- corrections

fix_app = typer.Typer(help="Correct or reject any fact; corrections are kept with who, when and why, and "
                           "survive re-ingestion.", no_args_is_help=True)

SetOpt = Annotated[list[str] | None, typer.Option("--set", help="FIELD=VALUE (repeatable); VALUE null clears it.")]
AddOpt = Annotated[list[str] | None, typer.Option("--add", help="FIELD=VALUE for a list field (states, persons ...).")]
RemoveOpt = Annotated[list[str] | None, typer.Option("--remove", help="FIELD=VALUE to take out of a list field.")]
RejectOpt = Annotated[bool, typer.Option("--reject", help="This is wrong: hide it from the record.")]
AcceptOpt = Annotated[bool, typer.Option("--accept", help="Checked and right (settles its flags).")]
AcceptFieldOpt = Annotated[str | None, typer.Option("--accept-field", help="Accept only this field's chosen value.")]
WhyOpt = Annotated[str, typer.Option("--why", help="Why: kept with the correction.")]
ByOpt = Annotated[str | None, typer.Option("--by", help="Who [default: $PARLEY_USER or the login name].")]


def _split(items: list[str] | None, opt: str) -> list[tuple[str, str]]:
    pairs = []
    for item in items or []:
        if "=" not in item:
            err.print(f"[red]error:[/red] {opt} takes FIELD=VALUE, not {item!r}")
            raise typer.Exit(2)
        f, v = item.split("=", 1)
        pairs.append((f.strip(), v.strip()))
    return pairs


def _fix(target: str, key: str, set_: list[str] | None, add: list[str] | None, remove: list[str] | None,
         reject: bool, accept: bool, accept_field: str | None, why: str, by: str | None, db: str | None,
         as_json: bool) -> None:
    from parley.store.corrections import CorrectionSpec, add_corrections

    todo: list[tuple[str, str | None, str | None]] = []
    todo += [("edit", f, v) for f, v in _split(set_, "--set")]
    todo += [("add", f, v) for f, v in _split(add, "--add")]
    todo += [("remove", f, v) for f, v in _split(remove, "--remove")]
    if reject:
        todo.append(("reject", None, None))
    if accept or accept_field:
        todo.append(("accept", accept_field, None))
    if not todo:
        err.print("[red]error:[/red] nothing to do: give --set, --add, --remove, --reject or --accept")
        raise typer.Exit(2)
    with _store(db) as store:
        # All of one command's corrections, and the blocks they change, in one transaction.
        made = add_corrections(store, [CorrectionSpec(target, key, action, f, v) for action, f, v in todo],
                               author=by, reason=why)
    if as_json:
        _json(made)
        return
    for c in made:
        what = f"{c.action} {c.field or ''}".strip() + (f" = {c.new_value!r}" if c.action in ("edit", "add", "remove")
                                                         else "")
        err.print(escape(f"correction {c.id}: {c.target_kind} {c.target_key}: {what} (by {c.author}) [{c.status}]"))


def _fix_command(target: str):
    def command(
        key: str,
        why: WhyOpt,
        set_: SetOpt = None, add: AddOpt = None, remove: RemoveOpt = None, reject: RejectOpt = False,
        accept: AcceptOpt = False, accept_field: AcceptFieldOpt = None, by: ByOpt = None, db: DbOpt = None,
        as_json: JsonOpt = False,
    ) -> None:
        _fix(target, key, set_, add, remove, reject, accept, accept_field, why, by, db, as_json)

    # Set as an object, not a string: the help text depends on the target (annotations are lazy here).
    key_help = f"The {target}'s key" + (
        " as DOCUMENT_ID:KIND:INDEX (an item of one document's extraction record)" if target == "fact" else "") + "."
    command.__annotations__["key"] = Annotated[str, typer.Argument(help=key_help)]
    command.__doc__ = f"Correct a {target}" + (
        " as one document reported it (before it is merged with other reports)." if target == "fact"
        else " of the consolidated record.")
    return command


for _target in ("meeting", "person", "agreement", "statement", "fact"):
    fix_app.command(_target)(_fix_command(_target))


@fix_app.command("list")
def fix_list(db: DbOpt = None,
             target: Annotated[str | None, typer.Option(help="Only corrections of this kind of target.")] = None,
             as_json: JsonOpt = False) -> None:
    """Every correction ever made, with whether it still applies."""
    from parley.store.corrections import list_corrections

    with _store(db) as store, store.connect() as conn:
        rows = list_corrections(conn, target_kind=target)
    if as_json:
        _json(rows)
        return
    table = Table("id", "when", "who", "target", "action", "value", "why", "status", title=f"{len(rows)} correction(s)")
    for c in rows:
        value = "" if c.action in ("accept", "reject", "revert") else f"{c.field} = {c.new_value!r}"
        if c.action == "revert":
            value = f"reverts {c.reverts}"
        table.add_row(str(c.id), c.created_at, c.author, f"{c.target_kind} {c.target_key}", c.action, value, c.reason,
                      c.status)
    out.print(table)


@fix_app.command("revert")
def fix_revert(correction_id: Annotated[int, typer.Argument(help="The correction's id (`parley fix list`).")],
               why: WhyOpt, by: ByOpt = None, db: DbOpt = None) -> None:
    """Undo a correction (a revert record is added; nothing is deleted)."""
    from parley.store.corrections import revert_correction

    with _store(db) as store:
        c = revert_correction(store, correction_id, author=by, reason=why)
    err.print(f"correction {c.id} reverts {c.reverts}")


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.add_typer(db_app, name="db")
    app.command()(meetings)
    app.command()(meeting)
    app.command()(series)
    app.command()(person)
    app.command()(people)
    app.command()(agreements)
    app.command()(agreement)
    app.command()(statements)
    app.command()(review)
    app.add_typer(document_app, name="document")
    app.command()(export)
    app.add_typer(fix_app, name="fix")
