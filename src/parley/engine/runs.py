"""One entry for the commands: the items of a run on the chosen engine (``local`` or ``dask``),
and where a distributed run keeps its partition files by default."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from parley.engine import dask as dask_engine
from parley.engine import local
from parley.engine.partitions import DEFAULT_PARTITION_BYTES, DEFAULT_PARTITION_FILES, Partition, plan
from parley.engine.work import ExtractFn, default_extract
from parley.errors import Failure
from parley.store.ingest import Incoming

ENGINES = ("local", "dask")
WORK_DIR_NAME = ".parley-work"  # hidden: a directory walk (a later `parley ingest DIR`) skips it


@dataclass
class RunSettings:
    """The command line's engine options."""

    engine: str = "local"
    scheduler: str | None = None
    workers: int = 2
    partition_files: int = DEFAULT_PARTITION_FILES
    partition_bytes: int = DEFAULT_PARTITION_BYTES
    retries: int = dask_engine.DEFAULT_RETRIES
    work_dir: Path | None = None
    stats: dask_engine.RunStats = field(default_factory=dask_engine.RunStats)

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise ValueError(f"unknown engine {self.engine!r}: one of {', '.join(ENGINES)}")
        if self.engine == "dask" and self.work_dir is None:
            raise ValueError("a distributed run needs a work directory for its partition files")


def default_work_dir(store_url: str) -> Path:
    """Next to an SQLite knowledge base; in the current directory for a database server."""
    if store_url.startswith("sqlite:///"):
        return Path(store_url.removeprefix("sqlite:///")).expanduser().resolve().parent / WORK_DIR_NAME
    return Path.cwd() / WORK_DIR_NAME


def run_items(paths: list[str], settings: RunSettings, *, ingest: bool, records_only: bool = False,
              batch_size: int = 16, processes: int = 1, max_bytes: int = 10_000_000, language: str | None = None,
              extract: ExtractFn | None = None, on_partition: Callable[[Partition, str], None] | None = None,
              prefilter: bool = True) -> Iterator[Incoming | Failure]:
    """The items of ``paths`` in input order: extracted documents (with their original text on
    a distributed run), records read from record files when ``ingest``, and failures.
    ``extract`` replaces the models on the workers (tests); ``records_only`` runs locally, as
    there is nothing to distribute."""
    if settings.engine == "local" or records_only:
        if ingest:
            return local.ingest_items(paths, records_only=records_only, batch_size=batch_size, processes=processes,
                                      max_bytes=max_bytes, language=language)
        return local.extract_items(paths, batch_size=batch_size, processes=processes, max_bytes=max_bytes,
                                   language=language, prefilter=prefilter)
    assert settings.work_dir is not None
    steps = plan(paths, size=settings.partition_files, options=f"{language}\0{max_bytes}\0{prefilter}", records=ingest,
                 split_bytes=settings.partition_bytes)
    options = dask_engine.DaskOptions(settings.scheduler, settings.workers, settings.retries)
    return dask_engine.run(steps, settings.work_dir, extract or default_extract(batch_size, language, skip_copies=ingest),
                           max_bytes=max_bytes, options=options, stats=settings.stats, on_done=on_partition,
                           prefilter=prefilter)
