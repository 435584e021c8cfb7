"""English: how English attributes a quotation ("...," Volfovich said) and marks a speech."""

from __future__ import annotations

import re

from parley.lang import StatementPhrasing

STATEMENTS = StatementPhrasing(
    speech_verb=(
        r"(?:said|says|say|noted|notes|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|added|adds|told|tells|stated|states|"
        r"declared|explained|explains|concluded|summari[sz]ed|underlined|underscored|pointed out|recalled|remarked|"
        r"continued|insisted|warned|urged|asserted|acknowledged|believes|believed|wrote|writes|observed|replied|"
        r"answered|announced|assured|argued|reiterated|highlighted|commented|confirmed|expressed confidence|"
        r"expressed hope|noted with satisfaction|shared|reads|read|indicated|went on|was quoted as saying)"),
    pronoun=re.compile(r"^\s*(?:he|she|He|She)\b"),
    institution=re.compile(r"\b(?:press service|press office|ministry|statement|communiqu|report|briefing|document|"
                           r"release|agency|website|notes|the council|the committee|the secretariat|sources?)\b", re.I),
    greeting=re.compile(r"\b(?:sent|send|sends|addressed|delivered)\b[^.]{0,40}\b(?:greeting|message|address|telegram)", re.I),
    speech_title=re.compile(r"(?P<who>[^\n]{3,80}?)(?:['’]s?|\s+(?:delivers|gives))\s+(?:speech|remarks|address|opening remarks|statement|lecture)\b", re.I),
    first_person=re.compile(r"\b(?:we|our|us|I|my)\b"),
    role_heads={},  # English roles are the records' own title words
)
