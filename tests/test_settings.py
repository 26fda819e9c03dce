"""settings.yaml: a mistaken settings file stops the run with one line that names the key and
the fix; the settings decide how rules and classifier combine."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SHIPPED = Path(__file__).resolve().parents[1] / "src" / "frontlines" / "settings.yaml"


def run_with(settings: Path, text_file: Path) -> subprocess.CompletedProcess:
    """`frontlines extract` in a fresh process, with FRONTLINES_SETTINGS naming `settings`."""
    import os

    return subprocess.run([sys.executable, "-m", "frontlines.cli", "extract", str(text_file), "--date", "2021-01-01"],
                          capture_output=True, text=True, env={**os.environ, "FRONTLINES_SETTINGS": str(settings)})


@pytest.mark.parametrize("old, new, named", [
    ("retype_min: 0.99", "retype_min: 2", "events.retype_min"),
    ("brief_max_sentences: 3", "brief_max_sentences: three", "events.brief_max_sentences"),
    ("coarse_retype_min: 1.0", "coarse_retype_minimum: 1.0", "coarse_retype_minimum"),
])
def test_a_mistaken_settings_file_is_one_line_naming_the_key(tmp_path, old, new, named):
    shipped = SHIPPED.read_text("utf-8")
    assert old in shipped, f"the shipped settings no longer say {old!r}: update this test"
    settings = tmp_path / "settings.yaml"
    settings.write_text(shipped.replace(old, new), "utf-8")
    text = tmp_path / "a.txt"
    text.write_text("Gunmen attacked a church in Kaya on Sunday.", "utf-8")
    done = run_with(settings, text)
    assert done.returncode == 2, done.stderr
    assert named in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
