"""Stored documents: metadata, original text, the extraction record, evidence segments."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from parley.ingest.clean import clean_text
from parley.store import models as m
from parley.store.read.common import Conn


@dataclass
class DocumentView:
    id: str
    name: str
    url: str | None
    outlet: str | None
    title: str | None
    language: str | None
    published: str | None
    extractor: str
    superseded_by: str | None
    ingested_at: str
    raw_text: str | None
    record: dict[str, Any]
    removed_by: int | None = None  # the correction that took it out of the record
    copies: list[CopyRef] = field(default_factory=list)  # the same text elsewhere (parley.store.models.DocumentCopy)

    def evidence(self, spans: list[list[int]]) -> list[str]:
        """The original text of each span (empty when the text was not kept)."""
        text = self.raw_text or ""
        return [text[s:e] for s, e in spans if 0 <= s <= e <= len(text)]


@dataclass
class CopyRef:
    """Where else a document's text was found: another URL, or the same page with other furniture."""

    id: str
    name: str
    url: str | None
    outlet: str | None
    published: str | None


# Past every character a document id may hold: the upper end of a prefix's index range.
_PAST_ANY_ID = "\U0010ffff"
# How many documents a name that is not unique lists (the command line shows them to choose from).
CANDIDATES = 10


@dataclass
class DocumentRef:
    """A document as a list of candidates names it."""

    id: str
    name: str
    url: str | None
    outlet: str | None
    published: str | None
    superseded_by: str | None


def _with_prefix(conn: Conn, prefix: str, limit: int) -> list[str]:
    """Ids starting with ``prefix``, through the primary key's index (the range [prefix, prefix +
    the largest character)), never by scanning the table as ``LIKE 'prefix%'`` does."""
    return list(conn.execute(select(m.Document.id).where(m.Document.id >= prefix,
                                                         m.Document.id < prefix + _PAST_ANY_ID)
                             .order_by(m.Document.id).limit(limit)).scalars())


def matching_documents(conn: Conn, doc_id: str) -> list[str]:
    """The documents ``doc_id`` may name: its whole id, else up to two ids it is a prefix of
    (one: found; two: ambiguous)."""
    if not doc_id or len(doc_id) > m.DOC_ID:
        return []
    if conn.execute(select(m.Document.id).where(m.Document.id == doc_id)).first() is not None:
        return [doc_id]
    return _with_prefix(conn, doc_id, 2)


def find_documents(conn: Conn, ref: str, limit: int = CANDIDATES) -> list[DocumentRef]:
    """The documents ``ref`` may name, at most ``limit``: its whole id; else those of that name
    (the file or URL stem the command line and the pages show) or URL, the current version of
    each rather than the ones it superseded; else those whose id starts with it. One: found;
    more: the user chooses. A name comes before an id prefix: "d01" is a name and a possible
    prefix, and names are what the user is shown."""
    ref = ref.strip()
    if not ref:
        return []
    cols = (m.Document.id, m.Document.name, m.Document.url, m.Document.outlet, m.Document.published,
            m.Document.superseded_by)

    def refs(where) -> list[DocumentRef]:
        q = select(*cols).where(where).order_by(m.Document.superseded_by.is_not(None), m.Document.published,
                                                m.Document.id).limit(limit)
        return [DocumentRef(*r) for r in conn.execute(q)]

    if len(ref) <= m.DOC_ID and (exact := refs(m.Document.id == ref)):
        return exact
    # The URL through its index; the name (not indexed: only asked when no id matched) by scanning.
    named = refs(m.Document.url == ref) if len(ref) <= 2048 else []
    named = named or refs(m.Document.name == ref)
    current = [d for d in named if d.superseded_by is None]
    if named:
        return current or named
    if copied := _copied(conn, ref, limit):  # a copy's id, URL or name: the document it copies
        return refs(m.Document.id.in_(copied))
    ids = _with_prefix(conn, ref, limit) if len(ref) <= m.DOC_ID else []
    return refs(m.Document.id.in_(ids)) if ids else []


def _copied(conn: Conn, ref: str, limit: int) -> list[str]:
    """The documents of the copies whose id, URL or name is ``ref``."""
    C = m.DocumentCopy
    for where in ((C.id == ref) if len(ref) <= m.DOC_ID else None, (C.url == ref) if len(ref) <= 2048 else None,
                  C.name == ref):
        if where is not None and (found := list(conn.execute(
                select(C.document_id).where(where).distinct().order_by(C.document_id).limit(limit)).scalars())):
            return found
    return []


def copies_of(conn: Conn, doc_id: str) -> list[CopyRef]:
    C = m.DocumentCopy
    return [CopyRef(*r) for r in conn.execute(select(C.id, C.name, C.url, C.outlet, C.published)
                                              .where(C.document_id == doc_id).order_by(C.published, C.url, C.id))]


def get_document(conn: Conn, ref: str) -> DocumentView | None:
    """A document by id, name, URL or id prefix (``find_documents``) when that names one, with its
    original text and extraction record."""
    found = find_documents(conn, ref, limit=2)
    if len(found) != 1:
        return None
    d = conn.execute(select(m.Document.__table__).where(m.Document.id == found[0].id)).one()
    removed_by = conn.execute(select(m.Correction.id).where(
        m.Correction.target_kind == "document", m.Correction.target_key == d.id, m.Correction.action == "remove",
        m.Correction.reverted_by.is_(None))).scalar()
    return DocumentView(d.id, d.name, d.url, d.outlet, d.title, d.language, d.published, d.extractor,
                        d.superseded_by, d.ingested_at, d.raw_text, record_of(conn, d.id, d.record), removed_by,
                        copies_of(conn, d.id))


def record_of(conn: Conn, doc_id: str, header: dict[str, Any]) -> dict[str, Any]:
    """The document's extraction record: its stored header with the items from the facts table
    (a superseded version's facts are gone: its record then lists no items)."""
    items: dict[str, list[Any]] = {plural: [] for _, plural in m.KINDS}
    plural_of = dict(m.KINDS)
    for f in conn.execute(select(m.Fact.kind, m.Fact.idx, m.Fact.data).where(m.Fact.document_id == doc_id)
                          .order_by(m.Fact.kind, m.Fact.idx)):
        items[plural_of[f.kind]].append(f.data)
    return {**header, **items}


@dataclass
class Segment:
    text: str
    mark: int | None  # index of the highlighted span, None for plain text
    furniture: bool = False  # plain text that cleaning blanked: shown dimmed


def furniture_spans(text: str, language: str | None) -> list[tuple[int, int]]:
    """The stretches of the original text that cleaning blanks before extraction (menus,
    credits, share buttons: ``parley.ingest.clean``), found by cleaning it again: the cleaned
    text has the same length, so every changed character is furniture. Runs separated only by
    whitespace are one stretch."""
    out: list[tuple[int, int]] = []
    for i, (kept, seen) in enumerate(zip(text, clean_text(text, language), strict=True)):
        if kept == seen:
            continue
        if out and not text[out[-1][1]:i].strip():
            out[-1] = (out[-1][0], i + 1)
        else:
            out.append((i, i + 1))
    return out


def merge_spans(spans: list[list[int]] | list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Spans clipped to the text, sorted, overlapping ones merged."""
    clean = sorted((max(0, int(s)), min(length, int(e))) for s, e in spans if int(e) > int(s))
    out: list[tuple[int, int]] = []
    for s, e in clean:
        if s >= length:
            continue
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def segments(text: str, spans: list[list[int]] | list[tuple[int, int]],
             furniture: list[tuple[int, int]] | None = None) -> list[Segment]:
    """The text cut into plain and highlighted pieces (rendered escaped, highlights as <mark>),
    the plain text inside ``furniture`` (sorted, disjoint) in pieces of its own. A highlight is
    never cut: evidence is shown whole even where it overlaps furniture."""
    out: list[Segment] = []
    pos = 0
    for i, (s, e) in enumerate(merge_spans(spans, len(text))):
        out += _plain(text, pos, s, furniture or [])
        out.append(Segment(text[s:e], i))
        pos = e
    return out + _plain(text, pos, len(text), furniture or [])


def _plain(text: str, start: int, end: int, furniture: list[tuple[int, int]]) -> list[Segment]:
    """``text[start:end]`` as plain pieces, the furniture among them marked."""
    out: list[Segment] = []
    pos = start
    for s, e in furniture:
        s, e = max(s, pos), min(e, end)
        if e <= s:
            continue
        if s > pos:
            out.append(Segment(text[pos:s], None))
        out.append(Segment(text[s:e], None, furniture=True))
        pos = e
    if end > pos:
        out.append(Segment(text[pos:end], None))
    return out


def parse_spans(value: str | None) -> list[tuple[int, int]]:
    """``"12-40,88-93"`` -> [(12, 40), (88, 93)]; bad pieces are ignored."""
    out = []
    for part in (value or "").split(","):
        a, _, b = part.strip().partition("-")
        # ASCII digits only: str.isdigit also takes '²', which int() refuses.
        if a.isascii() and b.isascii() and a.isdigit() and b.isdigit() and int(b) > int(a):
            out.append((int(a), int(b)))
    return out[:200]


def format_spans(spans: list[list[int]] | list[tuple[int, int]]) -> str:
    return ",".join(f"{int(s)}-{int(e)}" for s, e in spans)


_PLURAL = {"meeting": "meetings", "agreement": "agreements", "statement": "statements", "person": "people"}


def fact_spans(record: dict[str, Any], fact: str | None) -> list[list[int]]:
    """The evidence of one item of the record: ``meeting:0`` -> its ``evidence`` spans."""
    if not fact:
        return []
    kind, _, idx = fact.partition(":")
    items = record.get(_PLURAL.get(kind, ""), [])
    # ASCII digits only: str.isdigit also takes '²', which int() refuses.
    if not (idx.isascii() and idx.isdigit()) or int(idx) >= len(items):
        return []
    ev = items[int(idx)].get("evidence") or []
    return [list(s) for s in ev if isinstance(s, list | tuple) and len(s) == 2]


def document_view(conn: Connection, doc_id: str, spans: str | None = None, fact: str | None = None
                  ) -> dict[str, Any] | None:
    d = get_document(conn, doc_id)
    if d is None:
        return None
    text = d.raw_text or ""
    wanted = [list(s) for s in parse_spans(spans)] + fact_spans(d.record, fact)
    merged = merge_spans(wanted, len(text))
    return {
        "document": d,
        "highlights": [{"start": s, "end": e, "text": text[s:e]} for s, e in merged],
        "segments": segments(text, merged, furniture_spans(text, d.language)),
        "text_kept": d.raw_text is not None,
    }
