"""Meetings: reports clustered into meetings (``meeting_clusters``: series or body, ordinal,
dates within tolerance, place, participants) and each cluster reconciled into one record,
conflicting values kept and flagged.
"""

from __future__ import annotations

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
from parley.kb.dates import refines
from parley.kb.identity import judged
from parley.kb.keys import assign_keys, person_key
from parley.kb.keys import series_year as _default_series_years
from parley.kb.meeting_clusters import cluster_meetings
from parley.kb.model import MEETING_SETS, Entity, EntityCorrection, FactIn, Member, SourceRow


def consolidate_meetings(block: str, facts: list[FactIn], corrections: list[EntityCorrection] = (),
                         series_years=_default_series_years) -> list[Entity]:
    """The block's meetings, each with reconciled fields, per-value sources and flags."""
    out = [_reconcile_meeting(block, group) for group in judged(cluster_meetings(facts, series_years), corrections)]
    _assign_meeting_keys(out)
    _flag_duplicate_ordinals(out)
    apply_corrections(out, corrections)
    return sorted(out, key=lambda e: e.key)


def _reconcile_meeting(block: str, facts: list[FactIn]) -> Entity:
    facts = sorted(facts, key=lambda f: f.ref)
    held = [f for f in facts if (f.data.get("status") or "held") != "planned"]
    basis = held or facts  # announced dates and places give way to reports of the meeting itself
    values: dict[str, Any] = {}
    fields: dict[str, list[dict[str, Any]]] = {}
    flags: list[dict[str, Any]] = []

    values["status"] = "held" if held else "planned"
    fields["status"] = field_entries(candidates(facts, "status"), "status", values["status"])

    # name: English forms first (the web and the terminal read English), then the most reported.
    names = candidates(facts, "name")
    if names:
        held_names = candidates(basis, "name")

        def name_rank(kv):
            c = kv[1]
            en = any((f.doc.language or "en") == "en" for f in c.facts)
            return (not en, -len(c.docs), -round(c.weight, 6), len(str(c.value)), str(c.value))
        chosen = min(held_names.items(), key=name_rank)[0]
        # A series meeting is named as the series names it (reports call it anything from
        # "fourteenth meeting" to a Russian headline); the reports' own names stay in ``fields``.
        values["name"] = _series_name(values_series(facts), _first_int(facts, "ordinal")) or chosen
        fields["name"] = field_entries(names, "name", chosen)
    else:
        values["name"] = None

    for slot in ("format", "series", "ordinal"):
        cands = candidates(facts, slot)
        chosen = min(cands.items(), key=lambda kv: rank(kv[1]))[0] if cands else None
        values[slot] = cands[chosen].value if chosen is not None else None
        if cands:
            fields[slot] = field_entries(cands, slot, chosen)
        if len(cands) > 1 and slot != "format":
            flags.append(conflict_flag(slot, cands))
    if values["format"] is None:
        values["format"] = "multilateral"

    # Dates: a partial date ("2025-11") supports the precise one it refines, never contradicts it.
    chosen_start = choose_date(basis, "start", values, fields, flags)
    end_basis = [f for f in basis if chosen_start and f.data.get("start")
                 and (f.data["start"] == chosen_start or refines(f.data["start"], chosen_start))]
    choose_date(end_basis, "end", values, fields, flags)
    if held and len(held) < len(facts):
        planned = sorted({f.data.get("start") for f in facts if f not in held and f.data.get("start")})
        moved = [p for p in planned if chosen_start and p != chosen_start and not refines(p, chosen_start)
                 and not refines(chosen_start, p)]
        if moved:
            flags.append({"code": "rescheduled", "field": "start", "planned": moved, "held": chosen_start})

    for slot in ("place", "country"):
        cands = candidates(basis, slot)
        if slot == "country" and values.get("place"):
            with_place = [f for f in basis if f.data.get("place") == values["place"]]
            pc = candidates(with_place, "country")
            cands_for_choice = pc or cands
        else:
            cands_for_choice = cands
        chosen = min(cands_for_choice.items(), key=lambda kv: rank(kv[1]))[0] if cands_for_choice else None
        values[slot] = chosen
        all_cands = candidates(facts, slot)
        if all_cands:
            fields[slot] = field_entries(all_cands, slot, chosen)
        if len(cands) > 1:
            flags.append(conflict_flag(slot, cands))

    chairs = candidates(basis, "chair", key=person_key)
    if chairs:
        chosen = min(chairs.items(), key=lambda kv: rank(kv[1]))[0]
        values["chair"] = chairs[chosen].value
        values["chair_key"] = chosen
        fields["chair"] = field_entries(chairs, "chair", chosen, label=lambda k, c: k)
        if len(chairs) > 1:
            flags.append(conflict_flag("chair", chairs))
    else:
        values["chair"] = values["chair_key"] = None

    members = _set_members(facts, MEETING_SETS)
    entity = Entity(
        kind="meeting", key="", block=block, values=values, fields=fields, flags=flags, members=members,
        sources=[SourceRow(f.doc.id, f.index, f.data.get("evidence") or [], f.data.get("status") or "held")
                 for f in facts],
        confidence=combined_confidence(facts),
    )
    entity.extra["first_reported"] = min((f.doc.ref_date for f in facts if f.doc.ref_date), default=None)
    entity.extra["documents"] = len({f.doc.id for f in facts})
    entity.extra["refs"] = [f.ref for f in facts]
    # The body that met, as most reports name it (canonical English names): the label's head
    # when there is no series.
    bodies = candidates(basis, "body")
    entity.extra["body"] = min(bodies.values(), key=rank).value if bodies else None
    return entity


def values_series(facts: list[FactIn]) -> str | None:
    return next((f.data["series"] for f in facts if f.data.get("series")), None)


def _first_int(facts: list[FactIn], slot: str) -> int | None:
    return next((f.data[slot] for f in facts if isinstance(f.data.get(slot), int)), None)


def _series_name(series: str | None, ordinal: int | None) -> str | None:
    if not series:
        return None
    from parley.domain.registry import get_domain

    s = get_domain().series.get(series)
    if s is None:
        return None
    if ordinal is None:
        return s.name
    suffix = "th" if 10 <= ordinal % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(ordinal % 10, "th")
    return f"{ordinal}{suffix} {s.name}"


def _set_members(facts: list[FactIn], slots: dict[str, str]) -> list[Member]:
    out: list[Member] = []
    for slot, kind in slots.items():
        by: dict[str, list[tuple[str, FactIn]]] = defaultdict(list)
        for f in facts:
            for v in f.data.get(slot) or []:
                if not isinstance(v, str) or not v:
                    continue
                k = person_key(v) if kind == "person" else v
                if k:
                    by[k].append((v, f))
        for k in sorted(by):
            labels = Counter(v for v, _ in by[k])
            label = min(labels, key=lambda v: (-labels[v], -len(v), v))
            srcs = []
            for v, f in sorted(by[k], key=lambda t: t[1].ref):
                s = source_ref(f, slot_spans(f, slot, v))
                if slot in f.corrected:
                    s["correction"] = f.corrected[slot]
                srcs.append(s)
            out.append(Member(kind, k, label, srcs))
    return out


def _assign_meeting_keys(entities: list[Entity]) -> None:
    """Keys from content. A key with no date in it carries the block's year: another year's
    block may hold an undated meeting of the same place."""
    def base(e: Entity) -> str:
        v = e.values
        year = e.block[2:] if e.block.startswith("y:") and e.block != "y:-" else None
        undated = f"undated-{year}" if year else "undated"
        if v.get("series"):
            if v.get("ordinal") is not None:
                return f"{v['series']}/{v['ordinal']}"
            if v.get("start"):
                return f"{v['series']}/{v['start']}"
            return f"{v['series']}/{undated}-{slug(v.get('place') or v.get('country') or 'unplaced')}"
        return f"{v.get('format') or 'meeting'}/{v.get('start') or undated}/" \
               f"{slug(v.get('place') or v.get('country') or 'unplaced')}"

    assign_keys(entities, base)


def _flag_duplicate_ordinals(entities: list[Entity]) -> None:
    by: dict[tuple, list[Entity]] = defaultdict(list)
    for e in entities:
        if e.values.get("series") and e.values.get("ordinal") is not None:
            by[(e.values["series"], e.values["ordinal"])].append(e)
    for group in by.values():
        if len(group) > 1:
            for e in group:
                e.flags.append({"code": "duplicate_ordinal", "field": "ordinal",
                                "others": sorted(o.key for o in group if o is not e)})
