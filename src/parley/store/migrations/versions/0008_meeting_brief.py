"""meetings.brief (states, persons and brief flags: what a list shows, kept on the row) replaces
meetings.flags_brief, so that a page of meetings is one query; a brief flag carries its first
values and values_count; the columns the review queue reads move before the large JSON

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

ORDER = ('key', 'block', 'series', 'ordinal', 'name', 'format', 'status', 'start', 'end', 'place', 'country', 'chair',
         'chair_key', 'confidence', 'documents', 'first_reported', 'reviewed', 'rejected', 'sort_key', 'brief',
         'open_conflicts', 'first_source', 'open_flags', 'flags', 'fields', 'corrections')
_FLAG_VALUES = 3


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _brief(flags: list[Any] | None, members: list[tuple[str, str, str | None]]) -> dict[str, list[Any]]:
    """As parley.store.models.meeting_brief wrote it at this revision."""
    ordered = sorted(members)
    out = []
    for f in flags or []:
        values = f.get("values")
        if not isinstance(values, list):
            out.append(f)
            continue
        out.append({**f, "values": [{**v, "documents": len(v["documents"])}
                                    if isinstance(v, dict) and isinstance(v.get("documents"), list) else v
                                    for v in values[:_FLAG_VALUES]], "values_count": len(values)})
    return {"states": [value for kind, value, _ in ordered if kind == "state"],
            "persons": [label or value for kind, value, label in ordered if kind == "person"], "flags": out}


def upgrade() -> None:
    with op.batch_alter_table('meetings') as batch:
        batch.add_column(sa.Column('brief', sa.JSON(), nullable=True))
    conn = op.get_bind()
    members: dict[str, list[tuple[str, str, str | None]]] = defaultdict(list)
    for r in conn.execute(sa.text("SELECT meeting_key, kind, value, label FROM meeting_members "
                                  "WHERE kind IN ('state', 'person')")):
        members[r.meeting_key].append((r.kind, r.value, r.label))
    meetings = sa.table('meetings', sa.column('key', sa.String), sa.column('flags'), sa.column('brief', sa.JSON))
    update = sa.update(meetings).where(meetings.c.key == sa.bindparam('k')).values(brief=sa.bindparam('b'))
    rows = conn.execute(sa.select(meetings.c.key, meetings.c.flags)).all()
    for i in range(0, len(rows), 1000):
        conn.execute(update, [{"k": r.key, "b": _brief(_json(r.flags), members.get(r.key, []))}
                              for r in rows[i:i + 1000]])
    # SQLite rebuilds the table: what lists and the review queue read goes before the large JSON.
    with op.batch_alter_table('meetings', partial_reordering=[ORDER]) as batch:
        batch.drop_column('flags_brief')
        batch.alter_column('brief', existing_type=sa.JSON(), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table('meetings') as batch:
        batch.add_column(sa.Column('flags_brief', sa.JSON(), nullable=True))
    conn = op.get_bind()
    meetings = sa.table('meetings', sa.column('key', sa.String), sa.column('flags'),
                        sa.column('flags_brief', sa.JSON))
    update = sa.update(meetings).where(meetings.c.key == sa.bindparam('k')).values(flags_brief=sa.bindparam('b'))
    rows = conn.execute(sa.select(meetings.c.key, meetings.c.flags)).all()
    for i in range(0, len(rows), 1000):
        conn.execute(update, [{"k": r.key, "b": [
            {**f, "values": [{**v, "documents": len(v["documents"])} if isinstance(v.get("documents"), list) else v
                             for v in f["values"]]} if isinstance(f.get("values"), list) else f
            for f in _json(r.flags) or []]} for r in rows[i:i + 1000]])
    with op.batch_alter_table('meetings') as batch:
        batch.drop_column('brief')
        batch.alter_column('flags_brief', existing_type=sa.JSON(), nullable=False)
