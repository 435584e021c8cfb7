"""The local engine: this process (and ``--processes`` worker processes forked from it), as
Parley always ran. Its items are the same kind as a distributed run's, so the commands write
them the same way."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from parley.errors import Failure
from parley.ingest.readers import iter_inputs
from parley.pipeline import extract_stream
from parley.store.ingest import Incoming, iter_sources


def extract_items(paths: Iterable[str], *, batch_size: int, processes: int, max_bytes: int,
                  language: str | None, prefilter: bool = True) -> Iterator[Incoming | Failure]:
    """Documents under ``paths`` extracted in input order (``parley extract``)."""
    for result in extract_stream(iter_inputs(paths, max_bytes=max_bytes, prefilter=prefilter), batch_size=batch_size,
                                 processes=processes, language=language):
        if isinstance(result, Failure):
            yield result
        else:
            rec = result.to_json()
            yield Incoming(rec, None, rec["document"].get("origin") or "")


def ingest_items(paths: Iterable[str], *, records_only: bool, batch_size: int, processes: int, max_bytes: int,
                 language: str | None) -> Iterator[Incoming | Failure]:
    """Documents extracted and record files read, in input order (``parley ingest``)."""
    return iter_sources(paths, records_only=records_only, batch_size=batch_size, processes=processes,
                        max_bytes=max_bytes, language=language)
