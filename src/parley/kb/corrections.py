"""People's corrections applied on top of what the reports say: to consolidated entities (by
key, else by an anchor fact) and to single facts before consolidation.
"""

from __future__ import annotations

from typing import Any

from parley.kb.identity import IDENTITY_ACTIONS
from parley.kb.keys import person_key
from parley.kb.model import MEETING_SETS, Entity, EntityCorrection, Member


def apply_corrections(entities: list[Entity], corrections) -> None:
    """Apply a person's corrections to the entities they target (by key, else by an anchor fact).

    Corrections are applied in the order they were made; each leaves its id on the entity and,
    for an edited value, on that value, so the record always shows what was changed by whom."""
    if not corrections:
        return
    by_key = {e.key: e for e in entities}
    by_ref = {ref: e for e in entities for ref in e.extra.get("refs", [])}
    for c in sorted(corrections, key=lambda c: c.id):
        if c.action in IDENTITY_ACTIONS:
            # Applied to the grouping already (kb.identity): every record holding one of its
            # sides' facts shows it.
            for e in sorted({id(x): x for s in c.sides for r in s if (x := by_ref.get(r))}.values(),
                            key=lambda x: x.key):
                e.corrections.append(c.id)
            continue
        e = by_key.get(c.target_key) or (by_ref.get(c.anchor) if c.anchor else None)
        if e is None:
            continue
        e.corrections.append(c.id)
        who = {"correction": c.id, "by": c.author, "why": c.reason, "at": c.created_at}
        if c.action == "reject":
            e.rejected = True
        elif c.action == "accept":
            # Accepting one field settles that field's conflict, nothing more: the entity stays
            # in review for its other conflicts and keeps its confidence. Only an accept without
            # a field accepts the whole entity.
            if c.field is None:
                e.reviewed = True
            for fl in e.flags:
                if c.field is None or fl.get("field") == c.field:
                    fl["resolved_by"] = c.id
        elif c.action == "edit" and c.field:
            e.values[c.field] = c.new_value
            if c.field == "chair":
                e.values["chair_key"] = person_key(c.new_value) if c.new_value else None
            entries = e.fields.setdefault(c.field, [])
            for entry in entries:
                entry["chosen"] = False
            entries.insert(0, {"value": c.new_value, "chosen": True, "documents": 0, "sources": [who]})
            for fl in e.flags:
                if fl.get("field") == c.field:
                    fl["resolved_by"] = c.id
            e.reviewed = True
        elif c.action in ("add", "remove") and c.field:
            _edit_list(e, c, who)


def _edit_list(e: Entity, c: EntityCorrection, who: dict[str, Any]) -> None:
    value = str(c.new_value)
    if e.kind == "meeting":
        kind = MEETING_SETS.get(c.field)
        if kind is None:
            return
        k = person_key(value) if kind == "person" else value
        if not k:
            return
        e.members = [m for m in e.members if not (m.kind == kind and m.value == k)]
        if c.action == "add":
            e.members.append(Member(kind, k, value, [who]))
            e.members.sort(key=lambda m: (list(MEETING_SETS.values()).index(m.kind), m.value))
        else:
            e.extra.setdefault("removed", []).append({"kind": kind, "value": k, **who})
    else:
        items = list(e.values.get(c.field) or [])
        if c.action == "add" and value not in items:
            items.append(value)
        elif c.action == "remove":
            items = [i for i in items if i != value]
        e.values[c.field] = sorted(items)
        e.fields.setdefault(c.field, []).insert(0, {"value": value, "action": c.action, "sources": [who]})


def apply_fact_corrections(data: dict[str, Any], corrections) -> tuple[dict[str, Any] | None, dict[str, int]]:
    """A fact's item with its corrections applied: (None, ...) when rejected."""
    corrected: dict[str, int] = {}
    if not corrections:
        return data, corrected
    data = dict(data)
    for c in sorted(corrections, key=lambda c: c.id):
        if c.action == "reject":
            return None, corrected
        if c.action == "edit" and c.field:
            data[c.field] = c.new_value
            corrected[c.field] = c.id
        elif c.action in ("add", "remove") and c.field:
            items = list(data.get(c.field) or [])
            if c.action == "add" and c.new_value not in items:
                items.append(c.new_value)
            elif c.action == "remove":
                items = [i for i in items if i != c.new_value]
            data[c.field] = items
            corrected[c.field] = c.id
        elif c.action == "accept" and not c.field:
            # A whole fact accepted is certain; a field accepted leaves the fact's confidence
            # (and so its entity's) as the reports make it.
            data["confidence"] = 1.0
            corrected["confidence"] = c.id
    return data, corrected
