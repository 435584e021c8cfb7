"""What every language pipeline returns, and the registry that assembles pipelines by name."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Protocol

Span = tuple[int, int]


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    lemma: str
    pos: str = ""
    case: str = ""  # grammatical case where the language marks it (Russian: Nom, Gen, Dat, Acc, Ins, Loc)
    number: str = ""  # Sing or Plur where the model tells
    tense: str = ""  # Past, Pres or Fut where the model tells (Russian verbs)


@dataclass(frozen=True)
class Entity:
    """A named entity from the statistical model: PER, LOC or ORG.

    ``normal`` is the entity in its base form (nominative for Russian)."""

    start: int
    end: int
    label: str
    text: str
    normal: str


@dataclass
class Analysis:
    """A text analysed by a language pipeline; offsets index the analysed text."""

    text: str
    language: str
    sentences: list[Span]
    tokens: list[Token]
    entities: list[Entity]
    _token_starts: list[int] = field(default_factory=list, repr=False)
    _sentence_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._token_starts = [t.start for t in self.tokens]
        self._sentence_starts = [s for s, _ in self.sentences]

    def sentence_at(self, offset: int) -> Span:
        """The sentence holding ``offset`` (or the nearest one before it)."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        return self.sentences[max(i, 0)] if self.sentences else (0, len(self.text))

    def sentence_after(self, sentence: Span) -> Span | None:
        """The sentence right after ``sentence`` (one of this analysis's), or None at the end."""
        i = bisect.bisect_left(self._sentence_starts, sentence[0])
        if i + 1 < len(self.sentences) and self.sentences[i] == sentence:
            return self.sentences[i + 1]
        return None

    def sentence_before(self, sentence: Span) -> Span | None:
        """The sentence right before ``sentence`` (one of this analysis's), or None at the start."""
        i = bisect.bisect_left(self._sentence_starts, sentence[0])
        if 0 < i < len(self.sentences) and self.sentences[i] == sentence:
            return self.sentences[i - 1]
        return None

    def tokens_in(self, start: int, end: int) -> list[Token]:
        i = bisect.bisect_left(self._token_starts, start)
        out = []
        while i < len(self.tokens) and self.tokens[i].start < end:
            out.append(self.tokens[i])
            i += 1
        return out


class LanguagePipeline(Protocol):
    language: str

    def analyse(self, text: str) -> Analysis: ...

    def analyse_many(self, texts: Iterable[str], batch_size: int = 16) -> Iterator[Analysis]: ...


_FACTORIES: dict[str, Callable[[], LanguagePipeline]] = {}
_LOADED: dict[str, LanguagePipeline] = {}


def register_pipeline(language: str) -> Callable[[Callable[[], LanguagePipeline]], Callable[[], LanguagePipeline]]:
    """Register a factory for a language's pipeline (loaded on first use)."""

    def deco(factory: Callable[[], LanguagePipeline]) -> Callable[[], LanguagePipeline]:
        _FACTORIES[language] = factory
        return factory

    return deco


def get_pipeline(language: str) -> LanguagePipeline:
    if language not in _LOADED:
        if language not in _FACTORIES:
            raise LookupError(
                f"no pipeline for language {language!r}; available: {', '.join(sorted(_FACTORIES))}"
            )
        _LOADED[language] = _FACTORIES[language]()
    return _LOADED[language]


def available_languages() -> list[str]:
    return sorted(_FACTORIES)


_BLANK_LINE = re.compile(r"\n")
CHUNK_CHARS = 200_000


def chunk_text(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """A long text in pieces of about ``size`` characters, cut at line breaks: (offset, piece).

    Models have a maximum input and memory grows with it; a report is analysed line by line
    anyway, so cutting at line breaks loses nothing."""
    out, pos = [], 0
    while pos < len(text):
        end = min(len(text), pos + size)
        if end < len(text):
            nl = text.rfind("\n", pos + size // 2, end)
            end = nl + 1 if nl != -1 else end
        out.append((pos, text[pos:end]))
        pos = end
    return out or [(0, text)]


def join_analyses(text: str, language: str, parts: list[tuple[int, Analysis]]) -> Analysis:
    """One Analysis of ``text`` from the analyses of its pieces (offsets shifted back)."""
    if len(parts) == 1 and parts[0][0] == 0:
        return parts[0][1]
    sents: list[Span] = []
    toks: list[Token] = []
    ents: list[Entity] = []
    for off, a in parts:
        sents.extend((s + off, e + off) for s, e in a.sentences)
        toks.extend(replace(t, start=t.start + off, end=t.end + off) for t in a.tokens)
        ents.extend(replace(e, start=e.start + off, end=e.end + off) for e in a.entities)
    return Analysis(text=text, language=language, sentences=sents, tokens=toks, entities=ents)


def split_at_lines(text: str, spans: Iterable[Span]) -> list[Span]:
    """Sentence spans cut at line breaks and trimmed of surrounding whitespace.

    Report paragraphs, headlines and datelines are separate lines; a model's
    sentence must never run across them."""
    out: list[Span] = []
    for s, e in spans:
        pos = s
        for m in _BLANK_LINE.finditer(text, s, e):
            out.append((pos, m.start()))
            pos = m.end()
        out.append((pos, e))
    trimmed = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed
