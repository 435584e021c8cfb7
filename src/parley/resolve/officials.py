"""Linking person mentions to the registry of well-known officials (domain/data/officials.json)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz

from parley.domain import load_entries
from parley.resolve.names import (
    canonical_given,
    family_key,
    fold,
    given_from_russian,
    is_patronymic,
    name_key,
    split_name,
    transliterate,
)

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
    givens: frozenset[str] = frozenset()  # canonical given names of the name and its English aliases
    family_first: bool = False  # written family name first ("Wang Yi")

    def spelled(self, written: str) -> str:
        """The official's name as a text that writes ``written`` names them: the English alias with
        the family name the text uses when that is not the name's own (Sirojiddin Aslov, who took
        the name Muhriddin in 2020), else the name. ``written``: the words of the name in the text,
        in Latin or Cyrillic letters, in any case form."""
        words = _WORD.findall(written)
        if self.family_first or not words or not self.aliases:
            return self.name
        word = transliterate(words[-1]) if _CYRILLIC.search(words[-1]) else words[-1]
        key = family_key(word)
        own = family_key(split_name(self.name)[-1])
        if not key or key.startswith(own) or _alike(key[:len(own)], own):
            return self.name  # the name's own family name, in some spelling (Shoygu is Shoigu)
        words_of_name = {family_key(w) for w in split_name(self.name)}
        for alias in self.aliases:
            fam = family_key(split_name(alias)[-1])
            # Another family name, not a spelling of the name's, nor a part of it ("Khurram Dastgir" Khan).
            if (len(fam) >= 3 and not _alike(fam, own) and fam not in words_of_name and key.startswith(fam)):
                return alias
        return self.name


def _alike(a: str, b: str) -> bool:
    """Two spellings of one family name (Shoigu, Shoygu; Zhaparov, Japarov), not two names."""
    return fuzz.ratio(a, b) >= 60


_WORD = re.compile(r"[^\W\d_]{2,}(?:-[^\W\d_]+)*")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def _ru(word: str) -> str:
    return word.lower().replace("ё", "е")


def _phrase(words: list[str]) -> tuple[str, ...]:
    """The capitalised words of a Russian name, folded: "Мухаммед бен Сальман" -> ("мухаммед", "сальман")."""
    out = []
    for w in words:
        for part in w.split():
            if part[:1].isupper():
                out.append(_ru(part))
    return tuple(out)


def _sequences(words: list[str]) -> list[list[str]]:
    """The names in a word list: callers pass a name's words as written followed by the same words
    in their nominative ("Махмудом Аббасом Махмуд Аббас"); each half is one name."""
    n = len(words)
    if n >= 2 and n % 2 == 0:
        a, b = words[: n // 2], words[n // 2:]
        if all(_ru(x)[:2] == _ru(y)[:2] for x, y in zip(a, b, strict=True)):
            return [a, b]
    return [words]


def _given_match(off: Official, words: list[str]) -> int:
    """How many words of the official's Russian given name the words name (first four letters)."""
    if not off.given_ru:
        return 0
    wanted = [_ru(g)[:4] for g in re.split(r"[\s-]+", off.given_ru) if g]
    have = {_ru(w)[:4] for w in words} | {_ru(p)[:4] for w in words for p in w.split("-")}
    return sum(1 for g in wanted if g in have)


# States whose names the media write family name first (China, the Koreas, Hong Kong, Macau, Taiwan).
_FAMILY_FIRST = {"CHN", "PRK", "KOR", "HKG", "MAC", "TWN"}


class Officials:
    def __init__(self, entries: list[dict]) -> None:
        self.all: list[Official] = []
        self._by_family: dict[str, list[Official]] = defaultdict(list)
        self._by_form_ru: dict[str, list[Official]] = defaultdict(list)
        self._by_phrase_ru: dict[tuple[str, ...], list[Official]] = defaultdict(list)
        for e in entries:
            names = [e["name"], *e.get("aliases_en", [])]
            keys = [k for k in (name_key(n) for n in names) if k]
            if e.get("state") in _FAMILY_FIRST:
                # "Wang Yi", "Dong Jun": the family name stands first; "Jun" alone is not Dong Jun.
                keys = [(family_key(w[0]), None) for w in (split_name(n) for n in names) if len(w) > 1] or keys
            fams = frozenset(k[0] for k in keys)
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
                givens=frozenset(k[1] for k in keys if k[1]),
                family_first=e.get("state") in _FAMILY_FIRST,
            )
            self.all.append(off)
            for f in fams:
                self._by_family[f].append(off)
            for f in forms:
                self._by_form_ru[f].append(off)
            for a in e.get("aliases_ru", []):
                key = _phrase([a])
                if len(key) >= 2 and off not in self._by_phrase_ru[key]:
                    self._by_phrase_ru[key].append(off)

    def by_family(self, family: str) -> list[Official]:
        return list(self._by_family.get(family_key(family), []))

    def lookup(self, name: str) -> Official | None:
        """The official a name written in Latin letters refers to, if exactly one fits."""
        key = name_key(name)
        if not key:
            return None
        words = split_name(name)
        if len(words) > 1:
            # "Wang Yi": a whole name written family name first.
            whole = fold(" ".join(words))
            first = [o for o in self._by_family.get(family_key(words[0]), [])
                     if o.family_first and whole in {fold(" ".join(split_name(n))) for n in (o.name, *o.aliases)}]
            if len(first) == 1:
                return first[0]
        fam, given = key
        cands = self._by_family.get(fam, [])
        if len(words) > 2 and len(cands) > 1:
            # "Muhammad Shehbaz Sharif": the official whose names share most words with a longer name.
            wanted = set(map(fold, words))
            shared = {o: len(wanted & {fold(w) for n in (o.name, *o.aliases) for w in split_name(n)}) for o in cands}
            best = max(shared.values())
            top = [o for o, n in shared.items() if n == best]
            # A tie goes to the official whose names have the word just before the family name ("Shehbaz").
            near = [o for o in top if fold(words[-2]) in {fold(w) for n in (o.name, *o.aliases) for w in split_name(n)}]
            if len(top) == 1 or len(near) == 1:
                return top[0] if len(top) == 1 else near[0]
        if given is not None:
            # A given name an English spelling of the official uses ("Tayyip Erdogan", "King Salman")
            # beats one that merely shares the initial.
            exact = [o for o in cands if given in o.givens]
            # An initial fits any given name with that letter; a given name written out fits another
            # spelling of it, not another name: Alen Simonyan is not Andranik Simonyan.
            initial = len(given.rstrip(".")) <= 2
            cands = exact or [o for o in cands if o.given is None or o.given == given
                              or (o.given[0] == given[0] if initial else o.given[:3] == given[:3])]
        return cands[0] if len(cands) == 1 else None

    def lookup_russian(self, words: list[str]) -> Official | None:
        """The official a Russian name (any case form, any word order) refers to.

        A whole name the registry lists (aliases_ru: "Си Цзиньпином", "Мухаммед бен Сальман") decides
        first. Otherwise a word must be one of the official's family-name forms, and a name whose
        family name seems to stand where the given name does must agree with the official's given
        name: "Ахмед Ваххаб" is not Abiy Ahmed, whose family name is Ахмед."""
        seqs = _sequences(words)
        for seq in seqs:
            hits = self._by_phrase_ru.get(_phrase(seq), [])
            if len(set(hits)) == 1:
                return hits[0]
        cands: list[Official] = []
        for w in words:
            cands.extend(self._by_form_ru.get(_ru(w), []))
        if not cands:
            return None
        uniq = list(dict.fromkeys(cands))
        uniq = [o for o in uniq if self._placed(o, seqs)]
        if len(uniq) > 1:
            scores = {o: _given_match(o, words) for o in uniq}
            best = max(scores.values())
            uniq = [o for o in uniq if best and scores[o] == best]
        if len(uniq) != 1:
            return None
        off = uniq[0]
        others = [w for w in words if _ru(w) not in off.family_forms_ru]
        if others and off.given_ru:
            # A different given name is a different person with the same family name: "Мухаммад Хусейн"
            # is not Mamnoon Hussain. A given name the table does not know may be another spelling.
            g_en = given_from_russian(others[0])
            own_ru = re.split(r"[\s-]", off.given_ru)[0]
            own = given_from_russian(own_ru)
            if g_en and g_en != own and not _given_match(off, others):
                return None
            if g_en is None and not _given_match(off, others) and _ru(others[0])[:2] != _ru(own_ru)[:2]:
                return None  # "Шерзод Мусаев" is not Ryskeldi Musaev: another spelling starts alike
        return off

    @staticmethod
    def _placed(off: Official, seqs: list[list[str]]) -> bool:
        """Whether the official's family name stands as a family name in the name: as its last word,
        before a patronymic (Шойгу Сергей Кужугетович), or next to the official's own given name
        (Ким Чен Ын, Рахмон Эмомали). "Ахмед Ваххаб" names Ахмед as a given name."""
        seen = False
        for seq in seqs:
            if not any(_ru(w) in off.family_forms_ru for w in seq):
                continue
            seen = True
            if len(seq) < 2 or _ru(seq[-1]) in off.family_forms_ru or is_patronymic(seq[-1]):
                return True
            if _given_match(off, [w for w in seq if _ru(w) not in off.family_forms_ru]):
                return True
        return not seen


@cache
def get_officials() -> Officials:
    return Officials(load_entries("officials"))
