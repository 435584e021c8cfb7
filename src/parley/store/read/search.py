"""Search across meetings, people, agreements and statements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from parley.resolve.names import fold
from parley.store import models as m
from parley.store.read.agreements import AgreementSummary, list_agreements
from parley.store.read.labels import series_name
from parley.store.read.meetings import MeetingSummary, list_meetings
from parley.store.read.people import PersonSummary, list_people
from parley.store.read.statements import StatementRow, search_statements


def _words(text: str) -> list[str]:
    return [w for w in fold(text).split() if w]


def _matches(words: list[str], *fields: str | None) -> bool:
    hay = fold(" ".join(f for f in fields if f))
    return all(w in hay for w in words)


@dataclass
class SearchResults:
    query: str
    meetings: list[MeetingSummary]
    people: list[PersonSummary]
    agreements: list[AgreementSummary]
    statements: list[StatementRow]
    documents: list[dict[str, Any]]


def search(conn: Connection, text: str, limit: int = 20) -> SearchResults:
    """Everything whose words contain all the words of ``text`` (any case, any script): meetings
    (name, place, series, key), people (any spelling), agreements (titles), statements (the full
    text of the quotation and the speaker), documents (title, outlet, name)."""
    words = _words(text)
    if not words:
        return SearchResults(text, [], [], [], [], [])
    mkeys = []
    for r in conn.execute(select(m.Meeting.key, m.Meeting.name, m.Meeting.place, m.Meeting.series,
                                 m.Meeting.start).where(m.Meeting.rejected.is_(False))
                          .order_by(m.Meeting.start.is_(None), m.Meeting.start.desc(), m.Meeting.key)):
        if _matches(words, r.key, r.name, r.place, series_name(r.series)):
            mkeys.append(r.key)
            if len(mkeys) >= limit:
                break
    by_key = {s.key: s for s in list_meetings(conn)} if mkeys else {}
    meetings = [by_key[k] for k in mkeys if k in by_key]
    people: list[PersonSummary] = []
    seen: set[str] = set()
    for w in [" ".join(words), *words]:
        for p in list_people(conn, contains=w, limit=limit * 3):
            if p.key not in seen and _matches(words, p.name, *p.aliases):
                seen.add(p.key)
                people.append(p)
    people = people[:limit]
    agreements = [a for a in list_agreements(conn) if _matches(words, a.key, a.title, a.title_en)][:limit]
    statements = search_statements(conn, contains=" ".join(words), limit=limit)
    documents = []
    dq = select(m.Document.id, m.Document.name, m.Document.title, m.Document.outlet, m.Document.published,
                m.Document.language).where(m.Document.superseded_by.is_(None))
    for w in words:
        dq = dq.where((m.Document.title.icontains(w, autoescape=True)) | (m.Document.outlet.icontains(w, autoescape=True))
                      | (m.Document.name.icontains(w, autoescape=True)))
    for r in conn.execute(dq.order_by(m.Document.published.desc(), m.Document.id).limit(limit)):
        documents.append({"id": r.id, "name": r.name, "title": r.title, "outlet": r.outlet,
                          "published": r.published, "language": r.language})
    return SearchResults(text, meetings, people, agreements, statements[:limit], documents)
