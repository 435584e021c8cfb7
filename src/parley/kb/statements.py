"""Statements: the same words of the same speaker reported by several outlets are one statement.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict

from parley.kb.candidates import candidates, combined_confidence, field_entries, rank
from parley.kb.corrections import apply_corrections
from parley.kb.dates import bounds
from parley.kb.keys import assign_keys
from parley.kb.model import Entity, FactIn, SourceRow
from parley.resolve.names import fold

_WINDOW_DAYS = 7  # one report's quotation inside another's: reports this close in time
_REPEAT_DAYS = 30  # the same words: reports this close in time


def quote_norm(quote: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", fold(quote)).split())


def consolidate_statements(block: str, facts: list[FactIn], corrections=()) -> list[Entity]:
    """The same quotation reported by several outlets is one statement: the same words, or one
    report's quotation contained in another's, from reports a few days apart."""
    facts = sorted(facts, key=lambda f: f.ref)
    by_norm: dict[str, list[FactIn]] = defaultdict(list)
    for f in facts:
        n = quote_norm(f.data.get("quote") or "")
        if n:
            by_norm[n].append(f)
    # The same words a month or more apart were said again (speakers repeat themselves);
    # an undated report joins the earliest saying.
    groups: list[list[FactIn]] = []
    for n in sorted(by_norm):
        dated = sorted((f for f in by_norm[n] if bounds(f.doc.ref_date)), key=lambda f: (f.doc.ref_date, f.ref))
        undated = [f for f in by_norm[n] if not bounds(f.doc.ref_date)]
        runs: list[list[FactIn]] = []
        last = None
        for f in dated:
            day = bounds(f.doc.ref_date)[0]
            if last is None or (day - last).days > _REPEAT_DAYS:
                runs.append([])
            runs[-1].append(f)
            last = day
        if runs:
            runs[0].extend(undated)
        else:
            runs = [undated]
        groups.extend(runs)
    # Containment, compared only between reports close in time (keeps big speakers' blocks fast).
    dated = sorted(groups, key=lambda g: (g[0].doc.ref_date or "", g[0].ref))
    merged: dict[int, int] = {}
    norms = [quote_norm(g[0].data.get("quote") or "") for g in dated]
    ivs = [bounds(g[0].doc.ref_date) for g in dated]
    for i in range(len(dated)):
        if i in merged or len(norms[i]) < 40:
            continue
        for j in range(i + 1, len(dated)):
            if ivs[i] and ivs[j] and (ivs[j][0] - ivs[i][0]).days > _WINDOW_DAYS:
                break
            if j in merged or len(norms[j]) < 40 or bool(ivs[i]) != bool(ivs[j]):
                continue
            if norms[i] in norms[j] or norms[j] in norms[i]:
                merged[j] = i
    final: dict[int, list[FactIn]] = {}
    for i, g in enumerate(dated):
        root = i
        while root in merged:
            root = merged[root]
        final.setdefault(root, []).extend(g)
    out = [_reconcile_statement(block, g) for _, g in sorted(final.items())]
    assign_keys(out, lambda e: e.extra["base"])  # the same words said again get ~<date>
    apply_corrections(out, corrections)
    return sorted(out, key=lambda e: e.key)


def _reconcile_statement(block: str, facts: list[FactIn]) -> Entity:
    facts = sorted(facts, key=lambda f: f.ref)
    quotes = candidates(facts, "quote")
    longest = max(quotes.values(), key=lambda c: (len(str(c.value)), -len(c.docs), str(c.value)))
    speakers = candidates(facts, "speaker")
    speaker = min(speakers.values(), key=rank).value if speakers else None
    digest = hashlib.sha1(quote_norm(longest.value).encode("utf-8")).hexdigest()[:12]
    langs = Counter(f.doc.language for f in facts if f.doc.language)
    e = Entity(
        kind="statement", key="", block=block,
        values={"speaker": speaker, "speaker_key": block if block != "-" else None, "quote": longest.value,
                "language": min(langs, key=lambda k: (-langs[k], k)) if langs else None,
                "date": min((f.doc.ref_date for f in facts if f.doc.ref_date), default=None)},
        fields={"quote": field_entries(quotes, "quote", longest.value)},
        sources=[SourceRow(f.doc.id, f.index, f.data.get("evidence") or [],
                           meeting_index=f.data.get("meeting") if isinstance(f.data.get("meeting"), int) else None)
                 for f in facts],
        confidence=combined_confidence(facts),
    )
    e.extra.update(documents=len({f.doc.id for f in facts}), refs=[f.ref for f in facts], base=f"{block}/{digest}")
    return e
