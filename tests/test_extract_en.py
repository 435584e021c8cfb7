"""English extraction, one phenomenon per test, on short invented reports.

Every test goes through the public pipeline (``Extractor().extract(document)``) and
asserts on the record as ``record.to_json()`` gives it. Tests marked ``xfail(strict=True)``
describe behaviour the issues ask for that the extractor does not have yet.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import Json, check_spans, main_meeting, people, speakers, words, ws
from helpers import run as _run
from parley.ingest.document import Document
from parley.ingest.readers import iter_inputs
from parley.pipeline import Extractor

pytestmark = pytest.mark.slow

_ISO = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d)?)?$")


def run(extractor: Extractor, text: str, published: str | None = None, language: str | None = "en") -> Json:
    return _run(extractor, text, published, language)























def meetings_of(record: Json, series: str) -> list[Json]:
    return [m for m in record["meetings"] if m["series"] == series]





def quoted_by(record: Json, name: str, fragment: str) -> bool:
    return any(fragment in ws(q) for q in speakers(record).get(name, []))


def has_office(person: Json, title: str, state: str | None = None, organization: str | None = None) -> bool:
    return any(
        words(o["title"]) == words(title)
        and (state is None or o["state"] == state)
        and (organization is None or o["organization"] == organization)
        for o in person["offices"]
    )


def all_dates(record: Json) -> list[str]:
    out = [m[k] for m in record["meetings"] for k in ("start", "end") if m[k]]
    out += [a["signed"] for a in record["agreements"] if a["signed"]]
    return out


CIS_MEETING = "The {ord} meeting of the secretaries of the Security Councils of the CIS member states"


# ------------------------------------------------------------------ cleaning

PAGE = """Skip to main content
Advertisement
Share
MOSCOW, November 5. /TASS/. The XIII meeting of the secretaries of the Security Councils of the CIS member states was held in Moscow today.
“Our cooperation has become more practical,” Alexander Volfovich said.
Source link
Nikolai Patrushev met the Secretary of the Security Council of Armenia in Yerevan on Monday.
Comments are closed.
"""


def test_page_furniture_and_what_follows_the_source_link_are_ignored(extractor):
    rec = run(extractor, PAGE, published="2025-11-05")
    assert "Nikolai Patrushev" not in people(rec)
    assert [m["place"] for m in rec["meetings"]] == ["Moscow"]


def test_offsets_point_into_the_original_input_after_cleaning(extractor):
    rec = run(extractor, PAGE, published="2025-11-05")
    meeting = main_meeting(rec)
    (start, end), *_ = meeting["support"]["place"]
    assert PAGE[start:end] == "Moscow"
    (start, end), *_ = meeting["support"]["name"]
    assert "XIII meeting of the secretaries" in PAGE[start:end]
    (statement,) = rec["statements"]
    (start, end), *_ = statement["support"]["quote"]
    assert ws(PAGE[start:end]) == ws(statement["quote"])
    assert statement["quote"].startswith("Our cooperation")


def test_footer_in_another_language_and_translation_notice_are_ignored(extractor):
    text = (
        "The XIII meeting of the secretaries of the Security Councils of the CIS member states was held in Moscow "
        "today. Delegations of Armenia and Kazakhstan took part.\n"
        "Главное за день: секретарь Совбеза Николай Патрушев посетил Ереван и Бишкек.\n"
        "Переведено сервисом «Яндекс Переводчик»\n"
    )
    rec = run(extractor, text, published="2025-11-05", language=None)
    assert rec["document"]["language"] == "en"
    assert "Nikolai Patrushev" not in people(rec)
    assert set(main_meeting(rec)["states"]) == {"RUS", "ARM", "KAZ"}


# ------------------------------------------------------------------ meetings: series and ordinals


@pytest.mark.parametrize(
    ("sentence", "series"),
    [
        ("The meeting of the secretaries of the Security Councils of the CIS member states was held in Moscow today.",
         "cis-security-council-secretaries"),
        ("The annual meeting of CIS security council secretaries was held in Moscow today.",
         "cis-security-council-secretaries"),
        ("A session of the Committee of Secretaries of Security Councils of the CSTO was held in Minsk today.",
         "csto-security-council-secretaries"),
        ("The meeting of SCO Security Council Secretaries was held in Bishkek today.",
         "sco-security-council-secretaries"),
    ],
    ids=["cis-long", "cis-short", "csto-committee", "sco"],
)
def test_series_from_its_phrasings(extractor, sentence, series):
    rec = run(extractor, sentence, published="2023-06-08")
    assert main_meeting(rec)["series"] == series


def test_series_when_the_body_holds_a_meeting(extractor):
    rec = run(extractor, "The CSTO Committee of Secretaries of Security Councils held a meeting in Minsk on Thursday.",
              published="2023-06-09")
    meeting = main_meeting(rec)
    assert meeting["series"] == "csto-security-council-secretaries"
    assert (meeting["place"], meeting["start"]) == ("Minsk", "2023-06-08")


@pytest.mark.parametrize(
    ("phrase", "series", "ordinal"),
    [
        (CIS_MEETING.format(ord="XIII"), "cis-security-council-secretaries", 13),
        (CIS_MEETING.format(ord="13th"), "cis-security-council-secretaries", 13),
        ("The ninth meeting of the CIS security council secretaries", "cis-security-council-secretaries", 9),
        ("The 7th annual meeting of SCO Security Council Secretaries", "sco-security-council-secretaries", 7),
    ],
    ids=["roman", "numeric", "word", "annual"],
)
def test_ordinal(extractor, phrase, series, ordinal):
    rec = run(extractor, f"{phrase} was held in Dushanbe today.", published="2022-05-18")
    meeting = main_meeting(rec)
    assert (meeting["series"], meeting["ordinal"]) == (series, ordinal)


# ------------------------------------------------------------------ meetings: dates


@pytest.mark.parametrize(
    ("when", "published", "start"),
    [
        ("today", "2022-11-03", "2022-11-03"),
        ("on Wednesday", "2022-11-04", "2022-11-02"),
        ("yesterday", "2022-11-04", "2022-11-03"),
        ("on November 3", "2022-11-04", "2022-11-03"),
    ],
)
def test_date_relative_to_publication(extractor, when, published, start):
    rec = run(extractor, f"{CIS_MEETING.format(ord='10th')} was held in Moscow {when}.", published=published)
    assert main_meeting(rec)["start"] == start


def test_date_from_agency_dateline_and_today(extractor):
    text = ("MOSCOW, November 5. /TASS/. The secretaries of the Security Councils of the CIS member states met "
            "in Moscow today.")
    rec = run(extractor, text, published="2025-11-05")
    meeting = main_meeting(rec)
    assert (meeting["start"], meeting["place"], meeting["country"]) == ("2025-11-05", "Moscow", "RUS")
    assert rec["document"]["source"] == "TASS"


def test_dateline_with_country(extractor):
    text = ("Baku, Azerbaijan, Nov. 21. The 7th annual meeting of SCO Security Council Secretaries opened in Baku "
            "on Wednesday.")
    rec = run(extractor, text, published="2012-11-21")
    meeting = main_meeting(rec)
    assert (meeting["start"], meeting["place"], meeting["country"]) == ("2012-11-21", "Baku", "AZE")


def test_day_month_year_header_is_the_publication_date(extractor):
    text = ("08 / 06 / 2016\n"
            "The 11th meeting of SCO Security Council Secretaries was held in Tashkent today.")
    rec = run(extractor, text)
    assert rec["document"]["published"] == "2016-06-08"
    assert main_meeting(rec)["start"] == "2016-06-08"


def test_date_range(extractor):
    text = "The 18th meeting of SCO Security Council Secretaries will be held in New Delhi on May 27-29."
    rec = run(extractor, text, published="2023-05-20")
    meeting = main_meeting(rec)
    assert (meeting["start"], meeting["end"]) == ("2023-05-27", "2023-05-29")


def test_year_from_the_series_history(extractor):
    rec = run(extractor, f"{CIS_MEETING.format(ord='IX')} was held in Moscow on November 17.")
    assert main_meeting(rec)["start"] == "2021-11-17"


def test_year_from_the_series_history_and_the_dateline_with_today(extractor):
    text = f"MOSCOW, November 5. /TASS/. {CIS_MEETING.format(ord='XIII')} was held in Moscow today."
    rec = run(extractor, text)
    assert main_meeting(rec)["start"] == "2025-11-05"


def test_year_from_the_series_history_and_the_dateline(extractor):
    text = f"MOSCOW, November 5. /TASS/. {CIS_MEETING.format(ord='XIII')} was held in Moscow."
    rec = run(extractor, text)
    assert main_meeting(rec)["start"] == "2025-11-05"


def test_year_from_a_plan_signed_at_the_meeting(extractor):
    text = ("The meeting of the secretaries of the Security Councils of the CIS member states was held in Moscow on "
            "November 17. At the meeting, Nikolai Patrushev and Alexander Volfovich signed a plan of cooperation "
            "for 2022-2023.")
    rec = run(extractor, text)
    assert main_meeting(rec)["start"] == "2021-11-17"


def test_year_is_never_invented(extractor):
    text = ("The meeting of the secretaries of the Security Councils of the CIS member states was held in Moscow on "
            "November 17. It was chaired by Nikolai Patrushev.")
    rec = run(extractor, text)
    meeting = main_meeting(rec)
    assert meeting["place"] == "Moscow"
    assert meeting["start"] is None
    assert all(_ISO.match(d) for d in all_dates(rec))


# ------------------------------------------------------------------ meetings: place, chair, participants


@pytest.mark.parametrize(
    ("city", "place", "country"),
    [("Dushanbe", "Dushanbe", "TJK"), ("New Delhi", "New Delhi", "IND"), ("Bishkek", "Bishkek", "KGZ")],
)
def test_place_and_country(extractor, city, place, country):
    rec = run(extractor, f"The meeting of SCO Security Council Secretaries was held in {city} today.",
              published="2019-05-15")
    meeting = main_meeting(rec)
    assert (meeting["place"], meeting["country"]) == (place, country)


@pytest.mark.parametrize(
    "text",
    [
        f"{CIS_MEETING.format(ord='9th')} was held in Moscow on Wednesday under the chairmanship of Secretary of the "
        "Security Council of Russia Nikolai Patrushev.",
        f"{CIS_MEETING.format(ord='9th')}, chaired by Nikolai Patrushev, was held in Moscow on Wednesday.",
        pytest.param(
            "Nikolai Patrushev chaired the 9th meeting of the secretaries of the Security Councils of the CIS member "
            "states in Moscow on Wednesday.",
        ),
        f"{CIS_MEETING.format(ord='9th')} was held in Moscow on Wednesday. The meeting was chaired by Secretary of "
        "the Security Council of Russia Nikolai Patrushev.",
    ],
    ids=["chairmanship", "chaired-by", "x-chaired", "next-sentence"],
)
def test_chair(extractor, text):
    rec = run(extractor, text, published="2021-11-18")
    meeting = main_meeting(rec)
    assert meeting["chair"] == "Nikolai Patrushev"
    assert "Nikolai Patrushev" in meeting["persons"]


def test_states_from_a_delegation_list(extractor):
    text = (f"{CIS_MEETING.format(ord='XIII')} was held in Moscow today. Delegations from Armenia, Azerbaijan, "
            "Belarus, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan took part.")
    rec = run(extractor, text, published="2025-11-05")
    assert set(main_meeting(rec)["states"]) == {"RUS", "ARM", "AZE", "BLR", "KAZ", "KGZ", "TJK", "UZB"}


def test_states_and_persons_from_officials_offices(extractor):
    text = ("The 14th Meeting of Security Council Secretaries of SCO Member States was held in Bishkek on May 15. "
            "Secretary of the Security Council of Russia Nikolai Patrushev and Secretary of the Security Council of "
            "Tajikistan Abdurahim Kahharov attended the meeting.")
    rec = run(extractor, text, published="2019-05-16")
    meeting = main_meeting(rec)
    assert {"RUS", "TJK", "KGZ"} <= set(meeting["states"])
    assert {"Nikolai Patrushev", "Abdurahim Kahharov"} <= set(meeting["persons"])


def test_states_reported_absent_in_a_quote_are_left_out(extractor):
    text = (f"{CIS_MEETING.format(ord='10th')} was held in Moscow on November 3. Delegations of Belarus, Kazakhstan "
            "and Tajikistan took part. \"Unfortunately, we did not see representatives of Ukraine and Moldova at "
            "this meeting,\" Alexander Volfovich said.")
    rec = run(extractor, text, published="2022-11-04")
    states = set(main_meeting(rec)["states"])
    assert {"BLR", "KAZ", "TJK"} <= states
    assert not states & {"UKR", "MDA"}


def test_states_reported_absent_in_narrative_are_left_out(extractor):
    text = (f"{CIS_MEETING.format(ord='10th')} was held in Moscow on November 3. Delegations of Belarus and "
            "Kazakhstan took part. Representatives of Ukraine and Moldova did not attend the meeting.")
    rec = run(extractor, text, published="2022-11-04")
    states = set(main_meeting(rec)["states"])
    assert {"BLR", "KAZ"} <= states
    assert not states & {"UKR", "MDA"}


def test_organizations_represented(extractor):
    text = (f"{CIS_MEETING.format(ord='10th')} was held in Moscow on November 3. It was attended by the leadership "
            "of the executive bodies of the CIS and the CSTO.")
    rec = run(extractor, text, published="2022-11-04")
    assert {"CIS", "CSTO"} <= set(main_meeting(rec)["organizations"])


def test_cis_anti_terrorism_center_is_an_organization(extractor):
    text = (f"{CIS_MEETING.format(ord='10th')} was held in Moscow on November 3. Representatives of the CIS "
            "Anti-Terrorism Center also took part.")
    rec = run(extractor, text, published="2022-11-04")
    assert "CIS_ATC" in main_meeting(rec)["organizations"]


def test_persons_from_a_list_of_heads_of_delegations(extractor):
    text = ("The 21st Meeting of Security Council Secretaries of SCO Member States took place in Bishkek today. "
            "The meeting was attended by the heads of delegations: Secretary of the Security Council of Russia "
            "Sergei Shoigu; National Security Adviser of India Ajit Doval; Secretary of the Security Council of "
            "Kazakhstan Gizat Nurdauletov.")
    rec = run(extractor, text, published="2026-05-28")
    meeting = main_meeting(rec)
    assert {"Sergei Shoigu", "Ajit Doval", "Gizat Nurdauletov"} <= set(meeting["persons"])
    assert {"RUS", "IND", "KAZ", "KGZ"} <= set(meeting["states"])


def test_a_person_named_in_a_quote_is_not_a_participant(extractor):
    text = (f"{CIS_MEETING.format(ord='10th')} was held in Moscow on November 3. \"Yesterday I discussed these "
            "issues with Ajit Doval, and Georgia was also invited,\" Secretary of the Security Council of Russia "
            "Nikolai Patrushev said.")
    rec = run(extractor, text, published="2022-11-04")
    meeting = main_meeting(rec)
    assert "Ajit Doval" not in meeting["persons"]
    assert "GEO" not in meeting["states"]
    assert quoted_by(rec, "Nikolai Patrushev", "Yesterday I discussed")


# ------------------------------------------------------------------ meetings: held, planned, part of


def test_held_meeting(extractor):
    rec = run(extractor, f"{CIS_MEETING.format(ord='10th')} took place in Moscow yesterday.", published="2022-11-04")
    assert main_meeting(rec)["status"] == "held"


def test_meeting_that_will_be_held_is_planned(extractor):
    text = "The 18th meeting of SCO Security Council Secretaries will be held in New Delhi on May 27-29."
    rec = run(extractor, text, published="2023-05-20")
    assert main_meeting(rec)["status"] == "planned"


def test_next_meeting_with_month_and_year(extractor):
    text = "The next meeting of the SCO Security Council Secretaries will be held in Astana in April 2024."
    rec = run(extractor, text, published="2023-03-29")
    (meeting,) = meetings_of(rec, "sco-security-council-secretaries")
    assert meeting["status"] == "planned"
    assert (meeting["start"], meeting["place"], meeting["country"]) == ("2024-04", "Astana", "KAZ")


def test_next_meeting_with_a_year_only(extractor):
    text = "The next meeting of the CIS security council secretaries will be held in Minsk in 2027."
    rec = run(extractor, text, published="2026-11-12")
    (meeting,) = meetings_of(rec, "cis-security-council-secretaries")
    assert (meeting["status"], meeting["place"], meeting["start"]) == ("planned", "Minsk", "2027")


def test_next_meeting_of_the_series_reported(extractor):
    text = (f"{CIS_MEETING.format(ord='14th')} was held in Moscow today. The next meeting will be held in Minsk "
            "next autumn.")
    rec = run(extractor, text, published="2026-11-12")
    statuses = {(m["status"], m["place"]) for m in meetings_of(rec, "cis-security-council-secretaries")}
    assert statuses == {("held", "Moscow"), ("planned", "Minsk")}


def test_next_meeting_of_the_council_of_heads_of_state(extractor):
    text = "The next meeting of the Council of CIS Heads of State will be held in Tashkent in April 2020."
    rec = run(extractor, text, published="2019-11-20")
    (meeting,) = meetings_of(rec, "cis-heads-of-state")
    assert (meeting["status"], meeting["start"], meeting["place"]) == ("planned", "2020-04", "Tashkent")


def test_bilateral_talks_on_the_sidelines_are_part_of_the_meeting(extractor):
    text = ("The 21st Meeting of Security Council Secretaries of SCO Member States took place in Bishkek today. "
            "On the sidelines of the meeting, Sergei Shoigu held bilateral talks with Ajit Doval.")
    rec = run(extractor, text, published="2026-05-28")
    main_index = rec["meetings"].index(main_meeting(rec))
    (talks,) = [m for m in rec["meetings"] if m["format"] == "bilateral"]
    assert talks["part_of"] == main_index
    assert set(talks["persons"]) == {"Sergei Shoigu", "Ajit Doval"}


def test_bilateral_talks_on_their_own(extractor):
    text = ("Secretary of the Security Council of Russia Nikolai Patrushev held talks with State Secretary of the "
            "Security Council of Belarus Stanislav Zas in Moscow on Friday.")
    rec = run(extractor, text, published="2019-04-12")
    (talks,) = rec["meetings"]
    assert talks["format"] == "bilateral"
    assert talks["part_of"] is None
    assert (talks["start"], talks["place"]) == ("2019-04-12", "Moscow")
    assert set(talks["states"]) == {"RUS", "BLR"}


# ------------------------------------------------------------------ agreements


def test_plan_signed_at_the_meeting(extractor):
    text = (f"{CIS_MEETING.format(ord='XIII')} was held in Moscow on November 5. At the meeting, Secretary of the "
            "Security Council of Russia Sergei Shoigu and State Secretary of the Security Council of Belarus "
            "Alexander Volfovich signed a plan of cooperation between the Security Council offices for 2026-2027.")
    rec = run(extractor, text)
    (plan,) = rec["agreements"]
    assert plan["kind"] == "plan"
    assert (plan["valid_from"], plan["valid_to"]) == (2026, 2027)
    assert set(plan["signatories"]) == {"Sergei Shoigu", "Alexander Volfovich"}
    assert set(plan["parties"]) == {"RUS", "BLR"}
    assert plan["signed"] == "2025-11-05"
    assert plan["meeting"] == rec["meetings"].index(main_meeting(rec))


def test_signing_date_relative_to_publication(extractor):
    text = ("Nikolai Patrushev and Alexander Volfovich signed a plan of cooperation between the Security Council "
            "offices for 2022-2024 in Moscow on November 17.")
    rec = run(extractor, text, published="2021-11-18")
    (plan,) = rec["agreements"]
    assert plan["signed"] == "2021-11-17"


@pytest.mark.parametrize(
    ("phrase", "kind", "years"),
    [
        ("signed a programme of cooperation for 2022-2024", "program", (2022, 2024)),
        ("signed a plan of consultations for H2 2019 – H1 2020", "plan", (2019, 2020)),
        ("approved the Concept of cooperation in the field of military security up to 2025", "other", (None, 2025)),
        ("signed a plan of consultations for 2026−2027", "plan", (2026, 2027)),
    ],
    ids=["dash", "half-years", "up-to", "minus-sign"],
)
def test_years_covered(extractor, phrase, kind, years):
    rec = run(extractor, f"Nikolai Patrushev and Stanislav Zas {phrase}.", published="2019-04-12")
    (agreement,) = rec["agreements"]
    assert agreement["kind"] == kind
    assert (agreement["valid_from"], agreement["valid_to"]) == years


@pytest.mark.parametrize(
    ("sentence", "kind", "parties"),
    [
        ("Russia and Belarus signed the Treaty on Security Guarantees within the Union State in 2024.",
         "treaty", {"RUS", "BLR"}),
        ("Kazakhstan and India signed a memorandum of understanding on cooperation between their Security Councils.",
         "memorandum", {"KAZ", "IND"}),
        ("The foreign ministers of the CSTO adopted a declaration on countering international terrorism.",
         "declaration", None),
    ],
    ids=["treaty", "memorandum", "declaration"],
)
def test_agreement_kind_and_parties(extractor, sentence, kind, parties):
    rec = run(extractor, sentence, published="2024-12-07")
    (agreement,) = rec["agreements"]
    assert agreement["kind"] == kind
    if parties is not None:
        assert set(agreement["parties"]) == parties


# ------------------------------------------------------------------ statements


@pytest.mark.parametrize(
    "text",
    [
        '"We stand for a peaceful settlement of the conflict," Alexander Volfovich said.',
        '"We stand for a peaceful settlement of the conflict," said Alexander Volfovich.',
        "“We stand for a peaceful settlement of the conflict,” Alexander Volfovich said.",
        'Alexander Volfovich said: "We stand for a peaceful settlement of the conflict."',
        "— We stand for a peaceful settlement of the conflict, — Alexander Volfovich said.",
    ],
    ids=["straight", "said-after-name", "curly", "colon", "em-dash"],
)
def test_quote_forms(extractor, text):
    rec = run(extractor, text, published="2022-11-03")
    (statement,) = rec["statements"]
    assert statement["speaker"] == "Alexander Volfovich"
    assert ws(statement["quote"]).startswith("We stand for a peaceful settlement of the conflict")
    for mark in "\"“”—":
        assert not statement["quote"].startswith(mark) and not statement["quote"].rstrip(",.").endswith(mark)


def test_em_dash_speech_with_closing_quote_mark(extractor):
    text = ("State Secretary of the Security Council of Belarus Alexander Volfovich signed the plan.\n\n"
            "— We need to meet at least annually and work on these documents,\" Volfovich said at the signing.")
    rec = run(extractor, text, published="2025-11-05")
    assert quoted_by(rec, "Alexander Volfovich", "We need to meet at least annually")


def test_quote_over_several_paragraphs(extractor):
    text = ("Sergei Shoigu opened the meeting.\n\n"
            "\"Our countries face common threats. We must respond to them together.\n\n"
            "\"Cooperation between our security councils is the best answer to these threats,\" Shoigu said.")
    rec = run(extractor, text, published="2022-11-04")
    quotes = " ".join(ws(q) for q in speakers(rec).get("Sergei Shoigu", []))
    assert "We must respond to them together" in quotes
    assert "the best answer to these threats" in quotes
    assert set(speakers(rec)) == {"Sergei Shoigu"}


@pytest.mark.parametrize(
    "attribution",
    ["the State Secretary of the Security Council emphasized", "he noted"],
    ids=["role", "pronoun"],
)
def test_speaker_by_role_or_pronoun(extractor, attribution):
    text = ("State Secretary of the Security Council of Belarus Alexander Volfovich took part in the meeting.\n"
            f"\"We stand for a peaceful settlement of the conflict,\" {attribution}.")
    rec = run(extractor, text, published="2022-11-04")
    (statement,) = rec["statements"]
    assert statement["speaker"] == "Alexander Volfovich"


def test_speaker_by_role_after_an_introductory_clause(extractor):
    text = ("Russian Security Council Secretary Sergei Shoigu opened the meeting.\n\n"
            "Asked about the states that stay away from the format, the Russian Security Council Secretary noted: "
            "\"The door remains open.\"")
    rec = run(extractor, text, published="2026-11-13")
    assert quoted_by(rec, "Sergei Shoigu", "The door remains open")


def test_interview_answers_are_the_interviewees_and_questions_are_not(extractor):
    text = ("MOSCOW. May 20. INTERFAX - In an interview with Interfax, Deputy Secretary of the Russian Security "
            "Council Alexei Shevtsov spoke about the forum.\n"
            "- Alexey Leontievich, how many countries will take part in the forum this year?\n"
            "- We expect delegations from more than one hundred countries. Invitations were sent in advance.\n"
            "- Will there be bilateral meetings on the sidelines?\n"
            "- Yes, a number of bilateral meetings are planned.\n")
    rec = run(extractor, text, published="2025-05-20")
    quotes = speakers(rec)
    assert set(quotes) == {"Alexei Shevtsov"}
    joined = " ".join(quotes["Alexei Shevtsov"])
    assert "We expect delegations from more than one hundred countries" in joined
    assert "a number of bilateral meetings are planned" in joined
    assert "how many countries" not in joined and "Will there be" not in joined


@pytest.mark.parametrize(
    "text",
    [
        '"The meeting was constructive and businesslike," the press service of the Security Council said.',
        'The Security Council press service said in a statement: "The meeting was constructive and businesslike."',
    ],
    ids=["after", "before"],
)
def test_quote_from_an_institution_is_not_a_statement(extractor, text):
    rec = run(extractor, "Nikolai Patrushev held talks in Minsk yesterday.\n" + text, published="2022-11-04")
    assert rec["statements"] == []


def test_a_quote_is_not_taken_as_fact(extractor):
    text = (f"{CIS_MEETING.format(ord='10th')} was held in Moscow on November 3. \"The next meeting will be held in "
            "Minsk in 2023,\" Secretary of the Security Council of Russia Nikolai Patrushev said.")
    rec = run(extractor, text, published="2022-11-04")
    assert quoted_by(rec, "Nikolai Patrushev", "The next meeting will be held in Minsk")
    assert [m["place"] for m in rec["meetings"]] == ["Moscow"]


# ------------------------------------------------------------------ people


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        ("Aleksandr Volfovich spoke first. Later, Alexander Volfovich met reporters.",
         "Alexander Volfovich", "Aleksandr Volfovich"),
        ("Sergey Shoigu arrived in Minsk. Sergei Shoigu then met Alexander Lukashenko.", "Sergei Shoigu", "Sergey Shoigu"),
        ("Deputy Secretary of the Security Council Alexey Shevtsov gave an interview. Alexei Shevtsov spoke about "
         "the forum.", "Alexei Shevtsov", "Alexey Shevtsov"),
    ],
    ids=["aleksandr", "sergey", "alexey"],
)
def test_one_canonical_name_across_spellings(extractor, text, name, alias):
    rec = run(extractor, text, published="2021-11-18")
    family = name.split()[-1]
    assert [p["name"] for p in rec["people"] if p["name"].endswith(family)] == [name]
    assert alias in people(rec)[name]["aliases"]


def test_name_and_patronymic_is_an_alias(extractor):
    text = ("In an interview, Deputy Secretary of the Russian Security Council Alexei Shevtsov spoke about the "
            "forum.\n- Alexey Leontievich, who is invited?\n- We invite our closest partners and allies.\n")
    rec = run(extractor, text, published="2025-05-27")
    assert [p["name"] for p in rec["people"]] == ["Alexei Shevtsov"]
    assert "Alexey Leontievich" in people(rec)["Alexei Shevtsov"]["aliases"]


def test_family_name_first(extractor):
    text = ("The meeting was attended by Secretary of the Security Council of Uzbekistan Makhmudov Victor "
            "Vladimirovich.")
    rec = run(extractor, text, published="2020-11-18")
    assert list(people(rec)) == ["Viktor Makhmudov"]
    assert "Makhmudov Victor Vladimirovich" in people(rec)["Viktor Makhmudov"]["aliases"]


def test_family_name_first_tajik(extractor):
    text = ("The meeting was attended by Secretary of the Security Council of Tajikistan Makhmudzoda Nasrullo "
            "Rakhmatjon.")
    rec = run(extractor, text, published="2020-11-18")
    (person,) = rec["people"]
    assert person["name"] in {"Nasrullo Mahmudzoda", "Nasrullo Makhmudzoda"}


def test_mr_and_family_name(extractor):
    text = ("Director of the Foreign Intelligence Service Sergei Naryshkin arrived in Minsk. Mr Naryshkin held "
            "talks with Belarusian colleagues.")
    rec = run(extractor, text, published="2020-11-18")
    assert list(people(rec)) == ["Sergei Naryshkin"]


def test_office_ending_in_a_capitalised_word(extractor):
    text = "Director of the Foreign Intelligence Service Sergei Naryshkin arrived in Minsk."
    rec = run(extractor, text, published="2020-11-18")
    person = people(rec)["Sergei Naryshkin"]
    assert not any("Service" in a for a in person["aliases"])
    assert has_office(person, "Director of the Foreign Intelligence Service"), person["offices"]


@pytest.mark.parametrize(
    ("text", "name", "title", "state", "organization"),
    [
        ("Secretary of the Security Council of Tajikistan Nasrullo Mahmudzoda arrived in Moscow.",
         "Nasrullo Mahmudzoda", "Secretary of the Security Council", "TJK", None),
        ("State Secretary of the Security Council of Belarus Alexander Volfovich arrived in Moscow.",
         "Alexander Volfovich", "State Secretary of the Security Council", "BLR", None),
        ("India's National Security Adviser Ajit Doval arrived in Moscow.",
         "Ajit Doval", "National Security Adviser", "IND", None),
        ("CSTO Secretary General Imangali Tasmagambetov arrived in Moscow.",
         "Imangali Tasmagambetov", "CSTO Secretary General", None, "CSTO"),
    ],
    ids=["secretary", "state-secretary", "nsa", "secretary-general"],
)
def test_offices(extractor, text, name, title, state, organization):
    rec = run(extractor, text, published="2024-11-28")
    person = people(rec)[name]
    assert has_office(person, title, state, organization), person["offices"]
    if organization:
        assert all(o["state"] is None for o in person["offices"])


# ------------------------------------------------------------------ the README's demo: examples/

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.txt"))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_examples_extract(extractor, path):
    (doc,) = list(iter_inputs([str(path)]))
    assert isinstance(doc, Document), doc
    rec = extractor.extract(doc).to_json()
    check_spans(rec, doc.raw)
    assert rec["document"]["language"] == path.stem.split("-")[0]
    assert rec["meetings"] and rec["people"]
    for statement in rec["statements"]:
        (start, end), *_ = statement["support"]["quote"]
        assert ws(doc.raw[start:end]) == ws(statement["quote"])


def test_there_are_four_to_six_examples():
    assert 4 <= len(EXAMPLES) <= 6


def test_talks_with_two_people_are_two_talks(extractor):
    text = ("MINSK, 20 May (BelTA) - State Secretary of the Security Council Alexander Volfovich took part in the "
            "16th meeting of the secretaries of security councils of the SCO member states in Dushanbe on 19-20 May.\n"
            "Alexander Volfovich held bilateral meetings with Secretary of the Security Council of Tajikistan "
            "Nasrullo Mahmudzoda and SCO Secretary-General Zhang Ming.")
    rec = run(extractor, text, published="2021-05-20")
    talks = [m for m in rec["meetings"] if m["format"] == "bilateral"]
    assert sorted(sorted(t["persons"]) for t in talks) == [
        ["Alexander Volfovich", "Nasrullo Mahmudzoda"], ["Alexander Volfovich", "Zhang Ming"]]
    main = main_meeting(rec)
    assert all(t["part_of"] == rec["meetings"].index(main) for t in talks)
    assert {"Nasrullo Mahmudzoda", "Zhang Ming"} <= set(main["persons"])


def test_a_meeting_in_the_kremlin_is_in_moscow(extractor):
    text = ("Russian President Vladimir Putin met with the participants of the international meeting of high "
            "representatives in charge of security issues in the Kremlin on Thursday.")
    rec = run(extractor, text, published="2023-05-25")
    meeting = main_meeting(rec)
    assert (meeting["place"], meeting["country"], meeting["start"]) == ("Moscow", "RUS", "2023-05-25")


def test_quote_after_according_to(extractor):
    text = ("The 11th meeting of the secretaries of the Security Councils of the CIS member states took place in "
            "Moscow on Wednesday. According to Russian Security Council Secretary Nikolai Patrushev, \"the "
            "situation on the external borders of the Commonwealth remains difficult.\"")
    rec = run(extractor, text, published="2023-11-08")
    assert quoted_by(rec, "Nikolai Patrushev", "external borders of the Commonwealth")


def test_body_named_before_the_meeting_word(extractor):
    text = ("YEREVAN, June 5 (Armenpress) - Armenian Security Council Secretary Armen Grigoryan will not attend the "
            "CSTO Committee of Secretaries of Security Councils meeting in Minsk, his office said on Monday.")
    rec = run(extractor, text, published="2023-06-05")
    (meeting,) = meetings_of(rec, "csto-security-council-secretaries")
    assert (meeting["status"], meeting["place"]) == ("planned", "Minsk")
    assert "Armen Grigoryan" not in meeting["persons"]


def test_csto_committee_report_with_initials(extractor):
    text = ("On June 5, 2023, a meeting of the Committee of Secretaries of the Security Councils of the CSTO was "
            "held in Minsk under the chairmanship of the State Secretary of the Security Council of the Republic "
            "of Belarus A.Volfovich. The meeting was attended by the secretaries of the Security Councils of the "
            "CSTO member states, CSTO Secretary General I.Tasmagambetov and Chief of the CSTO Joint Staff "
            "A.Sidorov.")
    rec = run(extractor, text)
    (meeting,) = meetings_of(rec, "csto-security-council-secretaries")
    assert (meeting["start"], meeting["place"], meeting["chair"]) == ("2023-06-05", "Minsk", "Alexander Volfovich")
    assert {"Alexander Volfovich", "Imangali Tasmagambetov"} <= set(meeting["persons"])
    assert "A. Sidorov" in people(rec)
    assert not [p for p in people(rec) if "Staff" in p]


def test_meeting_to_be_held_today_dated_by_dateline_and_series_history(extractor):
    text = ("Baku, Azerbaijan, Nov. 21\nBy Trend\nThe 7th annual meeting of heads of security councils of the CIS "
            "will be held in Moscow today, Azerbaijani Security Council Secretary Ramil Usubov said.")
    rec = run(extractor, text)
    (meeting,) = meetings_of(rec, "cis-security-council-secretaries")
    # The VII meeting of a yearly series whose IX was in 2021; "today" is the dateline's day.
    assert (meeting["ordinal"], meeting["status"], meeting["start"], meeting["place"]) == (
        7, "planned", "2019-11-21", "Moscow")
    assert meeting["persons"] == []  # the one who announces it is not said to attend


def test_numeric_header_date_and_yesterday(extractor):
    text = ("08 / 06 / 2016\nAstana hosts SCO security council secretaries\n\nASTANA. KAZINFORM - The 11th "
            "meeting of the Security Council Secretaries of the SCO member states was held in Astana yesterday.")
    rec = run(extractor, text)
    assert rec["document"]["published"] == "2016-06-08"
    (meeting,) = meetings_of(rec, "sco-security-council-secretaries")
    assert (meeting["start"], meeting["place"]) == ("2016-06-07", "Astana")
