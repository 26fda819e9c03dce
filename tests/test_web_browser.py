"""The page in a real browser: Playwright driving Debian's Chromium against one server per session.

Skipped, with the reason in the summary, where Chromium or Playwright is missing
(`make test` installs both when it can).
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT

CHROMIUM = Path(os.environ.get("FRONTLINES_CHROMIUM", "/usr/bin/chromium"))   # Debian's, by default
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOT = ROOT / "docs" / "screenshot.png"
SYRIA_VIEW = "view=35.0,40.6,6"

XSS_ARTICLE = """Rebels leave Kidal <script>window.__xss = 'title'</script>
By Staff Writer
Meridian News Service
Nov. 15, 2023

BAMAKO, Mali — Malian troops took control of Kidal on Tuesday <img src=x onerror="window.__xss='img'">, the army said.
The town was calm on Wednesday <script>window.__xss = 'body'</script>, residents said.
"""


def browser_or_skip():
    """Playwright's sync API and Chromium, or a skip that says what is missing and how to get it."""
    if not CHROMIUM.exists():
        pytest.skip(f"BROWSER TESTS SKIPPED: no Chromium at {CHROMIUM}; install it with `apt-get install chromium` "
                    "(`make test` does so when run as root or with sudo)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("BROWSER TESTS SKIPPED: the playwright package is missing; `pip install -e '.[test]'`")
    return sync_playwright


@pytest.fixture(scope="session")
def server(web_dev_db, tmp_path_factory):
    """One uvicorn server for the session, on a copy of the dev store plus an article full of markup."""
    browser_or_skip()
    import uvicorn

    from frontlines.cli import main
    from frontlines.web import create_app

    folder = tmp_path_factory.mktemp("browser")
    db = folder / "dev.duckdb"
    shutil.copy(web_dev_db, db)
    (folder / "xss.txt").write_text(XSS_ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(folder / "xss.txt"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    yield from serve(db)


def serve(db):
    """Run the app on `db` in a thread of this process until the session ends; yield its address."""
    import uvicorn

    from frontlines.web import create_app

    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def page(browser, server):
    # Without the page's Content-Security-Policy, so that the markup test proves the page itself
    # builds data as text (and so that Playwright may evaluate its own waits).
    context = browser.new_context(viewport={"width": 1400, "height": 850}, bypass_csp=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.errors = errors
    yield page
    context.close()
    assert not errors, f"the page raised: {errors}"


def open_map(page, server, hash_: str = "") -> None:
    page.goto(f"{server}/{hash_}")
    page.wait_for_selector("body[data-ready=map]", timeout=20_000)


def legend(page) -> str:
    return page.locator("#control-legend").inner_text()


def test_the_map_loads_with_event_markers(page, server):
    open_map(page, server)
    page.wait_for_selector(".ev-dot, .ev-cluster span")
    assert page.locator(".ev-dot").count() + page.locator(".ev-cluster").count() > 5
    assert "10 articles" in page.locator("#summary").inner_text()
    assert page.locator("#type-legend li").count() == 6
    page.wait_for_function("document.querySelector('.leaflet-overlay-pane canvas') !== null")  # the outlines


def test_the_slider_redraws_who_holds_what(page, server):
    open_map(page, server, f"#{SYRIA_VIEW}")
    page.fill("#asof-date", "2017-11-03")
    page.dispatch_event("#asof-date", "change")
    page.wait_for_selector("body[data-as-of='2017-11-03']")
    held = legend(page)
    for holder, place in [("Military Forces of Syria", "Deir ez-Zor"), ("Military Forces of Iraq", "Al Qā’im"),
                          ("Islamic State", "Ālbū Kamāl"), ("Syrian Democratic Forces", "Ar Raqqah")]:
        assert holder in held and place in held
    rings = page.locator(".ctl").count()
    page.focus("#asof-slider")
    page.keyboard.press("Home")   # the first day with news, 2011-07-02: only Mogadishu is known
    page.wait_for_selector("body[data-as-of='2011-07-02']")
    assert "Military Forces of Syria" not in legend(page) and "Mogadishu" in legend(page)
    assert page.locator(".ctl").count() < rings
    page.keyboard.press("End")
    page.wait_for_selector("body[data-as-of='2024-08-04']")
    assert "Lashio" in legend(page)


def test_clicking_an_event_shows_its_evidence(page, server):
    import json
    import urllib.request

    with urllib.request.urlopen(f"{server}/api/events?country=SY&event_type=Explosions/Remote%20violence") as r:
        expected = json.load(r)["features"][0]["properties"]
    open_map(page, server, f"#{SYRIA_VIEW}")
    page.select_option("select[name=country]", "SY")
    page.select_option("select[name=event_type]", "Explosions/Remote violence")
    page.wait_for_function("document.querySelector('#event-count').textContent.startsWith('1 event')")
    page.locator(".ev-dot").first.click()
    panel = page.locator("#panel")
    panel.wait_for(state="visible")
    assert expected["sub_event_type"] in panel.locator("h2").inner_text()
    assert panel.locator("blockquote.evidence").first.inner_text() == expected["sources"][0]["evidence"]
    assert expected["actor1"] in panel.inner_text() and expected["date"] in panel.inner_text()
    panel.get_by_text("Read the article, highlighted").click()
    page.wait_for_selector(".doc-view mark.focus")
    assert "Deir" in page.locator(".doc-view mark.hl-place").all_inner_texts().__str__()


def assert_inert(page) -> None:
    """The markup in the article is on screen as text, and none of it ran or became an element."""
    assert page.evaluate("window.__xss") is None
    assert page.locator("img[onerror]").count() == 0
    assert page.evaluate("[...document.scripts].filter(s => s.textContent.includes('__xss')).length") == 0


def test_an_article_with_markup_renders_as_text(page, server):
    open_map(page, server)
    page.fill("input[name=q]", "onerror")
    page.click("#filter-form button[type=submit]")
    page.wait_for_function("document.querySelector('#event-count').textContent.startsWith('1 event')")
    page.locator(".ev-dot").first.click()
    evidence = page.locator("#panel blockquote.evidence").first.inner_text()
    assert "<img src=x onerror=" in evidence
    page.get_by_text("Read the article, highlighted").click()
    page.wait_for_selector(".doc-view mark.focus")
    text = page.locator(".doc-view .doc-text").inner_text()
    assert "<script>window.__xss = 'body'</script>" in text and "onerror=\"window.__xss='img'\"" in text
    assert "<script>" in page.locator(".doc-view h2").inner_text()
    assert_inert(page)
    page.get_by_text("Paste or upload an article").click()
    page.fill("textarea[name=text]", XSS_ARTICLE)
    page.click("form.paste button[type=submit]")
    page.wait_for_selector("#extract-result .doc-view")
    assert "<img src=x onerror=" in page.locator("#extract-result .doc-text").inner_text()
    assert_inert(page)


def test_a_pasted_article_is_extracted_and_shown(page, server):
    open_map(page, server)
    page.get_by_text("Paste or upload an article").click()
    page.fill("textarea[name=text]", "BAMAKO, Mali — Malian troops took control of Kidal on Tuesday, the army said.")
    page.fill("form.paste input[name=published]", "2023-11-15")
    page.click("form.paste button[type=submit]")
    page.wait_for_selector("#extract-result mark.hl-event")
    assert "1 event, 1 control claim" in page.locator("#extract-result").inner_text()
    assert "Kidal" in page.locator("#extract-result mark.hl-place").all_inner_texts()
    page.locator("#extract-result mark.hl-event").first.dispatch_event("click")   # the sentence, not a name in it
    assert "Government regains territory" in page.locator("#panel h2").inner_text()


def test_screenshot_of_the_map(page, server):
    """Saved as a test artifact and copied to docs/screenshot.png, which the README shows."""
    open_map(page, server, "#as_of=2017-11-03&view=35.0,40.4,6")
    page.wait_for_selector("body[data-as-of='2017-11-03']")
    page.wait_for_function("document.querySelector('.leaflet-overlay-pane canvas') !== null")
    page.wait_for_selector(".lbl.corpus")
    page.locator(".ev-dot").first.click()
    page.locator("#panel").wait_for(state="visible")
    page.mouse.move(1390, 840)   # no hover tooltip in the picture
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "map.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 50_000
    SCREENSHOT.parent.mkdir(exist_ok=True)
    shutil.copy(shot, SCREENSHOT)


def test_the_api_docs_render_openapi_3_1_offline(page, server):
    """/docs draws every route of the OpenAPI 3.1 document, with nothing fetched from elsewhere."""
    elsewhere: list[str] = []

    def only_this_server(route):
        if route.request.url.startswith(server):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    page.route("**/*", only_this_server)
    page.goto(f"{server}/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20_000)
    assert "valid version field" not in page.locator("body").inner_text()
    assert "Frontlines" in page.locator(".swagger-ui .info .title").inner_text()
    paths = page.locator(".swagger-ui .opblock-summary-path").all_inner_texts()
    assert "/api/events" in paths and "/api/extract" in paths and len(paths) >= 10
    assert elsewhere == []


def test_a_pasted_article_survives_clicking_its_highlights(page, server):
    open_map(page, server)
    article = "BAMAKO, Mali — Malian troops took control of Kidal on Tuesday, the army said."
    page.get_by_text("Paste or upload an article").click()
    page.fill("textarea[name=text]", article)
    page.fill("form.paste input[name=published]", "2023-11-15")
    page.click("form.paste button[type=submit]")
    page.wait_for_selector("#extract-result mark.hl-event")
    page.locator("#extract-result mark.hl-event").first.dispatch_event("click")
    assert "Government regains territory" in page.locator("#panel h2").inner_text()
    page.get_by_text("Back to the pasted article").click()          # from the event, straight back
    assert page.locator("textarea[name=text]").input_value() == article
    assert page.locator("#ingest").is_visible()
    page.locator("#extract-result mark.hl-place").first.dispatch_event("click")   # a place: a notice
    page.get_by_text("Paste or upload an article").click()          # reopened from the menu
    assert page.locator("textarea[name=text]").input_value() == article
    assert page.locator("form.paste input[name=published]").input_value() == "2023-11-15"
    assert page.locator("#ingest").is_visible() and page.locator("#extract-result mark.hl-event").count() == 1


MILLION = 1_000_000


@pytest.fixture(scope="session")
def million_server(tmp_path_factory):
    """A server on a generated store of a million events (`bench --store`'s, made in SQL)."""
    browser_or_skip()
    from frontlines.store import Store
    from frontlines.store.bench import fill

    db = tmp_path_factory.mktemp("million") / "million.duckdb"
    with Store(db) as store:
        fill(store, MILLION, indexed=False)  # (no text search here: its index would take a minute more)
    yield from serve(db)


def test_a_million_events_show_as_density_and_zooming_in_shows_them_one_by_one(page, million_server):
    console = []
    page.on("console", lambda message: console.append(message.text) if message.type == "error" else None)
    page.goto(f"{million_server}/")
    page.wait_for_selector("body[data-ready=map][data-map-shows=density]", timeout=120_000)
    assert page.locator("path.density").count() > 20
    assert "900000 events" in page.locator("#summary").inner_text()   # one report in ten fused
    assert page.locator("#event-count").inner_text().startswith("900000 events match")
    assert page.locator("#event-list li").count() == 50 and page.locator("#event-more").is_visible()
    page.click("#event-more")
    page.wait_for_function("document.querySelectorAll('#event-list li').length === 100", timeout=60_000)
    for _ in range(8):   # click the densest cell: the map zooms in there, until it draws events
        if page.evaluate("document.body.dataset.mapShows") == "events":
            break
        zoom = page.evaluate("document.body.dataset.mapZoom")
        page.locator("path.density").first.dispatch_event("click")   # under the rings, maybe
        page.wait_for_function(f"document.body.dataset.mapZoom !== '{zoom}'", timeout=60_000)
    page.wait_for_selector("body[data-map-shows=events]")
    assert page.locator(".ev-dot").count() + page.locator(".ev-cluster").count() > 0
    assert page.locator("path.density").count() == 0
    assert not console, f"the console shows errors: {console}"
