"""Reproducible installs: every package our imports need is declared, and the Makefile installs
the exact versions the tests passed with."""
from __future__ import annotations

import re
import tomllib
from importlib.metadata import distributions

from conftest import ROOT

# Packages we need that no import of ours names: trafilatura cleans HTML with lxml.html.clean, which
# lives in lxml_html_clean; an older pip does not install it through the lxml[html_clean] extra.
NEEDED_INDIRECTLY = ["lxml_html_clean"]


def normal(name: str) -> str:
    """A distribution name as pip compares them."""
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return {normal(re.split(r"[\s<>=!~\[;]", d, maxsplit=1)[0]) for d in project["dependencies"]}


def pinned() -> dict[str, str]:
    rows = (ROOT / "constraints.txt").read_text().splitlines()
    return {normal(name): version for name, version in (r.split("==") for r in rows if r and not r.startswith("#"))}


def test_packages_our_imports_need_are_declared_directly():
    assert {normal(n) for n in NEEDED_INDIRECTLY} <= declared()


def test_constraints_pin_every_declared_package_at_the_installed_version():
    pins = pinned()
    assert declared() <= set(pins), f"not pinned: {declared() - set(pins)}"
    installed = {normal(d.metadata["Name"]): d.version for d in distributions()}
    assert all(pins[name] == installed[name] for name in declared()), \
        {name: (pins[name], installed[name]) for name in declared() if pins[name] != installed[name]}


def test_the_makefile_installs_with_the_constraints_and_can_refresh_them():
    makefile = (ROOT / "Makefile").read_text()
    assert "-c constraints.txt -e '.[test]'" in makefile
    assert re.search(r"^lock:", makefile, re.M)
