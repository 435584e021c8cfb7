"""English: how English names agreements, plans and treaties, and says they were signed."""

from __future__ import annotations

import re

from parley.lang import AgreementPhrasing

# Document words and the kind of document each names, in the order tried.
KINDS = (
    (r"treat(?:y|ies)", "treaty"), (r"conventions?", "convention"), (r"memorand(?:um|a)|MoUs?|MOUs?", "memorandum"),
    (r"declarations?|joint statement|joint communiqu[ée]|communiqu[ée]", "declaration"),
    (r"programs?|programmes?", "program"), (r"plans?", "plan"),
    (r"agreements?", "agreement"),
    (r"concepts?|strateg(?:y|ies)|roadmaps?|road maps?|protocols?|charters?|model laws?", "other"),
    (r"statements?", "declaration"),  # only one adopted or signed ("adopted a statement on ..."): see _specific
    # Only adopted or approved ones ("approved the list of additional measures ..."): see _specific.
    (r"lists? of (?:\w+ ){0,2}measures|regulations? on|(?:set|package) of (?:\w+ ){0,2}measures", "other"),
)

AGREEMENTS = AgreementPhrasing(
    document_word=re.compile(r"\b(?P<w>" + "|".join(p for p, _ in KINDS) + r")\b", re.I),
    kinds=tuple((re.compile(p, re.I), kind) for p, kind in KINDS),
    plural_endings=("s", "ies"),
    title_modifiers=re.compile(
        r"(?:(?:[A-Z][\w'’-]*|[a-z]+-year|two-year|three-year|five-year|joint|bilateral|trilateral|"
        r"multilateral|cooperation|targeted|interstate|comprehensive|new|draft|pentalateral|security|"
        r"action|work|implementation|strategic|long-term|[a-z]+al|\d{4}(?:[-–]\d{2,4})?)\s+){0,5}$"),
    determiner=re.compile(r"(?:the|a|an|its|their|this|that|these|those|our|his)\s+", re.I),
    # Commas end a title, except in a title's own list of capitalised words ("Agreement on Free
    # Trade in Services, Establishment, Operation and Investment").
    # A bracketed abbreviation stays in a title ("memorandum of understanding (MoU) on ..."); where and
    # when it was signed do not ("... at the end of the meeting", "... on 26 June").
    title_stop=re.compile(r"[.;:!?\"“”]|\((?![A-Za-z]{2,6}\))|(?<![A-Za-z])\)|,\s(?!(?-i:[A-Z][a-z]+(?:,|\s+and\s+[A-Z]|\s+[A-Z])))|\s[-–—]\s|"
                          r"\s(?:at|on)\s+(?:the\s+)?(?:end|close|conclusion|sidelines|margins)\b|\s(?:on|in)\s+\d|"
                          r"\sin\s+the\s+presence\b|"
                          r"\s(?:was|were|is|are|will|which|that|has|have|had|signed|adopted|approved|entered|"
                          r"during|by|who|aimed|as|but|it)\s|\sand\s+(?:agreed|decided|discussed|noted|called|"
                          r"held|exchanged|reviewed|signed|adopted|approved|stressed|expressed)\b|"
                          r"(?<=\d\d)\s+(?=in|on|at|signed)\b|"
                          r"\s(?:and|as well as)\s+(?:a|an|the)\s+(?:draft\s+)?"
                          r"(?=\w+\s+(?:on|of|for)\b)", re.I),
    qualifying_case=None,
    place_adjective=None,
    statement=None,
    draft=re.compile(r"\b(?:draft|drafts|proposal|proposed|would|could|may)\b", re.I),
    until=re.compile(r"\b(?:through|until|till|up to|to|by)\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    # Signing, and adopting or approving at a meeting: a council "approved the work plan" as ministers sign one.
    # "MoUs were exchanged in the presence of the two leaders": the ceremony of South Asian reports.
    signed=re.compile(r"\b(?:signed|signing|inked|concluded|adopted|approved|endorsed|(?:were|was) exchanged)\b", re.I),
    passive_signed=None,
    group_signers=re.compile(r"\b(?:the\s+)?(?:two|three|four|both)?\s*(?:ministers|leaders|presidents|heads of state|"
                             r"sides|parties|secretaries|heads of (?:the )?delegations|prime ministers)\b\s*(?:also\s+)?$",
                             re.I),
    between=re.compile(r"\bbetween\b", re.I),
    earlier=re.compile(r"\b(?:earlier|previously|before|last year|in (?:19|20)\d\d)\b", re.I),
)
