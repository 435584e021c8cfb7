"""Checks of the curated officials registry and given-name table (domain/data/officials.json, given_names.json)."""

from __future__ import annotations

import calendar
import re
from collections import Counter
from itertools import pairwise

import pycountry
import pytest

from parley.domain import load_entries

ORGANIZATIONS = {"CSTO", "SCO", "CIS", "CIS_ATC", "EAEU", "NDB", "UN", "Organization of Turkic States"}
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


def _fold_ru(word: str) -> str:
    return word.lower().replace("ё", "е")


def test_russian_forms_are_well_formed(officials):
    for e in officials:
        forms = e.get("family_forms_ru", [])
        assert all(isinstance(f, str) and f and f == f.strip() for f in forms), e["name"]
        assert len(set(forms)) == len(forms), e["name"]
        if e.get("family_ru"):
            assert forms, e["name"]
        for a in e.get("aliases_ru", []):
            assert CYRILLIC.match(a) and a == a.strip() and "  " not in a, (e["name"], a)
        assert len(set(e.get("aliases_ru", []))) == len(e.get("aliases_ru", [])), e["name"]
        for key in ("given_ru", "patronymic_ru", "family_ru"):
            if e.get(key) is not None:
                assert CYRILLIC.match(e[key]), (e["name"], key)


def test_colliding_russian_forms_within_a_state_are_flagged_and_told_apart(officials):
    """Two people of one state whose family names share a Russian form (Наваз and Шахбаз Шариф, Ким Чен Ын
    and Ким Чен Ир) both carry shared_family_ru, and their Russian given names differ, so that the
    resolver can tell them apart; the flag is not set where nothing collides."""
    owners: dict[tuple[str, str], set[str]] = {}
    for e in officials:
        for f in e.get("family_forms_ru", []):
            owners.setdefault((e["state"], _fold_ru(f)), set()).add(e["name"])
    colliding = {n for names in owners.values() if len(names) > 1 for n in names}
    entries = {e["name"]: e for e in officials}
    for e in officials:
        assert bool(e.get("shared_family_ru")) == (e["name"] in colliding), e["name"]
    for (state, form), names in owners.items():
        if len(names) > 1:
            givens = [_fold_ru(entries[n].get("given_ru") or "") for n in names]
            assert all(givens) and len(set(givens)) == len(givens), (state, form, sorted(names))


def test_uncertain_offices_say_what_is_attested(officials):
    for e in officials:
        assert e.get("uncertain") in (None, True), e["name"]
        for o in e["offices"]:
            assert o.get("uncertain") in (None, True), (e["name"], o)
            assert o.get("note") is None or (isinstance(o["note"], str) and o["note"].strip()), (e["name"], o)
            if o["from"] == "1989":
                # Terms held since before the registry's period start at 1989, flagged, with the real start.
                assert o.get("uncertain") and o.get("note"), (e["name"], o)


# The states and posts the registry covers besides the CIS (issue: foreign names written in Cyrillic).
COVERED = ["CHN", "IND", "IRN", "PAK", "TUR", "SRB", "VNM", "MNG", "AFG", "AZE", "ARM", "GEO", "KAZ", "KGZ", "TJK",
           "UZB", "TKM", "BLR", "BRA", "ZAF", "EGY", "ETH", "ARE", "SAU", "IDN", "LAO", "KHM", "MMR", "CUB", "VEN",
           "NIC", "PRK"]
HEADS = {"President", "King", "Supreme Leader", "Acting President", "Chairman of the State Peace and Development Council",
         "Chairman of the National Defence Commission", "Chairman of the Supreme Council of the Armed Forces"}


@pytest.mark.parametrize("state", COVERED)
def test_every_covered_state_has_its_heads_and_ministers(officials, state):
    titles = {o["title"] for e in officials for o in e["offices"] if o.get("state") == state}
    assert titles & HEADS, state
    assert "Minister of Foreign Affairs" in titles, state
    people = [e for e in officials if e["state"] == state]
    assert len(people) >= 4, state
    # Russian text must reach them: most have Russian forms.
    with_ru = [e for e in people if e.get("family_forms_ru")]
    assert len(with_ru) >= 0.75 * len(people), state


@pytest.mark.parametrize(
    ("state", "title", "holders"),
    [
        ("TUR", "President", ["Abdullah Gul", "Recep Tayyip Erdogan"]),
        ("TUR", "Minister of Foreign Affairs", ["Abdullah Gul", "Ali Babacan", "Ahmet Davutoglu", "Mevlut Cavusoglu",
                                                "Feridun Sinirlioglu", "Mevlut Cavusoglu", "Hakan Fidan"]),
        ("TUR", "Minister of Defence", ["Vecdi Gonul", "Ismet Yilmaz", "Ismet Yilmaz", "Fikri Isik", "Nurettin Canikli",
                                        "Hulusi Akar", "Yasar Guler"]),
        ("SRB", "President", ["Boris Tadic", "Tomislav Nikolic", "Aleksandar Vucic"]),
        ("VNM", "President", ["Nguyen Minh Triet", "Truong Tan Sang", "Tran Dai Quang", "Nguyen Phu Trong",
                              "Nguyen Xuan Phuc", "Vo Van Thuong", "To Lam", "Luong Cuong"]),
        ("AFG", "President", ["Hamid Karzai", "Ashraf Ghani"]),
        ("PRK", "Minister of Foreign Affairs", ["Pak Ui Chun", "Ri Su Yong", "Ri Yong Ho", "Ri Son Gwon", "Choe Son Hui"]),
        ("IRN", "Minister of Defence", ["Ali Shamkhani", "Mostafa Mohammad-Najjar", "Ahmad Vahidi", "Hossein Dehghan",
                                        "Amir Hatami", "Mohammad-Reza Ashtiani", "Aziz Nasirzadeh"]),
        ("PAK", "Director General of Inter-Services Intelligence", ["Ahmad Shuja Pasha", "Rizwan Akhtar", "Naveed Mukhtar",
                                                                     "Asim Munir", "Faiz Hameed", "Nadeem Anjum",
                                                                     "Muhammad Asim Malik"]),
    ],
)
def test_holders_in_order(officials, state, title, holders):
    got = sorted((o["from"], e["name"]) for e in officials for o in terms(e, title, state))
    assert [n for _, n in got] == holders


def test_terms_of_one_office_do_not_overlap(officials):
    """Holders of one single-seat office of one state follow each other (a day's overlap on the day of handover
    is allowed; acting terms and uncertain terms are left out)."""
    single = {"President", "Prime Minister", "Minister of Foreign Affairs", "Minister of Defence", "Minister of the Interior",
              "King", "Secretary General"}
    by_office: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for e in officials:
        for o in e["offices"]:
            if o["title"] in single and not o.get("uncertain"):
                where = o.get("state") or o.get("organization")
                by_office.setdefault((o["title"], where), []).append((o["from"], o["to"] or "9999", e["name"]))
    for key, spans in by_office.items():
        spans.sort()
        for (_a_from, a_to, a), (b_from, _b_to, b) in pairwise(spans):
            if a == b:
                continue
            assert b_from[:7] >= a_to[:7], (key, a, a_to, b, b_from)


def test_turkic_states_secretaries_general(officials):
    got = sorted((o["from"], e["name"]) for e in officials for o in terms(e, "Secretary General", "Organization of Turkic States"))
    assert [n for _, n in got] == ["Halil Akinci", "Ramil Hasanov", "Baghdad Amreyev", "Kubanychbek Omuraliev"]


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


def test_every_official_resolves_to_itself():
    """Each official's English name and aliases, Russian given and family name, and every whole Russian
    name in aliases_ru lead the resolver back to that official (and an English alias never to another)."""
    mod = pytest.importorskip("parley.resolve.officials")
    entries = load_entries("officials")
    reg = mod.Officials(entries)
    for e in entries:
        assert reg.lookup(e["name"]).name == e["name"], e["name"]
        for a in e.get("aliases_en", []):
            hit = reg.lookup(a)
            assert hit is None or hit.name == e["name"], (a, hit.name)
        if e.get("family_ru"):
            words = (e["given_ru"] or "").split() + [w for w in e["family_ru"].split() if w[:1].isupper() or "-" in w]
            hit = reg.lookup_russian(words)
            assert hit is not None and hit.name == e["name"], (e["name"], words, hit and hit.name)
        for a in e.get("aliases_ru", []):
            hit = reg.lookup_russian(a.split())
            assert hit is not None and hit.name == e["name"], (e["name"], a, hit and hit.name)


@pytest.mark.parametrize(
    ("words", "name"),
    [
        # Foreign names written in Cyrillic reach their usual Latin spelling, in any case.
        (["Реджепом", "Тайипом", "Эрдоганом"], "Recep Tayyip Erdogan"),
        (["Эрдогана"], "Recep Tayyip Erdogan"),
        (["Нарендры", "Моди"], "Narendra Modi"),
        (["Си", "Цзиньпину"], "Xi Jinping"),
        (["Ван", "И"], "Wang Yi"),
        (["Аджитом", "Довалем"], "Ajit Doval"),
        (["Шахбаза", "Шарифа"], "Shehbaz Sharif"),
        (["Наваз", "Шариф"], "Nawaz Sharif"),
        (["Эбрахиму", "Раиси"], "Ebrahim Raisi"),
        (["Масудом", "Пезешкианом"], "Masoud Pezeshkian"),
        (["Александре", "Вучиче"], "Aleksandar Vucic"),
        (["Хакан", "Фидан"], "Hakan Fidan"),
        (["Ким", "Чен", "Ыном"], "Kim Jong Un"),
        (["Ким", "Чен", "Ира"], "Kim Jong Il"),
        (["Нгуен", "Фу", "Чонгом"], "Nguyen Phu Trong"),
        (["Хун", "Манета"], "Hun Manet"),
        (["Мин", "Аун", "Хлайне"], "Min Aung Hlaing"),
        (["Хурэлсуха"], "Ukhnaagiin Khurelsukh"),
        (["Мухаммедом", "бен", "Сальманом"], "Mohammed bin Salman"),
        (["Сальман"], "Salman bin Abdulaziz Al Saud"),
        (["Амир", "Хан", "Муттаки"], "Amir Khan Muttaqi"),
        (["Мигелем", "Диас-Канелем"], "Miguel Diaz-Canel"),
        (["Цой", "Сон", "Хи"], "Choe Son Hui"),
        (["Сергея", "Шойгу"], "Sergei Shoigu"),
        (["Станиславом", "Засем"], "Stanislav Zas"),
        (["Шойгу", "Сергей", "Кужугетович"], "Sergei Shoigu"),
    ],
)
def test_russian_names_of_foreign_officials(words, name):
    mod = pytest.importorskip("parley.resolve.officials")
    hit = mod.get_officials().lookup_russian(words)
    assert hit is not None and hit.name == name


@pytest.mark.parametrize(
    "words",
    [
        ["Ахмедом", "Ваххабом", "Ахмед", "Ваххаб"],  # Ахмед is Abiy Ahmed's family name, here a given name
        ["Хан", "Мухаммад", "Хусейн"][1:],  # no official
        ["Ким"],  # five Kims of North Korea
        ["Нгуен"],
        ["Шариф"],
    ],
)
def test_russian_names_the_registry_cannot_tell(words):
    mod = pytest.importorskip("parley.resolve.officials")
    assert mod.get_officials().lookup_russian(words) is None


def test_english_aliases_with_other_given_names():
    mod = pytest.importorskip("parley.resolve.officials")
    reg = mod.get_officials()
    assert reg.lookup("Tayyip Erdogan").name == "Recep Tayyip Erdogan"
    assert reg.lookup("King Salman").name == "Salman bin Abdulaziz Al Saud"
    assert reg.lookup("Khalid bin Salman").name == "Khalid bin Salman"
    assert reg.lookup("Kim Jong-un").name == "Kim Jong Un"
    assert reg.lookup("Aleksandar Vučić").name == "Aleksandar Vucic"


def test_new_spot_facts(officials):
    erdogan = by_name(officials, "Recep Tayyip Erdogan")
    assert [(o["title"], o["from"][:4]) for o in erdogan["offices"]] == [("Prime Minister", "2003"), ("President", "2014")]
    assert "Эрдоганом" in erdogan["family_forms_ru"]
    assert {"Доваль", "Довалем"} <= set(by_name(officials, "Ajit Doval")["family_forms_ru"])
    assert by_name(officials, "Wang Yi")["aliases_ru"] == ["Ван И"]
    assert by_name(officials, "Kim Jong Un")["family_forms_ru"] == ["Ким"]
    assert "Ким Чен Ыном" in by_name(officials, "Kim Jong Un")["aliases_ru"]
    (isi,) = terms(by_name(officials, "Asim Munir"), "Director General of Inter-Services Intelligence", "PAK")
    assert isi["from"].startswith("2018") and isi["to"].startswith("2019")
    assert by_name(officials, "Hosni Mubarak")["offices"][0]["from"] == "1989"
    assert "1981" in by_name(officials, "Hosni Mubarak")["offices"][0]["note"]
