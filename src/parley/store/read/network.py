"""The co-attendance network of people (and states, organisations)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, select, tuple_
from sqlalchemy.engine import Connection
from sqlalchemy.orm import aliased

from parley.domain.labels import state_name
from parley.store import models as m
from parley.store.read.lookup import person_keys_by_alias
from parley.store.read.meetings import MeetingFilters

MAX_EDGES = 1000


@dataclass
class Network:
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    meetings: int  # how many meetings the filters let through
    truncated: bool  # more members (or links) than the bounds kept


def network(conn: Connection, filters: MeetingFilters | None = None, *, kinds: tuple[str, ...] = ("person", "state"),
            min_weight: int = 1, max_nodes: int = 150, max_edges: int = MAX_EDGES) -> Network:
    """Members linked by co-attendance: an edge between two members of the same meeting,
    weighted by the number of meetings they shared. The whole record's network is read as
    consolidation keeps it (network_nodes, network_edges); a filtered one is counted in SQL (a
    self-join of meeting_members over the meetings ``filters`` lets through). The ``max_nodes``
    members with the most meetings are kept, and the ``max_edges`` heaviest links between them."""
    f = (filters or MeetingFilters()).clean()
    mm, nn, ne = m.MeetingMember, m.NetworkNode, m.NetworkEdge
    scope = f.where(conn, select(m.Meeting.key))
    if scope is None:
        return Network([], [], 0, False)
    n_meetings = int(conn.execute(select(func.count()).select_from(scope.subquery())).scalar() or 0)
    if f.active() or f.include_rejected:
        in_scope = and_(mm.kind.in_(kinds), mm.meeting_key.in_(scope))
        counts = conn.execute(select(mm.kind, mm.value, func.count().label("n")).where(in_scope)
                              .group_by(mm.kind, mm.value)).all()
        a, b = aliased(mm), aliased(mm)
        pairs = conn.execute(
            select(a.kind, a.value, b.kind.label("kind_b"), b.value.label("value_b"), func.count().label("n"))
            .join(b, and_(b.meeting_key == a.meeting_key, tuple_(a.kind, a.value) < tuple_(b.kind, b.value)))
            .where(a.kind.in_(kinds), b.kind.in_(kinds), a.meeting_key.in_(scope))
            .group_by(a.kind, a.value, b.kind, b.value)).all()
    else:
        counts = conn.execute(select(nn.kind, nn.value, nn.meetings.label("n")).where(nn.kind.in_(kinds))).all()
        pairs = None  # read once the kept nodes are known
    pkeys = person_keys_by_alias(conn, sorted({r.value for r in counts if r.kind == "person"}))
    node_of: dict[tuple[str, str], str] = {}
    nodes: dict[str, dict[str, Any]] = {}
    for r in counts:
        # A person's spellings (identity keys) are one node.
        key = pkeys.get(r.value, r.value) if r.kind == "person" else r.value
        nid = node_of[(r.kind, r.value)] = f"{r.kind}:{key}"
        node = nodes.setdefault(nid, {"id": nid, "kind": r.kind, "key": key, "label": key, "page": True,
                                      "meetings": 0})
        node["meetings"] += r.n
    ranked = sorted(nodes.values(), key=lambda n: (-n["meetings"], n["id"]))[:max_nodes]
    _label(conn, ranked, node_of)
    kept = {n["id"] for n in ranked}
    if pairs is None:
        # The heaviest links between the kept members (their spellings' links are summed below).
        values = sorted({v for (_, v), nid in node_of.items() if nid in kept})
        pairs = conn.execute(select(ne.kind_a.label("kind"), ne.value_a.label("value"), ne.kind_b, ne.value_b,
                                    ne.weight.label("n"))
                             .where(ne.kind_a.in_(kinds), ne.kind_b.in_(kinds), ne.value_a.in_(values),
                                    ne.value_b.in_(values), ne.weight >= min_weight)
                             .order_by(ne.weight.desc(), ne.kind_a.desc(), ne.value_a.desc(), ne.kind_b.desc(),
                                       ne.value_b.desc())
                             .limit(max_edges + 1)).all()
    weights: Counter[tuple[str, str]] = Counter()
    for p in pairs:
        x, y = node_of.get((p.kind, p.value)), node_of.get((p.kind_b, p.value_b))
        if x != y and x in kept and y in kept:
            weights[(x, y) if x < y else (y, x)] += p.n
    heavy = sorted(((w, pair) for pair, w in weights.items() if w >= min_weight), key=lambda e: (-e[0], e[1]))
    edges = [{"id": f"{x}|{y}", "source": x, "target": y, "weight": w} for w, (x, y) in heavy[:max_edges]]
    linked = {e["source"] for e in edges} | {e["target"] for e in edges}
    out_nodes = [n for n in ranked if n["id"] in linked or min_weight <= 1]
    return Network(sorted(out_nodes, key=lambda n: n["id"]), sorted(edges, key=lambda e: e["id"]), n_meetings,
                   len(nodes) > max_nodes or len(heavy) > max_edges)


def _label(conn: Connection, nodes: list[dict[str, Any]], node_of: dict[tuple[str, str], str]) -> None:
    """Names for the kept nodes: a person's from the people table (else as a meeting spells it;
    no page then), a state's from the registry, an organisation's key."""
    people = [n["key"] for n in nodes if n["kind"] == "person"]
    names = dict(conn.execute(select(m.Person.key, m.Person.name).where(m.Person.key.in_(people))).all()) \
        if people else {}
    spelled = [v for (k, v), nid in node_of.items() if k == "person" and nid.split(":", 1)[1] not in names
               and nid.split(":", 1)[1] in people]
    said = dict(conn.execute(select(m.MeetingMember.value, func.min(m.MeetingMember.label)).where(
        m.MeetingMember.kind == "person", m.MeetingMember.value.in_(spelled)).group_by(m.MeetingMember.value)).all()) \
        if spelled else {}
    for n in nodes:
        if n["kind"] == "state":
            n["label"] = state_name(n["key"])
        elif n["kind"] == "person":
            n["page"] = n["key"] in names
            n["label"] = names.get(n["key"]) or said.get(n["key"]) or n["key"]
