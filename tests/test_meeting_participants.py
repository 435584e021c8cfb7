"""Who took part, as the meeting page groups them: each person under the state or organisation they
represented by the office held at the meeting's date; a statement under a meeting only when one of
its participants said it there."""

from __future__ import annotations

import copy

import pytest

from parley.store import read
from parley.store.db import open_store
from parley.store.ingest import Incoming, ingest
from test_store_robust import doc_id, record

KEY = "cis-security-council-secretaries/14"


def _person(name: str, title: str, state: str | None, organization: str | None = None) -> dict:
    return {"name": name, "aliases": [], "offices": [{"title": title, "state": state, "organization": organization}],
            "evidence": [[0, 10]], "confidence": 0.9}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = open_store(str(tmp_path_factory.mktemp("participants") / "kb.db"))
    # 2004: a report on Mr Kuznetsov as a defence minister of Kyrgyzstan, long before the meeting.
    old = record(doc_id(40), series="cis-special-services-heads", ordinal=2, start="2004-05-12", place="Bishkek",
                 country="KGZ")
    old["people"] = [_person("Oleg Kuznetsov", "Minister of Defence", "KGZ")]
    # 2026: the meeting; Kuznetsov attends with no office given, the CIS executive secretary with his.
    meeting = record(doc_id(41), outlet="Wire A")
    meeting["meetings"][0]["persons"] += ["Oleg Kuznetsov", "Sergei Lebedev", "Ivan Petrenko"]
    meeting["people"] += [_person("Sergei Lebedev", "Executive Secretary", None, "CIS"),
                          {**_person("Oleg Kuznetsov", "", None), "offices": []}]
    meeting["statements"] = [
        {"speaker": "Alexander Volfovich", "quote": "We agreed a joint plan.", "meeting": 0,
         "evidence": [[81, 100]], "confidence": 0.9},
        {"speaker": "Dmitry Expertov", "quote": "The meeting shows the CIS is alive.", "meeting": 0,
         "evidence": [[101, 120]], "confidence": 0.9},
    ]
    report = ingest(s, [Incoming(copy.deepcopy(r), None, f"t:{i}") for i, r in enumerate([old, meeting])])
    assert report.failures == []
    yield s
    s.close()


def _groups(store) -> dict[str, dict[str, str | None]]:
    with store.connect() as conn:
        view = read.meeting_view(conn, KEY)
    return {g.name: {p.name: p.office for p in g.people} for g in view["participants"]}


def test_an_organisations_official_sits_under_the_organisation(store):
    groups = _groups(store)
    assert groups["CIS"] == {"Sergei Lebedev": "Executive Secretary"}
    assert "Sergei Lebedev" not in groups.get("State not reported", {})


def test_an_office_from_years_before_the_meeting_is_not_shown_as_held_there(store):
    groups = _groups(store)
    assert groups["Kyrgyzstan"] == {"Oleg Kuznetsov": None}  # the state he worked for, not a 2004 title
    assert groups["Belarus"]["Alexander Volfovich"] == "State Secretary of the Security Council"
    assert list(groups["State not reported"]) == ["Ivan Petrenko"]


def test_a_statement_is_listed_under_a_meeting_only_when_a_participant_said_it(store):
    with store.connect() as conn:
        here = read.statements_page(conn, meeting=KEY, limit=50)
        every = {s.speaker: s.meeting for s in read.statements_page(conn, limit=50).items}
        detail = read.get_meeting(conn, KEY)
    assert [s.speaker for s in here.items] == ["Alexander Volfovich"] and here.total == 1
    assert detail.statements_count == 1
    assert every == {"Alexander Volfovich": KEY, "Dmitry Expertov": None}
