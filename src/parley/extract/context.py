"""What the extractors share about one document while they work on it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from parley.domain.gazetteer import Match
from parley.domain.registry import Domain, LanguageMatchers
from parley.extract.dates import DateMention
from parley.ingest.document import Document
from parley.lang import LanguageProfile, get_profile
from parley.nlp.base import Analysis

if TYPE_CHECKING:
    from parley.extract.agreements import AgreementMention
    from parley.extract.meetings import MeetingFrame
    from parley.extract.people import PersonEntity, PersonMention
    from parley.extract.statements import Quote

Span = tuple[int, int]
_INITIAL_DOT = re.compile(r"(?<![^\W\d_])([A-ZА-ЯЁ])\.(?=\s?[A-ZА-ЯЁ])")


def coverage(size: int, spans: Iterable) -> bytearray:
    """Which characters the spans (anything with start and end) cover: constant-time overlap
    tests, whatever the text's length."""
    out = bytearray(size)
    for m in spans:
        out[m.start:m.end] = b"\x01" * (m.end - m.start)
    return out


@dataclass
class Dateline:
    """The agency's dateline opening a report: "MOSCOW, November 5. /TASS/"."""

    span: Span
    place: Match | None
    date: DateMention | None
    outlet: str | None


@dataclass
class DocContext:
    document: Document
    analysis: Analysis
    language: str
    domain: Domain
    matchers: LanguageMatchers
    published: date | None = None
    published_span: Span | None = None
    dateline: Dateline | None = None
    body_start: int = 0
    states: list[Match] = field(default_factory=list)
    places: list[Match] = field(default_factory=list)
    organizations: list[Match] = field(default_factory=list)
    people: list[PersonEntity] = field(default_factory=list)
    mentions: list[PersonMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quoted: bytearray = field(default_factory=bytearray)  # characters inside a quotation
    addressed: list[int] = field(default_factory=list)  # persons a speech transcript addresses
    frames: list[MeetingFrame] = field(default_factory=list)
    agreements: list[AgreementMention] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.analysis.text

    @cached_property
    def initials_masked(self) -> str:
        """The text with the periods of initials ("Н.П. Патрушев", "A. Doval") as "·", at the same
        offsets: for patterns that end a phrase at a period."""
        return _INITIAL_DOT.sub(r"\1·", self.text)

    @cached_property
    def profile(self) -> LanguageProfile:
        """How the document's language words what the extractors look for (parley.lang)."""
        return get_profile(self.language)

    def in_quote(self, offset: int) -> bool:
        """Whether ``offset`` lies inside a quotation (once the statements component has run)."""
        return offset < len(self.quoted) and bool(self.quoted[offset])

    def sentence(self, offset: int) -> Span:
        return self.analysis.sentence_at(offset)

