"""The cheap pre-filter for crawls: keep a page only when it is in a language Parley reads and holds
the domain's vocabulary, before any trafilatura pass or language model runs on it.

The vocabulary is the domain data itself (organisations, meeting series, bodies, offices,
institutions; parley.domain), in every language it names things in, so a name added there is
found here too. Every name becomes a regular expression (the data's own patterns, or a literal
name made into one); a literal that any match of it must contain (its *factor*) goes into one
Aho-Corasick automaton, so a page is scanned once whatever the size of the vocabulary, and a
term's expression is only run on pages where its factor occurs.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cache
from re import _parser as sre_parse  # type: ignore[attr-defined]  # the stdlib's own regex parser

import ahocorasick

from parley.domain import load_entries
from parley.nlp.detect import MIN_LETTERS, body_sample, detect_language

# Terms that name the domain's own things: one is enough to keep a page. An organisation that
# convenes meetings (organizations.json "convenes": CIS, CSTO, SCO, ...) is one; others (the UN,
# the EU) are named in any foreign news, and count like offices.
STRONG = ("organisation", "series", "body")
# Office titles, state institutions and other organisations occur in any political news: two
# different ones are needed.
WEAK_NEEDED = 2
LANGUAGE_SAMPLE = 2000
# A factor shorter than this would occur in nearly every page and spare no expression a run.
_MIN_FACTOR = 2
_WORD = re.compile(r"\w+")
_CYRILLIC = re.compile(r"[а-яё]", re.I)
# Russian inflects names ("Содружества Независимых Государств"): a word of a literal name keeps its
# stem, the ending is free. Short words ("СНГ" aside, which is an abbreviation) are kept whole.
_RU_ENDING = 2
_RU_SHORT = 5


@dataclass(frozen=True)
class Term:
    kind: str  # organisation, series, body, office, institution
    label: str  # what the report says was found: the entry's key or English name
    pattern: re.Pattern[str]


class PageFilter:
    """``reason(text)``: None when a page is kept, else why it is not (the ``filter`` stage's reason)."""

    def __init__(self, terms: Iterable[Term], languages: Collection[str]) -> None:
        self.terms = list(terms)
        self.languages = frozenset(languages)
        self._automaton = ahocorasick.Automaton()
        by_factor: dict[str, list[int]] = {}
        for index, term in enumerate(self.terms):
            factors = required_factors(term.pattern)
            if factors is None or min(map(len, factors)) < _MIN_FACTOR:
                raise ValueError(f"{term.kind} {term.label!r}: pattern {term.pattern.pattern!r} has no literal "
                                 f"of {_MIN_FACTOR}+ characters that every match contains")
            for factor in factors:
                by_factor.setdefault(factor.lower(), []).append(index)
        for factor, indexes in by_factor.items():
            self._automaton.add_word(factor, indexes)
        self._automaton.make_automaton()

    def _candidates(self, text: str) -> set[int]:
        """The terms whose factor occurs in ``text``: the only ones whose expression can match."""
        return {i for _, indexes in self._automaton.iter(text.lower()) for i in indexes}

    def reason(self, text: str) -> str | None:
        # The vocabulary is asked first: it costs a scan, where telling the language costs a model call.
        candidates = self._candidates(text)
        # Strong terms first, and no more expressions run than the decision needs.
        ordered = sorted(candidates, key=lambda i: (self.terms[i].kind not in STRONG, i))
        weak: set[str] = set()
        decided = False
        for i in ordered:
            term = self.terms[i]
            if term.label in weak or not term.pattern.search(text):
                continue
            if term.kind in STRONG:
                decided = True
                break
            weak.add(term.label)
            if len(weak) >= WEAK_NEEDED:
                decided = True
                break
        if not decided:
            if weak:
                return "no domain vocabulary (one office, institution or other organisation is not enough)"
            return "no domain vocabulary"
        sample = body_sample(text, LANGUAGE_SAMPLE)
        language = detect_language(sample)
        if language in self.languages:
            return None
        if language is None or sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
            return "language: too little text to tell"
        return f"language: {language} (Parley reads {', '.join(sorted(self.languages))})"


@cache
def default_filter() -> PageFilter:
    """The pre-filter over the whole domain vocabulary, built once per process."""
    terms = domain_terms()
    return PageFilter(terms, domain_languages())


def domain_languages() -> list[str]:
    """The languages the domain data names things in (``names_en``, ``names_ru``, ...): the
    languages Parley reads, since a language it has no names in yields no record."""
    keys = {key for entry in load_entries("organizations") for key in entry}
    return sorted(key.removeprefix("names_") for key in keys if re.fullmatch(r"names_[a-z]{2}", key))


def domain_terms() -> list[Term]:
    """Every name the domain data gives an organisation, a series, a body, an office or an institution."""
    languages = domain_languages()
    terms: list[Term] = []
    for entry in load_entries("organizations"):
        kind = "organisation" if entry.get("convenes") else "other organisation"
        for language in languages:
            for name in [*(entry.get(f"names_{language}") or []), *(entry.get(f"abbreviations_{language}") or [])]:
                terms.append(Term(kind, entry["key"], _literal(name)))
    for entry in load_entries("series"):
        for language in languages:
            for pattern in entry.get(f"names_{language}") or []:
                terms.append(Term("series", entry["key"], _pattern(pattern)))
    for entry in load_entries("bodies"):
        for language in languages:
            for pattern in entry.get(language) or []:
                terms.append(Term("body", entry["key"], _pattern(pattern)))
            for name in entry.get(f"abbreviations_{language}") or []:
                terms.append(Term("body", entry["key"], _literal(name)))
    for entry in load_entries("offices"):
        # A one-word title (Director, Expert, Chairman) says nothing about the domain on its own.
        if len(entry["en"].split()) > 1:
            terms.append(Term("office", entry["en"], _literal(entry["en"])))
        for pattern in entry.get("ru") or []:
            terms.append(Term("office", entry["en"], _pattern(pattern)))
    for entry in load_entries("institutions"):
        for name in entry["names"]:
            terms.append(Term("institution", name, _literal(name)))
    return terms


def required_factors(pattern: re.Pattern[str]) -> list[str] | None:
    """Literals one of which every match of ``pattern`` contains (the longest such choice found),
    or None when no literal is certain."""
    return _sequence(sre_parse.parse(pattern.pattern, pattern.flags))


def _sequence(items: Iterable[tuple[object, object]]) -> list[str] | None:
    """A sequence's best factor set: a run of literal characters, or an element's own factor set."""
    candidates: list[list[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            candidates.append(["".join(run)])
            run.clear()

    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            run.append(chr(arg))  # type: ignore[arg-type]
        elif name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # zero-width: the characters either side stay adjacent
        elif name == "SUBPATTERN":
            inner = list(arg[-1])  # type: ignore[index]
            if all(str(o) == "LITERAL" for o, _ in inner):
                run.extend(chr(a) for _, a in inner)  # type: ignore[arg-type]
            else:
                close_run()
                _add(candidates, _sequence(inner))
        elif name == "BRANCH":
            close_run()
            branches = [_sequence(branch) for branch in arg[1]]  # type: ignore[index]
            if all(b is not None for b in branches):
                _add(candidates, [factor for b in branches for factor in b])  # type: ignore[union-attr]
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            close_run()
            low, _, inner = arg  # type: ignore[misc]
            if low >= 1:
                _add(candidates, _sequence(inner))
        else:
            close_run()
    close_run()
    if not candidates:
        return None
    # The set whose shortest literal is longest is the rarest on unrelated pages.
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)))


def _add(candidates: list[list[str]], factors: list[str] | None) -> None:
    if factors:
        candidates.append(factors)


def _literal(name: str) -> re.Pattern[str]:
    """A name as a whole-word expression: abbreviations as written, others in any case, Russian
    words with free endings."""
    letters = [c for c in name if c.isalpha()]
    if letters and len(letters) <= 6 and all(c.isupper() for c in letters):
        return re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)")
    if _CYRILLIC.search(name):
        words = [w if len(w) <= _RU_SHORT else w[:-_RU_ENDING] for w in _WORD.findall(name)]
        return re.compile(r"(?<!\w)" + r"\W+".join(re.escape(w) + r"\w*" for w in words), re.I)
    return re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, name.split())) + r"(?!\w)", re.I)


def _pattern(pattern: str) -> re.Pattern[str]:
    """One of the data's own expressions, as the extractors match it (case-insensitively, whole words)."""
    return re.compile(r"(?<!\w)(?:" + pattern + r")", re.I)
