"""Shared fixtures: the spaCy model and the dev-set reports are made once per session."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "eval" / "dev"
SAMPLE = ROOT / "src" / "frontlines" / "samples" / "isis-squeezed-2017-11-03.txt"
# The web app's test clients call it as a browser on this machine does: it refuses other Host names.
LOCAL = "http://127.0.0.1:8000"


def require_shared() -> None:
    """The spec and the annotated articles live in ../shared beside the checkout."""
    if not DEV.is_dir():
        pytest.fail(f"{DEV} is missing: clone the project next to its shared/ folder")


@pytest.fixture(scope="session")
def extract():
    """`frontlines.extract`, with the model warmed up once."""
    import frontlines

    frontlines.extract("BEIRUT — Warm-up in Aleppo.", published="2017-11-03")
    return frontlines.extract


@pytest.fixture
def extract_by_rules(extract, monkeypatch):
    """`extract` with the classifier off (settings mode `rules`): what the trigger rules alone code,
    in process (the classifier may code such a sentence on its own)."""
    import dataclasses

    import frontlines.events as events

    rules = dataclasses.replace(events.settings(), mode="rules")
    monkeypatch.setattr(events, "settings", lambda: rules)
    return extract


@pytest.fixture(scope="session")
def dev_reports(extract) -> dict[str, dict]:
    """Report dicts for every annotated dev article, keyed by gold id."""
    from frontlines.pipeline import analyse
    from frontlines.read import read_source

    require_shared()
    out = {}
    for gold_path in sorted(DEV.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text())
        doc = next(read_source(str(DEV / gold["text"]), gold["published"]))
        report = next(analyse([doc]))
        out[gold["id"]] = {"report": report, "dict": report.to_dict(), "gold": gold}
    return out


@pytest.fixture(scope="session")
def web_dev_db(tmp_path_factory, extract) -> Path:
    """A store built once from the dev articles with `frontlines ingest --jobs 1`, for the web app's
    tests and as what one process stores (tests/test_parallel.py).  Never written to: tests that
    write copy it."""
    from click.testing import CliRunner

    from frontlines.cli import main

    require_shared()
    db = tmp_path_factory.mktemp("web") / "dev.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(DEV), "--db", str(db), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="session")
def browser():
    """One Chromium for every browser test of the session: Playwright's sync API runs one at a time
    (a second `sync_playwright()` fails "inside the asyncio loop"), so the test files share it."""
    from test_web_browser import CHROMIUM, CHROMIUM_ARGS, browser_or_skip

    sync_playwright = browser_or_skip()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
