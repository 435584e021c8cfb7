"""Linking person mentions to the registry of well-known officials (domain/data/officials.json)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from parley.domain import load_entries
from parley.resolve.names import canonical_given, family_key, fold, given_from_russian, name_key, split_name

_TITLE_WORDS = re.compile(r"[a-z]+")
_STOP = {"of", "the", "to", "under", "for", "and", "in", "at"}


def title_words(title: str) -> frozenset[str]:
    words = {w.replace("defense", "defence").replace("adviser", "advisor") for w in _TITLE_WORDS.findall(fold(title))}
    return frozenset(words - _STOP)


@dataclass(frozen=True)
class Term:
    title: str
    state: str | None
    organization: str | None
    start: str | None
    end: str | None

    def covers(self, when: str | None) -> bool:
        if when is None:
            return self.end is None
        return (self.start is None or self.start[: len(when)] <= when) and (
            self.end is None or when[: len(self.end)] <= self.end
        )


@dataclass(frozen=True)
class Official:
    name: str
    aliases: tuple[str, ...]
    given: str | None
    family_keys: frozenset[str]
    given_ru: str | None
    family_forms_ru: frozenset[str]
    terms: tuple[Term, ...]


def _ru(word: str) -> str:
    return word.lower().replace("ё", "е")


class Officials:
    def __init__(self, entries: list[dict]) -> None:
        self.all: list[Official] = []
        self._by_family: dict[str, list[Official]] = defaultdict(list)
        self._by_form_ru: dict[str, list[Official]] = defaultdict(list)
        for e in entries:
            names = [e["name"], *e.get("aliases_en", [])]
            fams = frozenset(k[0] for k in (name_key(n) for n in names) if k)
            forms = {_ru(f) for f in e.get("family_forms_ru", [])}
            if e.get("family_ru"):
                forms.add(_ru(e["family_ru"]))
            words = split_name(e["name"])
            off = Official(
                name=e["name"],
                aliases=tuple(e.get("aliases_en", [])),
                given=fold(canonical_given(words[0])) if len(words) > 1 else None,
                family_keys=fams,
                given_ru=e.get("given_ru"),
                family_forms_ru=frozenset(forms),
                terms=tuple(
                    Term(o["title"], o.get("state"), o.get("organization"), o.get("from"), o.get("to"))
                    for o in e.get("offices", [])
                ),
            )
            self.all.append(off)
            for f in fams:
                self._by_family[f].append(off)
            for f in forms:
                self._by_form_ru[f].append(off)

    def by_family(self, family: str) -> list[Official]:
        return list(self._by_family.get(family_key(family), []))

    def lookup(self, name: str) -> Official | None:
        """The official a name written in Latin letters refers to, if exactly one fits."""
        key = name_key(name)
        if not key:
            return None
        fam, given = key
        cands = self._by_family.get(fam, [])
        if given is not None:
            cands = [o for o in cands if o.given is None or o.given == given or o.given[0] == given[0]]
        return cands[0] if len(cands) == 1 else None

    def lookup_russian(self, words: list[str]) -> Official | None:
        """The official a Russian name (any case form, any word order) refers to."""
        cands: list[Official] = []
        for w in words:
            cands.extend(self._by_form_ru.get(_ru(w), []))
        if not cands:
            return None
        uniq = list(dict.fromkeys(cands))
        if len(uniq) > 1:
            givens = {_ru(w) for w in words}
            uniq = [o for o in uniq if o.given_ru and any(_ru(o.given_ru)[:4] == g[:4] for g in givens)]
        if len(uniq) != 1:
            return None
        off = uniq[0]
        others = [w for w in words if _ru(w) not in off.family_forms_ru]
        if others and off.given_ru:
            # A different given name is a different person with the same family name.
            g_en = given_from_russian(others[0])
            if g_en and off.given and fold(g_en)[0] != off.given[0]:
                return None
        return off



@cache
def get_officials() -> Officials:
    return Officials(load_entries("officials"))
