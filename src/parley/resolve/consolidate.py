"""Cross-document merging: many reports' facts -> one meeting, person, agreement, statement each.

Pure functions over plain data, so that the store can run them block by block and tests can
run them without a database. Every function here is deterministic: inputs are sorted by stable
keys (document id, item index) before anything is decided, ties are broken by value, and keys
of consolidated entities are built from their content, never from insertion order or random ids.
That is what makes "ingest twice" give the same database, and incremental consolidation of a
block give the same result as a full rebuild.

Blocks: facts are only ever compared with facts of the same block -
  meetings    ``s:<series>`` for a series, ``y:<year>`` (or ``y:-``) for the rest
  people      the family-name key
  agreements  the sorted parties (``BLR+RUS``; ``-`` when none is known)
  statements  the speaker's person key
"""

from __future__ import annotations

import calendar
import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from parley.resolve.names import family_key, fold, name_key, split_name

# --------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class DocMeta:
    """What consolidation needs to know about the document a fact came from."""

    id: str
    published: str | None = None
    outlet: str | None = None
    language: str | None = None
    url: str | None = None
    ref_date: str | None = None  # published, else the date of the meeting it reports


@dataclass
class FactIn:
    """One extracted item (its JSON, with fact-level corrections already applied)."""

    doc: DocMeta
    index: int
    data: dict[str, Any]
    corrected: dict[str, int] = field(default_factory=dict)  # field -> correction id that set it

    @property
    def ref(self) -> tuple[str, int]:
        return (self.doc.id, self.index)

    @property
    def confidence(self) -> float:
        c = self.data.get("confidence")
        return float(c) if isinstance(c, int | float) else 0.5


@dataclass(frozen=True)
class EntityCorrection:
    """A person's correction of a consolidated entity, applied on top of what the reports say."""

    id: int
    action: str  # accept | reject | edit | add | remove
    field: str | None
    new_value: Any
    author: str
    reason: str
    created_at: str
    target_key: str
    anchor: tuple[str, int] | None = None  # a source fact of the entity when it was corrected


# --------------------------------------------------------------------------- outputs


@dataclass
class Member:
    kind: str  # state | organization | person | topic
    value: str  # ISO3 code, organisation key, person key, topic key
    label: str
    sources: list[dict[str, Any]]


@dataclass
class SourceRow:
    document_id: str
    index: int
    evidence: list[list[int]]
    status: str | None = None
    meeting_index: int | None = None  # for statements and agreements: the item's `meeting`


@dataclass
class Entity:
    """A consolidated meeting, person, agreement or statement, ready to be stored."""

    kind: str
    key: str
    block: str
    values: dict[str, Any]  # the reconciled scalar fields
    fields: dict[str, list[dict[str, Any]]]  # per field: every candidate value with its sources
    flags: list[dict[str, Any]] = field(default_factory=list)
    members: list[Member] = field(default_factory=list)
    sources: list[SourceRow] = field(default_factory=list)
    confidence: float = 0.5
    reviewed: bool = False
    rejected: bool = False
    corrections: list[int] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # kind-specific rows (offices, aliases)


# --------------------------------------------------------------------------- dates

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_interval(start: str | None, end: str | None = None) -> tuple[date, date] | None:
    """The days a partial ISO date covers: "2025" is the whole year, "2025-11" the month."""
    a = _bounds(start)
    if a is None:
        return None
    b = _bounds(end) if end else None
    hi = b[1] if b and b[1] >= a[0] else a[1]
    return a[0], hi


def _bounds(value: str | None) -> tuple[date, date] | None:
    m = _DATE.match(value or "")
    if not m:
        return None
    y = int(m[1])
    try:
        if m[3]:
            d = date(y, int(m[2]), int(m[3]))
            return d, d
        if m[2]:
            mo = int(m[2])
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
        return date(y, 1, 1), date(y, 12, 31)
    except ValueError:
        return None


def precision(value: str | None) -> int:
    """3 for a day, 2 for a month, 1 for a year, 0 for nothing usable."""
    m = _DATE.match(value or "")
    if not m:
        return 0
    return 3 if m[3] else 2 if m[2] else 1


def year_of(value: str | None) -> int | None:
    m = _DATE.match(value or "")
    return int(m[1]) if m else None


def _gap_days(a: tuple[date, date], b: tuple[date, date]) -> int:
    """0 when the intervals overlap, else the days between them."""
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0


def _refines(general: str, specific: str) -> bool:
    """ "2025-11" is refined by "2025-11-05": not a disagreement, a more precise value."""
    return specific != general and specific.startswith(general + "-")


# --------------------------------------------------------------------------- people keys


@lru_cache(maxsize=200_000)
def person_key(name: str | None) -> str | None:
    """A person's identity key, a pure function of the name: ``family:initial``.

    Known officials are keyed by their registry name, so every spelling the registry knows
    (Aleksandr/Alexander, Wolfovich/Volfovich, Cyrillic) lands on one key; anyone else by the
    family-name key (transliteration differences folded) and the canonical given name's initial.
    A bare family name ("Shoigu") gets the family key alone; consolidation attaches it to the
    one person of that family, when there is exactly one.
    """
    if not name or not name.strip():
        return None
    official = _official(name)
    if official is not None:
        name = official
    key = name_key(name)
    if not key or not key[0]:
        return None
    fam, given = key
    return f"{fam}:{given[0]}" if given else fam


def family_of(key: str) -> str:
    return key.split(":", 1)[0]


@lru_cache(maxsize=200_000)
def _official(name: str) -> str | None:
    from parley.resolve.officials import get_officials

    reg = get_officials()
    words = split_name(name)
    off = reg.lookup_russian(words) if any(_is_cyrillic(w) for w in words) else reg.lookup(name)
    return off.name if off else None


def _is_cyrillic(word: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in word)


# --------------------------------------------------------------------------- blocks


def meeting_block(item: dict[str, Any]) -> str:
    if item.get("series"):
        return f"s:{item['series']}"
    y = year_of(item.get("start"))
    return f"y:{y}" if y else "y:-"


def agreement_block(item: dict[str, Any]) -> str:
    parties = sorted({p for p in item.get("parties") or [] if isinstance(p, str) and p})
    return "+".join(parties) if parties else "-"


def statement_block(item: dict[str, Any]) -> str:
    return person_key(item.get("speaker")) or "-"


def person_block(item: dict[str, Any]) -> str:
    key = person_key(item.get("name"))
    return family_of(key) if key else "-"


BLOCKERS = {
    "meeting": meeting_block,
    "agreement": agreement_block,
    "statement": statement_block,
    "person": person_block,
}


# --------------------------------------------------------------------------- small helpers


def slug(text: str | None, limit: int = 48) -> str:
    s = re.sub(r"[^\w]+", "-", fold(text or "")).strip("-")
    return s[:limit].rstrip("-") or "x"


def _src(f: FactIn, spans: Any = None) -> dict[str, Any]:
    """A value's source, kept small (it is repeated for every value of every report): the
    document and item; outlet, url and date are the document's, looked up when shown."""
    out: dict[str, Any] = {"document": f.doc.id, "item": f.index}
    if isinstance(spans, list) and spans:
        out["spans"] = spans
    return out


def _slot_spans(f: FactIn, slot: str, value: str | None = None) -> Any:
    sup = (f.data.get("support") or {}).get(slot)
    if value is not None and isinstance(sup, dict):
        return sup.get(value)
    return sup if isinstance(sup, list) else None


def _combined_confidence(facts: list[FactIn]) -> float:
    """Independent reports raise confidence: 1 - prod(1 - best confidence per document)."""
    best: dict[str, float] = {}
    for f in facts:
        best[f.doc.id] = max(best.get(f.doc.id, 0.0), f.confidence)
    miss = 1.0
    for c in best.values():
        miss *= 1.0 - min(max(c, 0.0), 0.999)
    return round(1.0 - miss, 3)


@dataclass
class _Candidate:
    value: Any
    facts: list[FactIn] = field(default_factory=list)
    docs: set[str] = field(default_factory=set)
    weight: float = 0.0

    def add(self, f: FactIn) -> None:
        self.facts.append(f)
        if f.doc.id not in self.docs:
            self.docs.add(f.doc.id)
        self.weight += f.confidence


def _candidates(facts: list[FactIn], slot: str, key=None) -> dict[Any, _Candidate]:
    out: dict[Any, _Candidate] = {}
    for f in facts:
        v = f.data.get(slot)
        if v is None or v == "":
            continue
        k = key(v) if key else v
        if k is None:
            continue
        out.setdefault(k, _Candidate(v)).add(f)
    return out


def _rank(c: _Candidate) -> tuple:
    return (-len(c.docs), -round(c.weight, 6), str(c.value))


def _field_entries(cands: dict[Any, _Candidate], slot: str, chosen_key: Any,
                   spans_slot: str | None = None, label=None) -> list[dict[str, Any]]:
    entries = []
    for k, c in sorted(cands.items(), key=lambda kv: _rank(kv[1])):
        srcs = []
        for f in sorted(c.facts, key=lambda f: f.ref):
            s = _src(f, _slot_spans(f, spans_slot or slot))
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


# --------------------------------------------------------------------------- meetings

MEETING_SETS = {"states": "state", "organizations": "organization", "persons": "person", "topics": "topic"}
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
            gap = _gap_days(m.interval, interval)
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
        rank = (score, len(m.persons & c.persons), -i)
        if best is None or rank > best:
            best, target = rank, c
    if target is not None or m.interval is not None:
        return target
    return _undated_target(m, clusters)


def _undated_target(m: _MF, clusters: list[_MCluster]) -> _MCluster | None:
    """An undated report: an announcement joins the next meeting held in its country after the
    report; a report of a held meeting joins the one meeting of its publication year and place."""
    pub = _bounds(m.f.doc.published or m.f.doc.ref_date)
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
        rank = (score, shared, -i)
        if best is None or rank > best:
            best, target = rank, c
    return target


def consolidate_meetings(block: str, facts: list[FactIn], corrections: list[EntityCorrection] = (),
                         series_years=_default_series_years) -> list[Entity]:
    """The block's meetings, each with reconciled fields, per-value sources and flags."""
    out = [_reconcile_meeting(block, group) for group in cluster_meetings(facts, series_years)]
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
    fields["status"] = _field_entries(_candidates(facts, "status"), "status", values["status"])

    # name: English forms first (the web and the terminal read English), then the most reported.
    names = _candidates(facts, "name")
    if names:
        held_names = _candidates(basis, "name")

        def name_rank(kv):
            c = kv[1]
            en = any((f.doc.language or "en") == "en" for f in c.facts)
            return (not en, -len(c.docs), -round(c.weight, 6), len(str(c.value)), str(c.value))
        chosen = min(held_names.items(), key=name_rank)[0]
        # A series meeting is named as the series names it (reports call it anything from
        # "fourteenth meeting" to a Russian headline); the reports' own names stay in ``fields``.
        values["name"] = _series_name(values_series(facts), _first_int(facts, "ordinal")) or chosen
        fields["name"] = _field_entries(names, "name", chosen)
    else:
        values["name"] = None

    for slot in ("format", "series", "ordinal"):
        cands = _candidates(facts, slot)
        chosen = min(cands.items(), key=lambda kv: _rank(kv[1]))[0] if cands else None
        values[slot] = cands[chosen].value if chosen is not None else None
        if cands:
            fields[slot] = _field_entries(cands, slot, chosen)
        if len(cands) > 1 and slot != "format":
            flags.append(_conflict(slot, cands))
    if values["format"] is None:
        values["format"] = "multilateral"

    # Dates: a partial date ("2025-11") supports the precise one it refines, never contradicts it.
    chosen_start = _choose_date(basis, "start", values, fields, flags)
    end_basis = [f for f in basis if chosen_start and f.data.get("start")
                 and (f.data["start"] == chosen_start or _refines(f.data["start"], chosen_start))]
    _choose_date(end_basis, "end", values, fields, flags)
    if held and len(held) < len(facts):
        planned = sorted({f.data.get("start") for f in facts if f not in held and f.data.get("start")})
        moved = [p for p in planned if chosen_start and p != chosen_start and not _refines(p, chosen_start)
                 and not _refines(chosen_start, p)]
        if moved:
            flags.append({"code": "rescheduled", "field": "start", "planned": moved, "held": chosen_start})

    for slot in ("place", "country"):
        cands = _candidates(basis, slot)
        if slot == "country" and values.get("place"):
            with_place = [f for f in basis if f.data.get("place") == values["place"]]
            pc = _candidates(with_place, "country")
            cands_for_choice = pc or cands
        else:
            cands_for_choice = cands
        chosen = min(cands_for_choice.items(), key=lambda kv: _rank(kv[1]))[0] if cands_for_choice else None
        values[slot] = chosen
        all_cands = _candidates(facts, slot)
        if all_cands:
            fields[slot] = _field_entries(all_cands, slot, chosen)
        if len(cands) > 1:
            flags.append(_conflict(slot, cands))

    chairs = _candidates(basis, "chair", key=person_key)
    if chairs:
        chosen = min(chairs.items(), key=lambda kv: _rank(kv[1]))[0]
        values["chair"] = chairs[chosen].value
        values["chair_key"] = chosen
        fields["chair"] = _field_entries(chairs, "chair", chosen, label=lambda k, c: k)
        if len(chairs) > 1:
            flags.append(_conflict("chair", chairs))
    else:
        values["chair"] = values["chair_key"] = None

    members = _set_members(facts, MEETING_SETS)
    entity = Entity(
        kind="meeting", key="", block=block, values=values, fields=fields, flags=flags, members=members,
        sources=[SourceRow(f.doc.id, f.index, f.data.get("evidence") or [], f.data.get("status") or "held")
                 for f in facts],
        confidence=_combined_confidence(facts),
    )
    entity.extra["first_reported"] = min((f.doc.ref_date for f in facts if f.doc.ref_date), default=None)
    entity.extra["documents"] = len({f.doc.id for f in facts})
    entity.extra["refs"] = [f.ref for f in facts]
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


def _choose_date(basis: list[FactIn], slot: str, values: dict, fields: dict, flags: list) -> str | None:
    cands = _candidates(basis, slot, key=lambda v: v if precision(v) else None)
    if not cands:
        values[slot] = None
        return None
    maximal = {k for k in cands if not any(_refines(k, o) for o in cands)}
    support: dict[str, _Candidate] = {}
    for k in sorted(maximal):
        c = _Candidate(k)
        for other, oc in cands.items():
            if other == k or _refines(other, k):
                for f in oc.facts:
                    c.add(f)
        support[k] = c
    chosen = min(support.items(), key=lambda kv: (-len(kv[1].docs), -round(kv[1].weight, 6), -precision(kv[0]),
                                                   kv[0]))[0]
    values[slot] = chosen
    fields[slot] = _field_entries(cands, slot, chosen)
    for e in fields[slot]:
        if e["value"] != chosen and _refines(e["value"], chosen):
            e["refined_by"] = chosen
    if len(maximal) > 1:
        flags.append(_conflict(slot, {k: support[k] for k in maximal}))
    return chosen


def _conflict(slot: str, cands: dict[Any, _Candidate]) -> dict[str, Any]:
    vals = sorted(cands.values(), key=_rank)
    return {
        "code": "conflict", "field": slot,
        "values": [{"value": c.value, "documents": sorted(c.docs)} for c in vals],
    }


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
                s = _src(f, _slot_spans(f, slot, v))
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

    _assign_keys(entities, base)


def _assign_keys(entities: list[Entity], base) -> None:
    """Content keys; where two entities share one, the better reported keeps it and the others
    get ``~<date or n>``, in an order that depends on content only."""
    by: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        by[base(e)].append(e)
    for b, group in by.items():
        group.sort(key=lambda e: (-e.extra.get("documents", 0), sorted(e.extra.get("refs", []))))
        taken = {b}
        group[0].key = b
        for n, e in enumerate(group[1:], start=2):
            alt = e.values.get("start") or e.values.get("signed") or e.values.get("date") or ""
            k = f"{b}~{alt}" if alt and f"{b}~{alt}" not in taken else f"{b}~{n}"
            while k in taken:
                n += 1
                k = f"{b}~{n}"
            taken.add(k)
            e.key = k


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


# --------------------------------------------------------------------------- corrections


def apply_corrections(entities: list[Entity], corrections) -> None:
    """Apply a person's corrections to the entities they target (by key, else by an anchor fact).

    Corrections are applied in the order they were made; each leaves its id on the entity and,
    for an edited value, on that value, so the record always shows what was changed by whom."""
    if not corrections:
        return
    by_key = {e.key: e for e in entities}
    by_ref = {ref: e for e in entities for ref in e.extra.get("refs", [])}
    for c in sorted(corrections, key=lambda c: c.id):
        e = by_key.get(c.target_key) or (by_ref.get(c.anchor) if c.anchor else None)
        if e is None:
            continue
        e.corrections.append(c.id)
        who = {"correction": c.id, "by": c.author, "why": c.reason, "at": c.created_at}
        if c.action == "reject":
            e.rejected = True
        elif c.action == "accept":
            # Accepting one field settles that field's conflict, nothing more: the entity stays
            # in review for its other conflicts and keeps its confidence. Only an accept without
            # a field accepts the whole entity.
            if c.field is None:
                e.reviewed = True
            for fl in e.flags:
                if c.field is None or fl.get("field") == c.field:
                    fl["resolved_by"] = c.id
        elif c.action == "edit" and c.field:
            e.values[c.field] = c.new_value
            if c.field == "chair":
                e.values["chair_key"] = person_key(c.new_value) if c.new_value else None
            entries = e.fields.setdefault(c.field, [])
            for entry in entries:
                entry["chosen"] = False
            entries.insert(0, {"value": c.new_value, "chosen": True, "documents": 0, "sources": [who]})
            for fl in e.flags:
                if fl.get("field") == c.field:
                    fl["resolved_by"] = c.id
            e.reviewed = True
        elif c.action in ("add", "remove") and c.field:
            _edit_list(e, c, who)


def _edit_list(e: Entity, c: EntityCorrection, who: dict[str, Any]) -> None:
    value = str(c.new_value)
    if e.kind == "meeting":
        kind = MEETING_SETS.get(c.field)
        if kind is None:
            return
        k = person_key(value) if kind == "person" else value
        if not k:
            return
        e.members = [m for m in e.members if not (m.kind == kind and m.value == k)]
        if c.action == "add":
            e.members.append(Member(kind, k, value, [who]))
            e.members.sort(key=lambda m: (list(MEETING_SETS.values()).index(m.kind), m.value))
        else:
            e.extra.setdefault("removed", []).append({"kind": kind, "value": k, **who})
    else:
        items = list(e.values.get(c.field) or [])
        if c.action == "add" and value not in items:
            items.append(value)
        elif c.action == "remove":
            items = [i for i in items if i != value]
        e.values[c.field] = sorted(items)
        e.fields.setdefault(c.field, []).insert(0, {"value": value, "action": c.action, "sources": [who]})


def apply_fact_corrections(data: dict[str, Any], corrections) -> tuple[dict[str, Any] | None, dict[str, int]]:
    """A fact's item with its corrections applied: (None, ...) when rejected."""
    corrected: dict[str, int] = {}
    if not corrections:
        return data, corrected
    data = dict(data)
    for c in sorted(corrections, key=lambda c: c.id):
        if c.action == "reject":
            return None, corrected
        if c.action == "edit" and c.field:
            data[c.field] = c.new_value
            corrected[c.field] = c.id
        elif c.action in ("add", "remove") and c.field:
            items = list(data.get(c.field) or [])
            if c.action == "add" and c.new_value not in items:
                items.append(c.new_value)
            elif c.action == "remove":
                items = [i for i in items if i != c.new_value]
            data[c.field] = items
            corrected[c.field] = c.id
        elif c.action == "accept" and not c.field:
            # A whole fact accepted is certain; a field accepted leaves the fact's confidence
            # (and so its entity's) as the reports make it.
            data["confidence"] = 1.0
            corrected["confidence"] = c.id
    return data, corrected


# --------------------------------------------------------------------------- people


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
    out = []
    for k in sorted(groups):
        out.append(_reconcile_person(block, k, sorted(groups[k], key=lambda f: f.ref)))
    apply_corrections(out, corrections)
    return out


@lru_cache(maxsize=1)
def _registry_titles() -> frozenset[str]:
    from parley.resolve.officials import get_officials

    return frozenset(t.title for o in get_officials().all for t in o.terms)


def _reconcile_person(block: str, key: str, facts: list[FactIn]) -> Entity:
    names = _candidates(facts, "name")
    official = next((o for o in (_official(str(c.value)) for c in names.values()) if o), None)
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
            rec["sources"].append({**_src(f, _slot_spans(f, "offices", o["title"])), "date": f.doc.ref_date})
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
        fields={"name": _field_entries(names, "name", next((k for k, c in names.items() if c.value == chosen),
                                                            None))},
        sources=[SourceRow(f.doc.id, f.index, f.data.get("evidence") or []) for f in facts],
        confidence=_combined_confidence(facts),
    )
    e.extra.update(offices=office_rows, alias_keys=alias_keys, spellings=sorted(spellings),
                   documents=len({f.doc.id for f in facts}), refs=[f.ref for f in facts])
    return e


# --------------------------------------------------------------------------- agreements

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

    _assign_keys(out, base)
    _chain_sequences(out)
    apply_corrections(out, corrections)
    return sorted(out, key=lambda e: e.key)


def _reconcile_agreement(block: str, facts: list[FactIn]) -> Entity:
    values: dict[str, Any] = {}
    fields: dict[str, list[dict[str, Any]]] = {}
    flags: list[dict[str, Any]] = []
    titles = _candidates(facts, "title")

    def title_rank(kv):
        c = kv[1]
        en = any((f.doc.language or "en") == "en" for f in c.facts)
        return (not en, -len(c.docs), len(str(c.value)), str(c.value))

    values["title"] = min(titles.items(), key=title_rank)[0] if titles else ""
    fields["title"] = _field_entries(titles, "title", values["title"])
    # An English report's own title is the best English title; else the extractor's translation.
    en_titles = _candidates([f for f in facts if (f.doc.language or "en") == "en"], "title")
    ten = en_titles or _candidates(facts, "title_en")
    values["title_en"] = min(ten.items(), key=title_rank)[0] if ten else None
    for slot in ("kind", "valid_from", "valid_to"):
        cands = _candidates(facts, slot)
        if slot == "kind" and len(cands) > 1:
            cands.pop("other", None) if any(k != "other" for k in cands) else None
        values[slot] = min(cands.items(), key=lambda kv: _rank(kv[1]))[0] if cands else None
        if cands:
            fields[slot] = _field_entries(cands, slot, values[slot])
        if len(cands) > 1 and slot != "kind":
            flags.append(_conflict(slot, cands))
    _choose_date(facts, "signed", values, fields, flags)
    for slot in ("parties", "signatories"):
        by: dict[str, list[dict[str, Any]]] = defaultdict(list)
        labels: dict[str, Counter] = defaultdict(Counter)
        for f in facts:
            for v in f.data.get(slot) or []:
                if isinstance(v, str) and v:
                    k = (person_key(v) or v) if slot == "signatories" else v
                    labels[k][v] += 1
                    by[k].append(_src(f, _slot_spans(f, slot, v)))
        values[slot] = [min(labels[k], key=lambda v: (-labels[k][v], -len(v), v)) for k in sorted(by)]
        fields[slot] = [{"value": values[slot][i], "key": k, "sources": by[k]} for i, k in enumerate(sorted(by))]
    e = Entity(
        kind="agreement", key="", block=block, values=values, fields=fields, flags=flags,
        sources=[SourceRow(f.doc.id, f.index, f.data.get("evidence") or [],
                           meeting_index=f.data.get("meeting") if isinstance(f.data.get("meeting"), int) else None)
                 for f in facts],
        confidence=_combined_confidence(facts),
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


# --------------------------------------------------------------------------- statements

_WINDOW_DAYS = 7  # one report's quotation inside another's: reports this close in time
_REPEAT_DAYS = 30  # the same words: reports this close in time


def quote_norm(quote: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", fold(quote)).split())


def consolidate_statements(block: str, facts: list[FactIn], corrections=()) -> list[Entity]:
    """The same quotation reported by several outlets is one statement: the same words, or one
    report's quotation contained in another's, from reports a few days apart."""
    facts = sorted(facts, key=lambda f: f.ref)
    by_norm: dict[str, list[FactIn]] = defaultdict(list)
    for f in facts:
        n = quote_norm(f.data.get("quote") or "")
        if n:
            by_norm[n].append(f)
    # The same words a month or more apart were said again (speakers repeat themselves);
    # an undated report joins the earliest saying.
    groups: list[list[FactIn]] = []
    for n in sorted(by_norm):
        dated = sorted((f for f in by_norm[n] if _bounds(f.doc.ref_date)), key=lambda f: (f.doc.ref_date, f.ref))
        undated = [f for f in by_norm[n] if not _bounds(f.doc.ref_date)]
        runs: list[list[FactIn]] = []
        last = None
        for f in dated:
            day = _bounds(f.doc.ref_date)[0]
            if last is None or (day - last).days > _REPEAT_DAYS:
                runs.append([])
            runs[-1].append(f)
            last = day
        if runs:
            runs[0].extend(undated)
        else:
            runs = [undated]
        groups.extend(runs)
    # Containment, compared only between reports close in time (keeps big speakers' blocks fast).
    dated = sorted(groups, key=lambda g: (g[0].doc.ref_date or "", g[0].ref))
    merged: dict[int, int] = {}
    norms = [quote_norm(g[0].data.get("quote") or "") for g in dated]
    ivs = [_bounds(g[0].doc.ref_date) for g in dated]
    for i in range(len(dated)):
        if i in merged or len(norms[i]) < 40:
            continue
        for j in range(i + 1, len(dated)):
            if ivs[i] and ivs[j] and (ivs[j][0] - ivs[i][0]).days > _WINDOW_DAYS:
                break
            if j in merged or len(norms[j]) < 40 or bool(ivs[i]) != bool(ivs[j]):
                continue
            if norms[i] in norms[j] or norms[j] in norms[i]:
                merged[j] = i
    final: dict[int, list[FactIn]] = {}
    for i, g in enumerate(dated):
        root = i
        while root in merged:
            root = merged[root]
        final.setdefault(root, []).extend(g)
    out = [_reconcile_statement(block, g) for _, g in sorted(final.items())]
    _assign_keys(out, lambda e: e.extra["base"])  # the same words said again get ~<date>
    apply_corrections(out, corrections)
    return sorted(out, key=lambda e: e.key)


def _reconcile_statement(block: str, facts: list[FactIn]) -> Entity:
    facts = sorted(facts, key=lambda f: f.ref)
    quotes = _candidates(facts, "quote")
    longest = max(quotes.values(), key=lambda c: (len(str(c.value)), -len(c.docs), str(c.value)))
    speakers = _candidates(facts, "speaker")
    speaker = min(speakers.values(), key=_rank).value if speakers else None
    digest = hashlib.sha1(quote_norm(longest.value).encode("utf-8")).hexdigest()[:12]
    langs = Counter(f.doc.language for f in facts if f.doc.language)
    e = Entity(
        kind="statement", key="", block=block,
        values={"speaker": speaker, "speaker_key": block if block != "-" else None, "quote": longest.value,
                "language": min(langs, key=lambda k: (-langs[k], k)) if langs else None,
                "date": min((f.doc.ref_date for f in facts if f.doc.ref_date), default=None)},
        fields={"quote": _field_entries(quotes, "quote", longest.value)},
        sources=[SourceRow(f.doc.id, f.index, f.data.get("evidence") or [],
                           meeting_index=f.data.get("meeting") if isinstance(f.data.get("meeting"), int) else None)
                 for f in facts],
        confidence=_combined_confidence(facts),
    )
    e.extra.update(documents=len({f.doc.id for f in facts}), refs=[f.ref for f in facts], base=f"{block}/{digest}")
    return e


# --------------------------------------------------------------------------- series timelines


@dataclass
class TimelineMeeting:
    key: str
    ordinal: int | None
    start: str | None
    status: str
    place: str | None = None
    sources: int = 0
    flags: list[str] = field(default_factory=list)


@dataclass
class TimelineEntry:
    ordinal: int | None
    year: int | None
    state: str  # held | planned | missing
    meeting: str | None = None
    start: str | None = None
    place: str | None = None
    sources: int = 0
    inferred_ordinal: bool = False
    expected_year: int | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class Timeline:
    series: str
    regular: str | None  # "annual" when the ordinals and years show one meeting a year
    offset: int | None  # year - ordinal for an annual series
    entries: list[TimelineEntry]

    @property
    def missing(self) -> list[TimelineEntry]:
        return [e for e in self.entries if e.state == "missing"]


def build_timeline(series: str, meetings: list[TimelineMeeting], known: tuple[tuple[int, int], ...] = (),
                   regular: str | None = None) -> Timeline:
    """Meetings of a series in order, ordinals checked against dates, gaps listed.

    The (ordinal, year) pairs of held meetings and of the public record decide whether the
    series meets once a year (year - ordinal constant: the IX in 2021 and the XIII in 2025);
    then every ordinal between the first and last seen that no report covers is listed as
    missing with its expected year, a meeting whose year disagrees with its ordinal is flagged,
    and an unnumbered meeting alone in an expected year is given that ordinal (marked inferred)."""
    points = sorted({(m.ordinal, year_of(m.start)) for m in meetings
                     if m.ordinal is not None and year_of(m.start) and m.status == "held"} | set(known))
    offsets = Counter(y - o for o, y in points if o is not None and y is not None)
    offset = None
    if offsets:
        best, n = offsets.most_common(1)[0]
        consistent = n >= 2 and n >= 2 * sum(offsets.values()) / 3
        if consistent or (regular == "annual" and len(offsets) == 1):
            offset = best
    is_annual = offset is not None
    entries: list[TimelineEntry] = []
    numbered = {m.ordinal for m in meetings if m.ordinal is not None}
    for m in meetings:
        e = TimelineEntry(ordinal=m.ordinal, year=year_of(m.start), state=m.status, meeting=m.key, start=m.start,
                          place=m.place, sources=m.sources, notes=list(m.flags))
        if is_annual and m.ordinal is not None:
            e.expected_year = m.ordinal + offset
            if e.year is not None and e.year != e.expected_year:
                e.notes.append(f"ordinal {m.ordinal} implies {e.expected_year}, reported {e.year}")
        entries.append(e)
    known_ords = sorted(numbered | {o for o, _ in known})
    if known_ords:
        lo, hi = known_ords[0], known_ords[-1]
        # Planned meetings and announced ordinals extend the range only as far as they are reported.
        for o in range(lo, hi + 1):
            if o in numbered:
                continue
            exp = o + offset if is_annual else None
            entries.append(TimelineEntry(ordinal=o, year=exp, state="missing", expected_year=exp,
                                         notes=["inferred"]))
    if is_annual:
        missing_by_year = defaultdict(list)
        for e in entries:
            if e.state == "missing" and e.expected_year:
                missing_by_year[e.expected_year].append(e)
        unnumbered_by_year = defaultdict(list)
        for e in entries:
            if e.ordinal is None and e.year and e.state == "held":
                unnumbered_by_year[e.year].append(e)
        for y, gaps in missing_by_year.items():
            if len(gaps) == 1 and len(unnumbered_by_year.get(y, [])) == 1:
                e = unnumbered_by_year[y][0]
                e.ordinal, e.inferred_ordinal, e.expected_year = gaps[0].ordinal, True, y
                e.notes.append(f"probably meeting {gaps[0].ordinal} (the only one reported in {y})")
                entries.remove(gaps[0])
    entries.sort(key=lambda e: (e.year or e.expected_year or 9999, e.start or "", e.ordinal or 0, e.meeting or ""))
    return Timeline(series=series, regular="annual" if is_annual else regular, offset=offset, entries=entries)


__all__ = [
    "BLOCKERS", "DocMeta", "Entity", "EntityCorrection", "FactIn", "Member", "SourceRow", "Timeline",
    "TimelineEntry", "TimelineMeeting", "apply_corrections", "apply_fact_corrections", "build_timeline",
    "cluster_meetings", "consolidate_agreements", "consolidate_meetings", "consolidate_people",
    "consolidate_statements", "family_key", "office_key", "parse_interval", "person_key", "precision",
    "quote_norm", "year_of",
]
