"""The knowledge base: ``parley ingest``, ``parley db upgrade|status|consolidate``, ``parley document
show|remove`` and ``parley export``.

Exit codes: 0 done, 1 some inputs failed (they are reported and skipped), 2 usage or database errors.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import click
import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text
from typer.core import TyperGroup

from parley.cli.common import (
    DbOpt,
    JsonOpt,
    LanguageOpt,
    err,
    open_kb,
    out,
    print_error,
    print_json,
    report_failures,
    show,
    skipped_line,
)
from parley.cli.engine import (
    EngineOpt,
    PartitionMbOpt,
    PartitionOpt,
    SchedulerOpt,
    WorkDirOpt,
    WorkersOpt,
    report_partitions,
    settings,
)
from parley.errors import ExportError
from parley.export import export as run_export
from parley.export import formats_help


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
    language: LanguageOpt = None,
    as_json: JsonOpt = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary.")] = False,
    engine: EngineOpt = "local",
    scheduler: SchedulerOpt = None,
    workers: WorkersOpt = 2,
    partition_files: PartitionOpt = 32,
    partition_mb: PartitionMbOpt = 256,
    work_dir: WorkDirOpt = None,
) -> None:
    """Extract and store documents, then consolidate meetings, people, agreements and statements."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from parley.engine.runs import default_work_dir, run_items
    from parley.errors import Failure
    from parley.pipeline import StageCounts
    from parley.store.ingest import ingest as run

    counts = StageCounts()
    with open_kb(db, create=True) as store:
        if engine == "dask" and work_dir is None:
            work_dir = default_work_dir(store.url)
        engine_run = settings(engine, scheduler, workers, partition_files, work_dir, partition_mb)
        show = not quiet and not as_json and sys.stderr.isatty()
        progress = Progress(TextColumn("[bold]ingesting"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[name]}"), TimeElapsedColumn(), console=err,
                            disable=not show, transient=True)

        def on_item(item, outcome: str) -> None:
            progress.advance(task)
            counts.see(item)
            if isinstance(item, Failure):
                if not as_json and item.stage != "filter":  # filtered pages: counted by reason below
                    err.print(skipped_line(item.origin, item.reason, fatal=item.fatal), highlight=False)
            else:
                progress.update(task, name=item.record["document"].get("name") or "")

        with progress:
            task = progress.add_task("ingest", total=None, name="")
            report = run(store, run_items(paths, engine_run, ingest=True, records_only=records, batch_size=batch_size,
                                          processes=processes, max_bytes=max_bytes, language=language),
                         consolidate=not no_consolidate, on_item=on_item)
        failed_blocks = report.consolidation.failures if report.consolidation else []
        if as_json:
            print_json({**report.to_dict(), "stages": counts.to_dict()})
        else:
            report_failures(failed_blocks)
        if not as_json and not quiet:
            from parley.store.db import describe

            report_partitions(engine_run)
            c = report.consolidation
            tail = (f"; consolidated {sum(c.blocks.values())} block(s) in {c.seconds:.1f} s" if c
                    else "; not consolidated yet (`parley db consolidate`)")
            err.print(escape(f"{report.documents} document(s): {report.added} added, {report.unchanged} unchanged, "
                             f"{report.reextracted} re-extracted, {report.replaced} new version(s), "
                             f"{report.copied} cop{'y' if report.copied == 1 else 'ies'} of a stored one; "
                             f"{len(report.failures)} failure(s)"
                             + (f", {len(report.skipped)} other file(s) skipped" if report.skipped else "")
                             + f"{tail} -> {describe(store.url)}"))
            err.print(escape(counts.summary()), highlight=False, soft_wrap=True)
    if report.documents == 0 and not report.failures:
        err.print("[red]no input documents found[/red]")
        raise typer.Exit(2)
    raise typer.Exit(1 if report.failures or failed_blocks else 0)


db_app = typer.Typer(help="The database: schema migrations, consolidation, status.", no_args_is_help=True)


@db_app.command("upgrade")
def db_upgrade(db: DbOpt = None,
               revision: Annotated[str, typer.Option(help="Target revision.")] = "head") -> None:
    """Create the schema or bring it up to date (Alembic migrations)."""
    from parley.errors import StoreError
    from parley.store.db import describe, make_engine, resolve_url, upgrade

    url = resolve_url(db)
    try:
        engine = make_engine(url)
        before, after = upgrade(engine, revision)
        engine.dispose()
    except StoreError as exc:
        print_error(exc)
        raise typer.Exit(2) from None
    if before == after:
        err.print(escape(f"{describe(url)} is at revision {after}: nothing to do"))
    else:
        err.print(escape(f"{describe(url)}: {before or 'empty'} -> {after}"))


@db_app.command("status")
def db_status(db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Schema revision and how much the knowledge base holds."""
    from parley.store.blocks import failed_blocks
    from parley.store.db import current_revision, describe
    from parley.store.read import totals

    with open_kb(db) as store, store.connect() as conn:
        failures = failed_blocks(conn)
        data = {"database": describe(store.url), "revision": current_revision(store.engine), **totals(conn),
                "failed_blocks": len(failures)}
    report_failures(failures)
    if as_json:
        print_json(data)
        return
    table = Table("", "", show_header=False)
    for k, v in data.items():
        table.add_row(k.replace("_", " "), Text(str(v)))
    out.print(table)


@db_app.command("consolidate")
def db_consolidate(db: DbOpt = None,
                   full: Annotated[bool, typer.Option("--all", help="Rebuild every block, not only pending ones.")] = False
                   ) -> None:
    """Finish pending consolidation (after --no-consolidate or an interrupted ingest), or rebuild all."""
    from parley.store.blocks import consolidate

    with open_kb(db) as store:
        rep = consolidate(store, full=full)
    report_failures(rep.failures)
    err.print(f"consolidated {sum(rep.blocks.values())} block(s): "
              + ", ".join(f"{n} {k}(s)" for k, n in rep.entities.items()) + f" in {rep.seconds:.1f} s"
              + (f"; {len(rep.failures)} failed" if rep.failures else ""))
    if rep.failures:
        raise typer.Exit(1)


class _ShowByDefault(TyperGroup):
    """``parley document NAME`` is ``parley document show NAME``: a first word that is no
    subcommand (nor an option) is the document to show."""

    def resolve_command(self, ctx: click.Context, args: list[str]):
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["show", *args]
        return super().resolve_command(ctx, args)


document_app = typer.Typer(cls=_ShowByDefault, no_args_is_help=True,
                           help="Stored documents: show one (`parley document NAME` for short), or take one out of "
                                "the record.")

DocArg = Annotated[str, typer.Argument(help="The document's name (its file or URL stem, as listings show it), URL, "
                                            "id, or a unique start of its id.")]


def _one_document(conn, ref: str) -> str | None:
    """The id of the one document ``ref`` names; when it names several, they are listed (exit 1);
    when none, None."""
    from parley.store.read.documents import CANDIDATES, find_documents

    found = find_documents(conn, ref)
    if len(found) <= 1:
        return found[0].id if found else None
    err.print(f"[red]{escape(repr(ref))} names {len(found)}{'+' if len(found) == CANDIDATES else ''} documents[/red]: "
              "give one of these ids (or more of it)")
    for d in found:
        old = f" (superseded by {d.superseded_by[:12]})" if d.superseded_by else ""
        err.print(Text(f"  {d.id[:16]}  {d.name}  {d.outlet or ''} {d.published or ''} {d.url or ''}{old}"),
                  highlight=False)
    raise typer.Exit(1)


@document_app.command("show")
def document_show(doc: DocArg, db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """A stored document: metadata, and its text when it was kept."""
    from parley.store.read import get_document

    with open_kb(db) as store, store.connect() as conn:
        doc_id = _one_document(conn, doc)
        d = get_document(conn, doc_id) if doc_id else None
    show(d, missing=f"document {doc!r}", hint="`parley meeting KEY` names a meeting's documents; "
         "`parley search WORDS --kind documents` finds them by their words", as_json=as_json, render=_print_document)


def _print_document(d: Any) -> None:
    out.print(Text.assemble((d.name, "bold"), f" {d.id}"))
    out.print(Text(f"{d.outlet or ''} {d.published or ''} {d.url or ''} ({d.language}); {d.extractor}"
                   + (f"; superseded by {d.superseded_by[:12]}" if d.superseded_by else "")
                   + (f"; removed from the record by correction {d.removed_by}" if d.removed_by else "")))
    for c in d.copies:
        out.print(Text(f"  copy: {c.outlet or ''} {c.published or ''} {c.url or c.name}"), highlight=False)
    out.print(d.raw_text if d.raw_text is not None else "(original text not kept)", markup=False, highlight=False)


@document_app.command("remove")
def document_remove(doc: DocArg,
                    why: Annotated[str, typer.Option("--why", help="Why: kept with the correction.")],
                    by: Annotated[str | None, typer.Option("--by", help="Who [default: $PARLEY_USER or the login "
                                                                          "name].")] = None,
                    db: DbOpt = None) -> None:
    """Take a document out of the record: its facts no longer count. A correction like any other
    (who, when, why), kept when the document is ingested again; `parley fix revert ID` restores it."""
    from parley.store.corrections import add_correction

    with open_kb(db) as store:
        with store.connect() as conn:
            doc_id = _one_document(conn, doc)
        # Nothing named: the correction layer says so, as for any target.
        c = add_correction(store, "document", doc_id or doc, "remove", author=by, reason=why)
    err.print(escape(f"correction {c.id}: document {c.target_key[:12]} removed from the record (by {c.author}); "
                     f"`parley fix revert {c.id} --why ...` restores it"))


def export(
    kind: Annotated[str, typer.Argument(help="meetings, agreements, statements, people, graph, corrections, or all "
                                             "(the whole record, for ftm).")],
    fmt: Annotated[str, typer.Option("--format", "-f",
                                     help=f"One of the registered formats: {formats_help()}.")] = "jsonl",
    out_path: Annotated[Path | None, typer.Option("--out", "-o", help="File to write [default: standard output].")] = None,
    include_rejected: Annotated[bool, typer.Option("--include-rejected", help="Also entities rejected by corrections.")] = False,
    db: DbOpt = None,
) -> None:
    """Export the consolidated record; every row lists its sources with evidence offsets.
    `parley export all --format ftm` writes FollowTheMoney entities."""
    with open_kb(db) as store, store.connect() as conn:
        try:
            n = run_export(conn, kind, fmt, out_path, include_rejected=include_rejected)
        except ExportError as exc:
            print_error(exc)
            raise typer.Exit(2) from None
    if out_path is not None:
        err.print(escape(f"{n} row(s) -> {out_path}"))
