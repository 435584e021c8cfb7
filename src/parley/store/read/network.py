"""The co-attendance network of people."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from parley.store import models as m
from parley.store.read.labels import state_name
from parley.store.read.lookup import person_keys_by_alias


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
