"""Turn paths (files, directories, "-" for standard input) into Documents, one at a time.

Every input that cannot be read becomes a Failure with a reason meant for the user,
and reading goes on with the next input: one bad file must never stop a batch.
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import io
import json
import os
import re
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from parley.errors import DecodeError, Failure
from parley.ingest.dates import normalise_date
from parley.ingest.decode import binary_kind, bom_encoding, declared_html_charset, decode_bytes, magic_kind
from parley.ingest.document import Document
from parley.ingest.html import hostname
from parley.ingest.page import PageFields, html_document
from parley.ingest.prefilter import default_filter
from parley.ingest.walk import file_suffix, os_reason, stat_reason, walk
from parley.ingest.warc import iter_warc
from parley.validation import replace_unstorable, unstorable_note

DEFAULT_MAX_BYTES = 10_000_000
STDIN_ORIGIN = "<stdin>"

TEXT, HTML, JSONL, WARC = "text/plain", "text/html", "application/x-ndjson", "application/warc"
_SUFFIX_KIND = {
    ".txt": TEXT,
    ".text": TEXT,
    ".md": TEXT,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".jsonl": JSONL,
    ".ndjson": JSONL,
    ".jsonl.gz": JSONL,
    ".ndjson.gz": JSONL,
    ".warc": WARC,
    ".warc.gz": WARC,
}
# Truncated or corrupt gzip: what reading a .jsonl.gz raises where the damage is.
_GZIP_ERRORS = (EOFError, gzip.BadGzipFile, zlib.error)
_SNIFF_BYTES = 64 * 1024
_HTML_START = ("<!doctype", "<html", "<?xml")
_COMMON_TAG = re.compile(
    r"</?(?:p|div|span|a|br|li|ul|ol|table|tr|td|h[1-6]|body|head|meta|title|article)\b[^<>]*>", re.I
)
_MIN_TAGS = 5
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")

Item = Document | Failure


def iter_inputs(
    paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES, prefilter: bool = True
) -> Iterator[Item]:
    """Yield a Document or a Failure for every input found under ``paths``, lazily and in order.

    ``prefilter``: pages of crawl archives (WARC) pass the domain pre-filter
    (parley.ingest.prefilter) before their main text is looked for; the pages it drops come out as
    notices at the ``filter`` stage. Files and JSON Lines records are what the user chose: never filtered."""
    for path in paths:
        if path == "-":
            yield from _read_stdin(max_bytes)
        else:
            yield from _read_path(path, max_bytes, prefilter)


def _read_stdin(max_bytes: int) -> Iterator[Item]:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        yield Failure(STDIN_ORIGIN, "no standard input to read")
        return
    try:
        yield from _read_stream(stream, STDIN_ORIGIN, "stdin", None, None, max_bytes)
    except OSError as error:
        yield Failure(STDIN_ORIGIN, f"cannot read standard input: {error.strerror or error}")


def _read_path(path: str, max_bytes: int, prefilter: bool) -> Iterator[Item]:
    try:
        info = os.stat(path)
    except OSError as error:
        yield Failure(path, stat_reason(path, error))
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _read_directory(path, max_bytes, prefilter)
        return
    suffix = file_suffix(path)
    kind = _SUFFIX_KIND.get(suffix)
    if kind == WARC:
        try:
            yield from iter_warc(path, max_bytes=max_bytes, prefilter=default_filter() if prefilter else None)
        except OSError as error:
            yield Failure(path, os_reason(error))
        return
    if kind == JSONL and suffix.endswith(".gz"):
        yield from _read_jsonl_gz(path, max_bytes)
        return
    size = info.st_size if stat.S_ISREG(info.st_mode) else None
    if kind in (TEXT, HTML) and size is not None and size > max_bytes:
        # Decided from the size alone, so an oversized file is never read into memory.
        yield Failure(path, _too_big("file", size, max_bytes))
        return
    try:
        with open(path, "rb") as handle:
            yield from _read_stream(handle, path, Path(path).stem, kind, size, max_bytes)
    except OSError as error:
        yield Failure(path, os_reason(error))


def _read_directory(directory: str, max_bytes: int, prefilter: bool) -> Iterator[Item]:
    """Every readable file under ``directory``, and the walk's failures and notices, in walk order."""
    found = listed = False
    for entry in walk(directory, _SUFFIX_KIND):
        if isinstance(entry, Failure):
            # The walk's own failure for the directory already says why nothing is read from it.
            listed = listed or entry.origin == directory
            yield entry
        else:
            found = True
            yield from _read_path(entry, max_bytes, prefilter)
    if not found and not listed:
        yield Failure(directory, "directory holds no .txt, .md, .html, .jsonl or .warc files")


def _read_stream(
    stream: BinaryIO, origin: str, stem: str, kind: str | None, size: int | None, max_bytes: int
) -> Iterator[Item]:
    """Read one input; ``kind`` None means sniff it, ``size`` None means the size is unknown (pipes)."""
    head = stream.read(min(_SNIFF_BYTES, max_bytes + 1))
    if len(head) == _SNIFF_BYTES and max_bytes + 1 > _SNIFF_BYTES:
        # Complete the last line so that sniffing JSON Lines never sees a cut record.
        head += stream.readline(max_bytes + 1 - _SNIFF_BYTES)
    kind = kind or _sniff(head)
    binary = binary_kind(head)
    if kind == JSONL and binary and (magic_kind(head) or not _holds_a_record(head)):
        # One failure for a compressed or binary dump, not one per "line" of it. A file with
        # a binary line among its records is read line by line, so its good records are kept.
        yield Failure(origin, _binary_reason(binary))
        return
    if kind == JSONL:
        # Records are limited one by one, so a large batch file is fine.
        lines = io.BufferedReader(_Chained(head, stream))
        yield from _read_jsonl(lines, origin, stem, max_bytes)
        return
    if size is not None and size > max_bytes:
        yield Failure(origin, _too_big("file", size, max_bytes))
        return
    remaining = max_bytes + 1 - len(head)
    data = (head + stream.read(remaining)) if remaining > 0 else head
    if len(data) > max_bytes:
        what = "standard input" if origin == STDIN_ORIGIN else "file"
        yield Failure(origin, _too_big(what, None, max_bytes))
        return
    yield _document(data, origin, stem, kind)


def _document(data: bytes, origin: str, name: str, kind: str) -> Item:
    if not data.strip():
        return Failure(origin, "empty file")
    binary = binary_kind(data)
    if binary:
        return Failure(origin, _binary_reason(binary))
    try:
        decoded = decode_bytes(data, declared=declared_html_charset(data) if kind == HTML else None)
    except DecodeError as error:
        return Failure(origin, str(error))
    if not decoded.text.strip():
        return Failure(origin, "empty file")
    doc_id = hashlib.sha256(data).hexdigest()
    if kind == HTML:
        return html_document(doc_id, name, decoded.text, origin, list(decoded.notes))
    return Document(
        doc_id, name, decoded.text, decoded.text, origin, media_type=TEXT, notes=list(decoded.notes)
    )


def _read_jsonl_gz(path: str, max_bytes: int) -> Iterator[Item]:
    """A gzipped JSON Lines file, decompressed as it is read; a damaged or cut-off stream fails
    after the records read before the damage."""
    stem = Path(path).name.split(".")[0]
    read = 0
    try:
        with gzip.open(path, "rb") as lines:
            for item in _read_jsonl(lines, path, stem, max_bytes):
                read += 1
                yield item
    except _GZIP_ERRORS as error:
        yield Failure(path, f"damaged gzip stream after {read} record(s) ({error or type(error).__name__})"
                      " - the file is probably truncated")
    except OSError as error:
        yield Failure(path, os_reason(error))


def _read_jsonl(lines: BinaryIO, origin: str, stem: str, max_bytes: int) -> Iterator[Item]:
    seen = False
    number = 0
    while line := lines.readline(max_bytes + 1):
        number += 1
        where = f"{origin}:{number}"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := lines.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            seen = True
            yield Failure(where, _too_big(f"line {number}", None, max_bytes))
            continue
        if number == 1:
            line = line.removeprefix(codecs.BOM_UTF8)
        if line.strip():
            seen = True
            yield _record(line, number, where, stem)
    if not seen:
        yield Failure(origin, "empty file")


def _holds_a_record(head: bytes) -> bool:
    """Whether any line of ``head`` is a JSON object: then the file is JSON Lines, whatever else it holds."""
    for line in head.splitlines():
        try:
            if _is_json_object(line.decode("utf-8")):
                return True
        except UnicodeDecodeError:
            continue
    return False


def _record(line: bytes, number: int, where: str, stem: str) -> Item:
    binary = binary_kind(line)
    if binary:
        # Valid JSON holds no raw control characters, so this line cannot be a record.
        return Failure(where, f"line {number} is binary data ({binary}), not a JSON record")
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return Failure(where, f"line {number} is not valid UTF-8 (JSON Lines files must be UTF-8)")
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        cut = error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated")
        hint = " - the record is probably truncated" if cut else ""
        return Failure(
            where, f"line {number} is not valid JSON ({error.msg} at column {error.colno}){hint}"
        )
    if not isinstance(record, dict):
        return Failure(where, f"line {number} is a JSON {type(record).__name__}, not an object")
    body, is_html = record.get("text"), False
    if not _nonblank(body) and _nonblank(record.get("html")):
        body, is_html = record["html"], True
    if not isinstance(body, str) or not body.strip():
        return Failure(where, f'line {number} has no "text" (or "html") with content')
    doc_id = hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()
    # A "\ud800" escape decodes to a lone surrogate, which no later stage can encode.
    body, replaced = replace_unstorable(body)
    notes = [unstorable_note(replaced)] if replaced else []

    record_id = record.get("id")
    safe_id = (
        _UNSAFE_NAME.sub("_", str(record_id)).strip("_")[:100] if isinstance(record_id, str | int) else ""
    )
    name = f"{stem}-{safe_id or number}"
    url = _string(record.get("url"))
    fields = PageFields(
        title=_string(record.get("title")),
        url=url,
        published=normalise_date(record.get("published")),
        source=_string(record.get("source")) or _string(record.get("outlet")) or hostname(url),
    )
    if is_html:
        return html_document(doc_id, name, body, where, notes, fields)
    return Document(doc_id, name, body, body, where, title=fields.title, url=fields.url, published=fields.published,
                    source=fields.source, media_type=JSONL, notes=notes)


def _sniff(head: bytes) -> str:
    bom = bom_encoding(head)
    text = head[bom[1] :].decode(bom[0], "replace") if bom else head.decode("utf-8", "replace")
    lines = [line for line in text.splitlines() if line.strip()]
    # Not "every line": a batch with a damaged record must still be read as a batch.
    objects = sum(1 for line in lines if _is_json_object(line))
    if lines and _is_json_object(lines[0]) and objects * 2 >= len(lines):
        return JSONL
    if text.lstrip().lower().startswith(_HTML_START) or len(_COMMON_TAG.findall(text)) >= _MIN_TAGS:
        return HTML
    return TEXT


def _is_json_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


class _Chained(io.RawIOBase):
    """The sniffed head followed by the rest of the stream, so nothing has to be read twice."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _nonblank(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _string(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _binary_reason(kind: str) -> str:
    return f"binary file ({kind}), not text - convert it to plain text or HTML first"


def _too_big(what: str, size: int | None, limit: int) -> str:
    amount = f"is {_size(size)}, over" if size is not None else "is over"
    return f"{what} {amount} the {_size(limit)} limit (raise it with --max-bytes)"


def _size(count: int) -> str:
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if count >= scale:
            return f"{count / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{count} bytes"
