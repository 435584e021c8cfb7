"""Meetings: lists with filters, one meeting with every value and its sources, series timelines, participants."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from parley.resolve.consolidate import (
    Timeline,
    TimelineMeeting,
    build_timeline,
)
from parley.store import models as m
from parley.store.corrections import list_corrections
from parley.store.read.agreements import AgreementSummary, list_agreements
from parley.store.read.common import Conn, SourceRef, _chunks, _cols, _sources, enrich_sources
from parley.store.read.labels import series_name, state_name
from parley.store.read.lookup import find_people, person_alias_keys, person_keys_by_alias
from parley.store.read.statements import StatementRow, search_statements


@dataclass
class MeetingSummary:
    key: str
    series: str | None
    ordinal: int | None
    name: str | None
    format: str
    status: str
    start: str | None
    end: str | None
    place: str | None
    country: str | None
    chair: str | None
    confidence: float
    documents: int
    states: list[str] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    flags: list[dict[str, Any]] = field(default_factory=list)
    reviewed: bool = False
    rejected: bool = False

    @property
    def open_flags(self) -> list[dict[str, Any]]:
        return [f for f in self.flags if not f.get("resolved_by")]


@dataclass
class MeetingDetail(MeetingSummary):
    fields: dict[str, Any] = field(default_factory=dict)
    members: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    organizations: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)
    statements: list[StatementRow] = field(default_factory=list)
    agreements: list[AgreementSummary] = field(default_factory=list)
    corrections: list[int] = field(default_factory=list)


def _summary(r, members: dict[str, dict[str, list[str]]]) -> MeetingSummary:
    mem = members.get(r.key, {})
    return MeetingSummary(
        key=r.key, series=r.series, ordinal=r.ordinal, name=r.name, format=r.format, status=r.status, start=r.start,
        end=r.end, place=r.place, country=r.country, chair=r.chair, confidence=r.confidence, documents=r.documents,
        states=mem.get("state", []), persons=mem.get("person", []), flags=r.flags or [], reviewed=r.reviewed,
        rejected=r.rejected,
    )


def _member_labels(conn: Conn, keys: list[str]) -> dict[str, dict[str, list[str]]]:
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for chunk in _chunks(keys):
        q = (select(m.MeetingMember.meeting_key, m.MeetingMember.kind, m.MeetingMember.value, m.MeetingMember.label)
             .where(m.MeetingMember.meeting_key.in_(chunk), m.MeetingMember.kind.in_(("state", "person")))
             .order_by(m.MeetingMember.meeting_key, m.MeetingMember.kind, m.MeetingMember.value))
        for r in conn.execute(q):
            out[r.meeting_key][r.kind].append(r.value if r.kind == "state" else r.label)
    return out


def list_meetings(conn: Conn, *, series: str | None = None, since: str | None = None, until: str | None = None,
                  state: str | None = None, person: str | None = None, status: str | None = None,
                  include_rejected: bool = False, limit: int | None = None) -> list[MeetingSummary]:
    """Meetings in date order (undated last), filtered; ``person`` is a name in any spelling."""
    q = select(*_cols(m.Meeting, exclude=("fields", "corrections")))
    if series:
        q = q.where(m.Meeting.series == series)
    if since:
        q = q.where(m.Meeting.start >= since)
    if until:
        q = q.where(m.Meeting.start <= until + "~")
    if status:
        q = q.where(m.Meeting.status == status)
    if not include_rejected:
        q = q.where(m.Meeting.rejected.is_(False))
    if state:
        q = q.where(m.Meeting.key.in_(select(m.MeetingMember.meeting_key).where(
            m.MeetingMember.kind == "state", m.MeetingMember.value == state.upper())))
    if person:
        keys = person_alias_keys(conn, find_people(conn, person))
        if not keys:
            return []
        q = q.where(m.Meeting.key.in_(select(m.MeetingMember.meeting_key).where(
            m.MeetingMember.kind == "person", m.MeetingMember.value.in_(keys))))
    q = q.order_by(m.Meeting.start.is_(None), m.Meeting.start, m.Meeting.key)
    if limit:
        q = q.limit(limit)
    rows = list(conn.execute(q))
    members = _member_labels(conn, [r.key for r in rows])
    return [_summary(r, members) for r in rows]


def get_meeting(conn: Conn, key: str) -> MeetingDetail | None:
    r = conn.execute(select(m.Meeting.__table__).where(m.Meeting.key == key)).first()
    if r is None:
        return None
    s = _summary(r, _member_labels(conn, [key]))
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for mm in conn.execute(select(m.MeetingMember.kind, m.MeetingMember.value, m.MeetingMember.label,
                                  m.MeetingMember.sources).where(m.MeetingMember.meeting_key == key)
                           .order_by(m.MeetingMember.kind, m.MeetingMember.value)):
        members[mm.kind].append({"value": mm.value, "label": mm.label, "sources": mm.sources})
    enrich_sources(conn, [r.fields or {}, dict(members)])
    detail = MeetingDetail(**asdict(s), fields=r.fields or {}, members=dict(members),
                           organizations=[x["value"] for x in members.get("organization", [])],
                           topics=[x["value"] for x in members.get("topic", [])],
                           sources=_sources(conn, m.MeetingSource, m.MeetingSource.meeting_key, [key], True).get(key, []),
                           corrections=r.corrections or [])
    detail.statements = search_statements(conn, meeting=key)
    detail.agreements = list_agreements(conn, meeting=key)
    return detail


def series_timeline(conn: Conn, series: str) -> Timeline:
    """The series' meetings in order, with missing ordinals and date checks (see build_timeline)."""
    from parley.domain.registry import get_domain

    info = get_domain().series.get(series)
    rows = conn.execute(select(m.Meeting.key, m.Meeting.ordinal, m.Meeting.start, m.Meeting.status, m.Meeting.place,
                               m.Meeting.documents, m.Meeting.flags)
                        .where(m.Meeting.series == series, m.Meeting.rejected.is_(False))
                        .order_by(m.Meeting.start, m.Meeting.key)).all()
    meetings = [TimelineMeeting(r.key, r.ordinal, r.start, r.status, r.place, r.documents,
                                [f["code"] for f in (r.flags or []) if not f.get("resolved_by")]) for r in rows]
    return build_timeline(series, meetings, info.known if info else (), info.regular if info else None)


def list_series(conn: Conn) -> list[dict[str, Any]]:
    from parley.domain.registry import get_domain

    counts = dict(conn.execute(select(m.Meeting.series, func.count()).where(m.Meeting.series.is_not(None))
                               .group_by(m.Meeting.series)).all())
    return [{"key": k, "name": s.name, "meetings": counts.get(k, 0)} for k, s in sorted(get_domain().series.items())]


def list_meetings_page(conn: Connection, *, series: str | None = None, since: str | None = None,
                       until: str | None = None, state: str | None = None, person: str | None = None,
                       status: str | None = None, topic: str | None = None, limit: int = 50,
                       offset: int = 0) -> tuple[list[MeetingSummary], bool]:
    """One page of ``queries.list_meetings`` (plus a topic filter): (items, whether more follow)."""
    want = offset + limit + 1
    if topic:
        keys = set(conn.execute(select(m.MeetingMember.meeting_key).where(
            m.MeetingMember.kind == "topic", m.MeetingMember.value == topic)).scalars())
        rows = [r for r in list_meetings(conn, series=series, since=since, until=until, state=state,
                                           person=person, status=status) if r.key in keys][:want]
    else:
        rows = list_meetings(conn, series=series, since=since, until=until, state=state, person=person,
                               status=status, limit=want)
    page = rows[offset:offset + limit]
    return page, len(rows) > offset + limit


def meeting_topics(conn: Connection, keys: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    if not keys:
        return out
    for k, v in conn.execute(select(m.MeetingMember.meeting_key, m.MeetingMember.value).where(
            m.MeetingMember.kind == "topic", m.MeetingMember.meeting_key.in_(keys))
            .order_by(m.MeetingMember.value)):
        out[k].append(v)
    return out


@dataclass
class Participant:
    key: str  # identity key as the meeting stores it
    person: str | None  # the person's key in the people table, when there is one
    name: str
    office: str | None
    state: str | None
    sources: list[dict[str, Any]]


@dataclass
class StateGroup:
    state: str | None
    name: str
    present: bool  # the state itself is listed as represented
    sources: list[dict[str, Any]]
    people: list[Participant] = field(default_factory=list)


def participants_by_state(conn: Connection, detail: MeetingDetail) -> list[StateGroup]:
    """The meeting's states, each with the persons who (by the office they held at the time)
    represented it; persons whose state is unknown come last."""
    persons = detail.members.get("person", [])
    pkeys = person_keys_by_alias(conn, [p["value"] for p in persons])
    offices: dict[str, list[Any]] = defaultdict(list)
    if pkeys:
        for o in conn.execute(select(m.PersonOffice).where(m.PersonOffice.person_key.in_(sorted(set(pkeys.values()))))):
            offices[o.person_key].append(o)
    when = detail.start
    groups: dict[str | None, StateGroup] = {}
    for s in detail.members.get("state", []):
        groups[s["value"]] = StateGroup(s["value"], state_name(s["value"]), True, s["sources"])
    for p in persons:
        pk = pkeys.get(p["value"])
        title, state = _office_at(offices.get(pk or "", []), when, p["label"])
        part = Participant(p["value"], pk, p["label"], title, state, p["sources"])
        g = groups.get(state)
        if g is None:
            g = groups[state] = StateGroup(state, state_name(state) if state else "State not reported", False, [])
        g.people.append(part)
    ordered = sorted(groups.values(), key=lambda g: (g.state is None, not g.people, g.name))
    return ordered


def _office_at(rows: list[Any], when: str | None, name: str) -> tuple[str | None, str | None]:
    def covers(r) -> bool:
        return bool(when and r.first_seen and r.last_seen and r.first_seen[:7] <= when[:7] <= r.last_seen[:7])

    with_state = [r for r in rows if r.state]
    if with_state:
        best = sorted(with_state, key=lambda r: (not covers(r), -r.documents, r.office_key))[0]
        return best.title, best.state
    from parley.resolve.officials import get_officials

    off = get_officials().lookup(name)
    if off:
        terms = [t for t in off.terms if t.state and (when is None or t.covers(when[:10]))] or \
            [t for t in off.terms if t.state]
        if terms:
            return terms[0].title, terms[0].state
    return (rows[0].title if rows else None), None


@dataclass
class MeetingFilters:
    series: str | None = None
    since: str | None = None
    until: str | None = None
    state: str | None = None
    person: str | None = None
    status: str | None = None
    topic: str | None = None

    def clean(self) -> MeetingFilters:
        return MeetingFilters(*((v or "").strip() or None for v in (self.series, self.since, self.until, self.state,
                                                                     self.person, self.status, self.topic)))

    def active(self) -> dict[str, str]:
        return {k: v for k, v in vars(self).items() if v}


def meetings_page(conn: Connection, f: MeetingFilters, limit: int, offset: int) -> tuple[list[MeetingSummary], bool]:
    f = f.clean()
    return list_meetings_page(conn, series=f.series, since=f.since, until=f.until, state=f.state,
                                 person=f.person, status=f.status, topic=f.topic, limit=limit, offset=offset)


def meeting_view(conn: Connection, key: str) -> dict[str, Any] | None:
    detail = get_meeting(conn, key)
    if detail is None:
        return None
    enrich_sources(conn, [detail.fields, detail.members])
    corrections = [c.to_dict() for c in list_corrections(conn, target_kind="meeting", target_key=detail.key)]
    return {"meeting": detail, "participants": participants_by_state(conn, detail),
            "corrections": corrections, "series_name": series_name(detail.series) or None}
