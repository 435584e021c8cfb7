"""Fast dictionary matching of domain names (states, places, organisations) in analysed text.

English phrases match the text as written (case matters: "US" is not "us"); Russian
phrases match on lemmas, so that "в Москве", "Москвой" and "Москва" are one place,
with capitalised names required to be capitalised in the text ("Того" the state,
not "того" the pronoun). Aho-Corasick automata make a lookup one pass over the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import ahocorasick

from parley.nlp.base import Analysis

_WORD = re.compile(r"\w+(?:[-‐‑]\w+)*", re.U)


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    value: Any
    kind: str
    text: str


@dataclass(frozen=True)
class _Entry:
    value: Any
    kind: str
    capitalised: bool
    length: int


def _boundary_ok(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_")


class SurfaceGazetteer:
    """Phrases matched on the text as written (optionally ignoring case)."""

    def __init__(self, ignore_case: bool = False) -> None:
        self.ignore_case = ignore_case
        self._auto = ahocorasick.Automaton()
        self._size = 0

    def add(self, phrase: str, value: Any, kind: str) -> None:
        phrase = " ".join(phrase.split())
        if not phrase:
            return
        key = phrase.lower() if self.ignore_case else phrase
        if key in self._auto:
            return  # first registration wins: data files list the preferred reading first
        self._auto.add_word(key, (len(key), value, kind))
        self._size += 1

    def finalize(self) -> None:
        if self._size:
            self._auto.make_automaton()

    def find(self, text: str) -> list[Match]:
        if not self._size:
            return []
        hay = text.lower() if self.ignore_case else text
        # Line breaks and runs of blanked furniture are plain spaces to a phrase.
        hay = re.sub(r"\s", " ", hay)
        out = []
        for end_idx, (length, value, kind) in self._auto.iter(hay):
            start, end = end_idx - length + 1, end_idx + 1
            if _boundary_ok(hay, start, end):
                out.append(Match(start, end, value, kind, text[start:end]))
        return _longest(out)


class LemmaGazetteer:
    """Phrases matched on the lemmas of the analysed tokens (for inflected languages)."""

    def __init__(self, lemmatize: Callable[[str], str]) -> None:
        self.lemmatize = lemmatize
        self._auto = ahocorasick.Automaton()
        self._size = 0

    def key(self, phrase: str) -> str:
        return " ".join(self.lemmatize(w) for w in _WORD.findall(phrase))

    def add(self, phrase: str, value: Any, kind: str) -> None:
        words = _WORD.findall(phrase)
        if not words:
            return
        key = " " + " ".join(self.lemmatize(w) for w in words) + " "
        if key in self._auto:
            return
        capitalised = words[0][:1].isupper()
        self._auto.add_word(key, (_Entry(value, kind, capitalised, len(words)), key))
        self._size += 1

    def finalize(self) -> None:
        if self._size:
            self._auto.make_automaton()

    def find(self, analysis: Analysis) -> list[Match]:
        if not self._size:
            return []
        toks = [t for t in analysis.tokens if _WORD.fullmatch(t.text)]
        parts, starts = [" "], []
        pos = 1
        for t in toks:
            starts.append(pos)
            parts.append(t.lemma.lower() + " ")
            pos += len(t.lemma) + 1
        hay = "".join(parts)
        index = {p: i for i, p in enumerate(starts)}
        out = []
        for end_idx, (entry, key) in self._auto.iter(hay):
            first = index.get(end_idx - len(key) + 2)
            if first is None:
                continue
            last = first + entry.length - 1
            if last >= len(toks):
                continue
            if entry.capitalised and not toks[first].text[:1].isupper():
                continue
            s, e = toks[first].start, toks[last].end
            out.append(Match(s, e, entry.value, entry.kind, analysis.text[s:e]))
        return _longest(out)


def _longest(matches: Iterable[Match]) -> list[Match]:
    """Non-overlapping matches, preferring the longest (then the earliest)."""
    chosen: list[Match] = []
    taken: set[int] = set()
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
        span = range(m.start, m.end)
        if not any(i in taken for i in span):
            chosen.append(m)
            taken.update(span)
    return sorted(chosen, key=lambda m: m.start)


def merge_matches(*groups: Iterable[Match]) -> list[Match]:
    return _longest(m for g in groups for m in g)
