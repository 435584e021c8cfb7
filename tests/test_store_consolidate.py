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
