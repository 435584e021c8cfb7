"""Canonical meeting labels: English, one line, built from what the record knows (series or body,
ordinal, participants of talks, place, date); never a clause of a report."""

from __future__ import annotations

import copy
import json
import re

import pytest

from parley.kb.labels import meeting_label, ordinal_word
from parley.store.db import open_store
from parley.store.ingest import Incoming, ingest
from test_store_robust import doc_id, record

CYRILLIC = re.compile("[\u0400-\u04ff]")


def label(members=(), body=None, **values):
    return meeting_label({"format": "multilateral", **values}, list(members), body)


@pytest.mark.parametrize(("n", "word"), [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"),
                                         (13, "13th"), (21, "21st"), (22, "22nd"), (101, "101st"), (111, "111th")])
def test_ordinals_in_english(n, word):
    assert ordinal_word(n) == word


def test_a_series_meeting_by_its_short_name_number_place_and_day():
    assert label(series="cis-security-council-secretaries", ordinal=13, place="Moscow", start="2025-11-05") == \
        "13th meeting of CIS Security Council secretaries · Moscow · 5 Nov 2025"
    assert label(series="sco-security-council-secretaries", place="Dushanbe", start="2021-06") == \
        "Meeting of SCO Security Council secretaries · Dushanbe · Jun 2021"
    assert label(series="brics-national-security", ordinal=14, start="2024-09-11", end="2024-09-12",
                 place="St. Petersburg") == \
        "14th meeting of BRICS high representatives for national security · St. Petersburg · 11–12 Sep 2024"


@pytest.mark.parametrize(("body", "ordinal", "head"), [
    ("Council of Defence Ministers of the CIS member states", 69,
     "69th meeting of the Council of Defence Ministers of the CIS member states"),
    ("Council of Commanders of Border Troops of the CIS member states", None,
     "Meeting of the Council of Commanders of Border Troops of the CIS member states"),
    ("Meeting of Defence Ministers of the SCO member states", 15, "15th Meeting of Defence Ministers of the SCO member states"),
    ("Summit of Heads of State", None, "Summit of Heads of State"),
    ("the CSTO Permanent Council", None, "Meeting of the CSTO Permanent Council"),
])
def test_a_body_without_a_series_names_the_meeting(body, ordinal, head):
    assert label(body=body, ordinal=ordinal, place="Minsk", start="2017-11-30") == f"{head} · Minsk · 30 Nov 2017"


def test_talks_name_the_two_people_in_latin_letters_whatever_the_report_wrote():
    talks = [("person", "zas:s", "Станислав Зась"), ("person", "patrushev:n", "Николай Патрушев"),
             ("state", "BLR", None), ("state", "RUS", None)]
    assert label(talks, format="bilateral", place="Москва", start="2015-11-11") == \
        "Talks: Nikolai Patrushev – Stanislav Zas · Moscow · 11 Nov 2015"
    unknown = [("person", "ivanov:p", "Пётр Иванов"), ("person", "doval:a", "Ajit Doval")]
    got = label(unknown, format="bilateral", country="IND")
    assert got.startswith("Talks: Ajit Doval – P") and got.endswith(" · India") and not CYRILLIC.search(got)
    states_only = [("state", "CHN", None), ("state", "RUS", None)]
    assert label(states_only, format="bilateral", start="2023-09") == "Talks: China – Russia · Sep 2023"
    assert label([], format="bilateral") == "Bilateral talks"


def test_other_meetings_by_their_organisations_or_states():
    assert label([("organization", "CSTO", None)], place="Yerevan") == "CSTO meeting · Yerevan"
    many = [("organization", "SCO", None), *[("state", s, None) for s in ("CHN", "RUS", "KAZ", "KGZ")]]
    assert label(many, start="2015") == "SCO meeting of 4 states · 2015"
    assert label([("state", s, None) for s in ("ARM", "AZE", "RUS")]) == "Meeting of 3 states"
    assert label() == "Meeting"


def test_every_exported_meeting_has_an_english_label_and_lists_and_pages_use_it(tmp_path):
    from fastapi.testclient import TestClient

    from parley.export import export
    from parley.server.app import create_app

    store = open_store(str(tmp_path / "kb.db"))
    talks = record(doc_id(1), series=None, ordinal=None, place="Минск", start="2024-03-02",
                   chair="Александр Вольфович")
    talks["meetings"][0].update(format="bilateral", name="Вольфович провёл переговоры с коллегой из Москвы",
                                persons=["Александр Вольфович", "Сергей Шойгу"], states=["BLR", "RUS"])
    ingest(store, [Incoming(copy.deepcopy(r), None, f"t:{i}") for i, r in enumerate([record(doc_id(0)), talks])])
    out = tmp_path / "meetings.jsonl"
    with store.connect() as conn:
        export(conn, "meetings", "jsonl", out)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    labels = {r["key"]: r["label"] for r in rows}
    assert len(rows) == 2 and all(labels.values()) and not any(CYRILLIC.search(v) for v in labels.values())
    assert labels["cis-security-council-secretaries/14"] == \
        "14th meeting of CIS Security Council secretaries · Minsk · 14 Oct 2026"
    [bilateral] = [r for r in rows if r["format"] == "bilateral"]
    assert bilateral["label"] == "Talks: Alexander Volfovich – Sergei Shoigu · Minsk · 2 Mar 2024"
    assert bilateral["name"] != bilateral["label"]  # the reports' wording is kept beside it
    with TestClient(create_app(store=store)) as client:
        timeline = client.get("/timeline").text
        page = client.get("/meetings/" + bilateral["key"]).text
        api = client.get("/api/meetings").json()["items"]
    assert "Talks: Alexander Volfovich – Sergei Shoigu" in timeline
    assert "<h1>Talks: Alexander Volfovich – Sergei Shoigu" in page and "Вольфович провёл переговоры" in page
    assert {m["key"]: m["label"] for m in api} == labels
    store.close()


def test_pages_that_link_a_meeting_name_it_by_its_label(tmp_path):
    from fastapi.testclient import TestClient

    from parley.server.app import create_app

    store = open_store(str(tmp_path / "kb.db"))
    ingest(store, [Incoming(copy.deepcopy(record(doc_id(9))), None, "t:9")])
    key, label = "cis-security-council-secretaries/14", "14th meeting of CIS Security Council secretaries"
    with TestClient(create_app(store=store)) as client:
        [agreement] = client.get("/api/agreements").json()["items"]
        [statement] = client.get("/api/statements").json()["items"]
        person = client.get("/api/people").json()["items"][0]["key"]
        pages = {
            "agreement": client.get(f"/agreements/{agreement['key']}").text,
            "statements": client.get(f"/statements?meeting={key}").text,
            "statement": client.get(f"/statements/{statement['key']}").text,
            "person": client.get(f"/people/{person}").text,
        }
    assert statement["meeting"] == key and statement["meeting_label"].startswith(label)
    for name, page in pages.items():
        assert f'href="/meetings/{key}">{label}' in page, name
    store.close()
