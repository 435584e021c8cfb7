"""Search through the database's full-text index (SQLite FTS5, PostgreSQL tsvector): English and
Russian words in any case find each kind, the better match ranks first, the index follows ingest,
supersession, removal and consolidation, and no query text is ever an error. Every test runs on
SQLite, and on PostgreSQL when PARLEY_TEST_PG_URL is set."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from alembic import command
from fastapi.testclient import TestClient

from parley.server.app import create_app
from parley.store import read
from parley.store.corrections import add_correction, revert_correction
from parley.store.db import Store, _alembic_config, open_store, upgrade
from parley.store.fulltext import words
from parley.store.ingest import Incoming, ingest
from pg import PG
from test_store_postgres import pg_url  # noqa: F401  (the PostgreSQL database fixture)
from test_store_robust import doc_id, record


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "postgresql" and not PG:
        pytest.skip("PARLEY_TEST_PG_URL is not set (a postgresql:// URL)")
    s = open_store(str(tmp_path / "kb.db") if request.param == "sqlite" else request.getfixturevalue("pg_url"))
    yield s
    s.close()


def _text(rec: dict[str, Any], body: str) -> str:
    """A report's text: its title, then ``body``, long enough for every evidence span of ``record``."""
    return (rec["document"]["title"] + ". " + body).ljust(200)


def _add(store: Store, *recs: tuple[dict[str, Any], str]) -> None:
    report = ingest(store, [Incoming(copy.deepcopy(r), _text(r, body), f"test:{i}") for i, (r, body) in enumerate(recs)])
    assert report.failures == [] and not report.consolidation.failures


def russian(n: int) -> dict[str, Any]:
    rec = record(doc_id(n), series="csto-security-council-secretaries", ordinal=7, place="Минск",
                 chair="Александр Вольфович", outlet="БелТА")
    rec["document"].update(title="Секретари советов безопасности ОДКБ встретились в Минске", language="ru")
    rec["meetings"][0]["name"] = "заседание Комитета секретарей советов безопасности ОДКБ"
    rec["agreements"][0]["title"] = "план сотрудничества на 2026–2027 годы"
    rec["statements"][0]["quote"] = "Сотрудничество в борьбе с терроризмом продолжается."
    rec["people"][0]["aliases"] = ["Alexander Volfovich"]
    return rec


def _search(store: Store, q: str, kind: str | None = None, **kw: Any) -> read.SearchResults:
    with store.connect() as conn:
        return read.search(conn, q, kind=kind, **kw)


def test_english_and_russian_words_in_any_case_find_every_kind(store):
    _add(store, (record(doc_id(1)), "The secretaries discussed armoured convoys."),
         (russian(2), "Стороны обсудили бронепоезда и ёлки."))
    # A place by any of its names: the English report's "Minsk" and the Russian report's "Минск".
    r = _search(store, "MINSK")
    assert sorted(m.place for m in r.meetings) == ["Minsk", "Минск"] and r.count["meetings"] == 2
    assert [d["id"] for d in r.documents] == [doc_id(1)]  # "Minsk" in its title
    r = _search(store, "минск")  # the places, and a word that starts "Минске" in the title
    assert sorted(m.place for m in r.meetings) == ["Minsk", "Минск"] and [d["id"] for d in r.documents] == [doc_id(2)]
    # One person, reported in both scripts: found by either spelling.
    people = _search(store, "ВОЛЬФОВИЧ").people
    assert len(people) == 1 and "Александр Вольфович" in [people[0].name, *people[0].aliases]
    assert [p.key for p in _search(store, "alexander VOLFOVICH").people] == [people[0].key]
    assert [s.quote for s in _search(store, "ТЕРРОРИЗМОМ").statements] == [
        "Сотрудничество в борьбе с терроризмом продолжается."]
    assert [s.speaker for s in _search(store, "cooperation terrorism").statements] == ["Alexander Volfovich"]
    assert [a.title for a in _search(store, "План сотрудничества").agreements] == [
        "план сотрудничества на 2026–2027 годы"]
    assert [d["id"] for d in _search(store, "Armoured").documents] == [doc_id(1)]  # a word of the text only
    assert [d["id"] for d in _search(store, "бронепоезда ЕЛКИ").documents] == [doc_id(2)]  # ё as е
    # A meeting is found by its states' names in either language, its series, its participants.
    assert {m.place for m in _search(store, "Kazakhstan").meetings} == {"Minsk", "Минск"}
    assert [m.place for m in _search(store, "Беларусь МИНСК csto").meetings] == ["Минск"]
    r = _search(store, "minsk courier")
    assert r.documents and r.documents[0]["id"] == doc_id(1) and r.documents[0]["outlet"] == "Minsk Courier"
    assert _search(store, "Minsk Pyongyang").total == 0  # every word must match


def test_the_better_match_ranks_first_and_each_kind_pages_with_its_total(store):
    recs = []
    for n, place in enumerate(["Bishkek", "Astana", "Dushanbe", "Yerevan"]):
        rec = record(doc_id(10 + n), series="sco-security-council-secretaries", ordinal=20 + n,
                     start=f"202{n}-05-1{n}", place=place, country="KGZ", outlet="Wire")
        recs.append((rec, "Delegations spoke of Bishkek once." if place != "Bishkek" else "The talks went on."))
    _add(store, *recs)
    r = _search(store, "bishkek", kind="documents")
    # The report titled "... in Bishkek" before those that name Bishkek once in the text.
    assert r.documents[0]["id"] == doc_id(10) and r.count == {"documents": 4}
    pages = [_search(store, "secretaries", kind="meetings", limit=3, offset=o) for o in (0, 3)]
    assert [p.count["meetings"] for p in pages] == [4, 4] and [len(p.meetings) for p in pages] == [3, 1]
    assert len({m.key for p in pages for m in p.meetings}) == 4 and pages[0].more("meetings")
    assert not pages[1].more("meetings") and _search(store, "secretaries", kind="meetings", offset=9).meetings == []
    with pytest.raises(ValueError):
        _search(store, "x", kind="planets")


def test_the_index_follows_ingest_supersession_removal_and_consolidation(store):
    first = record(doc_id(20))
    first["document"]["url"] = "https://example.org/a"
    _add(store, (first, "An early version spoke of zeppelins."))
    assert [d["id"] for d in _search(store, "zeppelins").documents] == [doc_id(20)]
    newer = record(doc_id(21))
    newer["document"]["url"] = "https://example.org/a"
    _add(store, (newer, "The corrected version speaks of balloons."))
    assert _search(store, "zeppelins").total == 0  # superseded: no longer searched
    assert [d["id"] for d in _search(store, "balloons").documents] == [doc_id(21)]

    correction = add_correction(store, "document", doc_id(21), "remove", author="analyst", reason="a copy")
    assert _search(store, "balloons").count.get("documents") == 0
    revert_correction(store, correction.id, author="analyst", reason="not a copy after all")
    assert [d["id"] for d in _search(store, "balloons").documents] == [doc_id(21)]

    key = _search(store, "minsk").meetings[0].key
    add_correction(store, "meeting", key, "edit", field="place", value="Grodno", author="analyst", reason="misread")
    assert [m.key for m in _search(store, "grodno").meetings] == [key]
    person = _search(store, "volfovich").people[0].key
    add_correction(store, "person", person, "reject", author="analyst", reason="not a person")
    assert _search(store, "volfovich", kind="people").people == []


ODD = ['"', '""', "*", "minsk*", "NEAR(minsk terrorism)", "-minsk", "minsk -", "(minsk", "minsk)", "AND", "OR minsk",
       "NOT minsk", "minsk AND", "'", "':*", "a:b", "^minsk", "{title}: minsk", "title:minsk", "%", "_", "\\", "!",
       "&|", "<->", "minsk:*", "\x00", "\ud800", "ﬁ", "   ", "🙂 minsk", "m", "mi"]


def test_odd_query_text_gives_results_or_none_never_an_error(store):
    _add(store, (record(doc_id(30)), "Plain words."))
    for q in ODD:
        r = _search(store, q)
        assert isinstance(r.total, int)
        if words(q) == ["minsk"]:  # the syntax is read as plain words: "NEAR", "OR" are words to find
            assert [m.place for m in r.meetings] == ["Minsk"], q
    assert _search(store, "mins").meetings and not _search(store, "min").meetings  # 4 letters make a prefix


def test_the_api_and_the_page_page_each_kind(tmp_path):
    store = open_store(str(tmp_path / "kb.db"))
    _add(store, *[(record(doc_id(40 + n), ordinal=20 + n, start=f"202{n}-10-14"), "Words.") for n in range(3)])
    store.close()
    client = TestClient(create_app(str(tmp_path / "kb.db")))
    body = client.get("/api/search?q=Minsk&limit=1").json()
    assert body["count"]["meetings"] == 3 and len(body["meetings"]) == 1 and body["query"] == "Minsk"
    assert body["next"]["meetings"].startswith("/api/search?") and "kind=meetings" in body["next"]["meetings"]
    seen = [body["meetings"][0]["key"]]
    nxt = body["next"]["meetings"]
    while nxt:
        page = client.get(nxt).json()
        assert set(page["count"]) == {"meetings"} and page["people"] == []
        seen += [m["key"] for m in page["meetings"]]
        nxt = page["next"].get("meetings")
    assert len(seen) == len(set(seen)) == 3
    assert client.get("/api/search?q=minsk&kind=planets").status_code == 422
    html = client.get("/search?q=Minsk").text
    assert "Meetings <span class=\"count\">3</span>" in html
    html = client.get("/search?q=Minsk&kind=meetings&offset=1").text
    assert "← previous" in html and "every kind" in html


def test_a_store_made_before_the_index_is_searchable_once_upgraded(tmp_path):
    store = open_store(str(tmp_path / "kb.db"))
    _add(store, (record(doc_id(50)), "Older words: dirigibles."))
    with store.engine.begin() as conn:  # back to the schema before the index
        command.downgrade(_alembic_config(conn), "0003")
    assert upgrade(store.engine)[0] == "0003"  # and the index filled from the documents and entities
    assert [d["id"] for d in _search(store, "dirigibles").documents] == [doc_id(50)]
    assert [m.place for m in _search(store, "minsk").meetings] == ["Minsk"]
    store.close()


def test_the_migrations_build_the_models_beside_the_databases_own_index(store):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from parley.store.fulltext import include_name
    from parley.store.models import Base

    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn, opts={"include_name": include_name}),
                                Base.metadata) == []
