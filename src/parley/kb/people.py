"""People: one record per identity key, with spellings, offices over time and sources.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache
from typing import Any

from parley.kb.candidates import candidates, combined_confidence, field_entries, slot_spans, source_ref
from parley.kb.corrections import apply_corrections
from parley.kb.identity import judged
from parley.kb.keys import assign_keys, family_of, official_name, person_key
from parley.kb.model import Entity, FactIn, SourceRow
from parley.resolve.names import fold


def office_key(title: str, state: str | None, organization: str | None) -> str:
    from parley.resolve.officials import title_words

    words = " ".join(sorted(title_words(title))) or fold(title)
    return f"{words}|{state or ''}|{organization or ''}"


def consolidate_people(block: str, facts: list[FactIn], corrections=()) -> list[Entity]:
    """One person per identity key; a bare family name joins the block's one named person."""
    groups: dict[str, list[FactIn]] = defaultdict(list)
    for f in sorted(facts, key=lambda f: f.ref):
        k = person_key(f.data.get("name"))
        if k:
            groups[k].append(f)
    full = sorted(k for k in groups if ":" in k)
    for k in sorted(k for k in groups if ":" not in k):
        if len([x for x in full if family_of(x) == k]) == 1:
            target = next(x for x in full if family_of(x) == k)
            groups[target].extend(groups.pop(k))
    clusters = judged([groups[k] for k in sorted(groups)], corrections)
    out = [_reconcile_person(block, _cluster_key(c), sorted(c, key=lambda f: f.ref)) for c in clusters]
    # Judgements can make two records of one key (a split) or one of two: the better reported
    # keeps the key, the others get ``~2``... (without judgements every key is already unique).
    assign_keys(out, lambda e: e.key)
    out.sort(key=lambda e: e.key)
    apply_corrections(out, corrections)
    return out


def _cluster_key(facts: list[FactIn]) -> str:
    """The key most of a group's facts have, a full one (``family:initial``) before a bare family."""
    keys = Counter(k for k in (person_key(f.data.get("name")) for f in facts) if k)
    return min(keys, key=lambda k: (":" not in k, -keys[k], k))


@lru_cache(maxsize=1)
def _registry_titles() -> frozenset[str]:
    from parley.resolve.officials import get_officials

    return frozenset(t.title for o in get_officials().all for t in o.terms)


def _reconcile_person(block: str, key: str, facts: list[FactIn]) -> Entity:
    names = candidates(facts, "name")
    official = next((o for o in (official_name(str(c.value)) for c in names.values()) if o), None)
    if official:
        chosen = official
    else:
        chosen = min(names.values(), key=lambda c: (-len(c.docs), -len(str(c.value)), str(c.value))).value
    spellings: dict[str, str] = {}
    for f in facts:
        for n in [f.data.get("name"), *(f.data.get("aliases") or [])]:
            if isinstance(n, str) and n.strip():
                spellings.setdefault(fold(n).strip(), n.strip())
    aliases = sorted(v for k, v in spellings.items() if k != fold(chosen))
    offices: dict[str, dict[str, Any]] = {}
    for f in facts:
        for o in f.data.get("offices") or []:
            if not isinstance(o, dict) or not o.get("title"):
                continue
            ok = office_key(o["title"], o.get("state"), o.get("organization"))
            rec = offices.setdefault(ok, {"key": ok, "titles": Counter(), "state": o.get("state"),
                                          "organization": o.get("organization"), "dates": [], "sources": []})
            rec["titles"][o["title"]] += 1
            if f.doc.ref_date:
                rec["dates"].append(f.doc.ref_date)
            rec["sources"].append({**source_ref(f, slot_spans(f, "offices", o["title"])), "date": f.doc.ref_date})
    office_rows = []
    registry = _registry_titles()
    for ok in sorted(offices):
        rec = offices[ok]
        titles = rec["titles"]
        office_rows.append({
            "key": ok,
            # The registry's wording when it has one ("Secretary of the Security Council", not
            # "Security Council Secretary"), else the most reported, the more formal (longer) first.
            "title": min(titles, key=lambda t: (t not in registry, -titles[t], -len(t), t)),
            "state": rec["state"], "organization": rec["organization"],
            "first_seen": min(rec["dates"], default=None), "last_seen": max(rec["dates"], default=None),
            "documents": len({s["document"] for s in rec["sources"]}),
            "sources": sorted(rec["sources"], key=lambda s: (s["document"], s["item"])),
        })
    dates = [f.doc.ref_date for f in facts if f.doc.ref_date]
    alias_keys = sorted({k for k in (person_key(n) for n in spellings.values()) if k} | {key})
    e = Entity(
        kind="person", key=key, block=block,
        values={"name": chosen, "aliases": aliases, "official": bool(official),
                "first_seen": min(dates, default=None), "last_seen": max(dates, default=None)},
        fields={"name": field_entries(names, "name", next((k for k, c in names.items() if c.value == chosen),
                                                            None))},
        sources=[SourceRow(f.doc.id, f.index, f.data.get("evidence") or []) for f in facts],
        confidence=combined_confidence(facts),
    )
    e.extra.update(offices=office_rows, alias_keys=alias_keys, spellings=sorted(spellings),
                   documents=len({f.doc.id for f in facts}), refs=[f.ref for f in facts])
    return e
