"""Every kind of bad input, through the command line as a user runs it: one line on stderr that
names the input and says what to do, never a traceback, and exit codes 0 / 1 / 2."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from frontlines.cli import main
from frontlines.store import Store

GOOD = "BAMAKO, Mali — Malian troops took control of Kidal on Tuesday, the army said."
ACCENTED = "BEIRUT — “Fighting” went on in Aleppo, the café owner said, and the Qaim road was shut."
FRENCH = ("Les forces armées maliennes ont repris mardi le contrôle de la ville de Kidal, dans le nord du pays, "
          "a annoncé l'armée dans un communiqué publié dans la soirée. Les combats ont duré plusieurs jours, selon "
          "des habitants joints par téléphone, et des centaines de familles ont fui vers la frontière algérienne.")
ENGLISH_NAMES = ("Abu Bakr al-Baghdadi, Hayat Tahrir al-Sham, Jabhat al-Nusra and Sheikh Mohammed bin Rashid "
                 "al-Maktoum were named in Deir ez-Zor, Ālbū Kamāl and Al Qā’im. ") * 3
FEED = "Not a feed at all: the scraper saved an error message here."
EMPTY_PAGE = "<html><head><title>Log in</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
BAD_ACTORS = "- name: Northern Brigade\n  kind: rebel_group\n- name: X\n  kind: pirates\n"

# id, command, files to make {name: bytes or None for a folder}, the path given, extra args,
# exit code, what stderr must say (None: nothing), documents the run must still produce
CASES = [
    ("missing path", "extract", {}, "missing.txt", [], 1, "no such file; check the path", 1),
    ("folder without articles", "ingest", {"notes": None}, "notes", [], 1, "no articles in this folder", 1),
    ("empty file", "extract", {"empty.txt": b""}, "empty.txt", [], 1, "the file is empty", 1),
    ("whitespace only", "extract", {"blank.txt": b" \n\t\n "}, "blank.txt", [], 1, "the file is empty", 1),
    ("damaged PDF", "extract", {"scan.pdf": b"%PDF-1.7\n%\xe2\xe3"}, "scan.pdf", [], 1, "cannot read this PDF", 1),
    ("PNG", "extract", {"photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}, "photo.txt", [], 1, "PNG image", 1),
    ("zip", "ingest", {"in/bundle.txt": b"PK\x03\x04\x14\x00\x00\x00"}, "in", [], 1, "zip archive", 1),
    ("cp1252", "extract", {"cp.txt": ACCENTED.encode("cp1252")}, "cp.txt", [], 0, None, 2),
    ("latin-1", "extract", {"l1.txt": "Clashes in Aleppo near the café, São Paulo Street.".encode("latin-1")},
     "l1.txt", [], 0, None, 2),
    ("UTF-16 with BOM", "extract", {"u16.txt": ACCENTED.encode("utf-16")}, "u16.txt", [], 0, None, 2),
    ("over --max-bytes", "extract", {"big.txt": ((GOOD + "\n") * 20).encode()}, "big.txt", ["--max-bytes", "1000"], 1,
     "over the --max-bytes limit of 1,000", 1),
    ("not English", "extract", {"fr.txt": FRENCH.encode()}, "fr.txt", [], 1, "in French (fr), not English", 1),
    ("English full of foreign names", "extract", {"names.txt": ENGLISH_NAMES.encode()}, "names.txt", [], 0, None, 2),
    ("malformed JSON", "extract", {"r.json": b'{\n  "text": "x",\n  "id": \n}'}, "r.json", [], 1,
     "not valid JSON at line 4", 1),
    ("malformed JSONL", "extract", {"r.jsonl": b'{"text": "Clashes in Aleppo."}\n{"text": \n'}, "r.jsonl", [], 1,
     "r.jsonl line 2: not valid JSON", 2),
    ("broken feed", "ingest", {"news.rss": FEED.encode()}, "news.rss", [], 1, "cannot read this feed", 1),
    ("HTML without article text", "extract", {"login.html": EMPTY_PAGE.encode()}, "login.html", [], 1,
     "no article text found in this HTML page", 1),
    ("impossible date in a record", "extract", {"d.json": json.dumps({"text": GOOD, "published": "2017-02-30"}).encode()},
     "d.json", [], 1, "\"published\" is '2017-02-30'; write it as YYYY-MM-DD", 1),
    ("impossible --date", "extract", {}, None, ["--date", "2017-02-30"], 2, "'2017-02-30' is not a date", 0),
    ("malformed --date", "ingest", {}, None, ["--date", "30/02/2017"], 2, "is not a date; write it as YYYY-MM-DD", 0),
    ("malformed --actors", "extract", {"actors.yaml": BAD_ACTORS.encode()}, None, ["--actors", "{dir}/actors.yaml"],
     2, "actors.yaml: line 3", 0),
    ("unknown --model", "ingest", {}, None, ["--model", "no_such_model"], 2, "'no_such_model' is not installed", 0),
    ("--db in a missing folder", "ingest", {}, None, ["--db", "{dir}/no/such/folder/c.duckdb"], 2,
     "cannot create the database here (No such file or directory); does its folder exist?", 0),
    ("--db that is not a database", "ingest", {"notes.duckdb": b"shopping list"}, None, ["--db", "{dir}/notes.duckdb"],
     2, "is it a DuckDB file?", 0),
]


@pytest.mark.parametrize("command, files, given, args, code, message, produced",
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input(tmp_path, extract, command, files, given, args, code, message, produced):
    for name, content in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.mkdir() if content is None else path.write_bytes(content)
    (tmp_path / "good.txt").write_text(GOOD)
    inputs = [str(tmp_path / given)] if given else []
    args = [a.replace("{dir}", str(tmp_path)) for a in args]
    db = tmp_path / "corpus.duckdb"
    extra = ["--db", str(db)] if command == "ingest" and "--db" not in args else ["--format", "jsonl"] * (command == "extract")
    result = CliRunner().invoke(main, [command, *inputs, str(tmp_path / "good.txt"), *args, *extra])
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)  # no exception escaped
    if message is None:
        assert "frontlines: 2 documents read" in result.stderr, result.stderr
    else:
        lines = [line for line in result.stderr.splitlines() if message in line]
        assert len(lines) == 1, result.stderr  # named once, on one line
        if given:
            assert str(tmp_path / given) in lines[0]
    if code == 1:  # the run ends with a summary that counts the failure
        assert "failed or skipped" in result.stderr.splitlines()[-1]
    if command == "extract":
        assert len(result.stdout.strip().splitlines()) == produced
    elif code != 2:
        with Store(db, read_only=True) as store:
            assert store.counts()["documents"] == produced
    else:
        assert not db.exists()  # a usage error stops before the database is touched


def test_a_decoded_file_records_its_encoding(tmp_path, extract):
    path = tmp_path / "cp.txt"
    path.write_bytes(ACCENTED.encode("cp1252"))
    result = CliRunner().invoke(main, ["extract", str(path)])
    report = json.loads(result.stdout)
    assert report["document"]["encoding"] == "cp1252"
    assert any(p["name"] == "Aleppo" for p in report["places"])


def test_a_mixed_folder_is_read_once_and_a_second_run_changes_nothing(tmp_path, extract):
    """A new user's first ingest: good articles in, each bad one named once with its reason."""
    from conftest import DEV, require_shared

    require_shared()
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name in ("kidal-2023-11-15.txt", "kherson-2022-11-11.txt"):
        (folder / name).write_text((DEV / name).read_text())
    bad = {"empty.txt": b"  \n", "scan.pdf.txt": b"%PDF-1.4", "fr.txt": FRENCH.encode(), "feed.rss": FEED.encode(),
           "login.html": EMPTY_PAGE.encode(), "r.jsonl": b'{"text": \n', "big.txt": b"x " * 600_000,
           "old.json": json.dumps({"text": GOOD, "published": "2017-02-30"}).encode()}
    for name, content in bad.items():
        (folder / name).write_bytes(content)
    db = tmp_path / "c.duckdb"
    first = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db), "--max-bytes", "1000000"])
    assert first.exit_code == 1, first.output
    for name in bad:
        assert sum(f"{folder / name}" in line for line in first.stderr.splitlines()) == 1, (name, first.stderr)
    assert "2 added" in first.stderr and f"{len(bad)} failed or skipped" in first.stderr
    with Store(db, read_only=True) as store:
        before = store.rows("SELECT id, content_hash, report FROM documents ORDER BY id")
    second = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db), "--max-bytes", "1000000"])
    assert second.exit_code == 1 and "2 unchanged" in second.stderr
    with Store(db, read_only=True) as store:
        assert store.rows("SELECT id, content_hash, report FROM documents ORDER BY id") == before


def test_file_links_in_a_feed_are_read_only_with_allow_local(tmp_path, extract):
    page = tmp_path / "page.html"
    page.write_text(f"<html><body><article><p>{GOOD}</p><p>Residents said the town was calm by the evening."
                    "</p></article></body></html>")
    feed = tmp_path / "local.atom"
    feed.write_text(f"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Local</title>
      <entry><title>A</title><link href="{page.as_uri()}"/><id>f-1</id><updated>2023-11-15T00:00:00Z</updated></entry>
    </feed>""")
    db = tmp_path / "local.duckdb"
    refused = CliRunner().invoke(main, ["ingest", str(feed), "--db", str(db)])
    assert refused.exit_code == 1 and "local files are read only with --allow-local" in refused.stderr
    allowed = CliRunner().invoke(main, ["ingest", str(feed), "--db", str(db), "--allow-local"])
    assert allowed.exit_code == 0, allowed.output
    with Store(db, read_only=True) as store:
        assert [r["id"] for r in store.rows("SELECT id FROM documents")] == ["f-1"]
