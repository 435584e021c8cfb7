"""Checks of the curated officials registry and given-name table (domain/data/officials.json, given_names.json)."""

from __future__ import annotations

import calendar
import re
from collections import Counter

import pycountry
import pytest

from parley.domain import load_entries

ORGANIZATIONS = {"CSTO", "SCO", "CIS", "CIS_ATC", "EAEU", "NDB", "UN"}
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
CYRILLIC = re.compile(r"^[А-Яа-яЁё][А-Яа-яЁё' -]*$")


@pytest.fixture(scope="module")
def officials() -> list[dict]:
    return load_entries("officials")


@pytest.fixture(scope="module")
def given_names() -> list[dict]:
    return load_entries("given_names")


def by_name(officials: list[dict], name: str) -> dict:
    hits = [e for e in officials if e["name"] == name]
    assert len(hits) == 1, name
    return hits[0]


def terms(entry: dict, title: str, where: str) -> list[dict]:
    return [
        o
        for o in entry["offices"]
        if o["title"] == title and where in (o.get("state"), o.get("organization"))
    ]


def bounds(date: str) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """The first and last day a date of year, month or day precision can mean."""
    m = DATE.match(date)
    assert m, date
    y = int(m.group(1))
    if m.group(3):
        d = (y, int(m.group(2)), int(m.group(3)))
        assert 1 <= d[1] <= 12, date
        assert 1 <= d[2] <= calendar.monthrange(y, d[1])[1], date
        return d, d
    if m.group(2):
        mo = int(m.group(2))
        assert 1 <= mo <= 12, date
        return (y, mo, 1), (y, mo, calendar.monthrange(y, mo)[1])
    return (y, 1, 1), (y, 12, 31)


# --- officials.json -------------------------------------------------------------------------------------------


def test_registry_is_substantial(officials):
    assert len(officials) >= 300


def test_every_entry_has_a_name_and_lists(officials):
    for e in officials:
        assert isinstance(e["name"], str) and len(e["name"].split()) >= 2, e
        assert e["name"] == e["name"].strip()
        assert isinstance(e.get("aliases_en", []), list)
        assert isinstance(e.get("aliases_ru", []), list)
        assert e["offices"], e["name"]
        assert e["name"] not in e.get("aliases_en", []), e["name"]
        assert len(set(e.get("aliases_en", []))) == len(e.get("aliases_en", [])), e["name"]


def test_russian_forms_present_for_persons_with_russian_names(officials):
    for e in officials:
        if not (e.get("given_ru") or e.get("family_ru")):
            continue
        assert e.get("family_ru"), e["name"]
        assert e.get("family_forms_ru"), e["name"]
        for f in e["family_forms_ru"]:
            assert CYRILLIC.match(f), (e["name"], f)
        if " " not in e["family_ru"] and e["state"] != "CHN":
            assert e["family_ru"] in e["family_forms_ru"], e["name"]


def test_persons_of_cis_states_all_have_russian_forms(officials):
    cis = {"RUS", "BLR", "KAZ", "KGZ", "TJK", "UZB", "TKM", "ARM", "AZE", "MDA", "GEO", "UKR"}
    for e in officials:
        if e["state"] in cis:
            assert e["given_ru"] and e["family_ru"] and len(e["family_forms_ru"]) >= 1, e["name"]


def test_offices_have_title_and_a_valid_state_or_organization(officials):
    for e in officials:
        assert e["state"] is None or pycountry.countries.get(alpha_3=e["state"]), e["name"]
        for o in e["offices"]:
            assert o["title"] and o["title"] == o["title"].strip(), e["name"]
            state, org = o.get("state"), o.get("organization")
            assert (state is None) != (org is None), (e["name"], o)
            if state is not None:
                assert pycountry.countries.get(alpha_3=state), (e["name"], state)
            else:
                assert org in ORGANIZATIONS, (e["name"], org)


def test_dates_parse_and_run_forwards(officials):
    for e in officials:
        for o in e["offices"]:
            assert o["from"] is not None, (e["name"], o["title"])
            start_lo, _ = bounds(o["from"])
            if o["to"] is not None:
                _, end_hi = bounds(o["to"])
                assert start_lo <= end_hi, (e["name"], o)
            assert start_lo >= (1989, 1, 1), (e["name"], o)
            assert start_lo <= (2026, 12, 31), (e["name"], o)


def test_uncertainty_is_flagged_on_the_person(officials):
    for e in officials:
        if any(o.get("uncertain") for o in e["offices"]):
            assert e.get("uncertain") is True, e["name"]


def test_canonical_names_are_unique_unless_distinguished(officials):
    counts = Counter(e["name"] for e in officials)
    for name, n in counts.items():
        if n > 1:
            dupes = [e for e in officials if e["name"] == name]
            assert all(e.get("disambiguation") for e in dupes), name
            assert len({e["disambiguation"] for e in dupes}) == n, name


def test_no_alias_is_another_persons_canonical_name(officials):
    names = {e["name"] for e in officials}
    for e in officials:
        for a in e.get("aliases_en", []):
            assert a == e["name"] or a not in names, (e["name"], a)


def test_no_english_alias_is_shared_by_two_persons(officials):
    owner: dict[str, str] = {}
    for e in officials:
        for a in e.get("aliases_en", []):
            assert owner.setdefault(a, e["name"]) == e["name"], (a, owner[a], e["name"])


# --- spot facts ----------------------------------------------------------------------------------------------


def test_zas(officials):
    zas = by_name(officials, "Stanislav Zas")
    assert "Засем" in zas["family_forms_ru"]
    assert set(zas["family_forms_ru"]) >= {"Зась", "Зася", "Засю", "Засе"}
    sg = terms(zas, "Secretary General", "CSTO")
    assert [(o["from"][:7], o["to"][:7]) for o in sg] == [("2020-01", "2022-12")]


def test_makei_and_rahmon_forms(officials):
    assert "Макеем" in by_name(officials, "Vladimir Makei")["family_forms_ru"]
    rahmon = by_name(officials, "Emomali Rahmon")
    assert {"Рахмоном", "Рахмонов"} <= set(rahmon["family_forms_ru"])
    assert "Emomali Rakhmon" in rahmon["aliases_en"]


def test_indeclinable_names_have_one_form(officials):
    assert by_name(officials, "Sergei Shoigu")["family_forms_ru"] == ["Шойгу"]
    assert by_name(officials, "Alexander Lukashenko")["family_forms_ru"] == ["Лукашенко"]


def test_shoigu_and_patrushev_security_council(officials):
    shoigu = terms(by_name(officials, "Sergei Shoigu"), "Secretary of the Security Council", "RUS")
    assert len(shoigu) == 1 and shoigu[0]["from"].startswith("2024-05") and shoigu[0]["to"] is None
    patrushev = terms(by_name(officials, "Nikolai Patrushev"), "Secretary of the Security Council", "RUS")
    assert len(patrushev) == 1
    assert patrushev[0]["from"].startswith("2008-05") and patrushev[0]["to"].startswith("2024-05")
    assert "Sergey Shoigu" in by_name(officials, "Sergei Shoigu")["aliases_en"]
    assert "Nikolay Patrushev" in by_name(officials, "Nikolai Patrushev")["aliases_en"]


def test_volfovich_state_secretary(officials):
    v = by_name(officials, "Alexander Volfovich")
    (t,) = terms(v, "State Secretary of the Security Council", "BLR")
    # Appointed at the end of January 2021 (his predecessors Ravkov and Vakulchik held it in 2020).
    assert t["from"].startswith("2021-01") and t["to"] is None
    assert {"Aleksandr Volfovich", "Alexander Wolfovich"} <= set(v["aliases_en"])


def test_secretaries_general_succeed_each_other(officials):
    def holders(org: str) -> list[tuple[str, str]]:
        out = []
        for e in officials:
            for o in terms(e, "Secretary General", org):
                out.append((o["from"], e["name"]))
        return [n for _, n in sorted(out)]

    assert holders("CSTO") == [
        "Nikolai Bordyuzha",
        "Yuri Khachaturov",
        "Stanislav Zas",
        "Imangali Tasmagambetov",
        "Taalatbek Masadykov",
    ]
    assert holders("SCO") == [
        "Zhang Deguang",
        "Bolat Nurgaliyev",
        "Muratbek Imanaliyev",
        "Dmitry Mezentsev",
        "Rashid Alimov",
        "Vladimir Norov",
        "Zhang Ming",
        "Nurlan Yermekbayev",
    ]


def test_current_holders(officials):
    def current(title: str, where: str) -> list[str]:
        return sorted(e["name"] for e in officials for o in terms(e, title, where) if o["to"] is None)

    assert current("President", "RUS") == ["Vladimir Putin"]
    assert current("Director of the Federal Security Service", "RUS") == ["Alexander Bortnikov"]
    assert current("National Security Advisor", "IND") == ["Ajit Doval"]
    assert current("Secretary of the Supreme National Security Council", "IRN") == ["Ali Larijani"]
    assert current("Secretary General", "CIS") == ["Sergei Lebedev"]


# --- given_names.json ----------------------------------------------------------------------------------------


def test_given_names_table(given_names):
    assert len(given_names) >= 200
    ru = Counter(e["ru"] for e in given_names)
    assert not [k for k, n in ru.items() if n > 1]
    en = Counter(e["en"] for e in given_names)
    assert not [k for k, n in en.items() if n > 1]
    for e in given_names:
        assert CYRILLIC.match(e["ru"]) and e["en"], e
        assert e["en"] not in e.get("variants_en", []), e["ru"]
        assert e.get("gender") in ("m", "f"), e["ru"]


def test_given_name_spellings_mean_one_name(given_names):
    owner: dict[str, str] = {}
    for e in given_names:
        for v in [e["en"], *e.get("variants_en", [])]:
            assert owner.setdefault(v.lower(), e["ru"]) == e["ru"], (v, owner[v.lower()], e["ru"])
    heads = {e["ru"] for e in given_names}
    for e in given_names:
        for f in [*e.get("forms_ru", []), *e.get("diminutives_ru", [])]:
            assert f not in heads or f == e["ru"], (e["ru"], f)


@pytest.mark.parametrize(
    ("ru", "en", "variant"),
    [
        ("Александр", "Alexander", "Aleksandr"),
        ("Алексей", "Alexei", "Alexey"),
        ("Сергей", "Sergei", "Sergey"),
        ("Дмитрий", "Dmitry", "Dmitriy"),
        ("Юрий", "Yuri", "Yury"),
        ("Николай", "Nikolai", "Nikolay"),
        ("Андрей", "Andrei", "Andrey"),
        ("Евгений", "Yevgeny", "Evgeny"),
        ("Виктор", "Viktor", "Victor"),
        ("Максим", "Maxim", "Maksim"),
        ("Наталья", "Natalia", "Natalya"),
        ("Елена", "Elena", "Yelena"),
        ("Касым-Жомарт", "Kassym-Jomart", "Kassym-Zhomart"),
        ("Асет", "Asset", "Aset"),
        ("Ильхам", "Ilham", "Ilkham"),
        ("Эмомали", "Emomali", "Emomalii"),
    ],
)
def test_given_name_spot(given_names, ru, en, variant):
    (e,) = [x for x in given_names if x["ru"] == ru]
    assert e["en"] == en and variant in e["variants_en"]


def test_given_name_forms(given_names):
    idx = {e["ru"]: e for e in given_names}
    assert "Касым-Жомартом" in idx["Касым-Жомарт"]["forms_ru"]
    assert {"Ильхама", "Ильхамом"} <= set(idx["Ильхам"]["forms_ru"])
    assert "Нурланом" in idx["Нурлан"]["forms_ru"]
    assert idx["Эмомали"].get("indeclinable") is True


def test_officials_given_names_agree_with_the_table(officials, given_names):
    idx = {e["ru"]: e for e in given_names}
    for e in officials:
        g = idx.get(e.get("given_ru") or "")
        if g is None:
            continue
        first = e["name"].split()[0]
        assert first in [g["en"], *g["variants_en"]], (e["name"], e["given_ru"])


# --- the registry as the resolver reads it -------------------------------------------------------------------


def test_resolver_reads_the_registry():
    mod = pytest.importorskip("parley.resolve.officials")
    reg = mod.Officials(load_entries("officials"))
    assert reg.lookup("Sergey Shoigu").name == "Sergei Shoigu"
    assert reg.lookup("Aleksandr Volfovich").name == "Alexander Volfovich"
    assert reg.lookup_russian(["Станиславом", "Засем"]).name == "Stanislav Zas"
    assert reg.lookup_russian(["Владимиром", "Макеем"]).name == "Vladimir Makei"
    assert reg.lookup_russian(["Эмомали", "Рахмоном"]).name == "Emomali Rahmon"
    assert reg.lookup_russian(["Сергея", "Шойгу"]).name == "Sergei Shoigu"
