"""Search across people, meetings, agreements, statements and documents through the database's
full-text index (parley.store.fulltext): ranked, each kind paged on its own, with its total.

A name finds a person in any spelling: the spellings the reports used (the index), the
identity key of the name (every spelling the registry knows of an official) and near spellings
(``lookup.people_named``). Those people come first among the people, and the meetings they
attended first among the meetings, in whatever script or spelling the reports named them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from parley.store import fulltext
from parley.store import models as m
from parley.store.judgements import removed_documents
from parley.store.read.agreements import AgreementSummary, _agreement_summary
from parley.store.read.common import SourceRef, _cols, _sources
from parley.store.read.lookup import meeting_keys_for, people_named, person_alias_keys
from parley.store.read.meetings import _SUMMARY_COLS, MeetingSummary, _summary
from parley.store.read.people import PersonSummary, _person_summary
from parley.store.read.statements import StatementRow

# The kinds of result, as the API names them (plural) -> the index's kind; in the order they are
# shown: who and what met first, then what they signed and said, then the reports.
SEARCH_KINDS = {"people": "person", "meetings": "meeting", "agreements": "agreement", "statements": "statement",
                "documents": "document"}
# The people whose meetings join the meeting results: the best matches of the words among the
# people. A name matches one or a few; a word that matches more (a given name) lends only
# its best matches' meetings.
PEOPLE_FOR_MEETINGS = 20
# At most this many of their meetings (or statements) come first; the rest are found by their
# words like any other.
THEIRS_MAX = 1000


@dataclass
class SearchResults:
    """One page of each kind searched (``kind``: only that one), best match first; ``count`` the
    total of each kind searched."""

    query: str
    people: list[PersonSummary] = field(default_factory=list)
    meetings: list[MeetingSummary] = field(default_factory=list)
    agreements: list[AgreementSummary] = field(default_factory=list)
    statements: list[StatementRow] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    count: dict[str, int] = field(default_factory=dict)
    kind: str | None = None
    limit: int = 20
    offset: int = 0

    @property
    def total(self) -> int:
        return sum(self.count.values())

    def more(self, kind: str) -> bool:
        return self.offset + len(getattr(self, kind)) < self.count.get(kind, 0)


def search(conn: Connection, text: str, kind: str | None = None, limit: int = 20, offset: int = 0) -> SearchResults:
    """Everything holding every word of ``text`` (any case, any script, diacritics ignored; a word
    of 4 letters or more also matches the longer words it starts): people (every spelling; the
    people the whole text names first), meetings (name, place, series, states, people,
    organisations, topics; first the meetings of the people the text names or matches),
    agreements (titles), statements (speaker and quotation), documents (title, outlet, name,
    text). ``kind`` (meetings, people, ...): only that kind; ``limit``/``offset`` page each kind."""
    if kind is not None and kind not in SEARCH_KINDS:
        raise ValueError(f"kind is one of {', '.join(SEARCH_KINDS)}")
    out = SearchResults(text, kind=kind, limit=limit, offset=offset)
    terms = fulltext.words(text)
    if not terms:
        return out
    people: tuple[list[str], list[str]] | None = None
    for plural in [kind] if kind else SEARCH_KINDS:
        index_kind = SEARCH_KINDS[plural]
        first: list[str] = []
        if index_kind in ("person", "meeting", "statement"):
            people = _people_of(conn, text, terms) if people is None else people
            named, identities = people
            first = named if index_kind == "person" else _theirs(conn, index_kind, identities)
        exclude = removed_documents(conn) if index_kind == "document" else ()
        keys, out.count[plural] = _first_then_ranked(conn, index_kind, terms, first, limit, offset, exclude)
        setattr(out, plural, _LOADERS[plural](conn, keys) if keys else [])
    return out


def _first_then_ranked(conn: Connection, kind: str, terms: list[str], first: list[str], limit: int, offset: int,
                       exclude: Sequence[str]) -> tuple[list[str], int]:
    """One page of ``first`` followed by the index's ranked matches not among them; and how many
    there are in all."""
    page = first[offset:offset + limit]
    keys, rest = fulltext.match(conn, kind, terms, limit - len(page), max(0, offset - len(first)),
                                [*exclude, *first])
    return page + keys, len(first) + rest


def _people_of(conn: Connection, text: str, terms: list[str]) -> tuple[list[str], list[str]]:
    """The people the whole text names (rejected ones left out, as search leaves them out); and
    the identity keys, as meetings and statements name people, of those and of the people the
    words match best."""
    keys = people_named(conn, text)
    named = sorted(conn.execute(select(m.Person.key).where(m.Person.key.in_(keys), m.Person.rejected.is_(False)))
                   .scalars()) if keys else []
    matched, _ = fulltext.match(conn, "person", terms, PEOPLE_FOR_MEETINGS, 0)
    return named, person_alias_keys(conn, sorted({*named, *matched}))


def _theirs(conn: Connection, kind: str, identities: list[str]) -> list[str]:
    """The meetings these people attended, or the statements they made: newest first, undated
    last, at most ``THEIRS_MAX`` (rejected ones are left out, as search leaves them out)."""
    if not identities:
        return []
    if kind == "meeting":
        q = (select(m.Meeting.key).join(m.MeetingMember, m.MeetingMember.meeting_key == m.Meeting.key)
             .where(m.MeetingMember.kind == "person", m.MeetingMember.value.in_(identities),
                    m.Meeting.rejected.is_(False))
             .group_by(m.Meeting.key, m.Meeting.start, m.Meeting.sort_key)
             .order_by(m.Meeting.start.is_(None), m.Meeting.sort_key.desc(), m.Meeting.key))
    else:
        q = (select(m.Statement.key).where(m.Statement.speaker_key.in_(identities), m.Statement.rejected.is_(False))
             .order_by(m.Statement.date.is_(None), m.Statement.date_sort.desc(), m.Statement.key))
    return list(conn.execute(q.limit(THEIRS_MAX)).scalars())


def _in_order(keys: list[str], rows: dict[str, Any]) -> list[Any]:
    # An entry whose entity went between the index read and this one is left out.
    return [rows[k] for k in keys if k in rows]


def _meetings(conn: Connection, keys: list[str]) -> list[MeetingSummary]:
    return _in_order(keys, {r.key: _summary(r) for r in conn.execute(select(*_SUMMARY_COLS)
                                                                         .where(m.Meeting.key.in_(keys)))})


def _people(conn: Connection, keys: list[str]) -> list[PersonSummary]:
    q = select(*_cols(m.Person, exclude=("fields", "corrections"))).where(m.Person.key.in_(keys))
    return _in_order(keys, {r.key: _person_summary(r) for r in conn.execute(q)})


def _agreements(conn: Connection, keys: list[str]) -> list[AgreementSummary]:
    q = select(*_cols(m.Agreement, exclude=("fields", "corrections"))).where(m.Agreement.key.in_(keys))
    return _in_order(keys, {r.key: _agreement_summary(r) for r in conn.execute(q)})


def _statements(conn: Connection, keys: list[str]) -> list[StatementRow]:
    """The statements with their sources and the meeting they were made at (as search_statements)."""
    rows = conn.execute(select(*_cols(m.Statement, exclude=("fields", "corrections", "search")))
                        .where(m.Statement.key.in_(keys))).all()
    sources: dict[str, list[SourceRef]] = _sources(conn, m.StatementSource, m.StatementSource.statement_key, keys)
    at: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for s in conn.execute(select(m.StatementSource.statement_key, m.StatementSource.document_id,
                                 m.StatementSource.meeting_idx).where(m.StatementSource.statement_key.in_(keys),
                                                                      m.StatementSource.meeting_idx.is_not(None))):
        at[s.statement_key].append((s.document_id, s.meeting_idx))
    where = meeting_keys_for(conn, sorted({ref for refs in at.values() for ref in refs}))
    out = {}
    for r in rows:
        mk = sorted({where[ref] for ref in at.get(r.key, []) if ref in where})
        out[r.key] = StatementRow(r.key, r.speaker, r.speaker_key, r.quote, r.date, r.language, r.documents,
                                  r.confidence, mk[0] if mk else None, sources.get(r.key, []), r.reviewed, r.rejected)
    return _in_order(keys, out)


def _documents(conn: Connection, keys: list[str]) -> list[dict[str, Any]]:
    q = select(m.Document.id, m.Document.name, m.Document.title, m.Document.outlet, m.Document.published,
               m.Document.language).where(m.Document.id.in_(keys))
    return _in_order(keys, {r.id: dict(r._mapping) for r in conn.execute(q)})


_LOADERS = {"meetings": _meetings, "people": _people, "agreements": _agreements, "statements": _statements,
            "documents": _documents}
