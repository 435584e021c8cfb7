"""Rules found from the errors of the second unseen set (tests/data/unseen-2), each tested here on
short reports written for these tests, in several variants of wording, names, places and outlet
style, in the languages where the rule applies:

- a headline that opens with a name and a colon ("Volodin in Yerevan: ...") is no transcript label;
- a list of participants a sentence of taking part opens with a colon, one line an item;
- an official is named as the text names them (a family name they bore then);
- a family name alone is the person the text named, before a namesake the registry knows;
- "X и Y провели переговоры": the two sides as the subject; a headline's talks are the round below.
"""

from __future__ import annotations

import pytest

from helpers import main_meeting, speakers
from helpers import run_in as run

pytestmark = pytest.mark.slow


# ------------------------------------------------------------------ headlines are no transcript labels

HEADLINE_NAMES = [
    ("ru", "Володин в Ереване: совет ПА ОДКБ собрался в армянской столице\n\n"
           "ЕРЕВАН, 7 окт — Sputnik. Заседание Совета Парламентской ассамблеи ОДКБ состоялось в четверг в Ереване "
           "под председательством спикера Государственной думы Вячеслава Володина.\n\n"
           "\"Для нас важно, чтобы законодательство наших стран развивалось синхронно\", — сказал Володин.\n\n"
           "Совет утвердил программу деятельности ассамблеи на пять лет вперед и одобрил проекты модельных законов.\n\n"
           "Участники обсудили обстановку в регионе и подготовку к пленарному заседанию в нашей северной столице.\n",
     "Вячеслав Володин", 1),
    ("ru", "Шойгу в Минске: секретари совбезов обсудили угрозы на западных рубежах\n\n"
           "МИНСК, 12 марта. /БЕЛТА/. Заседание Комитета секретарей советов безопасности ОДКБ прошло в Минске.\n\n"
           "«Мы видим рост активности у наших границ», — заявил секретарь Совета безопасности России Сергей Шойгу.\n\n"
           "Стороны обменялись мнениями о ситуации и договорились о следующей встрече в нашей столице осенью.\n\n"
           "Участники также рассмотрели вопросы подготовки кадров для наших ведомств в учебных заведениях.\n",
     "Сергей Шойгу", 1),
    ("en", "Lavrov in Minsk: CIS foreign ministers review our common agenda\n\n"
           "MINSK, April 5 (BelTA) - The CIS Council of Foreign Ministers met in Minsk on Friday.\n\n"
           "\"We will keep working together on our shared challenges,\" Russian Foreign Minister Sergei Lavrov said.\n\n"
           "The ministers approved a plan of consultations for next year and discussed our region's security.\n\n"
           "They also agreed on our next meeting in Dushanbe in the autumn, the ministry said in a statement.\n",
     "Sergei Lavrov", 1),
]


@pytest.mark.parametrize("language,text,speaker,quotes", HEADLINE_NAMES)
def test_a_headline_opening_with_a_name_is_no_transcript(extractor, language, text, speaker, quotes):
    record = run(extractor, text, language)
    said = [s for s in record["statements"]]
    assert len(said) == quotes, [(s["speaker"], s["quote"][:40]) for s in said]


def test_a_transcript_label_still_gives_its_speaker(extractor):
    text = ("Выступление Министра иностранных дел России С.В.Лаврова на заседании СМИД СНГ, Минск, 5 апреля 2024 года\n\n"
            "С.В.Лавров: Уважаемые коллеги,\n\n"
            "Мы высоко ценим наше сотрудничество в рамках Содружества и готовы его развивать дальше.\n\n"
            "Наши страны вместе противостоят попыткам извне расшатать обстановку в нашем общем регионе.\n\n"
            "Благодарю вас за внимание и желаю нам всем успешной работы на сегодняшнем заседании.\n")
    record = run(extractor, text, "ru")
    assert len(speakers(record).get("Sergei Lavrov", [])) >= 2


# ------------------------------------------------------------------ a list of participants after a colon

COLON_LISTS = [
    ("ru", "10 октября 2019 года в г. Ашхабаде под председательством Министра иностранных дел Туркменистана "
           "Р.О. Мередова прошло заседание Совета министров иностранных дел СНГ.\n\n"
           "В заседании приняли участие:\n"
           "Министр иностранных дел Азербайджанской Республики Э.М. Мамедъяров;\n"
           "Министр иностранных дел Республики Беларусь В.В. Макей;\n"
           "Министр иностранных дел Кыргызской Республики Ч.А. Айдарбеков.\n\n"
           "Министры рассмотрели вопросы повестки дня.\n",
     {"AZE", "BLR", "KGZ", "TKM"}),
    ("ru", "Душанбе, 14 мая 2024 г. Состоялось заседание Совета командующих Пограничными войсками СНГ.\n\n"
           "Участие в заседании приняли:\n\n"
           "- Председатель Государственного пограничного комитета Республики Беларусь А.Н. Вольфович;\n"
           "- Председатель Пограничной службы Кыргызской Республики У.Ж. Мамаев;\n"
           "- Директор Пограничной службы ФСБ России В.Г. Кулишов.\n\n"
           "Стороны обсудили охрану внешних границ.\n",
     {"BLR", "KGZ", "RUS"}),
    ("en", "ASTANA, 12 June 2023. The meeting of the CIS Council of Defence Ministers was held in Astana today.\n\n"
           "Attending the meeting were:\n"
           "Defence Minister of the Republic of Armenia Suren Papikyan;\n"
           "Defence Minister of the Republic of Belarus Viktor Khrenin;\n"
           "Defence Minister of the Republic of Tajikistan Sherali Mirzo.\n\n"
           "The ministers discussed military cooperation.\n",
     {"ARM", "BLR", "TJK"}),
]


@pytest.mark.parametrize("language,text,states", COLON_LISTS)
def test_a_colon_list_of_participants_takes_part(extractor, language, text, states):
    meeting = main_meeting(run(extractor, text, language))
    assert states <= set(meeting["states"]), meeting["states"]
    assert len(meeting["persons"]) >= len(states - {"TKM"}), meeting["persons"]


def test_a_colon_list_ends_at_the_blank_line(extractor):
    text = ("BISHKEK, 3 November 2022. A meeting of the CSTO Committee of Secretaries of Security Councils was held "
            "in Bishkek.\n\nThe following officials took part:\n"
            "Secretary of the Security Council of Armenia Armen Grigoryan;\n"
            "State Secretary of the Security Council of Belarus Alexander Volfovich.\n\n"
            "Separately, Kazakhstan's President Kassym-Jomart Tokayev spoke by phone with the Uzbek leader "
            "Shavkat Mirziyoyev about trade.\n")
    meeting = main_meeting(run(extractor, text, "en"))
    assert {"Armen Grigoryan", "Alexander Volfovich"} <= set(meeting["persons"])
    assert "Shavkat Mirziyoyev" not in meeting["persons"]


# ------------------------------------------------------------------ names as the text writes them

def test_an_official_is_named_by_the_family_name_of_the_time(extractor):
    # The registry knows him as Sirojiddin Muhriddin, the family name he took in 2020.
    ru = run(extractor, "Москва, 15 апреля 2014 года. Министр иностранных дел России С.В.Лавров провел переговоры "
                        "с Министром иностранных дел Таджикистана С.М.Асловым.", "ru")
    assert "Sirojiddin Aslov" in {p["name"] for p in ru["people"]}
    en = run(extractor, "MOSCOW, April 15, 2014 - Russian Foreign Minister Sergei Lavrov held talks with his Tajik "
                        "counterpart Sirodjidin Aslov in Moscow on Tuesday.", "en")
    assert any(p["name"].endswith("Aslov") for p in en["people"]), en["people"]
    later = run(extractor, "Душанбе, 3 марта 2023 года. Министр иностранных дел Таджикистана Сироджиддин Мухриддин "
                           "встретился с послом Китая.", "ru")
    assert "Sirojiddin Muhriddin" in {p["name"] for p in later["people"]}
    # A spelling of the same family name keeps the registry's: Шойгу is Sergei Shoigu.
    shoigu = run(extractor, "МИНСК, 12 марта 2024. Секретарь Совбеза России Сергей Шойгу прибыл в Минск.", "ru")
    assert "Sergei Shoigu" in {p["name"] for p in shoigu["people"]}


NAMESAKES = [
    "ЕРЕВАН, 7 октября 2021. Армению на заседании представлял председатель Национального собрания Ален Симонян. "
    "Симонян обратил внимание коллег на ситуацию на границе.",
    "ЕРЕВАН, 5 мая 2022. В переговорах участвовал вице-спикер парламента Ален Симонян. Позднее Симонян заявил "
    "журналистам, что встреча была полезной.",
]


@pytest.mark.parametrize("text", NAMESAKES)
def test_a_family_name_alone_is_the_person_named_not_a_registry_namesake(extractor, text):
    names = {p["name"] for p in run(extractor, text, "ru")["people"]}
    assert "Andranik Simonyan" not in names and "Alen Simonyan" in names, names


# ------------------------------------------------------------------ "X и Y провели переговоры"

TWO_SUBJECTS = [
    "Бишкек, 9 апреля 2026. Накануне, 7 апреля, Нурбек Садыров и Владимир Кулишов провели в Чолпон-Ате "
    "двусторонние переговоры. Стороны обсудили подготовку кадров.",
    "ЕРЕВАН, 7 окт 2021. Накануне вечером Вячеслав Володин и Ален Симонян провели двустороннюю встречу в здании "
    "Национального собрания в Ереване.",
    "Астана, 20 мая 2024. Министры обороны Казахстана и Узбекистана Руслан Жаксылыков и Баходир Курбанов провели "
    "консультации в Астане.",
]


@pytest.mark.parametrize("text", TWO_SUBJECTS)
def test_two_people_holding_talks_as_the_subject(extractor, text):
    record = run(extractor, text, "ru")
    talks = [m for m in record["meetings"] if m["format"] == "bilateral"]
    assert len(talks) == 1 and len(talks[0]["persons"]) == 2, record["meetings"]


def test_a_headlines_talks_are_the_round_reported_below(extractor):
    text = ("Шойгу и Ван И провели в Пекине консультации по стратегической безопасности\n\n"
            "ПЕКИН, 18 ноября 2024. /ТАСС/. 19-й раунд российско-китайских консультаций по стратегической безопасности "
            "прошел в Пекине. Стороны обсудили ситуацию в Азиатско-Тихоокеанском регионе.\n")
    talks = [m for m in run(extractor, text, "ru")["meetings"] if m["format"] == "bilateral"]
    assert len(talks) == 1, talks
    assert set(talks[0]["persons"]) == {"Sergei Shoigu", "Wang Yi"}


# ------------------------------------------------------------------ tables, titles, lists (English)

def test_a_tab_separated_table_of_delegations(extractor):
    text = ("On 30-31 March 2016, Tashkent hosted a meeting of the heads of border services of the SCO Member "
            "States.\n\nThe delegations were headed by:\n\n"
            "Member State\tHead of delegation\tPosition\n"
            "Republic of Kazakhstan\tSerik Zhunusov\tDirector of the Border Service\n"
            "Kyrgyz Republic\tAlmaz Dzhumabekov\tChairman of the State Border Service\n"
            "Republic of Tajikistan\tRustam Abdulloev\tCommander of the Border Troops\n\n"
            "The parties exchanged information on the situation at the borders.\n")
    record = run(extractor, text, "en")
    names = {p["name"] for p in record["people"]}
    assert {"Serik Zhunusov", "Almaz Dzhumabekov", "Rustam Abdulloev"} <= names, names
    assert not any("Director" in n or "Chairman" in n or "Commander" in n for n in names), names
    assert {"Serik Zhunusov", "Almaz Dzhumabekov"} <= set(main_meeting(record)["persons"])


TITLED_UNKNOWN_NAMES = [
    ("CHOLPON-ATA, October 4, 2023. The session was presided over by Kyrgyzstan's Minister of Emergency "
     "Situations Boobek Ajikeev.", "Boobek Ajikeev"),
    ("TASHKENT, 30 March 2016. The meeting was chaired by Commander of the Border Troops of the National "
     "Security Service of the Republic of Uzbekistan Ravshan Tashmatov.", "Ravshan Tashmatov"),
    ("ASTANA, May 2, 2024. The talks were opened by Chairman of the Committee for Migration Affairs "
     "Yerbol Tastanov.", "Yerbol Tastanov"),
]


@pytest.mark.parametrize("text,name", TITLED_UNKNOWN_NAMES)
def test_a_name_after_a_title_that_ends_with_its_ministrys_name(extractor, text, name):
    names = {p["name"] for p in run(extractor, text, "en")["people"]}
    assert name in names, names
    # The ministry's or service's capitalised words are no one's name.
    assert not any(n.split()[0] in {"Emergency", "Border", "Security", "Migration", "Affairs"} for n in names), names


def test_a_bulleted_list_of_delegations_is_no_headline(extractor):
    text = ("DUSHANBE, June 12, 2024. The CIS Council of Defence Ministers met in Dushanbe on Wednesday. The heads "
            "of delegations were:\n\n"
            "• Kazakhstan – Ruslan Zhaksylykov, Minister of Defence;\n"
            "• Kyrgyzstan – Baktybek Bekbolotov, Minister of Defence;\n"
            "• Tajikistan – Sherali Mirzo, Minister of Defence.\n\n"
            "The ministers discussed military cooperation.\n")
    meeting = main_meeting(run(extractor, text, "en"))
    assert {"KAZ", "KGZ", "TJK"} <= set(meeting["states"]), meeting["states"]
    assert {"Ruslan Zhaksylykov", "Baktybek Bekbolotov", "Sherali Mirzo"} <= set(meeting["persons"])


SEASONS = [
    ("en", "CHOLPON-ATA, October 6, 2023. The CIS Interstate Council on Emergency Situations met in Cholpon-Ata. "
           "The council's next meeting will take place in Minsk in spring 2024.", "2024"),
    ("en", "ASTANA, March 3, 2025. The next meeting of the SCO defence ministers will be held in Bishkek in the "
           "autumn of 2025.", "2025"),
    ("ru", "МИНСК, 15 октября 2024. В Минске прошло заседание Межгосударственного совета СНГ по чрезвычайным "
           "ситуациям. Следующее заседание совета пройдет в Казахстане весной 2025 года.", "2025"),
    ("ru", "Бишкек, 9 апреля 2026. Очередное заседание Совета министров обороны СНГ состоится в Душанбе во второй "
           "половине 2026 года.", "2026"),
]


@pytest.mark.parametrize("language,text,year", SEASONS)
def test_a_season_or_part_of_a_year_dates_a_planned_meeting(extractor, language, text, year):
    planned = [m for m in run(extractor, text, language)["meetings"] if m["status"] == "planned"]
    assert planned and planned[0]["start"] == year, planned


# ------------------------------------------------------------------ dates and clauses

RU_DATES = [
    ("МИНСК, 17 окт 2024 – Sputnik. Межгосударственный совет СНГ по чрезвычайным ситуациям провел в минувший "
     "вторник в Минске свое 38-е заседание.", "2024-10-15"),
    ("АСТАНА, 20 марта 2025. Совет министров обороны СНГ провел в прошлую пятницу заседание в Астане.", "2025-03-14"),
    ("Бишкек, 9 апреля 2026. /Кабар/. 8-апреля в г. Чолпон-Ата прошло совещание руководителей пограничных "
     "ведомств государств-членов ШОС.", "2026-04-08"),
    ("Алматы, 12 мая 2023. 10-мая в Алматы состоялось заседание Совета министров внутренних дел СНГ.", "2023-05-10"),
]


@pytest.mark.parametrize("text,start", RU_DATES)
def test_russian_relative_weekdays_and_hyphenated_days(extractor, text, start):
    assert main_meeting(run(extractor, text, "ru"))["start"] == start


CLAUSES = [
    ("en", "MOSCOW, April 3, 2018. China's Defence Minister Wei Fenghe, who took over from Chang Wanquan last month, "
           "held talks with Russian Defence Minister Sergei Shoigu in Moscow on Tuesday.",
     {"Wei Fenghe", "Sergei Shoigu"}),
    ("en", "ASTANA, May 5, 2022. Kazakhstan's new Defence Minister Ruslan Zhaksylykov, who replaced Murat Bektanov in "
           "January, met Uzbek Defence Minister Bakhodir Kurbanov in Astana on Thursday.",
     {"Ruslan Zhaksylykov", "Bakhodir Kurbanov"}),
    ("ru", "МОСКВА, 3 апреля 2018. Министр обороны Китая Вэй Фэнхэ, сменивший на этом посту Чан Ваньцюаня, провел "
           "переговоры с министром обороны России Сергеем Шойгу.",
     {"Wei Fenghe", "Sergei Shoigu"}),
]


@pytest.mark.parametrize("language,text,persons", CLAUSES)
def test_a_name_in_a_clause_about_the_subject_is_no_side_of_the_talks(extractor, language, text, persons):
    talks = [m for m in run(extractor, text, language)["meetings"] if m["format"] == "bilateral"]
    assert len(talks) == 1 and set(talks[0]["persons"]) == persons, talks


VERB_AND_OBJECT = [
    ("ru", "МИНСК, 17 окт 2024 – Sputnik. Межгосударственный совет СНГ по чрезвычайным ситуациям провел в минувший "
           "вторник в Минске свое 38-е заседание.", 38),
    ("ru", "ДУШАНБЕ, 5 июня 2023. Совет командующих Пограничными войсками СНГ провел в Душанбе свое 84-е заседание.",
     84),
    ("en", "MINSK, Oct. 17, 2024. The CIS Council of Defence Ministers held its 87th meeting in Minsk on Tuesday.", 87),
]


@pytest.mark.parametrize("language,text,ordinal", VERB_AND_OBJECT)
def test_a_body_holding_its_numbered_meeting_is_one_meeting(extractor, language, text, ordinal):
    meetings = run(extractor, text, language)["meetings"]
    assert len(meetings) == 1 and meetings[0]["ordinal"] == ordinal, meetings


# ------------------------------------------------------------------ interviews laid out as such; titles in titles

INTERVIEWS = [
    ("ru", "«Никто не собирается воевать за чужие интересы»\n"
           "Генсек ОДКБ Юрий Хачатуров — о предстоящем саммите в Минске\n\n"
           "20 ноября 2017\nДмитрий Ларионов\n\n"
           "— Какие решения готовятся к минскому саммиту?\n\n"
           "— Пакет включает более двадцати документов, главный из них касается миротворческой деятельности.\n\n"
           "— Насколько реальна угроза с афганского направления?\n\n"
           "— Она никуда не исчезла, на севере Афганистана сосредоточены тысячи боевиков.\n",
     "Yuri Khachaturov", 2),
    ("en", "'We are ready for any scenario'\n"
           "CSTO Secretary General Imangali Tasmagambetov on the alliance's plans\n\n"
           "By Anna Petrova\n\n"
           "- What will the leaders discuss in Minsk?\n\n"
           "- The main item is the situation on the Tajik-Afghan border and our joint response to it.\n\n"
           "- Will the peacekeeping forces grow next year?\n\n"
           "- We expect two more units to join the collective forces by the end of the year.\n",
     "Imangali Tasmagambetov", 2),
]


@pytest.mark.parametrize("language,text,speaker,answers", INTERVIEWS)
def test_an_interview_laid_out_as_questions_and_answers(extractor, language, text, speaker, answers):
    said = speakers(run(extractor, text, language))
    assert len(said.get(speaker, [])) == answers, said


def test_questions_quoted_in_a_report_make_no_interview(extractor):
    text = ("МОСКВА, 5 марта 2024. Секретарь Совбеза России Сергей Шойгу провел совещание.\n\n"
            "— Кто ответит за это?\n\n"
            "Такой вопрос задавали журналисты у здания министерства, где собрались десятки людей.\n")
    assert not run(extractor, text, "ru")["statements"]


TITLES_NAMING_DOCUMENTS = [
    ("ru", "Совет утвердил план коллективных действий по реализации Глобальной контртеррористической стратегии "
           "ООН на 2018–2020 годы.", "стратегии ООН"),
    ("ru", "Стороны подписали программу мер по выполнению Договора о коллективной безопасности на 2024–2026 годы.",
     "Договора о коллективной безопасности"),
    ("en", "The ministers approved the Plan of Action for the implementation of the UN Global Counter-Terrorism "
           "Strategy for 2018-2020.", "Counter-Terrorism Strategy"),
]


@pytest.mark.parametrize("language,text,inner", TITLES_NAMING_DOCUMENTS)
def test_a_title_naming_another_document_is_one_title(extractor, language, text, inner):
    text = ("МИНСК, 30 ноября 2017. " if language == "ru" else "MINSK, Nov 30, 2017. ") + text
    titles = [a["title"] for a in run(extractor, text, language)["agreements"]]
    assert len(titles) == 1 and inner in titles[0], titles


# ------------------------------------------------------------------ split quotations

SPLIT_QUOTES = [
    ("en", 'CHOLPON-ATA, Oct 5, 2023. "We have agreed," Russian Emergencies Minister Alexander Kurenkov told the '
           'participants, "that a request for help from any member state will be answered within hours."',
     "Alexander Kurenkov", ["We have agreed", "that a request for help"]),
    ("en", 'ASTANA, May 3, 2024. "The threats are growing," Kazakh Interior Minister Yerzhan Sadenov said, '
           '"and no country can face them alone."',
     "Yerzhan Sadenov", ["The threats are growing", "and no country can face them alone"]),
    ("ru", "АСТАНА, 23 мая 2024. «Мы видим, — сказал первый замминистра внутренних дел России Александр Горовой, — "
           "что каналы поставок всё чаще перемещаются в интернет».",
     "Alexander Gorovoy", ["Мы видим", "что каналы поставок"]),
    ("ru", "МИНСК, 5 июня 2024. «Ситуация остается сложной, — отметил министр обороны Беларуси Виктор Хренин, — "
           "и мы обязаны быть готовы ко всему».",
     "Viktor Khrenin", ["Ситуация остается сложной", "и мы обязаны быть готовы"]),
]


@pytest.mark.parametrize("language,text,speaker,parts", SPLIT_QUOTES)
def test_a_split_quotation_is_its_speakers_in_both_parts(extractor, language, text, speaker, parts):
    said = speakers(run(extractor, text, language)).get(speaker, [])
    assert len(said) == 2 and all(any(q.startswith(p) for q in said) for p in parts), said
    assert not any("сказал" in q or "отметил" in q or " said" in q for q in said), said


# ------------------------------------------------------------------ people: namesakes, headlines, patronymics

GIVEN_NAMES_DIFFER = [
    ("en", "YEREVAN, Nov 26, 2024. Armenian parliament speaker Alen Simonyan said Yerevan saw no reason to change "
           "its position.", "Alen Simonyan", "Andranik Simonyan"),
    ("en", "MOSCOW, June 3, 2022. Russian Security Council Secretary Nikolai Patrushev met Alexander Patrushev, "
           "the head of a regional delegation.", "Alexander Patrushev", None),
]


@pytest.mark.parametrize("language,text,name,not_name", GIVEN_NAMES_DIFFER)
def test_a_given_name_written_out_is_not_a_namesakes(extractor, language, text, name, not_name):
    names = {p["name"] for p in run(extractor, text, language)["people"]}
    assert name in names and (not_name is None or not_name not in names), names


def test_capitalised_headline_words_are_no_names(extractor):
    text = ("Armenian Lawmakers Stay Away As CSTO Assembly Meets In St. Petersburg\n\n"
            "ST. PETERSBURG, Nov 26, 2024 - The Council of the CSTO Parliamentary Assembly met in St. Petersburg "
            "under the chairmanship of State Duma speaker Vyacheslav Volodin. Its members approved a model law.\n\n"
            "Related\nPashinyan Says Armenia Will Not Pay Its Share Of CSTO Budget\n")
    names = {p["name"] for p in run(extractor, text, "en")["people"]}
    assert "Vyacheslav Volodin" in names
    assert not names & {"Stay Away", "Will Not Pay Its", "Its"}, names


def test_a_turkic_patronymic_word_is_part_of_the_name(extractor):
    text = ("BISHKEK, Nov 26, 2024. Taking part were Kazakh Mazhilis chairman Yerlan Koshanov and the Kyrgyz "
            "Jogorku Kenesh speaker, Nurlanbek Turgunbek uulu.")
    names = {p["name"] for p in run(extractor, text, "en")["people"]}
    assert "Nurlanbek Turgunbek uulu" in names, names


# ------------------------------------------------------------------ press conferences; reported clauses

PRESS_CONFERENCES = [
    ("en", 'YEREVAN, January 10, 2023. "We consider it inexpedient to hold such exercises in Armenia," Prime '
           'Minister Nikol Pashinyan told a press conference in Yerevan.'),
    ("en", "ASTANA, March 2, 2024. Foreign Minister Murat Nurtleu said at a news conference in Astana on Friday "
           "that Kazakhstan would not join any bloc."),
    ("ru", "ЕРЕВАН, 10 января 2023. Премьер-министр Армении Никол Пашинян заявил на пресс-конференции в Ереване, "
           "что республика не примет учения ОДКБ."),
]


@pytest.mark.parametrize("language,text", PRESS_CONFERENCES)
def test_a_press_conference_is_no_meeting(extractor, language, text):
    assert run(extractor, text, language)["meetings"] == []


REPORTED = [
    ("en", "BEIJING, June 23, 2025. Wang Yi said that in October last year, President Xi Jinping and Prime Minister "
           "Narendra Modi held a successful meeting in Kazan.", {"Xi Jinping", "Narendra Modi"}),
    ("ru", "ПЕКИН, 23 июня 2025. Ван И напомнил, что в октябре прошлого года Си Цзиньпин и Нарендра Моди провели "
           "успешную встречу в Казани.", {"Xi Jinping", "Narendra Modi"}),
]


@pytest.mark.parametrize("language,text,persons", REPORTED)
def test_the_sides_of_reported_talks_are_in_the_reported_clause(extractor, language, text, persons):
    talks = [m for m in run(extractor, text, language)["meetings"] if m["format"] == "bilateral"]
    assert [set(t["persons"]) for t in talks] == [persons], talks


# ------------------------------------------------------------------ Chinese names written in Russian

@pytest.mark.parametrize("russian,pinyin", [
    ("Цао Цзяньмин", "Cao Jianming"), ("Вэй Фэнхэ", "Wei Fenghe"), ("Го Шэнкунь", "Guo Shengkun"),
    ("Чэнь Вэньцин", "Chen Wenqing"), ("Ван Сяохун", "Wang Xiaohong"), ("Ло Чжаохуэй", "Luo Zhaohui"),
    ("Цао Цзяньмином", "Cao Jianming"), ("Ли Шанфу", "Li Shangfu"), ("Дун Цзюнь", "Dong Jun"),
])
def test_a_chinese_name_in_russian_reads_as_pinyin(russian, pinyin):
    from parley.resolve.chinese import chinese_name

    assert chinese_name(russian.split()) == pinyin


@pytest.mark.parametrize("name", ["Иван Петров", "Ян Кубиш", "Ли Сергеев", "Ван Гог Винсент"])
def test_other_names_are_not_read_as_chinese(name):
    from parley.resolve.chinese import chinese_name

    assert chinese_name(name.split()) is None


def test_chinese_officials_in_a_russian_report(extractor):
    text = ("БИШКЕК, 13 июня 2013. Генеральный прокурор Киргизии Аида Салянова провела переговоры с Генеральным "
            "прокурором Верховной народной прокуратуры КНР Цао Цзяньмином. Цао отметил важность сотрудничества.")
    record = run(extractor, text, "ru")
    assert "Cao Jianming" in {p["name"] for p in record["people"]}
    talks = [m for m in record["meetings"] if m["format"] == "bilateral"]
    assert talks and set(talks[0]["persons"]) == {"Aida Salyanova", "Cao Jianming"}


def test_meetings_with_two_guests_are_two_talks_not_one_between_the_guests(extractor):
    text = ("БИШКЕК, 13 июня 2013. На полях совещания Аида Салянова провела двусторонние встречи с Юрием Чайкой и "
            "Цао Цзяньмином.")
    pairs = [set(m["persons"]) for m in run(extractor, text, "ru")["meetings"] if m["format"] == "bilateral"]
    assert {"Yuri Chaika", "Cao Jianming"} not in pairs and len(pairs) == 2, pairs


# ------------------------------------------------------------------ Russian titles with "и"; words that are no documents

RU_TITLES = [
    ("Министры подписали План консультаций между Министерством иностранных дел Российской Федерации и "
     "Министерством иностранных дел Республики Таджикистан на 2014-2015 годы.", "Республики Таджикистан"),
    ("Стороны подписали план совместных мероприятий КНБ и ФСБ на следующий год.", "КНБ и ФСБ"),
    ("Подписано соглашение между Правительством Республики Беларусь и Правительством Российской Федерации о "
     "сотрудничестве в области пограничной безопасности.", "Правительством Российской Федерации"),
]


@pytest.mark.parametrize("text,inside", RU_TITLES)
def test_a_russian_title_runs_over_the_and_of_its_parties(extractor, text, inside):
    titles = [a["title"] for a in run(extractor, "МОСКВА, 15 апреля 2014. " + text, "ru")["agreements"]]
    assert len(titles) == 1 and inside in titles[0], titles


NOT_DOCUMENTS = [
    "МИНСК, 5 июня 2025. Министры договорились провести совместное оперативно-стратегическое учение «Запад-2025».",
    "АСТАНА, 3 мая 2024. Стороны достигли договоренности о расширении сотрудничества в сфере безопасности.",
]


@pytest.mark.parametrize("text", NOT_DOCUMENTS)
def test_words_for_agreeing_and_strategic_name_no_document(extractor, text):
    assert run(extractor, text, "ru")["agreements"] == []


def test_an_english_title_runs_over_the_and_of_between(extractor):
    text = ("TASHKENT, May 12, 2023. The ministers signed a Memorandum of Understanding between the Ministry of Defence "
            "of Kazakhstan and the Ministry of Defence of Uzbekistan on military education.")
    titles = [a["title"] for a in run(extractor, text, "en")["agreements"]]
    assert len(titles) == 1 and "Ministry of Defence of Uzbekistan" in titles[0], titles


# ------------------------------------------------------------------ documents adopted at a meeting

ADOPTED = [
    ("en", "KAZAN, Oct 24, 2024. At the end of the session, the leaders adopted the Kazan Declaration, which calls "
           "for reform of the United Nations.", "Kazan Declaration", "declaration"),
    ("en", "ISLAMABAD, Oct 16, 2024. At the conclusion of the meeting, the heads of government adopted a joint "
           "communique and approved the budget.", "joint communique", "declaration"),
    ("en", "TASHKENT, March 31, 2016. The meeting approved the Plan of Cooperation for 2016-2018. A Protocol of the "
           "meeting was signed.", "Protocol of the meeting", "other"),
    ("ru", "БИШКЕК, 8 апреля 2026. По итогам совещания подписан протокол, утвержден План совместных мероприятий на "
           "2026–2027 годы.", "протокол", "other"),
    ("ru", "ДУШАНБЕ, 24 июня 2021. По итогам совещания секретари подписали протокол.", "протокол", "other"),
]


@pytest.mark.parametrize("language,text,title,kind", ADOPTED)
def test_documents_adopted_or_signed_at_the_meeting(extractor, language, text, title, kind):
    found = {(a["title"], a["kind"]) for a in run(extractor, text, language)["agreements"]}
    assert (title, kind) in found, found


@pytest.mark.parametrize("language,text", [
    ("en", "MOSCOW, May 5, 2024. The minister warned against withdrawing from agreements and treaties of the past."),
    ("ru", "МОСКВА, 5 мая 2024. Министр предостерег от выхода из соглашений и договоров прошлых лет."),
    ("en", "MOSCOW, May 5, 2024. The ministers discussed the protocol of the ceremony with the organisers."),
])
def test_document_words_in_general_name_no_document(extractor, language, text):
    assert run(extractor, text, language)["agreements"] == []


@pytest.mark.parametrize("language,text,title,kind", [
    ("en", "ST. PETERSBURG, Nov 26, 2024. The Council approved a model law on the protection of critical "
           "information infrastructure.", "model law on the protection of critical information infrastructure",
     "other"),
    ("ru", "ЕРЕВАН, 7 октября 2021. Совет одобрил модельный закон о противодействии терроризму.",
     "модельный закон о противодействии терроризму", "other"),
    ("en", "MINSK, Nov 23, 2023. The foreign ministers adopted a statement on strengthening international security "
           "guarantees.", "statement on strengthening international security guarantees", "declaration"),
])
def test_model_laws_and_adopted_statements_are_documents(extractor, language, text, title, kind):
    found = {(a["title"], a["kind"]) for a in run(extractor, text, language)["agreements"]}
    assert (title, kind) in found, found


@pytest.mark.parametrize("text", [
    "ISLAMABAD, Oct 16, 2024. The heads of government met at the Jinnah Convention Centre in Islamabad.",
    "ASTANA, May 3, 2024. In a statement on its website, the ministry said the talks went well.",
    "MOSCOW, May 3, 2024. The statement of the foreign ministry was read out by a spokesman.",
])
def test_venues_and_press_statements_are_no_documents(extractor, text):
    assert run(extractor, text, "en")["agreements"] == []


# ------------------------------------------------------------------ who chaired

CHAIRS = [
    ("ru", "АСТАНА, 12 мая 2022. В Астане прошло заседание Совета министров внутренних дел СНГ. Его провел министр "
           "внутренних дел Казахстана Марат Ахметжанов.", "Marat Akhmetzhanov"),
    ("ru", "АСТАНА, 20 июня 2019. В Астане состоялось заседание Совета министров обороны СНГ. Заседание провел "
           "министр обороны Республики Казахстан Нурлан Ермекбаев.", "Nurlan Yermekbayev"),
    ("ru", "МОСКВА, 15 мая 2024. В Москве прошло заседание Координационного совета генеральных прокуроров СНГ. Его "
           "возглавил генеральный прокурор РФ Игорь Краснов.", "Igor Krasnov"),
    ("en", "ST PETERSBURG, Dec 26, 2023. Vladimir Putin hosted an informal meeting of the heads of state of the "
           "Commonwealth of Independent States in St Petersburg.", "Vladimir Putin"),
]


@pytest.mark.parametrize("language,text,chair", CHAIRS)
def test_the_chair_in_other_words(extractor, language, text, chair):
    assert main_meeting(run(extractor, text, language))["chair"] == chair


# ------------------------------------------------------------------ initials in attributions

INITIALS_SAID = [
    ("ru", "ДУШАНБЕ, 24 июня 2021. В своем выступлении Н.П. Патрушев отметил: «Уход американцев из Афганистана не "
           "принесет этой стране мира».", "Nikolai Patrushev"),
    ("ru", "АСТАНА, 5 мая 2016. Председатель КНБ Казахстана Нуртай Абыкаев провел переговоры в Астане.\n\n"
           "\"Наше сотрудничество с российскими коллегами носит стратегический характер\", - цитирует пресс-служба "
           "Н.Абыкаева.", "Nurtai Abykayev"),
    ("ru", "МИНСК, 5 июня 2024. «Ситуация остается сложной и требует внимания», — сказал В.Г. Хренин журналистам.",
     "Viktor Khrenin"),
    ("en", 'MINSK, June 5, 2024. At the meeting V.G. Khrenin said: "The situation remains difficult for all of us."',
     "Viktor Khrenin"),
]


@pytest.mark.parametrize("language,text,speaker", INITIALS_SAID)
def test_a_speaker_named_with_initials(extractor, language, text, speaker):
    assert speaker in speakers(run(extractor, text, language)), run(extractor, text, language)["statements"]


# ------------------------------------------------------------------ talks with officials named by initials and long titles

TALKS_INITIALS = [
    ("ru", "ДУШАНБЕ, 24 июня 2021. На полях совещания Н.П. Патрушев провел двусторонние встречи с Советником по "
           "национальной безопасности Премьер-министра Республики Индии А. Довалом и Секретарем Совета безопасности "
           "при Президенте Республики Узбекистан В. Махмудовым.", 2),
    ("ru", "МИНСК, 5 июня 2024. Министр обороны Беларуси В.Г. Хренин провел переговоры с министром обороны "
           "Казахстана Р.Ф. Жаксылыковым.", 1),
    ("en", "MOSCOW, April 2, 2021. On the sidelines, N.P. Patrushev held talks with A. Doval, the National Security "
           "Adviser to the Prime Minister of India.", 1),
]


@pytest.mark.parametrize("language,text,count", TALKS_INITIALS)
def test_talks_with_officials_named_by_initials(extractor, language, text, count):
    talks = [m for m in run(extractor, text, language)["meetings"] if m["format"] == "bilateral"]
    assert len(talks) == count and all(len(t["persons"]) == 2 for t in talks), talks


# ------------------------------------------------------------------ a dateline's year from what the report announces

ANNOUNCED_YEAR = [
    ("en", "BEIJING, Sep 19 (APP): The 15th meeting of the Security Council Secretaries of the SCO member states was "
           "held on Saturday via videoconference. The meeting also covered preparations for the SCO Heads of State "
           "Council Meeting to be held in November 2020.", "2020-09-19"),
    ("en", "MOSCOW. Nov 27 (Interfax) - The CSTO Committee of Secretaries of Security Councils met in Moscow today. "
           "It was decided to hold the next meeting of the Committee in Moscow in April 2020.", "2019-11-27"),
    ("ru", "МИНСК, 12 окт – Sputnik. Заседание Совета министров обороны СНГ прошло сегодня в Минске. Следующее "
           "заседание совета состоится в Ташкенте в мае 2024 года.", "2023-10-12"),
]


@pytest.mark.parametrize("language,text,published", ANNOUNCED_YEAR)
def test_a_datelines_year_from_the_next_announced_event(extractor, language, text, published):
    record = run(extractor, text, language)
    assert record["document"]["published"] == published


def test_no_year_is_inferred_without_an_announced_one(extractor):
    text = "NEW DELHI, Jun 12 (PTI) - Russian Security Council Secretary Sergei Shoigu held talks with Ajit Doval today."
    assert run(extractor, text, "en")["document"]["published"] is None


JOINT_TWICE = [
    ("en", "YEREVAN, October 14, 2016. A joint session of the CSTO statutory bodies opened in Yerevan.\n\n"
           "The joint session of the Council of Foreign Ministers, the Council of Defense Ministers and the Committee "
           "of Security Council Secretaries of the CSTO was chaired by Armenian Foreign Minister Edward Nalbandian."),
    ("ru", "МИНСК, 30 ноября 2017. В Минске прошло совместное заседание уставных органов ОДКБ.\n\n"
           "Совместное заседание Совета министров иностранных дел, Совета министров обороны и Комитета секретарей "
           "советов безопасности ОДКБ провел министр иностранных дел Беларуси Владимир Макей."),
]


@pytest.mark.parametrize("language,text", JOINT_TWICE)
def test_a_joint_sitting_named_twice_is_one_meeting(extractor, language, text):
    meetings = run(extractor, text, language)["meetings"]
    assert len(meetings) == 1, [m["name"] for m in meetings]


HEADLINE_TO_MEET = [
    "CIS interior ministers to meet in Tashkent\n\nTashkent (UzA) - On 18 September 2024, Tashkent will host a regular "
    "meeting of the Council of Ministers of Internal Affairs of the CIS member states.",
    "SCO defence chiefs to gather in Astana\n\nASTANA, April 20, 2024. The SCO defence ministers' meeting will be held "
    "in Astana on April 26.",
]


@pytest.mark.parametrize("text", HEADLINE_TO_MEET)
def test_a_headline_announcing_a_meeting_is_the_meeting_announced(extractor, text):
    meetings = run(extractor, text, "en")["meetings"]
    assert len(meetings) == 1 and meetings[0]["status"] == "planned", [(m["name"], m["status"]) for m in meetings]


def test_hosted_by_is_no_talks_of_the_guest_with_the_host(extractor):
    text = ("ISTANBUL, Oct 18, 2024. The third meeting of the 3+3 regional platform was held in Istanbul. Iranian "
            "Foreign Minister Abbas Araghchi, who arrived on Thursday, attended the meeting hosted by Turkish "
            "Foreign Minister Hakan Fidan.")
    talks = [m for m in run(extractor, text, "en")["meetings"] if m["format"] == "bilateral"]
    assert talks == [], talks


SIGNED_THEN = [
    ("ru", "РИО-ДЕ-ЖАНЕЙРО, 30 апреля 2025. На полях встречи Шойгу встретился с Али Акбаром Ахмадианом — речь шла о "
           "реализации подписанного в январе договора о всеобъемлющем стратегическом партнерстве.", "2025-04-30"),
    ("en", "RIO DE JANEIRO, April 30, 2025. On the sidelines, Russian Security Council Secretary Sergei Shoigu met "
           "Iranian security chief Ali Akbar Ahmadian to discuss the treaty signed in January.", "2025-04-30"),
]


@pytest.mark.parametrize("language,text,start", SIGNED_THEN)
def test_a_documents_signing_date_does_not_date_the_talks(extractor, language, text, start):
    talks = [m for m in run(extractor, text, language)["meetings"] if m["format"] == "bilateral"]
    assert talks and talks[0]["start"] == start, talks


@pytest.mark.parametrize("language,text,start", [
    ("en", "MOSCOW, April 3, 2018. Later this month, Beijing will host a meeting of defence ministers of the Shanghai "
           "Cooperation Organisation.", "2018-04"),
    ("ru", "МОСКВА, 3 апреля 2018. В этом месяце в Пекине пройдет совещание министров обороны государств – членов ШОС.",
     "2018-04"),
])
def test_this_month_dates_an_announced_meeting(extractor, language, text, start):
    planned = [m for m in run(extractor, text, language)["meetings"] if m["status"] == "planned"]
    assert planned and planned[0]["start"] == start, planned


@pytest.mark.parametrize("text", [
    "MOSCOW, April 3, 2018. Wei is due to address the seventh Moscow Conference on International Security on "
    "Wednesday, an annual forum organised by the Russian defence ministry.",
    "ASTANA, May 3, 2023. The minister will speak at the Third Astana International Security Forum on Friday.",
])
def test_a_numbered_named_conference_is_reported(extractor, text):
    meetings = run(extractor, text, "en")["meetings"]
    assert meetings and meetings[0]["ordinal"] in (3, 7), meetings


@pytest.mark.parametrize("language,text,start", [
    ("en", "MOSCOW, Oct 12, 2023 (Reuters) - Alexander Bortnikov told security chiefs from former Soviet republics on "
           "Wednesday that Western agencies were active in the region. Bortnikov was speaking at a meeting of the "
           "Council of Heads of Security Agencies and Special Services of the CIS in Bishkek.", "2023-10-11"),
    ("ru", "МОСКВА, 12 октября 2023. Александр Бортников заявил во вторник руководителям спецслужб стран СНГ, что "
           "западные разведки активизировались. Бортников выступал на заседании Совета руководителей органов "
           "безопасности и специальных служб СНГ в Бишкеке.", "2023-10-10"),
])
def test_the_leads_day_dates_the_meeting_named_next(extractor, language, text, start):
    assert main_meeting(run(extractor, text, language))["start"] == start


@pytest.mark.parametrize("language,text", [
    ("en", "GOA, May 5, 2023. The first meeting of the SCO Council of Foreign Ministers hosted by India was chaired by "
           "External Affairs Minister S. Jaishankar, a meeting of the Council of Foreign Ministers of the Shanghai "
           "Cooperation Organisation."),
    ("ru", "ГОА, 5 мая 2023. Первое заседание Совета министров иностранных дел Шанхайской организации сотрудничества "
           "под председательством Индии провел министр иностранных дел Субраманьям Джайшанкар."),
])
def test_the_city_in_an_organisations_name_is_no_meetings_place(extractor, language, text):
    places = {m["place"] for m in run(extractor, text, language)["meetings"]}
    assert "Shanghai" not in places, places


@pytest.mark.parametrize("text", [
    "ASTANA, June 13, 2024. Belarus is expected to become the tenth full member at the upcoming SCO summit in Astana.",
    "MINSK, May 3, 2024. The minister, on his fifth visit to Russia this year, will attend the CSTO meeting in Moscow.",
])
def test_an_ordinal_of_another_noun_numbers_no_meeting(extractor, text):
    assert all(m["ordinal"] is None for m in run(extractor, text, "en")["meetings"])


def test_an_ordinal_with_of_before_the_meeting_word_stays(extractor):
    text = ("ISLAMABAD, Oct 16, 2024. The 23rd SCO Council of Heads of Government meeting opened in Islamabad on "
            "Wednesday.")
    assert main_meeting(run(extractor, text, "en"))["ordinal"] == 23


@pytest.mark.parametrize("language,text,junk", [
    ("ru", "Главная » Новости » Политика\n\nВольфович и Шойгу обсудили по телефону реализацию договора\n\n20.02.2025\n\n"
           "Государственный секретарь Совета безопасности Беларуси Александр Вольфович провел телефонный разговор с "
           "секретарем Совбеза России Сергеем Шойгу.", "Politik"),
    ("en", "Home > News > Politics\nVolfovich and Shoigu discuss security guarantees by phone\n\nMINSK, Feb 20, 2025. "
           "Belarusian State Secretary of the Security Council Alexander Volfovich spoke by phone with Russian "
           "Security Council Secretary Sergei Shoigu.", "Politics"),
])
def test_a_name_never_runs_across_lines(extractor, language, text, junk):
    names = {p["name"] for p in run(extractor, text, language)["people"]}
    assert not any(junk in n for n in names) and "Alexander Volfovich" in names, names


@pytest.mark.parametrize("language,text,kind", [
    ("en", "DUSHANBE, June 5, 2023. The council approved the list of additional measures designed to reduce tensions at "
           "the Tajik-Afghan border.", "other"),
    ("ru", "МИНСК, 28 ноября 2017. Главы государств утвердили Комплекс совместных мер по противодействию вербовке "
           "граждан в террористические организации на 2017-2019 годы.", "other"),
    ("ru", "МОСКВА, 12 мая 2023. Совет одобрил Положение о Кризисном центре ОДКБ.", "other"),
])
def test_lists_packages_and_regulations_adopted_are_documents(extractor, language, text, kind):
    found = [a for a in run(extractor, text, language)["agreements"] if a["kind"] == kind]
    assert len(found) == 1, run(extractor, text, language)["agreements"]


@pytest.mark.parametrize("language,text", [
    ("en", "MOSCOW, May 3, 2024. The minister named a list of measures that the government could take next year."),
    ("ru", "МОСКВА, 3 мая 2024. Эксперты обсуждали комплекс мер, который мог бы снизить напряженность на границе."),
    ("ru", "МОСКВА, 3 мая 2024. Положение о беженцах остается сложным, отметил министр."),
])
def test_lists_and_regulations_merely_named_are_no_documents(extractor, language, text):
    assert run(extractor, text, language)["agreements"] == []
