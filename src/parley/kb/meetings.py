"""Meetings: reports clustered into meetings (series and ordinal, dates within tolerance, place)
and each cluster reconciled into one record, conflicting values kept and flagged.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
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
from parley.kb.dates import bounds, gap_days, parse_interval, precision, refines, year_of
from parley.kb.identity import judged
from parley.kb.keys import assign_keys, person_key
from parley.kb.model import MEETING_SETS, Entity, EntityCorrection, FactIn, Member, SourceRow

_HELD_TOLERANCE = 3  # days between two "held" dates of one meeting (time zones, "yesterday", typos)
_PLANNED_TOLERANCE = 62  # an announced date may slip by a month or two


@dataclass
class _MF:
    """A meeting fact with its features precomputed."""

    f: FactIn
    series: str | None
    ordinal: int | None
    interval: tuple[date, date] | None
    prec: int
    year: int | None
    held: bool
    place: str | None
    country: str | None
    persons: frozenset[str]
    states: frozenset[str]
    fmt: str


class _MCluster:
    def __init__(self) -> None:
        self.members: list[_MF] = []
        # Distinct (interval, precision, held) of the members: a meeting reported 500 times has
        # two or three, and date checks run against these, not against every report.
        self.dates: set[tuple[tuple[date, date], int, bool]] = set()
        self.formats: set[str] = set()
        self.states: set[str] = set()
        self.ordinals: set[int] = set()
        self.years: set[int] = set()
        self.places: set[str] = set()
        self.countries: set[str] = set()
        self.persons: set[str] = set()

    def add(self, m: _MF) -> None:
        self.members.append(m)
        if m.interval is not None:
            self.dates.add((m.interval, m.prec, m.held))
        self.formats.add(m.fmt)
        self.states |= m.states
        if m.ordinal is not None:
            self.ordinals.add(m.ordinal)
        if m.year is not None:
            self.years.add(m.year)
        if m.place:
            self.places.add(m.place)
        if m.country:
            self.countries.add(m.country)
        self.persons |= m.persons

    @property
    def held(self) -> bool:
        return any(m.held for m in self.members)

    def date_score(self, m: _MF) -> int | None:
        """3 same days, 2 overlapping (partial dates), 1 within tolerance, None incompatible,
        0 when either side has no date at all."""
        if m.interval is None or not self.dates:
            return 0
        best: int | None = None
        for interval, prec, held in self.dates:
            gap = gap_days(m.interval, interval)
            tol = _HELD_TOLERANCE if (m.held and held) else _PLANNED_TOLERANCE
            if gap == 0:
                s = 3 if (m.prec == 3 and prec == 3 and m.interval == interval) else 2
            elif gap <= tol and m.prec >= 2 and prec >= 2:
                s = 1
            else:
                continue
            best = s if best is None else max(best, s)
        return best

    def place_ok(self, m: _MF) -> bool:
        if m.place and self.places and m.place not in self.places:
            return False
        return not (m.country and self.countries and m.country not in self.countries)


def _meeting_features(f: FactIn, series_years) -> _MF:
    d = f.data
    ordinal = d.get("ordinal") if isinstance(d.get("ordinal"), int) else None
    iv = parse_interval(d.get("start"), d.get("end"))
    year = year_of(d.get("start"))
    if year is None and ordinal is not None and d.get("series"):
        year = series_years(d["series"], ordinal)
    persons = frozenset(k for k in (person_key(p) for p in d.get("persons") or []) if k)
    return _MF(
        f=f, series=d.get("series"), ordinal=ordinal, interval=iv, prec=precision(d.get("start")),
        year=year, held=(d.get("status") or "held") != "planned", place=d.get("place") or None,
        country=d.get("country") or None, persons=persons,
        states=frozenset(s for s in d.get("states") or [] if isinstance(s, str)),
        fmt=d.get("format") or "multilateral",
    )


def _default_series_years(series: str, ordinal: int) -> int | None:
    from parley.domain.registry import get_domain

    s = get_domain().series.get(series)
    return s.year_of(ordinal) if s else None


def cluster_meetings(facts: list[FactIn], series_years=_default_series_years) -> list[list[FactIn]]:
    """Group one block's meeting facts into meetings.

    Series meetings: facts with the same ordinal are one meeting unless their years differ;
    a fact without an ordinal joins the meeting whose dates agree (same days, or within a few
    days for two "held" reports, within two months for an announced date) and whose place does
    not contradict it; an undated announcement joins the next meeting held in its country.
    Other meetings (talks, conferences) also need the same format and shared participants.
    """
    feats = [_meeting_features(f, series_years) for f in sorted(facts, key=lambda f: f.ref)]
    clusters: list[_MCluster] = []
    in_series = any(m.series for m in feats)

    # Strongest facts first, so clusters are seeded by the most informative reports.
    def order(m: _MF) -> tuple:
        return (m.ordinal is None, m.ordinal or 0, -m.prec, not m.held, m.f.data.get("start") or "", m.f.ref)

    by_day: dict[int, list[int]] = defaultdict(list)  # other meetings: clusters by day, for blocking
    index_of: dict[int, int] = {}
    for m in sorted(feats, key=order):
        if m.ordinal is not None:
            # Numbered facts come first; one that fits no cluster of its ordinal (another year)
            # becomes a separate meeting, flagged as a duplicate ordinal later.
            target = _ordinal_target(m, clusters)
        elif in_series:
            target = _series_target(m, clusters)
        else:
            near = _near(m, by_day)
            target = _other_target(m, [(i, clusters[i]) for i in near])
        if target is None:
            target = _MCluster()
            index_of[id(target)] = len(clusters)
            clusters.append(target)
        target.add(m)
        if not in_series and m.interval is not None and m.interval[1].toordinal() - m.interval[0].toordinal() < 40:
            idx = index_of[id(target)]
            for day in range(m.interval[0].toordinal(), m.interval[1].toordinal() + 1):
                if idx not in by_day[day]:
                    by_day[day].append(idx)
    return [[x.f for x in c.members] for c in clusters]


def _near(m: _MF, by_day: dict[int, list[int]]) -> list[int]:
    """Clusters with a day within the held tolerance of this fact's days (partial dates spanning
    a month or a year are not indexed: they pair only through precise reports)."""
    if m.interval is None:
        return []
    lo, hi = m.interval[0].toordinal() - _HELD_TOLERANCE, m.interval[1].toordinal() + _HELD_TOLERANCE
    if hi - lo > 60:
        return []
    return sorted({i for d in range(lo, hi + 1) for i in by_day.get(d, ())})


def _ordinal_target(m: _MF, clusters: list[_MCluster]) -> _MCluster | None:
    for c in clusters:
        if m.ordinal in c.ordinals and (m.year is None or not c.years or m.year in c.years):
            return c
    return None


def _series_target(m: _MF, clusters: list[_MCluster]) -> _MCluster | None:
    best: tuple | None = None
    target = None
    for i, c in enumerate(clusters):
        if m.interval is None:
            continue
        score = c.date_score(m)
        if not score or not c.place_ok(m):
            continue
        order = (score, len(m.persons & c.persons), -i)
        if best is None or order > best:
            best, target = order, c
    if target is not None or m.interval is not None:
        return target
    return _undated_target(m, clusters)


def _undated_target(m: _MF, clusters: list[_MCluster]) -> _MCluster | None:
    """An undated report: an announcement joins the next meeting held in its country after the
    report; a report of a held meeting joins the one meeting of its publication year and place."""
    pub = bounds(m.f.doc.published or m.f.doc.ref_date)
    if pub is None or not (m.place or m.country):
        return None
    fits = []
    for c in clusters:
        if not c.place_ok(m) or not (c.places or c.countries):
            continue
        ivs = [x.interval for x in c.members if x.interval and x.held]
        if not ivs:
            continue
        first = min(iv[0] for iv in ivs)
        announced_before = not m.held and pub[0] <= first and (first - pub[0]).days <= 400
        reported_after = m.held and first.year == pub[0].year and first <= pub[1]
        if announced_before or reported_after:
            fits.append((first, c))
    if not fits:
        return None
    if m.held and len(fits) > 1:
        return None
    return min(fits, key=lambda t: t[0])[1]


def _other_target(m: _MF, clusters: list[tuple[int, _MCluster]]) -> _MCluster | None:
    if m.interval is None:
        return None
    best: tuple | None = None
    target = None
    for i, c in clusters:
        if c.formats != {m.fmt}:
            continue
        score = c.date_score(m)
        if not score or (score < 2 and not (m.held and c.held)) or not c.place_ok(m):
            continue
        shared = len(m.persons & c.persons)
        same_states = bool(m.states) and m.states == c.states
        if not (shared >= 2 or (shared == 1 and same_states)
                or (not m.persons and same_states and score == 3 and m.place)):
            continue
        order = (score, shared, -i)
        if best is None or order > best:
            best, target = order, c
    return target


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
    def base(e: Entity) -> str:
        v = e.values
        if v.get("series"):
            if v.get("ordinal") is not None:
                return f"{v['series']}/{v['ordinal']}"
            if v.get("start"):
                return f"{v['series']}/{v['start']}"
            return f"{v['series']}/undated-{slug(v.get('place') or v.get('country') or 'unplaced')}"
        return f"{v.get('format') or 'meeting'}/{v.get('start') or 'undated'}/" \
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
