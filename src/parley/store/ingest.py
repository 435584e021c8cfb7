"""``parley ingest``: documents (extracted here) or extraction records -> the knowledge base.

Each document is stored in its own transaction together with its facts and the "dirty" marks
of the blocks they touch, so a killed ingest leaves every document either fully in or not at
all, and the next run (or ``parley db consolidate``) finishes consolidating what was marked.

  same content hash, same record      nothing changes (the document is skipped)
  same content hash, new record       re-extraction: the document's facts are replaced
  same URL, new content hash          a new version: the old one is kept, marked superseded,
                                      and its facts are removed (the later ingest wins)
  new content hash, a stored text     a copy (another URL, other page furniture, the same
                                      article): recorded with the stored document, which
                                      stays the one source; nothing of it is stored again
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import json
import os
import stat
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from queue import Empty, Full, Queue
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from parley.errors import Failure, StoreError
from parley.ingest.decode import binary_kind
from parley.ingest.document import Document
from parley.ingest.walk import file_suffix, os_reason, stat_reason, walk
from parley.kb.dates import precision
from parley.record import SCHEMA
from parley.store import fulltext
from parley.store import models as m
from parley.store.blocks import consolidate as run_consolidation
from parley.store.blocks import mark_dirty
from parley.store.db import Store
from parley.store.judgements import Move, fact_corrections, locate, moves
from parley.store.models import KINDS
from parley.store.placement import fact_blocks
from parley.validation import scrub, validate_record

ITEM_LISTS = {plural for _, plural in KINDS}
# The document kinds parley.ingest.readers reads (text, HTML, JSON Lines of documents).
DOCUMENT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz",
                     ".warc", ".warc.gz"}
RECORD_SUFFIXES = {".json", ".jsonl", ".ndjson"}


@dataclass
class Incoming:
    """One document to store: its extraction record and, when known, its original text."""

    record: dict[str, Any]
    raw_text: str | None
    origin: str


@dataclass
class IngestReport:
    added: int = 0
    unchanged: int = 0
    reextracted: int = 0
    replaced: int = 0  # new versions of a URL already ingested
    copied: int = 0  # a stored document's text again (another URL, other page furniture)
    failures: list[Failure] = field(default_factory=list)
    skipped: list[Failure] = field(default_factory=list)  # notices: files not read on purpose
    consolidation: Any = None

    @property
    def documents(self) -> int:
        return self.added + self.unchanged + self.reextracted + self.replaced + self.copied

    def to_dict(self) -> dict[str, Any]:
        out = {"added": self.added, "unchanged": self.unchanged, "reextracted": self.reextracted,
               "replaced": self.replaced, "copied": self.copied, "failed": len(self.failures),
               "failures": [f.to_dict() for f in self.failures], "skipped": [f.to_dict() for f in self.skipped]}
        if self.consolidation is not None:
            out["consolidation"] = self.consolidation.to_dict()
        return out


# --------------------------------------------------------------------------- reading inputs


def iter_sources(paths: Iterable[str], *, records_only: bool = False, batch_size: int = 16, processes: int = 1,
                 max_bytes: int = 10_000_000, language: str | None = None) -> Iterator[Incoming | Failure]:
    """Every input under ``paths`` in order: record files are read, documents are extracted.

    A ``.json`` file (or JSON Lines) whose objects say ``"schema": "parley/extraction/v1"`` is an
    extraction record; with ``records_only`` anything else is an error, otherwise it is a document
    for the extractor. Consecutive documents are extracted together (the models batch them).
    Directories are walked by parley.ingest.walk, as ``parley extract`` walks them; what is not
    read comes out as a Failure (a notice when ``fatal`` is False), never as an exception.
    ``language``: the documents' language, not detected."""
    # Documents waiting for extraction, with the failures and notices found among them, so
    # that those come out in their place without breaking up the extractor's batches.
    pending: list[str | Failure] = []
    for path in paths:
        for entry in _classify(path, records_only):
            if isinstance(entry, Failure):
                if pending:
                    pending.append(entry)
                else:
                    yield entry
                continue
            kind, target = entry
            if kind == "doc":
                pending.append(target)
                continue
            if pending:
                yield from _extracted(pending, batch_size, processes, max_bytes, language)
                pending = []
            yield from read_record_file(Path(target))
    if pending:
        yield from _extracted(pending, batch_size, processes, max_bytes, language)


def _classify(path: str, records_only: bool) -> Iterator[tuple[str, str] | Failure]:
    """("doc", path) or ("record", path) for each input under ``path``, or why one is not read."""
    if path == "-":
        yield ("doc", path) if not records_only else Failure(path, "--records reads files, not standard input")
        return
    try:
        info = os.stat(path)
    except OSError as exc:
        yield Failure(path, stat_reason(path, exc))
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _classify_directory(path, records_only)
        return
    if not os.access(path, os.R_OK):
        # Otherwise an unreadable record file would be taken for a document (it shows no schema).
        yield Failure(path, os_reason(PermissionError(errno.EACCES, "Permission denied", path)))
        return
    kind = _file_kind(Path(path), records_only)
    if kind is None and records_only:
        yield Failure(path, f"not an extraction record ({SCHEMA}): --records takes .json or .jsonl record files")
        return
    yield kind or "doc", path


def _classify_directory(directory: str, records_only: bool) -> Iterator[tuple[str, str] | Failure]:
    suffixes = RECORD_SUFFIXES if records_only else DOCUMENT_SUFFIXES | RECORD_SUFFIXES
    found = listed = False
    for entry in walk(directory, suffixes, documents=not records_only):
        if isinstance(entry, Failure):
            # The walk's own failure for the directory already says why nothing is read from it.
            listed = listed or entry.origin == directory
            yield entry
            continue
        kind = _file_kind(Path(entry), records_only)
        if kind:
            found = True
            yield kind, entry
        elif records_only:
            yield Failure(entry, f"not an extraction record (no \"schema\": \"{SCHEMA}\" at its start)")
        else:
            # A .json that is not a record (gold files, configuration): Parley reads no other JSON.
            yield Failure(entry, f"a .json file but not an extraction record ({SCHEMA})", fatal=False)
    if not found and not listed:
        what = "extraction records (.json)" if records_only else ".txt, .md, .html, .jsonl or record .json files"
        yield Failure(directory, f"directory holds no {what}")


def _file_kind(p: Path, records_only: bool) -> str | None:
    suffix = file_suffix(p.name)
    if suffix in RECORD_SUFFIXES and _looks_like_record(p):
        return "record"
    if records_only:
        return None
    return "doc" if suffix in DOCUMENT_SUFFIXES else None


def _looks_like_record(p: Path) -> bool:
    try:
        with p.open("rb") as fh:
            head = fh.read(4096).decode("utf-8", "replace")
    except OSError:
        return False
    return f'"schema": "{SCHEMA}"' in head or f'"schema":"{SCHEMA}"' in head


def read_record_file(path: Path) -> Iterator[Incoming | Failure]:
    """Records from a .json file (one record or a list of them) or JSON Lines (one per line).

    JSON Lines are read line by line as bytes: a line that is not UTF-8, not JSON or binary
    fails alone (``FILE:LINE``) and the other lines are read."""
    try:
        with path.open("rb") as fh:
            if path.suffix.lower() == ".json":
                yield from _read_json_records(fh.read(), path)
                return
            for n, line in enumerate(fh, start=1):
                if n == 1:
                    line = line.removeprefix(codecs.BOM_UTF8)
                if line.strip():
                    yield _record_line(line, n, path)
    except OSError as exc:
        yield Failure(str(path), os_reason(exc))


def _read_json_records(data: bytes, path: Path) -> Iterator[Incoming | Failure]:
    try:
        data_text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield Failure(str(path), f"not valid UTF-8 (bad byte at offset {exc.start}) - record files must be UTF-8")
        return
    try:
        data_json = json.loads(data_text)
    except json.JSONDecodeError as exc:
        yield Failure(str(path), f"not valid JSON ({exc.msg} at line {exc.lineno})")
        return
    items = data_json if isinstance(data_json, list) else [data_json]
    for i, rec in enumerate(items):
        origin = f"{path}" if len(items) == 1 else f"{path}[{i}]"
        yield incoming_record(rec, origin, path.parent)


def _record_line(line: bytes, n: int, path: Path) -> Incoming | Failure:
    where = f"{path}:{n}"
    binary = binary_kind(line)
    if binary:
        return Failure(where, f"line {n} is binary data ({binary}), not a JSON record")
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Failure(where, f"line {n} is not valid UTF-8 (bad byte at column {exc.start + 1}) - "
                              "record files must be UTF-8")
    try:
        rec = json.loads(text)
    except json.JSONDecodeError as exc:
        return Failure(where, f"line {n} is not valid JSON ({exc.msg})")
    return incoming_record(rec, where, path.parent)


def incoming_record(rec: Any, origin: str, base: Path | None = None) -> Incoming | Failure:
    """A record as read, with its original text when it carries it (``"text"``) or, for a
    record file in ``base``, when the file it was extracted from is still there. ingest()
    checks it (parley.validation) before storing it. Records sent over HTTP have no ``base``:
    a client never makes the server read its files."""
    if not isinstance(rec, dict):
        return Failure(origin, f"not an extraction record: a JSON {type(rec).__name__}, not an object", stage="validate")
    raw = scrub(rec.pop("text")) if isinstance(rec.get("text"), str) else None
    doc = rec.get("document")
    if raw is None and base is not None and isinstance(doc, dict) and isinstance(doc.get("id"), str):
        raw = _recover_text(doc, base)
    return Incoming(rec, raw, origin)


def _recover_text(doc: dict[str, Any], base: Path) -> str | None:
    """The original text of an extracted document, when its file is still where it was read
    (as given, or relative to the record file) and still has the same content hash."""
    origin = doc.get("origin")
    if not isinstance(origin, str) or not origin or origin == "<stdin>":
        return None
    from parley.ingest.readers import iter_inputs

    for cand in (Path(origin), base / origin):
        if cand.is_file():
            for item in iter_inputs([str(cand)]):
                if isinstance(item, Document) and item.id == doc["id"]:
                    return item.raw
    return None


def _extracted(entries: list[str | Failure], batch_size: int, processes: int,
               max_bytes: int, language: str | None = None) -> Iterator[Incoming | Failure]:
    """Extract documents, keeping each one's original text (the pipeline yields one result per
    input, in order, so a FIFO of the inputs pairs them up). Failures among ``entries`` pass
    through the pipeline in their place."""
    from parley.errors import Failure
    from parley.ingest.readers import iter_inputs
    from parley.pipeline import extract_stream

    pending: deque = deque()

    def feed() -> Iterator[Document | Failure]:
        for entry in entries:
            items = [entry] if isinstance(entry, Failure) else iter_inputs([entry], max_bytes=max_bytes)
            for item in items:
                pending.append(item)
                yield item

    for result in extract_stream(feed(), batch_size=batch_size, processes=processes, language=language,
                                 skip_copies=True):
        src = pending.popleft()
        if isinstance(result, Failure):
            yield result
            continue
        rec = result.to_json()
        raw = src.raw if isinstance(src, Document) and src.id == rec["document"]["id"] else None
        yield Incoming(rec, raw, rec["document"].get("origin") or "")


# --------------------------------------------------------------------------- storing


def record_sha(rec: dict[str, Any]) -> str:
    body = json.dumps(rec, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def reference_date(rec: dict[str, Any]) -> str | None:
    """The date a document speaks for (offices "seen" then): its publication date, else the
    date of the meeting it reports held."""
    pub = rec["document"].get("published")
    if precision(pub) == 3:
        return pub
    starts = sorted(x.get("start") for x in rec.get("meetings") or []
                    if precision(x.get("start")) == 3 and x.get("status", "held") != "planned")
    return starts[0] if starts else None


def _subject(kind: str, item: dict[str, Any]) -> str | None:
    if kind == "meeting":
        return item.get("name")
    if kind == "agreement":
        return item.get("title")
    if kind == "statement":
        return f"{item.get('speaker') or ''}: {(item.get('quote') or '')[:120]}"
    return item.get("name")


def _extractor(rec: dict[str, Any]) -> str:
    ext = rec.get("extractor")
    if isinstance(ext, dict) and ext.get("version"):
        return (str(ext.get("name") or "parley") + " " + str(ext["version"]))[:100]
    if isinstance(ext, str) and ext:
        return ext[:100]
    from parley import __version__

    return f"parley {__version__}"


def fact_rows(rec: dict[str, Any], corrections, moved: list[Move]) -> list[dict[str, Any]]:
    """The facts table rows of one record, blocked by their values after any fact corrections
    (or where a same_as judgement placed them: ``parley.store.placement``)."""
    did = rec["document"]["id"]
    items = {(k, i): it for k, plural in KINDS for i, it in enumerate(rec.get(plural) or [])}
    subjects = {ki: _subject(ki[0], it) for ki, it in items.items()}
    blocks = fact_blocks(items, subjects, locate(corrections, subjects) if corrections else {}, moved,
                         reference_date(rec))
    rows = []
    for kind, plural in KINDS:
        for i, item in enumerate(rec.get(plural) or []):
            conf = item.get("confidence")
            rows.append({
                "document_id": did, "kind": kind, "idx": i,
                "block": blocks[(kind, i)],
                "subject": subjects[(kind, i)],
                "confidence": float(conf) if isinstance(conf, int | float) else 0.5,
                "data": item,
            })
    return rows


def _drop_facts(conn: Connection, doc_ids: list[str]) -> set[tuple[str, str]]:
    blocks = {(r.kind, r.block) for r in conn.execute(
        select(m.Fact.kind, m.Fact.block).where(m.Fact.document_id.in_(doc_ids)).distinct())}
    conn.execute(delete(m.Fact).where(m.Fact.document_id.in_(doc_ids)))
    return blocks


_DOC_INSERT = insert(m.Document.__table__)
_FACT_INSERT = insert(m.Fact.__table__)


class Ingester:
    """Stores documents, each whole or not at all, several per commit.

    Each document is written inside a SAVEPOINT: its row, its facts and the dirty marks of
    their blocks succeed or fail together. Documents are committed in groups (every
    ``group`` documents or ``seconds``), which is what makes ingest fast; a killed process
    loses only the last, uncommitted group, which the next run stores again."""

    def __init__(self, store: Store, group: int = 200, seconds: float = 0.5) -> None:
        self.store = store
        self.conn = store.write_connection()
        with self.conn.begin():
            self.fact_corrections = fact_corrections(self.conn)
            self.moves = moves(self.conn)
        self.marked: set[tuple[str, str]] = set()
        self.now = datetime.now(UTC).replace(microsecond=0).isoformat()
        self.group, self.seconds = group, seconds
        self.tx = None
        self.in_group = 0
        self.started = 0.0

    def add(self, item: Incoming) -> str:
        """added | unchanged | reextracted | replaced | copied"""
        if self.tx is None:
            self.tx, self.in_group, self.started = self.conn.begin(), 0, time.monotonic()
        savepoint = self.conn.begin_nested()
        try:
            outcome, dirty = self._store(item)
            savepoint.commit()
        except BaseException:
            savepoint.rollback()
            self.flush()  # the documents before this one are whole: keep them
            raise
        self.marked |= dirty
        self.in_group += 1
        if self.in_group >= self.group or time.monotonic() - self.started >= self.seconds:
            self.flush()
        return outcome

    def flush(self) -> None:
        if self.tx is not None:
            self.tx.commit()
            self.tx = None

    def close(self) -> None:
        self.flush()
        self.conn.close()

    def _store(self, item: Incoming) -> tuple[str, set[tuple[str, str]]]:
        rec = item.record
        doc = rec["document"]
        did = doc["id"]
        sha = record_sha(rec)
        url = doc.get("url") or None
        conn = self.conn
        row = conn.execute(select(m.Document.record_sha, m.Document.superseded_by, m.Document.raw_text)
                           .where(m.Document.id == did)).first()
        if row is None and (copied := self._copy(rec)):
            return copied, set()
        if doc.get("copy"):  # not extracted, as an earlier document of the run had its text
            if row is not None:
                return "unchanged", set()  # stored before, with its items: kept as it is
            raise ValueError("not extracted, as an earlier document of the run has the same text, but that one "
                             "was not stored: ingest this one again by itself")
        if row is not None and (row.record_sha == sha or row.superseded_by is not None):
            if row.raw_text is None and item.raw_text is not None:
                conn.execute(update(m.Document).where(m.Document.id == did).values(raw_text=item.raw_text))
                if row.superseded_by is None:
                    fulltext.index_document(conn, did)
            return "unchanged", set()
        dirty: set[tuple[str, str]] = set()
        values = {
            "name": str(doc.get("name") or did[:12]), "origin": item.origin or doc.get("origin"),
            "url": url, "outlet": doc.get("source"), "title": doc.get("title"),
            "language": doc.get("language"),
            "published": doc.get("published") if precision(doc.get("published")) else None,
            "ref_date": reference_date(rec), "extractor": _extractor(rec), "record_sha": sha,
            # The items live in the facts table; the record is rebuilt from both (queries.record_of).
            "record": {k: v for k, v in rec.items() if k not in ITEM_LISTS},
            "raw_text": item.raw_text if item.raw_text is not None else (row.raw_text if row else None),
            "text_sha": doc.get("text_sha"),
        }
        outcome = "added"
        if row is not None:
            dirty |= _drop_facts(conn, [did])
            conn.execute(update(m.Document).where(m.Document.id == did).values(**values))
            outcome = "reextracted"
        else:
            conn.execute(_DOC_INSERT, {"id": did, "ingested_at": self.now, "superseded_by": None, **values})
        fulltext.index_document(conn, did)
        if url:
            older = conn.execute(select(m.Document.id).where(
                m.Document.url == url, m.Document.id != did, m.Document.superseded_by.is_(None))).scalars().all()
            if older:
                dirty |= _drop_facts(conn, list(older))
                conn.execute(update(m.Document).where(m.Document.id.in_(older)).values(superseded_by=did))
                fulltext.unindex_documents(conn, older)
                outcome = "replaced"
        rows = fact_rows(rec, self.fact_corrections.get(did, []), self.moves.get(did, []))
        if rows:
            conn.execute(_FACT_INSERT, rows)
        dirty |= {(r["kind"], r["block"]) for r in rows}
        mark_dirty(conn, dirty - self.marked)
        return outcome, dirty


    def _copy(self, rec: dict[str, Any]) -> str | None:
        """"copied" when ``rec``'s document, not stored itself, has a stored document's text
        (recorded as its copy: not a second source); "unchanged" when it is a known copy; else None.

        Records without ``text_sha`` (written by other tools, or before Parley kept it) are never
        taken for copies."""
        doc = rec["document"]
        conn = self.conn
        if conn.execute(select(m.DocumentCopy.id).where(m.DocumentCopy.id == doc["id"])).first():
            return "unchanged"
        if not doc.get("text_sha"):
            return None
        original = conn.execute(
            select(m.Document.id).where(m.Document.text_sha == doc["text_sha"], m.Document.superseded_by.is_(None))
            .order_by(m.Document.id).limit(1)).scalar()
        if original is None:
            return None
        conn.execute(insert(m.DocumentCopy.__table__), {
            "id": doc["id"], "document_id": original, "name": str(doc.get("name") or doc["id"][:12]),
            "origin": doc.get("origin"), "url": doc.get("url") or None, "outlet": doc.get("source"),
            "published": doc.get("published") if precision(doc.get("published")) else None,
            "ingested_at": self.now})
        return "copied"


# How long the writer waits for the next item before committing what it holds: a source that
# pauses (the language models analysing the next batch) must not keep the write lock meanwhile.
IDLE_COMMIT = 0.2
_END = object()


def ingest(store: Store, items: Iterable[Incoming | Failure], *, consolidate: bool = True,
           on_item: Callable[[Incoming | Failure, str], None] | None = None) -> IngestReport:
    """Check and store every record (failures and refused records are reported and skipped),
    then consolidate.

    The items are produced here (extraction runs in this thread, and its worker processes are
    forked from it) and stored by a writer thread that commits whenever the items stop coming
    for IDLE_COMMIT seconds: on SQLite, where one process writes at a time, another writer (a
    correction from the web app, a second ingest) gets its turn while the models work."""
    report = IngestReport()
    queue: Queue = Queue(maxsize=16)
    errors: list[BaseException] = []
    writer = threading.Thread(target=_write_all, args=(store, queue, report, on_item, errors),
                              name="parley-ingest-writer", daemon=True)
    writer.start()
    # Items go over in chunks: one hand-over per item would make the two threads take turns on
    # the interpreter for every record (the store path would be ~15 % slower).
    chunk: list[Incoming | Failure] = []
    handed = time.monotonic()
    try:
        for item in items:
            chunk.append(item)
            if len(chunk) >= 64 or time.monotonic() - handed >= 0.05:
                if not _hand_over(queue, chunk, writer):
                    break
                chunk, handed = [], time.monotonic()
    finally:
        if chunk:
            _hand_over(queue, chunk, writer)
        _hand_over(queue, _END, writer)
        writer.join()
    if errors:
        raise errors[0]
    if consolidate:
        report.consolidation = run_consolidation(store)
    return report


def _hand_over(queue: Queue, item: object, writer: threading.Thread) -> bool:
    """Put ``item`` (a chunk of items, or _END) in the writer's queue, unless the writer has
    stopped (an error)."""
    while writer.is_alive():
        try:
            queue.put(item, timeout=0.5)
            return True
        except Full:
            continue
    return False


def _write_all(store: Store, queue: Queue, report: IngestReport,
               on_item: Callable[[Incoming | Failure, str], None] | None, errors: list[BaseException]) -> None:
    try:
        ing = Ingester(store)
    except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
        errors.append(exc)
        return
    try:
        while True:
            try:
                chunk = queue.get(timeout=IDLE_COMMIT)
            except Empty:
                ing.flush()
                continue
            if chunk is _END:
                return
            for item in chunk:
                done = _store_one(ing, item)
                if isinstance(done, Failure):
                    (report.failures if done.fatal else report.skipped).append(done)
                    outcome = "failed" if done.fatal else "skipped"
                else:
                    outcome = done
                    setattr(report, outcome, getattr(report, outcome) + 1)
                if on_item:
                    on_item(done if isinstance(done, Failure) else item, outcome)
    except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
        errors.append(exc)
    finally:
        try:
            ing.close()
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)


def _store_one(ing: Ingester, item: Incoming | Failure) -> str | Failure:
    """The outcome of storing one item, or why it was not stored."""
    if isinstance(item, Failure):
        return item
    reason = validate_record(item.record)
    if reason:
        return Failure(item.origin, reason, stage="validate")
    try:
        return ing.add(item)
    except StoreError:
        raise  # the store itself cannot be used (locked, gone): no later item could be stored either
    except (SQLAlchemyError, ValueError, TypeError, KeyError) as exc:
        # The documents before it are committed (Ingester.add rolls back only this one).
        message = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else "no message"
        return Failure(item.origin, f"cannot store it ({exc.__class__.__name__}: {message})", stage="store")
