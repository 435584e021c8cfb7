"""Topics of a meeting: the schema's topic keys, from the words of the text that reports it."""

from __future__ import annotations

import re
from functools import cache

from parley.domain import load_entries
from parley.extract.context import DocContext


@cache
def _patterns(language: str) -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for e in load_entries("topics"):
        pats = e.get(language) or []
        if pats:
            out.append((e["key"], re.compile(r"(?<!\w)(?:" + "|".join(pats) + r")(?!\w)", re.I)))
    return out


def extract_topics(ctx: DocContext) -> None:
    """The main meeting's topics: what the report discusses, in its body (quotes included: what
    was said there is what was discussed)."""
    main = next((f for f in ctx.frames if f.main), None)
    if main is None:
        return
    text = ctx.text
    start = ctx.body_start
    for key, pat in _patterns(ctx.language):
        m = pat.search(text, start)
        if m:
            main.topics.setdefault(key, []).append(m.span())
