"""Series timelines: the meetings of a series in order, missing ordinals and date checks.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from parley.kb.dates import year_of


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
