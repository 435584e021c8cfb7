"""The engine options ``parley extract`` and ``parley ingest`` share: where the extraction runs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from parley.cli.common import err, print_error

if TYPE_CHECKING:
    from parley.engine.runs import RunSettings

# The engine modules load pyarrow and the pipeline: imported when a command runs, not when the CLI starts.
EngineOpt = Annotated[str, typer.Option("--engine", help="Where extraction runs: local (this machine) or dask "
                                                         "(partitions of the input across Dask workers).")]
SchedulerOpt = Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address (tcp://HOST:8786) "
                                                                       "[default: a local cluster of --workers "
                                                                       "processes].")]
WorkersOpt = Annotated[int, typer.Option("--workers", help="Worker processes of the local Dask cluster.")]
PartitionOpt = Annotated[int, typer.Option("--partition-files", help="Input files per Dask partition.")]
PartitionMbOpt = Annotated[int, typer.Option("--partition-mb", help="WARC archives larger than this many MiB are "
                                                                  "cut at record boundaries into partitions of "
                                                                  "about this size.")]
WorkDirOpt = Annotated[Path | None, typer.Option("--work-dir", help="Where a Dask run keeps its Parquet partitions "
                                                                    "(a re-run skips those done).")]


def settings(engine: str, scheduler: str | None, workers: int, partition_files: int, work_dir: Path | None,
             partition_mb: int = 256) -> RunSettings:
    """The run's settings, or exit 2 with why the options do not go together."""
    from parley.engine.runs import RunSettings

    if engine != "dask" and scheduler:
        print_error(ValueError("--scheduler needs --engine dask"))
        raise typer.Exit(2)
    if workers < 1 or partition_files < 1 or partition_mb < 1:
        print_error(ValueError("--workers, --partition-files and --partition-mb take a number from 1"))
        raise typer.Exit(2)
    try:
        return RunSettings(engine, scheduler, workers, partition_files, work_dir=work_dir,
                           partition_bytes=partition_mb * 1024 * 1024)
    except ValueError as exc:
        print_error(exc)
        raise typer.Exit(2) from None


def report_partitions(run: RunSettings) -> None:
    """One line on a distributed run's partitions."""
    s = run.stats
    if run.engine == "dask" and s.partitions:
        err.print(f"{s.partitions} partition(s): {s.extracted} extracted, {s.skipped} done before (skipped), "
                  f"{s.failed} failed; partition files in {run.work_dir}", highlight=False, soft_wrap=True)
