"""Meetings: lists with filters, one meeting with every value and its sources, series timelines, participants."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, fields
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.engine import Connection

from parley.domain.labels import series_name, state_name
from parley.kb.timelines import Timeline, TimelineMeeting, build_timeline
from parley.store import models as m
from parley.store.judgements import corrections_of
from parley.store.read.agreements import AgreementSummary, list_agreements
from parley.store.read.common import (
    Conn,
    Page,
    SourceRef,
    _chunks,
    decode_cursor,
    encode_cursor,
    enrich_sources,
    page_rows,
)
from parley.store.read.lookup import find_people, person_alias_keys, person_keys_by_alias
from parley.store.read.statements import StatementRow, statements_page

# How many sources a meeting's detail carries per value (and of its own); the rest are paged by
# meeting_sources (GET /api/meetings/{key}/sources): a meeting reported 700 times stays small.
FIRST_SOURCES = 5
FIRST_STATEMENTS = 20
MEMBER_KINDS = ("state", "organization", "person", "topic")


@dataclass
class MeetingSummary:
    key: str
    series: str | None
    ordinal: int | None
    name: str | None  # as the reports word it
    format: str
    status: str
    start: str | None
    end: str | None
    place: str | None
    country: str | None
    chair: str | None
    confidence: float
    documents: int
    label: str = ""  # the canonical one-line label in English (kb.labels), else its name or key: how it is named
    states: list[str] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    # What each flag says, with a document count per value (models.brief_flags); the document
    # ids are in the detail's values and the sources endpoint.
    flags: list[dict[str, Any]] = field(default_factory=list)
    reviewed: bool = False
    rejected: bool = False

    @property
    def open_flags(self) -> list[dict[str, Any]]:
        return [f for f in self.flags if not f.get("resolved_by")]


@dataclass
class MeetingDetail(MeetingSummary):
    """A meeting with every value; each value (``fields``, ``members``) carries its first
    FIRST_SOURCES sources and ``sources_count``, and so does the meeting itself (``sources``)."""

    fields: dict[str, Any] = field(default_factory=dict)
    members: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    organizations: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)
    sources_count: int = 0
    statements: list[StatementRow] = field(default_factory=list)  # the first FIRST_STATEMENTS
    statements_count: int = 0  # all of them: GET /api/statements?meeting=KEY
    agreements: list[AgreementSummary] = field(default_factory=list)
    corrections: list[int] = field(default_factory=list)


_SUMMARY_COLS = [m.Meeting.key, m.Meeting.series, m.Meeting.ordinal, m.Meeting.name, m.Meeting.format,
                 m.Meeting.status, m.Meeting.start, m.Meeting.end, m.Meeting.place, m.Meeting.country,
                 m.Meeting.chair, m.Meeting.confidence, m.Meeting.documents, m.Meeting.label, m.Meeting.brief,
                 m.Meeting.reviewed, m.Meeting.rejected, m.Meeting.sort_key]
# Keyset order: undated last, then date, then key (ix_meetings_order).
_ORDER = (m.Meeting.sort_key, m.Meeting.key)


def _summary(r) -> MeetingSummary:
    """A row of _SUMMARY_COLS as a summary: its states, persons and flags are the row's ``brief``
    (models.meeting_brief, kept at consolidation), so a page of meetings is one query."""
    brief = r.brief or {}
    return MeetingSummary(
        key=r.key, series=r.series, ordinal=r.ordinal, name=r.name, format=r.format, status=r.status, start=r.start,
        end=r.end, place=r.place, country=r.country, chair=r.chair, confidence=r.confidence, documents=r.documents,
        label=r.label or r.name or r.key, states=brief.get("states", []), persons=brief.get("persons", []),
        flags=brief.get("flags", []),
        reviewed=r.reviewed, rejected=r.rejected,
    )


@dataclass
class MeetingFilters:
    """The one meeting filter: the CLI, the API, the pages and the network compile it to SQL
    (``where``); ``person`` is a name in any spelling or a person key."""

    series: str | None = None
    since: str | None = None
    until: str | None = None
    state: str | None = None
    person: str | None = None
    status: str | None = None
    topic: str | None = None
    include_rejected: bool = False

    def clean(self) -> MeetingFilters:
        return MeetingFilters(*((v or "").strip() or None for v in (self.series, self.since, self.until, self.state,
                                                                     self.person, self.status, self.topic)),
                              include_rejected=self.include_rejected)

    def active(self) -> dict[str, str]:
        return {k: v for k, v in vars(self).items() if v and isinstance(v, str)}

    def where(self, conn: Conn, query: Select) -> Select | None:
        """``query`` (over meetings) restricted to the meetings this filter lets through, in SQL;
        None when it can match nothing (a person no spelling finds)."""
        f = self.clean()
        if f.series:
            query = query.where(m.Meeting.series == f.series)
        # Dates through the indexed sort key (the dated ones' is their date); "2025-11" takes
        # every day of November.
        if f.since:
            query = query.where(m.Meeting.sort_key >= m.DATED + f.since, m.Meeting.sort_key < m.UNDATED)
        if f.until:
            query = query.where(m.Meeting.sort_key <= m.DATED + f.until + "~")
        if f.status:
            query = query.where(m.Meeting.status == f.status)
        if not f.include_rejected:
            query = query.where(m.Meeting.rejected.is_(False))
        members = []
        if f.state:
            members.append(("state", [f.state.upper()]))
        if f.topic:
            members.append(("topic", [f.topic]))
        if f.person:
            keys = person_alias_keys(conn, find_people(conn, f.person))
            if not keys:
                return None
            members.append(("person", keys))
        for kind, values in members:
            query = query.where(m.Meeting.key.in_(select(m.MeetingMember.meeting_key).where(
                m.MeetingMember.kind == kind, m.MeetingMember.value.in_(values))))
        return query


def list_meetings(conn: Conn, *, series: str | None = None, since: str | None = None, until: str | None = None,
                  state: str | None = None, person: str | None = None, status: str | None = None,
                  topic: str | None = None, include_rejected: bool = False,
                  limit: int | None = None) -> list[MeetingSummary]:
    """Meetings in date order (undated last), filtered (MeetingFilters)."""
    q = MeetingFilters(series, since, until, state, person, status, topic, include_rejected).where(
        conn, select(*_SUMMARY_COLS))
    if q is None:
        return []
    q = q.order_by(*_ORDER)
    if limit:
        q = q.limit(limit)
    return [_summary(r) for r in conn.execute(q)]


def meetings_page(conn: Conn, f: MeetingFilters, limit: int, offset: int = 0,
                  after: str | None = None) -> Page[MeetingSummary]:
    """One page of the filtered meetings, filtered, ordered and paged in SQL (from the cursor
    ``after`` when given, else skipping ``offset``); ``total`` is what the filter matches.
    A cursor that is not one of ours is a ValueError."""
    cursor = decode_cursor(after, len(_ORDER))
    q = f.where(conn, select(*_SUMMARY_COLS))
    if q is None:
        return Page([], 0, limit, offset)
    rows, total = page_rows(conn, q, _ORDER, cursor, offset, limit)
    last = rows[-1] if rows else None
    return Page([_summary(r) for r in rows], total, limit, offset,
                encode_cursor((last.sort_key, last.key)) if last else None)


def meeting_summaries(conn: Conn, keys: list[str]) -> list[MeetingSummary]:
    """These meetings' summaries, in the order of ``keys`` (unknown keys left out)."""
    rows: dict[str, Any] = {}
    for chunk in _chunks(keys):
        rows.update((r.key, r) for r in conn.execute(select(*_SUMMARY_COLS).where(m.Meeting.key.in_(chunk))))
    found = [rows[k] for k in keys if k in rows]
    return [_summary(r) for r in found]


def _first_sources(blob: dict[str, Any], n: int) -> list[dict[str, Any]]:
    """The value's first ``n`` sources (kept in ``blob``, a new dict), with ``sources_count``."""
    srcs = blob.get("sources") or []
    blob["sources_count"] = len(srcs)
    blob["sources"] = srcs[:n]
    return blob["sources"]


def get_meeting(conn: Conn, key: str, *, first: int = FIRST_SOURCES) -> MeetingDetail | None:
    """The meeting with every value, each with its first ``first`` sources and their count."""
    r = conn.execute(select(*_SUMMARY_COLS, m.Meeting.flags, m.Meeting.fields, m.Meeting.corrections)
                     .where(m.Meeting.key == key)).first()
    if r is None:
        return None
    shown: list[dict[str, Any]] = []
    fields_ = r.fields or {}
    for entries in fields_.values():
        for e in entries:
            shown += _first_sources(e, first)
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for mm in conn.execute(select(m.MeetingMember.kind, m.MeetingMember.value, m.MeetingMember.label,
                                  m.MeetingMember.sources).where(m.MeetingMember.meeting_key == key)
                           .order_by(m.MeetingMember.kind, m.MeetingMember.value)):
        blob = {"value": mm.value, "label": mm.label, "sources": mm.sources}
        shown += _first_sources(blob, first)
        members[mm.kind].append(blob)
    enrich_sources(conn, shown)
    s = _summary(r)
    s.flags = m.brief_flags(r.flags, first=None)  # every value of each flag, with its document count
    own = meeting_sources(conn, key, limit=first, offset=0)
    detail = MeetingDetail(**{f.name: getattr(s, f.name) for f in fields(MeetingSummary)}, fields=fields_,
                           members=dict(members),
                           organizations=[x["value"] for x in members.get("organization", [])],
                           topics=[x["value"] for x in members.get("topic", [])],
                           sources=own.items if own else [], sources_count=own.total if own else 0,
                           corrections=r.corrections or [])
    said = statements_page(conn, meeting=key, limit=FIRST_STATEMENTS)
    detail.statements, detail.statements_count = said.items, said.total
    detail.agreements = list_agreements(conn, meeting=key)
    return detail


def meeting_sources(conn: Conn, key: str, field: str | None = None, value: str | None = None, *,
                    limit: int, offset: int = 0) -> Page[SourceRef] | None:
    """One page of the sources of a meeting (``field`` None), or of one of its values (a field
    such as ``start``, or a member kind such as ``person``, with ``value``); None when the meeting
    or the value is not there."""
    if field is None:
        q = (select(m.MeetingSource.document_id, m.MeetingSource.fact_idx, m.MeetingSource.evidence,
                    m.MeetingSource.status, m.Document.name, m.Document.url, m.Document.outlet,
                    m.Document.published, m.Document.language)
             .join(m.Document, m.Document.id == m.MeetingSource.document_id)
             .where(m.MeetingSource.meeting_key == key))
        total = int(conn.execute(select(func.count()).select_from(m.MeetingSource)
                                 .where(m.MeetingSource.meeting_key == key)).scalar() or 0)
        if not total and conn.execute(select(m.Meeting.key).where(m.Meeting.key == key)).first() is None:
            return None
        rows = conn.execute(q.order_by(m.Document.published, m.MeetingSource.document_id, m.MeetingSource.fact_idx)
                            .offset(offset).limit(limit)).all()
        return Page([SourceRef(r.document_id, r.fact_idx, r.name, r.url, r.outlet, r.published, r.language,
                               r.evidence or [], r.status) for r in rows], total, limit, offset)
    if field in MEMBER_KINDS:
        srcs = conn.execute(select(m.MeetingMember.sources).where(
            m.MeetingMember.meeting_key == key, m.MeetingMember.kind == field,
            m.MeetingMember.value == (value or ""))).scalar()
        if srcs is None:
            return None
    else:
        fields_ = conn.execute(select(m.Meeting.fields).where(m.Meeting.key == key)).scalar()
        entry = next((e for e in (fields_ or {}).get(field, []) if str(e.get("value")) == value), None)
        if entry is None:
            return None
        srcs = entry.get("sources") or []
    # Sources that are documents (a corrected value names its correction, shown in the detail).
    docs = [dict(s) for s in srcs if "document" in s]
    page = docs[offset:offset + limit]
    enrich_sources(conn, page)
    return Page([SourceRef(s["document"], s["item"], s.get("name"), s.get("url"), s.get("outlet"),
                           s.get("published"), None, s.get("spans") or [], s.get("status")) for s in page],
                len(docs), limit, offset)


def series_timeline(conn: Conn, series: str) -> Timeline:
    """The series' meetings in order, with missing ordinals and date checks (see build_timeline)."""
    from parley.domain.registry import get_domain

    info = get_domain().series.get(series)
    rows = conn.execute(select(m.Meeting.key, m.Meeting.ordinal, m.Meeting.start, m.Meeting.status, m.Meeting.place,
                               m.Meeting.documents, m.Meeting.brief)
                        .where(m.Meeting.series == series, m.Meeting.rejected.is_(False))
                        .order_by(m.Meeting.start, m.Meeting.key)).all()
    meetings = [TimelineMeeting(r.key, r.ordinal, r.start, r.status, r.place, r.documents,
                                [f["code"] for f in (r.brief or {}).get("flags", []) if not f.get("resolved_by")]) for r in rows]
    return build_timeline(series, meetings, info.known if info else (), info.regular if info else None)


def list_series(conn: Conn) -> list[dict[str, Any]]:
    from parley.domain.registry import get_domain

    counts = dict(conn.execute(select(m.Meeting.series, func.count()).where(m.Meeting.series.is_not(None))
                               .group_by(m.Meeting.series)).all())
    return [{"key": k, "name": s.name, "meetings": counts.get(k, 0)} for k, s in sorted(get_domain().series.items())]


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
    sources: list[dict[str, Any]]  # the first few (get_meeting)
    sources_count: int


@dataclass
class StateGroup:
    """The participants who represented one state (``state``) or one organisation
    (``organization``: a CIS or CSTO official) at the meeting; both None: not reported."""

    state: str | None
    name: str
    present: bool  # the state or organisation itself is listed as taking part
    sources: list[dict[str, Any]]  # the first few (get_meeting)
    sources_count: int
    people: list[Participant] = field(default_factory=list)
    organization: str | None = None


# An office last or first seen this many years from the meeting says nothing of the office held
# there: the title is left out (the state or organisation it was for is kept).
OFFICE_YEARS = 2


def participants_by_state(conn: Connection, detail: MeetingDetail) -> list[StateGroup]:
    """The meeting's states and organisations, each with the persons who represented it by the
    office they held at the time (the office whose years cover the meeting's date, else the
    nearest in time); persons whose state is unknown come last."""
    persons = detail.members.get("person", [])
    pkeys = person_keys_by_alias(conn, [p["value"] for p in persons])
    offices: dict[str, list[Any]] = defaultdict(list)
    if pkeys:
        # Not their sources (a much-reported official's offices name thousands of documents).
        for o in conn.execute(select(m.PersonOffice.person_key, m.PersonOffice.office_key, m.PersonOffice.title,
                                     m.PersonOffice.state, m.PersonOffice.organization, m.PersonOffice.first_seen,
                                     m.PersonOffice.last_seen, m.PersonOffice.documents)
                              .where(m.PersonOffice.person_key.in_(sorted(set(pkeys.values()))))):
            offices[o.person_key].append(o)
    groups: dict[tuple[str, str | None], StateGroup] = {}
    for s in detail.members.get("state", []):
        groups[("state", s["value"])] = StateGroup(s["value"], state_name(s["value"]), True, s["sources"],
                                                   s["sources_count"])
    orgs = {o["value"]: o for o in detail.members.get("organization", [])}
    for p in persons:
        pk = pkeys.get(p["value"])
        held = office_at(offices.get(pk or "", []), detail.start, p["label"])
        part = Participant(p["value"], pk, p["label"], held.title, held.state, p["sources"], p["sources_count"])
        if held.state:
            where = ("state", held.state)
        elif held.organization:
            where = ("organization", held.organization)
        else:
            where = ("state", None)
        g = groups.get(where)
        if g is None:
            if where[0] == "organization":
                o = orgs.get(where[1] or "")
                g = StateGroup(None, where[1] or "", o is not None, o["sources"] if o else [],
                               o["sources_count"] if o else 0, organization=where[1])
            else:
                g = StateGroup(where[1], state_name(where[1]) if where[1] else "State not reported", False, [], 0)
            groups[where] = g
        g.people.append(part)
    return sorted(groups.values(), key=lambda g: (g.state is None and g.organization is None, g.organization is not None,
                                                  not g.people, g.name))


def _years_apart(when: str, first: str, last: str) -> int:
    """Years between the year of ``when`` and the years ``first``..``last`` (0 within them)."""
    year, start, end = int(when[:4]), int(first[:4]), int(last[:4])
    return 0 if start <= year <= end else min(abs(year - start), abs(year - end))


def _years_from(term: Any, when: str | None) -> int:
    if not when:
        return 0 if term.end is None else 1
    return _years_apart(when, term.start or "0", term.end or "9999")


@dataclass(frozen=True)
class HeldOffice:
    title: str | None
    state: str | None
    organization: str | None


def office_at(rows: list[Any], when: str | None, name: str) -> HeldOffice:
    """The office a person held on ``when`` (a partial ISO date): of the offices the reports give
    (with a state or an organisation), the one whose years cover the date, else the nearest in
    time, its title kept only within OFFICE_YEARS of the date; without such an office, the
    officials registry's term on that date."""
    def distance(r) -> int:
        if not when:
            return 0
        first, last = r.first_seen or r.last_seen, r.last_seen or r.first_seen
        return _years_apart(when, first, last) if first else 10**6

    placed = [r for r in rows if r.state or r.organization]
    if placed:
        best = min(placed, key=lambda r: (distance(r), -r.documents, r.office_key))
        title = best.title if distance(best) <= OFFICE_YEARS else None
        return HeldOffice(title, best.state, None if best.state else best.organization)
    from parley.resolve.officials import get_officials

    off = get_officials().lookup(name)
    terms = [t for t in off.terms if t.state or t.organization] if off else []
    if terms:
        # A term that covers the date gives the office; else the state or organisation of the
        # nearest term (whom the person worked for), without a title.
        covering = [t for t in terms if t.covers(when[:10] if when else None)]
        t = covering[0] if covering else min(terms, key=lambda t: _years_from(t, when))
        return HeldOffice(t.title if covering else None, t.state, None if t.state else t.organization)
    return HeldOffice(rows[0].title if rows and distance(rows[0]) <= OFFICE_YEARS else None, None, None)


def meeting_view(conn: Connection, key: str) -> dict[str, Any] | None:
    """What the meeting's page, ``GET /api/meetings/{key}`` and ``parley meeting KEY --json`` show."""
    detail = get_meeting(conn, key)
    if detail is None:
        return None
    corrections = [c.to_dict() for c in corrections_of(conn, "meeting", detail.key, detail.corrections)]
    return {"meeting": detail, "participants": participants_by_state(conn, detail),
            "corrections": corrections, "series_name": series_name(detail.series) or None}
