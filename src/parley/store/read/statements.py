"""Direct quotations: by speaker, words, meeting; one statement."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, select

from parley.kb.keys import person_key
from parley.kb.statements import quote_norm
from parley.store import models as m
from parley.store.read.common import (
    Conn,
    Page,
    SourceRef,
    _chunks,
    _cols,
    decode_cursor,
    encode_cursor,
    page_rows,
)
from parley.store.read.lookup import (
    find_people,
    keys_at_meeting,
    meeting_labels,
    person_alias_keys,
    person_keys_by_alias,
    placed_at_meeting,
)
from parley.store.read.sources import first_sources


@dataclass
class StatementRow:
    """A quotation with the first few of its sources (``documents`` counts them all; every one
    is at ``/api/statements/{key}/sources``) and the meeting it was said at."""

    key: str
    speaker: str | None
    speaker_key: str | None
    quote: str
    date: str | None
    language: str | None
    documents: int
    confidence: float
    meeting: str | None = None
    sources: list[SourceRef] = field(default_factory=list)
    reviewed: bool = False
    rejected: bool = False
    meeting_label: str | None = None  # the meeting's canonical label


# Oldest first, undated last: ``date_sort`` is the date (or models.UNDATED), indexed with the key.
_ORDER = (m.Statement.date_sort, m.Statement.key)


def _query(conn: Conn, speaker: str | None, contains: str | None, meeting: str | None,
           include_rejected: bool) -> Select | None:
    """The statements matching the filters (None: a speaker no one is known by)."""
    q = select(*_cols(m.Statement, exclude=("fields", "corrections", "search")))
    if speaker:
        keys = person_alias_keys(conn, find_people(conn, speaker))
        k = person_key(speaker)
        if k:
            keys = sorted(set(keys) | {k})
        if not keys:
            return None
        q = q.where(m.Statement.speaker_key.in_(keys))
    if contains:
        for w in quote_norm(contains).split():
            q = q.where(m.Statement.search.contains(f" {w}", autoescape=True))
    if meeting:
        # Said there: placed at the meeting by its report, and said by one of its participants (an
        # expert's comment to the paper that reported the meeting was not said at it).
        q = q.where(m.Statement.key.in_(keys_at_meeting(m.StatementSource, m.StatementSource.statement_key, meeting)),
                    m.Statement.speaker_key.in_(participant_keys(conn, [meeting]).get(meeting, set()) or {""}))
    if not include_rejected:
        q = q.where(m.Statement.rejected.is_(False))
    return q


def _meetings(conn: Conn, rows: list[Any]) -> dict[str, str]:
    """Each statement's meeting: the first (by key) of the meetings its reports place it at whose
    participants include its speaker."""
    speaker = {r.key: r.speaker_key for r in rows}
    placed: dict[str, set[str]] = defaultdict(set)
    for chunk in _chunks(list(speaker)):
        q = (select(m.StatementSource.statement_key, m.MeetingSource.meeting_key).distinct()
             .join(m.MeetingSource, placed_at_meeting(m.StatementSource))
             .where(m.StatementSource.statement_key.in_(chunk)))
        for key, meeting in conn.execute(q):
            placed[key].add(meeting)
    present = participant_keys(conn, sorted({mk for mks in placed.values() for mk in mks}))
    return {key: min(said) for key, mks in placed.items()
            if (said := [mk for mk in mks if speaker[key] in present.get(mk, set())])}


def participant_keys(conn: Conn, meetings: list[str]) -> dict[str, set[str]]:
    """Each meeting's participants as every identity key that names them (a speaker's key is one
    of them when the speaker took part)."""
    members: dict[str, set[str]] = defaultdict(set)
    for chunk in _chunks(meetings):
        for mk, value in conn.execute(select(m.MeetingMember.meeting_key, m.MeetingMember.value).where(
                m.MeetingMember.meeting_key.in_(chunk), m.MeetingMember.kind == "person")):
            members[mk].add(value)
    people = person_keys_by_alias(conn, sorted({v for vs in members.values() for v in vs}))
    # Every identity key of those persons (their own and their spellings'), in one query for all.
    aliases: dict[str, set[str]] = {pk: {pk} for pk in people.values()}
    for chunk in _chunks(sorted(aliases)):
        for pk, alias in conn.execute(select(m.PersonAlias.person_key, m.PersonAlias.alias).where(
                m.PersonAlias.person_key.in_(chunk), m.PersonAlias.alias.startswith("key:"))):
            aliases[pk].add(alias[4:])
    return {mk: vs | {a for v in vs if v in people for a in aliases[people[v]]} for mk, vs in members.items()}


def _rows(conn: Conn, rows: list) -> list[StatementRow]:
    """Rows as StatementRows: sources and meetings are read for these rows only."""
    keys = [r.key for r in rows]
    sources = first_sources(conn, "statement", keys)
    meetings = _meetings(conn, rows)
    labels = meeting_labels(conn, meetings.values())
    return [StatementRow(r.key, r.speaker, r.speaker_key, r.quote, r.date, r.language, r.documents, r.confidence,
                         meetings.get(r.key), sources.get(r.key, []), r.reviewed, r.rejected,
                         labels.get(meetings.get(r.key, ""))) for r in rows]


def statements_page(conn: Conn, *, speaker: str | None = None, contains: str | None = None,
                    meeting: str | None = None, include_rejected: bool = False, limit: int = 50, offset: int = 0,
                    after: str | None = None) -> Page[StatementRow]:
    """One page of quotations by speaker (any spelling) and/or containing all the given words
    (any case, any script) and/or said at a meeting, oldest first; ``total`` counts them all."""
    q = _query(conn, (speaker or "").strip() or None, (contains or "").strip() or None,
               (meeting or "").strip() or None, include_rejected)
    if q is None:
        return Page([], 0, limit, offset)
    rows, total = page_rows(conn, q, _ORDER, decode_cursor(after, 2), offset, limit)
    cursor = encode_cursor([rows[-1].date_sort, rows[-1].key]) if rows else None
    return Page(_rows(conn, rows), total, limit, offset, cursor)


def search_statements(conn: Conn, *, speaker: str | None = None, contains: str | None = None,
                      meeting: str | None = None, include_rejected: bool = False,
                      limit: int | None = None) -> list[StatementRow]:
    """All the quotations ``statements_page`` pages through (the first ``limit``), oldest first."""
    q = _query(conn, speaker, contains, meeting, include_rejected)
    if q is None:
        return []
    q = q.order_by(*_ORDER)
    return _rows(conn, conn.execute(q.limit(limit) if limit else q).all())


def get_statement(conn: Conn, key: str) -> StatementRow | None:
    """One statement with its first sources and its meeting (the row ``statements_page`` gives)."""
    q = _query(conn, None, None, None, include_rejected=True)
    assert q is not None
    rows = conn.execute(q.where(m.Statement.key == key)).all()
    return _rows(conn, rows)[0] if rows else None
