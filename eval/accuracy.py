"""Regenerate the README's accuracy tables from the annotated sets: `make accuracy`.

Each part scores the extractor with `../shared/eval/score.py` and rewrites the README
between its markers (`<!-- accuracy:PART -->` ... `<!-- /accuracy:PART -->`), so the figures
shown are always the ones this checkout produces.  Parts: `places` (toponyms on the dev
articles, eval/extra, LGL and WikToR, beside the best published geoparsers).  Another part
(events) is a function returning its table, added to PARTS.

    python eval/accuracy.py                 # every part, README.md rewritten
    python eval/accuracy.py places --print  # one part, the table printed only
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
CLI = str(ROOT / ".venv" / "bin" / "frontlines")
PER_ARTICLE = f"{CLI} extract --date {{published}} {{text}}"
BATCH = f"{CLI} extract --format jsonl {{jsonl}}"

# (label, gold folder, how it is run, what it is, best published acc@161km and who)
PLACE_SETS = [
    ("dev", SHARED / "dev", "cmd", "9 conflict articles (ours, hand-annotated)", None),
    ("eval/extra", ROOT / "eval" / "extra", "cmd", "10 conflict articles (ours, never tuned on)", None),
    ("LGL", SHARED / "lgl", "batch", "188 US local news articles, 779 toponyms (Lieberman et al. 2010)",
     (0.55, "best published geoparser, as compared in issue #14")),
    ("WikToR", SHARED / "wiktor", "batch", "400 Wikipedia articles on places sharing a name (Gritta et al. 2018)",
     (0.38, "best published geoparser, as compared in issue #14")),
]


def score(gold: Path, how: str) -> dict:
    """The scorer's figures for one gold folder, the extractor run once per article or once in all."""
    flag, template = ("--cmd", PER_ARTICLE) if how == "cmd" else ("--batch-cmd", BATCH)
    out = subprocess.run([sys.executable, str(SHARED / "score.py"), str(gold), flag, template, "--json"],
                         capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        raise SystemExit(f"accuracy: scoring {gold} failed: {out.stderr.strip()[-400:]}")
    return json.loads(out.stdout)


def places_table() -> str:
    """The places table: acc@161km and the share found on each set, beside the published best."""
    rows = ["| Set | What it is | acc@161km | found | Best published |", "|---|---|---|---|---|"]
    for label, gold, how, what, peer in PLACE_SETS:
        if not gold.is_dir():
            raise SystemExit(f"accuracy: {gold} is missing; clone the project next to its shared/ folder")
        f = score(gold, how)
        best = f"{peer[0]:.2f} ({peer[1]})" if peer else "n/a"
        rows.append(f"| {label} | {what} | {f['toponym_acc161']:.3f} | {f['toponym_recall']:.3f} | {best} |")
        print(f"accuracy: places on {label}: {f['toponym_acc161']:.3f}", file=sys.stderr)
    return "\n".join(rows)


PARTS: dict[str, Callable[[], str]] = {"places": places_table}


def replace_part(readme: str, part: str, table: str) -> str:
    """The README text with the part's table put between its markers."""
    start, end = f"<!-- accuracy:{part} -->", f"<!-- /accuracy:{part} -->"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
    if not pattern.search(readme):
        raise SystemExit(f"accuracy: README.md has no {start} ... {end} markers; add them where the table goes")
    return pattern.sub(lambda _: f"{start}\n{table}\n{end}", readme)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("parts", nargs="*", help=f"parts to regenerate, of {', '.join(PARTS)} (all by default)")
    ap.add_argument("--print", action="store_true", help="print the tables, leave README.md alone")
    args = ap.parse_args(argv)
    unknown = [p for p in args.parts if p not in PARTS]
    if unknown:
        ap.error(f"no part {', '.join(unknown)}; the parts are {', '.join(PARTS)}")
    readme_path = ROOT / "README.md"
    readme = readme_path.read_text("utf-8")
    for part in args.parts or list(PARTS):
        table = PARTS[part]()
        if args.print:
            print(table)
        else:
            readme = replace_part(readme, part, table)
    if not args.print:
        readme_path.write_text(readme, "utf-8")


if __name__ == "__main__":
    main()
