"""HTML pages -> Article: page furniture out, title/date from metadata, all paragraphs kept."""
from __future__ import annotations

from datetime import date

import pytest

from wirecoder.ingest import IngestError, article_from_html

FIRST = ("Protesters set fire to tyres and blocked roads in the port city of Mombasa on Thursday, "
         "a day after parliament approved new fuel taxes, police said.")
LAST = "Opposition leaders have called for a national strike on Monday if the taxes are not withdrawn."

PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Fuel Tax Protests Spread to Mombasa | Coast Herald</title>
<meta property="og:title" content="Fuel Tax Protests Spread to Mombasa">
<meta property="og:site_name" content="Coast Herald">
<meta property="article:published_time" content="2023-07-06T19:30:00+03:00">
<link rel="canonical" href="https://coast-herald.example/news/fuel-tax-protests-mombasa">
</head><body>
<div class="cookie-banner"><p>This site uses cookies to improve your experience and show you relevant ads.</p>
<button>Accept cookies</button></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/kenya">Kenya</a></li><li><a href="/biz">Business News Today</a></li></ul></nav>
<div class="ad-slot">Advertisement</div>
<article>
<h1>Fuel Tax Protests Spread to Mombasa</h1>
<div class="byline">By Grace Wanjiku</div>
<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on WhatsApp</a></div>
<p>{FIRST}</p>
<p>Police turned water cannon on crowds near the Likoni ferry and said 23 people had been arrested
for looting shops. "Anyone who destroys property will face the full force of the law," regional police
commander Peter Otieno told reporters.</p>
<div class="ad-slot">Advertisement</div>
<p>Traders said most shops in the city centre stayed shut. A hospital official said 11 wounded people had
arrived at the county hospital, two of them with gunshot wounds.</p>
<p>{LAST}</p>
</article>
<aside class="related"><h3>Further coverage</h3><ul>
<li><a href="/a">Nairobi commuters stranded as matatus strike</a></li>
<li><a href="/b">Shilling slides against dollar for fifth day</a></li></ul></aside>
<footer><p>&copy; 2023 Coast Herald. All rights reserved.</p><a href="/contact">Contact the newsroom</a></footer>
</body></html>"""


@pytest.fixture(scope="module")
def article():
    return article_from_html(PAGE)


def test_metadata(article):
    assert article.title == "Fuel Tax Protests Spread to Mombasa"
    assert article.published == date(2023, 7, 6)
    assert article.source == "Coast Herald"
    assert article.url == "https://coast-herald.example/news/fuel-tax-protests-mombasa"
    assert article.credits == ["Grace Wanjiku"]


def test_first_and_last_paragraph_kept(article):
    lines = article.text.split("\n")
    assert lines[0] == FIRST
    assert lines[-1] == LAST
    assert len(lines) == 4


@pytest.mark.parametrize("junk", [
    "This site uses cookies", "Accept cookies", "Business News Today", "Advertisement",
    "Share on Facebook", "Further coverage", "Nairobi commuters stranded", "Shilling slides",
    "All rights reserved", "Contact the newsroom", "Fuel Tax Protests Spread to Mombasa", "Grace Wanjiku",
])
def test_page_furniture_absent(article, junk):
    assert junk not in article.text


def test_published_override_and_bytes_input():
    art = article_from_html(PAGE.encode("utf-8"), url="https://mirror.example/x", source="Mirror",
                            published=date(2023, 7, 7))
    assert art.published == date(2023, 7, 7)
    assert (art.url, art.source) == ("https://mirror.example/x", "Mirror")


def test_declared_legacy_charset_is_honoured():
    page = ("<html><head><meta charset=\"windows-1252\"><title>Caf\u00e9 bombing</title></head><body>"
            "<article><h1>Bomb Hits Caf\u00e9 in Bogot\u00e1</h1>"
            "<p>A bomb exploded at a caf\u00e9 in Bogot\u00e1 on Friday, wounding at least six people, "
            "police said. \u201cIt was a cowardly attack,\u201d the mayor said.</p></article></body></html>")
    art = article_from_html(page.encode("cp1252"))
    assert "caf\u00e9 in Bogot\u00e1" in art.text and "\u201cIt was a cowardly attack,\u201d" in art.text


def test_fragment_without_page():
    art = article_from_html("<p>Rebels freed 12 hostages in Goma on Sunday, the army said.</p>")
    assert art.text == "Rebels freed 12 hostages in Goma on Sunday, the army said."


def test_page_without_text_is_an_error():
    with pytest.raises(IngestError) as err:
        article_from_html("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert str(err.value) == "no article text found"


def test_teaser_lead_kept_subheadings_and_inline_promos_dropped():
    page = """<html><head><meta property="og:title" content="Quake Shakes Eastern Anatolia"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="story">
<h1>Quake Shakes Eastern Anatolia</h1>
<div class="teaser-content"><p>A magnitude 5.9 earthquake struck eastern Turkey early on Monday, killing at least
four people and damaging hundreds of buildings, the disaster agency said.</p></div>
<h2>Search for survivors</h2>
<p>Rescue teams pulled 14 people alive from collapsed buildings in Malatya province, the interior minister said.</p>
<div class="inline-promo"><p>Want more stories like this? Our world newsletter brings you the best of our coverage.</p></div>
<p>Aftershocks continued through the morning, and schools in the province were closed for the week.</p>
</div>
<div class="related-stories"><a href="/x">Lira falls to a record low against the dollar</a></div>
</body></html>"""
    art = article_from_html(page)
    lines = art.text.split("\n")
    assert lines[0].startswith("A magnitude 5.9 earthquake struck eastern Turkey early on Monday")
    assert lines[-1] == "Aftershocks continued through the morning, and schools in the province were closed for the week."
    assert "Search for survivors" not in art.text
    assert "newsletter" not in art.text and "Lira falls" not in art.text
    assert len(lines) == 3
