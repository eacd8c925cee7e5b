"""HTML page -> Article with trafilatura (body, title, site) and htmldate (publication date)."""
from __future__ import annotations

import logging
import re
from datetime import date

import lxml.html
import trafilatura
from htmldate import find_date

from wirecoder.models import Article

from .article import build_article, check_text, comparable
from .clean import author_names, clean_lines, take_bylines
from .dates import to_date
from .decode import decode_bytes, normalize_text
from .errors import IngestError
from .limits import env_name, limits, size_text
from .plaintext import merge_dateline

# trafilatura logs every page it finds too short; the caller reports failures itself.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)

# Free-text date search guesses from any date in the page (a copyright year, a
# date in the story); a missing date is better than a wrong one, so only
# metadata and markup (<meta>, JSON-LD, <time>, date-classed elements) count.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}
_BLOCK_TAGS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section",
               "article", "pre", "dd", "dt", "figcaption", "header", "footer", "table", "ul", "ol")


# Page parts trafilatura may keep in recall mode, by class/id words. Only small
# blocks (fewer than two paragraphs) are pruned, so that a whole story whose
# container happens to carry such a class ("post has-share-bar") is never lost.
_JUNK_WORDS = ("newsletter", "promo", "subscribe", "share", "social", "cookie", "consent", "gdpr",
               "related", "recirc", "recommend", "outbrain", "taboola", "paywall", "advert", "ad-slot",
               "ad-container", "sponsor", "author-bio", "byline", "trending", "most-read", "breadcrumb")
_PRUNE_XPATH = [
    f"//*[not(self::body or self::main or self::article)][count(.//p) < 2]"
    f"[contains(translate(concat(@class, ' ', @id), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', "
    f"'abcdefghijklmnopqrstuvwxyz'), '{word}')]"
    for word in _JUNK_WORDS
]


def _extract(html: str, url: str | None, favor_recall: bool = True):
    # Recall mode: the default drops lead paragraphs in "teaser"/"standfirst"
    # blocks and lists inside the story; the furniture recall mode lets through
    # is removed by the pruning above and by clean.py.
    return trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, include_links=False, favor_recall=favor_recall, deduplicate=False,
        date_extraction_params=_DATE_PARAMS, prune_xpath=_PRUNE_XPATH,
    )


# libxml2 stops building the tree below 256 nested elements unless told the
# document is "huge" (then at a few thousand); such pages come out empty.
_LIBXML_DEPTH = 255
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*?(/?)>")
_VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
              "source", "track", "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th"}


def nesting_depth(html: str) -> int:
    """How deeply elements nest in a page, from its tags (no parser: parsers cap depth).

    Elements whose end tag is optional (p, li, td, ...) do not count, so that
    a page of unclosed paragraphs does not look deep.
    """
    depth = deepest = 0
    for match in _TAG.finditer(html):
        if match.group(3) or match.group(2).lower() in _VOID_TAGS:
            continue
        depth = max(0, depth - 1) if match.group(1) else depth + 1
        deepest = max(deepest, depth)
    return deepest


def _extract_deep(html: str, url: str | None):
    """trafilatura on a tree parsed without libxml2's default depth limit."""
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        tree = lxml.html.document_fromstring(html, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None
    return _extract(tree, url)


def fragment_text(html: str) -> str:
    """Text of an HTML fragment (a feed item's content) with one line per block."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return ""
    for bad in root.xpath("//script|//style|//noscript|//iframe|//form|//nav|//aside|//footer"):
        bad.drop_tree()
    for el in root.iter(*_BLOCK_TAGS, "br"):
        el.tail = "\n" + (el.tail or "")
        if el.tag != "br":
            el.text = "\n" + (el.text or "")
    return root.text_content()


def _published(html: str, found: str | None) -> date | None:
    try:
        return to_date(found or find_date(html, **_DATE_PARAMS))
    except (ValueError, TypeError):
        return None


def _subheadings(doc) -> set[str]:
    """Section headings in trafilatura's body tree ("Rescue efforts"): labels, not sentences."""
    body = getattr(doc, "body", None)
    if body is None:
        return set()
    heads = {" ".join(" ".join(h.itertext()).split()) for h in body.iter("head")}
    return {h for h in heads if len(h.split()) <= 10 and not h.endswith((".", "!", "?", "\"", "”"))}


def _body_lines(text: str, title: str | None, headings: set[str] = frozenset()
                ) -> tuple[list[str], list[str]]:
    lines, credits = clean_lines(normalize_text(text))
    lines = [line for line in lines if line not in headings]
    # Pages repeat the headline above the story (trafilatura keeps the <h1>);
    # build_article drops lines equal to the title; drop a kicker/label line above it too.
    if title and len(lines) > 1 and comparable(lines[1]) == comparable(title) and len(lines[0].split()) <= 4:
        lines = lines[1:]
    return merge_dateline(take_bylines(lines, credits)), credits


def article_from_html(html: str | bytes, *, url: str | None = None, source: str | None = None,
                      published: date | None = None, title: str | None = None) -> Article:
    """An Article from an HTML page or fragment: main text without page furniture.

    `published`, when given, overrides the date found in the page; `title`
    (a feed entry's or a JSON record's) overrides the page's own.
    Raises IngestError when the page holds no article text.
    """
    item = url or "<html>"
    if isinstance(html, bytes):
        html = decode_bytes(html)
    html = normalize_text(html)
    if not html.strip():
        raise IngestError(item, "no article text found")
    check_text(html, item)
    cap = limits().max_page_bytes
    if len(html) > cap:
        raise IngestError(item, f"page is {size_text(len(html))}, over the limit of {size_text(cap)} "
                                f"(set {env_name('max_page_bytes')} to change it)")
    doc = _extract(html, url)
    text = doc.text if doc is not None else ""
    if not (text or "").strip():
        depth = nesting_depth(html)
        if depth > limits().max_html_depth:
            raise IngestError(item, f"HTML is nested {depth:,} elements deep, over the limit of "
                                    f"{limits().max_html_depth:,} (set {env_name('max_html_depth')} "
                                    "to change it)")
        if depth > _LIBXML_DEPTH:
            doc = _extract_deep(html, url)
            text = doc.text if doc is not None else ""
    if not (text or "").strip():
        text = fragment_text(html)
    if title is None and doc is not None and doc.title:
        title = doc.title
    title = normalize_text(title) if title else None
    headings = {normalize_text(h) for h in _subheadings(doc)} if doc is not None else set()
    lines, credits = _body_lines(text or "", title, headings)
    if doc is not None and doc.author:
        # trafilatura reads the byline into `author` ("Jane Doe; John Roe").
        credits = author_names(doc.author) + credits
    return build_article(
        lines, title=title, url=url or (doc.url if doc is not None else None),
        source=source or (doc.sitename if doc is not None else None),
        published=published or _published(html, doc.date if doc is not None else None),
        credits=credits,
    )
