"""Partitions extracted on Dask workers, stored by one writer.

Workers read their partition's files (inputs must be at the same path on every worker: a shared
filesystem on a cluster) and hand back a Parquet table; this process, the one writer, keeps
each as ``WORK_DIR/<partition>.parquet`` (written to a temporary name and renamed, so a file
under its final name is a finished partition) and yields the partitions' items in plan order,
as soon as every earlier partition is in. A re-run skips the partitions whose file exists.

A task that raises is retried (``retries``); a worker that dies is replaced and its tasks run
elsewhere (Dask's own bookkeeping: ``distributed.scheduler.allowed-failures``). A partition that
still fails is reported by name, as a Failure, and the other partitions are stored.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from parley.engine.partitions import Partition, RecordFile, Step
from parley.engine.work import ExtractFn, read_partition, run_partition
from parley.errors import Failure
from parley.store.ingest import Incoming, read_record_file

DEFAULT_RETRIES = 2


@dataclass
class DaskOptions:
    """Where to run: ``scheduler`` (an address such as tcp://host:8786), else a LocalCluster of
    ``workers`` processes on this machine."""

    scheduler: str | None = None
    workers: int = 2
    retries: int = DEFAULT_RETRIES


@dataclass
class RunStats:
    """What a run did with its partitions, for the summary line."""

    partitions: int = 0
    skipped: int = 0  # done by an earlier run
    extracted: int = 0
    failed: int = 0


@contextmanager
def client(options: DaskOptions) -> Iterator[object]:
    """A Dask client, on the given scheduler or on a LocalCluster made here (worker processes,
    one thread each: the extraction holds the interpreter), closed on the way out."""
    from distributed import Client, LocalCluster

    if options.scheduler:
        with Client(options.scheduler) as c:
            yield c
        return
    with LocalCluster(n_workers=max(1, options.workers), threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as c:
        yield c


def run(steps: list[Step], work_dir: Path, extract: ExtractFn, *, max_bytes: int, options: DaskOptions,
        stats: RunStats | None = None, on_done: Callable[[Partition, str], None] | None = None,
        prefilter: bool = True) -> Iterator[Incoming | Failure]:
    """The items of every step in plan order: partitions extracted on the workers (or read back
    from an earlier run's file), record files read here, failures passed on."""
    from distributed import as_completed

    stats = stats if stats is not None else RunStats()
    work_dir.mkdir(parents=True, exist_ok=True)
    parts = [s for s in steps if isinstance(s, Partition)]
    stats.partitions = len(parts)
    todo = [p for p in parts if not _done(work_dir, p).exists()]
    stats.skipped = len(parts) - len(todo)
    outcome: dict[str, str | None] = {p.name: None for p in parts if p not in todo}  # None: its file is there
    if not todo:
        yield from _in_order(steps, work_dir, outcome, lambda: None)
        return
    with client(options) as dask:
        futures = {dask.submit(run_partition, p, extract, max_bytes, prefilter, key=f"parley-{p.name}", pure=False,
                               retries=options.retries): p for p in todo}
        finished = as_completed(futures)

        def next_done() -> None:
            """Wait for one more partition and keep its file (or why it failed)."""
            future = next(finished)
            part = futures.pop(future)
            try:
                data = future.result()
            except Exception as exc:  # noqa: BLE001 - any error of the task: the partition is reported
                outcome[part.name] = f"{exc.__class__.__name__}: {exc}"
                stats.failed += 1
            else:
                _keep(work_dir, part, data)
                outcome[part.name] = None
                stats.extracted += 1
            future.release()
            if on_done:
                on_done(part, "failed" if outcome[part.name] else "extracted")

        yield from _in_order(steps, work_dir, outcome, next_done)


def _in_order(steps: list[Step], work_dir: Path, outcome: dict[str, str | None],
              wait: Callable[[], None]) -> Iterator[Incoming | Failure]:
    for step in steps:
        if isinstance(step, Failure):
            yield step
        elif isinstance(step, RecordFile):
            yield from read_record_file(Path(step.path))
        else:
            while step.name not in outcome:
                wait()
            why = outcome[step.name]
            if why is None:
                yield from read_partition(str(_done(work_dir, step)))
            else:
                yield Failure(step.describe(), f"failed on the workers after retries: {why}", stage="extract")


def _done(work_dir: Path, part: Partition) -> Path:
    return work_dir / f"{part.name}.parquet"


def _keep(work_dir: Path, part: Partition, data: bytes) -> None:
    """Write the partition's file whole or not at all: the final name marks it done."""
    final = _done(work_dir, part)
    tmp = final.with_suffix(".parquet.tmp")
    with tmp.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, final)
