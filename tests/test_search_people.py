"""Search finds what a user expects: a participant in any script and spelling finds the meetings
they attended (Volfovich, Вольфович, Wolfowitsch), people and meetings come first, a place by any
of its names, documents by their text; each kind's count is its total however it is paged, with
a link to all of it; `parley search` prints the same. Runs on SQLite, and on PostgreSQL when
PARLEY_TEST_PG_URL is set."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from parley.cli import app
from parley.server.app import create_app
from parley.store.db import Store, open_store
from pg import PG
from test_search import _add, _search, russian
from test_store_postgres import pg_url  # noqa: F401  (the PostgreSQL database fixture)
from test_store_robust import doc_id, record

HIS = {"cis-security-council-secretaries/14", "csto-security-council-secretaries/7"}


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "postgresql" and not PG:
        pytest.skip("PARLEY_TEST_PG_URL is not set (a postgresql:// URL)")
    s = open_store(str(tmp_path / "kb.db") if request.param == "sqlite" else request.getfixturevalue("pg_url"))
    yield s
    s.close()


def _three_meetings(store: Store) -> None:
    """Volfovich at two meetings, reported once in English and once in Russian (where he is only
    "Александр Вольфович"), and Doval at a third in Moscow; a report that names Moscow in its text."""
    doval = record(doc_id(3), series="brics-national-security", ordinal=9, place="Moscow", country="RUS",
                   chair="Ajit Doval", outlet="The Hindu")
    _add(store, (record(doc_id(1)), "The secretaries met behind closed doors."),
         (russian(2), "Секретари обсудили ситуацию в регионе."),
         (doval, "Doval flew to Moscow for talks on Afghanistan."))


@pytest.mark.parametrize("spelling", ["Volfovich", "Вольфович", "Wolfowitsch", "Alexander Wolfovich", "VOLFOVICH"])
def test_a_participant_in_any_spelling_finds_the_meetings_he_attended(store, spelling):
    _three_meetings(store)
    r = _search(store, spelling)
    assert [p.key for p in r.people] == ["volfovich:a"]
    assert {m.key for m in r.meetings} == HIS and r.count["meetings"] == 2
    assert len(r.statements) == 2 and {s.speaker_key for s in r.statements} == {"volfovich:a"}


def test_a_place_by_any_of_its_names_and_a_document_by_its_text(store):
    _three_meetings(store)
    for q in ("Moscow", "Москва"):
        assert [m.key for m in _search(store, q).meetings] == ["brics-national-security/9"]
    assert [d["id"] for d in _search(store, "Afghanistan").documents] == [doc_id(3)]
    assert doc_id(3) in [d["id"] for d in _search(store, "moscow").documents]


def test_counts_are_totals_and_pages_of_his_meetings_and_the_words_do_not_overlap(store):
    _three_meetings(store)
    # "secretaries" is in every meeting's words; "alexander" names him and lends his meetings.
    full = _search(store, "Alexander")
    keys = [m.key for m in full.meetings]
    assert set(keys[:2]) == HIS  # his meetings first
    seen: list[str] = []
    for offset in range(len(keys) + 1):
        page = _search(store, "Alexander", kind="meetings", limit=1, offset=offset)
        assert page.count["meetings"] == full.count["meetings"] == len(keys)
        seen += [m.key for m in page.meetings]
    assert seen == keys and len(set(seen)) == len(seen)


def test_the_api_puts_people_and_meetings_first_with_links_to_all_of_each_kind(tmp_path):
    s = open_store(str(tmp_path / "kb.db"))
    _three_meetings(s)
    s.close()
    client = TestClient(create_app(str(tmp_path / "kb.db")))
    for q in ("Volfovich", "Вольфович"):
        body = client.get("/api/search", params={"q": q, "limit": 1}).json()
        assert list(body)[:3] == ["query", "people", "meetings"] and list(body["count"])[:2] == ["people", "meetings"]
        assert body["count"]["meetings"] == 2 and body["meetings"][0]["key"] in HIS
        every = client.get(body["all"]["meetings"]["api"]).json()
        assert {m["key"] for m in every["meetings"]} == HIS and set(every["count"]) == {"meetings"}
        assert body["all"]["meetings"]["page"].startswith("/search?") and "kind=meetings" in body["all"]["meetings"]["page"]
    body = client.get("/api/search?q=Moscow").json()
    assert doc_id(3) in [d["id"] for d in body["documents"]]
    html = client.get("/search", params={"q": "Volfovich", "limit": 1}).text
    assert html.index(">People <") < html.index(">Meetings <") < html.index(">Statements <")


def test_parley_search_prints_each_kind_with_its_total_and_the_keys_whole(tmp_path):
    db = str(tmp_path / "kb.db")
    s = open_store(db)
    _three_meetings(s)
    s.close()

    def run(*args: str):
        return CliRunner().invoke(app, ["search", *args, "--db", db], env={"COLUMNS": "80"})

    res = run("Вольфович", "--limit", "1")
    assert res.exit_code == 0, res.output
    out = res.stdout
    assert out.index("people: 1–1 of 1") < out.index("meetings: 1–1 of 2") < out.index("statements: 1–1 of 2")
    assert "volfovich:a" in out and any(k in out for k in HIS)
    assert "all 2 meetings: parley search 'Вольфович' --kind meetings" in out
    as_json = json.loads(run("Wolfowitsch", "--kind", "meetings", "--json").stdout)
    assert {m["key"] for m in as_json["meetings"]} == HIS and as_json["count"] == {"meetings": 2}
    tsv = run("Volfovich", "--format", "tsv").stdout.splitlines()
    assert tsv[0] == "kind\tkey\tlabel\tdate" and "people\tvolfovich:a\t" in tsv[1]
    assert run("zeppelins").exit_code == 1
    assert run("Volfovich", "--kind", "planets").exit_code == 2
