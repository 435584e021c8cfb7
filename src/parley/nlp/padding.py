"""The text the extractors read: a document's text without the blanks that keep its offsets.

A document's text has the length of its source, so that every offset found in it is an offset
in the source: an HTML page's markup is blanked with spaces, and where the page spells a
character in several ("&#x27;", "&laquo;"), the character takes the first place and spaces the
others. "Kazakhstan&#x27;s" reads "Kazakhstan'     s", and "<b>Russia</b>&rsquo;s" reads
"Russia    ’      s": a model, or a pattern, would see several words. The extractors are given
the text without those blanks, and the spans they report are mapped back.
"""

from __future__ import annotations

from dataclasses import dataclass

from parley.record import Record

Span = tuple[int, int]


@dataclass(frozen=True)
class Squeezed:
    """``text`` is the document text without its padding; ``kept[i]`` is where its i-th
    character stands in the document text."""

    text: str
    kept: list[int]

    def start(self, offset: int) -> int:
        return self.kept[offset] if offset < len(self.kept) else (self.kept[-1] + 1 if self.kept else 0)

    def end(self, offset: int) -> int:
        return self.kept[offset - 1] + 1 if offset > 0 else 0

    def span(self, span: Span) -> Span:
        """A span of the squeezed text as a span of the document's."""
        start, end = self.start(span[0]), self.end(span[1])
        return start, max(start, end)

    def restore(self, record: Record) -> None:
        """Move the spans of a record extracted from the squeezed text to the document's text."""
        for items in (record.people, record.meetings, record.agreements, record.statements):
            for item in items:
                item.evidence = [self.span(s) for s in item.evidence]
                item.support = {slot: ({v: [self.span(s) for s in spans] for v, spans in val.items()}
                                       if isinstance(val, dict) else [self.span(s) for s in val])
                                for slot, val in item.support.items()}


def squeeze(raw: str, text: str) -> Squeezed | None:
    """``text`` without the blanks that stand for something in ``raw`` (None when it has none).

    Such a blank is a space where the source has a character that is no whitespace: the padding
    of a spelled-out character, and blanked markup or furniture. A block element's line break is
    kept, and so is every whitespace character of the source, so words stay apart where the page
    shows them apart, and join where only markup parted them ("<b>Russia</b>&rsquo;s")."""
    if len(raw) != len(text) or text == raw:
        return None
    kept = [i for i, (ch, src) in enumerate(zip(text, raw, strict=True)) if ch != " " or src.isspace()]
    if len(kept) == len(text):
        return None
    return Squeezed("".join(text[i] for i in kept), kept)
