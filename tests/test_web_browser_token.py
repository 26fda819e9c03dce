"""The page of a shared server (started with a write token): it asks for the token once, the first
time an article is added, and not again in that tab."""
from __future__ import annotations

import shutil
import socket
import threading
import time

import pytest

from test_web_browser import browser_or_skip

TOKEN = "correct-horse-battery-staple"
ARTICLES = ["BAMAKO, Mali — Malian troops took control of Kidal on Tuesday, the army said.",
            "KYIV, Ukraine — Ukrainian forces recaptured Kherson on Friday, officials said."]


@pytest.fixture(scope="module")
def shared_server(web_dev_db, tmp_path_factory):
    """A server as `frontlines serve --host 0.0.0.0` with a write token runs it (here on 127.0.0.1)."""
    browser_or_skip()
    import uvicorn

    from frontlines.web import create_app
    from frontlines.web.guard import Access

    db = tmp_path_factory.mktemp("shared") / "dev.duckdb"
    shutil.copy(web_dev_db, db)
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    app = create_app(db, access=Access(local_only=False, write_token=TOKEN))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def paste_and_extract(page, text: str) -> None:
    page.get_by_text("Paste or upload an article").click()
    page.fill("textarea[name=text]", text)
    page.click("form.paste button[type=submit]")
    page.wait_for_selector("#extract-result #ingest")


def test_the_page_asks_for_the_write_token_once(shared_server, browser):
    # `browser` is the session's one Chromium (conftest.py), shared with the other browser tests.
    context = browser.new_context(bypass_csp=True)  # so that Playwright may evaluate its waits
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(shared_server)
        page.wait_for_selector("body[data-ready=map]", timeout=20_000)
        box = "#extract-result input[name=write-token]"

        paste_and_extract(page, ARTICLES[0])
        assert page.locator(box).is_visible()  # asked for, beside the button
        page.click("#ingest")  # without it: told to type it
        page.wait_for_function("document.querySelector('#notice').textContent.includes('write token')")
        page.fill(box, "a wrong guess")
        page.click("#ingest")
        page.wait_for_function("document.querySelector('#notice').textContent.includes('wrong')")
        assert page.locator(box).input_value() == ""  # a refused token is asked for again
        page.fill(box, TOKEN)
        page.click("#ingest")
        page.wait_for_function("document.querySelector('#ingest').textContent.startsWith('Added')")

        paste_and_extract(page, ARTICLES[1])  # the next article: no question
        assert page.locator(box).is_hidden()
        page.click("#ingest")
        page.wait_for_function("document.querySelector('#ingest').textContent.startsWith('Added')")
        assert page.locator(box).is_hidden()
    finally:
        context.close()
    assert not errors, errors
