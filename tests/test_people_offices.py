"""People and their offices as reports write them in lists and references: a plural title heading a
parallel list, a counterpart, titles after the name in a list of names, "the country's", a rank after
a comma, a state's name before the title; and capitalised words that are no person (a headline in
title case, a part of an organisation's or a place's name).

The texts are written for these tests; each phenomenon has variants in wording, names, states and
outlet style, in English and Russian where the phrasing exists in both.
"""

from __future__ import annotations

import pytest

from helpers import Json, people
from helpers import run as _run
from parley.pipeline import Extractor

pytestmark = pytest.mark.slow


def run(extractor: Extractor, text: str, language: str = "en", published: str | None = "2023-05-10") -> Json:
    return _run(extractor, text, published, language)


def office_of(record: Json, name: str) -> list[tuple[str, str | None]]:
    person = people(record).get(name)
    assert person is not None, sorted(people(record))
    return [(o["title"].lower(), o.get("state")) for o in person["offices"]]


def holds(record: Json, name: str, words: set[str], state: str | None) -> bool:
    return any(words <= set(title.replace("-", " ").split()) and st == state for title, st in office_of(record, name))


# ------------------------------------------------------------------ a plural title heading a parallel list

LIST_HEADS = [
    ("en", "The session brought together interior ministers of Armenia (Vahe Ghazaryan), Belarus (Ivan Kubrakov) "
           "and Kyrgyzstan (Ulan Niyazbekov).",
     {"Vahe Ghazaryan": ({"interior", "minister"}, "ARM"), "Ivan Kubrakov": ({"interior", "minister"}, "BLR"),
      "Ulan Niyazbekov": ({"interior", "minister"}, "KGZ")}),
    ("en", "Present were the heads of government of Kazakhstan – Olzhas Bektenov, Tajikistan – Kokhir Rasulzoda, "
           "Uzbekistan – Abdulla Aripov.",
     {"Olzhas Bektenov": ({"head", "government"}, "KAZ"), "Kokhir Rasulzoda": ({"head", "government"}, "TJK"),
      "Abdulla Aripov": ({"head", "government"}, "UZB")}),
    ("en", "Defence ministers of China (Dong Jun), Pakistan (Khawaja Asif) and Iran (Aziz Nasirzadeh) attended "
           "the meeting in Qingdao.",
     {"Dong Jun": ({"defence", "minister"}, "CHN"), "Khawaja Asif": ({"defence", "minister"}, "PAK"),
      "Aziz Nasirzadeh": ({"defence", "minister"}, "IRN")}),
    ("ru", "За столом переговоров собрались министры внутренних дел: Армении - Ваге Казарян, Белоруссии - Иван "
           "Кубраков, Киргизии - Улан Ниязбеков.",
     {"Ivan Kubrakov": ({"interior", "minister"}, "BLR"), "Ulan Niyazbekov": ({"interior", "minister"}, "KGZ")}),
    ("ru", "В заседании участвовали министры обороны Казахстана (Руслан Жаксылыков), Белоруссии (Виктор Хренин) "
           "и Таджикистана (Собир Мирзо).",
     {"Ruslan Zhaksylykov": ({"defense", "minister"}, "KAZ"), "Viktor Khrenin": ({"defense", "minister"}, "BLR")}),
]


@pytest.mark.parametrize("language,text,expected", LIST_HEADS)
def test_a_plural_title_heading_a_parallel_list_is_each_persons_office(extractor, language, text, expected):
    rec = run(extractor, text, language)
    for name, (words, state) in expected.items():
        assert holds(rec, name, words, state), (name, office_of(rec, name))


def test_a_list_without_a_plural_title_gives_no_office(extractor):
    rec = run(extractor, "The delegations of Armenia (Vahe Ghazaryan) and Belarus (Ivan Kubrakov) arrived on Monday.")
    assert office_of(rec, "Vahe Ghazaryan") == []


# ------------------------------------------------------------------ counterparts

COUNTERPARTS = [
    ("en", "Russian Defence Minister Andrei Belousov met his Chinese counterpart Dong Jun in Qingdao.",
     "Dong Jun", {"defence", "minister"}, "CHN"),
    ("en", "Kazakh Foreign Minister Murat Nurtleu held talks with his Uzbek counterpart Bakhtiyor Saidov in Tashkent.",
     "Bakhtiyor Saidov", {"foreign", "minister"}, "UZB"),
    ("ru", "Глава МИД России Сергей Лавров и его киргизский коллега Жээнбек Кулубаев подписали протокол.",
     "Jeenbek Kulubaev", {"foreign", "minister"}, "KGZ"),
    ("ru", "Министр обороны Белоруссии Виктор Хренин встретился с коллегой из Казахстана Русланом Жаксылыковым.",
     "Ruslan Zhaksylykov", {"defense", "minister"}, "KAZ"),
]


@pytest.mark.parametrize("language,text,name,words,state", COUNTERPARTS)
def test_a_counterpart_holds_the_same_office_for_their_state(extractor, language, text, name, words, state):
    rec = run(extractor, text, language)
    assert holds(rec, name, words, state), office_of(rec, name)


# ------------------------------------------------------------------ titles after names in a list

APPOSITIVE_LISTS = [
    ("The meeting saw the presence of Celso Amorim, Chief Adviser to the President of Brazil, Ajit Doval, "
     "National Security Advisor of India, and Sergei Shoigu, Secretary of the Security Council of Russia.",
     {"Ajit Doval": ({"national", "security", "advisor"}, "IND"),
      "Sergei Shoigu": ({"secretary", "security", "council"}, "RUS")}),
    ("Taking part were Nurlan Yermekbayev, Minister of Defence of Kazakhstan, Ruslan Mirzayev, Director of the "
     "Executive Committee of RATS, and Zakir Hasanov, Minister of Defence of Azerbaijan.",
     {"Zakir Hasanov": ({"minister", "defence"}, "AZE")}),
    ("Attending: Gizat Nurdauletov, Secretary of the Security Council of Kazakhstan, Marat Imankulov, Secretary "
     "of the Security Council of Kyrgyzstan.",
     {"Marat Imankulov": ({"secretary", "security", "council"}, "KGZ")}),
]


@pytest.mark.parametrize("text,expected", APPOSITIVE_LISTS)
def test_in_a_list_of_names_each_title_after_a_name_is_that_names(extractor, text, expected):
    rec = run(extractor, text)
    for name, (words, state) in expected.items():
        assert holds(rec, name, words, state), (name, office_of(rec, name))
        others = {st for _, st in office_of(rec, name)} - {state, None}
        assert not others, office_of(rec, name)


# ------------------------------------------------------------------ "the country's", ranks, states before titles

TITLE_FORMS = [
    ("Azerbaijan is represented at the meeting by Head of the country's Presidential Administration Samir Nuriyev.",
     "Samir Nuriyev", {"head", "presidential", "administration"}, "AZE"),
    ("Kyrgyzstan was represented by the country's Defence Minister Ruslan Mukambetov.",
     "Ruslan Mukambetov", {"defence", "minister"}, "KGZ"),
    ("The Minister of Defense of Azerbaijan, Colonel-General Zakir Hasanov, also took part in the meeting.",
     "Zakir Hasanov", {"minister", "defense"}, "AZE"),
    ("Tajik Minister of Defence, Colonel General Farrukh Sharifzoda, left for Minsk to attend the session.",
     "Farrukh Sharifzoda", {"minister", "defence"}, "TJK"),
    ("Kazakhstan Prime Minister Olzhas Bektenov chaired the meeting in Astana.",
     "Olzhas Bektenov", {"prime", "minister"}, "KAZ"),
    ("Pakistan's National Security Advisor, Asim Malik, arrived in Moscow.",
     "Muhammad Asim Malik", {"national", "security", "advisor"}, "PAK"),
    ("He had a two-day meeting with US National Security Advisor Jake Sullivan in Malta.",
     "Jake Sullivan", {"national", "security", "advisor"}, "USA"),
]


@pytest.mark.parametrize("text,name,words,state", TITLE_FORMS)
def test_title_forms_before_a_name(extractor, text, name, words, state):
    rec = run(extractor, text)
    assert holds(rec, name, words, state), office_of(rec, name)


def test_without_a_date_the_registry_gives_the_state_of_every_term_with_that_title(extractor):
    rec = run(extractor, "Foreign Minister Sergei Lavrov and Security Council Secretary Nikolai Patrushev "
                         "represent the host at the session.", published=None)
    assert holds(rec, "Nikolai Patrushev", {"security", "council", "secretary"}, "RUS"), office_of(rec, "Nikolai Patrushev")


# ------------------------------------------------------------------ capitalised words that are no person

NO_PERSON = [
    ("CSTO Member States Vow To Strengthen Collective Security\n\nThe defence ministers met in Minsk on Friday.",
     ["Vow", "States Vow"]),
    ("UN Official Urges Renewed Effort on Border Security\n\nSCO experts met in Tashkent.", ["Urges Renewed Effort"]),
    ("Participants laid flowers in the Alexander Garden before the session.", ["Alexander Garden"]),
    ("They will plan the exercises of the CSTO Collective Rapid Reaction Forces in 2024.", ["Rapid Reaction"]),
    ("The India-Russia Intergovernmental Consultations on Afghanistan opened on Wednesday.",
     ["Intergovernmental Consultations"]),
]


@pytest.mark.parametrize("text,not_people", NO_PERSON)
def test_headline_and_institution_words_are_no_person(extractor, text, not_people):
    found = set(people(run(extractor, text)))
    for word in not_people:
        assert not any(word in name for name in found), found


def test_a_person_named_in_a_headline_and_the_text_is_kept(extractor):
    rec = run(extractor, "Lavrov Meets Kyrgyz Counterpart Kulubaev In Bishkek\n\nRussian Foreign Minister Sergei "
                         "Lavrov met Zheenbek Kulubaev in Bishkek.")
    assert {"Sergei Lavrov", "Jeenbek Kulubaev"} <= set(people(rec))


# ------------------------------------------------------------------ Russian initials

INITIALS = [
    ("Председательствовал на заседании первый заместитель министра иностранных дел РФ А. Денисов.",
     "A. Denisov", {"first", "deputy"}, "RUS"),
    ("Встречу открыл заместитель министра обороны Белоруссии В.Ю.Куликов.", "V. Kulikov", {"deputy"}, "BLR"),
    ("В заседании участвовал министр иностранных дел Киргизской Республики Ж.Кулубаев.",
     "Jeenbek Kulubaev", {"foreign", "minister"}, "KGZ"),
]


@pytest.mark.parametrize("text,name,words,state", INITIALS)
def test_russian_initials_and_a_family_name_after_a_title(extractor, text, name, words, state):
    rec = run(extractor, text, "ru")
    assert holds(rec, name, words, state), office_of(rec, name)


def test_russian_initials_without_a_title_are_no_person_the_registry_does_not_know(extractor):
    rec = run(extractor, "По данным агентства, А. Петренко сообщил об этом вчера.", "ru")
    assert "A. Petrenko" not in people(rec)


# ------------------------------------------------------------------ a namesake is not the registry's official

NAMESAKES = [
    ("Заседание открыл заместитель председателя СГБ Узбекистана Шерзод Мусаев.", "Sherzod Musayev", "Ryskeldi Musaev"),
    ("С докладом выступил полковник Тимур Бортников из академии МВД.", "Timur Bortnikov", "Alexander Bortnikov"),
    ("Делегацию возглавил заместитель министра Фарход Рахимов.", "Farkhod Rakhimov", None),
]


@pytest.mark.parametrize("text,name,not_name", NAMESAKES)
def test_a_given_name_the_table_does_not_know_keeps_a_namesake_apart(extractor, text, name, not_name):
    found = set(people(run(extractor, text, "ru")))
    assert any(n.split()[-1][:5] == name.split()[-1][:5] and n.split()[0][:3] == name.split()[0][:3] for n in found), found
    if not_name:
        assert not_name not in found


# ------------------------------------------------------------------ a list after a colon; a title carried over to the pairs after it

COLON_AND_CARRIED = [
    ("en", "Also attending were the heads of government: Alexander Turchin (Belarus), Olzhas Bektenov (Kazakhstan) "
           "and Abdulla Aripov (Uzbekistan).",
     {"Alexander Turchin": ({"head", "government"}, "BLR"), "Olzhas Bektenov": ({"head", "government"}, "KAZ")}),
    ("ru", "В заседании также участвуют главы правительств: Александр Турчин (Беларусь), Олжас Бектенов (Казахстан), "
           "Абдулла Арипов (Узбекистан).",
     {"Alexander Turchin": ({"prime", "minister"}, "BLR"), "Olzhas Bektenov": ({"prime", "minister"}, "KAZ")}),
    ("en", "Taking part were Prosecutor General of Russia Igor Krasnov, Belarus – Andrei Shved, Tajikistan – Yusuf "
           "Rahmon.", {"Andrei Shved": ({"prosecutor", "general"}, "BLR"), "Yusuf Rahmon": ({"prosecutor", "general"}, "TJK")}),
    ("ru", "В работе совета участвуют генеральный прокурор России Игорь Краснов, Беларуси – Андрей Швед, "
           "Таджикистана – Юсуф Рахмон.",
     {"Andrei Shved": ({"prosecutor", "general"}, "BLR"), "Yusuf Rakhmon": ({"prosecutor", "general"}, "TJK")}),
]


@pytest.mark.parametrize("language,text,expected", COLON_AND_CARRIED)
def test_titles_of_listed_pairs(extractor, language, text, expected):
    rec = run(extractor, text, language)
    for name, (words, state) in expected.items():
        assert holds(rec, name, words, state), (name, office_of(rec, name))
