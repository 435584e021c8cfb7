"""The knowledge base's logic: many reports' facts -> one meeting, person, agreement, statement each.

Pure functions over plain data (``model``), so that the store can run them block by block and
tests can run them without a database. Every function here is deterministic: inputs are sorted
by stable keys (document id, item index) before anything is decided, ties are broken by value,
and keys of consolidated entities are built from their content, never from insertion order or
random ids. That is what makes "ingest twice" give the same database, and incremental
consolidation of a block give the same result as a full rebuild.

One module per concern: ``model`` (inputs and outputs), ``dates``, ``keys`` (identity keys and
blocks), ``candidates`` (values across reports), one module per kind (``meetings``, ``people``,
``agreements``, ``statements``; which reports are one meeting is ``meeting_clusters``, which
body meets ``bodies``), ``identity`` (people's same-as / not-same-as / split judgements applied
to a grouping), ``corrections`` (people's corrections applied on top) and ``timelines`` (a
series' meetings in order).
"""

from __future__ import annotations

from collections.abc import Callable

from parley.kb.agreements import consolidate_agreements
from parley.kb.meetings import consolidate_meetings
from parley.kb.model import Entity, EntityCorrection, FactIn
from parley.kb.people import consolidate_people
from parley.kb.statements import consolidate_statements

# Each kind's consolidation of one block: its facts and the corrections of that kind -> entities.
CONSOLIDATORS: dict[str, Callable[[str, list[FactIn], list[EntityCorrection]], list[Entity]]] = {
    "meeting": consolidate_meetings,
    "person": consolidate_people,
    "agreement": consolidate_agreements,
    "statement": consolidate_statements,
}
