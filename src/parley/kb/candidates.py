"""Candidate values of one field across reports, ranked by how many documents back them, each
with its sources: what every kind's reconciliation chooses from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from parley.kb.dates import precision, refines
from parley.kb.model import FactIn
from parley.resolve.names import fold


def slug(text: str | None, limit: int = 48) -> str:
    s = re.sub(r"[^\w]+", "-", fold(text or "")).strip("-")
    return s[:limit].rstrip("-") or "x"


def source_ref(f: FactIn, spans: Any = None) -> dict[str, Any]:
    """A value's source, kept small (it is repeated for every value of every report): the
    document and item; outlet, url and date are the document's, looked up when shown."""
    out: dict[str, Any] = {"document": f.doc.id, "item": f.index}
    if isinstance(spans, list) and spans:
        out["spans"] = spans
    return out


def slot_spans(f: FactIn, slot: str, value: str | None = None) -> Any:
    sup = (f.data.get("support") or {}).get(slot)
    if value is not None and isinstance(sup, dict):
        return sup.get(value)
    return sup if isinstance(sup, list) else None


def combined_confidence(facts: list[FactIn]) -> float:
    """Independent reports raise confidence: 1 - prod(1 - best confidence per document)."""
    best: dict[str, float] = {}
    for f in facts:
        best[f.doc.id] = max(best.get(f.doc.id, 0.0), f.confidence)
    miss = 1.0
    for c in best.values():
        miss *= 1.0 - min(max(c, 0.0), 0.999)
    return round(1.0 - miss, 3)


@dataclass
class Candidate:
    value: Any
    facts: list[FactIn] = field(default_factory=list)
    docs: set[str] = field(default_factory=set)
    weight: float = 0.0

    def add(self, f: FactIn) -> None:
        self.facts.append(f)
        if f.doc.id not in self.docs:
            self.docs.add(f.doc.id)
        self.weight += f.confidence


def candidates(facts: list[FactIn], slot: str, key=None) -> dict[Any, Candidate]:
    out: dict[Any, Candidate] = {}
    for f in facts:
        v = f.data.get(slot)
        if v is None or v == "":
            continue
        k = key(v) if key else v
        if k is None:
            continue
        out.setdefault(k, Candidate(v)).add(f)
    return out


def rank(c: Candidate) -> tuple:
    return (-len(c.docs), -round(c.weight, 6), str(c.value))


def field_entries(cands: dict[Any, Candidate], slot: str, chosen_key: Any,
                   spans_slot: str | None = None, label=None) -> list[dict[str, Any]]:
    entries = []
    for k, c in sorted(cands.items(), key=lambda kv: rank(kv[1])):
        srcs = []
        for f in sorted(c.facts, key=lambda f: f.ref):
            s = source_ref(f, slot_spans(f, spans_slot or slot))
            if slot in f.corrected:
                s["correction"] = f.corrected[slot]
            if f.data.get("status") == "planned":
                s["status"] = "planned"
            srcs.append(s)
        e = {"value": c.value, "chosen": k == chosen_key, "documents": len(c.docs), "sources": srcs}
        if label:
            e["label"] = label(k, c)
        entries.append(e)
    return entries


def choose_date(basis: list[FactIn], slot: str, values: dict, fields: dict, flags: list) -> str | None:
    cands = candidates(basis, slot, key=lambda v: v if precision(v) else None)
    if not cands:
        values[slot] = None
        return None
    maximal = {k for k in cands if not any(refines(k, o) for o in cands)}
    support: dict[str, Candidate] = {}
    for k in sorted(maximal):
        c = Candidate(k)
        for other, oc in cands.items():
            if other == k or refines(other, k):
                for f in oc.facts:
                    c.add(f)
        support[k] = c
    chosen = min(support.items(), key=lambda kv: (-len(kv[1].docs), -round(kv[1].weight, 6), -precision(kv[0]),
                                                   kv[0]))[0]
    values[slot] = chosen
    fields[slot] = field_entries(cands, slot, chosen)
    for e in fields[slot]:
        if e["value"] != chosen and refines(e["value"], chosen):
            e["refined_by"] = chosen
    if len(maximal) > 1:
        flags.append(conflict_flag(slot, {k: support[k] for k in maximal}))
    return chosen


def conflict_flag(slot: str, cands: dict[Any, Candidate]) -> dict[str, Any]:
    vals = sorted(cands.values(), key=rank)
    return {
        "code": "conflict", "field": slot,
        "values": [{"value": c.value, "documents": sorted(c.docs)} for c in vals],
    }
