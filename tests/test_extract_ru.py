"""Russian extraction (issue 5), one phenomenon per test, on short invented reports.

Every test goes through the public pipeline (``Extractor().extract(document)``) and
asserts on the record as ``record.to_json()`` gives it: names, places, offices and
states come out in their canonical English forms whatever the case the text uses.
Tests marked ``xfail(strict=True)`` describe behaviour the issues ask for that the
extractor does not have yet.
"""

from __future__ import annotations

import re

import pytest

from helpers import Json, main_meeting, people, speakers, words, ws
from helpers import run as _run
from parley.pipeline import Extractor

pytestmark = pytest.mark.slow



def run(extractor: Extractor, text: str, published: str | None = None, language: str | None = "ru") -> Json:
    return _run(extractor, text, published, language)


























def has_office(person: Json, title: str, state: str | None = None, organization: str | None = None) -> bool:
    return any(
        words(o["title"]) == words(title)
        and (state is None or o["state"] == state)
        and (organization is None or o["organization"] == organization)
        for o in person["offices"]
    )


CIS = "встреча секретарей советов безопасности государств – участников СНГ"
CSTO = "заседание Комитета секретарей советов безопасности ОДКБ"
SCO = "встреча секретарей советов безопасности государств – членов ШОС"


# ------------------------------------------------------------------ cleaning and language


def test_page_furniture_and_translation_notice_are_ignored(extractor):
    text = (
        "Перейти в фотобанк\nПоделиться\nФото: © Сергей Петров\n"
        f"В Минске прошло {CSTO}. В нем принял участие госсекретарь Совбеза Беларуси Александр Вольфович.\n"
        "«Мы выступаем за коллективный ответ на общие угрозы», – сказал Александр Вольфович.\n"
        "Переведено сервисом «Яндекс Переводчик»\n"
    )
    rec = run(extractor, text, published="2023-06-08")
    assert list(people(rec)) == ["Alexander Volfovich"]
    (statement,) = rec["statements"]
    (start, end), *_ = statement["support"]["quote"]
    assert ws(text[start:end]) == ws(statement["quote"]) == "Мы выступаем за коллективный ответ на общие угрозы"
    (start, end), *_ = main_meeting(rec)["support"]["place"]
    assert text[start:end] == "Минске"


def test_language_is_detected_per_document(extractor):
    text = f"В Москве прошла {CIS}. Стороны обсудили ситуацию в Афганистане и противодействие терроризму."
    rec = run(extractor, text, published="2025-11-05", language=None)
    assert rec["document"]["language"] == "ru"
    assert main_meeting(rec)["series"] == "cis-security-council-secretaries"


def test_mixed_document_is_read_in_its_body_language(extractor):
    text = (
        "Skip to main content\nHome | News | Politics | Economy | Society | Sports\nShare on Facebook\n"
        f"В Душанбе прошло {CSTO}. В нем принял участие госсекретарь Совбеза Беларуси Александр Вольфович.\n"
        "Участники обсудили ситуацию на таджикско-афганской границе, противодействие терроризму и наркотрафику, "
        "а также вопросы информационной безопасности.\n"
        "«Мы выступаем за коллективный ответ на угрозы», – сказал Александр Вольфович.\n"
        "All rights reserved. Reproduction of materials is permitted only with a hyperlink to the source.\n"
    )
    rec = run(extractor, text, language=None)
    assert rec["document"]["language"] == "ru"
    meeting = main_meeting(rec)
    assert (meeting["series"], meeting["place"]) == ("csto-security-council-secretaries", "Dushanbe")
    assert speakers(rec) == {"Alexander Volfovich": ["Мы выступаем за коллективный ответ на угрозы"]}


# ------------------------------------------------------------------ names, places, states


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Белорусская сторона была представлена государственным секретарем Совета безопасности Станиславом Засем.",
         "Stanislav Zas"),
        ("Белорусская сторона была представлена министром иностранных дел Владимиром Макеем.", "Vladimir Makei"),
        ("Встреча прошла под председательством секретаря Совбеза России Сергея Шойгу.", "Sergei Shoigu"),
        ("Госсекретарь Совбеза Беларуси Александр Вольфович прибыл в Москву.", "Alexander Volfovich"),
    ],
    ids=["instrumental-zas", "instrumental-makei", "genitive-shoigu", "nominative-volfovich"],
)
def test_inflected_names_to_canonical_english(extractor, text, name):
    rec = run(extractor, text, published="2017-11-30")
    assert list(people(rec)) == [name]


@pytest.mark.parametrize(
    ("where", "place", "country"),
    [("в Москве", "Moscow", "RUS"), ("в Алма-Ате", "Almaty", "KAZ"), ("в Бишкеке", "Bishkek", "KGZ"),
     ("в Душанбе", "Dushanbe", "TJK")],
)
def test_places_in_any_case(extractor, where, place, country):
    rec = run(extractor, f"Вчера {where} прошла {CIS}.", published="2018-10-12")
    meeting = main_meeting(rec)
    assert (meeting["place"], meeting["country"]) == (place, country)


@pytest.mark.parametrize(
    ("attendance", "state"),
    [
        ("В нем приняли участие делегации Белоруссии и Армении.", "BLR"),
        ("В нем приняли участие делегации Беларуси и Армении.", "BLR"),
        ("Белорусская сторона была представлена госсекретарем Совбеза.", "BLR"),
        ("В нем принял участие госсекретарь Совбеза РБ Александр Вольфович.", "BLR"),
        ("В нем приняли участие делегации Киргизии и Армении.", "KGZ"),
        ("В нем приняли участие делегации Кыргызстана и Армении.", "KGZ"),
    ],
    ids=["belorussiya", "belarus", "belarusian-side", "rb", "kirgiziya", "kyrgyzstan"],
)
def test_state_names_and_their_variants(extractor, attendance, state):
    rec = run(extractor, f"В Душанбе прошло {CSTO}. {attendance}", published="2021-10-18")
    assert state in main_meeting(rec)["states"]


def test_prc_is_china(extractor):
    text = f"В Бишкеке прошла {SCO}. Делегацию КНР возглавил министр общественной безопасности Чжао Кэчжи."
    rec = run(extractor, text, published="2019-06-14")
    meeting = main_meeting(rec)
    assert "CHN" in meeting["states"]
    assert "Zhao Kezhi" in meeting["persons"]


def test_states_reported_absent_are_left_out(extractor):
    text = (f"В Москве прошла {CIS}. В ней приняли участие делегации Армении и Казахстана. "
            "Представителей Украины и Молдавии на встрече не было.")
    rec = run(extractor, text, published="2022-11-03")
    states = set(main_meeting(rec)["states"])
    assert {"ARM", "KAZ"} <= states
    assert not states & {"UKR", "MDA"}


# ------------------------------------------------------------------ meetings


@pytest.mark.parametrize(
    ("phrase", "series"),
    [
        (CIS, "cis-security-council-secretaries"),
        (CSTO, "csto-security-council-secretaries"),
        (SCO, "sco-security-council-secretaries"),
        ("сессия Совета коллективной безопасности ОДКБ", "csto-collective-security-council"),
    ],
    ids=["cis", "csto-committee", "sco", "csto-collective-security-council"],
)
def test_series_from_russian_phrasings(extractor, phrase, series):
    rec = run(extractor, f"Вчера в Минске прошла {phrase}.", published="2017-11-30")
    assert main_meeting(rec)["series"] == series


def test_joint_session_of_the_csto_councils(extractor):
    rec = run(extractor, "30.11.2017 в Минске состоялось совместное заседание СМИД, СМО и КССБ ОДКБ.")
    meeting = main_meeting(rec)
    assert (meeting["start"], meeting["place"], meeting["country"]) == ("2017-11-30", "Minsk", "BLR")
    assert "CSTO" in meeting["organizations"]
    assert meeting["series"] in (None, "csto-security-council-secretaries")


@pytest.mark.parametrize(
    ("phrase", "ordinal"),
    [(f"XIII {CIS}", 13), (f"13-я {CIS}", 13), (f"Четвертое {CSTO}", 4)],
    ids=["roman", "numeric", "word"],
)
def test_ordinals(extractor, phrase, ordinal):
    rec = run(extractor, f"{phrase[0].upper()}{phrase[1:]} прошла в Москве.", published="2025-11-05")
    assert main_meeting(rec)["ordinal"] == ordinal


@pytest.mark.parametrize(
    ("text", "published", "start"),
    [
        (f"5 ноября в Москве прошла {CIS}.", "2025-11-06", "2025-11-05"),
        (f"30.11.2017 в Минске состоялось {CSTO}.", None, "2017-11-30"),
        (f"Вчера в Москве прошла {CIS}.", "2025-11-06", "2025-11-05"),
        (f"В среду в Москве прошла {CIS}.", "2025-11-06", "2025-11-05"),
    ],
    ids=["day-month", "numeric", "yesterday", "weekday"],
)
def test_dates(extractor, text, published, start):
    assert main_meeting(run(extractor, text, published=published))["start"] == start


@pytest.mark.parametrize(
    ("text", "published", "start", "place", "source"),
    [
        (f"МОСКВА, 5 ноября. /ТАСС/. XIII {CIS} прошла в Москве.", None, "2025-11-05", "Moscow", "TASS"),
        (f"10 мая, Москва /Эдуард Пивовар - БЕЛТА/. Сегодня в Москве прошло {CSTO}.", "2024-05-10", "2024-05-10",
         "Moscow", "BelTA"),
        (f"Пекин, 16 мая /Синьхуа/. Сегодня в Пекине прошла {SCO}.", "2023-05-16", "2023-05-16", "Beijing", "Xinhua"),
        (f"МИНСК, 5 ноя — Sputnik. Сегодня в Москве прошла XIII {CIS}.", None, "2025-11-05", "Moscow", "Sputnik"),
    ],
    ids=["tass", "belta", "xinhua", "sputnik"],
)
def test_datelines(extractor, text, published, start, place, source):
    rec = run(extractor, text, published=published)
    meeting = main_meeting(rec)
    assert (meeting["start"], meeting["place"]) == (start, place)
    assert rec["document"]["source"] == source


def test_year_is_never_invented(extractor):
    rec = run(extractor, f"МИНСК, 5 ноября. /БЕЛТА/. Сегодня в Москве прошла {CIS}.")
    meeting = main_meeting(rec)
    assert meeting["place"] == "Moscow"
    assert meeting["start"] is None


def test_planned_meeting_at_the_end_of_a_month(extractor):
    text = f"Следующее {CSTO} пройдет в конце мая 2026 года в Москве."
    rec = run(extractor, text, published="2025-10-01")
    meeting = main_meeting(rec)
    assert (meeting["status"], meeting["start"], meeting["place"]) == ("planned", "2026-05", "Moscow")


def test_meeting_that_will_take_place_is_planned(extractor):
    text = ("Участники обсудили документы, выносимые на сессию Совета коллективной безопасности ОДКБ, "
            "которая пройдет в Минске.")
    rec = run(extractor, text, published="2017-11-10")
    (meeting,) = [m for m in rec["meetings"] if m["series"] == "csto-collective-security-council"]
    assert meeting["status"] == "planned"
    assert meeting["start"] != "2017-11-10"


def test_chair(extractor):
    text = f"В Москве под председательством секретаря Совбеза России Сергея Шойгу прошла {CIS}."
    rec = run(extractor, text, published="2025-11-05")
    assert main_meeting(rec)["chair"] == "Sergei Shoigu"


def test_bilateral_talks_on_the_sidelines(extractor):
    text = (f"В Москве прошла XIII {CIS}. На полях встречи госсекретарь Совбеза Беларуси Александр Вольфович "
            "провел переговоры с секретарем Совбеза России Сергеем Шойгу.")
    rec = run(extractor, text, published="2025-11-05")
    main_index = rec["meetings"].index(main_meeting(rec))
    (talks,) = [m for m in rec["meetings"] if m["format"] == "bilateral"]
    assert talks["part_of"] == main_index
    assert set(talks["persons"]) == {"Alexander Volfovich", "Sergei Shoigu"}
    assert set(talks["states"]) == {"BLR", "RUS"}


@pytest.mark.parametrize(
    "text",
    [
        "Госсекретарь Совбеза Беларуси Станислав Зась провел переговоры с секретарем Совбеза России Николаем "
        "Патрушевым в Москве.",
        "Госсекретарь Совбеза Беларуси Станислав Зась провел в Москве переговоры с секретарем Совбеза России "
        "Николаем Патрушевым.",
        pytest.param(
            "Госсекретарь Совбеза Беларуси Станислав Зась встретился в Москве с секретарем Совбеза России "
            "Николаем Патрушевым."),
    ],
    ids=["talks-with", "talks-place-inside", "met-with"],
)
def test_bilateral_talks(extractor, text):
    rec = run(extractor, text, published="2019-04-12")
    (talks,) = rec["meetings"]
    assert talks["format"] == "bilateral"
    assert set(talks["persons"]) == {"Stanislav Zas", "Nikolai Patrushev"}
    assert (talks["start"], talks["place"]) == ("2019-04-12", "Moscow")


# ------------------------------------------------------------------ agreements


@pytest.mark.parametrize("dash", ["-", "–", "—", "−"], ids=["hyphen", "en-dash", "em-dash", "minus"])
def test_plan_years_with_any_dash(extractor, dash):
    text = ("Александр Вольфович и Сергей Шойгу подписали план сотрудничества аппаратов советов безопасности "
            f"на 2026{dash}2027 годы.")
    rec = run(extractor, text, published="2025-11-05")
    (plan,) = rec["agreements"]
    assert plan["kind"] == "plan"
    assert (plan["valid_from"], plan["valid_to"]) == (2026, 2027)
    assert set(plan["signatories"]) == {"Alexander Volfovich", "Sergei Shoigu"}


def test_plan_naming_its_parties(extractor):
    text = ("Александр Вольфович и Сергей Шойгу подписали план сотрудничества аппаратов советов безопасности "
            "Беларуси и России на 2026–2027 годы.")
    rec = run(extractor, text, published="2025-11-05")
    (plan,) = rec["agreements"]
    assert (plan["kind"], plan["valid_from"], plan["valid_to"]) == ("plan", 2026, 2027)
    assert set(plan["parties"]) == {"BLR", "RUS"}
    assert set(plan["signatories"]) == {"Alexander Volfovich", "Sergei Shoigu"}


def test_plan_for_half_years(extractor):
    text = ("Станислав Зась и Николай Патрушев подписали план консультаций на второе полугодие 2017 года – "
            "первое полугодие 2018 года.")
    rec = run(extractor, text, published="2017-07-12")
    (plan,) = rec["agreements"]
    assert (plan["valid_from"], plan["valid_to"]) == (2017, 2018)
    assert set(plan["signatories"]) == {"Stanislav Zas", "Nikolai Patrushev"}


def test_agreement_title_stays_russian_with_an_english_title(extractor):
    text = ("Александр Вольфович и Сергей Шойгу подписали план сотрудничества аппаратов советов безопасности "
            "на 2026–2027 годы.")
    rec = run(extractor, text, published="2025-11-05")
    (plan,) = rec["agreements"]
    assert plan["title"].startswith("план сотрудничества")
    (start, end), *_ = plan["support"]["title"]
    assert ws(plan["title"]) in ws(text[start:end])
    assert plan.get("title_en") and re.search(r"[A-Za-z]", plan["title_en"])
    assert not re.search(r"[А-Яа-яЁё]", plan["title_en"])


def test_plan_signed_at_the_meeting_gives_its_year(extractor):
    text = (f"МИНСК, 5 ноября. /БЕЛТА/. Сегодня в Москве прошла {CIS}. На полях встречи Александр Вольфович и "
            "Сергей Шойгу подписали план сотрудничества аппаратов советов безопасности на 2026–2027 годы.")
    rec = run(extractor, text)
    assert main_meeting(rec)["start"] == "2025-11-05"
    (plan,) = rec["agreements"]
    assert plan["signed"] == "2025-11-05"


# ------------------------------------------------------------------ statements


@pytest.mark.parametrize(
    "text",
    [
        "«Мы выступаем за мирное урегулирование конфликта», – заявил Александр Вольфович.",
        "„Мы выступаем за мирное урегулирование конфликта“, – подчеркнул Александр Вольфович.",
        "\"Мы выступаем за мирное урегулирование конфликта\", - отметил Александр Вольфович.",
        "Александр Вольфович заявил: «Мы выступаем за мирное урегулирование конфликта».",
        "— Мы выступаем за мирное урегулирование конфликта, — сказал Александр Вольфович журналистам.",
    ],
    ids=["guillemets", "lapki", "straight", "colon", "dash-speech"],
)
def test_quote_forms(extractor, text):
    rec = run(extractor, text, published="2022-11-03")
    (statement,) = rec["statements"]
    assert statement["speaker"] == "Alexander Volfovich"
    assert ws(statement["quote"]).rstrip(",") == "Мы выступаем за мирное урегулирование конфликта"


def test_dash_attribution_with_role_and_name(extractor):
    text = ("В Минске прошло совместное заседание СМИД, СМО и КССБ ОДКБ. «Наша встреча проходит накануне сессии "
            "Совета коллективной безопасности», – заявил глава МИД РБ Владимир Макей.")
    rec = run(extractor, text, published="2017-11-30")
    assert speakers(rec) == {"Vladimir Makei": ["Наша встреча проходит накануне сессии Совета коллективной безопасности"]}
    assert has_office(people(rec)["Vladimir Makei"], "Foreign Minister", "BLR")


def test_speaker_by_pronoun(extractor):
    text = ("Госсекретарь Совбеза Беларуси Александр Вольфович выступил на встрече. "
            "\"Мы выступаем за мирное урегулирование\", - отметил он.")
    rec = run(extractor, text, published="2022-11-03")
    assert speakers(rec) == {"Alexander Volfovich": ["Мы выступаем за мирное урегулирование"]}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Госсекретарь Совбеза Беларуси Александр Вольфович выступил на встрече.\n"
            "«Мы выступаем за мирное урегулирование», — подчеркнул госсекретарь Совбеза.", "Alexander Volfovich"),
        pytest.param(
            "Пресс-секретарь Совбеза Олег Иванов рассказал о встрече журналистам. "
            "«Встреча прошла в конструктивной атмосфере», - отметил пресс-секретарь.", "Oleg Ivanov"),
        pytest.param(
            "Глава МИД Беларуси Владимир Макей прибыл в Минск. «Наша встреча проходит накануне сессии», – заявил "
            "глава МИД РБ.", "Vladimir Makei"),
    ],
    ids=["state-secretary", "press-secretary", "foreign-minister"],
)
def test_speaker_by_role(extractor, text, speaker):
    rec = run(extractor, text, published="2022-11-03")
    assert list(speakers(rec)) == [speaker]


def test_quote_from_the_press_service_is_not_a_statement(extractor):
    text = ("Секретарь Совбеза России Николай Патрушев провел встречу в Минске. "
            "«Встреча прошла в конструктивной атмосфере», – сообщили в пресс-службе Совета безопасности.")
    rec = run(extractor, text, published="2022-11-03")
    assert rec["statements"] == []


# ------------------------------------------------------------------ offices


@pytest.mark.parametrize(
    ("text", "name", "title", "state", "organization"),
    [
        ("Госсекретарь Совбеза Беларуси Александр Вольфович прибыл в Москву.",
         "Alexander Volfovich", "State Secretary of the Security Council", "BLR", None),
        ("Секретарь Совета безопасности России Николай Патрушев прибыл в Минск.",
         "Nikolai Patrushev", "Secretary of the Security Council", "RUS", None),
        ("Генеральный секретарь ОДКБ Юрий Хачатуров прибыл в Минск.",
         "Yuri Khachaturov", "Secretary General", None, "CSTO"),
    ],
    ids=["state-secretary", "secretary", "secretary-general"],
)
def test_offices_in_english(extractor, text, name, title, state, organization):
    rec = run(extractor, text, published="2018-11-08")
    person = people(rec)[name]
    assert any(
        words(title) <= words(o["title"]) and o["state"] == state and o["organization"] == organization
        and not re.search(r"[А-Яа-яЁё]", o["title"])
        for o in person["offices"]
    ), person["offices"]


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        pytest.param(
            "Пресс-секретарь Совбеза Олег Иванов рассказал о встрече журналистам.", "Oleg Ivanov",
            "Press Secretary of the Security Council"),
        pytest.param(
            "Делегацию КНР возглавил министр общественной безопасности Чжао Кэчжи.", "Zhao Kezhi",
            "Minister of Public Security"),
        ("Министр иностранных дел Беларуси Владимир Макей прибыл в Москву.", "Vladimir Makei", "Foreign Minister"),
    ],
    ids=["press-secretary", "minister-of-public-security", "foreign-minister"],
)
def test_offices_not_in_the_security_council_family(extractor, text, name, title):
    rec = run(extractor, text, published="2019-06-14")
    assert any(words(o["title"]) == words(title) for o in people(rec)[name]["offices"]), people(rec)[name]["offices"]


def test_talks_within_a_meeting_named_with_a_participle_phrase(extractor):
    text = ("МОСКВА, 27 мая. /ТАСС/. Секретарь Совета безопасности РФ Сергей Шойгу в рамках XIII Международной "
            "встречи высоких представителей, курирующих вопросы безопасности, провел переговоры с советником по "
            "национальной безопасности Индии Аджитом Довалом.")
    rec = run(extractor, text)
    (meeting,) = [m for m in rec["meetings"] if m["series"] == "intl-security-high-representatives"]
    # No publication year: the dateline's day and the series' history (the XIII meeting was in 2025).
    assert (meeting["ordinal"], meeting["start"]) == (13, "2025-05-27")
    (talks,) = [m for m in rec["meetings"] if m["format"] == "bilateral"]
    assert set(talks["persons"]) == {"Sergei Shoigu", "Ajit Doval"}
    assert talks["part_of"] == rec["meetings"].index(meeting)


def test_office_written_after_the_name(extractor):
    text = ("Николай Патрушев, секретарь Совета безопасности РФ, заявил, что угрозы носят общий характер. "
            "В совещании также участвовал Денис Трефилов, заместитель генерального секретаря СНГ.")
    rec = run(extractor, text, published="2019-10-10")
    found = people(rec)
    assert [(o["title"], o["state"]) for o in found["Nikolai Patrushev"]["offices"]] == [
        ("Secretary of the Security Council", "RUS")]
    assert [(o["title"], o["organization"]) for o in found["Denis Trefilov"]["offices"]] == [
        ("Deputy Secretary General", "CIS")]


def test_interview_in_russian_ahead_of_a_meeting(extractor):
    text = ("МОСКВА, 20 мая. /ИНТЕРФАКС/. Заместитель секретаря Совета безопасности РФ Алексей Шевцов в интервью "
            "\"Интерфаксу\" рассказал о подготовке к международной встрече высоких представителей, курирующих "
            "вопросы безопасности.\n"
            "- Алексей Леонтьевич, сколько стран примет участие во встрече?\n"
            "- Мы ожидаем делегации более чем из ста государств. Приглашения направлены заблаговременно.\n"
            "- Будут ли двусторонние встречи?\n"
            "- Да, запланирован ряд двусторонних встреч на полях форума.\n")
    rec = run(extractor, text)
    (meeting,) = rec["meetings"]
    assert (meeting["series"], meeting["status"]) == ("intl-security-high-representatives", "planned")
    assert meeting["states"] == []  # the interviewee's office names Russia; it lists no participants
    # Name and patronymic address the interviewee: one person, not two.
    assert list(people(rec)) == ["Alexei Shevtsov"]
    quotes = speakers(rec)["Alexei Shevtsov"]
    assert any(q.startswith("Мы ожидаем делегации") for q in quotes)
    assert not any("сколько стран" in q for q in quotes)
