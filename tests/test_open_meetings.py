"""Open meeting detection: meetings of bodies outside the series table, talks named by their
two states, meetings without a year, and the phrasings that introduce them, in English and Russian.

The reports are short texts written for these tests; each phenomenon has several variants that
change the wording, the body, the names, the places and the outlet's style, so that a rule that
only fits one phrasing fails here.
"""

from __future__ import annotations

import pytest

from helpers import Json
from helpers import run_in as run

pytestmark = pytest.mark.slow


def only_meeting(record: Json, fmt: str = "multilateral") -> Json:
    found = [m for m in record["meetings"] if m["format"] == fmt]
    assert found, record["meetings"]
    return found[0]


# ------------------------------------------------------------------ bodies outside the series table

BODY_MEETINGS_EN = [
    ("Tashkent, 3 March 2022 (UzA) -- A meeting of the Council of Defence Ministers of the CIS member states "
     "was held in Tashkent on Thursday. Uzbek Defence Minister Bakhodir Kurbanov chaired the meeting.",
     {"place": "Tashkent", "start": "2022-03-03", "organizations": ["CIS"], "chair": "Bakhodir Kurbanov"}),
    ("Bishkek hosted the regular session of the CSTO Council of Foreign Ministers on 14 June 2023. "
     "Foreign ministers of Armenia, Belarus, Kazakhstan, Russia and Tajikistan attended.",
     {"place": "Bishkek", "start": "2023-06-14", "organizations": ["CSTO"]}),
    ("DUSHANBE, Oct 5 (Khovar) - The Council of Commanders of Border Troops of the Commonwealth of Independent "
     "States convened its 88th meeting in Dushanbe, 2024.",
     {"place": "Dushanbe", "ordinal": 88, "organizations": ["CIS"]}),
]

BODY_MEETINGS_RU = [
    ("Заседание Совета министров обороны государств – участников СНГ прошло 12 ноября 2021 года в Москве. "
     "В нем приняли участие министры обороны Армении, Белоруссии и Казахстана.",
     {"place": "Moscow", "start": "2021-11-12", "organizations": ["CIS"]}),
    ("В Минске 20 мая 2024 года состоялось заседание Совета министров иностранных дел ОДКБ. "
     "Председательствовал министр иностранных дел Белоруссии Сергей Алейник.",
     {"place": "Minsk", "start": "2024-05-20", "organizations": ["CSTO"]}),
    ("БИШКЕК, 3 октября 2025. Совет командующих пограничными войсками СНГ провел свое заседание в Бишкеке. "
     "Участники обсудили обстановку на внешних границах Содружества.",
     {"place": "Bishkek", "organizations": ["CIS"]}),
]


@pytest.mark.parametrize(("text", "expected"), BODY_MEETINGS_EN + BODY_MEETINGS_RU)
def test_a_body_outside_the_series_table_holds_a_meeting_of_its_own(extractor, text, expected):
    language = "ru" if any("а" <= c <= "я" for c in text) else "en"
    meeting = only_meeting(run(extractor, text, language))
    assert meeting["series"] is None
    assert meeting["body"], meeting
    for key, value in expected.items():
        if isinstance(value, list):
            assert set(value) <= set(meeting[key]), (key, meeting[key])
        else:
            assert meeting[key] == value, (key, meeting[key])


# ------------------------------------------------------------------ no year: kept, never invented

NO_YEAR = [
    ("en", "The meeting of the Council of Interior Ministers of the CIS member states was held in Baku on 14 "
           "September. The ministers of Azerbaijan, Belarus and Russia took part."),
    ("en", "Heads of government of the Commonwealth of Independent States met in Minsk on Friday. The meeting "
           "was chaired by Belarusian Prime Minister Roman Golovchenko."),
    ("ru", "Заседание Совета глав правительств СНГ состоялось 25 октября в Ашхабаде. В нем приняли участие "
           "главы правительств Казахстана, Киргизии и Таджикистана."),
    ("ru", "В Душанбе прошло очередное заседание Совета министров внутренних дел государств – участников СНГ."),
]


@pytest.mark.parametrize(("language", "text"), NO_YEAR)
def test_a_meeting_without_a_year_is_kept_with_no_date(extractor, language, text):
    record = run(extractor, text, language)
    meeting = only_meeting(record)
    assert meeting["start"] is None
    assert meeting["place"] in ("Baku", "Minsk", "Ashgabat", "Dushanbe")


# ------------------------------------------------------------------ talks named by their two states

TWO_STATES = [
    ("en", "The 11th round of China-Russia strategic security consultations was held in Moscow on 2 April 2015. "
           "Yang Jiechi and Nikolai Patrushev co-chaired the consultations.",
     {"CHN", "RUS"}, {"Yang Jiechi", "Nikolai Patrushev"}),
    ("en", "India-Russia consultations on regional security took place in New Delhi on 9 March 2021, with "
           "Ajit Doval and Nikolai Patrushev leading the two delegations.",
     {"IND", "RUS"}, {"Ajit Doval", "Nikolai Patrushev"}),
    ("ru", "Китайско-российские консультации по вопросам стратегической безопасности состоялись в Пекине "
           "12 июня 2019 года. Их провели Ян Цзечи и Николай Патрушев.",
     {"CHN", "RUS"}, {"Yang Jiechi", "Nikolai Patrushev"}),
]


@pytest.mark.parametrize(("language", "text", "states", "persons"), TWO_STATES)
def test_talks_named_by_two_states_are_bilateral_with_one_person_each(extractor, language, text, states, persons):
    talks = only_meeting(run(extractor, text, language), "bilateral")
    assert set(talks["states"]) >= states
    assert set(talks["persons"]) == persons


# ------------------------------------------------------------------ a host receives a visitor

RECEPTIONS = [
    ("en", "President Shavkat Mirziyoyev received Secretary of the Security Council of Russia Sergei Shoigu "
           "in Tashkent on 3 June 2025.", {"Shavkat Mirziyoyev", "Sergei Shoigu"}),
    ("en", "Kazakh President Kassym-Jomart Tokayev will receive Chinese Foreign Minister Wang Yi in Astana "
           "next week.", {"Kassym-Jomart Tokayev", "Wang Yi"}),
    ("ru", "Президент Таджикистана Эмомали Рахмон принял в Душанбе секретаря Совета безопасности России "
           "Сергея Шойгу.", {"Emomali Rahmon", "Sergei Shoigu"}),
]


@pytest.mark.parametrize(("language", "text", "persons"), RECEPTIONS)
def test_a_host_receiving_a_visitor_is_a_bilateral_meeting(extractor, language, text, persons):
    talks = only_meeting(run(extractor, text, language), "bilateral")
    assert set(talks["persons"]) == persons


# ------------------------------------------------------------------ the meeting by its pronoun

PRONOUNS = [
    ("en", "The 15th meeting of the SCO Council of National Coordinators opens in Astana on 4 April 2024. It "
           "will be chaired by Kazakhstan's national coordinator Yerlan Alimbayev.", "planned", "Astana"),
    ("ru", "Члены Совета министров обороны СНГ обсудят военное сотрудничество на заседании Совета. "
           "Оно пройдет 10 декабря 2025 года в Минске.", "planned", "Minsk"),
    ("ru", "Совет министров иностранных дел СНГ рассмотрит проект программы. Оно состоится 9 апреля 2026 года "
           "в Москве.", "planned", "Moscow"),
]


@pytest.mark.parametrize(("language", "text", "status", "place"), PRONOUNS)
def test_a_pronoun_sentence_speaks_of_the_meeting_before_it(extractor, language, text, status, place):
    meeting = only_meeting(run(extractor, text, language))
    assert meeting["status"] == status
    assert meeting["place"] == place


# ------------------------------------------------------------------ Russian tense says planned or held

RU_TENSE = [
    ("Министры обороны стран СНГ обсудят в Сочи вопросы военного сотрудничества на заседании Совета министров "
     "обороны.", "planned"),
    ("Главы правительств СНГ рассмотрят на заседании Совета глав правительств в Ашхабаде проект бюджета.", "planned"),
    ("На заседании Совета министров внутренних дел СНГ в Баку министры утвердили программу.", "held"),
]


@pytest.mark.parametrize(("text", "status"), RU_TENSE)
def test_russian_verb_tense_tells_planned_from_held(extractor, text, status):
    assert only_meeting(run(extractor, text, "ru"))["status"] == status


# ------------------------------------------------------------------ "held here": the dateline's city

HERE = [
    "BEIJING, April 24 (APP): Defence Minister Khurram Dastgir Khan attended the SCO defence ministers' meeting "
    "held here on Tuesday.",
    "ASTANA, June 3 (Kazinform) -- The meeting of the CSTO Permanent Council was held here today.",
    "BAKU, 12 May 2022 (Trend) - Interior ministers of the Organization of Turkic States met here on Thursday.",
]


@pytest.mark.parametrize("text", HERE)
def test_a_meeting_held_here_is_in_the_dateline_city(extractor, text):
    meeting = only_meeting(run(extractor, text, "en"))
    assert meeting["place"] == text.split(",")[0].title()


def test_an_abbreviation_in_brackets_stays_in_the_meeting_name(extractor):
    text = ("The 16th Meeting of Defence Ministers of the Shanghai Cooperation Organization (SCO) Member States "
            "was held in Beijing on 28 April 2019.")
    meeting = only_meeting(run(extractor, text, "en"))
    assert meeting["name"].endswith("Member States")
    assert meeting["ordinal"] == 16


# ------------------------------------------------------------------ "в г. Казани": an abbreviated "city"

CITY_ABBREVIATION = [
    ("Заседание Совета министров обороны СНГ прошло 5 июня 2024 года в г. Казани.", "Kazan"),
    ("В г. Бишкеке 12 марта 2023 года состоялось заседание Совета министров иностранных дел СНГ.", "Bishkek"),
    ("Совет глав правительств СНГ провел заседание в гор. Душанбе 8 октября 2021 года.", "Dushanbe"),
]


@pytest.mark.parametrize(("text", "place"), CITY_ABBREVIATION)
def test_a_city_after_an_abbreviated_city_word_is_the_place(extractor, text, place):
    assert only_meeting(run(extractor, text, "ru"))["place"] == place


# ------------------------------------------------------------------ "He met ... with X": the person before

PRONOUN_SIDES = [
    ("en", "Russian Security Council Secretary Sergei Shoigu arrived in New Delhi on 5 May 2025. He met with "
           "National Security Adviser Ajit Doval on Tuesday.", {"Sergei Shoigu", "Ajit Doval"}),
    ("ru", "В Минск 3 апреля 2024 года прибыл секретарь Совета безопасности России Сергей Шойгу. Он встретился "
           "в среду с государственным секретарем Совета безопасности Белоруссии Александром Вольфовичем.",
     {"Sergei Shoigu", "Alexander Volfovich"}),
    ("ru", "Министр иностранных дел Казахстана Мурат Нуртлеу находится с визитом в Ташкенте. Он встретился с "
           "министром иностранных дел Узбекистана Бахтиёром Саидовым.", {"Murat Nurtleu", "Bakhtiyor Saidov"}),
]


@pytest.mark.parametrize(("language", "text", "persons"), PRONOUN_SIDES)
def test_he_who_meets_is_the_person_named_before(extractor, language, text, persons):
    talks = only_meeting(run(extractor, text, language), "bilateral")
    assert set(talks["persons"]) == persons


# ------------------------------------------------------------------ names the model misses, the registry knows

REGISTRY_NAMES = [
    ("Переговоры провели Ван И и Николай Патрушев в Пекине 12 июня 2019 года.", "Wang Yi"),
    ("В Анкаре 3 марта 2023 года Реджеп Тайип Эрдоган принял министра иностранных дел России.", "Recep Tayyip Erdogan"),
    ("Встречу 5 июля 2022 года в Ташкенте провели Шавкат Мирзиёев и Касым-Жомарт Токаев.", "Shavkat Mirziyoyev"),
]


@pytest.mark.parametrize(("text", "name"), REGISTRY_NAMES)
def test_a_name_the_registry_knows_is_found_without_the_model(extractor, text, name):
    record = run(extractor, text, "ru")
    assert name in {p["name"] for p in record["people"]}


def test_a_date_inside_a_quotation_dates_what_the_quotation_speaks_of(extractor):
    text = ("В пятницу в Ашхабаде прошло заседание Совета глав правительств СНГ. «Решено провести очередное "
            "заседание 29 мая 2015 года в Астане», — сказал Сергей Лебедев на заседании совета.")
    held = [m for m in run(extractor, text, "ru")["meetings"] if m["status"] == "held"]
    assert held and all(m["start"] != "2015-05-29" for m in held)


# ------------------------------------------------------------------ titles and ranks are not names

TITLED = [
    ("State Councilor Yang Jiechi held talks with Nikolai Patrushev in Beijing on 6 June 2014.", "Yang Jiechi"),
    ("Colonel-General Sherali Mirzo attended the meeting of the CIS Council of Defence Ministers in Moscow on "
     "5 June 2019.", "Sherali Mirzo"),
    ("Defence Minister Engr. Khurram Dastgir Khan attended the SCO defence ministers' meeting in Beijing on "
     "24 April 2018.", "Khurram Dastgir Khan"),
]


@pytest.mark.parametrize(("text", "name"), TITLED)
def test_titles_and_ranks_never_become_part_of_a_name(extractor, text, name):
    names = {p["name"] for p in run(extractor, text, "en")["people"]}
    assert name in names, names


# ------------------------------------------------------------------ parallel lists: each name with its state

PARALLEL = [
    ("en", "The meeting of the Council of CIS Heads of Government was held in Astana on 8 June 2023. Heads of "
           "government of Azerbaijan – Ali Asadov, Belarus – Roman Golovchenko, Russia – Mikhail Mishustin "
           "attended.", {"AZE", "BLR", "RUS"}),
    ("en", "The meeting of the CIS Council of Interior Ministers took place in Baku on 3 October 2019. Ministers "
           "of Armenia (Vahe Ghazaryan), Kazakhstan (Yerlan Turgumbayev) and Russia (Vladimir Kolokoltsev) "
           "took part.", {"ARM", "KAZ", "RUS"}),
    ("ru", "Заседание Совета министров обороны СНГ прошло в Москве 12 ноября 2021 года. В нем приняли участие "
           "министры обороны: Армении – Аршак Карапетян, Белоруссии – Виктор Хренин, Казахстана – Руслан "
           "Жаксылыков.", {"ARM", "BLR", "KAZ"}),
    # a name the registry spells otherwise than the text ("Kohir") still pairs its state
    ("en", "The CIS heads of government met in Minsk on 7 June 2024. Heads of government of Tajikistan – Kohir "
           "Rasulzoda, Uzbekistan – Abdulla Oripov, Armenia – Mher Grigoryan attended.", {"TJK", "UZB", "ARM"}),
    # states by their formal names, some the gazetteer matches only in part
    ("en", "The SCO RATS Council met in Tashkent on 29 March 2023. The representatives of the Republic of "
           "Kazakhstan, People’s Republic of China, The Republic of Kyrgyzstan, Russia Federation and The Republic "
           "of Tajikistan took part.", {"KAZ", "CHN", "KGZ", "RUS", "TJK"}),
    ("en", "The Council of Border Troops Commanders met in Dushanbe on 5 October 2023. Delegations of the Kyrgyz "
           "Republic, the Islamic Republic of Iran and the Russian Federation attended.", {"KGZ", "IRN", "RUS"}),
]


@pytest.mark.parametrize(("language", "text", "states"), PARALLEL)
def test_a_parallel_list_gives_every_state_it_pairs_with_a_name(extractor, language, text, states):
    assert states <= set(only_meeting(run(extractor, text, language))["states"])


# ------------------------------------------------------------------ talks with an official named after titles

APPOSITION = [
    ("ru", "Директор Исполкома РАТС ШОС Евгений Сысоев провел рабочие встречи с заместителем советника по "
           "национальной безопасности, секретарем Совета национальной безопасности Индии Панкаджем Сараном.", "Yevgeny Sysoyev"),
    ("ru", "Николай Патрушев провел консультации с заместителем министра, секретарем Высшего совета национальной "
           "безопасности Ирана Али Шамхани.", "Nikolai Patrushev"),
    ("en", "Nikolai Patrushev held consultations with the deputy adviser, secretary of the National Security "
           "Council of India Pankaj Saran, in New Delhi on 4 March 2019.", "Nikolai Patrushev"),
]


@pytest.mark.parametrize(("language", "text", "person"), APPOSITION)
def test_talks_with_an_official_whose_titles_run_past_a_comma(extractor, language, text, person):
    talks = only_meeting(run(extractor, text, language), "bilateral")
    assert person in talks["persons"] and len(talks["persons"]) == 2


# ------------------------------------------------------------------ joint statements and communiqués

JOINT_STATEMENTS = [
    ("en", "Following the talks in Hanoi on 12 May 2024, the two ministers signed a joint statement on defence "
           "cooperation."),
    ("en", "The foreign ministers adopted a joint communique on regional security at the end of the meeting in "
           "Tashkent on 3 June 2023."),
    ("ru", "По итогам переговоров в Душанбе 7 октября 2025 года президенты подписали совместное заявление о "
           "стратегическом партнерстве."),
]


@pytest.mark.parametrize(("language", "text"), JOINT_STATEMENTS)
def test_a_joint_statement_signed_is_a_declaration(extractor, language, text):
    kinds = {a["kind"] for a in run(extractor, text, language)["agreements"]}
    assert "declaration" in kinds


def test_a_plan_of_joint_statements_is_not_one(extractor):
    text = "Министры утвердили план совместных заявлений на 2026 год на заседании Совета министров иностранных дел СНГ."
    titles = [a["title"] for a in run(extractor, text, "ru")["agreements"]]
    assert not any(t.lower().startswith("совместных заявлений") for t in titles)


# ------------------------------------------------------------------ "Kazakhstan's X", "his Kyrgyz counterpart Y"

POSSESSIVE_STATES = [
    ("en", "The SCO defence ministers met in Astana on 26 April 2024. Kazakhstan's Ruslan Zhaksylykov, "
           "Kyrgyzstan's Baktybek Bekbolotov and Tajikistan's Sherali Mirzo attended the meeting.",
     {"KAZ", "KGZ", "TJK"}),
    ("en", "The meeting of the CIS Council of Foreign Ministers in Minsk on 13 October 2023 brought together "
           "Belarusian Foreign Minister Sergei Aleinik and his Armenian counterpart Ararat Mirzoyan.",
     {"BLR", "ARM"}),
    ("ru", "Заседание Совета министров иностранных дел СНГ прошло в Минске 13 октября 2023 года. В нем принял "
           "участие министр иностранных дел Белоруссии Сергей Алейник и его армянский коллега Арарат Мирзоян.",
     {"BLR", "ARM"}),
]


@pytest.mark.parametrize(("language", "text", "states"), POSSESSIVE_STATES)
def test_a_possessive_or_a_counterpart_gives_the_persons_state(extractor, language, text, states):
    assert states <= set(only_meeting(run(extractor, text, language))["states"])


def test_a_verb_ends_the_meeting_phrase(extractor):
    text = ("The meeting brought together Kazakh Defence Minister Ruslan Zhaksylykov and Chinese Defence Minister "
            "Dong Jun in Astana on 26 April 2024.")
    assert only_meeting(run(extractor, text, "en"))["name"] == "meeting"


# ------------------------------------------------------------------ chairs in every form

CHAIRS = [
    ("en", "The meeting of the CSTO Council of Foreign Ministers will be held in Minsk on 20 May 2024. Belarusian "
           "Foreign Minister Sergei Aleinik will chair the meeting.", "Sergei Aleinik"),
    ("en", "The SCO RATS Council met in Tashkent on 12 March 2023, with Uzbek security chief Abdusaid Kuchimov "
           "presiding.", "Abdusaid Kuchimov"),
    ("en", "Kyrgyz Defence Minister Baktybek Bekbolotov opened the meeting of the CIS Council of Defence Ministers "
           "in Bishkek on 5 October 2022.", "Baktybek Bekbolotov"),
    ("ru", "Заседание Совета министров иностранных дел ОДКБ пройдет в Минске 20 мая 2024 года. "
           "Председательствовать на нем будет министр иностранных дел Белоруссии Сергей Алейник.", "Sergei Aleinik"),
    ("ru", "Заседание Совета министров обороны СНГ открыл министр обороны Киргизии Бактыбек Бекболотов. Оно прошло "
           "в Бишкеке 5 октября 2022 года.", "Baktybek Bekbolotov"),
    ("ru", "В Душанбе 14 сентября 2023 года прошло заседание Совета министров внутренних дел СНГ. "
           "Председательствовал на нем министр внутренних дел Таджикистана Рамазон Рахимзода.", "Ramazon Rahimzoda"),
]


@pytest.mark.parametrize(("language", "text", "chair"), CHAIRS)
def test_the_chair_in_every_form(extractor, language, text, chair):
    assert only_meeting(run(extractor, text, language))["chair"] == chair


CO_CHAIRED = [
    ("en", "The 12th round of Kazakhstan-China strategic security consultations was held in Beijing on 4 June "
           "2024. The consultations were co-chaired by Gizat Nurdauletov and Wang Xiaohong.",
     {"Gizat Nurdauletov", "Wang Xiaohong"}),
    ("en", "Ajit Doval and Nikolai Patrushev co-chaired the India-Russia consultations on security in New Delhi "
           "on 9 March 2021.", {"Ajit Doval", "Nikolai Patrushev"}),
    ("ru", "Консультации провели сопредседатели — секретарь Совбеза Казахстана Гизат Нурдаулетов и министр "
           "общественной безопасности КНР Ван Сяохун. Они прошли в Пекине 4 июня 2024 года.",
     {"Gizat Nurdauletov", "Wang Xiaohong"}),
]


@pytest.mark.parametrize(("language", "text", "persons"), CO_CHAIRED)
def test_co_chaired_talks_are_one_bilateral_meeting_of_the_two(extractor, language, text, persons):
    talks = [m for m in run(extractor, text, language)["meetings"] if m["format"] == "bilateral"]
    assert len(talks) == 1, talks
    assert set(talks[0]["persons"]) == persons


# ------------------------------------------------------------------ precision traps

OPERATION_YEARS = [
    ("en", "Defence ministers of the SCO met in Qingdao on 26 June. They discussed the Peace Mission-2021 exercise."),
    ("en", "The CIS Council of Defence Ministers met in Minsk on 4 October to review the Combat Commonwealth 2019 "
           "drills and the Programme 2030."),
    ("ru", "Министры обороны стран ШОС встретились в Циндао 26 июня. Они обсудили учения «Мирная миссия-2021»."),
]


@pytest.mark.parametrize(("language", "text"), OPERATION_YEARS)
def test_a_number_in_an_operations_name_is_no_meetings_year(extractor, language, text):
    meeting = only_meeting(run(extractor, text, language))
    assert meeting["start"] is None


HEADER_DATES = [
    ("en", "Tuesday, 5 March 2024\n\nHome | News\n\nThe CIS Council of Foreign Ministers met in Minsk on 13 October "
           "2023 to discuss regional security.\n", "2023-10-13"),
    ("en", "Monday, 2 December 2024\n\nThe SCO Council of National Coordinators met in Astana on 3 April 2024.\n",
     "2024-04-03"),
    ("ru", "Вторник, 5 марта 2024\n\nСовет министров иностранных дел СНГ собрался в Минске 13 октября 2023 года.\n",
     "2023-10-13"),
]


@pytest.mark.parametrize(("language", "text", "start"), HEADER_DATES)
def test_a_pages_current_date_header_does_not_date_the_meeting(extractor, language, text, start):
    record = run(extractor, text, language)
    assert only_meeting(record)["start"] == start


SHANGHAI = [
    "ASTANA, July 3 (Xinhua) -- Foreign ministers of the member states of the Shanghai Cooperation Organization "
    "met in Astana on Wednesday. The meeting in the Shanghai Cooperation Organization format focused on security.",
    "The meeting of the Shanghai Cooperation Organisation defence ministers was held in Bishkek on 26 June 2013.",
    "The SCO (Shanghai Cooperation Organization) security council secretaries met in Dushanbe on 17 April 2014.",
]


@pytest.mark.parametrize("text", SHANGHAI)
def test_shanghai_in_the_organisations_name_is_no_place(extractor, text):
    assert only_meeting(run(extractor, text, "en"))["place"] != "Shanghai"


SPOKESPEOPLE = [
    ("en", "Foreign Ministry spokesperson Mao Ning announced on Monday that the SCO foreign ministers will meet "
           "in Tianjin on 15 July 2025.", "Mao Ning"),
    ("en", "Kremlin spokesman Dmitry Peskov said the CSTO Collective Security Council will meet in Minsk on "
           "23 November 2023.", "Dmitry Peskov"),
    ("ru", "Официальный представитель МИД России Мария Захарова сообщила, что заседание Совета министров "
           "иностранных дел СНГ пройдет в Москве 12 апреля 2024 года.", "Maria Zakharova"),
]


@pytest.mark.parametrize(("language", "text", "spokesperson"), SPOKESPEOPLE)
def test_who_announces_a_meeting_does_not_take_part(extractor, language, text, spokesperson):
    meeting = only_meeting(run(extractor, text, language))
    assert meeting["status"] == "planned"
    assert spokesperson not in meeting["persons"]


GROUP_NOUNS = [
    ("en", "The CIS Council of Heads of Government met in Minsk on 8 June 2023. The energy ministers will meet later."),
    ("en", "The SCO defence ministers met in Astana on 26 April 2024. The Defence Ministers agreed on a plan."),
    ("ru", "Совет глав правительств СНГ собрался в Минске 8 июня 2023 года. Министры энергетики встретятся позже."),
]


@pytest.mark.parametrize(("language", "text"), GROUP_NOUNS)
def test_a_group_noun_is_no_person(extractor, language, text):
    names = {p["name"].lower() for p in run(extractor, text, language)["people"]}
    assert not any("minist" in n for n in names), names


ANNOUNCED_TODAY = [
    ("en", "MOSCOW, November 4 (TASS) - The meeting of the CIS Council of Defence Ministers will be held in Moscow "
           "on November 5. The ministers will discuss military cooperation at the meeting."),
    ("en", "Minsk, 19 May 2024 (BelTA) - The CSTO Council of Foreign Ministers will meet in Minsk tomorrow. The "
           "meeting will focus on the situation in Afghanistan."),
    ("ru", "МОСКВА, 4 ноября. /ТАСС/. Заседание Совета министров обороны СНГ пройдет в Москве 5 ноября. На "
           "заседании министры обсудят военное сотрудничество."),
]


@pytest.mark.parametrize(("language", "text"), ANNOUNCED_TODAY)
def test_an_announced_meeting_is_one_planned_meeting(extractor, language, text):
    meetings = run(extractor, text, language)["meetings"]
    assert [m["status"] for m in meetings] == ["planned"], meetings


# ------------------------------------------------------------------ "he said": the sentence's subject

PRONOUN_SPEAKERS = [
    ("en", "President Vladimir Putin received Kassym-Jomart Tokayev in the Kremlin on 5 May 2024. \"Relations "
           "between our countries are strong,\" he said.", "Vladimir Putin"),
    ("en", "Kazakh Foreign Minister Murat Nurtleu met with Chinese Foreign Minister Wang Yi in Astana. \"We will "
           "act together in the region,\" he added.", "Murat Nurtleu"),
    ("ru", "Президент России Владимир Путин принял в Кремле президента Казахстана Касым-Жомарта Токаева. "
           "«Отношения между нашими странами крепнут», — сказал он.", "Vladimir Putin"),
]


@pytest.mark.parametrize(("language", "text", "speaker"), PRONOUN_SPEAKERS)
def test_he_said_is_the_subject_not_the_last_name_seen(extractor, language, text, speaker):
    (statement,) = run(extractor, text, language)["statements"]
    assert statement["speaker"] == speaker
    assert not statement["quote"].endswith(",")


# ------------------------------------------------------------------ a list with no cue before it

LIST_THEN_VERB = [
    ("en", "The CIS Council of Defence Ministers met in Moscow on 12 November 2021. Armenia, Belarus and "
           "Kazakhstan took part.", {"ARM", "BLR", "KAZ"}),
    ("en", "The SCO RATS Council held its session in Tashkent on 12 March 2023 with the participation of "
           "Kazakhstan, Kyrgyzstan and Tajikistan.", {"KAZ", "KGZ", "TJK"}),
    ("ru", "Заседание Совета министров обороны СНГ прошло в Москве 12 ноября 2021 года. Армения, Белоруссия и "
           "Казахстан приняли участие в заседании.", {"ARM", "BLR", "KAZ"}),
]


@pytest.mark.parametrize(("language", "text", "states"), LIST_THEN_VERB)
def test_a_list_of_states_then_took_part(extractor, language, text, states):
    assert states <= set(only_meeting(run(extractor, text, language))["states"])


# ------------------------------------------------------------------ the body's next meeting; lists after a colon

NEXT_OF_BODY = [
    ("en", "The CIS Council of Defence Ministers met in Minsk on 4 October 2024. The next meeting of the council "
           "will be held in Moscow in 2025.", "Moscow"),
    ("en", "The SCO RATS Council held a meeting in Tashkent on 12 March 2023. The next meeting of the Council "
           "will take place in Bishkek.", "Bishkek"),
    ("ru", "Заседание Совета министров обороны СНГ прошло в Минске 4 октября 2024 года. Следующее заседание "
           "совета пройдет в Москве.", "Moscow"),
]


@pytest.mark.parametrize(("language", "text", "place"), NEXT_OF_BODY)
def test_the_next_meeting_is_the_next_of_the_body_the_report_is_about(extractor, language, text, place):
    planned = [m for m in run(extractor, text, language)["meetings"] if m["status"] == "planned"]
    assert len(planned) == 1 and planned[0]["place"] == place, planned
    assert planned[0]["body"]


COLON_LISTS = [
    ("en", "The SCO RATS Council met in Tianjin on 11 June 2025. Delegations of the competent authorities took "
           "part: Belarus, India, Kazakhstan and Pakistan.", {"BLR", "IND", "KAZ", "PAK"}),
    ("en", "The CSTO Council of Defence Ministers met in Minsk on 4 October 2024. The following states were "
           "represented: Belarus, Kazakhstan, Kyrgyzstan and Russia.", {"BLR", "KAZ", "KGZ", "RUS"}),
    ("ru", "Заседание Совета министров обороны ОДКБ прошло в Минске 4 октября 2024 года. В нем приняли участие: "
           "Белоруссия, Казахстан, Киргизия и Россия.", {"BLR", "KAZ", "KGZ", "RUS"}),
]


@pytest.mark.parametrize(("language", "text", "states"), COLON_LISTS)
def test_states_listed_after_a_colon(extractor, language, text, states):
    assert states <= set(only_meeting(run(extractor, text, language))["states"])


def test_a_place_after_a_possessive_and_a_page_header_date(extractor):
    text = ("SCO council meets\nUpdated 19:07, 12-Jun-2025\nCGTN\n\nThe Council of the SCO Regional "
            "Anti-Terrorist Structure held a meeting in north China's Tianjin on June 11.")
    record = run(extractor, text, "en")
    assert record["document"]["published"] == "2025-06-12"
    meeting = only_meeting(record)
    assert (meeting["place"], meeting["start"]) == ("Tianjin", "2025-06-11")


# ------------------------------------------------------------------ a visitor calls on a host; a role for a name

CALLS = [
    ("en", "Iran's Ali Akbar Ahmadian arrived in New Delhi on 12 June 2024. Later in the day, the Iranian official "
           "called on External Affairs Minister S Jaishankar.", {"Ali Akbar Ahmadian", "Subrahmanyam Jaishankar"}),
    ("en", "Pakistani Defence Minister Khawaja Asif arrived in Baku on 18 September 2024. President Ilham Aliyev "
           "will receive the Pakistani defense minister on Thursday.", {"Ilham Aliyev", "Khawaja Asif"}),
    ("en", "NEW DELHI, Jun 12 (PTI) National Security Adviser Ajit Doval on Wednesday held talks with Iranian "
           "Security Council Secretary Ali Akbar Ahmadian.", {"Ajit Doval", "Ali Akbar Ahmadian"}),
]


@pytest.mark.parametrize(("language", "text", "persons"), CALLS)
def test_calls_and_receptions_of_a_visitor_named_by_role(extractor, language, text, persons):
    talks = only_meeting(run(extractor, text, language), "bilateral")
    assert {p.replace(".", "") for p in talks["persons"]} == persons
    assert "PTI" not in talks["name"]


# ------------------------------------------------------------------ verbs of taking part, in any tense

TAKING_PART = [
    ("ru", "Заседание Совета министров обороны ОДКБ проходит в Минске 4 октября 2024 года. Россию представляет "
           "министр обороны Андрей Белоусов.", "Andrei Belousov", "RUS"),
    ("ru", "В Астане 14 мая 2024 года открылось заседание Совета министров иностранных дел СНГ. "
           "В работе совета участвует министр иностранных дел России Сергей Лавров.", "Sergei Lavrov", "RUS"),
    ("en", "The CSTO Council of Foreign Ministers is meeting in Minsk on 4 October 2024. Kazakhstan is "
           "represented by Foreign Minister Murat Nurtleu.", "Murat Nurtleu", "KAZ"),
]


@pytest.mark.parametrize(("language", "text", "person", "state"), TAKING_PART)
def test_who_represents_a_state_takes_part(extractor, language, text, person, state):
    meeting = only_meeting(run(extractor, text, language))
    assert person in meeting["persons"] and state in meeting["states"]


# ------------------------------------------------------------------ numeric datelines; governed instrumental

NUMERIC_DATELINES = [
    ("ru", "ДУШАНБЕ, 23.05.2023 — Sputnik. Заседание Совета командующих пограничными войсками СНГ прошло во "
           "вторник в г. Душанбе.", "2023-05-23"),
    ("ru", "Бишкек, 12.06.2024 – АКИpress. Заседание Постоянного совета ОДКБ прошло 11 июня в Москве.", "2024-06-11"),
    ("en", "Dushanbe, 12.06.2023 (Khovar) - The meeting of the CIS Council of Defence Ministers was held in Dushanbe "
           "today.", "2023-06-12"),
]


@pytest.mark.parametrize(("language", "text", "start"), NUMERIC_DATELINES)
def test_a_numeric_dateline_dates_the_report(extractor, language, text, start):
    assert only_meeting(run(extractor, text, language))["start"] == start


def test_a_council_of_commanders_keeps_the_troops_it_commands(extractor):
    text = "Заседание Совета командующих пограничными войсками прошло 23 мая 2023 года в Душанбе."
    assert only_meeting(run(extractor, text, "ru"))["name"].endswith("пограничными войсками")


# ------------------------------------------------------------------ a host receives a delegation

DELEGATIONS = [
    ("en", "The Coordination Council of Prosecutors General of the CIS will meet in Kazan on 10 October 2024. On the "
           "sidelines of the meeting, Prosecutor General Igor Krasnov will receive a delegation of the Prosecutor "
           "General's Office of Kyrgyzstan.", {"Igor Krasnov"}, "KGZ"),
    ("ru", "Заместитель министра иностранных дел России Андрей Руденко 12 марта 2024 года примет в Москве "
           "делегацию МИД Пакистана во главе с Ахмедом Ваххабом.", {"Andrei Rudenko", "Ahmed Vakhkhab"}, "PAK"),
    ("ru", "Министр внутренних дел Киргизии Улан Ниязбеков примет делегацию МВД Таджикистана.", {"Ulan Niyazbekov"},
     "TJK"),
]


@pytest.mark.parametrize(("language", "text", "persons", "state"), DELEGATIONS)
def test_a_host_receiving_a_delegation_meets_its_state(extractor, language, text, persons, state):
    talks = only_meeting(run(extractor, text, language), "bilateral")
    assert set(talks["persons"]) == persons and state in talks["states"]
    assert talks["status"] == "planned"


# ------------------------------------------------------------------ one official is not a body; talks are not two meetings

ONE_OFFICIAL = [
    ("ru", "Секретарь Совета безопасности России Сергей Шойгу провел переговоры с Ван И в Пекине 18 ноября 2024 "
           "года."),
    ("ru", "Секретарь Совета безопасности Армении Армен Григорян встретился в Ереване 24 июля 2024 года с "
           "секретарем Высшего совета национальной безопасности Ирана Али Акбаром Ахмадяном."),
    ("en", "Russian Defence Minister Andrei Belousov held talks with Chinese Defence Minister Dong Jun in Beijing "
           "on 12 May 2025."),
]


@pytest.mark.parametrize(("language", "text"), ONE_OFFICIAL)
def test_one_official_holding_talks_is_no_meeting_of_a_body(extractor, language, text):
    meetings = run(extractor, text, language)["meetings"]
    assert [m["format"] for m in meetings] == ["bilateral"], meetings


def test_a_meeting_of_many_keeps_its_talks_on_the_sidelines(extractor):
    text = ("Delegations of Kazakhstan, Kyrgyzstan, Russia and Tajikistan attended the meeting held here on Tuesday. "
            "On the sidelines, Kazakh Defence Minister Ruslan Zhaksylykov met with Russian Defence Minister Andrei "
            "Belousov.")
    formats = sorted(m["format"] for m in run(extractor, text, "en")["meetings"])
    assert formats == ["bilateral", "multilateral"]


# ------------------------------------------------------------------ documents adopted at a meeting

ADOPTED = [
    ("en", "The SCO RATS Council met in Tashkent on 12 March 2023 and approved the work plan of the RATS Council "
           "for 2023-2024.", "2023-03-12"),
    ("en", "The Council of Heads of State of the Organization of Turkic States met in Samarkand on 11 November "
           "2022 and adopted the Samarkand Declaration.", "2022-11-11"),
    ("ru", "Саммит Организации тюркских государств прошел в Бишкеке 6 ноября 2024 года. Главы государств приняли "
           "Бишкекскую декларацию.", "2024-11-06"),
]


@pytest.mark.parametrize(("language", "text", "signed"), ADOPTED)
def test_a_document_adopted_at_the_meeting_is_dated_by_it(extractor, language, text, signed):
    agreements = run(extractor, text, language)["agreements"]
    assert [a["signed"] for a in agreements] == [signed], agreements


def test_planning_is_no_plan(extractor):
    text = "В рамках заседания министров обороны стран СНГ в Москве 5 ноября 2024 года планируется ряд встреч."
    assert run(extractor, text, "ru")["agreements"] == []


JOINT_DOCUMENTS = [
    ("ru", "По итогам встречи в Бишкеке 14 марта 2024 года министры подписали План совместных мероприятий МВД двух "
           "стран по противодействию незаконному обороту наркотиков.", "plan"),
    ("ru", "По итогам переговоров в Душанбе 7 октября 2025 года главы государств подписали Совместное заявление.",
     "declaration"),
    ("en", "At the end of the talks in Hanoi on 4 March 2024 the three ministers signed a Joint Statement.",
     "declaration"),
]


@pytest.mark.parametrize(("language", "text", "kind"), JOINT_DOCUMENTS)
def test_a_document_signed_by_its_joint_name(extractor, language, text, kind):
    assert [a["kind"] for a in run(extractor, text, language)["agreements"]] == [kind]


# ------------------------------------------------------------------ family name first

FAMILY_FIRST = [
    ("The SCO RATS Council met in Tianjin on 11 June 2025, with Lin Ruiqing, vice minister of public security of "
     "China, presiding.\n\"Terrorism remains a serious threat to the security of our region,\" Lin said.", "Lin Ruiqing"),
    ("Chinese Defence Minister Dong Jun met his Kazakh counterpart in Astana on 25 April 2024.\n\"Our armies trust "
     "each other more every year,\" Dong said.", "Dong Jun"),
    ("Vice Minister Zhou Xinhai attended the meeting in Bishkek on 3 May 2023.\n\"Cooperation against drug "
     "trafficking must be deepened,\" Zhou told reporters.", "Zhou Xinhai"),
]


@pytest.mark.parametrize(("text", "speaker"), FAMILY_FIRST)
def test_a_chinese_official_is_quoted_by_family_name(extractor, text, speaker):
    assert [s["speaker"] for s in run(extractor, text, "en")["statements"]] == [speaker]


def test_a_longer_name_picks_the_namesake_it_names(extractor):
    text = ("The meeting of the SCO Council of Heads of Government was held in Islamabad on 16 October 2024 with Prime "
            "Minister Muhammad Shehbaz Sharif presiding.")
    assert only_meeting(run(extractor, text, "en"))["chair"] == "Shehbaz Sharif"


RANKED = [
    ("Minister of Defense of Azerbaijan Colonel General Zakir Hasanov held talks in Baku on 18 September 2024.",
     "Minister of Defense"),
    ("Chief of the General Staff Army General Valery Gerasimov attended the meeting in Minsk on 4 October 2024.",
     "Chief of the General Staff"),
    ("Defence Minister Engr. Khurram Dastgir Khan attended the meeting in Beijing on 24 April 2018.", "Defence Minister"),
]


@pytest.mark.parametrize(("text", "title"), RANKED)
def test_a_rank_between_title_and_name_is_not_part_of_the_office(extractor, text, title):
    titles = {o["title"] for p in run(extractor, text, "en")["people"] for o in p["offices"]}
    assert title in titles, titles


# ------------------------------------------------------------------ ordinals: possessives, idioms; cited names

ORDINALS = [
    ("en", "Pakistan's minister attended the 15th Defense Ministers’ Meeting of the SCO Member States in Beijing on "
           "24 April 2018. This is the first defence ministers’ meeting since the expansion of the bloc.", 15),
    ("en", "The 11th meeting of the SCO Council of Heads of Government opened in Astana on 3 October 2019. It is the "
           "first such meeting in ten years in Kazakhstan.", 11),
    ("ru", "23-е заседание Совета министров обороны СНГ прошло в Москве 5 ноября 2024 года. Это первое заседание "
           "после расширения повестки.", 23),
]


@pytest.mark.parametrize(("language", "text", "ordinal"), ORDINALS)
def test_the_meetings_number_and_not_a_first_since(extractor, language, text, ordinal):
    meetings = run(extractor, text, language)["meetings"]
    assert [m["ordinal"] for m in meetings] == [ordinal], meetings


CITED = [
    ("На заседании Совета глав правительств СНГ в Ашхабаде 5 декабря 2014 года премьеры обсудили торговлю.",
     "заседание Совета глав правительств СНГ"),
    ("На встрече секретарей советов безопасности государств – членов ШОС в Душанбе 17 апреля 2014 года обсудили "
     "Афганистан.", "встреча секретарей советов безопасности государств – членов ШОС"),
    ("В ходе консультаций представителей государств – членов ОДКБ в Москве 23 мая 2006 года обсуждены вопросы.",
     "консультации представителей государств – членов ОДКБ"),
]


@pytest.mark.parametrize(("text", "name"), CITED)
def test_a_russian_meeting_is_named_in_the_nominative(extractor, text, name):
    assert only_meeting(run(extractor, text, "ru"))["name"].startswith(name)


QUOTED_PREMIERS = [
    ("ru", "Заседание Совета глав правительств СНГ прошло в Минске 8 июня 2023 года. «Мы договорились о главном», — "
           "сказал премьер-министр Белоруссии Роман Головченко.", "Roman Golovchenko"),
    ("ru", "В Астане 25 мая 2023 года состоялось заседание Евразийского межправительственного совета. «Торговля "
           "растет третий год подряд», — отметил председатель правительства России Михаил Мишустин.",
     "Mikhail Mishustin"),
    ("en", "The SCO Council of Heads of Government met in Islamabad on 16 October 2024. \"Connectivity is our "
           "priority,\" said Pakistani Prime Minister Shehbaz Sharif.", "Shehbaz Sharif"),
]


@pytest.mark.parametrize(("language", "text", "person"), QUOTED_PREMIERS)
def test_a_prime_minister_quoted_at_a_meeting_took_part(extractor, language, text, person):
    assert person in only_meeting(run(extractor, text, language))["persons"]


# ------------------------------------------------------------------ "the upcoming meeting" of an announcement

UPCOMING = [
    ("ru", "13-е заседание секретарей советов безопасности государств-членов ШОС пройдет в Пекине 21 мая 2018 года. "
           "В предстоящей встрече примут участие представители Индии, Казахстана и Пакистана, а также генеральный "
           "секретарь ШОС Рашид Алимов.", {"IND", "KAZ", "PAK"}),
    ("en", "The CSTO Council of Foreign Ministers will meet in Minsk on 20 May 2024. Representatives of Armenia, "
           "Kazakhstan and Russia will take part in the upcoming meeting.", {"ARM", "KAZ", "RUS"}),
    ("en", "The SCO defence ministers will meet in Astana on 26 April 2024. Delegations of India, Pakistan and "
           "Tajikistan are expected at the forthcoming meeting.", {"IND", "PAK", "TJK"}),
]


@pytest.mark.parametrize(("language", "text", "states"), UPCOMING)
def test_the_upcoming_meeting_of_an_announcement_is_the_announced_one(extractor, language, text, states):
    meetings = run(extractor, text, language)["meetings"]
    assert len(meetings) == 1, meetings
    assert states <= set(meetings[0]["states"]) and meetings[0]["status"] == "planned"


# ------------------------------------------------------------------ a host state only where someone takes part

HOST_STATES = [
    ("en", "The next meeting of the CIS heads of government will be held in Sochi in June 2023.", []),
    ("ru", "Следующее заседание Совета глав правительств СНГ пройдет 29 мая 2015 года в Астане.", []),
    ("en", "The CSTO Council of Foreign Ministers will meet in Minsk on 20 May 2024. Representatives of Armenia and "
           "Kazakhstan will take part.", ["ARM", "BLR", "KAZ"]),
]


@pytest.mark.parametrize(("language", "text", "states"), HOST_STATES)
def test_an_announced_meeting_lists_its_host_only_with_its_participants(extractor, language, text, states):
    assert sorted(only_meeting(run(extractor, text, language))["states"]) == states


# ------------------------------------------------------------------ bodies named with possessives; last year's online meeting

POSSESSIVE_BODIES = [
    ("Azerbaijani Security Council Secretary Ramil Usubov has attended a meeting of secretaries of the CIS "
     "countries' security councils held in Moscow on 17 November 2021. The video conference meeting of the "
     "secretaries was held in 2020.", "Moscow"),
    ("A meeting of secretaries of the CSTO member states' security councils was held in Yerevan on 17 June 2022.",
     "Yerevan"),
    ("The secretaries of the SCO nations' security councils met in Dushanbe on 17 April 2014.", "Dushanbe"),
]


@pytest.mark.parametrize(("text", "place"), POSSESSIVE_BODIES)
def test_a_body_named_with_a_possessive_and_its_place(extractor, text, place):
    record = run(extractor, text, "en", published="2022-06-17")
    meeting = next(m for m in record["meetings"] if m["series"])
    assert meeting["place"] == place


# ------------------------------------------------------------------ a quotation that stands alone

IMPLIED = [
    ("ru", "Президент Беларуси Александр Лукашенко 29 июня провел встречу с секретарем Совета безопасности России "
           "Николаем Патрушевым.\n«Всегда есть о чем поговорить, особенно в это непростое время».",
     "Alexander Lukashenko"),
    ("en", "Belarusian President Alexander Lukashenko received Nikolai Patrushev in Minsk on 3 May 2023. The President "
           "added that the trip had been planned long ago. \"The visit will be useful for further progress in our "
           "relations.\"", "Alexander Lukashenko"),
    ("ru", "Секретарь Совбеза России Николай Патрушев встретился в Москве с госсекретарем Совбеза Беларуси Станиславом "
           "Засем 10 июля 2009 года.\n«Мы являемся стратегическими партнерами и совместно будем прорабатывать "
           "мероприятия».", "Nikolai Patrushev"),
]


@pytest.mark.parametrize(("language", "text", "speaker"), IMPLIED)
def test_a_quotation_standing_alone_is_the_words_of_whom_the_sentence_before_introduces(extractor, language, text,
                                                                                         speaker):
    assert [s["speaker"] for s in run(extractor, text, language)["statements"]] == [speaker]


def test_a_quotation_whose_speaker_cannot_be_told_is_left_out(extractor):
    text = ("Azerbaijani Defence Minister Zakir Hasanov held talks in Baku on 18 September 2024. \"Pakistan has always "
            "stood with its brothers, and we will continue to do so,\" the visiting official said.")
    assert run(extractor, text, "en")["statements"] == []


# ------------------------------------------------------------------ years counted from the report's

RELATIVE_YEARS = [
    ("en", "The SCO defence ministers met in Qingdao on 26 June 2025. The previous meeting of SCO defence ministers "
           "was held in Astana in April last year.", "2024-04"),
    ("en", "The CIS Council of Defence Ministers met in Moscow on 5 November 2024. The ministers agreed that the next "
           "meeting of the council will be held in Minsk next year.", "2025"),
    ("ru", "Заседание Совета министров обороны СНГ прошло в Москве 5 ноября 2024 года. Прошлогоднее заседание совета "
           "прошло в Бишкеке.", "2023"),
]


@pytest.mark.parametrize(("language", "text", "start"), RELATIVE_YEARS)
def test_last_or_next_year_is_counted_from_the_reports_year(extractor, language, text, start):
    record = run(extractor, text, language, published="2024-11-05" if "2024" in text else "2025-06-26")
    others = [m for m in record["meetings"] if m["start"] and not m["start"].endswith(("-11-05", "-06-26"))]
    assert [m["start"] for m in others] == [start], record["meetings"]


# ------------------------------------------------------------------ a header date that agrees with the dateline

HEADER_AGREES = [
    ("ru", "Вторник, 5 марта 2024\nБелТА — Новости\n\nМИНСК, 5 марта (БелТА) – Заседание Совета министров внутренних "
           "дел СНГ пройдет 7 марта в Минске.", "2024-03-07"),
    ("en", "Monday, 14 October 2024\n\nBISHKEK, October 14 (Kabar) - The CIS Council of Foreign Ministers will meet in "
           "Bishkek on October 15.", "2024-10-15"),
    ("ru", "Среда, 12 июня 2024\n\nАСТАНА, 12 июня. /Казинформ/. Заседание Совета министров обороны СНГ прошло "
           "сегодня в Астане.", "2024-06-12"),
]


@pytest.mark.parametrize(("language", "text", "start"), HEADER_AGREES)
def test_a_dated_header_that_agrees_with_the_dateline_dates_the_report(extractor, language, text, start):
    assert only_meeting(run(extractor, text, language))["start"] == start


FREE_ORDER_CHAIRS = [
    "Заседание Совета министров внутренних дел СНГ пройдет 7 марта 2024 года в Минске. Иван Кубраков будет "
    "председательствовать на заседании.",
    "В Бишкеке 12 октября 2023 года прошло заседание Совета министров иностранных дел СНГ. Жээнбек Кулубаев "
    "председательствовал на нем.",
    "Заседание Совета министров обороны СНГ прошло в Москве 5 ноября 2024 года. Андрей Белоусов председательствовал "
    "на заседании.",
]


@pytest.mark.parametrize("text", FREE_ORDER_CHAIRS)
def test_a_russian_chair_named_before_the_verb(extractor, text):
    assert only_meeting(run(extractor, text, "ru"))["chair"] in ("Ivan Kubrakov", "Jeenbek Kulubaev", "Andrei Belousov")


JOINT_BY_ABBREVIATIONS = [
    ("ru", "Совместное заседание СМИД, СМО и КССБ ОДКБ началось в Астане 27 ноября 2024 года."),
    ("ru", "В Минске 22 ноября 2023 года прошло совместное заседание СМИД, СМО и КССБ ОДКБ."),
    ("en", "A joint session of the CSTO Council of Foreign Ministers, Council of Defence Ministers and Committee of "
           "Secretaries of Security Councils was held in Yerevan on 22 November 2022."),
]


@pytest.mark.parametrize(("language", "text"), JOINT_BY_ABBREVIATIONS)
def test_a_joint_session_belongs_to_no_one_councils_series(extractor, language, text):
    meetings = run(extractor, text, language)["meetings"]
    assert [m["series"] for m in meetings] == [None], meetings
    assert meetings[0]["organizations"] == ["CSTO"]


# ------------------------------------------------------------------ whose greeting is read out does not come

ON_BEHALF = [
    ("ru", "Заседание Совета командующих пограничными войсками СНГ прошло 12 июня 2024 года в Бишкеке. Заседание открыл "
           "председатель ГКНБ Киргизии Камчыбек Ташиев, который приветствовал гостей от имени президента Садыра "
           "Жапарова.", "Sadyr Japarov"),
    ("en", "The CIS ATC meeting was held in Dushanbe on 12 June 2023. Security chief Saimumin Yatimov read out a "
           "greeting from President Emomali Rahmon to the participants.", "Emomali Rahmon"),
    ("en", "The SCO RATS Council met in Tashkent on 24 March 2022. The participants heard a message from SCO "
           "Secretary-General Zhang Ming.", "Zhang Ming"),
]


@pytest.mark.parametrize(("language", "text", "absent"), ON_BEHALF)
def test_whose_greeting_is_read_out_does_not_take_part(extractor, language, text, absent):
    assert absent not in only_meeting(run(extractor, text, language))["persons"]


RU_WORK_OF_THE_COUNCIL = [
    "Заседание Совета командующих пограничными войсками СНГ прошло 12 июня 2024 года в Бишкеке под председательством "
    "Владимира Кулишова.\n\nВ работе совета участвовали его коллеги из Белоруссии, Казахстана и Таджикистана.",
    "Заседание Совета министров обороны СНГ прошло в Москве 5 ноября 2024 года.\n\nВ работе совета приняли участие "
    "министры обороны Белоруссии, Казахстана и Таджикистана.",
    "В Минске 13 октября 2023 года состоялось заседание Совета министров иностранных дел СНГ.\n\nВ работе заседания "
    "приняли участие делегации Белоруссии, Казахстана и Таджикистана.",
]


@pytest.mark.parametrize("text", RU_WORK_OF_THE_COUNCIL)
def test_in_the_work_of_the_council_points_back_to_the_meeting(extractor, text):
    assert {"BLR", "KAZ", "TJK"} <= set(only_meeting(run(extractor, text, "ru"))["states"])


# ------------------------------------------------------------------ lists after a count; attendance before another meeting

COUNTED_LISTS = [
    ("en", "A meeting of the heads of anti-terrorist units of CIS security agencies started in Dushanbe on 12 June "
           "2023.\n\nDelegations from six countries - Belarus, Kazakhstan, Kyrgyzstan, Russia, Tajikistan and "
           "Uzbekistan - are taking part in the meeting.", {"BLR", "KAZ", "KGZ", "RUS", "UZB"}),
    ("en", "The CIS Council of Defence Ministers met in Minsk on 4 October 2024.\n\nRepresentatives of four states: "
           "Belarus, Kazakhstan, Kyrgyzstan and Russia took part.", {"BLR", "KAZ", "KGZ", "RUS"}),
    ("en", "On 18 September, Tashkent will host a regular meeting of the Council of Ministers of Internal Affairs of "
           "the CIS member states.\n\nDelegations headed by the interior ministers of Azerbaijan, Belarus and "
           "Kazakhstan are expected to take part.\n\nThe previous meeting of the Council was held in Minsk.",
     {"AZE", "BLR", "KAZ"}),
]


@pytest.mark.parametrize(("language", "text", "states"), COUNTED_LISTS)
def test_states_listed_after_a_count_or_before_another_meeting(extractor, language, text, states):
    meeting = run(extractor, text, language, published="2024-09-10")["meetings"][0]
    assert states <= set(meeting["states"]), meeting


PREPARED_FOR = [
    ("ru", "В начале февраля 2018 года в Нью-Дели прошла встреча группы правовых экспертов по подготовке 32-го "
           "заседания Совета РАТС ШОС.", 32),
    ("ru", "В Минске 10 мая 2024 года завершилась работа группы экспертов по подготовке заседания Совета министров "
           "обороны СНГ.", None),
    ("en", "Experts met in Beijing on 3 February 2018 in preparation for the 32nd meeting of the SCO RATS Council.", 32),
]


@pytest.mark.parametrize(("language", "text", "ordinal"), PREPARED_FOR)
def test_a_meeting_prepared_for_is_planned(extractor, language, text, ordinal):
    prepared = [m for m in run(extractor, text, language)["meetings"] if m["body"] and "Council" in m["body"]]
    assert prepared and all(m["status"] == "planned" for m in prepared), prepared
    assert prepared[0]["ordinal"] == ordinal


# ------------------------------------------------------------------ a leader meets a body

RECEIVES_A_BODY = [
    ("ru", "В Душанбе 17 апреля 2014 года состоялась встреча Эмомали Рахмона с секретарями советов безопасности "
           "государств-членов ШОС, прибывших в Душанбе для участия в 9-й встрече.", "Emomali Rahmon", 9),
    ("en", "Belarusian President Alexander Lukashenko met with the secretaries of the Security Councils of the CSTO "
           "member states in Minsk on 8 June 2021, who had come for the session of the committee.", "Alexander Lukashenko",
     None),
    ("ru", "Президент России Дмитрий Медведев 20 мая 2009 года примет секретарей советов безопасности государств-членов "
           "ШОС, которые проведут в Москве свое четвертое заседание.", "Dmitry Medvedev", 4),
]


@pytest.mark.parametrize(("language", "text", "host", "ordinal"), RECEIVES_A_BODY)
def test_a_leader_meeting_a_body_is_a_meeting_of_its_own(extractor, language, text, host, ordinal):
    meetings = run(extractor, text, language)["meetings"]
    received = [m for m in meetings if host in m["persons"] and m["series"] is None]
    assert received, meetings
    assert received[0]["organizations"]
    if ordinal:
        assert any(m["series"] and m["ordinal"] == ordinal for m in meetings), meetings


LAST_MONTH = [
    ("en", "Iran's security chief received Armen Grigoryan in Tehran on 5 November 2024. He referred to the 3+3 "
           "platform, whose foreign ministers met in Istanbul last month.", "2024-11-05", "2024-10"),
    ("en", "The CSTO Council of Defence Ministers met in Minsk on 4 January 2024. The ministers noted that the CSTO "
           "foreign ministers had met in Moscow last month.", "2024-01-04", "2023-12"),
    ("ru", "Заседание Совета министров обороны СНГ прошло в Москве 5 ноября 2024 года. Министры иностранных дел СНГ "
           "собрались в Минске в прошлом месяце.", "2024-11-05", "2024-10"),
]


@pytest.mark.parametrize(("language", "text", "published", "start"), LAST_MONTH)
def test_last_month_is_counted_from_the_reports_month(extractor, language, text, published, start):
    record = run(extractor, text, language, published=published)
    assert start in [m["start"] for m in record["meetings"]], record["meetings"]
    assert not any(m["name"].endswith(" had") for m in record["meetings"])


SCHEDULED_TO_MEET = [
    ("en", "Armenian Security Council Secretary Armen Grigoryan is scheduled to meet Foreign Minister Abbas Araghchi "
           "in Tehran on Wednesday.", {"Armen Grigoryan", "Abbas Araghchi"}),
    ("en", "Kazakh Foreign Minister Murat Nurtleu is expected to meet with Chinese Foreign Minister Wang Yi in "
           "Astana next week.", {"Murat Nurtleu", "Wang Yi"}),
    ("en", "Russian Defence Minister Andrei Belousov was due to meet Indian Defence Minister Rajnath Singh in Qingdao "
           "on 26 June 2025.", {"Andrei Belousov", "Rajnath Singh"}),
]


@pytest.mark.parametrize(("language", "text", "persons"), SCHEDULED_TO_MEET)
def test_scheduled_to_meet_is_planned_talks(extractor, language, text, persons):
    talks = only_meeting(run(extractor, text, language), "bilateral")
    assert set(talks["persons"]) == persons


# ------------------------------------------------------------------ "their sessions": one meeting per body listed

THEIR_SESSIONS = [
    ("ru", "На консультациях обсуждены вопросы, предлагаемые для рассмотрения уставными органами ОДКБ - Советом "
           "коллективной безопасности, Советом министров иностранных дел, Советом министров обороны - в ходе их "
           "заседаний, запланированных на 22-23 июня 2006 года в г. Минске.", 3, "Minsk"),
    ("ru", "Совет министров иностранных дел СНГ и Совет министров обороны СНГ проведут свои заседания в Душанбе "
           "10 октября 2024 года.", 2, "Dushanbe"),
    ("en", "The CSTO Council of Foreign Ministers and the CSTO Council of Defence Ministers will hold their meetings "
           "in Yerevan on 22 November 2022.", 2, "Yerevan"),
]


@pytest.mark.parametrize(("language", "text", "count", "place"), THEIR_SESSIONS)
def test_their_sessions_are_one_meeting_per_body(extractor, language, text, count, place):
    meetings = [m for m in run(extractor, text, language)["meetings"] if m["body"]]
    assert len(meetings) == count, meetings
    assert {m["place"] for m in meetings} == {place} and len({m["start"] for m in meetings}) == 1


NOMINATIVE_NAMES = [
    ("Очередное, 32-е заседание Совета РАТС ШОС состоится в апреле 2018 года в Ташкенте. В Нью-Дели прошла "
     "встреча экспертов по подготовке 32-го заседания Совета РАТС.", "32-е заседание Совета РАТС ШОС"),
    ("Заседание Совета министров обороны СНГ пройдет в Москве 5 ноября 2024 года. Министры обсудят на заседании "
     "Совета министров обороны план сотрудничества.", "Заседание Совета министров обороны СНГ"),
    ("Саммит ОДКБ пройдет в Астане 28 ноября 2024 года. Подготовка к саммиту ОДКБ идет по плану.", "Саммит ОДКБ"),
]


@pytest.mark.parametrize(("text", "name"), NOMINATIVE_NAMES)
def test_a_russian_meeting_is_named_by_its_mention_as_subject(extractor, text, name):
    meetings = run(extractor, text, "ru")["meetings"]
    assert any(m["name"].startswith(name) for m in meetings), meetings


COLLEAGUE_FROM = [
    ("ru", "Министр иностранных дел Узбекистана Бахтиёр Саидов встретился в Бишкеке 12 октября 2023 года с коллегой "
           "из Таджикистана Сироджиддином Мухриддином.", "TJK"),
    ("en", "Uzbek Foreign Minister Bakhtiyor Saidov met his counterpart from Tajikistan Sirojiddin Muhriddin in "
           "Bishkek on 12 October 2023.", "TJK"),
    ("ru", "Министр внутренних дел Киргизии Улан Ниязбеков встретился 14 марта 2024 года с коллегой из Узбекистана "
           "Пулатом Бобожоновым.", "UZB"),
]


@pytest.mark.parametrize(("language", "text", "state"), COLLEAGUE_FROM)
def test_a_colleague_from_a_state_represents_it(extractor, language, text, state):
    assert state in only_meeting(run(extractor, text, language), "bilateral")["states"]


HALF_YEAR_PLANS = [
    ("en", "The SCO RATS Council met in Tianjin on 11 June 2025 and approved the work plan of the RATS Council for "
           "the second half of 2025.", 2025),
    ("en", "The CSTO Permanent Council adopted a plan of consultations for the first half of 2024 in Moscow on "
           "12 December 2023.", 2024),
    ("ru", "Совет министров иностранных дел СНГ утвердил в Минске 13 октября 2023 года план консультаций на первое "
           "полугодие 2024 года.", 2024),
]


@pytest.mark.parametrize(("language", "text", "year"), HALF_YEAR_PLANS)
def test_a_plan_for_one_half_year_covers_that_year(extractor, language, text, year):
    plans = [a for a in run(extractor, text, language)["agreements"] if a["kind"] == "plan"]
    assert plans and (plans[0]["valid_from"], plans[0]["valid_to"]) == (year, year), plans


# ------------------------------------------------------------------ talks whose sides are capitals or delegations

UNNAMED_SIDES = [
    ("en", "Beijing and Moscow are set to conduct a three-day strategic security consultation starting on Monday. "
           "The Chinese delegation will be led by Wang Yi, while the Russian side will be represented by Sergei Shoigu.",
     {"CHN", "RUS"}, {"Wang Yi", "Sergei Shoigu"}, "planned"),
    ("en", "Astana and Tashkent held consultations on border security on 4 June 2024. The Kazakh delegation was "
           "headed by Ermek Sagimbayev, the Uzbek side by Bakhodir Kurbanov.",
     {"KAZ", "UZB"}, {"Yermek Sagimbayev", "Bakhodir Kurbanov"}, "held"),
    ("en", "New Delhi and Moscow will hold a fresh round of security consultations next week. The Indian side "
           "will be led by Ajit Doval and the Russian delegation by Sergei Shoigu.",
     {"IND", "RUS"}, {"Ajit Doval", "Sergei Shoigu"}, "planned"),
    ("ru", "Пекин и Москва проведут консультации по стратегической безопасности в понедельник. Китайскую делегацию "
           "возглавит Ван И, российскую сторону представит Сергей Шойгу.",
     {"CHN", "RUS"}, {"Wang Yi", "Sergei Shoigu"}, "planned"),
    ("ru", "Минск и Москва провели консультации по вопросам безопасности 3 марта 2023 года. Белорусскую делегацию "
           "возглавил Александр Вольфович, российскую сторону представлял Александр Венедиктов.",
     {"BLR", "RUS"}, {"Alexander Volfovich", "Alexander Venediktov"}, "held"),
]


@pytest.mark.parametrize(("language", "text", "states", "persons", "status"), UNNAMED_SIDES)
def test_talks_between_two_capitals_or_two_delegations(extractor, language, text, states, persons, status):
    talks = only_meeting(run(extractor, text, language, "2024-06-03"), "bilateral")
    assert set(talks["states"]) == states
    assert set(talks["persons"]) == persons
    assert talks["status"] == status


def test_two_capitals_in_passing_make_no_talks(extractor):
    rec = run(extractor, "Flights between Beijing and Moscow resumed on Monday, the airline said.", "en", "2024-06-03")
    assert rec["meetings"] == []


# ------------------------------------------------------------------ Russian: who will take part, offices without names

RU_WILL_TAKE_PART = [
    ("Заседание Совета министров обороны СНГ пройдет 7 марта в Минске. Ожидается, что в работе совета примут участие "
     "руководители минобороны Армении, Казахстана и Таджикистана.", {"ARM", "KAZ", "TJK"}),
    ("Совещание генпрокуроров стран ШОС откроется в Астане 12 июня. Ожидается участие руководителей надзорных "
     "ведомств пяти государств — Китая, Индии, Пакистана, Ирана и Узбекистана.", {"CHN", "IND", "PAK", "IRN", "UZB"}),
    ("В Бишкеке 5 апреля состоится заседание Совета командующих пограничными войсками СНГ. Участие в нем примут "
     "руководители погранведомств Белоруссии, Армении и России.", {"BLR", "ARM", "RUS"}),
]


@pytest.mark.parametrize(("text", "states"), RU_WILL_TAKE_PART)
def test_russian_announced_participants(extractor, text, states):
    meeting = only_meeting(run(extractor, text, "ru", "2024-03-01"))
    assert states <= set(meeting["states"]), meeting["states"]


NAMELESS_OFFICES = [
    ("en", "The CSTO foreign ministers met in Minsk on 2 July 2024. A Deputy Foreign Minister of Tajikistan also "
           "attended the meeting.", "TJK"),
    ("en", "The SCO defence ministers gathered in Astana on 26 April 2024; the Deputy Minister of Defence of India "
           "took part in the session.", "IND"),
    ("ru", "В заседании СМИД ОДКБ в Минске 2 июля 2024 года также приняли участие Министр иностранных дел Киргизской "
           "Республики Ж.Кулубаев и заместитель Министра иностранных дел Республики Таджикистан.", "TJK"),
    ("ru", "Совет министров обороны СНГ собрался в Москве 16 октября 2024 года. В заседании участвовал заместитель "
           "министра обороны Азербайджана.", "AZE"),
]


@pytest.mark.parametrize(("language", "text", "state"), NAMELESS_OFFICES)
def test_an_office_without_a_name_represents_its_state(extractor, language, text, state):
    assert state in only_meeting(run(extractor, text, language))["states"]


def test_an_office_reported_absent_represents_nothing(extractor):
    text = ("The CSTO Permanent Council met in Moscow on 11 June 2024. The permanent representatives of Belarus and "
            "Kazakhstan attended. The representative of Armenia did not take part.")
    assert "ARM" not in only_meeting(run(extractor, text, "en"))["states"]


# ------------------------------------------------------------------ "a meeting of X with Y"; meetings a document provides for

MEETING_OF_X_WITH_Y = [
    ("ru", "В Москве прошла рабочая встреча секретаря Совета безопасности России Сергея Шойгу с секретарем Совбеза "
           "Казахстана Гизатом Нурдаулетовым.", {"Sergei Shoigu", "Gizat Nurdauletov"}),
    ("ru", "В Минске состоялась встреча государственного секретаря Совбеза Беларуси Александра Вольфовича с "
           "секретарем Совета безопасности Киргизии Маратом Иманкуловым.", {"Alexander Volfovich", "Marat Imankulov"}),
    ("en", "The meeting of Security Council Secretary Sergei Shoigu with Ajit Doval took place in Moscow on 5 May "
           "2024.", {"Sergei Shoigu", "Ajit Doval"}),
]


@pytest.mark.parametrize(("language", "text", "persons"), MEETING_OF_X_WITH_Y)
def test_a_meeting_of_one_official_with_another_is_bilateral(extractor, language, text, persons):
    rec = run(extractor, text, language, "2024-05-05")
    assert [m["format"] for m in rec["meetings"]] == ["bilateral"], rec["meetings"]
    assert set(rec["meetings"][0]["persons"]) == persons


PROVIDED_FOR = [
    ("ru", "Стороны подписали план сотрудничества советов безопасности на 2025-2026 годы, предусматривающий "
           "проведение российско-казахстанских консультаций по вопросам безопасности."),
    ("ru", "Утверждена программа, которая предусматривает регулярные консультации экспертов двух стран."),
    ("en", "The sides signed a cooperation plan for 2025-2026 providing for the holding of Russian-Kazakh security "
           "consultations."),
    ("en", "The programme envisages regular consultations between the two countries' experts."),
]


@pytest.mark.parametrize(("language", "text"), PROVIDED_FOR)
def test_meetings_a_document_provides_for_are_no_meetings(extractor, language, text):
    assert run(extractor, text, language, "2024-05-05")["meetings"] == []


# ------------------------------------------------------------------ talks with a visitor in the dateline's city

VISITS = [
    ("ru", "ДУШАНБЕ, 7 октября (Ховар). Президент Республики Таджикистан Эмомали Рахмон во Дворце нации провел "
           "переговоры с Президентом Республики Беларусь Александром Лукашенко, прибывшим в Таджикистан с официальным "
           "визитом.", "Dushanbe"),
    ("ru", "АСТАНА, 12 марта. Токаев провел переговоры с Шавкатом Мирзиёевым, который находится в Казахстане с "
           "государственным визитом.", "Astana"),
    ("en", "TASHKENT, May 3 (UzA) -- President Shavkat Mirziyoyev held talks with President Kassym-Jomart Tokayev, "
           "who arrived in Uzbekistan on a state visit.", "Tashkent"),
]


@pytest.mark.parametrize(("language", "text", "place"), VISITS)
def test_talks_with_a_visitor_to_the_datelines_country_are_in_its_city(extractor, language, text, place):
    assert only_meeting(run(extractor, text, language, "2024-05-03"), "bilateral")["place"] == place


def test_talks_reported_from_another_country_take_no_dateline_city(extractor):
    text = ("MOSCOW, May 3 (TASS) -- President Shavkat Mirziyoyev held talks with President Kassym-Jomart Tokayev, "
            "who arrived in Uzbekistan on a state visit.")
    assert only_meeting(run(extractor, text, "en", "2024-05-03"), "bilateral")["place"] is None


# ------------------------------------------------------------------ the host of a numbered round of talks chairs it

ROUND_HOSTS = [
    ("en", "BEIJING, June 6, 2014 -- State Councilor Yang Jiechi held the 10th round of China-Russia strategic "
           "security consultations in Beijing with Russian Security Council Secretary Nikolai Patrushev.",
     "Yang Jiechi"),
    ("en", "NEW DELHI, March 3, 2025 -- National Security Adviser Ajit Doval held the 13th round of India-Russia "
           "security consultations in New Delhi with Russian Security Council Secretary Sergei Shoigu.", "Ajit Doval"),
    ("ru", "МОСКВА, 10 апреля 2025. Секретарь Совета безопасности РФ Сергей Шойгу провел в Москве 12-й раунд "
           "российско-индийских консультаций с советником по национальной безопасности Индии Аджитом Довалом.",
     "Sergei Shoigu"),
    ("ru", "АСТАНА, 21 мая 2024. В Астане состоялся второй раунд казахстанско-китайских консультаций. Консультации "
           "прошли под сопредседательством секретаря Совбеза Казахстана Гизата Нурдаулетова и министра "
           "иностранных дел КНР Ван И.", "Gizat Nurdauletov"),
    # a guest who holds a round abroad, and a round with no host named, have no chair
    ("ru", "ПЕКИН, 18 ноября 2024. Секретарь Совета безопасности России Сергей Шойгу провел в Пекине 19-й раунд "
           "российско-китайских консультаций с министром иностранных дел КНР Ван И.", None),
    ("en", "YEREVAN, May 14, 2024. The second round of Armenian-Indian consultations was held in Yerevan; Security "
           "Council Secretary Armen Grigoryan and Deputy NSA Vikram Misri took part.", None),
]


@pytest.mark.parametrize(("language", "text", "chair"), ROUND_HOSTS)
def test_the_host_of_a_numbered_round_chairs_it(extractor, language, text, chair):
    assert only_meeting(run(extractor, text, language), "bilateral")["chair"] == chair


# ------------------------------------------------------------------ a host receives "the Armenian official"; going back is no place

RECEIVE_BY_STATE = [
    ("en", "Armen Grigoryan, the secretary of Armenia's Security Council, arrived in Tehran on Monday. Foreign "
           "Minister Abbas Araghchi will receive the Armenian official on Wednesday, before he returns to Yerevan.",
     {"Abbas Araghchi", "Armen Grigoryan"}),
    ("en", "Pakistan's Defence Minister Khawaja Asif arrived in Baku on a two-day visit. President Ilham Aliyev will "
           "receive the Pakistani defense minister on Thursday.", {"Ilham Aliyev", "Khawaja Asif"}),
    ("ru", "Секретарь Совбеза Армении Армен Григорян прибыл в Тегеран в понедельник. Министр иностранных дел Ирана "
           "Аббас Аракчи примет армянского гостя в среду, перед его возвращением в Ереван.",
     {"Abbas Araghchi", "Armen Grigoryan"}),
]


@pytest.mark.parametrize(("language", "text", "persons"), RECEIVE_BY_STATE)
def test_a_host_receives_the_visitor_named_by_state(extractor, language, text, persons):
    talks = [m for m in run(extractor, text, language, "2024-11-04")["meetings"] if m["format"] == "bilateral"]
    hit = [m for m in talks if set(m["persons"]) == persons]
    assert hit, talks
    assert hit[0]["place"] in (None, "Tehran", "Baku")


# ------------------------------------------------------------------ a body "which meets" later

WHICH_MEETS = [
    ("en", "The CIS foreign ministers met in Minsk on 12 October 2023. The documents agreed by the ministers will be "
           "submitted to the Council of CIS Heads of State, which meets in Bishkek on October 13.",
     "Council of CIS Heads of State", "Bishkek"),
    ("en", "SCO defence ministers met in Astana on 26 April 2024. Their proposals go to the SCO Heads of State "
           "Council, which will convene in Astana on 4 July.", "SCO Heads of State Council", "Astana"),
    ("ru", "Министры иностранных дел СНГ встретились в Минске 12 октября 2023 года. Согласованные документы будут "
           "представлены Совету глав государств СНГ, который соберется в Бишкеке 13 октября.",
     "Совету глав государств СНГ", "Bishkek"),
]


@pytest.mark.parametrize(("language", "text", "name", "place"), WHICH_MEETS)
def test_a_body_which_meets_later_holds_a_planned_meeting(extractor, language, text, name, place):
    planned = [m for m in run(extractor, text, language, "2023-10-12")["meetings"] if m["status"] == "planned"]
    assert len(planned) == 1, planned
    assert planned[0]["place"] == place
    assert planned[0]["name"].endswith(name.split()[-1]), planned[0]["name"]


def test_a_relative_clause_that_is_no_meeting_makes_none(extractor):
    text = ("The ministers met in Minsk on 12 October 2023 and considered the draft documents, which are to be "
            "discussed by the collective security bodies later.")
    assert len(run(extractor, text, "en", "2023-10-12")["meetings"]) <= 1


# ------------------------------------------------------------------ a leader receives the participants of the meeting

RECEIVES_PARTICIPANTS = [
    ("en", "ASTANA, June 13 (Kazinform) - The meeting of Prosecutors General of the SCO member states is being held in "
           "Astana on 13 June 2024. President Kassym-Jomart Tokayev received the heads of delegations taking part in "
           "the meeting of Prosecutors General.", "Kassym-Jomart Tokayev", "Astana"),
    ("en", "The meeting of the CIS Council of Defence Ministers was held in Minsk on 23 November 2023. Alexander "
           "Lukashenko received the participants of the meeting of defence ministers.", "Alexander Lukashenko", "Minsk"),
    ("ru", "Заседание Совета министров внутренних дел СНГ прошло в Душанбе 20 сентября 2024 года. Эмомали Рахмон "
           "принял глав делегаций - участников заседания Совета министров внутренних дел.", "Emomali Rahmon", "Dushanbe"),
]


@pytest.mark.parametrize(("language", "text", "host", "place"), RECEIVES_PARTICIPANTS)
def test_a_leader_receiving_the_participants_is_a_meeting_of_its_own_during_it(extractor, language, text, host, place):
    rec = run(extractor, text, language)
    received = [m for m in rec["meetings"] if host in m["persons"] and m["status"] == "held"]
    assert len(rec["meetings"]) == 2, rec["meetings"]
    assert received and received[0]["place"] == place and received[0]["start"] == rec["meetings"][0]["start"]
    main = next(m for m in rec["meetings"] if m is not received[0])
    assert host not in main["persons"]



DATELINE_AND_OWN_DATE = [
    ("en", "ASTANA, June 13 (Kazinform) - The meeting of Prosecutors General of the SCO member states is being held in "
           "Astana on 13 June 2024.", "2024-06-13"),
    ("en", "MINSK, Nov 23 (BelTA) - The CIS defence ministers will meet in Minsk on 12 December 2024.", "2024-12-12"),
    ("ru", "ДУШАНБЕ, 20 сентября. Заседание Совета министров внутренних дел СНГ пройдет в Душанбе 3 октября 2024 года.",
     "2024-10-03"),
]


@pytest.mark.parametrize(("language", "text", "start"), DATELINE_AND_OWN_DATE)
def test_the_meetings_own_date_wins_over_the_datelines(extractor, language, text, start):
    assert only_meeting(run(extractor, text, language, "2024-11-23"))["start"] == start


# ------------------------------------------------------------------ a count of events is no meeting's number

COUNTS = [
    ("ru", "В Ташкенте 3 октября 2024 года открылось совещание руководителей антитеррористических подразделений "
           "государств – участников СНГ. Это уже второе мероприятие такого уровня, проведенное в Узбекистане в 2024 "
           "году."),
    ("ru", "В Бишкеке 5 июня 2024 года прошла встреча руководителей погранведомств стран СНГ — третья встреча в "
           "этом году."),
    ("en", "The meeting of CIS border troops commanders opened in Tashkent on 3 October 2024. It is the second event "
           "of this level held in Uzbekistan this year."),
    ("en", "The SCO defence ministers met in Astana on 26 April 2024, the third such meeting of this format."),
]


@pytest.mark.parametrize(("language", "text"), COUNTS)
def test_a_count_of_events_is_no_ordinal(extractor, language, text):
    assert only_meeting(run(extractor, text, language))["ordinal"] is None


# ------------------------------------------------------------------ the dateline's day in the year the text gives

DATELINE_DAY_TEXT_YEAR = [
    ("ru", "Ташкент, 3 октября (УзА). В г. Ташкенте открылось совещание руководителей антитеррористических "
           "подразделений государств – участников СНГ. Это второе мероприятие такого уровня, проведенное в "
           "Узбекистане в 2024 году.", "2024-10-03"),
    ("ru", "МИНСК, 14 мая. /БелТА/. В Минске прошло заседание Совета министров обороны СНГ. Заседание совета в 2025 "
           "году проходит под председательством Белоруссии.", "2025-05-14"),
    ("en", "BISHKEK, June 5 (AKIpress) - The meeting of the CIS Council of Border Troops Commanders was held in "
           "Bishkek. The council's meeting in 2024 is chaired by Kyrgyzstan.", "2024-06-05"),
]


@pytest.mark.parametrize(("language", "text", "start"), DATELINE_DAY_TEXT_YEAR)
def test_the_datelines_day_in_the_year_the_text_gives(extractor, language, text, start):
    assert only_meeting(run(extractor, text, language))["start"] == start


# ------------------------------------------------------------------ Russian ordinal days, shouting page headers

RU_DAY_FORMS = [
    ("ДУШАНБЕ, 7-го октября 2025 года (Ховар). Эмомали Рахмон провел переговоры с Александром Лукашенко.",
     "2025-10-07"),
    ("МИНСК, 1-е декабря. Заседание Совета министров обороны СНГ прошло в Минске 1-го декабря 2023 года.",
     "2023-12-01"),
    ("10 АПР 2025, 16:20\n\nМОСКВА, 10 апреля. /ТАСС/. Секретарь Совбеза Сергей Шойгу провел в четверг в Москве "
     "консультации с Аджитом Довалом.", "2025-04-10"),
]


@pytest.mark.parametrize(("text", "start"), RU_DAY_FORMS)
def test_russian_ordinal_days_and_shouting_headers_date_the_meeting(extractor, text, start):
    rec = run(extractor, text, "ru")
    assert rec["meetings"] and rec["meetings"][0]["start"] == start, rec["meetings"]


PLAN_YEARS_IN_A_DATED_REPORT = [
    ("ru", "Министры иностранных дел ШОС собрались в Астане 20–21 мая. Стороны подписали План сотрудничества на "
           "2024–2026 годы.", "2024-05-21", "2024-05-20"),
    ("en", "The CSTO security council secretaries met in Minsk on 12 June. They signed a plan of joint events for "
           "2025-2026.", "2025-06-13", "2025-06-12"),
    ("en", "The SCO defence ministers met in Astana on 26 April and approved the cooperation plan for 2025-2026.",
     "2024-04-27", "2024-04-26"),
]


@pytest.mark.parametrize(("language", "text", "published", "start"), PLAN_YEARS_IN_A_DATED_REPORT)
def test_a_plans_years_do_not_date_a_dated_reports_meeting(extractor, language, text, published, start):
    assert only_meeting(run(extractor, text, language, published))["start"] == start


# ------------------------------------------------------------------ "the ministers signed": the talks' participants sign for their states

GROUP_SIGNERS = [
    ("ru", "Эмомали Рахмон провел переговоры с Александром Лукашенко в Душанбе 7 октября 2025 года. По итогам "
           "переговоров главы государств подписали Совместное заявление.",
     {"TJK", "BLR"}, {"Emomali Rahmon", "Alexander Lukashenko"}),
    ("ru", "Министр внутренних дел Киргизии Улан Ниязбеков встретился в Бишкеке 12 марта 2024 года с министром "
           "внутренних дел Узбекистана Пулатом Бобожоновым. По итогам встречи министры подписали План совместных "
           "мероприятий.", {"KGZ", "UZB"}, {"Ulan Niyazbekov", "Pulat Bobojonov"}),
    ("en", "Defence Minister Phan Van Giang held talks with Lao Defence Minister Chansamone Chanyalath in Hanoi on "
           "4 March 2024. At the end of the talks, the two ministers signed a memorandum of understanding on defence "
           "cooperation.", {"VNM", "LAO"}, {"Phan Van Giang", "Chansamone Chanyalath"}),
]


@pytest.mark.parametrize(("language", "text", "parties", "signatories"), GROUP_SIGNERS)
def test_the_participants_sign_for_their_states_when_the_text_says_the_ministers_signed(
        extractor, language, text, parties, signatories):
    (agreement,) = run(extractor, text, language)["agreements"]
    assert set(agreement["parties"]) == parties
    assert set(agreement["signatories"]) == signatories


def test_an_organisations_document_keeps_the_organisation_as_its_party(extractor):
    text = ("The SCO defence ministers met in Astana on 26 April 2024. Following the meeting, the ministers signed a "
            "joint communique.")
    (agreement,) = run(extractor, text, "en")["agreements"]
    assert agreement["parties"] == ["SCO"] and agreement["signatories"] == []


# ------------------------------------------------------------------ an announced meeting and the last one

ANNOUNCED_AND_LAST = [
    ("en", "Belousov to chair CIS defense ministers' council meeting in Moscow\n\nMOSCOW. Oct 12 (Interfax) - Russian "
           "Defense Minister Andrei Belousov will chair a meeting of the Council of Defense Ministers of the CIS "
           "member states in Moscow on October 16.\n\nBelarusian Defense Minister Viktor Khrenin and Kazakh Defense "
           "Minister Ruslan Zhaksylykov are expected to take part.\n\nThe Council last met in Bishkek in October last "
           "year. At that meeting, held under the chairmanship of then Defense Minister Sergei Shoigu, the ministers "
           "approved a plan.", {"Viktor Khrenin", "Ruslan Zhaksylykov", "Andrei Belousov"}),
    ("en", "SCO to hold foreign ministers' meeting in Astana\n\nASTANA, May 2 (Kazinform) - The Council of Foreign "
           "Ministers of the SCO member states will meet in Astana on May 20. Foreign Minister Sergei Lavrov and "
           "Foreign Minister Wang Yi are expected to attend.\n\nThe council last met in Goa last year. At that "
           "meeting the ministers were received by Prime Minister Narendra Modi.", {"Sergei Lavrov", "Wang Yi"}),
    ("ru", "Белоусов проведет заседание Совета министров обороны СНГ\n\nМОСКВА, 12 октября. Министр обороны России "
           "Андрей Белоусов проведет заседание Совета министров обороны государств – участников СНГ в Москве 16 "
           "октября. Ожидается, что в нем примут участие министр обороны Белоруссии Виктор Хренин и министр обороны "
           "Казахстана Руслан Жаксылыков.\n\nВ прошлый раз совет собирался в Бишкеке. На том заседании председательствовал "
           "Сергей Шойгу.", {"Viktor Khrenin", "Ruslan Zhaksylykov", "Andrei Belousov"}),
]


@pytest.mark.parametrize(("language", "text", "persons"), ANNOUNCED_AND_LAST)
def test_an_announced_meeting_keeps_its_participants_and_not_the_last_ones(extractor, language, text, persons):
    planned = [m for m in run(extractor, text, language, "2024-10-12")["meetings"] if m["status"] == "planned"]
    assert len(planned) == 1, planned
    assert persons <= set(planned[0]["persons"]), planned[0]["persons"]
    assert not {"Sergei Shoigu", "Narendra Modi"} & set(planned[0]["persons"])


WILL_NOT_ATTEND = [
    ("en", "The CSTO foreign ministers will meet in Minsk on 2 July. Armenian Foreign Minister Ararat Mirzoyan will "
           "not attend the meeting, while Kazakh Foreign Minister Murat Nurtleu is expected to take part.",
     "Ararat Mirzoyan", "Murat Nurtleu"),
    ("en", "CIS defence ministers met in Moscow on 16 October 2024. Ukrainian officials did not take part; Belarusian "
           "Defence Minister Viktor Khrenin attended the session.", None, "Viktor Khrenin"),
    ("ru", "Заседание СМИД ОДКБ пройдет в Минске 2 июля. Глава МИД Армении Арарат Мирзоян не примет участия в "
           "заседании, а министр иностранных дел Казахстана Мурат Нуртлеу примет в нем участие.",
     "Ararat Mirzoyan", "Murat Nurtleu"),
]


@pytest.mark.parametrize(("language", "text", "absent", "present"), WILL_NOT_ATTEND)
def test_who_will_not_attend_takes_no_part(extractor, language, text, absent, present):
    meeting = only_meeting(run(extractor, text, language, "2024-06-20"))
    assert present in meeting["persons"]
    if absent:
        assert absent not in meeting["persons"]


# ------------------------------------------------------------------ memoranda as South Asian and Chinese outlets write them

MOUS = [
    ("India and Kazakhstan inked an MoU on counter-terrorism cooperation on the sidelines of the summit in Astana on "
     "4 July 2024.", "MoU on counter-terrorism cooperation", {"IND", "KAZ"}),
    ("Pakistan and China signed a memorandum of understanding (MoU) on counter-terrorism cooperation during the talks "
     "in Beijing on 4 July 2024.", "memorandum of understanding (MoU) on counter-terrorism cooperation", {"PAK", "CHN"}),
    ("MoUs on defence cooperation between India and Vietnam were exchanged in the presence of the two prime ministers "
     "in New Delhi on 1 August 2024.", "MoUs on defence cooperation between India and Vietnam", {"IND", "VNM"}),
]


@pytest.mark.parametrize(("text", "title", "parties"), MOUS)
def test_memoranda_of_understanding(extractor, text, title, parties):
    (agreement,) = run(extractor, text, "en")["agreements"]
    assert (agreement["kind"], agreement["title"]) == ("memorandum", title)
    assert set(agreement["parties"]) == parties and agreement["signed"]


TITLE_ENDS = [
    ("Defence ministers of the SCO member states signed a joint communique at the end of the meeting in Qingdao on 26 "
     "June 2025.", "joint communique"),
    ("The ministers adopted the Protocol on information exchange on 12 March 2024 in Minsk.",
     "Protocol on information exchange"),
    ("The CSTO foreign ministers approved a joint statement on the sidelines of the session in Almaty.",
     "joint statement"),
]


@pytest.mark.parametrize(("text", "title"), TITLE_ENDS)
def test_where_and_when_a_document_was_signed_are_not_its_title(extractor, text, title):
    assert [a["title"] for a in run(extractor, text, "en")["agreements"]] == [title]


HEADS_OF_STATE = [
    ("en", "The SCO heads of state met in Astana on 4 July 2024 and adopted the Astana Declaration.", "SCO"),
    ("en", "CSTO heads of state gathered in Minsk on 23 November 2023.", "CSTO"),
    ("ru", "Главы государств СНГ встретились в Бишкеке 13 октября 2023 года.", "CIS"),
]


@pytest.mark.parametrize(("language", "text", "org"), HEADS_OF_STATE)
def test_an_organisations_heads_of_state_meeting(extractor, language, text, org):
    meeting = only_meeting(run(extractor, text, language))
    assert org in meeting["organizations"] and meeting["status"] == "held"


# ------------------------------------------------------------------ "the Indian capital"; one participant online

CAPITALS = [
    ("en", "Chinese Defense Minister Li Shangfu attended the SCO Defense Ministers' Meeting in the Indian capital on "
           "28 April 2023.", "New Delhi"),
    ("en", "The CSTO Collective Security Council met in the Kazakh capital on 28 November 2024.", "Astana"),
    ("ru", "Заседание Совета министров обороны СНГ прошло в белорусской столице 23 ноября 2023 года.", "Minsk"),
    ("ru", "Секретари советов безопасности стран ШОС встретились в российской столице 19 апреля 2024 года.", "Moscow"),
]


@pytest.mark.parametrize(("language", "text", "place"), CAPITALS)
def test_a_states_capital_by_its_adjective(extractor, language, text, place):
    assert only_meeting(run(extractor, text, language))["place"] == place


REMOTE_PARTICIPANT = [
    ("en", "The SCO Defense Ministers' Meeting was held in New Delhi on 28 April 2023, while Pakistan joined via video "
           "link.", "New Delhi"),
    ("en", "The CSTO foreign ministers met in Almaty on 26 November 2024; the Armenian minister participated by video "
           "conference.", "Almaty"),
    ("ru", "Заседание СМИД ОДКБ прошло в Алма-Ате 26 ноября 2024 года, министр Армении участвовал по видеосвязи.",
     "Almaty"),
]


@pytest.mark.parametrize(("language", "text", "place"), REMOTE_PARTICIPANT)
def test_one_participant_online_leaves_the_meeting_in_its_place(extractor, language, text, place):
    assert only_meeting(run(extractor, text, language))["place"] == place


def test_a_meeting_held_online_has_no_place(extractor):
    assert only_meeting(run(extractor, "The SCO security council secretaries met via videoconference on 19 September "
                                        "2020, chaired from Moscow.", "en"))["place"] is None


# ------------------------------------------------------------------ where the two last met is not where they meet now

LAST_MET = [
    ("en", "New Delhi, Jun 12 (PTI) National Security Adviser Ajit Doval on Wednesday held talks with Ali Akbar "
           "Ahmadian, Secretary of Iran's Supreme National Security Council. Doval and Ahmadian had last met on the "
           "sidelines of a meeting of BRICS national security advisers in St Petersburg.", "Ajit Doval"),
    ("en", "Russian Security Council Secretary Sergei Shoigu held talks with Wang Yi in Beijing on 18 November 2024. "
           "The two had previously met at a meeting of the SCO security council secretaries in Moscow.", "Wang Yi"),
    ("ru", "Секретарь Совбеза России Сергей Шойгу провел переговоры с Ван И в Пекине 18 ноября 2024 года. В прошлый "
           "раз они встречались на совещании секретарей советов безопасности ШОС в Москве.", "Wang Yi"),
]


@pytest.mark.parametrize(("language", "text", "person"), LAST_MET)
def test_the_meeting_where_they_last_met_is_not_the_talks(extractor, language, text, person):
    rec = run(extractor, text, language, "2024-11-18")
    talks = [m for m in rec["meetings"] if m["format"] == "bilateral"]
    assert talks and person in talks[0]["persons"] and len(talks[0]["persons"]) == 2
    assert talks[0]["place"] not in ("St. Petersburg", "Moscow")
    others = [m for m in rec["meetings"] if m["format"] == "multilateral"]
    assert all(m["status"] == "held" for m in others)


# ------------------------------------------------------------------ a weekday header: the page's date, or the report's

WEEKDAY_HEADERS = [
    ("en", "Tuesday, 5 March 2024\n\nVietnam, Laos, Cambodia defence ministers meet in Hanoi\n\nHanoi (VNA) - The "
           "Vietnam - Laos - Cambodia Defence Ministers' Meeting took place in Hanoi on March 4.", "2024-03-04"),
    ("ru", "Среда, 13 ноября 2024\n\nСовещание генпрокуроров СНГ прошло в Казани\n\nКАЗАНЬ, 12 ноября. Заседание "
           "Координационного совета генеральных прокуроров государств – участников СНГ прошло в Казани 12 ноября.",
     "2024-11-12"),
    # the page's date, months after the report's days: no year from it
    ("en", "Wednesday, 19 March 2025\n\nCIS defence ministers to meet in Moscow\n\nMOSCOW. Oct 12 (Interfax) - The "
           "Council of Defense Ministers of the CIS member states will meet in Moscow on October 16.", None),
]


@pytest.mark.parametrize(("language", "text", "start"), WEEKDAY_HEADERS)
def test_a_weekday_header_dates_the_report_only_when_its_days_fall_in_its_week(extractor, language, text, start):
    assert only_meeting(run(extractor, text, language, None))["start"] == start


# ------------------------------------------------------------------ "will also call on", "will also meet", "for talks with"

ALSO_TALKS = [
    ("Patrushev arrived in New Delhi on Wednesday. Nikolai Patrushev will also call on Prime Minister Narendra Modi.",
     {"Nikolai Patrushev", "Narendra Modi"}),
    ("Kazakh Foreign Minister Murat Nurtleu arrived in Tashkent. Nurtleu will also meet President Shavkat Mirziyoyev.",
     {"Murat Nurtleu", "Shavkat Mirziyoyev"}),
    ("Sergei Shoigu arrived in Beijing on Monday for talks with Wang Yi.", {"Sergei Shoigu", "Wang Yi"}),
]


@pytest.mark.parametrize(("text", "persons"), ALSO_TALKS)
def test_talks_announced_with_also_or_for(extractor, text, persons):
    talks = [m for m in run(extractor, text, "en", "2024-11-18")["meetings"] if m["format"] == "bilateral"]
    assert any(set(m["persons"]) == persons for m in talks), talks
