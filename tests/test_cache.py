"""Data files kept compiled in the cache (`frontlines.cache`): an edited file is read anew, a
damaged or unusable entry is never trusted, and a start with everything compiled parses no YAML."""
from __future__ import annotations

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest

from frontlines import cache, yamlfile
from frontlines.actors import dictionary

SHIPPED_SETTINGS = Path(__file__).resolve().parents[1] / "src" / "frontlines" / "settings.yaml"


@pytest.fixture
def empty_cache(tmp_path, monkeypatch) -> Path:
    """A cache folder of this test's own."""
    monkeypatch.setenv("FRONTLINES_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_data_text_is_compiled_once_and_read_back(empty_cache):
    assert yamlfile.load_yaml("words: [raid, ambush]\nn: 2\n") == {"words": ["raid", "ambush"], "n": 2}
    kept = list((empty_cache / "compiled").iterdir())
    assert len(kept) == 1
    assert yamlfile.load_yaml("words: [raid, ambush]\nn: 2\n") == {"words": ["raid", "ambush"], "n": 2}
    assert list((empty_cache / "compiled").iterdir()) == kept


def test_an_edited_text_is_parsed_again(empty_cache):
    assert yamlfile.load_yaml("threshold: 0.5\n") == {"threshold": 0.5}
    assert yamlfile.load_yaml("threshold: 0.75\n") == {"threshold": 0.75}
    assert len(list((empty_cache / "compiled").iterdir())) == 2


def test_a_damaged_entry_is_built_again(empty_cache):
    yamlfile.load_yaml("a: 1\n")
    path = cache.compiled_path("yaml", "a: 1\n")
    path.write_bytes(b"\xff\x00 not marshal data")
    assert yamlfile.load_yaml("a: 1\n") == {"a": 1}
    assert yamlfile.load_yaml("a: 1\n") == {"a": 1}  # and the entry was written whole again


def test_what_marshal_cannot_hold_is_returned_but_not_kept(empty_cache):
    assert yamlfile.load_yaml("day: 2024-03-01\n") == {"day": datetime.date(2024, 3, 1)}
    assert not (empty_cache / "compiled").exists()


def test_a_yaml_error_is_raised_and_not_kept(empty_cache):
    with pytest.raises(yamlfile.YAMLError):
        yamlfile.load_yaml("words: [raid,\n")
    assert not (empty_cache / "compiled").exists()


def test_each_call_gives_its_own_copy(empty_cache):
    first = yamlfile.load_yaml("words: [raid]\n")
    first["words"].append("ambush")
    assert yamlfile.load_yaml("words: [raid]\n") == {"words": ["raid"]}


def test_an_unwritable_cache_still_gives_the_data(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("FRONTLINES_CACHE", str(blocker))
    assert yamlfile.load_yaml("a: 1\n") == {"a": 1}


def test_the_shipped_actor_dictionary_follows_an_edit_of_its_file(empty_cache, monkeypatch):
    original = dictionary.packaged("actors.yaml")
    before = {e.name for e in dictionary.shipped_entries()}
    edited = original + "\n- name: Brigade of the Test Valley\n  aliases: [Test Valley Brigade]\n  kind: rebel_group\n"
    monkeypatch.setattr(dictionary, "packaged", lambda name: edited if name == "actors.yaml" else original)
    after = {e.name: e for e in dictionary.shipped_entries()}
    assert set(after) - before == {"Brigade of the Test Valley"}
    assert after["Brigade of the Test Valley"].aliases == ["Test Valley Brigade"]


def run_extract(text_file: Path, settings: Path | None = None) -> subprocess.CompletedProcess:
    """`frontlines extract` in a fresh process (the machine's own cache: its place index is built)."""
    env = {**os.environ, **({"FRONTLINES_SETTINGS": str(settings)} if settings else {})}
    return subprocess.run([sys.executable, "-m", "frontlines.cli", "extract", str(text_file), "--date", "2021-01-01"],
                          capture_output=True, text=True, env=env)


def test_a_fixed_settings_file_is_read_anew_by_the_next_run(tmp_path):
    shipped = SHIPPED_SETTINGS.read_text("utf-8")
    assert "retype_min: 0.99" in shipped, "the shipped settings changed: update this test"
    settings, text = tmp_path / "settings.yaml", tmp_path / "a.txt"
    text.write_text("Gunmen attacked a church in Kaya on Sunday.", "utf-8")
    settings.write_text(shipped.replace("retype_min: 0.99", "retype_min: 2"), "utf-8")
    assert run_extract(text, settings).returncode == 2  # the mistake is read, and compiled
    settings.write_text(shipped, "utf-8")  # the same file, fixed
    done = run_extract(text, settings)
    assert done.returncode == 0, done.stderr


def test_a_start_with_every_data_file_compiled_does_not_import_pyyaml(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Gunmen attacked a church in Kaya on Sunday.", "utf-8")
    # the command run in this process (the command as a process ends without teardown, unasked)
    probe = ("import sys\nfrom frontlines.cli import main\n"
             f"sys.argv = ['frontlines', 'extract', {str(text)!r}, '--date', '2021-01-01']\n"
             "try:\n    main()\n"
             "except SystemExit:\n    pass\n"
             "print('PyYAML imported' if 'yaml' in sys.modules else 'PyYAML not imported', file=sys.stderr)\n")
    subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)  # compiles them
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stderr.strip().splitlines()[-1] == "PyYAML not imported", done.stderr


def test_entries_unused_for_a_month_are_removed_when_one_is_written(empty_cache):
    yamlfile.load_yaml("old: 1\n")
    old = cache.compiled_path("yaml", "old: 1\n")
    month_ago = old.stat().st_mtime - cache.KEEP_SECONDS - 60
    os.utime(old, (month_ago, month_ago))
    yamlfile.load_yaml("new: 1\n")
    assert not old.exists() and cache.compiled_path("yaml", "new: 1\n").exists()
    assert yamlfile.load_yaml("old: 1\n") == {"old": 1}  # still there when asked again
