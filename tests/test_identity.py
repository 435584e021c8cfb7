"""Identity judgements: "the same meeting / person as", "not the same as", "these reports are two
people". The pure constraints on a grouping (kb.identity) on hand-made facts; then through the
store: made, shown, kept through re-ingestion and re-extraction, across blocks, reverted; and
the command line, the API and the pages that make them."""

from __future__ import annotations

import copy
import hashlib
import random
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner

from parley.cli import app
from parley.errors import CorrectionError
from parley.kb.identity import judged
from parley.kb.model import DocMeta, EntityCorrection, FactIn
from parley.kb.people import consolidate_people
from parley.server.app import create_app
from parley.server.auth import csrf_for
from parley.server.tokens import create_token
from parley.store import models as m
from parley.store import read
from parley.store.blocks import consolidate
from parley.store.corrections import add_correction, revert_correction
from parley.store.db import open_store
from parley.store.ingest import Incoming, ingest
from pg import PG, SKIP, temporary_database

# --------------------------------------------------------------------------- kb.identity, pure


def _fact(doc: str, idx: int, **data: Any) -> FactIn:
    return FactIn(DocMeta(doc, "2024-06-05"), idx, data)


def _judgement(cid: int, action: str, *sides: list[FactIn]) -> EntityCorrection:
    return EntityCorrection(cid, action, None, None, "ana", "checked", "2024-07-01T00:00:00+00:00", "k",
                            sides=tuple(frozenset(f.ref for f in side) for side in sides))


RU1 = _fact("d1", 0, name="Andrei Ivanov", offices=[{"title": "Deputy Minister of Foreign Affairs", "state": "RUS"}])
RU2 = _fact("d2", 0, name="A. Ivanov", offices=[{"title": "Deputy Foreign Minister", "state": "RUS"}])
KZ1 = _fact("d3", 1, name="Alexei Ivanov", offices=[{"title": "Deputy Chairman of the National Security Committee",
                                                    "state": "KAZ"}])
KZ2 = _fact("d4", 0, name="A. Ivanov", offices=[{"title": "Deputy Chairman", "state": "KAZ"}])
PLAIN = _fact("d5", 0, name="A. Ivanov", offices=[])


def _refs(clusters: list[list[FactIn]]) -> list[list[tuple[str, int]]]:
    return sorted([f.ref for f in c] for c in clusters)


def test_not_same_as_parts_the_sides_and_sends_other_reports_to_the_side_they_resemble():
    one = [[RU1, RU2, KZ1, KZ2, PLAIN]]
    apart = judged(one, [_judgement(1, "not_same_as", [RU1, RU2], [KZ1])])
    # KZ2 shares the state KAZ with the Kazakh side; PLAIN shares only its name with both: a tie
    # stays with the judged record's side.
    assert _refs(apart) == [[("d1", 0), ("d2", 0), ("d5", 0)], [("d3", 1), ("d4", 0)]]
    assert judged(one, []) is one  # no judgement: the grouping untouched


def test_same_as_merges_and_a_later_judgement_wins_over_an_earlier_one_it_contradicts():
    two = [[RU1, RU2], [KZ1]]
    assert _refs(judged(two, [_judgement(1, "same_as", [RU1], [KZ1])])) == [[("d1", 0), ("d2", 0), ("d3", 1)]]
    both = [_judgement(1, "same_as", [RU1], [KZ1]), _judgement(2, "not_same_as", [RU1, RU2], [KZ1])]
    assert _refs(judged(two, both)) == _refs(two)
    undone = [_judgement(1, "not_same_as", [RU1, RU2], [KZ1]), _judgement(2, "same_as", [RU1], [KZ1])]
    assert len(judged(two, undone)) == 1
    # a side whose reports are gone (removed) merges nothing
    assert _refs(judged([[RU1, RU2]], [_judgement(1, "same_as", [RU1], [KZ1])])) == [[("d1", 0), ("d2", 0)]]


def test_split_makes_a_group_per_list_and_unlisted_reports_stay_with_the_first():
    one = [[RU1, RU2, KZ1, KZ2, PLAIN]]
    parts = judged(one, [_judgement(1, "split", [RU1], [KZ1, KZ2])])
    assert _refs(parts) == [[("d1", 0), ("d2", 0), ("d5", 0)], [("d3", 1), ("d4", 0)]]


def test_split_people_get_distinct_keys_whatever_the_order_of_facts_and_judgements():
    judgements = [_judgement(1, "split", [RU1, RU2], [KZ1, KZ2]), _judgement(2, "not_same_as", [RU1], [RU2])]
    results = set()
    for seed in range(6):
        facts = [copy.deepcopy(f) for f in (RU1, RU2, KZ1, KZ2, PLAIN)]
        random.Random(seed).shuffle(facts)
        shuffled = random.Random(seed).sample(judgements, len(judgements))
        people = consolidate_people("ivanov", facts, shuffled)
        results.add(tuple((p.key, tuple(s.document_id for s in p.sources), tuple(p.corrections)) for p in people))
    assert len(results) == 1
    (people,) = results
    # three people now; the best reported keeps the key, the others get ~2, ~3
    assert [k for k, _, _ in people] == ["ivanov:a", "ivanov:a~2", "ivanov:a~3"]
    assert {docs for _, docs, _ in people} == {("d1", "d5"), ("d2",), ("d3", "d4")}
    assert all(1 in c for _, _, c in people)  # each shows the split


# --------------------------------------------------------------------------- through the store


def _id(n: int) -> str:
    return hashlib.sha256(f"identity-{n}".encode()).hexdigest()


def _report(n: int, published: str, *, meetings: list[dict] = (), people: list[dict] = ()) -> dict[str, Any]:
    return {"schema": "parley/extraction/v1",
            "document": {"id": _id(n), "name": f"r{n:02d}", "title": f"Report {n}", "published": published,
                         "language": "en", "source": ["TASS", "Kazinform", "BelTA"][n % 3], "url": None,
                         "origin": None},
            "meetings": list(meetings), "agreements": [], "statements": [], "people": list(people)}


def _person(name: str, title: str, state: str) -> dict[str, Any]:
    return {"name": name, "aliases": [], "offices": [{"title": title, "state": state, "organization": None}],
            "evidence": [[0, len(name)]], "confidence": 0.8}


def _meeting(name: str, start: str, series: str | None) -> dict[str, Any]:
    return {"name": name, "format": "multilateral", "series": series, "ordinal": None, "start": start, "end": None,
            "place": "Minsk", "country": "BLR", "chair": None, "states": ["BLR", "RUS", "KAZ"],
            "organizations": ["CSTO"], "persons": [], "status": "held", "topics": ["terrorism"], "part_of": None,
            "evidence": [[0, 40]], "confidence": 0.8}


CSTO = "csto-security-council-secretaries"


def _records() -> list[dict[str, Any]]:
    """Two men called Ivanov: a Russian deputy foreign minister (r01, r02) and a Kazakh security
    official (r03), one key (ivanov:a) by name; and one meeting in Minsk reported with its series
    (r01) and, without it, a year off (r02, a misread year): two records, in two blocks (y:2024 and
    y:2023), which no rule may join."""
    return [
        _report(1, "2024-06-05", people=[_person("Andrei Ivanov", "Deputy Minister of Foreign Affairs", "RUS")],
                meetings=[_meeting("meeting of the CSTO Committee of Secretaries of Security Councils", "2024-06-05",
                                   CSTO)]),
        _report(2, "2024-06-06", people=[_person("A. Ivanov", "Deputy Foreign Minister", "RUS")],
                meetings=[{**_meeting("security council secretaries met in Minsk", "2023-06-05", None),
                           "confidence": 0.6}]),
        _report(3, "2024-09-10", people=[_person("Alexei Ivanov", "Deputy Chairman of the National Security "
                                                                  "Committee", "KAZ")]),
    ]


def _ingest(store, records: list[dict[str, Any]]) -> None:
    report = ingest(store, [Incoming(copy.deepcopy(r), None, f"test:{i}") for i, r in enumerate(records)])
    assert report.failures == [] and not report.consolidation.failures


def _people(store) -> dict[str, list[str]]:
    with store.connect() as conn:
        rows = conn.execute(select(m.PersonSource.person_key, m.Document.name)
                            .join(m.Document, m.Document.id == m.PersonSource.document_id)).all()
    out: dict[str, list[str]] = {}
    for key, name in rows:
        out.setdefault(key, []).append(name)
    return {k: sorted(v) for k, v in sorted(out.items())}


def _meetings(store) -> dict[str, list[str]]:
    with store.connect() as conn:
        rows = conn.execute(select(m.MeetingSource.meeting_key, m.Document.name)
                            .join(m.Document, m.Document.id == m.MeetingSource.document_id)).all()
    out: dict[str, list[str]] = {}
    for key, name in rows:
        out.setdefault(key, []).append(name)
    return {k: sorted(v) for k, v in sorted(out.items())}


def _renumbered(records: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    """Record n re-extracted by a newer extractor that finds one more person and one more
    meeting first: its items are renumbered (the judged ones move from index 0 to 1)."""
    out = copy.deepcopy(records)
    rec = out[n - 1]
    rec["extractor"] = {"name": "parley", "version": "9.9"}
    rec["people"].insert(0, _person("Nurlan Yermekbayev", "Secretary General", "KAZ"))
    rec["meetings"].insert(0, _meeting("talks in Astana", "2024-06-03", None) | {"place": "Astana", "country": "KAZ"})
    return out


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield str(tmp_path / "kb.db")
        return
    if not PG:
        pytest.skip(SKIP)
    with temporary_database("parley_test_identity") as url:
        yield url


@pytest.fixture
def store(db_url):
    s = open_store(db_url)
    _ingest(s, _records())
    yield s
    s.close()


def test_not_same_as_keeps_two_namesakes_apart_through_reingestion_and_a_revert_joins_them(store):
    assert _people(store) == {"ivanov:a": ["r01", "r02", "r03"]}  # merged by name today
    c = add_correction(store, "person", "ivanov:a", "not_same_as", value="r03",
                       reason="r03 is a Kazakh security official, not the Russian deputy minister")
    apart = {"ivanov:a": ["r01", "r02"], "ivanov:a~2": ["r03"]}
    assert _people(store) == apart and c.status == "applied"
    _ingest(store, _records())  # the same reports again
    consolidate(store, full=True)
    assert _people(store) == apart
    _ingest(store, _renumbered(_records(), 3))  # re-extracted: the Kazakh Ivanov is item 1 now
    consolidate(store, full=True)
    assert _people(store) == {"ivanov:a": ["r01", "r02"], "ivanov:a~2": ["r03"], "ermekbaev:n": ["r03"]}
    # a new report of the Kazakh official goes to him: it names his state
    later = _report(4, "2024-11-02", people=[_person("A. Ivanov", "Deputy Chairman", "KAZ")])
    _ingest(store, [later])
    assert _people(store)["ivanov:a~2"] == ["r03", "r04"]
    with store.connect() as conn:
        for key in ("ivanov:a", "ivanov:a~2"):  # both records show the judgement
            view = read.person_view(conn, key)
            assert [x["action"] for x in view["corrections"]] == ["not_same_as"]
    revert_correction(store, c.id, reason="the same man after all: one career")
    assert _people(store) == {"ivanov:a": ["r01", "r02", "r03", "r04"], "ermekbaev:n": ["r03"]}


def test_same_as_joins_meetings_of_two_blocks_durably_and_a_revert_parts_them(store):
    series_key, other_key = f"{CSTO}/2024-06-05", "multilateral/2023-06-05/minsk"
    assert _meetings(store) == {series_key: ["r01"], other_key: ["r02"]}
    c = add_correction(store, "meeting", series_key, "same_as", value=other_key,
                       reason="one meeting: the same day and city, the same delegations")
    assert _meetings(store) == {series_key: ["r01", "r02"]}
    with store.connect() as conn:
        blocks = set(conn.execute(select(m.Fact.block).where(m.Fact.kind == "meeting")).scalars())
    assert blocks == {"y:2024"}
    _ingest(store, _records())
    consolidate(store, full=True)
    assert _meetings(store) == {series_key: ["r01", "r02"]}
    _ingest(store, _renumbered(_records(), 2))  # r02's meeting is item 1 now, and is still moved
    consolidate(store, full=True)
    assert _meetings(store) == {series_key: ["r01", "r02"], "multilateral/2024-06-03/astana": ["r02"]}
    with store.connect() as conn:
        assert [x["action"] for x in read.meeting_view(conn, series_key)["corrections"]] == ["same_as"]
    revert_correction(store, c.id, reason="two meetings after all")
    assert _meetings(store) == {series_key: ["r01"], other_key: ["r02"], "multilateral/2024-06-03/astana": ["r02"]}
    with store.connect() as conn:
        assert set(conn.execute(select(m.Dirty.block)).scalars()) == set()


def test_judgements_are_checked_and_say_what_to_do(store):
    def refused(kind: str, key: str, action: str, value: Any, field: str | None = None) -> str:
        with pytest.raises(CorrectionError) as caught:
            add_correction(store, kind, key, action, value=value, field=field, reason="checked")
        return str(caught.value)

    assert "names ivanov:a itself" in refused("person", "ivanov:a", "same_as", "ivanov:a")
    assert "no person 'petrov:p'" in refused("person", "ivanov:a", "same_as", "petrov:p")
    assert "not one of the documents of person ivanov:a (r01, r02, r03)" in refused(
        "person", "ivanov:a", "split", [["r01"], ["r09"]])
    assert "at least two groups" in refused("person", "ivanov:a", "split", [["r01"]])
    assert "is in two groups" in refused("person", "ivanov:a", "split", [["r01"], ["r01", "r03"]])
    assert "all of ivanov:a's reports" in refused("person", "ivanov:a", "not_same_as", "r01,r02,r03")
    assert "judgement on meetings and people" in refused("agreement", "x", "same_as", "y")
    assert "takes no field" in refused("person", "ivanov:a", "same_as", "x", field="name")
    with store.connect() as conn:
        assert conn.execute(select(m.Correction)).first() is None  # nothing stored


# --------------------------------------------------------------------------- command line, API, pages


def test_the_command_line_splits_a_person_by_reports_and_lists_the_judgement(tmp_path):
    db = str(tmp_path / "kb.db")
    s = open_store(db)
    _ingest(s, _records())
    s.close()
    runner = CliRunner()
    done = runner.invoke(app, ["fix", "person", "ivanov:a", "--split", "r01,r02", "--split", "r03",
                               "--why", "two men: Russian MFA, Kazakh KNB", "--by", "ana", "--db", db])
    assert done.exit_code == 0, done.output
    assert "person ivanov:a: split into" in done.output
    s = open_store(db)
    assert _people(s) == {"ivanov:a": ["r01", "r02"], "ivanov:a~2": ["r03"]}
    s.close()
    listed = runner.invoke(app, ["fix", "list", "--db", db])
    assert "split" in listed.output and "two men" in listed.output
    bad = runner.invoke(app, ["fix", "person", "ivanov:a", "--same-as", "nobody:x", "--why", "x", "--db", db])
    assert bad.exit_code != 0 and "no person 'nobody:x'" in bad.output


def test_the_api_and_the_pages_make_judgements_and_refuse_bad_ones(tmp_path):
    s = open_store(str(tmp_path / "kb.db"))
    _ingest(s, _records())
    tok = create_token(s.engine, "ana")[1]
    auth = {"Authorization": f"Bearer {tok}"}
    with TestClient(create_app(store=s)) as client:
        r = client.post("/api/corrections", headers=auth, json={
            "target_kind": "person", "target_key": "ivanov:a", "action": "not_same_as", "value": "ivanov:a",
            "reason": "two men"})
        assert r.status_code == 400 and "name the other's reports" in r.json()["detail"]
        r = client.post("/api/corrections", headers=auth, json={
            "target_kind": "person", "target_key": "ivanov:a", "action": "split", "value": [["r01", "r02"], ["r03"]],
            "reason": "two men"})
        assert r.status_code == 201 and r.json()["status"] == "applied"
        listed = client.get("/api/corrections", params={"target_kind": "person"}).json()["items"]
        assert [x["action"] for x in listed] == ["split"]
        page = client.get("/people/ivanov:a~2").text
        assert "split" in page and 'name="csrf"' not in page  # the judgement shown; no form without login
        # signed in, the meeting's page has the form, and it joins the two records
        assert client.post("/login", data={"token": tok, "next": "/review"}, follow_redirects=False).status_code == 303
        page = client.get(f"/meetings/{CSTO}/2024-06-05").text
        assert 'value="same_as"' in page and 'value="not_same_as"' in page
        r = client.post("/review/decide", follow_redirects=False, data={
            "csrf": csrf_for(tok), "kind": "meeting", "key": "multilateral/2023-06-05/minsk", "action": "same_as",
            "value": f"{CSTO}/2024-06-05", "reason": "one meeting", "back": "/meetings/multilateral/2023-06-05/minsk"})
        assert r.status_code == 303 and r.headers["location"] == f"/meetings/{CSTO}/2024-06-05"
        assert "judged <b>the same as</b>" in client.get(r.headers["location"]).text
    assert _meetings(s) == {f"{CSTO}/2024-06-05": ["r01", "r02"]}
    s.close()
