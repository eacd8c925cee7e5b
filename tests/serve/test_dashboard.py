"""The dashboard in real headless Chromium, against a real server on a loopback port.

The demo corpus (examples/) is ingested with the CLI into a temporary SQLite
database; every number and name the page shows is checked against what the
store's own queries say. Any request to a host other than the loopback
server fails the test. Screenshots of each view go to build/screenshots/.
"""
from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from live_server import serving
from wirecoder.serve.api import create_app
from wirecoder.serve.cli import main
from wirecoder.store import Filters, Store
from wirecoder.store.testing import in_ci, temporary_sqlite

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SHOTS = ROOT / "build" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWS = ("timeline", "map", "network", "events")


@contextmanager
def chromium():
    """A Playwright browser context on Debian's Chromium with a fresh profile."""
    if not os.path.exists(CHROMIUM):
        if in_ci():
            pytest.fail(f"{CHROMIUM} is missing (CI=true): .ci/run installs it with apt-get")
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="wirecoder-chromium-")
    try:
        with sync_playwright() as p:
            context = p.chromium.launch_persistent_context(
                profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
                viewport={"width": 1280, "height": 900}, accept_downloads=True)
            try:
                yield context
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def demo(nlp):
    """(base URL, Store) of a server over the ingested demo corpus."""
    with temporary_sqlite() as url:
        assert main(["ingest", str(EXAMPLES), "--db", url, "--published", "2024-03-18"]) == 0
        store = Store(url)
        with serving(create_app(store, token="")) as base:
            yield base, store
        store.close()


@pytest.fixture(scope="module")
def browser(demo):
    with chromium() as context:
        yield context


@pytest.fixture
def page(browser, demo):
    """A page whose requests may only go to the loopback server; others fail the test."""
    base, _ = demo
    outside: list[str] = []
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    def guard(route):
        host = urlsplit(route.request.url).hostname
        if host in ("127.0.0.1", "localhost", "::1") or route.request.url.startswith("data:"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    yield page
    page.close()
    assert outside == [], f"requests left the machine: {outside}"
    assert errors == [], f"errors in the page: {errors}"


def shot(target, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    target.screenshot(path=str(SHOTS / f"{name}.png"))


def rendered(page) -> int:
    return int(page.evaluate("Number(document.body.dataset.rendered || 0)"))


def open_dashboard(page, base: str, hash_: str = "#/") -> None:
    page.goto(f"{base}/{hash_}")
    wait_views(page, 0)


def wait_views(page, before: int) -> None:
    """Until the dashboard has drawn again after `before` renders, every view ready."""
    page.wait_for_function("n => Number(document.body.dataset.rendered || 0) > n", arg=before, timeout=30000)
    for view in VIEWS:
        page.wait_for_selector(f'[data-view="{view}"][data-state="ready"]', timeout=30000)


def all_events(store: Store, f: Filters | None = None) -> list[dict]:
    return store.query_events(f or Filters(), limit=None)[0]


def actor_key(a: dict | None):
    return (a.get("code") or a.get("name")) if a else None


def test_every_dashboard_view_shows_what_the_database_holds(page, demo):
    base, store = demo
    open_dashboard(page, base)
    events = all_events(store)
    assert len(events) > 20
    assert page.inner_text("#events [data-total]") == f"{len(events)} merged events"
    by_type = Counter(e["type"] for e in events)
    for button in page.query_selector_all("#events [data-types] button"):
        assert int(button.query_selector(".n").inner_text()) == by_type.get(button.get_attribute("data-type"), 0)
    rows = page.query_selector_all("#events tbody tr")
    assert len(rows) == min(50, len(events))
    assert [int(r.get_attribute("data-event-id")) for r in rows] == [e["id"] for e in events[:50]]
    assert rows[0].query_selector("[data-evidence]").inner_text() == events[0]["evidence"]["text"].strip()

    # Timeline: every dated event in one bar, each bar's count as stored.
    bars = page.query_selector_all("#timeline rect[data-count]")
    per_day = Counter((e["date"], e["type"]) for e in events if e["date"])
    assert {(b.get_attribute("data-date"), b.get_attribute("data-type")): int(b.get_attribute("data-count"))
            for b in bars} == per_day

    # Map: the markers carry every report of the events with coordinates.
    located = [e for e in events if e["place"] and e["place"]["lat"] is not None]
    markers = page.query_selector_all("#map [data-reports]")
    assert markers and sum(int(m.get_attribute("data-reports")) for m in markers) == \
        sum(e["num_reports"] for e in located)

    # Network: one node per actor of the events that have both a source and a target.
    pairs = Counter((actor_key(e["source"]), actor_key(e["target"])) for e in events if e["source"] and e["target"])
    shown = {n.get_attribute("data-actor") for n in page.query_selector_all("#network [data-actor]")}
    top = dict(sorted(pairs.items(), key=lambda kv: -kv[1])[:60])
    assert {a for pair in top for a in pair} <= shown <= {a for pair in pairs for a in pair}
    assert len(page.query_selector_all("#network .edge[data-count]")) == min(60, len(pairs))

    shot(page, "dashboard")
    for view in VIEWS:
        shot(page.locator(f"#{view}"), view)


def test_a_type_filter_and_a_timeline_brush_change_every_other_view(page, demo):
    base, store = demo
    open_dashboard(page, base)
    before = rendered(page)
    page.select_option("#filters select[name=type]", "ASSAULT")
    wait_views(page, before)
    assaults = all_events(store, Filters(type="ASSAULT"))
    assert 0 < len(assaults) < len(all_events(store))
    assert page.inner_text("#events [data-total]") == f"{len(assaults)} merged events"
    assert {r.get_attribute("data-type") for r in page.query_selector_all("#timeline rect[data-type]")} == {"ASSAULT"}
    located = [e for e in assaults if e["place"] and e["place"]["lat"] is not None]
    assert sum(int(m.get_attribute("data-reports")) for m in page.query_selector_all("#map [data-reports]")) == \
        sum(e["num_reports"] for e in located)
    assert "type=ASSAULT" in page.get_attribute("#events [data-download=csv]", "href")

    # Brush the last day of the timeline: since/until are set, the table shows that day only.
    bars = page.query_selector_all("#timeline rect[data-date]")
    last_day = max(b.get_attribute("data-date") for b in bars)
    bar = page.locator(f'#timeline rect[data-date="{last_day}"]').first.bounding_box()
    before = rendered(page)
    page.mouse.move(bar["x"] + 1, bar["y"] + bar["height"] / 2)
    page.mouse.down()
    page.mouse.move(bar["x"] + bar["width"] - 1, bar["y"] + bar["height"] / 2)
    page.mouse.up()
    wait_views(page, before)
    assert page.input_value("#filters input[name=since]") == last_day == page.input_value("#filters input[name=until]")
    on_day = [e for e in assaults if e["date"] == last_day]
    assert page.inner_text("#events [data-total]") == f"{len(on_day)} merged events"
    assert {r.inner_text() for r in page.query_selector_all("#events tbody td:first-child")} == {last_day}


def test_a_click_on_an_actor_filters_by_it_and_keyboard_works_too(page, demo):
    base, store = demo
    open_dashboard(page, base)
    events = all_events(store)
    coded = Counter(e[r]["code"] for e in events for r in ("source", "target")
                    if e["source"] and e["target"] and e[r]["code"])
    code = coded.most_common(1)[0][0]
    before = rendered(page)
    page.click(f'#network [data-actor="{code}"]')
    wait_views(page, before)
    assert page.input_value("#filters input[name=actor]") == code
    involved = all_events(store, Filters(actor=code))
    assert page.inner_text("#events [data-total]") == f"{len(involved)} merged events"
    for pair in page.query_selector_all("#network .edge[data-source]"):
        assert code in (pair.get_attribute("data-source"), pair.get_attribute("data-target"))
    shot(page.locator("#network"), "network-filtered")

    # Keyboard: focus a type button and press Enter; then Clear by keyboard.
    before = rendered(page)
    page.focus('#events [data-types] button[data-type="ACCUSE"]')
    page.keyboard.press("Enter")
    wait_views(page, before)
    both = all_events(store, Filters(actor=code, type="ACCUSE"))
    assert page.inner_text("#events [data-total]") == f"{len(both)} merged events"
    before = rendered(page)
    page.focus("#clear-filters")
    page.keyboard.press("Enter")
    wait_views(page, before)
    assert page.inner_text("#events [data-total]") == f"{len(events)} merged events"


def test_a_click_on_an_event_opens_its_article_with_the_sentence_highlighted(page, demo):
    base, store = demo
    open_dashboard(page, base, "#/?q=drone")
    # The search reads every report's sentence and the actor and place names.
    def mentions_drone(e: dict) -> bool:
        names = [(e[k] or {}).get("name") or "" for k in ("source", "target", "place")]
        sentences = [r["event"]["evidence"]["text"] for r in store.get_event(e["id"])["reports"]]
        return any("drone" in t.lower() for t in names + sentences)

    wanted = [e for e in all_events(store) if mentions_drone(e)]
    assert wanted and page.inner_text("#events [data-total]") == f"{len(wanted)} merged events"
    first = wanted[0]
    page.click(f'#events tr[data-event-id="{first["id"]}"] [data-evidence]')
    page.wait_for_selector('[data-view="article"][data-state="ready"]')
    article = store.get_article(first["evidence"]["article"]["id"])
    text = article["extraction"]["article"]["text"]
    selected = "".join(page.eval_on_selector_all("#article .hl.selected", "ns => ns.map(n => n.textContent)"))
    ev = first["evidence"]
    assert selected == text[ev["start"]:ev["end"]] == ev["text"]
    assert page.inner_text("#article h2") == article["extraction"]["article"]["title"]
    # Every record of the article is in the side panel, and every place mention is marked.
    x = article["extraction"]
    assert len(page.query_selector_all("#article [data-record]")) == \
        len(x["events"]) + len(x["quotes"]) + len(x["figures"]) + len(x["places"])
    marked = "".join(page.eval_on_selector_all("#article .hl.place", "ns => ns.map(n => n.textContent)"))
    for p in x["places"]:
        for s, e in p["mentions"]:
            assert text[s:e] in marked
    # Choosing a quote in the panel moves the selection to its sentence.
    if x["quotes"]:
        page.click('#article [data-record="quote-0"]')
        quote = "".join(page.eval_on_selector_all("#article .hl.selected", "ns => ns.map(n => n.textContent)"))
        assert quote == x["quotes"][0]["evidence"]["text"]
    shot(page, "article")


def test_the_stories_view_shows_syndicated_copies_and_their_merged_events(page, demo):
    base, store = demo
    page.goto(f"{base}/#/stories")
    page.wait_for_selector('[data-view="stories"][data-state="ready"]')
    stories = store.query_stories(limit=None)[0]
    largest = max(stories, key=lambda s: (s["num_copies"], -s["id"]))
    assert largest["num_copies"] == 3  # the chad-border-raid wire story and its two copies
    assert page.get_attribute('#stories [aria-current="true"]', "data-story") == str(largest["id"])
    copies = page.query_selector_all("#stories [data-copies] li")
    assert [c.query_selector("a").inner_text() for c in copies] == [a["title"] for a in largest["articles"]]
    merged = all_events(store, Filters(story=largest["id"]))
    assert page.inner_text("#stories [data-summary]") == f"3 copies; {len(merged)} merged events"
    assert [int(c.inner_text()) for c in page.query_selector_all("#stories [data-num-articles]")] == \
        [e["num_articles"] for e in merged]
    assert [int(c.inner_text()) for c in page.query_selector_all("#stories [data-num-sources]")] == \
        [e["num_sources"] for e in merged]
    shot(page, "stories")


def test_map_markers_open_their_events_and_downloads_hold_the_selection(page, demo):
    base, store = demo
    open_dashboard(page, base, "#/?country=MLI")
    mali = all_events(store, Filters(country="MLI"))
    # Clusters zoom in when chosen (by keyboard here) until a single place shows.
    for _ in range(6):
        if page.locator("#map [data-place]").count():
            break
        page.locator("#map [data-reports]").first.focus()
        page.keyboard.press("Enter")
    marker = page.locator("#map [data-place]").first
    name = marker.get_attribute("data-place")
    marker.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#map [data-list] h3")
    there = all_events(store, Filters(country="MLI", place=name))
    assert page.inner_text("#map [data-list] h3").startswith(f"{name}: {len(there)} events")
    assert len(page.query_selector_all("#map [data-list] li")) == len(there)
    shot(page.locator("#map"), "map-place")
    # The arrow keys pan the map.
    x_before = page.evaluate("document.querySelector('#map svg').viewBox.baseVal.x")
    page.focus("#map [data-body] svg")
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.querySelector('#map svg').viewBox.baseVal.x") > x_before

    csv_href = page.get_attribute("#events [data-download=csv]", "href")
    geo_href = page.get_attribute("#events [data-download=geojson]", "href")
    with httpx.Client(base_url=base) as client:
        rows = list(csv.DictReader(io.StringIO(client.get(csv_href).raise_for_status().text.lstrip("\ufeff"))))
        geo = client.get(geo_href).raise_for_status().json()
    assert [int(r["event_id"]) for r in rows] == [e["id"] for e in mali]
    located = [e for e in mali if e["place"] and e["place"]["lat"] is not None]
    assert sorted(f["id"] for f in geo["features"]) == sorted(e["id"] for e in located)


def test_the_dashboard_fits_a_phone(browser, demo):
    base, _ = demo
    page = browser.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    try:
        page.goto(f"{base}/#/")
        wait_views(page, 0)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        labels = page.eval_on_selector_all("#filters input, #filters select",
                                           "ns => ns.map(n => n.closest('label') ? n.closest('label').innerText : '')")
        assert all(label.strip() for label in labels)
        shot(page, "phone")
    finally:
        page.close()
