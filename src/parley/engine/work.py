"""What a worker does with a partition: read its files, extract them, and hand back the results
as one Parquet table (bytes), which the writer keeps as the partition's file.

The language models load once per worker process (the Extractor is kept in a module global), not
once per partition. ``extract`` can be any picklable function of a batch of documents (tests use
a cheap one); by default it is the models' extraction.
"""

from __future__ import annotations

import io
import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import partial

import pyarrow as pa
import pyarrow.parquet as pq

from parley.engine.partitions import Partition
from parley.errors import Failure
from parley.ingest.document import Document
from parley.ingest.prefilter import default_filter
from parley.ingest.readers import iter_inputs
from parley.ingest.warc import iter_warc
from parley.pipeline import Extractor
from parley.record import Record
from parley.store.ingest import Incoming

ExtractFn = Callable[[list[Document | Failure]], Iterable[Record | Failure]]

# One row per input item: a record (with its original text) or a failure.
SCHEMA = pa.schema([
    ("origin", pa.string()),
    ("record", pa.string()),  # the extraction record as JSON; null for a failure
    ("text", pa.string()),  # the document's original text; null for a failure
    ("reason", pa.string()),
    ("stage", pa.string()),
    ("fatal", pa.bool_()),
    ("name", pa.string()),
])

_EXTRACTORS: dict[int, Extractor] = {}


def model_extract(items: list[Document | Failure], *, batch_size: int = 16,
                  language: str | None = None, skip_copies: bool = False) -> Iterator[Record | Failure]:
    """The language models' extraction, with this process's one Extractor; with ``skip_copies``, a
    text the partition had before is not extracted again (``Extractor.extract_many(copies=)``)."""
    extractor = _EXTRACTORS.get(batch_size)
    if extractor is None:
        extractor = _EXTRACTORS[batch_size] = Extractor(batch_size=batch_size)
    if language:
        for item in items:
            if isinstance(item, Document):
                item.language = language
    return extractor.extract_many(items, set() if skip_copies else None)


def default_extract(batch_size: int, language: str | None, skip_copies: bool = False) -> ExtractFn:
    return partial(model_extract, batch_size=batch_size, language=language, skip_copies=skip_copies)


def run_partition(partition: Partition, extract: ExtractFn, max_bytes: int, prefilter: bool = True) -> bytes:
    """The Parquet bytes of ``partition``'s results, one row per input item in input order
    (``prefilter``: crawl pages outside the domain dropped before extraction, as a local run does)."""
    if partition.piece is not None:
        start, end = partition.piece
        items = list(iter_warc(partition.paths[0], max_bytes=max_bytes, start=start, end=end,
                               prefilter=default_filter() if prefilter else None))
    else:
        items = list(iter_inputs(partition.paths, max_bytes=max_bytes, prefilter=prefilter))
    sources = deque(items)
    rows: list[dict[str, object]] = []
    for result in extract(items):
        src = sources.popleft()
        if isinstance(result, Failure):
            rows.append({"origin": result.origin, "record": None, "text": None, "reason": result.reason,
                         "stage": result.stage, "fatal": result.fatal, "name": result.name})
            continue
        rec = result.to_json()
        raw = src.raw if isinstance(src, Document) and src.id == rec["document"]["id"] else None
        rows.append({"origin": rec["document"].get("origin") or "", "record": json.dumps(rec, ensure_ascii=False),
                     "text": raw, "reason": None, "stage": None, "fatal": None, "name": None})
    if sources:
        raise RuntimeError(f"the extraction returned {len(items) - len(sources)} result(s) for {len(items)} input(s)")
    buf = io.BytesIO()
    pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMA), buf, compression="zstd")
    return buf.getvalue()


def read_partition(path: str) -> Iterator[Incoming | Failure]:
    """The items of a partition file, in input order."""
    for batch in pq.ParquetFile(path).iter_batches(batch_size=256):
        for row in batch.to_pylist():
            if row["record"] is None:
                yield Failure(row["origin"], row["reason"] or "failed", fatal=bool(row["fatal"]),
                              stage=row["stage"] or "extract", name=row["name"])
            else:
                yield Incoming(json.loads(row["record"]), row["text"], row["origin"])
