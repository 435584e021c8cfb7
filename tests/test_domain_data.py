"""Consistency and spot-fact checks for the curated geography and organisation data."""

from __future__ import annotations

from collections import defaultdict

import pycountry
import pytest

from parley.domain import load_entries


def codes(text: str) -> list[str]:
    """Whitespace-separated codes."""
    return text.split()


def pairs(text: str) -> list[tuple[str, ...]]:
    """Lines of ``a | b | c`` as tuples."""
    return [tuple(part.strip() for part in line.split("|")) for line in text.strip().splitlines()]


STATE_FIELDS_EN = ("names_en", "adjectives_en", "demonyms_en")
STATE_FIELDS_RU = ("names_ru", "adjectives_ru")
REQUIRED_ORGS = set(codes("CIS CSTO SCO EAEU BRICS NATO EU UN OSCE G7 UNION_STATE CIS_ATC"))
KEY_STATES = codes(
    "RUS BLR KAZ KGZ TJK UZB TKM ARM AZE MDA GEO UKR"  # CIS / former Soviet
    " CHN IND PAK IRN MNG AFG TUR EGY SAU QAT ARE KWT BHR MDV MMR NPL KHM LKA LAO"  # SCO members and partners
    " BRA ZAF ETH IDN"  # BRICS
    " USA GBR FRA DEU POL LTU LVA EST FIN SWE ISR SYR IRQ PSE JPN KOR PRK VNM CUB VEN NIC SRB ITA ESP"
)
ISO_LIST_FIELDS = codes(
    "members members_associate members_former members_suspended members_permanent"
    " participants_former observers partners co_chairs"
)

STATE_FACTS = pairs(
    """
Kirghizia | KGZ
Kyrgyz Republic | KGZ
Киргизия | KGZ
Кыргызстан | KGZ
кыргызский | KGZ
КНР | CHN
People's Republic of China | CHN
Белоруссия | BLR
РБ | BLR
Byelorussia | BLR
Belarusian | BLR
РФ | RUS
Russian Federation | RUS
РК | KAZ
Republic of Kazakhstan | KAZ
Kazakh | KAZ
Moldavia | MDA
Молдавия | MDA
Молдова | MDA
Туркмения | TKM
Turkmen | TKM
Türkiye | TUR
Turkiye | TUR
UAE | ARE
ОАЭ | ARE
Emirati | ARE
U.S. | USA
США | USA
United States of America | USA
Britain | GBR
UK | GBR
ЮАР | ZAF
South African | ZAF
Azeri | AZE
Georgia | GEO
Грузия | GEO
DPRK | PRK
КНДР | PRK
Republic of Korea | KOR
Южная Корея | KOR
Объединенные Арабские Эмираты | ARE
Guinea | GIN
Papua New Guinea | PNG
Democratic Republic of the Congo | COD
Congo | COG
Ivory Coast | CIV
Burma | MMR
Laos | LAO
Vietnam | VNM
Iran | IRN
ИРИ | IRN
"""
)

PLACE_FACTS = pairs(
    """
Nur-Sultan | Astana | KAZ
Нур-Султане | Astana | KAZ
Астана | Astana | KAZ
Кишинёв | Chisinau | MDA
Кишинев | Chisinau | MDA
Kishinev | Chisinau | MDA
Chișinău | Chisinau | MDA
Alma-Ata | Almaty | KAZ
Алма-Ате | Almaty | KAZ
Алма-Ату | Almaty | KAZ
Алма-Аты | Almaty | KAZ
Kiev | Kyiv | UKR
Чолпон-Ате | Cholpon-Ata | KGZ
Чолпон-Ату | Cholpon-Ata | KGZ
Ново-Огарево | Novo-Ogaryovo | RUS
Ново-Огареве | Novo-Ogaryovo | RUS
Novo-Ogarevo | Novo-Ogaryovo | RUS
Санкт-Петербурге | St. Petersburg | RUS
Петербурге | St. Petersburg | RUS
Улан-Баторе | Ulaanbaatar | MNG
Нью-Дели | New Delhi | IND
Дели | New Delhi | IND
Душанбе | Dushanbe | TJK
Баку | Baku | AZE
Тбилиси | Tbilisi | GEO
Сочи | Sochi | RUS
Подмосковье | Moscow Region | RUS
Московской области | Moscow Region | RUS
Московский регион | Moscow Region | RUS
Ashkhabad | Ashgabat | TKM
Ulan Bator | Ulaanbaatar | MNG
Brasilia | Brasília | BRA
Qabala | Gabala | AZE
"""
)


def norm(s: str) -> str:
    return s.casefold().replace("ё", "е")


@pytest.fixture(scope="module")
def states() -> list[dict]:
    return load_entries("states")


@pytest.fixture(scope="module")
def places() -> list[dict]:
    return load_entries("places")


@pytest.fixture(scope="module")
def orgs() -> list[dict]:
    return load_entries("organizations")


@pytest.fixture(scope="module")
def state_by_name(states) -> dict[str, str]:
    index: dict[str, str] = {}
    for s in states:
        for field in STATE_FIELDS_EN + STATE_FIELDS_RU:
            for n in s[field]:
                index[norm(n)] = s["iso3"]
    return index


@pytest.fixture(scope="module")
def place_by_name(places) -> dict[str, dict]:
    index: dict[str, dict] = {}
    for p in places:
        for field in ("names_en", "names_ru", "forms_ru"):
            for n in p[field]:
                index[norm(n)] = p
    return index


def test_files_have_about_and_sources():
    import json
    from importlib import resources

    for name in ("states", "places", "organizations"):
        path = resources.files("parley.domain").joinpath("data", f"{name}.json")
        data = json.loads(path.read_text(encoding="utf-8"))
        assert set(data) == {"about", "sources", "entries"}
        assert len(data["about"]) > 200
        assert data["sources"] and all(isinstance(s, str) for s in data["sources"])


# ------------------------------------------------------------------ states
def test_states_cover_iso_3166_1(states):
    codes = [s["iso3"] for s in states]
    assert len(codes) == len(set(codes))
    assert set(codes) == {c.alpha_3 for c in pycountry.countries}


def test_state_codes_are_real_and_consistent(states):
    for s in states:
        country = pycountry.countries.get(alpha_3=s["iso3"])
        assert country is not None, s["iso3"]
        assert country.alpha_2 == s["iso2"], s["iso3"]


def test_state_fields(states):
    for s in states:
        assert s["name"] and s["name"] in s["names_en"], s["iso3"]
        for field in STATE_FIELDS_EN + STATE_FIELDS_RU:
            assert isinstance(s[field], list), (s["iso3"], field)
            assert all(isinstance(n, str) and n.strip() == n and n for n in s[field]), (s["iso3"], field)
        assert all(not n.lower().startswith("the ") for n in s["names_en"]), s["iso3"]
        for n in s.get("ambiguous_names", []):
            assert any(n in s[field] for field in STATE_FIELDS_EN + STATE_FIELDS_RU), n
        for n in s["adjectives_ru"]:
            assert n == n.lower() and n.endswith(("ий", "ый", "ой")), n


def test_un_membership(states):
    members = [s["iso3"] for s in states if s["un_status"] == "member"]
    assert len(members) == 193
    assert {s["iso3"] for s in states if s["un_status"] == "observer"} == {"VAT", "PSE"}
    assert "TWN" not in members and "XKX" not in members


@pytest.mark.parametrize("lang_fields", [STATE_FIELDS_EN, STATE_FIELDS_RU], ids=["en", "ru"])
def test_state_names_are_unambiguous(states, lang_fields):
    owners: dict[str, set[str]] = defaultdict(set)
    for s in states:
        for field in lang_fields:
            for n in s[field]:
                owners[norm(n)].add(s["iso3"])
    clashes = {n: sorted(o) for n, o in owners.items() if len(o) > 1}
    assert not clashes


def test_korea_alone_is_not_a_name(state_by_name):
    for n in ("korea", "корея", "korean", "корейский", "congolese", "commonwealth"):
        assert n not in state_by_name


def test_every_sovereign_state_has_a_capital_place(states, places):
    place_names = {(p["name"], p["state"]) for p in places}
    for s in states:
        if s["un_status"] or s["iso3"] == "TWN":
            assert (s["capital"], s["iso3"]) in place_names, s["iso3"]


def test_enriched_states_have_russian_and_adjectives(states):
    by_code = {s["iso3"]: s for s in states}
    for code in KEY_STATES:
        s = by_code[code]
        assert s["names_ru"] and s["adjectives_ru"] and s["adjectives_en"], code


@pytest.mark.parametrize(
    ("name", "iso3"),
    STATE_FACTS,
)
def test_state_spot_facts(state_by_name, name, iso3):
    assert state_by_name[norm(name)] == iso3


def test_capitals_spot_facts(states):
    by_code = {s["iso3"]: s for s in states}
    assert by_code["KAZ"]["capital"] == "Astana"
    assert by_code["MDA"]["capital"] == "Chisinau"
    assert by_code["UKR"]["capital"] == "Kyiv"
    assert by_code["MMR"]["capital"] == "Naypyidaw"
    assert by_code["ZAF"]["capital"] == "Pretoria"


# ------------------------------------------------------------------ places
def test_place_fields(places, states):
    codes = {s["iso3"] for s in states}
    names = [p["name"] for p in places]
    assert len(names) == len(set(names))
    for p in places:
        assert p["state"] in codes, p["name"]
        assert p.get("controlled_by", "RUS") in codes
        assert p["name"] in p["names_en"], p["name"]
        assert p["names_ru"], p["name"]
        assert p["kind"] in {"city", "region", "residence", "building", "resort"}, p["name"]
        if "in" in p:
            assert p["in"] in names, p["name"]
        for n in p.get("ambiguous_names", []):
            assert n in p["names_en"] + p["names_ru"] + p["forms_ru"], n


def test_place_names_are_unambiguous(places):
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for p in places:
        for n in p["names_en"]:
            owners[("en", norm(n))].add(p["name"])
        for n in p["names_ru"] + p["forms_ru"]:
            owners[("ru", norm(n))].add(p["name"])
    clashes = {n: sorted(o) for n, o in owners.items() if len(o) > 1}
    assert not clashes


@pytest.mark.parametrize(
    ("name", "place", "iso3"),
    PLACE_FACTS,
)
def test_place_spot_facts(place_by_name, name, place, iso3):
    p = place_by_name[norm(name)]
    assert (p["name"], p["state"]) == (place, iso3)


def test_place_kinds(place_by_name):
    assert place_by_name[norm("Подмосковье")]["kind"] == "region"
    assert place_by_name[norm("Issyk-Kul")]["kind"] == "region"
    assert place_by_name[norm("Novo-Ogaryovo")]["kind"] == "residence"
    assert place_by_name[norm("Crimea")]["controlled_by"] == "RUS"


# ------------------------------------------------------------------ organisations
def test_required_organisations_present(orgs):
    keys = [o["key"] for o in orgs]
    assert len(keys) == len(set(keys))
    assert set(keys) >= REQUIRED_ORGS


def test_organisation_fields(orgs, states, places):
    codes = {s["iso3"] for s in states}
    keys = {o["key"] for o in orgs}
    place_names = {p["name"] for p in places}
    for o in orgs:
        assert o["name"], o["key"]
        for field in ("names_en", "abbreviations_en", "names_ru", "abbreviations_ru"):
            assert isinstance(o[field], list), (o["key"], field)
        assert o["names_en"] or o["abbreviations_en"], o["key"]
        assert o["names_ru"] or o["abbreviations_ru"], o["key"]
        for field in ISO_LIST_FIELDS:
            value = o.get(field)
            if value is not None:
                assert len(value) == len(set(value)), (o["key"], field)
                assert set(value) <= codes, (o["key"], field, set(value) - codes)
        assert o["parent"] is None or o["parent"] in keys, o["key"]
        for k in o.get("member_organizations", []):
            assert k in keys, (o["key"], k)
        if o.get("headquarters"):
            assert o["headquarters"] in place_names, o["key"]


def test_organisation_names_are_unambiguous(orgs):
    owners: dict[str, set[str]] = defaultdict(set)
    for o in orgs:
        for field in ("names_en", "abbreviations_en", "names_ru", "abbreviations_ru"):
            for n in o[field]:
                owners[norm(n)].add(o["key"])
    clashes = {n: sorted(k) for n, k in owners.items() if len(k) > 1}
    assert not clashes
    assert "commonwealth" not in owners and "security council" not in owners


def test_organisation_spot_facts(orgs, states):
    by_key = {o["key"]: o for o in orgs}
    assert set(by_key["CSTO"]["members"]) == {"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"}
    assert "ОДКБ" in by_key["CSTO"]["abbreviations_ru"]
    assert set(by_key["SCO"]["members"]) == set(codes("BLR CHN IND IRN KAZ KGZ PAK RUS TJK UZB"))
    assert set(by_key["EAEU"]["members"]) == {"ARM", "BLR", "KAZ", "KGZ", "RUS"}
    assert set(by_key["UNION_STATE"]["members"]) == {"BLR", "RUS"}
    assert "GEO" in by_key["CIS"]["members_former"] and "GEO" not in by_key["CIS"]["members"]
    assert "TKM" in by_key["CIS"]["members_associate"]
    assert len(by_key["NATO"]["members"]) == 32
    assert len(by_key["EU"]["members"]) == 27
    assert len(by_key["OSCE"]["members"]) == 57
    assert len(by_key["BRICS"]["members"]) == 10
    assert len(by_key["UN"]["members"]) == 193
    assert len(by_key["African Union"]["members"]) == 55
    assert len(by_key["Arab League"]["members"]) == 22
    assert by_key["CIS_ATC"]["parent"] == "CIS"
    assert "АТЦ СНГ" in by_key["CIS_ATC"]["abbreviations_ru"]
    assert by_key["SCO Regional Anti-Terrorist Structure"]["parent"] == "SCO"
    assert by_key["OSCE Minsk Group"]["parent"] == "OSCE"
    assert by_key["UN Security Council"]["parent"] == "UN"
    assert "СГ" in by_key["UNION_STATE"]["abbreviations_ru"]
    assert "Содружество Независимых Государств" in by_key["CIS"]["names_ru"]
