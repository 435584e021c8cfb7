"""The knowledge base's read API: functions taking a Session or Connection, returning dataclasses.

This is what the command line prints and what a web layer serves: every value comes with the
documents behind it (``sources``: document id, url, outlet, evidence offsets into the original
text), and conflicts and corrections are part of the answer, not hidden.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import asdict, dataclass, field, is_dataclass
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from parley.resolve.consolidate import (
    Timeline,
    TimelineMeeting,
    build_timeline,
    office_key,
    person_key,
    quote_norm,
)
from parley.resolve.names import fold
from parley.store import models as m

Conn = Session | Connection


def to_dict(obj: Any) -> Any:
    """Any query result as plain JSON-ready data."""
    if is_dataclass(obj) and not isinstance(obj, type):
        return asdict(obj)
    if isinstance(obj, list):
        return [to_dict(o) for o in obj]
    return obj


# --------------------------------------------------------------------------- documents


@dataclass
class SourceRef:
    document_id: str
    item: int
    name: str | None
    url: str | None
    outlet: str | None
    published: str | None
    language: str | None
    evidence: list[list[int]]
    status: str | None = None


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

    def evidence(self, spans: list[list[int]]) -> list[str]:
        """The original text of each span (empty when the text was not kept)."""
        text = self.raw_text or ""
        return [text[s:e] for s, e in spans if 0 <= s <= e <= len(text)]


def get_document(conn: Conn, doc_id: str) -> DocumentView | None:
    """A document by id or unambiguous id prefix, with its original text and extraction record."""
    rows = conn.execute(select(m.Document.__table__).where(m.Document.id.startswith(doc_id, autoescape=True))
                        .limit(2)).all()
    if len(rows) != 1:
        return None
    d = rows[0]
    removed_by = conn.execute(select(m.Correction.id).where(
        m.Correction.target_kind == "document", m.Correction.target_key == d.id, m.Correction.action == "remove",
        m.Correction.reverted_by.is_(None))).scalar()
    return DocumentView(d.id, d.name, d.url, d.outlet, d.title, d.language, d.published, d.extractor,
                        d.superseded_by, d.ingested_at, d.raw_text, record_of(conn, d.id, d.record), removed_by)


def record_of(conn: Conn, doc_id: str, header: dict[str, Any]) -> dict[str, Any]:
    """The document's extraction record: its stored header with the items from the facts table
    (a superseded version's facts are gone: its record then lists no items)."""
    from parley.store.ingest import KINDS

    items: dict[str, list[Any]] = {plural: [] for _, plural in KINDS}
    plural_of = dict(KINDS)
    for f in conn.execute(select(m.Fact.kind, m.Fact.idx, m.Fact.data).where(m.Fact.document_id == doc_id)
                          .order_by(m.Fact.kind, m.Fact.idx)):
        items[plural_of[f.kind]].append(f.data)
    return {**header, **items}


def _sources(conn: Conn, table, key_col, keys: list[str], status: bool = False) -> dict[str, list[SourceRef]]:
    if not keys:
        return {}
    cols = [key_col, table.document_id, table.fact_idx, table.evidence, m.Document.name, m.Document.url,
            m.Document.outlet, m.Document.published, m.Document.language]
    if status:
        cols.append(table.status)
    q = (select(*cols).join(m.Document, m.Document.id == table.document_id).where(key_col.in_(keys))
         .order_by(m.Document.published, table.document_id, table.fact_idx))
    out: dict[str, list[SourceRef]] = defaultdict(list)
    for r in conn.execute(q):
        out[r[0]].append(SourceRef(r.document_id, r.fact_idx, r.name, r.url, r.outlet, r.published, r.language,
                                   r.evidence or [], r.status if status else None))
    return out


# --------------------------------------------------------------------------- meetings


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


def _cols(table, exclude: tuple[str, ...] = ()):
    return [c for c in table.__table__.columns if c.name not in exclude]


def enrich_sources(conn: Conn, blobs: list[Any]) -> None:
    """Add the document's name, outlet, url and publication date to every per-value source in
    ``blobs`` (stored compactly as document id and item only), so each can be shown by name."""
    found: list[dict[str, Any]] = []

    def walk(x: Any) -> None:
        if isinstance(x, dict):
            if "document" in x and "item" in x:
                found.append(x)
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(blobs)
    ids = sorted({s["document"] for s in found})
    docs = {}
    for chunk in _chunks(ids):
        for d in conn.execute(select(m.Document.id, m.Document.name, m.Document.outlet, m.Document.url,
                                     m.Document.published).where(m.Document.id.in_(chunk))):
            docs[d.id] = {"name": d.name, "outlet": d.outlet, "url": d.url, "published": d.published}
    for src in found:
        src.update(docs.get(src["document"], {}))


def _chunks(items: list[str], n: int = 500):
    for i in range(0, len(items), n):
        yield items[i:i + n]


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


def meeting_keys_for(conn: Conn, refs: list[tuple[str, int]]) -> dict[tuple[str, int], str]:
    """The consolidated meeting each (document, meeting item) belongs to."""
    out: dict[tuple[str, int], str] = {}
    docs = sorted({d for d, _ in refs})
    for chunk in _chunks(docs):
        for r in conn.execute(select(m.MeetingSource.document_id, m.MeetingSource.fact_idx,
                                     m.MeetingSource.meeting_key).where(m.MeetingSource.document_id.in_(chunk))):
            out[(r.document_id, r.fact_idx)] = r.meeting_key
    return {ref: out[ref] for ref in refs if ref in out}


# --------------------------------------------------------------------------- series


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


# --------------------------------------------------------------------------- people


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


def find_people(conn: Conn, name: str) -> list[str]:
    """Person keys for a name in any spelling (or a key): identity key, spelling, then substring."""
    text = name.strip()
    if not text:
        return []
    if conn.execute(select(m.Person.key).where(m.Person.key == text)).first():
        return [text]
    found: set[str] = set()
    k = person_key(text)
    if k:
        found |= set(conn.execute(select(m.PersonAlias.person_key).where(m.PersonAlias.alias == f"key:{k}")).scalars())
    found |= set(conn.execute(select(m.PersonAlias.person_key).where(
        m.PersonAlias.alias == f"name:{fold(text)}"[:m.KEY])).scalars())
    if not found:
        pattern = f"%{fold(text)}%"
        found |= set(conn.execute(select(m.PersonAlias.person_key).where(
            m.PersonAlias.alias.like(f"name:{pattern}")).limit(20)).scalars())
    return sorted(found)


def person_alias_keys(conn: Conn, person_keys: list[str]) -> list[str]:
    """Every identity key that names these persons in meetings (theirs and their spellings')."""
    if not person_keys:
        return []
    keys = set(person_keys)
    for a in conn.execute(select(m.PersonAlias.alias).where(m.PersonAlias.person_key.in_(person_keys),
                                                            m.PersonAlias.alias.startswith("key:"))).scalars():
        keys.add(a[4:])
    return sorted(keys)


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


# --------------------------------------------------------------------------- agreements


@dataclass
class AgreementSummary:
    key: str
    title: str
    title_en: str | None
    kind: str | None
    parties: list[str]
    signatories: list[str]
    signed: str | None
    valid_from: int | None
    valid_to: int | None
    predecessor: str | None
    successor: str | None
    sequence: str | None
    documents: int
    confidence: float
    flags: list[dict[str, Any]] = field(default_factory=list)
    reviewed: bool = False
    rejected: bool = False


@dataclass
class AgreementDetail(AgreementSummary):
    fields: dict[str, Any] = field(default_factory=dict)
    sources: list[SourceRef] = field(default_factory=list)
    meetings: list[str] = field(default_factory=list)
    chain: list[AgreementSummary] = field(default_factory=list)
    corrections: list[int] = field(default_factory=list)


def _agreement_summary(r) -> AgreementSummary:
    return AgreementSummary(r.key, r.title, r.title_en, r.kind, r.parties or [], r.signatories or [], r.signed,
                            r.valid_from, r.valid_to, r.predecessor, r.successor, r.sequence, r.documents,
                            r.confidence, r.flags or [], r.reviewed, r.rejected)


def list_agreements(conn: Conn, *, party: str | None = None, kind: str | None = None, contains: str | None = None,
                    since: int | None = None, meeting: str | None = None, include_rejected: bool = False,
                    limit: int | None = None) -> list[AgreementSummary]:
    q = select(*_cols(m.Agreement, exclude=("fields", "corrections")))
    if party:
        p = party.strip()
        q = q.where(or_(m.Agreement.block == p, m.Agreement.block.startswith(p + "+", autoescape=True),
                        m.Agreement.block.endswith("+" + p, autoescape=True),
                        m.Agreement.block.contains("+" + p + "+", autoescape=True)))
    if kind:
        q = q.where(m.Agreement.kind == kind)
    if contains:
        for w in contains.split():
            q = q.where(or_(m.Agreement.title.ilike(f"%{w}%"), m.Agreement.title_en.ilike(f"%{w}%")))
    if since:
        q = q.where(or_(m.Agreement.valid_to >= since, m.Agreement.signed >= str(since)))
    if meeting:
        q = q.where(m.Agreement.key.in_(
            select(m.AgreementSource.agreement_key).join(m.MeetingSource, and_(
                m.MeetingSource.document_id == m.AgreementSource.document_id,
                m.MeetingSource.fact_idx == m.AgreementSource.meeting_idx)).where(m.MeetingSource.meeting_key == meeting)))
    if not include_rejected:
        q = q.where(m.Agreement.rejected.is_(False))
    q = q.order_by(m.Agreement.block, m.Agreement.valid_from.is_(None), m.Agreement.valid_from,
                   m.Agreement.signed, m.Agreement.key)
    if limit:
        q = q.limit(limit)
    return [_agreement_summary(r) for r in conn.execute(q)]


def get_agreement(conn: Conn, key: str) -> AgreementDetail | None:
    r = conn.execute(select(m.Agreement.__table__).where(m.Agreement.key == key)).first()
    if r is None:
        return None
    enrich_sources(conn, [r.fields or {}])
    d = AgreementDetail(**asdict(_agreement_summary(r)), fields=r.fields or {}, corrections=r.corrections or [])
    d.sources = _sources(conn, m.AgreementSource, m.AgreementSource.agreement_key, [key]).get(key, [])
    refs = [(s.document_id, mi) for s, mi in zip(d.sources, _meeting_idx(conn, m.AgreementSource, key), strict=True)
            if mi is not None]
    d.meetings = sorted(set(meeting_keys_for(conn, refs).values()))
    if r.sequence:
        chain = conn.execute(select(*_cols(m.Agreement, exclude=("fields", "corrections")))
                             .where(m.Agreement.sequence == r.sequence)).all()
        d.chain = sorted((_agreement_summary(c) for c in chain),
                         key=lambda a: (a.valid_from or 0, a.valid_to or 0, a.key))
    return d


def _meeting_idx(conn: Conn, table, key: str) -> list[int | None]:
    key_col = table.agreement_key if table is m.AgreementSource else table.statement_key
    q = (select(table.meeting_idx).join(m.Document, m.Document.id == table.document_id).where(key_col == key)
         .order_by(m.Document.published, table.document_id, table.fact_idx))
    return list(conn.execute(q).scalars())


# --------------------------------------------------------------------------- statements


@dataclass
class StatementRow:
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


def search_statements(conn: Conn, *, speaker: str | None = None, contains: str | None = None,
                      meeting: str | None = None, include_rejected: bool = False,
                      limit: int | None = None) -> list[StatementRow]:
    """Quotations by speaker (any spelling) and/or containing all the given words (any case,
    any script), oldest first."""
    q = select(*_cols(m.Statement, exclude=("fields", "corrections", "search")))
    if speaker:
        keys = person_alias_keys(conn, find_people(conn, speaker))
        k = person_key(speaker)
        if k:
            keys = sorted(set(keys) | {k})
        if not keys:
            return []
        q = q.where(m.Statement.speaker_key.in_(keys))
    if contains:
        for w in quote_norm(contains).split():
            q = q.where(m.Statement.search.contains(f" {w}", autoescape=True))
    if meeting:
        q = q.where(m.Statement.key.in_(
            select(m.StatementSource.statement_key).join(m.MeetingSource, and_(
                m.MeetingSource.document_id == m.StatementSource.document_id,
                m.MeetingSource.fact_idx == m.StatementSource.meeting_idx)).where(m.MeetingSource.meeting_key == meeting)))
    if not include_rejected:
        q = q.where(m.Statement.rejected.is_(False))
    q = q.order_by(m.Statement.date.is_(None), m.Statement.date, m.Statement.key)
    if limit:
        q = q.limit(limit)
    rows = list(conn.execute(q))
    keys = [r.key for r in rows]
    sources: dict[str, list[SourceRef]] = {}
    meeting_idx: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for chunk in _chunks(keys):
        sources.update(_sources(conn, m.StatementSource, m.StatementSource.statement_key, chunk))
        for s in conn.execute(select(m.StatementSource.statement_key, m.StatementSource.document_id,
                                     m.StatementSource.meeting_idx).where(m.StatementSource.statement_key.in_(chunk),
                                                                          m.StatementSource.meeting_idx.is_not(None))):
            meeting_idx[s.statement_key].append((s.document_id, s.meeting_idx))
    all_refs = sorted({ref for refs in meeting_idx.values() for ref in refs})
    where = meeting_keys_for(conn, all_refs)
    out = []
    for r in rows:
        mk = sorted({where[ref] for ref in meeting_idx.get(r.key, []) if ref in where})
        out.append(StatementRow(r.key, r.speaker, r.speaker_key, r.quote, r.date, r.language, r.documents,
                                r.confidence, mk[0] if mk else None, sources.get(r.key, []), r.reviewed, r.rejected))
    return out


# --------------------------------------------------------------------------- review and totals


@dataclass
class ReviewItem:
    kind: str
    key: str
    label: str
    confidence: float
    documents: int
    reasons: list[str]


def review_queue(conn: Conn, *, below: float = 0.7, limit: int = 100) -> list[ReviewItem]:
    """Facts a person should look at: unresolved conflicts first, then low confidence, then
    single-source low-confidence items. Rejected ones are left out, and so are reviewed ones
    unless a conflict of theirs is still open (a value edited or accepted settles that field
    only)."""
    items: list[ReviewItem] = []
    for table, label_col, kind in ((m.Meeting, m.Meeting.name, "meeting"), (m.Agreement, m.Agreement.title, "agreement")):
        q = select(table.key, label_col, table.confidence, table.documents, table.flags, table.reviewed).where(
            table.rejected.is_(False))
        for r in conn.execute(q):
            reasons = [f"{f['code']} {f.get('field', '')}".strip() for f in (r.flags or []) if not f.get("resolved_by")
                       and f["code"] in ("conflict", "duplicate_ordinal")]
            if r.confidence < below and not r.reviewed:
                reasons.append(f"confidence {r.confidence:.2f}")
            if reasons:
                items.append(ReviewItem(kind, r.key, r[1] or "", r.confidence, r.documents, reasons))
    for table, label_col, kind in ((m.Statement, m.Statement.quote, "statement"), (m.Person, m.Person.name, "person")):
        q = select(table.key, label_col, table.confidence, table.documents).where(
            table.reviewed.is_(False), table.rejected.is_(False), table.confidence < below)
        for r in conn.execute(q.order_by(table.confidence, table.key).limit(limit)):
            items.append(ReviewItem(kind, r.key, (r[1] or "")[:120], r.confidence, r.documents,
                                    [f"confidence {r.confidence:.2f}"]))
    items.sort(key=lambda i: (not any(x.startswith(("conflict", "duplicate")) for x in i.reasons), i.confidence,
                              i.kind, i.key))
    return items[:limit]


def totals(conn: Conn) -> dict[str, int]:
    out = {}
    for name, table in (("documents", m.Document), ("facts", m.Fact), ("meetings", m.Meeting), ("people", m.Person),
                        ("agreements", m.Agreement), ("statements", m.Statement), ("corrections", m.Correction),
                        ("pending_blocks", m.Dirty)):
        out[name] = int(conn.execute(select(func.count()).select_from(table)).scalar() or 0)
    out["superseded_documents"] = int(conn.execute(select(func.count()).select_from(m.Document).where(
        m.Document.superseded_by.is_not(None))).scalar() or 0)
    return out
