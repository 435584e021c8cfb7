"""Agreements: reports of one document signed by the same parties merged by title and date;
sequences (plan 2024-2025, then 2026-2027) chained.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

from parley.kb.candidates import (
    candidates,
    choose_date,
    combined_confidence,
    conflict_flag,
    field_entries,
    rank,
    slot_spans,
    slug,
    source_ref,
)
from parley.kb.corrections import apply_corrections
from parley.kb.dates import precision
from parley.kb.keys import assign_keys, person_key
from parley.kb.model import Entity, FactIn, SourceRow
from parley.resolve.names import fold

_TITLE_NOISE = re.compile(r"\d+|\b(?:the|of|for|on|in|and|between|a|an|to|within|framework|years?|two|year)\b")
_SEQUENCE_KINDS = {"plan", "program", "other", "agreement", "memorandum"}


def _title_norm(f: FactIn) -> str:
    t = f.data.get("title_en") or f.data.get("title") or ""
    return " ".join(_TITLE_NOISE.sub(" ", fold(t)).split())


def _title_sim(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return float(fuzz.token_set_ratio(a, b)) if a and b else 0.0


def _kinds_ok(a: str | None, b: str | None) -> bool:
    return a == b or "other" in (a, b) or {a, b} <= {"agreement", "treaty"}


def _same_agreement(a: FactIn, b: FactIn) -> bool:
    da, db = a.data, b.data
    if not _kinds_ok(da.get("kind"), db.get("kind")):
        return False
    va, vb = (da.get("valid_from"), da.get("valid_to")), (db.get("valid_from"), db.get("valid_to"))
    if any(va) and any(vb):
        return va == vb and _title_sim(_title_norm(a), _title_norm(b)) >= 40
    sa, sb = da.get("signed"), db.get("signed")
    if precision(sa) == 3 and sa == sb and da.get("kind") == db.get("kind"):
        return True
    if precision(sa) == 3 and precision(sb) == 3 and sa != sb:
        return False
    return _title_sim(_title_norm(a), _title_norm(b)) >= 85


def consolidate_agreements(block: str, facts: list[FactIn], corrections=()) -> list[Entity]:
    """The same agreement reported twice is one; successive plans of the same parties and kind
    (2022-2023, 2024-2025, 2026-2027) are chained by predecessor and successor."""
    groups: list[list[FactIn]] = []
    for f in sorted(facts, key=lambda f: f.ref):
        for g in groups:
            if any(_same_agreement(f, x) for x in g):
                g.append(f)
                break
        else:
            groups.append([f])
    out = [_reconcile_agreement(block, g) for g in groups]

    def base(e: Entity) -> str:
        v = e.values
        head = f"{block}/{v.get('kind') or 'other'}"
        if v.get("valid_from") or v.get("valid_to"):
            return f"{head}/{v.get('valid_from') or ''}-{v.get('valid_to') or ''}"
        if v.get("signed"):
            return f"{head}/{v['signed']}"
        return f"{head}/{slug(v.get('title_en') or v.get('title'))}"

    assign_keys(out, base)
    _chain_sequences(out)
    apply_corrections(out, corrections)
    return sorted(out, key=lambda e: e.key)


def _reconcile_agreement(block: str, facts: list[FactIn]) -> Entity:
    values: dict[str, Any] = {}
    fields: dict[str, list[dict[str, Any]]] = {}
    flags: list[dict[str, Any]] = []
    titles = candidates(facts, "title")

    def title_rank(kv):
        c = kv[1]
        en = any((f.doc.language or "en") == "en" for f in c.facts)
        return (not en, -len(c.docs), len(str(c.value)), str(c.value))

    values["title"] = min(titles.items(), key=title_rank)[0] if titles else ""
    fields["title"] = field_entries(titles, "title", values["title"])
    # An English report's own title is the best English title; else the extractor's translation.
    en_titles = candidates([f for f in facts if (f.doc.language or "en") == "en"], "title")
    ten = en_titles or candidates(facts, "title_en")
    values["title_en"] = min(ten.items(), key=title_rank)[0] if ten else None
    for slot in ("kind", "valid_from", "valid_to"):
        cands = candidates(facts, slot)
        if slot == "kind" and len(cands) > 1:
            cands.pop("other", None) if any(k != "other" for k in cands) else None
        values[slot] = min(cands.items(), key=lambda kv: rank(kv[1]))[0] if cands else None
        if cands:
            fields[slot] = field_entries(cands, slot, values[slot])
        if len(cands) > 1 and slot != "kind":
            flags.append(conflict_flag(slot, cands))
    choose_date(facts, "signed", values, fields, flags)
    for slot in ("parties", "signatories"):
        by: dict[str, list[dict[str, Any]]] = defaultdict(list)
        labels: dict[str, Counter] = defaultdict(Counter)
        for f in facts:
            for v in f.data.get(slot) or []:
                if isinstance(v, str) and v:
                    k = (person_key(v) or v) if slot == "signatories" else v
                    labels[k][v] += 1
                    by[k].append(source_ref(f, slot_spans(f, slot, v)))
        values[slot] = [min(labels[k], key=lambda v: (-labels[k][v], -len(v), v)) for k in sorted(by)]
        fields[slot] = [{"value": values[slot][i], "key": k, "sources": by[k]} for i, k in enumerate(sorted(by))]
    e = Entity(
        kind="agreement", key="", block=block, values=values, fields=fields, flags=flags,
        sources=[SourceRow(f.doc.id, f.index, f.data.get("evidence") or [],
                           meeting_index=f.data.get("meeting") if isinstance(f.data.get("meeting"), int) else None)
                 for f in facts],
        confidence=combined_confidence(facts),
    )
    e.extra.update(documents=len({f.doc.id for f in facts}), refs=[f.ref for f in facts],
                   title_norm=_title_norm(min(facts, key=lambda f: f.ref)))
    values["predecessor"] = values["successor"] = values["sequence"] = None
    return e


def _chain_sequences(entities: list[Entity]) -> None:
    dated = [e for e in entities if e.values.get("valid_from") and e.values.get("kind") in _SEQUENCE_KINDS]
    dated.sort(key=lambda e: (e.values["valid_from"], e.values.get("valid_to") or 0, e.key))
    parent = {e.key: e.key for e in dated}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for i, a in enumerate(dated):
        for b in dated[i + 1:]:
            if a.values["kind"] == b.values["kind"] and \
                    _title_sim(a.extra["title_norm"], b.extra["title_norm"]) >= 50:
                ra, rb = find(a.key), find(b.key)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    chains: dict[str, list[Entity]] = defaultdict(list)
    for e in dated:
        chains[find(e.key)].append(e)
    for chain in chains.values():
        if len(chain) < 2:
            continue
        seq = chain[0].key
        for prev, nxt in zip(chain, chain[1:], strict=False):
            prev.values["successor"] = nxt.key
            nxt.values["predecessor"] = prev.key
        for e in chain:
            e.values["sequence"] = seq
