"""The command line as a user runs it, through Click's runner."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import SAMPLE
from frontlines.cli import main


@pytest.fixture()
def run(extract):
    def invoke(*args: str, stdin: str | None = None):
        return CliRunner().invoke(main, list(args), input=stdin)
    return invoke


def test_extract_prints_a_json_report(run):
    result = run("extract", str(SAMPLE), "--date", "2017-11-03")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["schema"] == "frontlines.report/1"
    assert report["document"]["authors"] == ["Anne Barnard", "Margaret Coker"]
    assert report["document"]["source"] == "New York Times" and report["document"]["dateline"] == "BEIRUT"
    assert {"Deir ez-Zor", "Al Qā’im", "Ālbū Kamāl", "Ar Raqqah"} <= {p["name"] for p in report["places"]}


def test_summary_and_out_file(run, tmp_path):
    out = tmp_path / "report.json"
    result = run("extract", str(SAMPLE), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "Deir ez-Zor (city, SY)" in result.stdout
    assert json.loads(out.read_text())["places"]


def test_stdin_and_jsonl(run):
    result = run("extract", "-", "--format", "jsonl", "--date", "2017-11-03",
                 stdin="BEIRUT — Clashes went on in Aleppo, officials said.")
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["document"]["published"] == "2017-11-03"


@pytest.mark.parametrize("name, content, message", [
    ("missing.txt", None, "no such file"),
    ("empty.txt", b"   \n", "empty"),
    ("scan.pdf", b"%PDF-1.7 ...", "PDF"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
    ("records.jsonl", b'{"text": "ok"\n', "not valid JSON"),
])
def test_a_bad_input_is_named_and_the_others_still_run(run, tmp_path, name, content, message):
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    result = run("extract", str(bad), str(SAMPLE), "--format", "jsonl")
    assert result.exit_code == 1
    assert message in result.stderr and str(bad) in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert len(result.stdout.strip().splitlines()) == 1  # the good file was still processed


def test_legacy_encoding_is_decoded(run, tmp_path):
    path = tmp_path / "cp1252.txt"
    path.write_bytes("BEIRUT — “Fighting” went on in Aleppo, the café owner said.".encode("cp1252"))
    result = run("extract", str(path))
    assert result.exit_code == 0, result.output
    assert any(p["name"] == "Aleppo" for p in json.loads(result.stdout)["places"])


@pytest.mark.parametrize("args, message", [
    (["--date", "2017-02-30"], "YYYY-MM-DD"),
    (["--date", "yesterday"], "YYYY-MM-DD"),
    (["--model", "no_such_model"], "not installed"),
])
def test_usage_errors_exit_2_without_traceback(run, args, message):
    result = run("extract", str(SAMPLE), *args)
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("args, message", [
    (["extract", str(SAMPLE), "--date", "2017-02-30"], "'2017-02-30' is not a date; write it as YYYY-MM-DD"),
    (["extract"], "Missing argument 'FILES...'; see `frontlines extract --help`"),
    (["extract", str(SAMPLE), "--no-such-option"], "see `frontlines extract --help`"),
    (["no-such-command"], "No such command 'no-such-command'; see `frontlines --help`"),
    (["control"], "give --as-of YYYY-MM-DD"),
])
def test_a_usage_error_is_one_line_that_says_what_to_fix(args, message):
    result = CliRunner().invoke(main, args, prog_name="frontlines")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [result.stderr.strip()] and message in result.stderr, result.stderr
    assert "Usage:" not in result.stderr and "Try " not in result.stderr


def test_help_has_examples(run):
    result = run("extract", "--help")
    assert result.exit_code == 0 and "Examples:" in result.output


def test_eval_scores_a_gold_folder(run):
    from conftest import DEV, require_shared

    require_shared()
    result = run("eval", str(DEV), "--json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["events (type+place)"]["gold"] > 0
    assert figures["events (type+place)"]["f1"] >= 0.85


def test_eval_of_a_folder_without_gold_is_a_usage_error(run, tmp_path):
    result = run("eval", str(tmp_path))
    assert result.exit_code == 2 and "no *.gold.json" in result.output


def test_a_malformed_actors_file_names_its_line(run, tmp_path):
    bad = tmp_path / "actors.yaml"
    bad.write_text("- name: Northern Brigade\n  kind: rebel_group\n- name: X\n  kind: pirates\n")
    result = run("extract", str(SAMPLE), "--actors", str(bad))
    assert result.exit_code == 2
    assert f"{bad}: line 3" in result.output and "Traceback" not in result.output


def test_the_sample_summary_reads_as_the_readme_shows(tmp_path):
    """`make demo`'s screen: the events and control of the sample article, as the README prints them."""
    import re
    import subprocess
    import sys

    from conftest import ROOT, SAMPLE

    readme = (ROOT / "README.md").read_text("utf-8")
    shown = re.search(r"`make demo` prints:\s*```text\n(.*?)```", readme, re.S).group(1)
    wanted = shown[shown.index("Events ("):shown.index("Places (")]
    run = subprocess.run([sys.executable, "-m", "frontlines.cli", "extract", str(SAMPLE), "--date", "2017-11-03",
                          "--out", str(tmp_path / "report.json")], capture_output=True, text=True, check=True)
    got = run.stdout[run.stdout.index("Events ("):run.stdout.index("Places (")]
    assert got == wanted


def frontlines_process(*args: str, stdin: str | None = None):
    """`frontlines ARGS` as a user's shell starts it: the console script, in a fresh process."""
    import subprocess
    import sys
    from pathlib import Path

    script = Path(sys.executable).with_name("frontlines")
    return subprocess.run([str(script), *args], input=stdin, capture_output=True, text=True, timeout=300)


def test_a_fresh_extract_ends_at_once_with_its_whole_report_written(extract, tmp_path):
    """The process ends without Python's teardown after `extract` (a third of a second of every cold
    start): everything it wrote is out, and its exit status is the command's."""
    done = frontlines_process("extract", str(SAMPLE), "--date", "2017-11-03")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == extract(SAMPLE.read_text("utf-8"), published="2017-11-03").to_dict()
    out = tmp_path / "report.json"
    done = frontlines_process("extract", str(SAMPLE), "--date", "2017-11-03", "--out", str(out), "--format", "jsonl")
    assert done.returncode == 0 and "Events (" in done.stdout
    assert json.loads(out.read_text("utf-8"))["schema"] == "frontlines.report/1"
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    done = frontlines_process("extract", str(empty), str(SAMPLE), "--format", "jsonl")
    assert done.returncode == 1 and "empty.txt" in done.stderr and "1 document read" in done.stderr
    assert len(done.stdout.splitlines()) == 1 and json.loads(done.stdout)["document"]["dateline"] == "BEIRUT"


def test_which_runs_end_without_teardown(monkeypatch):
    import sys

    from frontlines.cli import ends_at_once

    monkeypatch.setattr(sys, "argv", ["frontlines", "extract", "a.txt"])
    assert ends_at_once(0) and ends_at_once(None) and ends_at_once(1)
    assert not ends_at_once("a message to print")
    monkeypatch.setattr(sys, "argv", ["frontlines", "ingest", "a.txt"])
    assert not ends_at_once(0)  # the store's own finalizers run
    monkeypatch.setattr(sys, "argv", ["frontlines", "extract", "a.txt"])
    monkeypatch.setitem(sys.modules, "concurrent.futures.process", object())
    assert not ends_at_once(0)  # worker processes were started


def test_extract_reads_the_date_and_id_of_a_json_beside_the_article(tmp_path, run):
    """A scraper's metadata file beside an article gives `extract` what `ingest` takes from it: its date
    (relative days resolve against it; it comes before --date, which is for every input) and its id."""
    import json

    (tmp_path / "kidal.txt").write_text("Malian troops took control of Kidal on Tuesday.", "utf-8")
    (tmp_path / "kidal.json").write_text(json.dumps({"text": "kidal.txt", "id": "k1", "published": "2023-11-15"}))
    report = json.loads(run("extract", str(tmp_path / "kidal.txt")).stdout)
    assert report["document"]["id"] == "k1" and report["document"]["published"] == "2023-11-15", report["document"]
    assert [e["date"] for e in report["events"]] == ["2023-11-14"], report["events"]
    dated = json.loads(run("extract", str(tmp_path / "kidal.txt"), "--date", "2023-11-22").stdout)
    assert dated["document"]["published"] == "2023-11-15", dated["document"]
