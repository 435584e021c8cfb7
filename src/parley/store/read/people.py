"""People: spellings, offices over time, who held an office on a date, co-attendees."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from parley.resolve.consolidate import (
    office_key,
    person_key,
)
from parley.resolve.names import fold
from parley.store import models as m
from parley.store.corrections import list_corrections
from parley.store.read.common import Conn, SourceRef, _cols, _sources
from parley.store.read.lookup import find_people, person_alias_keys, person_keys_by_alias
from parley.store.read.meetings import MeetingSummary, list_meetings
from parley.store.read.statements import search_statements


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
    offices: list[OfficeSpan] = field(default_factory=list)
    meetings: list[MeetingSummary] = field(default_factory=list)
    statements: int = 0
    sources: list[SourceRef] = field(default_factory=list)
    corrections: list[int] = field(default_factory=list)


def _person_summary(r) -> PersonSummary:
    return PersonSummary(r.key, r.name, r.aliases or [], r.official, r.first_seen, r.last_seen, r.documents,
                         r.confidence, r.reviewed, r.rejected)


def list_people(conn: Conn, *, contains: str | None = None, state: str | None = None,
                include_rejected: bool = False, limit: int | None = None) -> list[PersonSummary]:
    q = select(*_cols(m.Person, exclude=("fields", "corrections")))
    if contains:
        q = q.where(m.Person.key.in_(select(m.PersonAlias.person_key).where(
            m.PersonAlias.alias.like(f"name:%{fold(contains)}%"))))
    if state:
        q = q.where(m.Person.key.in_(select(m.PersonOffice.person_key).where(m.PersonOffice.state == state.upper())))
    if not include_rejected:
        q = q.where(m.Person.rejected.is_(False))
    q = q.order_by(m.Person.documents.desc(), m.Person.key)
    if limit:
        q = q.limit(limit)
    return [_person_summary(r) for r in conn.execute(q)]


def get_person(conn: Conn, name: str) -> PersonDetail | None:
    """A person by name (any spelling) or key, with offices over time, meetings and sources.
    None when no one matches; several matches give the best documented."""
    keys = find_people(conn, name)
    if not keys:
        return None
    r = conn.execute(select(m.Person.__table__).where(m.Person.key.in_(keys))
                     .order_by(m.Person.documents.desc(), m.Person.key)).first()
    if r is None:
        return None
    detail = PersonDetail(**asdict(_person_summary(r)), corrections=r.corrections or [])
    offices = [OfficeSpan(o.title, o.state, o.organization, o.first_seen, o.last_seen, o.documents, "reports")
               for o in conn.execute(select(m.PersonOffice.__table__).where(m.PersonOffice.person_key == r.key)
                                     .order_by(m.PersonOffice.first_seen, m.PersonOffice.office_key))]
    offices += [OfficeSpan(t.title, t.state, t.organization, t.start, t.end, 0, "registry")
                for t in _registry_terms(r.name)]
    detail.offices = sorted(offices, key=lambda o: (o.first_seen or "9999", o.basis, o.title))
    detail.meetings = list_meetings(conn, person=r.key)
    alias_keys = person_alias_keys(conn, [r.key])
    detail.statements = int(conn.execute(select(func.count()).select_from(m.Statement).where(
        m.Statement.speaker_key.in_(alias_keys), m.Statement.rejected.is_(False))).scalar() or 0)
    detail.sources = _sources(conn, m.PersonSource, m.PersonSource.person_key, [r.key]).get(r.key, [])
    return detail


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


def co_attendees(conn: Connection, person_key: str, limit: int = 30) -> list[CoAttendee]:
    """Who attended the same meetings as this person, most shared meetings first."""
    ids = person_alias_keys(conn, [person_key])
    if not ids:
        return []
    meetings = select(m.MeetingMember.meeting_key).where(m.MeetingMember.kind == "person",
                                                         m.MeetingMember.value.in_(ids))
    live = select(m.Meeting.key).where(m.Meeting.rejected.is_(False))
    rows = conn.execute(select(m.MeetingMember.meeting_key, m.MeetingMember.value, m.MeetingMember.label).where(
        m.MeetingMember.kind == "person", m.MeetingMember.meeting_key.in_(meetings),
        m.MeetingMember.meeting_key.in_(live), m.MeetingMember.value.not_in(ids))).all()
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
    names = dict(conn.execute(select(m.Person.key, m.Person.name).where(m.Person.key.in_(list(count)))).all())
    out = [CoAttendee(k, k if k in names else None, names.get(k, label[k]), n) for k, n in count.items()]
    out.sort(key=lambda c: (-c.meetings, c.name))
    return out[:limit]


def people_page(conn: Connection, contains: str | None, state: str | None, limit: int,
                offset: int) -> tuple[list[PersonSummary], bool]:
    rows = list_people(conn, contains=(contains or "").strip() or None, state=(state or "").strip() or None,
                         limit=offset + limit + 1)
    return rows[offset:offset + limit], len(rows) > offset + limit


def person_view(conn: Connection, key: str) -> dict[str, Any] | None:
    detail = get_person(conn, key)
    if detail is None:
        return None
    statements = search_statements(conn, speaker=detail.key)
    corrections = [c.to_dict() for c in list_corrections(conn, target_kind="person", target_key=detail.key)]
    return {"person": detail, "statements": statements, "co_attendees": co_attendees(conn, detail.key),
            "corrections": corrections}
