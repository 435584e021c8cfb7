"""Read queries the web layer needs beyond ``parley.store.queries``: paging with a topic filter,
participants grouped by state, one statement, co-attendees, the co-attendance network, search
across everything, review details, and evidence segments.

Every function takes a SQLAlchemy Connection and builds its SQL with the expression language
(bound parameters only); text matching that must work in any script (Cyrillic case folding,
which SQLite's ``lower`` does not do) is done in Python on folded strings.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from parley.resolve.names import fold
from parley.store import models as m
from parley.store import queries as q

# --------------------------------------------------------------------------- labels


def state_name(iso: str | None) -> str:
    """The English name of a state by ISO 3166-1 alpha-3 code (the code when unknown)."""
    if not iso:
        return ""
    from parley.domain.registry import get_domain

    e = get_domain().states.get(iso)
    return e["name"] if e else iso


def series_name(key: str | None) -> str:
    if not key:
        return ""
    from parley.domain.registry import get_domain

    s = get_domain().series.get(key)
    return s.name if s else key


def topic_name(key: str) -> str:
    return key.replace("_", " ")


@dataclass
class FilterOptions:
    series: list[dict[str, str]]
    states: list[dict[str, str]]
    topics: list[dict[str, str]]


def filter_options(conn: Connection) -> FilterOptions:
    """The series, states and topics that occur in the record (for filter menus)."""
    series = sorted({s for s in conn.execute(select(m.Meeting.series).distinct()).scalars() if s})
    members = conn.execute(select(m.MeetingMember.kind, m.MeetingMember.value).distinct()
                           .where(m.MeetingMember.kind.in_(("state", "topic")))).all()
    states = sorted({v for k, v in members if k == "state"}, key=state_name)
    topics = sorted({v for k, v in members if k == "topic"})
    return FilterOptions(
        series=[{"key": s, "name": series_name(s)} for s in series],
        states=[{"key": s, "name": state_name(s)} for s in states],
        topics=[{"key": t, "name": topic_name(t)} for t in topics],
    )


# --------------------------------------------------------------------------- meetings


def list_meetings_page(conn: Connection, *, series: str | None = None, since: str | None = None,
                       until: str | None = None, state: str | None = None, person: str | None = None,
                       status: str | None = None, topic: str | None = None, limit: int = 50,
                       offset: int = 0) -> tuple[list[q.MeetingSummary], bool]:
    """One page of ``queries.list_meetings`` (plus a topic filter): (items, whether more follow)."""
    want = offset + limit + 1
    if topic:
        keys = set(conn.execute(select(m.MeetingMember.meeting_key).where(
            m.MeetingMember.kind == "topic", m.MeetingMember.value == topic)).scalars())
        rows = [r for r in q.list_meetings(conn, series=series, since=since, until=until, state=state,
                                           person=person, status=status) if r.key in keys][:want]
    else:
        rows = q.list_meetings(conn, series=series, since=since, until=until, state=state, person=person,
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


def person_keys_by_alias(conn: Connection, identity_keys: list[str]) -> dict[str, str]:
    """Identity keys as meetings store them ("shoigu:s") -> the person's key in ``people``."""
    if not identity_keys:
        return {}
    out = {k: k for k in conn.execute(select(m.Person.key).where(m.Person.key.in_(identity_keys))).scalars()}
    aliases = [f"key:{k}" for k in identity_keys]
    for a, pk in conn.execute(select(m.PersonAlias.alias, m.PersonAlias.person_key)
                              .where(m.PersonAlias.alias.in_(aliases)).order_by(m.PersonAlias.person_key)):
        out.setdefault(a[4:], pk)
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


def participants_by_state(conn: Connection, detail: q.MeetingDetail) -> list[StateGroup]:
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


# --------------------------------------------------------------------------- statements and people


def get_statement(conn: Connection, key: str) -> q.StatementRow | None:
    """One statement with its sources and meeting (the rows ``search_statements`` returns)."""
    r = conn.execute(select(m.Statement.speaker_key, m.Statement.rejected).where(m.Statement.key == key)).first()
    if r is None:
        return None
    rows = q.search_statements(conn, speaker=r.speaker_key, include_rejected=True) if r.speaker_key else []
    for s in rows:
        if s.key == key:
            return s
    # No speaker key: read it directly.
    row = conn.execute(select(m.Statement).where(m.Statement.key == key)).first()
    return q.StatementRow(row.key, row.speaker, row.speaker_key, row.quote, row.date, row.language, row.documents,
                          row.confidence, None, [], row.reviewed, row.rejected)


@dataclass
class CoAttendee:
    key: str
    person: str | None
    name: str
    meetings: int


def co_attendees(conn: Connection, person_key: str, limit: int = 30) -> list[CoAttendee]:
    """Who attended the same meetings as this person, most shared meetings first."""
    ids = q.person_alias_keys(conn, [person_key])
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


# --------------------------------------------------------------------------- network


@dataclass
class Network:
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    meetings: int
    truncated: bool


def network(conn: Connection, *, series: str | None = None, since: str | None = None, until: str | None = None,
            kinds: tuple[str, ...] = ("person", "state"), min_weight: int = 1, max_nodes: int = 150) -> Network:
    """States and people linked by co-attendance: an edge between two members of the same
    meeting, weighted by the number of meetings they shared. The ``max_nodes`` members with the
    most meetings are kept."""
    q_ = select(m.Meeting.key).where(m.Meeting.rejected.is_(False))
    if series:
        q_ = q_.where(m.Meeting.series == series)
    if since:
        q_ = q_.where(m.Meeting.start >= since)
    if until:
        q_ = q_.where(m.Meeting.start <= until + "~")
    keys = set(conn.execute(q_).scalars())
    rows = conn.execute(select(m.MeetingMember.meeting_key, m.MeetingMember.kind, m.MeetingMember.value,
                               m.MeetingMember.label).where(m.MeetingMember.kind.in_(kinds))).all()
    rows = [r for r in rows if r.meeting_key in keys]
    pkeys = person_keys_by_alias(conn, sorted({r.value for r in rows if r.kind == "person"}))
    names = dict(conn.execute(select(m.Person.key, m.Person.name).where(
        m.Person.key.in_(sorted(set(pkeys.values()))))).all()) if pkeys else {}
    members: dict[str, set[str]] = defaultdict(set)
    nodes: dict[str, dict[str, Any]] = {}
    for r in rows:
        if r.kind == "person":
            pk = pkeys.get(r.value, r.value)
            nid = f"person:{pk}"
            nodes.setdefault(nid, {"id": nid, "kind": "person", "key": pk, "label": names.get(pk, r.label),
                                   "page": pk in names, "meetings": 0})
        else:
            nid = f"{r.kind}:{r.value}"
            nodes.setdefault(nid, {"id": nid, "kind": r.kind, "key": r.value,
                                   "label": state_name(r.value) if r.kind == "state" else r.value,
                                   "page": True, "meetings": 0})
        members[r.meeting_key].add(nid)
    for ids in members.values():
        for nid in ids:
            nodes[nid]["meetings"] += 1
    ranked = sorted(nodes.values(), key=lambda n: (-n["meetings"], n["id"]))
    kept = {n["id"] for n in ranked[:max_nodes]}
    weights: Counter[tuple[str, str]] = Counter()
    for ids in members.values():
        for a, b in combinations(sorted(ids & kept), 2):
            weights[(a, b)] += 1
    edges = [{"id": f"{a}|{b}", "source": a, "target": b, "weight": w}
             for (a, b), w in sorted(weights.items()) if w >= min_weight]
    linked = {e["source"] for e in edges} | {e["target"] for e in edges}
    out_nodes = [n for n in ranked if n["id"] in kept and (n["id"] in linked or min_weight <= 1)]
    return Network(sorted(out_nodes, key=lambda n: n["id"]), edges, len(members), len(nodes) > max_nodes)


# --------------------------------------------------------------------------- search


def _words(text: str) -> list[str]:
    return [w for w in fold(text).split() if w]


def _matches(words: list[str], *fields: str | None) -> bool:
    hay = fold(" ".join(f for f in fields if f))
    return all(w in hay for w in words)


@dataclass
class SearchResults:
    query: str
    meetings: list[q.MeetingSummary]
    people: list[q.PersonSummary]
    agreements: list[q.AgreementSummary]
    statements: list[q.StatementRow]
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
    by_key = {s.key: s for s in q.list_meetings(conn)} if mkeys else {}
    meetings = [by_key[k] for k in mkeys if k in by_key]
    people: list[q.PersonSummary] = []
    seen: set[str] = set()
    for w in [" ".join(words), *words]:
        for p in q.list_people(conn, contains=w, limit=limit * 3):
            if p.key not in seen and _matches(words, p.name, *p.aliases):
                seen.add(p.key)
                people.append(p)
    people = people[:limit]
    agreements = [a for a in q.list_agreements(conn) if _matches(words, a.key, a.title, a.title_en)][:limit]
    statements = q.search_statements(conn, contains=" ".join(words), limit=limit)
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


# --------------------------------------------------------------------------- review


def first_source(conn: Connection, kind: str, key: str) -> dict[str, Any] | None:
    """The first document (by publication date) behind an entity, with its evidence spans."""
    table, col = {
        "meeting": (m.MeetingSource, m.MeetingSource.meeting_key),
        "agreement": (m.AgreementSource, m.AgreementSource.agreement_key),
        "statement": (m.StatementSource, m.StatementSource.statement_key),
        "person": (m.PersonSource, m.PersonSource.person_key),
    }[kind]
    r = conn.execute(select(table.document_id, table.evidence, m.Document.outlet, m.Document.published)
                     .join(m.Document, m.Document.id == table.document_id).where(col == key)
                     .order_by(m.Document.published, table.document_id, table.fact_idx).limit(1)).first()
    if r is None:
        return None
    return {"document": r.document_id, "spans": r.evidence or [], "outlet": r.outlet, "published": r.published}


def open_conflicts(conn: Connection, kind: str, key: str) -> list[dict[str, Any]]:
    """A meeting's or agreement's unresolved conflicts, each value with its sources' spans."""
    out = _open_conflicts(conn, kind, key)
    q.enrich_sources(conn, [out])
    return out


def _open_conflicts(conn: Connection, kind: str, key: str) -> list[dict[str, Any]]:
    table = m.Meeting if kind == "meeting" else m.Agreement if kind == "agreement" else None
    if table is None:
        return []
    r = conn.execute(select(table.flags, table.fields).where(table.key == key)).first()
    if r is None:
        return []
    out = []
    for f in r.flags or []:
        if f.get("resolved_by") or f.get("code") != "conflict":
            continue
        entries = (r.fields or {}).get(f.get("field"), [])
        values = []
        for v in f.get("values", []):
            srcs = next((e["sources"] for e in entries if e.get("value") == v["value"]), [])
            values.append({"value": v["value"], "documents": len(v.get("documents", [])),
                           "sources": [s for s in srcs if "document" in s]})
        out.append({"field": f.get("field"), "values": values})
    return out


# --------------------------------------------------------------------------- evidence


@dataclass
class Segment:
    text: str
    mark: int | None  # index of the highlighted span, None for plain text


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


def segments(text: str, spans: list[list[int]] | list[tuple[int, int]]) -> list[Segment]:
    """The text cut into plain and highlighted pieces (rendered escaped, highlights as <mark>)."""
    out: list[Segment] = []
    pos = 0
    for i, (s, e) in enumerate(merge_spans(spans, len(text))):
        if s > pos:
            out.append(Segment(text[pos:s], None))
        out.append(Segment(text[s:e], i))
        pos = e
    if pos < len(text):
        out.append(Segment(text[pos:], None))
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


