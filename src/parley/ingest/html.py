"""HTML pages: metadata, and a copy of the source that keeps only the article text in place.

trafilatura knows which text is the article but returns it as a new string, so its
offsets are useless to us. We therefore scan the source ourselves into a "visible"
stream that sits at the source's own offsets, find trafilatura's lines in it, and
blank everything else.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.entities import html5
from typing import Any
from urllib.parse import urlsplit


def _tags(names: str) -> frozenset[str]:
    return frozenset(names.split())


_BLOCK = _tags(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr td th table section article header footer nav aside "
    "blockquote pre hr figure figcaption main dd dt dl form body html title caption details summary"
)
# Elements whose content is raw text up to the matching end tag; none of it is visible.
_RAW_TEXT = _tags("script style noscript textarea title xmp iframe noembed noframes")
# Elements whose whole subtree is invisible; skipped up to the matching end tag.
_SKIPPED = _tags("template svg math")
_VOID = _tags("area base br col embed hr img input link meta param source track wbr keygen")

# How sure we are that an element is page furniture rather than article. SURE: trafilatura's
# lines found only there are dropped too. LIKELY: only left out when trafilatura fails; class
# names and <form> (some sites wrap the whole page in one) are too unreliable for more.
NOT_CHROME, LIKELY_CHROME, SURE_CHROME = 0, 1, 2
_CHROME_TAGS = _tags("nav aside menu")
_PAGE_CHROME_TAGS = _tags("header footer")  # furniture only outside <article> and <main>
_ARTICLE_TAGS = _tags("article main")
_CHROME_ROLES = _tags("navigation banner contentinfo complementary menu menubar search")
# Only elements that are normally closed explicitly: an unclosed <li class="menu"> would
# swallow the rest of the page.
_CLASS_CHECKED = _tags("div section ul ol table")
_CHROME_CLASS = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|cookies?|consent|share|sharing|social|"
    r"sidebar|footer|related|newsletter|subscribe|comments?|advert\w*|ads?|promo)(?:$|[\s_-])",
    re.IGNORECASE,
)
_ATTR = re.compile(r"""\b(class|id|role)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)

_MARKUP = re.compile(
    r"""
      <!--.*?(?:--!?>|\Z)                 # comment; an unterminated one runs to the end
    | <![^>]*(?:>|\Z)                     # doctype, CDATA, bogus comment
    | <\?[^>]*(?:>|\Z)                    # processing instruction
    | </>
    | </[^A-Za-z>][^>]*(?:>|\Z)           # bogus end tag
    | </?(?P<name>[A-Za-z][^\s/>]*)
      (?P<attrs>(?:=\s*"[^"]*"|=\s*'[^']*'|[^>])*)
      (?:>|\Z)                            # a tag cut off by the end of the file still ends there
    """,
    re.DOTALL | re.VERBOSE,
)
_REF = re.compile(r"&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{0,31};?)")
_NOT_LINE_BREAK = re.compile(r"[^\r\n]")
_IGNORABLE = frozenset("\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff")

_PREFIX_CHARS = 40
_MIN_COVERAGE = 0.5


@dataclass(frozen=True)
class HtmlPage:
    """``text`` is ``raw`` with everything but the main content blanked (same length)."""

    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class _Scan:
    visible: str
    spans: list[tuple[int, int, int]]  # text nodes: start, end, chrome level
    title: str | None


def read_html(raw: str, *, url: str | None = None) -> HtmlPage:
    """Mask ``raw`` down to its main content and collect its metadata; never raises on bad markup."""
    scan = _scan(raw)
    meta, error = _trafilatura(raw, url)
    notes: list[str] = []
    regions = _main_regions(scan, meta.get("text") or "", meta.get("title"))
    if regions is None:
        regions = [(start, end) for start, end, chrome in scan.spans if chrome == NOT_CHROME]
        if error:
            why = f"trafilatura failed: {error}"
        elif meta.get("text"):
            why = "trafilatura's main text could not be located in the page"
        else:
            why = "trafilatura found no main text"
        notes.append(f"{why}; kept all visible text outside navigation, header and footer")
    page_url = _clean(meta.get("url")) or url
    return HtmlPage(
        text=_mask(scan.visible, regions),
        title=_clean(meta.get("title")) or scan.title,
        date=_clean(meta.get("date")),
        url=page_url,
        source=_clean(meta.get("sitename")) or hostname(_clean(meta.get("hostname")) or page_url),
        notes=notes,
    )


def visible_text(raw: str) -> str:
    """The page's visible text at its source offsets, with no main-text detection: the fast view
    the crawl pre-filter reads (trafilatura costs far more than this scan)."""
    return _scan(raw).visible


def hostname(url: str | None) -> str | None:
    """The host of a URL (or a bare host name) without "www."; None when there is none."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:  # e.g. a malformed IPv6 address
        return None
    return host.removeprefix("www.") if host else None


def _trafilatura(raw: str, url: str | None) -> tuple[dict[str, Any], str | None]:
    try:
        import trafilatura

        # Dates the page marks as its own (metadata, <time>, a dated URL), not the extensive
        # search, which takes a footer's "© 2025" for 2025-01-01: a report misdated is worse than
        # an undated one (its relative dates, "on Tuesday", would be resolved against it).
        result = trafilatura.bare_extraction(raw, url=url, with_metadata=True, include_comments=False,
                                             date_extraction_params={"extensive_search": False,
                                                                     "original_date": True})
    except Exception as error:  # a broken page or install must cost us the main text, not the run
        return {}, f"{type(error).__name__}: {error}"
    if result is None:
        return {}, None
    return (result.as_dict() if hasattr(result, "as_dict") else dict(result)), None


def _clean(value: object) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def _scan(raw: str) -> _Scan:
    """The visible text at its source offsets; markup becomes spaces, block tags a line break.

    Line breaks in the source are whitespace in HTML: a sentence wrapped in the source must
    stay one sentence, so only block elements make line breaks."""
    visible = [" "] * len(raw)
    spans: list[tuple[int, int, int]] = []
    chrome: list[list[Any]] = []  # [tag name, nesting depth, level] of open furniture elements
    in_article = 0
    title: str | None = None
    pos, size = 0, len(raw)
    while pos < size:
        match = _MARKUP.search(raw, pos)
        stop = match.start() if match else size
        if stop > pos:
            _copy_text(raw, visible, pos, stop)
            spans.append((pos, stop, max((entry[2] for entry in chrome), default=NOT_CHROME)))
        if match is None:
            break
        pos = match.end()
        if not match.group("name"):
            continue
        name = match.group("name").lower()
        if name in _BLOCK:
            visible[match.start()] = "\n"
        if raw[match.start() + 1] == "/":
            if name in _ARTICLE_TAGS:
                in_article = max(in_article - 1, 0)
            if chrome and chrome[-1][0] == name:
                chrome[-1][1] -= 1
                if chrome[-1][1] == 0:
                    chrome.pop()
            continue
        attrs = match.group("attrs")
        self_closing = attrs.rstrip().endswith("/")
        if name in _RAW_TEXT or (name in _SKIPPED and not self_closing):
            end = re.compile(rf"</{re.escape(name)}(?=[\s/>]|\Z)", re.IGNORECASE).search(raw, pos)
            content_end = end.start() if end else size
            if name == "title" and title is None:
                title = html.unescape(raw[pos:content_end]).strip() or None
            pos = content_end
            continue
        if name in _VOID or self_closing:
            continue
        if name in _ARTICLE_TAGS:
            in_article += 1
        if chrome and chrome[-1][0] == name:
            chrome[-1][1] += 1
        elif level := _chrome_level(name, attrs, in_article > 0):
            chrome.append([name, 1, level])
    return _Scan("".join(visible), spans, title)


def _chrome_level(name: str, attrs: str, in_article: bool) -> int:
    if name in _CHROME_TAGS or (name in _PAGE_CHROME_TAGS and not in_article):
        return SURE_CHROME
    level = LIKELY_CHROME if name == "form" else NOT_CHROME
    for key, *values in _ATTR.findall(attrs):
        value = "".join(values)
        if key.lower() == "role" and value.strip().lower() in _CHROME_ROLES:
            return SURE_CHROME
        if name in _CLASS_CHECKED and key.lower() in ("class", "id") and _CHROME_CLASS.search(value):
            level = LIKELY_CHROME
    return level


def _copy_text(raw: str, visible: list[str], start: int, end: int) -> None:
    """Copy a text node; each character reference becomes its character, padded with spaces."""
    visible[start:end] = raw[start:end].replace("\r", " ").replace("\n", " ")
    for ref in _REF.finditer(raw, start, end):
        decoded = _decode_ref(ref.group())
        if decoded is None:
            continue
        chars, used = decoded
        visible[ref.start() : ref.start() + used] = chars[:used].ljust(used)


def _decode_ref(ref: str) -> tuple[str, int] | None:
    """The characters a reference stands for and how many source characters it uses."""
    if ref[1] == "#":
        return html.unescape(ref), len(ref)
    if ref.endswith(";") and ref[1:] in html5:
        return html5[ref[1:]], len(ref)
    name = ref[1:].rstrip(";")
    # Legacy references such as "&amp" or "&copy2024" work without the semicolon.
    for length in range(len(name), 1, -1):
        if name[:length] in html5:
            return html5[name[:length]], length + 1
    return None


def _squeeze(text: str) -> str:
    return "".join(c for c in text if not c.isspace() and c not in _IGNORABLE)


def _units(line: str) -> list[list[str]]:
    """trafilatura's rendering of one line, undone: table rows split into cells; a list item's
    bullet dropped, unless the page wrote it (an interview's "- Question" paragraphs), which is
    tried first. Each unit is given as the forms to look for, in order."""
    stripped = line.strip()
    if stripped.startswith("|"):
        return [[cell] for cell in stripped.split("|") if cell.strip()]
    if stripped.startswith("- "):
        return [[stripped, stripped[2:]]]
    return [[stripped]]


def _main_regions(scan: _Scan, main_text: str, title: object) -> list[tuple[int, int]] | None:
    """Source ranges holding trafilatura's main text; None when it cannot be located well enough."""
    visible = scan.visible
    offsets: list[int] = []
    chrome = bytearray()
    for start, end, level in scan.spans:
        kept = [i for i, c in enumerate(visible[start:end], start) if not c.isspace() and c not in _IGNORABLE]
        offsets.extend(kept)
        chrome.extend(bytes([level]) * len(kept))
    key = "".join([visible[i] for i in offsets])  # the page's visible text without whitespace

    found: list[tuple[int, int]] = []  # ranges in key
    cursor = matched = total = 0
    for line in main_text.splitlines():
        for forms in _units(line):
            hit = None
            for form in forms:
                wanted = _squeeze(form)
                if wanted and (hit := _find(key, wanted, cursor, chrome)):
                    break
            if not wanted:
                continue
            total += len(wanted)
            # trafilatura's fallback extractors can return menus; those stay blank.
            if hit and chrome.count(SURE_CHROME, *hit) < hit[1] - hit[0]:
                found.append(hit)
                cursor = hit[1]
                matched += hit[1] - hit[0]
    if not total or matched < _MIN_COVERAGE * total:
        return None

    title_key = _squeeze(title) if isinstance(title, str) else ""
    if title_key and not any(title_key in key[start:end] for start, end in found):
        # The headline often sits outside the block trafilatura picked; keep it if it is on the page.
        hit = _find_last(key, title_key, found[0][0], chrome)
        if hit:
            found.append(hit)
    return [(offsets[start], offsets[end - 1] + 1) for start, end in found]


def _find(key: str, wanted: str, cursor: int, chrome: bytearray) -> tuple[int, int] | None:
    """The first match of ``wanted`` at or after ``cursor``, preferring one outside navigation.

    A line not found whole is looked up by its first characters and extended as far as it agrees.
    """
    start = _first_outside_chrome(key, wanted, cursor, chrome)
    if start >= 0:
        return start, start + len(wanted)
    prefix = wanted[:_PREFIX_CHARS]
    if prefix == wanted:
        return None
    start = _first_outside_chrome(key, prefix, cursor, chrome)
    if start < 0:
        return None
    end = start + len(prefix)
    while end - start < len(wanted) and end < len(key) and key[end] == wanted[end - start]:
        end += 1
    return start, end


def _first_outside_chrome(key: str, wanted: str, cursor: int, chrome: bytearray) -> int:
    first = start = key.find(wanted, cursor)
    while start >= 0 and chrome[start]:
        start = key.find(wanted, start + 1)
    return start if start >= 0 else first


def _find_last(key: str, wanted: str, before: int, chrome: bytearray) -> tuple[int, int] | None:
    start = key.rfind(wanted, 0, before)
    while start >= 0 and chrome[start]:
        start = key.rfind(wanted, 0, start + len(wanted) - 1)
    return (start, start + len(wanted)) if start >= 0 else None


def _mask(visible: str, regions: list[tuple[int, int]]) -> str:
    """``visible`` inside the regions, blanks (line breaks kept) outside them."""
    pieces: list[str] = []
    last = 0
    for start, end in sorted(regions):
        start = max(start, last)
        if end <= start:
            continue
        pieces.append(_NOT_LINE_BREAK.sub(" ", visible[last:start]))
        pieces.append(visible[start:end])
        last = end
    pieces.append(_NOT_LINE_BREAK.sub(" ", visible[last:]))
    return "".join(pieces)
