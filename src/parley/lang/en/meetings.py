"""English: how English words meetings, who held and attended them, where and when."""

from __future__ import annotations

import re

from parley.lang import MeetingPhrasing, OrdinalCue, TalkPattern

ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                 "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
                 "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
                 "nineteenth": 19, "twentieth": 20}


def _ordinal_word(word: str) -> int | None:
    return ORDINAL_WORDS.get(word.lower())


_TALK = r"(?:bilateral\s+)?(?:talks|meetings?|consultations?|negotiations|conversations?)"


MEETINGS = MeetingPhrasing(
    # -- Meeting phrases --
    triggers=re.compile(
        # Not a press or news conference: someone speaking to journalists is no meeting of officials.
        r"\b(?<!press )(?<!news )(?P<t>meetings?|sessions?|summits?|conferences?|forums?|talks|consultations?|sittings?|"
        r"gatherings?|round ?tables?|seminars?|events?|negotiations)\b", re.I),
    generic_trigger=re.compile(r"^(?:events?|forums?)$", re.I),
    bilateral_trigger=re.compile(r"^(?:talks|consultations?|negotiations)$", re.I),
    plural_trigger=re.compile(r"^(?:meetings|sessions|summits|conferences|forums|sittings|gatherings|events)$", re.I),
    ordinals=(
        # Words between the ordinal and the meeting word, but no preposition: "the tenth full member at the
        # upcoming summit" numbers the member, not the summit.
        OrdinalCue(re.compile(r"\b(?P<o>\d{1,3})(?:st|nd|rd|th)\s+(?:(?!(?:at|in|on|for|with|to|from|by|after|before)\b)"
                              r"[\w’'-]+\s+){0,6}$", re.I), int),
        OrdinalCue(re.compile(r"\b(?P<o>" + "|".join(ORDINAL_WORDS) + r")\s+(?:(?!(?:at|in|on|for|with|to|from|by|after|"
                              r"before)\b)[\w’'-]+\s+){0,4}$", re.I), _ordinal_word),
    ),
    # "the 2021 trilateral", "80th anniversary": an ordinal of something else.
    ordinal_of_other=re.compile(r"anniversar|century|place", re.I),
    # "the first meeting since ...", "the second event of this level held in Uzbekistan this year": a count, no number
    ordinal_idiom=re.compile(r"\s+(?:[\w’'-]+\s+){0,3}?(?:after|since|in\s+(?:\w+\s+)?(?:years|decades|history)|"
                             r"of its kind|ever|of (?:this|such|that) (?:level|kind|format|rank)|this year|"
                             r"(?:held|hosted)\s+(?:in|by)\s+(?:[\w’'-]+\s+){0,2}?(?:this year|in (?:19|20)\d\d))\b", re.I),
    # What may stand before a meeting word as part of its name: numbers, capitalised words (a body's
    # name used as a modifier: "the CSTO Committee of Secretaries of Security Councils meeting";
    # "of"/"and" only between capitalised words), possessives ("Defence Ministers' meeting"),
    # adjectives, the words bodies are made of ("the defence ministers' meeting"), "round of".
    modifiers=re.compile(
        r"(?:(?:[IVXL]+|\d{1,3}(?:st|nd|rd|th)|[A-Z][\w.-]*(?:[’']s?)?(?:\s+(?:of|and|&)(?:\s+the)?(?=\s+[A-Z]))?|"
        r"[a-z]+(?:al|ar|ary|ic|ive|ed|ing|ual|nth|th|st|nd|rd|ral|ial|int|eral)|joint|regular|ninth|"
        r"annual|first|second|third|next|informal|round\s+of(?:\s+the)?|"
        r"(?:defen[cs]e|foreign|interior|home|border|security|police|ministers?|heads?|secretaries|chiefs|"
        r"leaders|government|prosecutors?|emergency|customs|expert|experts|working|level|state|staff)(?:[’']s?)?)\s+){0,8}$"),
    leading_function_words=re.compile(r"(?:the|a|an|its|their|this|that|his|her|our|of|and)\s+", re.I),
    # A comma ends the phrase unless another council of a joint sitting follows it.
    phrase_stop=re.compile(
        r"[.;:!?\"“”«»()]|,\s(?!(?:and\s+)?(?:the\s+)?(?:Council|Committee|Board|Commission)\b)|"
        r"\s[-–—]\s|\s(?:in(?! charge)|on|at|was|were|will|which|that|who|where|held|took|is|are|has|have|"
        r"had|to|via|by|under|chaired|kicked|opens|focused|hosted|featured|attended|following|agreed|discussed|signed|adopted)\s"),
    case_chain=None,
    holds=re.compile(r"\s(?:held|holds|will hold|convened|conducted|is holding)\s+(?:a|an|its|the|their)?\s*(?:[\w-]+\s+){0,3}$", re.I),
    joint=re.compile(r"\bjoint\b", re.I),
    ministerial=re.compile(r"minist", re.I),
    international=re.compile(r"international", re.I),
    multilateral=re.compile(r"member[- ](?:states|countries|nations)|multilateral|trilateral", re.I),
    bilateral=re.compile(r"bilateral", re.I),
    with_whom=re.compile(r"\s+(?:\w+\s+){0,2}?with\s", re.I),
    group=re.compile(r"\b(?:secretaries|heads|ministers|delegations|representatives|participants|leaders|members|"
                     r"counterparts|colleagues|chiefs)\b", re.I),
    official=re.compile(r"\b(?:head of state|president|prime minister|premier|minister|secretary|counterpart|adviser|"
                        r"advisor|ambassador|envoy|chairman|king|emir)\b", re.I),
    side_joiner=re.compile(r"\s*(?:[-–—/]|-?\s*and\s)\s*"),
    compound_adjective=None,
    pronoun_subject=re.compile(r"\s*(?P<p>It)\s+(?:\w+\s+){0,2}?(?:will|was|is|has been|took place|opened|brought|gathered|"
                               r"featured|focused)\b"),
    gather=re.compile(r"\b(?:gathered|met|meet|meets|will meet|received|receives|will receive|welcomed|convened|convenes|"
                      r"will convene|assembled|are meeting|discuss|discussed|"
                      r"agreed|agree|adopted|approved|exchanged|reviewed|called for|call for|signed)\b", re.I),
    their=re.compile(r"\btheir\s+(?:[\w-]+\s+)?$", re.I),
    convenes=re.compile(r"meets|will meet|meet|met|convenes|will convene|convened|gathers|will gather|gathered|"
                        r"assembled|are meeting", re.I),
    receives=re.compile(r"met|meets|will meet|received|receives|will receive|welcomed|hosted", re.I),
    collective=re.compile(r"(?:council|committee|board|assembly|structure|cent(?:er|re))", re.I),
    head_noun_before="of",
    habitual=re.compile(r"\b(?:every year|annually|traditionally|regularly|usually|each year|annual meetings|such meetings)\b", re.I),
    provided_for=re.compile(r"\b(?:providing for|provides for|provide for|envisag\w+|stipulat\w+)\s+(?:the\s+)?"
                            r"(?:holding\s+of\s+|conduct\s+of\s+)?(?:(?:the|regular|joint|annual)\s+)?(?:[\w-]+\s+){0,3}$", re.I),
    next=re.compile(r"\b(?:next|upcoming|forthcoming|future)\b", re.I),
    upcoming=re.compile(r"upcoming|forthcoming", re.I),
    demonstrative=re.compile(r"\\b(?:that|this|the same)\\s+$", re.I),
    met_before=re.compile(r"\b(?:had\s+(?:last\s+|previously\s+|already\s+)?met|last\s+met|met\s+last|previously\s+met)\b", re.I),
    previous=re.compile(r"\b(?:previous|last year's|preceding|past|last(?=\s+(?:met|meeting|session|summit|time)\b))\b",
                        re.I),
    planned=re.compile(
        r"\b(?:will|shall|is to be|are to be|to be held|is scheduled|are scheduled|scheduled|planned|plans? to|"
        r"is expected|are expected|is set to|are set to|upcoming|forthcoming|next|may hold|would|is due|are due|opens|will open|"
        r"ahead of|on the eve of|in preparation for|to hold|to chair|to host|to attend|to take part|to meet|to gather|to convene|"
        r"documents? for|drafts? for|preparations? for|"
        r"to be submitted|submitted to|invited|invites|invitations?)\b", re.I),
    held=re.compile(
        r"\b(?:was held|were held|took place|has taken place|held|hosted|attended|discussed|chaired|was attended|"
        r"is taking place|is being held|are taking part|kicked off|opened|gathered|met|took part|participated|"
        r"following|focused|featured|saw|was|were|addressed|exchanged|reviewed|signed|agreed|adopted|"
        r"considered|summed up|talked|noted|discussed|concluded|ended)\b", re.I),
    relative_clause=re.compile(r"\s*,?\s*(?:which|that|where)\s+(?:[\w-]+\s+){0,2}?", re.I),
    relative_future=re.compile(r"will", re.I),
    reporting=re.compile(r"(?:said|say|announce|report|tell|told|add|note|state)", re.I),

    # -- Meetings --
    many=re.compile(r"\b(?:participants|delegations|member states|heads of delegations)\b", re.I),
    capitalised_names=True,
    sidelines=re.compile(r"\b(?:on the sidelines|on the margins|during the meeting|within the framework|as part of|at the meeting|in the course of)\b", re.I),

    # -- Slots --
    signed=re.compile(r"\b(?:signed|signing|adopted|approved)\b", re.I),
    earlier=re.compile(r"\b(?:earlier|previously|last year|was signed|were signed)\b", re.I),
    previous_in=re.compile(r"\b(?:previous|last|preceding)\s+(?:meeting|session)\b[^.]{0,60}?\b(?:in|of)\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    # "in 2027", "in spring 2024", "in the autumn of 2025", "in early 2026"
    year_only=re.compile(r"\b(?:in|during|by)\s+(?:(?:the\s+)?(?:spring|summer|autumn|fall|winter|early|mid|late|"
                         r"first|second)(?:\s+half)?(?:\s+of)?[\s-]+)?(?P<y>(?:19|20)\d\d)\b(?!\s*[-–—]\s*\d)", re.I),
    relative_year=re.compile(r"\b(?:(?P<last>last year(?:['’]s)?|a year ago|the previous year)|(?P<next>next year(?:['’]s)?)|"
                             r"(?P<last_month>last month(?:['’]s)?)|(?P<next_month>next month(?:['’]s)?)|"
                             r"(?P<this_month>(?:later |earlier )?this month))\b", re.I),
    # Not where someone goes back to: "before he returns to Yerevan".
    place_cue=re.compile(r"(?:\bin|\bat|(?<!returns )(?<!return )(?<!returned )(?<!returning )(?<!back )\bto|hosted by|"
                         r"\bfrom)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}$", re.I),
    host_after=re.compile(r"^\s*(?:\([^)]{0,40}\)\s*)?(?:(?:yesterday|today|recently|on\s+\w+day)\s+)?"
                          r"(?:hosted|will host|is hosting|hosts|host)\b|"
                          r"^\s*,\s*(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]{2,8}\.?\s+\d{1,2})\b"),  # ", Moscow, September 30"
    capital=re.compile(r"\s+capital\b", re.I),
    here=re.compile(r"\bhere\b(?!\s+(?:is|are|was|were)\b)(?!['’]s)", re.I),
    state_in=re.compile(r"\bin\s+(?:the\s+)?$", re.I),
    joined_remotely=re.compile(r"\b(?:joined|join|joins|participated|participates|took part|takes part|connected|"
                               r"addressed(?: the \w+)?|spoke)\s+(?:\w+\s+){0,2}?(?:via|by|through|in|over|online)\s+(?:a\s+)?$", re.I),
    virtual=re.compile(r"\b(?:videoconference|video conference|video link|online|virtual\w*|videoconferencing)\b", re.I),
    chair=re.compile(
        r"(?:under the (?:chairmanship|chairpersonship|presidency) of|chaired by|presided over by|conducted by|"
        r"hosted by|moderated by|(?P<after>\bchaired\b|\bpresided over\b|\bwill chair\b|\bis to chair\b|"
        r"\bwill preside over\b|\bpresiding\b|"
        # "Putin hosted an informal meeting of the heads of state": whoever hosts a meeting chairs it.
        r"\bhosted\b(?=\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:meeting|session|sitting|summit)\b)))", re.I),
    round_host=re.compile(r"(?P<after>\b(?:held|conducted|hosted|holds|will hold)\b)|\b(?:co-chaired by|under the "
                          r"co-chairmanship of)", re.I),
    opener=re.compile(r"\b(?:opened|will open|declared open)\b(?=\s+(?:the\s+)?(?:[\w’'-]+\s+){0,4}?"
                      r"(?:meeting|session|sitting|summit|conference|talks|consultations)\b)", re.I),
    participation=re.compile(
        r"\b(?:attended|attend|attending|attendance|took part|take part|taking part|participat\w+|joined|joining|present|presence|"
        r"represents|representing|co-chair\w*|arrived|"
        r"headed by|led by|delegations?|on behalf of|received|welcomed|represented|representatives?|chaired|"
        r"speech|spoke|addressed|opened|signed|members?|heads? of delegations?|guests?|invited)\b", re.I),
    attendance=re.compile(
        r"\b(?:attended|attending|attend|in attendance|took part|take part|taking part|participated|participating|joined|joining|"
        r"(?:was|were) present|presence|headed by|led by|delegations?|on behalf of|heads? of delegations?|"
        r"(?:was|were) represented|represented by|represents|representing|represent|co-chair\w*|"
        r"arrived (?:in \w+ )?(?:to attend|for)|read out)\b", re.I),
    negation=re.compile(r"\b(?:not|no|except|excluding|absent|without|apart from|did not see|never)\b", re.I),
    negation_after=re.compile(r"\b(?:did not|didn't|do not|does not|were not|was not|will not|won't|would not|"
                              r"is not|are not|cannot|can't|never|are absent|were absent|stayed away|refused)\b", re.I),
    hedged=re.compile(r"\b(?:may|might|could)\b"),
    points_back=re.compile(r"\b(?:in it|at it|in the event|in the meeting|in the session|there|in the work of the "
                           r"(?:council|meeting|session|committee|forum|summit))\b", re.I),
    on_behalf=re.compile(r"\b(?:on behalf of|greetings? (?:from|of)|message (?:from|of)|address (?:from|of))"
                         r"(?:\s+[\w’'.-]+){0,4}\s*$", re.I),
    # "representatives of", "attended by", "delegations from", "heads of the Security Councils of".
    list_cue=re.compile(r"(?:\b(?:representatives?|delegations?|delegates|heads?|secretar(?:y|ies)|ministers?|leaders?|"
                        r"ambassadors?|envoys?|colleagues|counterparts|participation|"
                        r"officials?|participants?|members?|chiefs?|advis[eo]rs?|leadership|bodies)\b[^.;,]{0,50}?"
                        r"\b(?:of|from)(?:\s+(?:the\s+)?(?:\w+\s+)?(?:countries|states|nations)\s*[-–—:(])?|"
                        r"\battended by|\b(?:states|countries)\s*[-–—(:]|"
                        r"\b(?:took part|participated|attended|were represented|were present)\s*:)\s*(?:the\s+)?$", re.I),
    # "Kazakhstan, People's Republic of China, the Republic of Tajikistan": a state's formal name runs
    # past what the gazetteer matched ("Russia Federation") or starts before it.
    list_join=re.compile(r"^\s*(?:federation\s*)?(?:,|and|,\s*and|,?\s*as well as(?:\s+(?:from|of))?|&)\s*(?:the\s+)?"
                         r"(?:(?:people['’]s\s+|islamic\s+|socialist\s+|democratic\s+)?(?:republic|kingdom|state)\s+of\s+(?:the\s+)?)?$",
                         re.I),
    delegation_after=re.compile(r"\s*(?:delegations?|side)", re.I),
    clause_break=re.compile(r"[,;]|\bbut\b"),
    attended_after=re.compile(r"\s*(?:also\s+|all\s+)?(?:took part|attended|participated|were represented|sent delegations|"
                              r"joined)\b", re.I),
    represented_after=re.compile(r"\s*(?:is|was|were|are|will be)\s+represented\b", re.I),
    trailing_auxiliaries=re.compile(r"(?:\s+(?:had|have|has|will|would|were|was|are|is|shall))+\s*$"),
    in_place=re.compile(r"\s+in\s+(?:the\s+)?"),
    citation_forms={},  # English meeting words do not decline

    # -- Talks between two people --
    talk_words=re.compile(r"\b(?:talks|meetings?|consultations?|negotiations|conversations?|met|meets|meet|received|"
                          r"receives|receive|welcomed|hosted|called on|calls on|call on)\b", re.I),
    talks=(
        # talks between X and Y
        TalkPattern(re.compile(rf"\b{_TALK}\s+(?:between|of)\s+(?P<a>.{{2,120}}?)\s+(?:and|with)\s+(?P<b>.{{2,120}}?)(?=[,;]|\.(?!\w)|\s+(?:in|on|at|to|reviewed|discussed)\b|$)", re.I), "ab"),
        # X held talks with Y / X met (with) Y
        # X held (the 10th round of strategic) talks with Y
        TalkPattern(re.compile(rf"(?P<a>.{{2,160}}?)\s+(?:held|had|conducted|holds|will hold|co-chaired)\s+(?:[^,.;]{{0,80}}?\s)?{_TALK}\s+(?:[^,.;]{{0,30}}?\s)?with\s+(?P<b>.{{2,160}}?)(?=[,;]|\.(?!\w)|\s+(?:to|in|on|at|and discussed)\b|$)", re.I), "ab"),
        TalkPattern(re.compile(r"(?P<a>.{2,120}?)\s+(?:met|meets|will\s+(?:also\s+)?meet|is meeting|(?:is|are|was|were)\s+(?:\w+\s+)?to\s+meet)\s+(?:with\s+)?(?P<b>.{2,160}?)(?=[,;]|\.(?!\w)|\s+(?:to|in|on|at)\b|$)", re.I), "ab"),
        # A visitor calls on a host: "the Iranian official called on External Affairs Minister S Jaishankar"
        TalkPattern(re.compile(r"(?P<a>.{2,120}?)\s+(?:called on|calls on|will\s+(?:also\s+)?call on|paid (?:a )?(?:courtesy )?call on)\s+(?P<b>.{2,160}?)(?=[,;]|\.(?!\w)|\s+(?:to|in|on|at|for)\b|$)", re.I), "ab"),
        # A host receives a visitor: "President X received Secretary Y", "X will receive the delegation led by Y"
        TalkPattern(re.compile(r"(?P<a>.{2,120}?)\s+(?:received|receives|will receive|is to receive|welcomed|hosted)\s+(?!by\b)(?P<b>.{2,160}?)(?=[,;]|\.(?!\w)|\s+(?:to|in|on|at|for)\b|$)", re.I), "ab"),
        # "The consultations were co-chaired by X and Y", "X and Y co-chaired the talks"
        TalkPattern(re.compile(rf"{_TALK}\s+(?:were|was)\s+(?:co-chaired|held|led|conducted)\s+by\s+(?P<a>.{{2,120}}?)\s+and\s+(?P<b>.{{2,120}}?)(?=[,;]|\.(?!\w)|\s+(?:in|on|at)\b|$)", re.I), "ab"),
        TalkPattern(re.compile(rf"(?P<a>.{{2,120}}?)\s+and\s+(?P<b>.{{2,120}}?)\s+(?:co-chaired|held|led)\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}{_TALK}\b", re.I), "ab"),
        # X's meeting with Y ("a meeting of X with Y" is the first pattern)
        TalkPattern(re.compile(rf"(?P<a>.{{2,120}}?)[’']s?\s+(?:[\w-]+\s+){{0,3}}{_TALK}\s+with\s+(?P<b>.{{2,160}}?)(?=[,;]|\.(?!\w)|\s+(?:to|in|on|at)\b|$)", re.I), "ab"),
        # Y following the talks with X (the subject of the sentence is the other side)
        TalkPattern(re.compile(rf"(?:following|after|during|at|in|for)\s+(?:(?:the|a|an|his|her|their)\s+)?(?:[\w-]+\s+){{0,3}}{_TALK}\s+with\s+(?P<b>.{{2,160}}?)(?=[,;]|\.(?!\w)|\s+(?:and|in|on|at)\b|$)", re.I), "subject"),
    ),
    talk_joined=re.compile(r"\band\b", re.I),
    guest=re.compile(r"guest|visit", re.I),
    talks_group=re.compile(r"\b(?:secretaries|heads|ministers|delegations|representatives|participants|leaders|members)\b", re.I),
    person_word=re.compile(r"\b(?:official|guest|visitor|envoy|delegate|leader|counterpart|minister|diplomat)\b", re.I),
    pronoun=re.compile(r"\s*(?:He|She)(?!\w)"),
    delegation=re.compile(r"\s*(?:(?:a|the|an)\s+)?(?:[\w-]+\s+){0,2}?delegations?\b", re.I),
    complement=re.compile(r"\bthat\b", re.I),
    person_clause=re.compile(r",\s*(?:who|whose|whom)\b[^,;.]{0,140},", re.I),
)
