"""The unit every reader produces and every later stage consumes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property

from parley.validation import replace_unstorable, unstorable_note

_METADATA = ("name", "title", "published", "url", "source")


@dataclass
class Document:
    """One report, as read from its source.

    ``raw`` is the original input text (decoded, never altered but for lone surrogates and
    NULs, which no store can hold: each replaced by U+FFFD and counted in ``notes``): every evidence offset Parley emits
    is an index into it. ``text`` has exactly the same length
    as ``raw``; page furniture is replaced by spaces (a plain text's line breaks are
    kept; in HTML, markup becomes spaces and block elements line breaks), so that
    analysing ``text`` yields offsets that are valid in ``raw``.
    """

    id: str
    name: str
    raw: str
    text: str
    origin: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None
    media_type: str = "text/plain"
    notes: list[str] = field(default_factory=list)
    # When a crawler fetched the page (WARC-Date), YYYY-MM-DD. Kept apart from ``published``: a
    # crawl may fetch a page years after it appeared, and the extractors date events from ``published``.
    retrieved: str | None = None

    def __post_init__(self) -> None:
        # Checked here rather than in each reader, so that no Document ever holds one.
        self.raw, replaced = replace_unstorable(self.raw)
        self.text, _ = replace_unstorable(self.text)  # blanked copy of raw: same places
        for name in _METADATA:
            value = getattr(self, name)
            if isinstance(value, str):
                value, count = replace_unstorable(value)
                setattr(self, name, value)
                replaced += count
        if replaced:
            self.notes.append(unstorable_note(replaced))
        if len(self.text) != len(self.raw):
            raise ValueError(
                f"{self.origin}: cleaned text has {len(self.text)} characters, raw has {len(self.raw)}; "
                "cleaning must blank characters, never remove them"
            )

    @cached_property
    def text_sha(self) -> str:
        """The sha256 of the report's text with all whitespace removed: the same article under
        another URL, in another page's furniture, or with its characters spelled otherwise in
        HTML, has the same one (``text`` holds the article only, and spells characters as such)."""
        return hashlib.sha256("".join(self.text.split()).encode("utf-8", "surrogatepass")).hexdigest()
