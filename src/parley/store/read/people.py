"""People: spellings, offices over time, who held an office on a date, co-attendees."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import Select, select

from parley.kb.keys import person_key
from parley.kb.people import office_key
from parley.resolve.names import fold
from parley.store import models as m
from parley.store.judgements import corrections_of
from parley.store.read.common import Conn, Page, SourceRef, _cols, decode_cursor, encode_cursor, page_rows
from parley.store.read.lookup import find_people, person_alias_keys, person_keys_by_alias
from parley.store.read.meetings import MeetingFilters, MeetingSummary, meetings_page
from parley.store.read.sources import count_sources, first_sources
from parley.store.read.statements import StatementRow, statements_page


@dataclass
class OfficeSpan:
    title: str
    state: str | None
    organization: str | None
    first_seen: str | None
    last_seen: str | None
    documents: int
    basis: str  # "reports" (first and last date seen) or "registry" (term of office on public record)


@dataclass
class PersonSummary:
    key: str
    name: str
    aliases: list[str]
    official: bool
    first_seen: str | None
    last_seen: str | None
    documents: int
    confidence: float
    reviewed: bool = False
    rejected: bool = False


@dataclass
class PersonDetail(PersonSummary):
    """A person: offices over time, and the first few meetings and sources, with their counts
    (every one of them is a paged request away: ``/api/people/{key}/meetings``, ``/sources``,
    ``/statements``, ``/co-attendees``)."""

    offices: list[OfficeSpan] = field(default_factory=list)
    meetings: list[MeetingSummary] = field(default_factory=list)
    meetings_count: int = 0
    statements: int = 0
    sources: list[SourceRef] = field(default_factory=list)
    sources_count: int = 0
    co_attendees_count: int = 0
    corrections: list[int] = field(default_factory=list)


# What a person's view shows of each list; the paged sub-lists have the rest.
MEETINGS_SHOWN = 10
STATEMENTS_SHOWN = 5
CO_ATTENDEES_SHOWN = 15


def _person_summary(r) -> PersonSummary:
    return PersonSummary(r.key, r.name, r.aliases or [], r.official, r.first_seen, r.last_seen, r.documents,
                         r.confidence, r.reviewed, r.rejected)


# Most reported first: the negated count ascending, so that one ascending cursor pages it.
_ORDER = (-m.Person.documents, m.Person.key)


def _query(contains: str | None, state: str | None, include_rejected: bool) -> Select:
    q = select(*_cols(m.Person, exclude=("fields", "corrections")))
    if contains:
        q = q.where(m.Person.key.in_(select(m.PersonAlias.person_key).where(
            m.PersonAlias.alias.like(f"name:%{fold(contains)}%"))))
    if state:
        q = q.where(m.Person.key.in_(select(m.PersonOffice.person_key).where(m.PersonOffice.state == state.upper())))
    if not include_rejected:
        q = q.where(m.Person.rejected.is_(False))
    return q


def people_page(conn: Conn, *, contains: str | None = None, state: str | None = None,
                include_rejected: bool = False, limit: int = 50, offset: int = 0,
                after: str | None = None) -> Page[PersonSummary]:
    """One page of people, most reported first; ``total`` counts all that match."""
    q = _query((contains or "").strip() or None, (state or "").strip() or None, include_rejected)
    rows, total = page_rows(conn, q, _ORDER, decode_cursor(after, 2), offset, limit)
    return Page([_person_summary(r) for r in rows], total, limit, offset,
                encode_cursor([-rows[-1].documents, rows[-1].key]) if rows else None)


def list_people(conn: Conn, *, contains: str | None = None, state: str | None = None,
                include_rejected: bool = False, limit: int | None = None) -> list[PersonSummary]:
    """All the people ``people_page`` pages through (the first ``limit``)."""
    q = _query(contains, state, include_rejected).order_by(*_ORDER)
    return [_person_summary(r) for r in conn.execute(q.limit(limit) if limit else q)]


def person_key_for(conn: Conn, name: str) -> str | None:
    """The person a name (any spelling) or key means; several matches give the best documented."""
    keys = find_people(conn, name)
    if not keys:
        return None
    return conn.execute(select(m.Person.key).where(m.Person.key.in_(keys))
                        .order_by(*_ORDER).limit(1)).scalar()


def get_person(conn: Conn, name: str) -> PersonDetail | None:
    """A person by name (any spelling) or key, with offices over time, and the first few
    meetings and sources. None when no one matches; several matches give the best documented."""
    found = _person(conn, name)
    return found[0] if found else None


def _person(conn: Conn, name: str) -> tuple[PersonDetail, Page[StatementRow]] | None:
    """The person and the first page of their statements (its total is the detail's count)."""
    key = person_key_for(conn, name)
    if key is None:
        return None
    # Not ``fields``: every value's sources, megabytes for the most reported people.
    r = conn.execute(select(*_cols(m.Person, exclude=("fields",))).where(m.Person.key == key)).one()
    detail = PersonDetail(**asdict(_person_summary(r)), corrections=r.corrections or [])
    offices = [OfficeSpan(o.title, o.state, o.organization, o.first_seen, o.last_seen, o.documents, "reports")
               for o in conn.execute(select(*_cols(m.PersonOffice, exclude=("sources",)))
                                     .where(m.PersonOffice.person_key == r.key)
                                     .order_by(m.PersonOffice.first_seen, m.PersonOffice.office_key))]
    offices += [OfficeSpan(t.title, t.state, t.organization, t.start, t.end, 0, "registry")
                for t in _registry_terms(r.name)]
    detail.offices = sorted(offices, key=lambda o: (o.first_seen or "9999", o.basis, o.title))
    meetings = person_meetings(conn, r.key, limit=MEETINGS_SHOWN)
    detail.meetings, detail.meetings_count = meetings.items, meetings.total
    statements = statements_page(conn, speaker=r.key, limit=STATEMENTS_SHOWN)
    detail.statements = statements.total
    detail.sources = first_sources(conn, "person", [r.key]).get(r.key, [])
    detail.sources_count = count_sources(conn, "person", r.key)
    return detail, statements


def _live_meetings(conn: Conn, key: str) -> Select:
    """The keys of the meetings (not rejected) a person attended, under any of their identity keys
    (a join: the meetings table is read for these meetings only)."""
    return (select(m.MeetingMember.meeting_key).join(m.Meeting, m.Meeting.key == m.MeetingMember.meeting_key)
            .where(m.MeetingMember.kind == "person", m.MeetingMember.value.in_(person_alias_keys(conn, [key])),
                   m.Meeting.rejected.is_(False)))


def person_meetings(conn: Conn, key: str, *, limit: int = 50, offset: int = 0,
                    after: str | None = None) -> Page[MeetingSummary]:
    """The meetings a person attended, oldest first, a page at a time (the meetings list's order
    and filter: its total and cursor)."""
    return meetings_page(conn, MeetingFilters(person=key), limit, offset, after)


def _registry_terms(name: str):
    from parley.resolve.officials import get_officials

    off = get_officials().lookup(name)
    return list(off.terms) if off else []


@dataclass
class OfficeHolder:
    person_key: str
    name: str
    title: str
    state: str | None
    organization: str | None
    first_seen: str | None
    last_seen: str | None
    basis: str  # registry | reports | last seen before | first seen after
    documents: int = 0


def parse_office(text: str) -> tuple[str, str | None] | None:
    """ "Secretary of the Security Council of Russia" -> ("Secretary of the Security Council", "RUS");
    "Russian Security Council Secretary" -> ("Security Council Secretary", "RUS"); None when no
    state is named or no office word is there."""
    from parley.domain.registry import get_domain

    t = " ".join(text.split())
    for iso, e in get_domain().states.items():
        for n in sorted({e["name"], *e.get("names_en", [])}, key=len, reverse=True):
            m_ = re.match(rf"^(.*\S)\s+of\s+(?:the\s+)?{re.escape(n)}$", t, re.I)
            if m_ and _is_office(m_[1]):
                return m_[1], iso
        for adj in e.get("adjectives_en", []):
            m_ = re.match(rf"^{re.escape(adj)}\s+(.+)$", t, re.I)
            if m_ and _is_office(m_[1]):
                return m_[1], iso
    return (t, None) if _is_office(t) else None


_OFFICE_WORDS = {"secretary", "minister", "president", "director", "chairman", "head", "advisor", "adviser",
                 "chief", "aide", "deputy", "commander", "prime", "spokesman", "ambassador"}


def _is_office(title: str) -> bool:
    return bool(set(fold(title).split()) & _OFFICE_WORDS)


def office_holders(conn: Conn, title: str, state: str | None = None, organization: str | None = None,
                   at: str | None = None) -> list[OfficeHolder]:
    """Who held an office on a date (``at``; today's holder when None): by the registry's terms
    of office first, then by the reports (first and last date the office was seen); when no one
    is seen on that date, the holders last seen before and first seen after it."""
    from parley.resolve.officials import get_officials, title_words

    want = title_words(title)
    out: list[OfficeHolder] = []
    seen: set[str] = set()
    for off in get_officials().all:
        for t in off.terms:
            if (state and t.state != state) or (organization and t.organization != organization):
                continue
            if title_words(t.title) != want or not t.covers(at):
                continue
            k = person_key(off.name) or off.name
            if k not in seen:
                seen.add(k)
                out.append(OfficeHolder(k, off.name, t.title, t.state, t.organization, t.start, t.end, "registry"))
    okey = office_key(title, state, organization)
    po = m.PersonOffice
    q = (select(po.person_key, po.title, po.state, po.organization, po.first_seen, po.last_seen, po.documents,
                m.Person.name).join(m.Person, m.Person.key == po.person_key).where(m.Person.rejected.is_(False)))
    rows = conn.execute(q.where(po.office_key == okey[:m.KEY])).all()
    if not rows and state:
        rows = [r for r in conn.execute(q.where(po.state == state)) if want <= title_words(r.title)]
    if at is None:
        covering = sorted(rows, key=lambda r: (r.last_seen or "", r.person_key), reverse=True)[:1]
    else:
        covering = [r for r in rows if r.first_seen and r.last_seen and r.first_seen <= at <= r.last_seen + "~"]
    for r in sorted(covering, key=lambda r: (r.first_seen or "", r.person_key)):
        if r.person_key not in seen:
            seen.add(r.person_key)
            out.append(_holder(r, "reports"))
    if not out and at:
        before = [r for r in rows if r.last_seen and r.last_seen < at]
        after = [r for r in rows if r.first_seen and r.first_seen > at]
        if before:
            out.append(_holder(max(before, key=lambda r: (r.last_seen, r.person_key)), "last seen before"))
        if after:
            out.append(_holder(min(after, key=lambda r: (r.first_seen, r.person_key)), "first seen after"))
    return out


def _holder(r, basis: str) -> OfficeHolder:
    return OfficeHolder(r.person_key, r.name, r.title, r.state, r.organization, r.first_seen, r.last_seen, basis,
                        r.documents)


@dataclass
class CoAttendee:
    key: str
    person: str | None
    name: str
    meetings: int


def co_attendees(conn: Conn, person_key: str, *, limit: int = CO_ATTENDEES_SHOWN,
                 offset: int = 0) -> Page[CoAttendee]:
    """Who attended the same meetings as this person, most shared meetings first (counted over
    the person's meetings only: bounded by how many they attended)."""
    ids = person_alias_keys(conn, [person_key])
    rows = conn.execute(select(m.MeetingMember.meeting_key, m.MeetingMember.value, m.MeetingMember.label).where(
        m.MeetingMember.kind == "person", m.MeetingMember.meeting_key.in_(_live_meetings(conn, person_key)),
        m.MeetingMember.value.not_in(ids))).all() if ids else []
    pkeys = person_keys_by_alias(conn, sorted({r.value for r in rows}))
    count: Counter[str] = Counter()
    label: dict[str, str] = {}
    seen: set[tuple[str, str]] = set()
    for r in rows:
        who = pkeys.get(r.value, r.value)
        if (who, r.meeting_key) in seen:
            continue
        seen.add((who, r.meeting_key))
        count[who] += 1
        label.setdefault(who, r.label)
    ranked = sorted(count.items(), key=lambda kv: (-kv[1], label[kv[0]]))
    shown = ranked[offset:offset + limit]
    names = dict(conn.execute(select(m.Person.key, m.Person.name).where(
        m.Person.key.in_([k for k, _ in shown]))).all())
    items = [CoAttendee(k, k if k in names else None, names.get(k, label[k]), n) for k, n in shown]
    return Page(items, len(ranked), limit, offset)


def person_view(conn: Conn, key: str) -> dict[str, Any] | None:
    """What the person page, ``GET /api/people/{key}`` and ``parley person --json`` show."""
    found = _person(conn, key)
    if found is None:
        return None
    detail, statements = found
    co = co_attendees(conn, detail.key)
    detail.co_attendees_count = co.total
    corrections = [c.to_dict() for c in corrections_of(conn, "person", detail.key, detail.corrections)]
    return {"person": detail, "statements": statements.items, "co_attendees": co.items, "corrections": corrections}
