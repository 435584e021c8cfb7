"""Consistency and spot-fact checks for the curated geography, organisation and body data."""

from __future__ import annotations

import re
from collections import defaultdict

import pycountry
import pytest

from parley.domain import load_entries
from parley.domain.registry import Body, Domain


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

    for name in ("states", "places", "organizations", "bodies"):
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



# ------------------------------------------------------------------ bodies
CONVENING = {"CIS", "CSTO", "SCO", "BRICS", "EAEU", "UNION_STATE", "CIS_ATC", "Organization of Turkic States"}
FIRST_FIVE = ["security-council-secretaries", "high-representatives", "special-services-heads",
              "collective-security-council", "heads-of-state"]
REQUIRED_BODIES = set(FIRST_FIVE) | {
    "foreign-ministers", "defence-ministers", "heads-of-government", "interior-ministers", "border-troops-commanders",
    "prosecutors-general", "emergency-ministers", "anti-terrorism", "permanent-council", "national-coordinators",
    "chiefs-of-general-staff", "drug-control", "migration", "customs", "parliamentary-assembly", "supreme-state-council",
}

# (body, phrase as agencies write it): each is found by its body's phrasings and by no other body's.
BODY_PHRASES = pairs("""
security-council-secretaries | the meeting of the secretaries of the Security Councils of the CIS member states
security-council-secretaries | SCO Security Council Secretaries meeting
security-council-secretaries | the CSTO Committee of Secretaries of Security Councils
security-council-secretaries | встреча секретарей советов безопасности государств – участников СНГ
security-council-secretaries | заседание Комитета секретарей советов безопасности ОДКБ
security-council-secretaries | заседание КССБ ОДКБ
high-representatives | the meeting of BRICS high representatives responsible for national security
high-representatives | встреча высоких представителей, курирующих вопросы безопасности
high-representatives | встреча высоких представителей стран БРИКС, ответственных за вопросы национальной безопасности
special-services-heads | Council of Heads of Security Agencies and Special Services of the CIS member states
special-services-heads | заседание Совета руководителей органов безопасности и специальных служб государств – участников СНГ
special-services-heads | заседание СОРБ
collective-security-council | the session of the CSTO Collective Security Council
collective-security-council | сессия Совета коллективной безопасности ОДКБ
collective-security-council | сессии СКБ ОДКБ
heads-of-state | the meeting of the CIS Council of Heads of State
heads-of-state | the SCO summit
heads-of-state | заседание Совета глав государств СНГ
heads-of-state | встреча глав государств СНГ
heads-of-state | the Supreme Eurasian Economic Council
heads-of-state | заседание Высшего Евразийского экономического совета
heads-of-state | заседании ВЕЭС
supreme-state-council | a meeting of the Supreme State Council of the Union State
supreme-state-council | заседание Высшего государственного совета Союзного государства
supreme-state-council | на заседании ВГС
anti-terrorism | the meeting of the Council of the Regional Anti-Terrorist Structure of the SCO
anti-terrorism | the SCO RATS Council meeting
anti-terrorism | the RATS Council
anti-terrorism | заседание Совета РАТС ШОС
anti-terrorism | на заседании Совета Региональной антитеррористической структуры ШОС
anti-terrorism | сбор руководителей антитеррористических подразделений органов безопасности и специальных служб
anti-terrorism | meeting of heads of counter-terrorism units of CIS security agencies
border-troops-commanders | the 91st meeting of the Council of Commanders of Border Troops of the CIS member states
border-troops-commanders | the CIS border troops commanders' council
border-troops-commanders | a meeting of heads of border services of the SCO member states
border-troops-commanders | на заседании Совета командующих пограничными войсками
border-troops-commanders | заседание Совета командующих Пограничными войсками государств – участников СНГ
border-troops-commanders | командующие погранвойсками стран СНГ
border-troops-commanders | 91-е заседание СКПВ СНГ
border-troops-commanders | 91-е заседание Совета командующих
border-troops-commanders | совещание руководителей пограничных ведомств государств – членов ШОС
drug-control | the Coordination Council of Heads of Competent Authorities on Countering Illicit Drug Trafficking of the CSTO member states
drug-control | a meeting of heads of anti-drug agencies of SCO countries
drug-control | заседание Координационного совета руководителей компетентных органов по противодействию незаконному обороту наркотиков государств – членов ОДКБ
drug-control | совещание руководителей компетентных органов государств – членов ШОС, уполномоченных на борьбу с незаконным оборотом наркотиков
drug-control | заседании КСОПН ОДКБ
drug-control | встреча руководителей антинаркотических ведомств
migration | the Coordinating Council of the Heads of the Competent Bodies of the Member States of the Collective Security Treaty Organization on Combating Illegal Migration
migration | a meeting of heads of migration agencies of the CIS member states
migration | заседание Совета руководителей миграционных органов государств – участников СНГ
migration | заседании Координационного совета руководителей компетентных органов государств – членов ОДКБ по вопросам борьбы с незаконной миграцией
migration | заседание СРМО
migration | заседание КСБНМ
customs | the meeting of the Council of Heads of Customs Services of the CIS member states
customs | the meeting of BRICS heads of customs administrations
customs | SCO customs chiefs
customs | заседание Совета руководителей таможенных служб государств – участников СНГ
customs | совещании руководителей таможенных служб государств – членов ШОС
customs | заседание СРТС
prosecutors-general | the meeting of the Coordination Council of Prosecutors General of the CIS member states
prosecutors-general | a meeting of prosecutors general of the SCO member states
prosecutors-general | BRICS prosecutors-general meeting
prosecutors-general | заседание Координационного совета генеральных прокуроров государств – участников СНГ
prosecutors-general | совещание генеральных прокуроров государств – членов ШОС
prosecutors-general | встреча генпрокуроров стран БРИКС
prosecutors-general | 35-е заседание КСГП
emergency-ministers | the meeting of the Interstate Council for Natural and Man-Made Emergencies
emergency-ministers | a meeting of heads of emergency agencies of the SCO member states
emergency-ministers | the meeting of heads of ministries and departments for emergency prevention and relief
emergency-ministers | заседание Межгосударственного совета по чрезвычайным ситуациям природного и техногенного характера
emergency-ministers | заседание Координационного совета по чрезвычайным ситуациям государств – членов ОДКБ
emergency-ministers | совещание руководителей ведомств по предупреждению и ликвидации чрезвычайных ситуаций
emergency-ministers | 16-е заседание КСЧС ОДКБ
emergency-ministers | встреча глав чрезвычайных ведомств
interior-ministers | the meeting of the Council of Ministers of Internal Affairs of the CIS member states
interior-ministers | the second meeting of the interior ministers of the Organization of Turkic States
interior-ministers | the Meeting of Ministers of Internal Affairs and Public Security of the SCO member states
interior-ministers | заседание Совета министров внутренних дел государств – участников СНГ
interior-ministers | совещание министров внутренних дел государств – членов ШОС
interior-ministers | главы МВД стран СНГ
interior-ministers | встреча с министрами внутренних дел
interior-ministers | заседании СМВД
chiefs-of-general-staff | a meeting of the Committee of Chiefs of Staff of the Armed Forces of the CIS member states
chiefs-of-general-staff | a meeting of the chiefs of general staff
chiefs-of-general-staff | the CSTO Military Committee
chiefs-of-general-staff | заседание Комитета начальников штабов вооруженных сил государств – участников СНГ
chiefs-of-general-staff | встреча начальников генеральных штабов
chiefs-of-general-staff | заседание Военного комитета ОДКБ
chiefs-of-general-staff | заседание КНШ СНГ
national-coordinators | a meeting of the Council of National Coordinators of the SCO member states
national-coordinators | the meeting of BRICS sherpas and sous-sherpas
national-coordinators | заседание Совета национальных координаторов государств – членов ШОС
national-coordinators | встреча шерп БРИКС
national-coordinators | заседание СНК ШОС
permanent-council | the meeting of the CSTO Permanent Council
permanent-council | the Council of Permanent Plenipotentiary Representatives of the CIS member states
permanent-council | заседание Постоянного совета ОДКБ
permanent-council | заседании Совета постоянных полномочных представителей государств – участников СНГ
parliamentary-assembly | the plenary session of the Inter-Parliamentary Assembly of the CIS member states
parliamentary-assembly | the CSTO Parliamentary Assembly
parliamentary-assembly | the meeting of speakers of parliaments of the SCO member states
parliamentary-assembly | пленарное заседание Межпарламентской Ассамблеи государств – участников СНГ
parliamentary-assembly | сессия Парламентского Собрания Союза Беларуси и России
parliamentary-assembly | заседание Совета ПА ОДКБ
parliamentary-assembly | встреча председателей парламентов государств – членов ШОС
heads-of-government | the meeting of the Council of Heads of Government of the CIS
heads-of-government | the SCO heads of government meeting
heads-of-government | a meeting of the Eurasian Intergovernmental Council
heads-of-government | the Council of Ministers of the Union State
heads-of-government | заседании Совета глав правительств СНГ
heads-of-government | заседание Совета глав правительств (премьер-министров) государств – членов ШОС
heads-of-government | заседание Евразийского межправительственного совета
heads-of-government | заседание Евразийского межправсовета
heads-of-government | заседание Совета министров Союзного государства
heads-of-government | заседание СГП СНГ
foreign-ministers | the meeting of the Council of Foreign Ministers of the CIS
foreign-ministers | the SCO foreign ministers' meeting
foreign-ministers | a meeting of ministers of foreign affairs of BRICS countries
foreign-ministers | the CSTO top diplomats
foreign-ministers | the SCO CFM
foreign-ministers | заседание Совета министров иностранных дел СНГ
foreign-ministers | на встрече министров иностранных дел стран БРИКС
foreign-ministers | заседание СМИД ОДКБ
foreign-ministers | встреча глав МИД стран СНГ
defence-ministers | the meeting of the Council of Defence Ministers of the CIS member states
defence-ministers | the SCO defense ministers' meeting
defence-ministers | a meeting of the defence ministers
defence-ministers | a meeting of ministers of defence of the CSTO member states
defence-ministers | заседание Совета министров обороны государств – участников СНГ
defence-ministers | на заседании Совета министров обороны ОДКБ
defence-ministers | совещание министров обороны государств – членов ШОС
defence-ministers | заседание СМО СНГ
defence-ministers | встреча глав оборонных ведомств
""")

# Phrases that name none of the bodies (or not the one a careless pattern would see).
NO_BODY = [
    "Prime Minister Mikhail Mishustin", "the Prosecutor General's Office", "the UN Security Council meeting",
    "the Federation Council", "the customs union", "the Council of Europe", "migration policy", "the border crossing",
    "премьер-министра России", "генерального прокурора", "Совет Федерации", "Совет министров Белоруссии",
    "заседание Совета министров", "Совета Безопасности ООН", "главы МВД России", "пограничного перехода",
    "Общественного совета при Минобороны", "руководителей регионов", "смо и смид",
]


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain()


@pytest.fixture(scope="module")
def body_patterns(domain) -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    return {"en": domain.matchers("en").bodies, "ru": domain.matchers("ru", lambda w: w).bodies}


def bodies_in(body_patterns, text: str) -> list[str]:
    lang = "ru" if re.search("[а-яё]", text, re.I) else "en"
    return [key for key, pat in body_patterns[lang] if pat.search(text)]


def test_body_entries(orgs):
    entries = load_entries("bodies")
    keys = [b["key"] for b in entries]
    assert len(keys) == len(set(keys))
    assert set(keys) >= REQUIRED_BODIES
    assert keys[:5] == FIRST_FIVE
    org_keys = {o["key"] for o in orgs}
    for b in entries:
        assert b["en"] and b["ru"], b["key"]
        assert isinstance(b["joint"], bool), b["key"]
        names = b["names"]
        assert names and set(names) <= org_keys | {""}, (b["key"], set(names) - org_keys)
        assert all(isinstance(n, str) and n.strip() == n and n for n in names.values()), b["key"]
        for field in ("abbreviations_en", "abbreviations_ru"):
            for a in b.get(field, []):
                assert a and a == a.strip(), (b["key"], a)
        assert set(b.get("implies") or {}) <= org_keys, b["key"]
    assert {b["key"] for b in entries if b["joint"]} == {"foreign-ministers", "defence-ministers",
                                                           "security-council-secretaries"}


def test_body_and_organisation_fields_are_documented():
    import json
    from importlib import resources

    def about(name: str) -> str:
        return json.loads(resources.files("parley.domain").joinpath("data", f"{name}.json").read_text("utf-8"))["about"]

    for field in ("key", "en", "ru", "abbreviations_en", "abbreviations_ru", "names", "joint", "implies", "priority"):
        assert field in about("bodies"), field
    assert "convenes" in about("organizations")


def test_every_body_regex_compiles():
    for b in load_entries("bodies"):
        for lang in ("en", "ru"):
            for pat in b[lang]:
                re.compile(pat, re.I)
        for pats in (b.get("implies") or {}).values():
            for pat in pats:
                re.compile(pat, re.I)


def test_convening_organisations(orgs, domain):
    assert {o["key"] for o in orgs if o.get("convenes")} == CONVENING
    assert all(isinstance(o["convenes"], bool) for o in orgs if "convenes" in o)
    assert domain.convening_organizations == frozenset(CONVENING)


def test_registry_body_api(domain):
    entries = load_entries("bodies")
    assert domain.body_priority == [b["key"] for b in entries]
    assert domain.joint_bodies == frozenset({"foreign-ministers", "defence-ministers", "security-council-secretaries"})
    assert all(isinstance(b, Body) and b.key == k for k, b in domain.bodies_by_key.items())
    assert set(domain.bodies_by_key) == set(domain.body_priority)
    assert domain.bodies is load_entries("bodies")  # the raw entries stay available
    for lang, matchers in (("en", domain.matchers("en")), ("ru", domain.matchers("ru", lambda w: w))):
        assert [k for k, _ in matchers.bodies] == domain.body_priority, lang
        assert all(isinstance(p, re.Pattern) for _, p in matchers.bodies)


@pytest.mark.parametrize(("key", "text"), BODY_PHRASES)
def test_body_phrasings(body_patterns, key, text):
    found = bodies_in(body_patterns, text)
    assert found == [key], (text, found)


def test_every_body_has_english_and_russian_phrases():
    keys = {b["key"] for b in load_entries("bodies")}
    for lang_is_ru in (False, True):
        covered = {k for k, t in BODY_PHRASES if bool(re.search("[а-яё]", t, re.I)) == lang_is_ru}
        assert covered == keys, keys - covered


@pytest.mark.parametrize("text", NO_BODY)
def test_phrases_naming_no_body(body_patterns, text):
    assert bodies_in(body_patterns, text) == []


def test_body_priority_picks_the_most_specific(body_patterns, domain):
    def winner(text: str) -> str | None:
        found = set(bodies_in(body_patterns, text))
        return next((k for k in domain.body_priority if k in found), None)

    assert winner("the session of the CSTO Collective Security Council summit") == "collective-security-council"
    assert winner("the summit of heads of state and government") == "heads-of-state"
    assert winner("главы государств и правительств") == "heads-of-state"
    joint = "joint meeting of the CSTO Council of Foreign Ministers, Council of Defence Ministers and Committee of Secretaries of Security Councils"
    assert set(bodies_in(body_patterns, joint)) == {"foreign-ministers", "defence-ministers",
                                                     "security-council-secretaries"}
    assert set(bodies_in(body_patterns, "совместное заседание СМИД, СМО и КССБ ОДКБ")) == domain.joint_bodies


def test_existing_phrasings_still_match(body_patterns):
    for key, text in [
        ("security-council-secretaries", "national security council secretaries"),
        ("security-council-secretaries", "секретарей СБ"),
        ("special-services-heads", "intelligence chiefs"),
        ("heads-of-state", "заседаний высших органов СНГ"),
        ("collective-security-council", "the council of collective security"),
        ("foreign-ministers", "deputy foreign ministers"),
        ("high-representatives", "national security advisers"),
    ]:
        assert key in bodies_in(body_patterns, text), (key, text)


def test_body_abbreviations_are_case_sensitive(body_patterns):
    assert bodies_in(body_patterns, "заседание СМО СНГ") == ["defence-ministers"]
    assert bodies_in(body_patterns, "заседание смо") == []
    assert bodies_in(body_patterns, "СКПВ") == ["border-troops-commanders"]
    assert bodies_in(body_patterns, "скпв") == []
    assert bodies_in(body_patterns, "the council of rats") == []


BODY_NAMES = pairs("""
border-troops-commanders | CIS | Council of Commanders of Border Troops of the CIS member states
defence-ministers | CIS | Council of Defence Ministers of the CIS member states
heads-of-government | CIS | Council of Heads of Government of the CIS
foreign-ministers | CIS | Council of Foreign Ministers of the CIS
interior-ministers | CIS | Council of Ministers of Internal Affairs of the CIS member states
defence-ministers | CSTO | CSTO Council of Defence Ministers
foreign-ministers | CSTO | CSTO Council of Foreign Ministers
collective-security-council | CSTO | CSTO Collective Security Council
security-council-secretaries | CSTO | Committee of Secretaries of the Security Councils of the CSTO
defence-ministers | SCO | Meeting of Defence Ministers of the SCO member states
anti-terrorism | SCO | Council of the Regional Anti-Terrorist Structure of the SCO
security-council-secretaries | SCO | meeting of the secretaries of the Security Councils of the SCO member states
defence-ministers |  | Meeting of Defence Ministers
heads-of-state | EAEU | Supreme Eurasian Economic Council
heads-of-state | UNION_STATE | Supreme State Council of the Union State
heads-of-state | BRICS | BRICS Summit
heads-of-government | EAEU | Eurasian Intergovernmental Council
heads-of-government | UNION_STATE | Council of Ministers of the Union State
supreme-state-council | UNION_STATE | Supreme State Council of the Union State
permanent-council | CSTO | CSTO Permanent Council
national-coordinators | SCO | Council of National Coordinators of the SCO member states
prosecutors-general | CIS | Coordination Council of Prosecutors General of the CIS member states
drug-control | CSTO | Coordination Council of Heads of Competent Authorities on Countering Illicit Drug Trafficking of the CSTO member states
chiefs-of-general-staff | CIS | Committee of Chiefs of Staff of the Armed Forces of the CIS member states
parliamentary-assembly | UNION_STATE | Parliamentary Assembly of the Union of Belarus and Russia
foreign-ministers | Organization of Turkic States | Council of Foreign Ministers of the Organization of Turkic States
interior-ministers | Organization of Turkic States | Meeting of Interior Ministers of the Organization of Turkic States
""")


@pytest.mark.parametrize(("key", "org", "name"), BODY_NAMES)
def test_body_names(domain, key, org, name):
    assert domain.body_name(key, org or None) == name


def test_body_name_fallbacks(domain):
    # An organisation the body has no name for: the name for none; a child organisation: its parent's.
    assert domain.body_name("defence-ministers", "NATO") == "Meeting of Defence Ministers"
    assert domain.body_name("anti-terrorism", "SCO Regional Anti-Terrorist Structure") == \
        "Council of the Regional Anti-Terrorist Structure of the SCO"
    assert domain.body_name("parliamentary-assembly", "CIS Inter-Parliamentary Assembly") == \
        "Inter-Parliamentary Assembly of the CIS member states"
    assert domain.body_name("anti-terrorism", "CIS_ATC") == "Meeting of Heads of Anti-Terrorist Units of the CIS member states"
    # A body that means nothing on its own ("Permanent Council" is also the OSCE's) has no name without one.
    assert domain.body_name("permanent-council", None) is None
    assert domain.body_name("permanent-council", "OSCE") is None
    assert domain.body_name("no-such-body", "CIS") is None


def test_every_body_has_a_name_for_each_organisation_it_serves(domain):
    for b in load_entries("bodies"):
        assert b["names"].get("") or set(b["names"]) & CONVENING, b["key"]
        for org in b["names"]:
            assert domain.body_name(b["key"], org or None) == b["names"][org]


IMPLIED = pairs("""
collective-security-council | the Collective Security Council session | CSTO
collective-security-council | сессия СКБ | CSTO
security-council-secretaries | заседание КССБ | CSTO
security-council-secretaries | the Committee of Secretaries of Security Councils | CSTO
border-troops-commanders | заседание Совета командующих пограничными войсками | CIS
border-troops-commanders | the Council of Commanders of Border Troops | CIS
heads-of-state | заседание Высшего Евразийского экономического совета | EAEU
heads-of-government | the Eurasian Intergovernmental Council | EAEU
supreme-state-council | заседание Высшего государственного совета | UNION_STATE
anti-terrorism | the RATS Council | SCO
anti-terrorism | заседание Совета РАТС | SCO
interior-ministers | заседание СМВД | CIS
drug-control | заседание КСОПН | CSTO
migration | заседание КСБНМ | CSTO
migration | заседание СРМО | CIS
national-coordinators | заседание Совета национальных координаторов | SCO
parliamentary-assembly | сессия Парламентского собрания Союза Беларуси и России | UNION_STATE
parliamentary-assembly | сессия Межпарламентской ассамблеи | CIS
""")


@pytest.mark.parametrize(("key", "text", "org"), IMPLIED)
def test_implied_organisations(domain, key, text, org):
    assert domain.implied_organization(key, text) == org


def test_generic_phrases_imply_no_organisation(domain):
    assert domain.implied_organization("defence-ministers", "the defence ministers' meeting") is None
    assert domain.implied_organization("permanent-council", "the Permanent Council") is None
    assert domain.implied_organization("heads-of-state", "the summit") is None
    assert domain.implied_organization("chiefs-of-general-staff", "the Military Committee") is None
