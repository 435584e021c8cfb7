"""Identity judgements applied to a kind's grouping of facts: a person said two records are one
(``same_as``), are two (``not_same_as``), or that one record holds several (``split``).

Consolidation groups facts by rules (dates and ordinals for meetings, name keys for people);
these judgements are constraints on the groups it produced, applied after it whatever the rules
were, so they hold through every re-consolidation. Each judgement names its sides by source facts
(document id, item index), never by entity key: keys are built from content and change. The
judgements are applied in the order they were made, so a later one wins over an earlier one it
contradicts; the result depends only on the facts and the judgements, not on their order.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from parley.kb.model import EntityCorrection, FactIn

IDENTITY_ACTIONS = ("same_as", "not_same_as", "split")

Ref = tuple[str, int]
# Left out when an unanchored fact is sent to the side it resembles more: spans, scores and item
# indexes say nothing about who or which meeting it is, and names are what grouped the facts in
# the first place (two namesakes share them): offices, states, dates and places tell them apart.
_NOT_FEATURES = frozenset({"evidence", "support", "confidence", "part_of", "meeting", "name", "aliases"})


def judged(clusters: list[list[FactIn]], corrections: Iterable[EntityCorrection]) -> list[list[FactIn]]:
    """The clusters after the identity judgements among ``corrections`` (others are ignored):
    same_as merges the clusters holding either side; not_same_as takes the two sides of a cluster
    apart, each other fact of it going to the side it shares more with (the first side on a tie);
    split makes one cluster per group, other facts staying with the first group present."""
    todo = sorted((c for c in corrections if c.action in IDENTITY_ACTIONS and len(c.sides) >= 2),
                  key=lambda c: c.id)
    if not todo:
        return clusters
    work = [sorted(c, key=lambda f: f.ref) for c in clusters if c]
    for c in todo:
        work = _merge(work, c.sides) if c.action == "same_as" else _separate(work, c.sides,
                                                                                c.action == "not_same_as")
    return work


def _merge(clusters: list[list[FactIn]], sides: tuple[frozenset[Ref], ...]) -> list[list[FactIn]]:
    holding = [i for i, c in enumerate(clusters) if any(f.ref in s for f in c for s in sides)]
    present = {n for n, s in enumerate(sides) if any(f.ref in s for i in holding for f in clusters[i])}
    if len(present) < 2 or len(holding) < 2:
        return clusters  # a side is gone from the record (its reports removed), or already one
    merged = sorted((f for i in holding for f in clusters[i]), key=lambda f: f.ref)
    out = [c for i, c in enumerate(clusters) if i not in holding[1:]]
    out[holding[0]] = merged
    return out


def _separate(clusters: list[list[FactIn]], sides: tuple[frozenset[Ref], ...], by_likeness: bool
              ) -> list[list[FactIn]]:
    out: list[list[FactIn]] = []
    for cluster in clusters:
        parts: dict[int, list[FactIn]] = {}
        rest: list[FactIn] = []
        for f in cluster:
            side = next((n for n, s in enumerate(sides) if f.ref in s), None)
            if side is None:
                rest.append(f)
            else:
                parts.setdefault(side, []).append(f)
        if len(parts) < 2:
            out.append(cluster)
            continue
        order = sorted(parts)
        if by_likeness:
            features = {n: set().union(*(_features(f.data) for f in parts[n])) for n in order}
            for f in rest:
                mine = _features(f.data)
                # max() keeps the first of equals: a tie stays with the lower side, the judged record.
                parts[max(order, key=lambda n: len(mine & features[n]))].append(f)
        else:
            parts[order[0]].extend(rest)
        out.extend(sorted(parts[n], key=lambda f: f.ref) for n in order)
    return out


def _features(data: dict[str, Any]) -> set[tuple[str, str]]:
    """A fact's values as (field, value) pairs, lists and offices ({"title", "state", ...})
    flattened, case folded."""
    out: set[tuple[str, str]] = set()
    for field, value in data.items():
        if field in _NOT_FEATURES or value is None:
            continue
        for v in value if isinstance(value, list) else [value]:
            if isinstance(v, dict):
                out |= {(f"{field}.{k}", str(x).casefold()) for k, x in v.items()
                        if x is not None and not isinstance(x, list | dict)}
            elif not isinstance(v, list):
                out.add((field, str(v).casefold()))
    return out
