"""Which reports are about one meeting: a block's meeting facts grouped into meetings.

A report joins a meeting when two independent keys agree and none contradicts:

  same series (or body) and ordinal                       the 13th CIS secretaries' meeting
  same ordinal and same or overlapping dates              even when one report names no series
  same series or body and a date within tolerance         a report without the ordinal
  same dates and place, and two shared participants, or   a report naming no body at all
    a name of the same words
  an undated report: the one meeting of its body (or, with no body named, the one meeting)
    held at its place shortly before the report, or with no place named the one meeting of its
    body within the month before it; an announcement: the next one of its body held there

and never across two series, two bodies, two ordinals, two formats, two places, or two held
dates further apart than the tolerance, except that one date read wrongly gives way to the
same series and ordinal, to the same series and place (or participants) within a month, or
to the same body named again by a report of the meeting (the meeting is then flagged with a
conflict on its date, not split). An undated report with two candidate meetings stays apart,
and an announcement is never the meeting its own report is about. Two items of one report may
be one meeting (a headline and the text each named it).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from parley.kb.bodies import Body, meeting_body, same_body
from parley.kb.dates import bounds, gap_days, parse_interval, precision, year_of
from parley.kb.keys import person_key, series_year
from parley.kb.model import FactIn
from parley.resolve.names import fold

HELD_TOLERANCE = 3  # days between two "held" dates of one meeting (time zones, "yesterday", typos)
PLANNED_TOLERANCE = 62  # an announced date may slip by a month or two
MISREAD_DAYS = 31  # one date read wrongly, outvoted by body, place and participants: within a month
MENTION_DAYS = 31  # an undated report of a meeting of no named body: published within a month of it
ANNOUNCED_DAYS = 400  # an undated announcement: the next meeting of its body held there within a year or so
_INDEXED_SPAN = 40  # dates spanning more days (a month is fine, a year is not) are not indexed by day
_NAME_SIMILAR = 0.5  # share of the distinct words two names have in common for "a name of the same words"

SeriesYears = Callable[[str, int], int | None]


@dataclass
class _MF:
    """A meeting fact with its features precomputed."""

    f: FactIn
    series: str | None
    body: Body | None
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
    words: frozenset[str]


class _MCluster:
    def __init__(self, index: int) -> None:
        self.index = index
        self.members: list[_MF] = []
        # Distinct (interval, precision, held) of the members: a meeting reported 500 times has
        # two or three, and date checks run against these, not against every report.
        self.dates: set[tuple[tuple[date, date], int, bool]] = set()
        self.formats: set[str] = set()
        self.states: set[str] = set()
        self.series: set[str] = set()
        self.bodies: set[Body] = set()
        self.ordinals: set[int] = set()
        self.years: set[int] = set()
        self.places: set[str] = set()
        self.countries: set[str] = set()
        self.persons: set[str] = set()
        self.docs: set[str] = set()
        self.names: set[frozenset[str]] = set()
        self.first_held: date | None = None

    def add(self, m: _MF) -> None:
        self.members.append(m)
        if m.interval is not None:
            self.dates.add((m.interval, m.prec, m.held))
            # A year or month alone ("the meeting in 2018") does not say when it was held.
            if m.held and m.prec == 3 and (self.first_held is None or m.interval[0] < self.first_held):
                self.first_held = m.interval[0]
        self.formats.add(m.fmt)
        self.states |= m.states
        if m.series:
            self.series.add(m.series)
        if m.body:
            self.bodies.add(m.body)
        if m.ordinal is not None:
            self.ordinals.add(m.ordinal)
        if m.year is not None:
            self.years.add(m.year)
        if m.place:
            self.places.add(m.place)
        if m.country:
            self.countries.add(m.country)
        self.persons |= m.persons
        self.docs.add(m.f.doc.id)
        if m.words and len(self.names) < 20:
            self.names.add(m.words)

    @property
    def held(self) -> bool:
        return any(m.held for m in self.members)

    def date_score(self, m: _MF) -> int | None:
        """3 same days, 2 overlapping (partial dates), 1 within tolerance, None incompatible,
        0 when either side has no date at all."""
        if m.interval is None or not self.dates:
            return 0
        # A report of the meeting held is checked against the others that say it was held, when
        # there are: an announced date may have slipped, a held one may not.
        against_held = m.held and any(h for _, _, h in self.dates)
        best: int | None = None
        for interval, prec, held in self.dates:
            if against_held and not held:
                continue
            gap = gap_days(m.interval, interval)
            tol = HELD_TOLERANCE if (m.held and held) else PLANNED_TOLERANCE
            if gap == 0:
                s = 3 if (m.prec == 3 and prec == 3 and m.interval == interval) else 2
            elif gap <= tol and m.prec >= 2 and prec >= 2:
                s = 1
            else:
                continue
            best = s if best is None else max(best, s)
        return best

    def misread(self, m: _MF) -> bool:
        """Every held date of the cluster within a month of the fact's: one of them may be a
        misreading, as opposed to another meeting of the same body months later."""
        if m.interval is None or not m.held or m.prec < 3:
            return False
        held = [iv for iv, _, h in self.dates if h]
        return bool(held) and all(gap_days(m.interval, iv) <= MISREAD_DAYS for iv in held)

    def place_ok(self, m: _MF) -> bool:
        if m.place and self.places and m.place not in self.places:
            return False
        return not (m.country and self.countries and m.country not in self.countries)

    def same_place(self, m: _MF) -> bool:
        """The place agrees (the city, or the country when one side names no city)."""
        if m.place and m.place in self.places:
            return True
        return bool(m.country and m.country in self.countries and (not m.place or not self.places))

    def same_body(self, m: _MF) -> bool:
        if m.series and m.series in self.series:
            return True
        return bool(m.body and self.bodies and all(same_body(m.body, b) for b in self.bodies))

    def body_conflict(self, m: _MF) -> bool:
        if m.series and self.series and m.series not in self.series:
            return True
        return bool(m.body and any(not same_body(m.body, b) for b in self.bodies))

    def same_year(self, m: _MF) -> bool:
        return m.year is None or not self.years or m.year in self.years

    def similar_name(self, m: _MF) -> bool:
        return any(_jaccard(m.words, n) >= _NAME_SIMILAR for n in self.names)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _name_words(name: str | None) -> frozenset[str]:
    """A name's distinctive words, cut to five letters so that Russian case endings agree
    ("совместное заседание" and "совместного заседания")."""
    return frozenset(w[:5] for w in re.findall(r"[^\W\d_]{4,}", fold(name or "")))


def _features(f: FactIn, series_years: SeriesYears) -> _MF:
    d = f.data
    ordinal = d.get("ordinal") if isinstance(d.get("ordinal"), int) else None
    year = year_of(d.get("start"))
    if year is None and ordinal is not None and d.get("series"):
        year = series_years(d["series"], ordinal)
    persons = frozenset(k for k in (person_key(p) for p in d.get("persons") or [] if isinstance(p, str)) if k)
    return _MF(
        f=f, series=d.get("series") or None, body=meeting_body(d), ordinal=ordinal,
        interval=parse_interval(d.get("start"), d.get("end")), prec=precision(d.get("start")), year=year,
        held=(d.get("status") or "held") != "planned", place=d.get("place") or None,
        country=d.get("country") or None, persons=persons,
        states=frozenset(s for s in d.get("states") or [] if isinstance(s, str)),
        fmt=d.get("format") or "multilateral", words=_name_words(d.get("name")),
    )


def _order(m: _MF) -> tuple:
    """Strongest facts first, so that meetings are seeded by the most informative reports:
    numbered reports of a known body, then dated reports of a known body, then other dated
    reports, then undated ones."""
    identified = m.series is not None or m.body is not None
    cls = (0 if m.ordinal is not None and identified else 1 if identified else 2) if m.interval else 3
    return (cls, m.series or "", m.ordinal or 0, -m.prec, not m.held, m.f.data.get("start") or "", m.f.ref)


class _Index:
    """The clusters of a block by ordinal, series, body, day and place: a fact is compared with
    the clusters it could join, never with every cluster of a year."""

    def __init__(self) -> None:
        self.clusters: list[_MCluster] = []
        self.by_ordinal: dict[int, set[int]] = defaultdict(set)
        self.by_series: dict[str, set[int]] = defaultdict(set)
        self.by_body: dict[str, set[int]] = defaultdict(set)  # by body key, any organisation
        self.by_day: dict[int, set[int]] = defaultdict(set)
        self.by_place: dict[str, set[int]] = defaultdict(set)

    def new(self) -> _MCluster:
        c = _MCluster(len(self.clusters))
        self.clusters.append(c)
        return c

    def add(self, c: _MCluster, m: _MF) -> None:
        c.add(m)
        i = c.index
        if m.ordinal is not None:
            self.by_ordinal[m.ordinal].add(i)
        if m.series:
            self.by_series[m.series].add(i)
        for k, _ in m.body or ():
            self.by_body[k].add(i)
        if m.interval is not None and (m.interval[1] - m.interval[0]).days < _INDEXED_SPAN:
            for day in range(m.interval[0].toordinal(), m.interval[1].toordinal() + 1):
                self.by_day[day].add(i)
        for p in (m.place, m.country):
            if p:
                self.by_place[p].add(i)

    def near(self, m: _MF) -> list[_MCluster]:
        found: set[int] = set()
        if m.ordinal is not None:
            found |= self.by_ordinal.get(m.ordinal, set())
        if m.series:
            found |= self.by_series.get(m.series, set())
        for k, _ in m.body or ():
            found |= self.by_body.get(k, set())
        if m.interval is not None:
            # Reports of a meeting announced for a day up to two months away, or held the same days.
            lo = m.interval[0].toordinal() - PLANNED_TOLERANCE
            hi = m.interval[1].toordinal() + PLANNED_TOLERANCE
            if hi - lo <= _INDEXED_SPAN + 2 * PLANNED_TOLERANCE:
                for day in range(lo, hi + 1):
                    found |= self.by_day.get(day, set())
        else:
            for p in (m.place, m.country):
                if p:
                    found |= self.by_place.get(p, set())
        return [self.clusters[i] for i in sorted(found)]


def cluster_meetings(facts: list[FactIn], series_years: SeriesYears = series_year) -> list[list[FactIn]]:
    """Group one block's meeting facts into meetings (the rules are in the module's docstring)."""
    feats = sorted((_features(f, series_years) for f in sorted(facts, key=lambda f: f.ref)), key=_order)
    index = _Index()
    for m in feats:
        near = index.near(m)
        target = _dated_target(m, near) if m.interval is not None or m.ordinal is not None else None
        if target is None and m.interval is None:
            target = _undated_target(m, near)
        if target is None:
            target = index.new()
        index.add(target, m)
    return [[x.f for x in c.members] for c in index.clusters]


def _dated_target(m: _MF, near: list[_MCluster]) -> _MCluster | None:
    """The cluster a fact fits best by its keys (the best ranked; ties go to the first made)."""
    best: tuple | None = None
    target = None
    for c in near:
        rank = _fit(m, c)
        if rank is not None and (best is None or rank > best):
            best, target = rank, c
    return target


def _fit(m: _MF, c: _MCluster) -> tuple | None:
    """How well a fact fits a cluster (higher is better), None when it must not join it."""
    if c.body_conflict(m) or (m.ordinal is not None and c.ordinals and m.ordinal not in c.ordinals):
        return None
    same_body = c.same_body(m)
    numbered = m.ordinal is not None and m.ordinal in c.ordinals
    date = c.date_score(m)
    shared = len(m.persons & c.persons)
    if numbered and same_body:
        # The same series (or body) and ordinal: one meeting, unless its years differ.
        if date is None and not c.same_year(m):
            return None
        return (3, date or 0, shared, -c.index)
    if c.formats != {m.fmt} or not c.place_ok(m):
        return None
    if date is None:
        # One date read wrongly, within a month: a report of the same series (bodies that meet
        # once or twice a year, not a permanent council sitting every few weeks) at the same
        # place or with the same participants, or the same body named again by a report of the
        # meeting with one of its participants (a festival's date taken for the meeting's).
        series_says = m.series in c.series and (c.same_place(m) or shared >= 2)
        report_says = m.f.doc.id in c.docs and same_body and (c.same_place(m) or shared >= 1)
        if (series_says or report_says) and c.same_year(m) and c.misread(m):
            return (1, 0, shared, -c.index)
        return None
    if date == 0:
        return None
    if (numbered and date >= 2) or (same_body and date >= 1):
        return (2, date, shared, -c.index)
    both_held = m.held and c.held
    if date < 2 and not both_held:
        return None
    same_states = bool(m.states) and m.states == c.states
    if shared >= 2 or (shared == 1 and same_states) or (not m.persons and same_states and date == 3 and m.place):
        return (1, date, shared, -c.index)
    # A sitting of several bodies ("joint session of the foreign and defence ministers") names
    # no one body: the same days, place and name. Not talks: their participants are what
    # tells them apart, and names of talks are all alike.
    disjoint = bool(m.persons and c.persons) and not shared
    if m.fmt == "multilateral" and date >= 2 and not disjoint and c.same_place(m) and c.similar_name(m):
        return (1, date, shared, -c.index)
    return None


def _undated_target(m: _MF, near: list[_MCluster]) -> _MCluster | None:
    """An undated report joins the one meeting of its body held at its place earlier in the year
    it was published (with no body named: within a month, of the same format; with no place
    named: its body's within a month); an announcement, the next meeting of its body held there.
    Two candidates: it stays apart."""
    ref = bounds(m.f.doc.published or m.f.doc.ref_date)
    placed = bool(m.place or m.country)
    if ref is None or (m.body is None and not placed) or (not m.held and (m.body is None or not placed)):
        return None  # "a meeting will take place in Moscow", "the meeting": too little to go on
    fits: list[tuple[date, _MCluster]] = []
    for c in near:
        first = c.first_held
        # An announcement ("the next meeting will be in Armenia") is never the meeting its own
        # report is about.
        if (first is None or (not m.held and m.f.doc.id in c.docs) or c.body_conflict(m) or not c.place_ok(m)
                or (placed and not c.same_place(m))):
            continue
        if m.body is not None and not c.same_body(m):
            continue
        if m.body is None and c.formats != {m.fmt}:
            continue
        if m.held:
            # Its place named, the body's meeting there that year; not named, a passing mention
            # ("the recent meeting of the secretaries"): the body's one meeting within the month.
            window = 366 if m.body is not None and placed else MENTION_DAYS
            ok = first <= ref[1] and (ref[0] - first).days <= window and first.year == ref[0].year
        else:
            ok = ref[0] <= first and (first - ref[0]).days <= ANNOUNCED_DAYS
        if ok:
            fits.append((first, c))
    if not fits:
        return None
    if m.held:
        return fits[0][1] if len(fits) == 1 else None
    return min(fits, key=lambda t: (t[0], t[1].index))[1]
