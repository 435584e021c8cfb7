"""Identity keys and blocks: a person's key from any spelling, the block each kind of fact is
compared within, and content keys for consolidated entities.

Blocks: facts are only ever compared with facts of the same block -
  meetings    ``y:<year>`` of the meeting (``y:-`` when nothing gives a year), series or not, so
              that a report naming the series and one naming only the date and place meet
  people      the family-name key
  agreements  the sorted parties (``BLR+RUS``; ``-`` when none is known)
  statements  the speaker's person key
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from parley.kb.dates import year_of
from parley.kb.model import Entity
from parley.resolve.names import name_key, split_name


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
    official = official_name(name)
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
def official_name(name: str) -> str | None:
    from parley.resolve.officials import get_officials

    reg = get_officials()
    words = split_name(name)
    off = reg.lookup_russian(words) if any(_is_cyrillic(w) for w in words) else reg.lookup(name)
    return off.name if off else None


def _is_cyrillic(word: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in word)

def meeting_year(item: dict[str, Any], ref_date: str | None = None) -> int | None:
    """The year a meeting fact is about: its own date's; undated, the year the registry gives
    its series' ordinal, else the year of the report's reference date (published, else the
    meeting it reports). A report published in early January of a meeting in late December
    without saying the date lands in the next year and stays apart: the price of year blocks."""
    y = year_of(item.get("start"))
    if y is None and isinstance(item.get("ordinal"), int) and isinstance(item.get("series"), str) and item["series"]:
        y = series_year(item["series"], item["ordinal"])
    return y if y is not None else year_of(ref_date)


def series_year(series: str, ordinal: int) -> int | None:
    from parley.domain.registry import get_domain

    s = get_domain().series.get(series)
    return s.year_of(ordinal) if s else None


def meeting_block(item: dict[str, Any], ref_date: str | None = None) -> str:
    y = meeting_year(item, ref_date)
    return f"y:{y}" if y else "y:-"


def agreement_block(item: dict[str, Any], ref_date: str | None = None) -> str:
    parties = sorted({p for p in item.get("parties") or [] if isinstance(p, str) and p})
    return "+".join(parties) if parties else "-"


def statement_block(item: dict[str, Any], ref_date: str | None = None) -> str:
    return person_key(item.get("speaker")) or "-"


def person_block(item: dict[str, Any], ref_date: str | None = None) -> str:
    key = person_key(item.get("name"))
    return family_of(key) if key else "-"


# kind -> its block from a fact's item and its document's reference date (meetings use the date).
BLOCKERS: dict[str, Callable[[dict[str, Any], str | None], str]] = {
    "meeting": meeting_block,
    "agreement": agreement_block,
    "statement": statement_block,
    "person": person_block,
}


def assign_keys(entities: list[Entity], base) -> None:
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
