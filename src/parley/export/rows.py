"""What ``parley export`` writes, as plain rows: meetings, agreements, statements, people,
corrections, and the graph of them; the formats (parley.export.<format>) only lay them out.

Rows come out in key order with keys sorted, so two databases holding the same record export
byte-identical files (the "ingest twice" test compares them). Every meeting, agreement,
statement and person lists its ``sources``: document id, url, outlet, publication date, the
item's number in the document's extraction record, and the evidence offsets into its text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import select

from parley.kb.keys import person_key
from parley.record import Party
from parley.store import models as m
from parley.store.read import Conn, meeting_keys_for


def _by_key(result) -> list:
    """Rows in key order, sorted here: PostgreSQL's ORDER BY follows the server's collation,
    SQLite's the code points, and both databases must export the same bytes."""
    return sorted(result, key=lambda r: r.key)


def documents(conn: Conn) -> dict[str, dict[str, Any]]:
    """Every stored report by id: what a source row and a cited report show of it."""
    return {r.id: {"url": r.url, "outlet": r.outlet, "published": r.published, "language": r.language,
                   "name": r.name, "title": r.title}
            for r in conn.execute(select(m.Document.id, m.Document.url, m.Document.outlet, m.Document.published,
                                         m.Document.language, m.Document.name, m.Document.title))}


def _source_map(conn: Conn, table, key_col, docs, extra: tuple[str, ...] = ()) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    cols = [key_col, table.document_id, table.fact_idx, table.evidence, *(getattr(table, c) for c in extra)]
    for r in conn.execute(select(*cols)):
        d = docs.get(r.document_id, {})
        src = {"document_id": r.document_id, "item": r.fact_idx, "url": d.get("url"), "outlet": d.get("outlet"),
               "published": d.get("published"), "language": d.get("language"), "evidence": r.evidence or []}
        for c in extra:
            src[c] = getattr(r, c)
        out[r[0]].append(src)
    for v in out.values():
        v.sort(key=lambda s: (s["published"] or "", s["document_id"], s["item"]))
    return out


def meetings(conn: Conn, include_rejected: bool = False) -> Iterator[dict[str, Any]]:
    docs = documents(conn)
    sources = _source_map(conn, m.MeetingSource, m.MeetingSource.meeting_key, docs, ("status",))
    members: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    rows = conn.execute(select(m.MeetingMember.meeting_key, m.MeetingMember.kind, m.MeetingMember.value,
                               m.MeetingMember.label, m.MeetingMember.sources)).all()
    for r in sorted(rows, key=lambda r: (r.meeting_key, r.kind, r.value)):
        if r.kind == "person":
            members[r.meeting_key]["persons"].append({"key": r.value, "name": r.label, "sources": r.sources})
        else:
            members[r.meeting_key][r.kind + "s"].append(r.value)
    q = select(m.Meeting)
    if not include_rejected:
        q = q.where(m.Meeting.rejected.is_(False))
    for r in _by_key(conn.execute(q)):
        mem = members.get(r.key, {})
        yield {
            "key": r.key, "label": r.label, "series": r.series, "ordinal": r.ordinal, "name": r.name,
            "format": r.format,
            "status": r.status, "start": r.start, "end": r.end, "place": r.place, "country": r.country,
            "chair": r.chair, "chair_key": r.chair_key, "states": mem.get("states", []),
            "organizations": mem.get("organizations", []), "persons": mem.get("persons", []),
            "topics": mem.get("topics", []), "confidence": r.confidence, "documents": r.documents,
            "first_reported": r.first_reported, "flags": r.flags or [], "reviewed": r.reviewed,
            "rejected": r.rejected, "corrections": r.corrections or [], "fields": r.fields or {},
            "sources": sources.get(r.key, []),
        }


def _meetings_of(conn: Conn, table, key_col) -> dict[str, list[str]]:
    refs: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for r in conn.execute(select(key_col, table.document_id, table.meeting_idx).where(table.meeting_idx.is_not(None))):
        refs[r[0]].append((r.document_id, r.meeting_idx))
    where = meeting_keys_for(conn, sorted({x for v in refs.values() for x in v}))
    return {k: sorted({where[x] for x in v if x in where}) for k, v in refs.items()}


def agreements(conn: Conn, include_rejected: bool = False) -> Iterator[dict[str, Any]]:
    docs = documents(conn)
    sources = _source_map(conn, m.AgreementSource, m.AgreementSource.agreement_key, docs)
    at = _meetings_of(conn, m.AgreementSource, m.AgreementSource.agreement_key)
    q = select(m.Agreement)
    if not include_rejected:
        q = q.where(m.Agreement.rejected.is_(False))
    for r in _by_key(conn.execute(q)):
        yield {
            "key": r.key, "title": r.title, "title_en": r.title_en, "kind": r.kind, "parties": r.parties or [],
            "parties_typed": [{"kind": p.kind, "key": p.key} for p in map(Party.of, r.parties or [])],
            "signatories": r.signatories or [], "signed": r.signed, "valid_from": r.valid_from,
            "valid_to": r.valid_to, "sequence": r.sequence, "predecessor": r.predecessor, "successor": r.successor,
            "meetings": at.get(r.key, []), "confidence": r.confidence, "documents": r.documents,
            "flags": r.flags or [], "reviewed": r.reviewed, "rejected": r.rejected,
            "corrections": r.corrections or [], "fields": r.fields or {}, "sources": sources.get(r.key, []),
        }


def statements(conn: Conn, include_rejected: bool = False) -> Iterator[dict[str, Any]]:
    docs = documents(conn)
    sources = _source_map(conn, m.StatementSource, m.StatementSource.statement_key, docs)
    at = _meetings_of(conn, m.StatementSource, m.StatementSource.statement_key)
    q = select(m.Statement)
    if not include_rejected:
        q = q.where(m.Statement.rejected.is_(False))
    for r in _by_key(conn.execute(q)):
        where = at.get(r.key, [])
        yield {
            "key": r.key, "speaker": r.speaker, "speaker_key": r.speaker_key, "quote": r.quote, "date": r.date,
            "language": r.language, "meeting": where[0] if where else None, "confidence": r.confidence,
            "documents": r.documents, "reviewed": r.reviewed, "rejected": r.rejected,
            "corrections": r.corrections or [], "sources": sources.get(r.key, []),
        }


def people(conn: Conn, include_rejected: bool = False) -> Iterator[dict[str, Any]]:
    docs = documents(conn)
    sources = _source_map(conn, m.PersonSource, m.PersonSource.person_key, docs)
    offices: dict[str, list[dict[str, Any]]] = defaultdict(list)
    rows = conn.execute(select(m.PersonOffice)).all()
    for o in sorted(rows, key=lambda o: (o.person_key, o.first_seen or "", o.office_key)):
        offices[o.person_key].append({"title": o.title, "state": o.state, "organization": o.organization,
                                      "first_seen": o.first_seen, "last_seen": o.last_seen,
                                      "documents": o.documents, "sources": o.sources})
    q = select(m.Person)
    if not include_rejected:
        q = q.where(m.Person.rejected.is_(False))
    for r in _by_key(conn.execute(q)):
        yield {
            "key": r.key, "name": r.name, "aliases": r.aliases or [], "official": r.official,
            "first_seen": r.first_seen, "last_seen": r.last_seen, "offices": offices.get(r.key, []),
            "confidence": r.confidence, "documents": r.documents, "reviewed": r.reviewed, "rejected": r.rejected,
            "corrections": r.corrections or [], "sources": sources.get(r.key, []),
        }


def corrections(conn: Conn, include_rejected: bool = False) -> Iterator[dict[str, Any]]:
    for r in conn.execute(select(m.Correction).order_by(m.Correction.id)):
        yield {c: getattr(r, c) for c in ("id", "target_kind", "target_key", "field", "action", "old_value",
                                          "new_value", "author", "reason", "created_at", "anchor", "reverts",
                                          "reverted_by")}


def graph(conn: Conn, include_rejected: bool = False) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Nodes (meetings, people, states, organisations, agreements) and edges (attended, chaired,
    represented, party, signed, adopted at, succeeds, and co-attended with a weight)."""
    nodes: dict[str, dict[str, Any]] = {}
    edges: list[dict[str, Any]] = []
    people_names = {r.key: r.name for r in conn.execute(select(m.Person.key, m.Person.name))}
    person = person_resolver(conn)

    def node(nid: str, kind: str, label: str, **attrs: Any) -> str:
        nodes.setdefault(nid, {"id": nid, "kind": kind, "label": label, **attrs})
        return nid

    attendees: dict[str, set[str]] = defaultdict(set)
    kept = set()
    for mt in meetings(conn, include_rejected):
        kept.add(mt["key"])
        mid = node(f"meeting:{mt['key']}", "meeting", mt["name"] or mt["key"], start=mt["start"] or "",
                   series=mt["series"] or "", status=mt["status"])
        for p in mt["persons"]:
            pk = person(p["key"])
            pid = node(f"person:{pk}", "person", people_names.get(pk, p["name"]))
            attendees[mt["key"]].add(pid)
            edges.append({"source": pid, "target": mid, "kind": "attended", "weight": 1})
        if mt["chair_key"]:
            pk = person(mt["chair_key"])
            pid = node(f"person:{pk}", "person", people_names.get(pk, mt["chair"] or pk))
            edges.append({"source": pid, "target": mid, "kind": "chaired", "weight": 1})
        for s in mt["states"]:
            edges.append({"source": node(f"state:{s}", "state", s), "target": mid, "kind": "represented", "weight": 1})
        for o in mt["organizations"]:
            edges.append({"source": node(f"organization:{o}", "organization", o), "target": mid,
                          "kind": "represented", "weight": 1})
    for ag in agreements(conn, include_rejected):
        aid = node(f"agreement:{ag['key']}", "agreement", ag["title_en"] or ag["title"], kind_of=ag["kind"] or "")
        for p in map(Party.of, ag["parties"]):
            pid = node(f"{p.kind}:{p.key}", p.kind, p.key)
            edges.append({"source": pid, "target": aid, "kind": "party", "weight": 1})
        for s in ag["signatories"]:
            k = person_key(s)
            if k:
                pk = person(k)
                edges.append({"source": node(f"person:{pk}", "person", people_names.get(pk, s)), "target": aid,
                              "kind": "signed", "weight": 1})
        for mk in ag["meetings"]:
            if mk in kept:
                edges.append({"source": aid, "target": f"meeting:{mk}", "kind": "adopted_at", "weight": 1})
        if ag["predecessor"]:
            edges.append({"source": aid, "target": f"agreement:{ag['predecessor']}", "kind": "succeeds", "weight": 1})
    pairs: dict[tuple[str, str], int] = defaultdict(int)
    for persons in attendees.values():
        ps = sorted(persons)
        for i, a in enumerate(ps):
            for b in ps[i + 1:]:
                pairs[(a, b)] += 1
    for (a, b), w in sorted(pairs.items()):
        edges.append({"source": a, "target": b, "kind": "co_attended", "weight": w})
    edges = [e for e in edges if e["source"] in nodes and e["target"] in nodes]
    edges.sort(key=lambda e: (e["kind"], e["source"], e["target"]))
    return [nodes[k] for k in sorted(nodes)], edges


ROWS: dict[str, Callable[..., Iterator[dict[str, Any]]]] = {
    "meetings": meetings, "agreements": agreements, "statements": statements, "people": people,
    "corrections": corrections}
TABLES = tuple(ROWS)  # the kinds that are tables of rows; the graph is nodes and edges


def table(conn: Conn, kind: str, include_rejected: bool = False) -> list[dict[str, Any]]:
    """The rows of one of TABLES."""
    return list(ROWS[kind](conn, include_rejected))


def graph_rows(conn: Conn, include_rejected: bool = False) -> list[dict[str, Any]]:
    """The graph as one list: its nodes, then its edges, each with its ``type``."""
    nodes, edges = graph(conn, include_rejected)
    return [{"type": "node", **n} for n in nodes] + [{"type": "edge", **e} for e in edges]


def person_resolver(conn: Conn) -> Callable[[str], str]:
    """A person key as reports give it (a meeting's attendee, a chair) -> the key of the person
    consolidation merged it into."""
    alias = {a.alias[4:]: a.person_key for a in conn.execute(
        select(m.PersonAlias.alias, m.PersonAlias.person_key).where(m.PersonAlias.alias.startswith("key:")))}
    return lambda key: alias.get(key, key)

