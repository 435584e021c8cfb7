"""Names for codes and keys (states, series, topics) and the values a filter can take."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.engine import Connection

from parley.domain.labels import series_name, state_name, topic_name
from parley.store import models as m


@dataclass
class FilterOptions:
    series: list[dict[str, str]]
    states: list[dict[str, str]]
    topics: list[dict[str, str]]


def filter_options(conn: Connection) -> FilterOptions:
    """The series, states and topics that occur in the record (for filter menus)."""
    series = sorted({s for s in conn.execute(select(m.Meeting.series).distinct()).scalars() if s})
    members = conn.execute(select(m.MeetingMember.kind, m.MeetingMember.value).distinct()
                           .where(m.MeetingMember.kind.in_(("state", "topic")))).all()
    states = sorted({v for k, v in members if k == "state"}, key=state_name)
    topics = sorted({v for k, v in members if k == "topic"})
    return FilterOptions(
        series=[{"key": s, "name": series_name(s)} for s in series],
        states=[{"key": s, "name": state_name(s)} for s in states],
        topics=[{"key": t, "name": topic_name(t)} for t in topics],
    )
