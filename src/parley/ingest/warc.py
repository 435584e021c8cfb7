"""WARC archives (plain or gzipped, as web crawls such as CC-NEWS ship them), read with fastwarc one
record at a time: an archive of any size is never held in memory.

Each response record with HTTP status 200 and an HTML or plain-text payload is one page; its URL,
its dates (WARC-Date: when it was fetched; HTTP Last-Modified) and the charset of its HTTP header go
into the Document. Every other record is accounted for: a non-page response (an image, a redirect)
is a notice at the ``filter`` stage, a broken record a Failure named ``ARCHIVE#OFFSET``. Damage
to the archive itself (a corrupt gzip member, a cut-off end) fails where it is, and reading goes on
at the next record found after it.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import uuid
import zlib
from collections.abc import Generator, Iterator
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from parley.errors import Failure
from parley.ingest.document import Document
from parley.ingest.page import HTML, TEXT, PageFields, page_item
from parley.ingest.prefilter import PageFilter

WARC_SUFFIXES = (".warc", ".warc.gz")
_PAGE_TYPES = {"text/html": HTML, "application/xhtml+xml": HTML, "text/plain": TEXT}
_GZIP_MEMBER = b"\x1f\x8b\x08"
_WARC_RECORD = b"WARC/1."
_SCAN_CHUNK = 1 << 20
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")

Item = Document | Failure


def iter_warc(path: str, *, max_bytes: int, prefilter: PageFilter | None = None, start: int = 0,
              end: int | None = None) -> Iterator[Item]:
    """A Document or a Failure for every response record of the archive at ``path``, in order;
    with ``start`` and ``end``, those of the records that begin in [start, end) (``start`` a
    record's first byte: ``record_boundaries`` gives them), so that the pieces of an archive read
    each record once.

    Damage to the archive costs one Failure, named by the offset where the damage starts, however
    many records it spans; reading goes on at the first record after it that can be read."""
    with open(path, "rb") as handle:
        compressed = handle.read(len(_GZIP_MEMBER)) == _GZIP_MEMBER
        damage = None
        while True:
            outcome = yield from _read_from(handle, path, start, compressed, max_bytes, prefilter, damage, end)
            if outcome is None:
                return
            damage, start = outcome
            after = _next_record(handle, start + 1, compressed)
            if after is None or (end is not None and after >= end):
                yield _damaged(path, damage, None)
                return
            start = after


def record_boundaries(path: str, every: int) -> list[int]:
    """Offsets of records about ``every`` bytes apart, the first one 0: where the archive at ``path``
    can be cut into pieces that ``iter_warc(start=, end=)`` reads apart. Found by seeking, not by
    reading the archive through: at each step, the next record start (a gzip member that inflates to
    a WARC header, or a "WARC/1." line) at or after the offset."""
    size = Path(path).stat().st_size
    cuts = [0]
    with open(path, "rb") as handle:
        compressed = handle.read(len(_GZIP_MEMBER)) == _GZIP_MEMBER
        offset = every
        while offset < size:
            at = _next_record(handle, offset, compressed)
            while at is not None and not _starts_record(handle, at, compressed):
                at = _next_record(handle, at + 1, compressed)
            if at is None:
                break
            cuts.append(at)
            offset = at + every
    return cuts


def _starts_record(handle: BinaryIO, at: int, compressed: bool) -> bool:
    """Whether a record begins at ``at`` (the gzip marker may occur by chance in compressed data)."""
    handle.seek(at)
    head = handle.read(4096)
    if compressed:
        try:
            head = zlib.decompressobj(31).decompress(head, len(_WARC_RECORD))
        except zlib.error:
            return False
    return head.startswith(_WARC_RECORD)


def _read_from(handle: BinaryIO, path: str, start: int, compressed: bool, max_bytes: int,
               prefilter: PageFilter | None, damage: tuple[int, str] | None, end: int | None = None,
               ) -> Generator[Item, None, tuple[tuple[int, str], int] | None]:
    """Records from ``start`` on (up to the first that begins at ``end``). Returns None at the
    archive's end, else the damage met (where it starts, what fastwarc said) and the offset to look
    for the next record after."""
    stem = Path(path).name.split(".")[0]
    handle.seek(start)
    last: int | None = None
    try:
        for record in ArchiveIterator(handle, record_types=WarcRecordType.response, parse_http=True,
                                      auto_decode="all", fsspec_args=False):
            if end is not None and record.stream_pos >= end:
                break
            if damage is not None:
                yield _damaged(path, damage, record.stream_pos)
                damage = None
            last = record.stream_pos  # from the file's start, whatever the offset reading began at
            yield _page(record, f"{path}#{last}", stem, max_bytes, prefilter)
    except (OSError, ValueError) as error:  # fastwarc's word for a corrupt stream
        if damage is not None:  # still inside the damage found before
            return damage, start
        if last is None:
            return (start, str(error)), start
        after = _next_record(handle, last + 1, compressed)
        begin = after if after is not None else last
        return (begin, str(error)), begin
    if damage is not None:
        yield _damaged(path, damage, None)
    return None


def _damaged(path: str, damage: tuple[int, str], resumed: int | None) -> Failure:
    offset, error = damage
    tail = f"reading went on at offset {resumed}" if resumed is not None else "no readable record follows it"
    return Failure(f"{path}#{offset}", f"damaged archive ({error}): the records in it are lost; {tail}")


def _page(record: WarcRecord, origin: str, stem: str, max_bytes: int, prefilter: PageFilter | None) -> Item:
    url = record.headers.get("WARC-Target-URI") or None
    name = _name(stem, url, origin)
    status = record.http_headers.status_code if record.http_headers is not None else None
    if not record.is_http or not isinstance(status, int) or status <= 0:
        # A record cut off by the end of the archive has no HTTP head left to parse either.
        left = len(record.reader.read())
        if left < record.content_length:
            return Failure(origin, f"record is truncated ({left} of {record.content_length} bytes)", name=name)
        return Failure(origin, "response record without an HTTP response in it", name=name)
    if status != 200:
        return Failure(origin, f"HTTP status {status}, not a page", fatal=False, stage="filter", name=name)
    content_type = (record.http_content_type or "").lower()
    kind = _PAGE_TYPES.get(content_type)
    if kind is None:
        return Failure(origin, f"content type {content_type or 'not given'}, not a page", fatal=False,
                       stage="filter", name=name)
    if record.content_length > max_bytes:
        return Failure(origin, f"page is over the {max_bytes}-byte limit (raise it with --max-bytes)", name=name)
    body = record.reader.read()
    encoded = record.http_headers.get("Content-Encoding")
    if len(body) < record.content_length and not encoded:
        return Failure(origin, f"record is truncated ({len(body)} of {record.content_length} bytes)", name=name)
    fields = PageFields(
        url=url,
        modified=_day(record.http_last_modified),
        retrieved=_day(record.record_date),
        charset=record.http_charset or None,
    )
    return page_item(body, origin, name, kind, fields, prefilter)


def _name(stem: str, url: str | None, origin: str) -> str:
    """A document name from the page's URL (host and path), else its place in the archive."""
    if url:
        slug = _UNSAFE_NAME.sub("_", url.split("://", 1)[-1]).strip("_")[:100]
        if slug:
            return slug
    return f"{stem}-{origin.rpartition('#')[2]}"


def _day(value: datetime | None) -> str | None:
    return value.date().isoformat() if value is not None else None


def _next_record(handle: BinaryIO, offset: int, compressed: bool) -> int | None:
    """Where the next record starts at or after ``offset``: a gzip member in a .warc.gz (each record
    is one), a "WARC/1." line in a plain archive."""
    marker = _GZIP_MEMBER if compressed else b"\n" + _WARC_RECORD
    handle.seek(offset)
    position, carry = offset, b""
    while chunk := handle.read(_SCAN_CHUNK):
        data = carry + chunk
        found = data.find(marker)
        if found >= 0:
            at = position - len(carry) + found
            return at if compressed else at + 1
        carry = data[-(len(marker) - 1):]
        position += len(chunk)
    return None


def response_record(url: str, body: bytes, *, date: str = "2025-01-01T00:00:00Z",
                    content_type: str = "text/html; charset=utf-8", status: int = 200,
                    headers: dict[str, str] | None = None, compress: bool = True) -> bytes:
    """One WARC/1.0 response record holding an HTTP response, gzipped as a member of its own as
    crawlers write them: what the tests and the synthetic benchmark build archives from."""
    lines = [f"HTTP/1.1 {status} {'OK' if status == 200 else 'Status'}", f"Content-Type: {content_type}",
             f"Content-Length: {len(body)}", *(f"{k}: {v}" for k, v in (headers or {}).items())]
    payload = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, url + hashlib.sha1(body).hexdigest())}>\r\n"
            f"WARC-Date: {date}\r\nWARC-Target-URI: {url}\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(payload)}\r\n\r\n")
    record = head.encode("utf-8") + payload + b"\r\n\r\n"
    return gzip.compress(record, mtime=0) if compress else record
