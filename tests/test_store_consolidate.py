"""Cross-document consolidation rules (parley.kb), on hand-made facts: no database."""

from __future__ import annotations

import random

from parley.kb.agreements import consolidate_agreements
from parley.kb.keys import person_key
from parley.kb.meetings import consolidate_meetings
from parley.kb.model import DocMeta, EntityCorrection, FactIn
from parley.kb.people import consolidate_people
from parley.kb.statements import consolidate_statements
from parley.kb.timelines import TimelineMeeting, build_timeline

CIS = "cis-security-council-secretaries"


def fact(doc: str, data: dict, idx: int = 0, published: str | None = None, language: str = "en",
         outlet: str | None = None) -> FactIn:
    meta = DocMeta(doc, published=published, outlet=outlet or f"outlet-{doc}", language=language,
                   ref_date=published or data.get("start"))
    return FactIn(meta, idx, {"confidence": 0.9, **data})


def meeting(doc: str, **kw) -> FactIn:
    published = kw.pop("published", None)
    data = {"format": "multilateral", "status": "held", "states": [], "persons": [], **kw}
    return fact(doc, data, published=published)


def by_key(entities):
    return {e.key: e for e in entities}


def test_same_ordinal_is_one_meeting_and_a_second_date_is_flagged_not_overwritten():
    facts = [
        meeting("a", series=CIS, ordinal=14, start="2026-10-14", place="Minsk", published="2026-10-14"),
        meeting("b", series=CIS, ordinal=14, start="2026-10-14", place="Minsk", published="2026-10-15"),
        meeting("c", series=CIS, ordinal=14, start="2026-10-15", place="Minsk", published="2026-10-16"),
        meeting("d", series=CIS, ordinal=14, start="2026-10", place="Minsk"),
    ]
    [m] = consolidate_meetings(f"s:{CIS}", facts)
    assert m.key == f"{CIS}/14"
    assert m.values["start"] == "2026-10-14"
    assert len(m.sources) == 4
    [conflict] = [f for f in m.flags if f["code"] == "conflict"]
    assert conflict["field"] == "start"
    assert [v["value"] for v in conflict["values"]] == ["2026-10-14", "2026-10-15"]
    # "2026-10" refines to the chosen day: support, not a third candidate in the conflict.
    assert conflict["values"][0]["documents"] == ["a", "b", "d"]
    starts = {e["value"]: e for e in m.fields["start"]}
    assert starts["2026-10"]["refined_by"] == "2026-10-14" and starts["2026-10-14"]["chosen"]


def test_planned_then_held_is_one_meeting_and_a_moved_date_is_noted():
    facts = [
        meeting("plan", series="sco-security-council-secretaries", start="2026-05-14", place="Bishkek",
                status="planned", published="2026-03-02"),
        meeting("held", series="sco-security-council-secretaries", start="2026-05-21", place="Bishkek",
                published="2026-05-21"),
    ]
    [m] = consolidate_meetings("s:sco-security-council-secretaries", facts)
    assert m.values["status"] == "held" and m.values["start"] == "2026-05-21"
    assert not [f for f in m.flags if f["code"] == "conflict"]  # an announcement is not a contradiction
    assert [f for f in m.flags if f["code"] == "rescheduled"][0]["planned"] == ["2026-05-14"]
    assert {s.status for s in m.sources} == {"planned", "held"}


def test_undated_announcement_joins_the_next_meeting_held_in_its_country():
    facts = [
        meeting("next", series="sco-security-council-secretaries", country="KAZ", status="planned",
                published="2023-03-29"),
        meeting("old", series="sco-security-council-secretaries", start="2022-08-10", place="Tashkent",
                country="UZB"),
        meeting("astana", series="sco-security-council-secretaries", start="2024-04-16", place="Astana",
                country="KAZ"),
        meeting("later", series="sco-security-council-secretaries", start="2025-06-10", place="Astana",
                country="KAZ"),
    ]
    ms = consolidate_meetings("s:sco-security-council-secretaries", facts)
    [joined] = [m for m in ms if len(m.sources) == 2]
    assert {s.document_id for s in joined.sources} == {"next", "astana"}
    assert len(ms) == 3


def test_same_ordinal_in_different_years_stays_apart_and_is_flagged():
    facts = [meeting("a", series=CIS, ordinal=13, start="2025-11-05"), meeting("b", series=CIS, ordinal=13,
                                                                             start="2019-10-01")]
    ms = by_key(consolidate_meetings(f"s:{CIS}", facts))
    assert set(ms) == {f"{CIS}/13", f"{CIS}/13~2019-10-01"}
    assert all(any(f["code"] == "duplicate_ordinal" for f in m.flags) for m in ms.values())


def test_talks_on_the_same_day_merge_only_with_shared_participants():
    talks = [
        meeting("a", format="bilateral", start="2025-11-05", place="Moscow", persons=["Sergei Shoigu",
                                                                                     "Alexander Volfovich"]),
        meeting("b", format="bilateral", start="2025-11-05", place="Moscow", persons=["Sergey Shoigu",
                                                                                     "Aleksandr Volfovich"]),
        meeting("c", format="bilateral", start="2025-11-05", place="Moscow", persons=["Sergei Shoigu",
                                                                                     "Armen Grigoryan"]),
    ]
    ms = consolidate_meetings("y:2025", talks)
    assert sorted(len(m.sources) for m in ms) == [1, 2]
    assert {m.key for m in ms} == {"bilateral/2025-11-05/moscow", "bilateral/2025-11-05/moscow~2025-11-05"}


def test_consolidation_does_not_depend_on_input_order():
    facts = [
        meeting(f"d{i}", series=CIS, ordinal=o, start=s, place=p)
        for i, (o, s, p) in enumerate([(9, "2021-11-17", "Moscow"), (10, "2022-11-03", "Moscow"), (None, "2022-11-03",
                                       "Moscow"), (9, "2021-11-18", "Moscow"), (None, "2023-11-08", None)])
    ]
    first = [(e.key, e.values, e.flags, [s.document_id for s in e.sources])
             for e in consolidate_meetings(f"s:{CIS}", facts)]
    for seed in range(5):
        shuffled = facts[:]
        random.Random(seed).shuffle(shuffled)
        again = [(e.key, e.values, e.flags, [s.document_id for s in e.sources])
                 for e in consolidate_meetings(f"s:{CIS}", shuffled)]
        assert again == first


def test_person_keys_fold_spellings_and_scripts():
    keys = {person_key(n) for n in ("Alexander Volfovich", "Aleksandr Volfovich", "Alexander Wolfovich",
                                    "Александр Вольфович")}
    assert keys == {"volfovich:a"}
    assert person_key("Alexei Shevtsov") != person_key("Yuri Shevtsov")
    assert person_key("Shoigu") == "shoigu:s"  # the registry knows one Shoigu
    assert ":" not in person_key("Zinovieva")  # a bare unknown family name: family key only


def test_people_merge_spellings_and_keep_offices_over_time():
    facts = [
        fact("d1", {"name": "Nikolai Patrushev", "offices": [{"title": "Security Council Secretary", "state": "RUS"}]},
             published="2017-11-30"),
        fact("d2", {"name": "Nikolay Patrushev", "aliases": ["Патрушев"],
                    "offices": [{"title": "Secretary of the Security Council", "state": "RUS"}]}, published="2021-11-17"),
        fact("d3", {"name": "Patrushev", "offices": [{"title": "Aide to the President", "state": "RUS"}]},
             published="2024-09-12"),
    ]
    [p] = consolidate_people("patrushev", facts)
    assert p.key == "patrushev:n" and p.values["name"] == "Nikolai Patrushev"
    assert {"Nikolay Patrushev", "Патрушев", "Patrushev"} <= set(p.values["aliases"])
    offices = {o["title"]: o for o in p.extra["offices"]}
    secretary = offices["Secretary of the Security Council"]  # two titles, one office
    assert (secretary["first_seen"], secretary["last_seen"], secretary["documents"]) == ("2017-11-30", "2021-11-17", 2)
    assert offices["Aide to the President"]["first_seen"] == "2024-09-12"


def agreement(doc: str, language: str = "en", **kw) -> FactIn:
    return fact(doc, {"kind": "plan", "parties": ["BLR", "RUS"], "signatories": [], **kw}, language=language)


def test_same_agreement_is_one_and_successive_plans_are_a_sequence():
    facts = [
        agreement("d04", title="cooperation plan between the Security Councils for 2022-2023", valid_from=2022,
                  valid_to=2023, signed="2021-11-17"),
        agreement("r03", language="ru", title="план сотрудничества на 2024−2025 годы",
                  title_en="Cooperation plan for 2024-2025", valid_from=2024, valid_to=2025),
        agreement("d01", title="two-year plan for cooperation between the Security Council offices for 2026-2027",
                  valid_from=2026, valid_to=2027, signed="2025-11-05"),
        agreement("r03b", language="ru", title="план сотрудничества между аппаратами совбезов на 2026−2027 годы",
                  title_en="Plan of cooperation between the offices of the Security Councils for 2026-2027",
                  valid_from=2026, valid_to=2027, signed="2025-11-05"),
        agreement("d01b", kind="treaty", title="treaty on security guarantees within the framework of the Union State",
                  signed="2024-12-06"),
        agreement("r03c", language="ru", kind="treaty", title="Договор о гарантиях безопасности в рамках Союзного "
                  "государства", title_en="Treaty on Security Guarantees within the Union State"),
    ]
    out = by_key(consolidate_agreements("BLR+RUS", facts))
    assert set(out) == {"BLR+RUS/plan/2022-2023", "BLR+RUS/plan/2024-2025", "BLR+RUS/plan/2026-2027",
                        "BLR+RUS/treaty/2024-12-06"}
    assert len(out["BLR+RUS/plan/2026-2027"].sources) == 2 and len(out["BLR+RUS/treaty/2024-12-06"].sources) == 2
    assert out["BLR+RUS/plan/2024-2025"].values["predecessor"] == "BLR+RUS/plan/2022-2023"
    assert out["BLR+RUS/plan/2024-2025"].values["successor"] == "BLR+RUS/plan/2026-2027"
    assert out["BLR+RUS/plan/2026-2027"].values["title_en"].startswith("two-year plan")  # an English report's title


def test_the_same_quotation_from_two_outlets_is_one_statement():
    q = "We agreed to meet again next year and to keep our experts in constant contact"
    facts = [
        fact("a", {"speaker": "Alexander Volfovich", "quote": q + ","}, published="2026-10-14"),
        fact("b", {"speaker": "Alexander Volfovich", "quote": q}, published="2026-10-15"),
        fact("c", {"speaker": "Alexander Volfovich", "quote": "to keep our experts in constant contact, he said"
                   " on the record"}, published="2026-10-15"),
        fact("d", {"speaker": "Alexander Volfovich", "quote": q}, published="2027-10-15"),  # a year later: quoted again
    ]
    out = consolidate_statements("volfovich:a", facts)
    assert sorted(len(s.sources) for s in out) == [1, 1, 2]


def test_timeline_infers_one_a_year_lists_gaps_and_numbers_an_unnumbered_meeting():
    meetings = [
        TimelineMeeting("k9", 9, "2021-11-17", "held"),
        TimelineMeeting("k10", 10, "2022-11-03", "held"),
        TimelineMeeting("kx", None, "2023-11-08", "held"),
        TimelineMeeting("k13", 13, "2025-11-05", "held"),
        TimelineMeeting("k12bad", 11, "2027-01-01", "held"),
        TimelineMeeting("k14", 14, "2026-10", "planned"),
    ]
    tl = build_timeline(CIS, meetings)
    assert tl.regular == "annual" and tl.offset == 2012
    assert [(e.ordinal, e.expected_year) for e in tl.missing] == [(12, 2024)]
    [unnumbered] = [e for e in tl.entries if e.meeting == "kx"]
    assert unnumbered.ordinal is None  # 2023's ordinal (11) is taken, if wrongly: no guess
    [bad] = [e for e in tl.entries if e.meeting == "k12bad"]
    assert any("implies 2023" in n for n in bad.notes)
    assert [e.state for e in tl.entries if e.meeting == "k14"] == ["planned"]


def test_timeline_numbers_the_only_meeting_in_a_missing_year():
    tl = build_timeline(CIS, [TimelineMeeting("a", 9, "2021-11-17", "held"), TimelineMeeting("b", 11, "2023-11-08",
                                                                                             "held"),
                              TimelineMeeting("x", None, "2022-11-03", "held")])
    [x] = [e for e in tl.entries if e.meeting == "x"]
    assert (x.ordinal, x.inferred_ordinal) == (10, True)
    assert tl.missing == []


def test_entity_corrections_edit_reject_and_settle_flags():
    facts = [meeting("a", series=CIS, ordinal=14, start="2026-10-14"), meeting("b", series=CIS, ordinal=14,
                                                                             start="2026-10-15")]
    edit = EntityCorrection(1, "edit", "start", "2026-10-15", "ana", "the ministry's own release says 15 October",
                            "2026-11-01T00:00:00+00:00", f"{CIS}/14")
    [m] = consolidate_meetings(f"s:{CIS}", facts, [edit])
    assert m.values["start"] == "2026-10-15" and m.reviewed and m.corrections == [1]
    assert m.fields["start"][0]["sources"][0]["by"] == "ana"
    assert all(f.get("resolved_by") == 1 for f in m.flags if f.get("field") == "start")
    reject = EntityCorrection(2, "reject", None, None, "ana", "not a meeting", "2026-11-01T00:00:00+00:00",
                              "gone-key", anchor=("a", 0))
    [m] = consolidate_meetings(f"s:{CIS}", facts, [reject])
    assert m.rejected  # found through its anchor fact although the key did not match


# --------------------------------------------------------------------------- merging across outlets

CSTO_SCS = "csto-security-council-secretaries"
CIS_BODY = "meeting of the secretaries of the Security Councils of the CIS member states"
SCS_NO_ORG = "meeting of the secretaries of the Security Councils"  # the body, no organisation named
CSTO_CFM = "CSTO Council of Foreign Ministers"
CSTO_CDM = "CSTO Council of Defence Ministers"


def groups(facts, block="y:2025") -> list[list[str]]:
    """Which documents each meeting holds (sorted), for assertions on grouping alone."""
    return sorted(sorted(s.document_id for s in e.sources) for e in consolidate_meetings(block, facts))


def test_same_ordinal_and_date_join_a_report_that_names_no_series():
    facts = [
        meeting("tass", series=CIS, ordinal=13, start="2025-11-05", place="Moscow", country="RUS"),
        # A Russian outlet calls it "13-я встреча секретарей совбезов" and the extractor finds no series.
        meeting("ria", ordinal=13, start="2025-11-05", name="13-я встреча секретарей совбезов", language="ru"),
        meeting("belta", ordinal=13, start="2025-11-04", end="2025-11-05", place="Moscow"),
    ]
    assert groups(facts) == [["belta", "ria", "tass"]]
    [m] = consolidate_meetings("y:2025", facts)
    assert m.key == f"{CIS}/13" and m.values["series"] == CIS


def test_series_place_and_a_close_date_join_but_a_held_date_a_week_off_with_nothing_else_does_not():
    facts = [
        meeting("a", series=CSTO_SCS, start="2024-06-06", place="Almaty", country="KAZ"),
        meeting("b", series=CSTO_SCS, start="2024-06-07", place="Almaty", country="KAZ"),  # "yesterday"
        meeting("c", series=CSTO_SCS, start="2024-06-14"),  # no place, no participants: another sitting
    ]
    assert groups(facts, "y:2024") == [["a", "b"], ["c"]]


def test_body_and_date_join_a_report_without_series_and_another_body_on_that_day_stays_apart():
    facts = [
        meeting("series", series=CIS, ordinal=9, start="2021-11-17", place="Moscow", country="RUS"),
        # "the meeting of the Security Council secretaries": the body, no organisation, no place.
        meeting("body", body=SCS_NO_ORG, start="2021-11-17", persons=["Nikolai Patrushev"]),
        meeting("cis-body", body=CIS_BODY, start="2021-11-18", place="Moscow"),
        meeting("ministers", body=CSTO_CFM, start="2021-11-17", place="Moscow", country="RUS"),
    ]
    assert groups(facts, "y:2021") == [["body", "cis-body", "series"], ["ministers"]]


def test_date_place_and_two_participants_join_reports_naming_no_body_one_shared_name_does_not():
    facts = [
        meeting("en", start="2016-10-14", place="Yerevan", country="ARM",
                persons=["Edward Nalbandian", "Sergei Lavrov", "Sergei Shoigu"]),
        meeting("ru", start="2016-10-14", place="Yerevan", country="ARM", language="ru",
                persons=["Эдвард Налбандян", "Сергей Лавров"]),
        meeting("other", start="2016-10-14", place="Yerevan", country="ARM", states=["ARM", "IRN"],
                persons=["Sergei Lavrov", "Mohammad Javad Zarif"]),
    ]
    assert groups(facts, "y:2016") == [["en", "ru"], ["other"]]


def test_a_joint_sitting_matches_by_day_place_and_name_in_any_case_ending_and_the_summit_that_day_stays_apart():
    facts = [
        meeting("r02", start="2025-11-27", place="Bishkek", country="KGZ",
                name="совместного заседания Совета министров иностранных дел, Совета министров обороны и КССБ ОДКБ"),
        meeting("r15", start="2025-11-27", place="Bishkek", country="KGZ", persons=["Imangali Tasmagambetov"],
                name="совместное заседание Совета министров иностранных дел, Совета министров обороны и КССБ"),
        meeting("summit", series="csto-collective-security-council", start="2025-11-27", place="Bishkek",
                country="KGZ", name="сессия Совета коллективной безопасности ОДКБ"),
    ]
    assert groups(facts) == [["r02", "r15"], ["summit"]]


def test_talks_alike_in_name_are_told_apart_by_their_participants():
    facts = [
        meeting("a", format="bilateral", start="2025-11-05", place="Moscow", name="talks between Shoigu and Volfovich",
                persons=["Sergei Shoigu", "Alexander Volfovich"]),
        meeting("b", format="bilateral", start="2025-11-05", place="Moscow", name="talks between Shoigu and Grigoryan",
                persons=["Sergei Shoigu", "Armen Grigoryan"]),
    ]
    assert groups(facts) == [["a"], ["b"]]


def test_an_undated_report_joins_the_one_meeting_of_its_series_and_place_before_it_two_candidates_stay_apart():
    held = [meeting("spring", series=CSTO_SCS, start="2022-04-20", place="Moscow", country="RUS"),
            meeting("june", series=CSTO_SCS, start="2022-06-17", place="Yerevan", country="ARM")]
    today = meeting("today", series=CSTO_SCS, place="Yerevan", country="ARM", published="2022-06-18")
    assert groups([*held, today], "y:2022") == [["june", "today"], ["spring"]]
    # Two sittings of the body in Yerevan that year before the report: which one, the text does not say.
    autumn = meeting("autumn", series=CSTO_SCS, start="2022-10-11", place="Yerevan", country="ARM")
    later = meeting("later", series=CSTO_SCS, place="Yerevan", country="ARM", published="2022-10-20")
    assert groups([*held, autumn, later], "y:2022") == [["autumn"], ["june"], ["later"], ["spring"]]


def test_an_undated_report_of_no_named_body_joins_the_one_sitting_held_there_within_the_month():
    facts = [
        meeting("r04", start="2017-11-30", place="Minsk", country="BLR", language="ru",
                persons=["Vladimir Makei", "Andrei Ravkov"]),
        meeting("d11", place="Minsk", country="BLR", published="2017-11-30", persons=["Sergei Lavrov"]),
        meeting("old", place="Minsk", country="BLR", published="2018-02-10"),  # months later: another one
    ]
    assert groups(facts, "y:2017") == [["d11", "r04"], ["old"]]


def test_an_announced_next_meeting_is_not_the_meeting_its_own_report_is_about():
    report = fact("d26", {"format": "multilateral", "status": "held", "series": CSTO_SCS, "start": "2022-06-17",
                          "place": "Yerevan", "country": "ARM"}, published="2022-06-17")
    nxt = fact("d26", {"format": "multilateral", "status": "planned", "series": CSTO_SCS, "country": "ARM"},
               idx=1, published="2022-06-17")
    assert groups([report, nxt], "y:2022") == [["d26"], ["d26"]]


def test_one_date_read_wrongly_is_a_conflict_on_one_meeting_and_a_date_months_away_another_meeting():
    people = ["Sergei Shoigu", "Alexander Volfovich", "Armen Grigoryan"]
    facts = [
        meeting("a", series=CIS, ordinal=13, start="2025-11-05", place="Moscow", country="RUS", persons=people),
        meeting("b", series=CIS, start="2025-11-05", place="Moscow", country="RUS", persons=people[:2]),
        meeting("typo", series=CIS, start="2025-11-14", place="Moscow", country="RUS", persons=people[1:]),
        meeting("spring", series=CIS, start="2025-06-10", place="Moscow", country="RUS", persons=people),
    ]
    ms = consolidate_meetings("y:2025", facts)
    assert sorted(sorted(s.document_id for s in m.sources) for m in ms) == [["a", "b", "typo"], ["spring"]]
    [m] = [m for m in ms if len(m.sources) == 3]
    assert m.values["start"] == "2025-11-05"
    [conflict] = [f for f in m.flags if f["code"] == "conflict" and f["field"] == "start"]
    assert [v["value"] for v in conflict["values"]] == ["2025-11-05", "2025-11-14"]


def test_never_merged_across_ordinals_series_or_bodies_whatever_else_agrees():
    facts = [
        meeting("80", ordinal=80, body="Council of Commanders of Border Troops of the CIS member states",
                start="2018-11-14", place="Bishkek"),
        meeting("81", ordinal=81, body="Council of Commanders of Border Troops of the CIS member states",
                start="2018-11-14", place="Bishkek"),
        meeting("cfm", body=CSTO_CFM, start="2006-06-22", end="2006-06-23", place="Minsk"),
        meeting("cdm", body=CSTO_CDM, start="2006-06-22", end="2006-06-23", place="Minsk"),
        meeting("csc", series="csto-collective-security-council", start="2006-06-22", place="Minsk"),
        meeting("scs", series=CSTO_SCS, start="2006-06-22", place="Minsk"),
    ]
    assert len(consolidate_meetings("y:2018", facts[:2])) == 2
    assert len(consolidate_meetings("y:2006", facts[2:])) == 4


def test_a_report_of_another_year_with_the_same_ordinal_stays_apart_in_one_block():
    facts = [meeting("a", series=CIS, ordinal=13, start="2025-11-05"),
             meeting("b", series=CIS, ordinal=13, start="2024-11-05")]  # one block: the year misread
    assert groups(facts) == [["a"], ["b"]]


def test_meeting_blocks_are_years_so_that_series_and_series_less_reports_meet():
    from parley.kb.keys import meeting_block

    assert meeting_block({"series": CIS, "start": "2025-11-05"}) == meeting_block({"start": "2025-11-05"}) == "y:2025"
    # Undated: the registry's year of a numbered meeting, else the report's reference date.
    assert meeting_block({"series": CIS, "ordinal": 9}) == "y:2021"
    assert meeting_block({"place": "Minsk"}, "2017-11-30") == "y:2017"
    assert meeting_block({"place": "Minsk"}) == "y:-"


def test_a_passing_mention_without_date_or_place_joins_its_bodys_one_meeting_of_the_month_before():
    held = [meeting("moscow", series=CIS, ordinal=13, start="2025-11-05", place="Moscow", country="RUS"),
            meeting("year", series=CIS, start="2025")]  # "this year's meeting": says nothing of when
    mention = meeting("week-later", body=SCS_NO_ORG, published="2025-11-12")
    assert groups([*held, mention]) == [["moscow", "week-later", "year"]]
    # A month and more later, or a body that met twice that month: it stays apart.
    assert groups([*held, meeting("late", series=CIS, published="2025-12-20")]) == [["late"], ["moscow", "year"]]
    twice = meeting("again", body=CIS_BODY, start="2025-11-25", place="Minsk", country="BLR")
    assert groups([*held, twice, meeting("m", series=CIS, published="2025-11-28")]) == [
        ["again"], ["m"], ["moscow", "year"]]


def test_a_meeting_named_twice_in_one_report_headline_and_text_is_one():
    text = fact("d44", {"format": "multilateral", "status": "held", "start": "2016-10-14", "country": "ARM",
                        "persons": ["Edward Nalbandian"]}, published=None)
    headline = fact("d44", {"format": "multilateral", "status": "held", "place": "Yerevan", "country": "ARM"},
                    idx=1, published=None)
    headline.doc = text.doc  # one document: its reference date is the meeting's
    assert groups([text, headline], "y:2016") == [["d44", "d44"]]


def test_the_body_named_again_by_a_report_of_the_meeting_with_a_wrong_date_is_that_meeting_flagged():
    announced = fact("tass", {"format": "multilateral", "status": "planned", "series": CIS, "ordinal": 13,
                              "start": "2025-11-05", "persons": ["Sergey Shoigu"]}, published="2025-11-05")
    # The same report: "the meeting will be the final event of the festival (31 October - 5 November)".
    festival = fact("tass", {"format": "multilateral", "status": "held", "body": SCS_NO_ORG, "start": "2025-10-31",
                             "persons": ["Sergei Shoigu"]}, idx=1, published="2025-11-05")
    held = meeting("ria", series=CIS, ordinal=13, start="2025-11-05", place="Moscow", persons=["Сергей Шойгу"])
    belta = meeting("belta", series=CIS, start="2025-11-05", place="Moscow")
    [m] = consolidate_meetings("y:2025", [announced, festival, held, belta])
    assert m.values["start"] == "2025-11-05" and len(m.sources) == 4
    assert [v["value"] for v in next(f for f in m.flags if f["field"] == "start")["values"]] == [
        "2025-11-05", "2025-10-31"]
    # Another outlet with that date and nothing but the body and one name: another meeting.
    other = meeting("other", body=SCS_NO_ORG, start="2025-10-31", persons=["Sergei Shoigu"])
    assert groups([announced, held, other]) == [["other"], ["ria", "tass"]]
