"""Input paths -> the steps of a distributed run: partitions of document files (extracted by a
worker), extraction record files (read by the writer: no models needed) and failures (inputs
that are not read, reported in their place).

A partition is named by what it reads (each file's path, size and modification time) and by the
options that shape its records, so a re-run finds the partitions it has done, and a file that
changed since lands in a new partition that is extracted again.

The hook for new input formats (WARC, large JSON Lines): a file is one unit of a partition, read
on the worker by ``parley.ingest.readers.iter_inputs``; a format that reader learns (and the
walk's suffixes list) is partitioned with no change here. A WARC archive larger than
``split_bytes`` is cut at record boundaries into pieces of about that size, each a partition of
its own (``parley.ingest.warc.record_boundaries``): one archive of a crawl keeps every worker busy.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from parley import __version__
from parley.errors import Failure
from parley.ingest.warc import WARC_SUFFIXES, record_boundaries
from parley.store.ingest import _classify

DEFAULT_PARTITION_FILES = 32
DEFAULT_PARTITION_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class Partition:
    """Document files extracted together by one worker task; ``name`` is stable across runs."""

    name: str
    paths: tuple[str, ...]
    # A piece of one archive: the records that begin in [start, end) of ``paths[0]`` (end None: to
    # its end); None for whole files.
    piece: tuple[int, int | None] | None = None

    def describe(self) -> str:
        """The partition and the files it holds, for messages."""
        if self.piece is not None:
            start, end = self.piece
            return f"partition {self.name} ({self.paths[0]}, bytes {start}-{'' if end is None else end})"
        span = self.paths[0] if len(self.paths) == 1 else f"{self.paths[0]} ... {self.paths[-1]}"
        return f"partition {self.name} ({len(self.paths)} file(s): {span})"


@dataclass(frozen=True)
class RecordFile:
    """An extraction record file among the inputs: the writer reads it, as a local ingest does."""

    path: str


Step = Partition | RecordFile | Failure


def plan(paths: Iterable[str], *, size: int = DEFAULT_PARTITION_FILES, options: str = "",
         records: bool = True, split_bytes: int = DEFAULT_PARTITION_BYTES) -> list[Step]:
    """The steps for ``paths`` in input order: consecutive document files in partitions of
    ``size``; a record file or the end of the input closes the partition being filled, so
    documents and records are stored in the order a local run stores them; a WARC archive over
    ``split_bytes`` is cut into pieces, each its own partition. ``options`` (the language, the size
    limit) goes into each partition's name. With ``records`` False (``parley extract``), a record
    file is a notice: extraction reads documents."""
    steps: list[Step] = []
    batch: list[str] = []

    def close() -> None:
        if batch:
            steps.append(_partition(sum(isinstance(s, Partition) for s in steps), batch, options))
            batch.clear()

    def pieces(path: str) -> list[tuple[int, int | None]]:
        """The pieces ``path`` is read in: none when it is not an archive over ``split_bytes``."""
        if not path.endswith(WARC_SUFFIXES):
            return []
        try:
            if os.stat(path).st_size <= split_bytes:
                return []
            cuts = record_boundaries(path, split_bytes)
        except OSError:
            return []  # the worker reports why it cannot be read
        return list(zip(cuts, [*cuts[1:], None], strict=True)) if len(cuts) > 1 else []

    for entry in _entries(paths):
        if isinstance(entry, Failure):
            steps.append(entry)
            continue
        kind, path = entry
        if kind == "record":
            close()
            steps.append(RecordFile(path) if records else
                         Failure(path, "an extraction record, not a document: `parley ingest` stores it", fatal=False))
            continue
        if cut := pieces(path):
            close()
            for piece in cut:
                steps.append(_partition(sum(isinstance(s, Partition) for s in steps), [path], options, piece))
            continue
        batch.append(path)
        if len(batch) >= size:
            close()
    close()
    return steps


def _entries(paths: Iterable[str]) -> Iterator[tuple[str, str] | Failure]:
    for path in paths:
        if path == "-":
            yield Failure(path, "a distributed run reads files, not standard input: save it to a file first")
            continue
        # The same walk and the same record/document test as a local ingest.
        yield from _classify(path, records_only=False)


def _partition(index: int, paths: list[str], options: str, piece: tuple[int, int | None] | None = None) -> Partition:
    digest = hashlib.sha256(f"parley {__version__}\0{options}\0{piece}".encode())
    for path in paths:
        try:
            info = os.stat(path)
            stamp = f"{info.st_size}:{info.st_mtime_ns}"
        except OSError:
            stamp = "missing"  # the worker reports why it cannot be read
        digest.update(f"\0{os.path.abspath(path)}\0{stamp}".encode())
    return Partition(f"part-{index:05d}-{digest.hexdigest()[:16]}", tuple(paths), piece)
