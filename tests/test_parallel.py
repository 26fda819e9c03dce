"""Several cores give the same answers as one: extract and ingest with --jobs."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from conftest import DEV, require_shared
from frontlines.cli import main
from frontlines.parallel import DOCS_PER_TASK
from frontlines.store import Store


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    """The dev articles, each also as a second edition with a line added: enough documents that
    --jobs 2 really starts two workers."""
    require_shared()
    folder = tmp_path_factory.mktemp("articles")
    texts = sorted(DEV.glob("*.txt"))
    for edition in range(-(-2 * DOCS_PER_TASK // len(texts))):
        for path in texts:
            (folder / f"{path.stem}-{edition}.txt").write_text(path.read_text() + f"\nEdition {edition}.\n")
    return sorted(folder.iterdir())


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result


def test_extract_with_two_jobs_prints_the_same_bytes(articles, extract):
    paths = [str(p) for p in articles]
    one = run("extract", *paths, "--format", "jsonl", "--date", "2020-01-01")
    two = run("extract", *paths, "--format", "jsonl", "--date", "2020-01-01", "--jobs", "2")
    assert len(one.stdout.splitlines()) == len(articles) >= 2 * DOCS_PER_TASK
    assert two.stdout == one.stdout


def test_ingest_with_two_jobs_stores_the_same_rows(articles, tmp_path, extract):
    tables = {"documents": "id, content_hash, report", "events": "*", "control": "*"}
    found = []
    for jobs in ("1", "2"):
        db = tmp_path / f"jobs{jobs}.duckdb"
        run("ingest", *map(str, articles), "--db", str(db), "--date", "2020-01-01", "--jobs", jobs)
        with Store(db, read_only=True) as store:
            found.append({t: store.rows(f"SELECT {cols} FROM {t} ORDER BY ALL") for t, cols in tables.items()})
    assert found[0]["events"] and found[0] == found[1]
