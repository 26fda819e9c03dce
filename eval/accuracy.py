"""Regenerate the README's accuracy tables from the annotated sets: `make accuracy`.

Each part scores the extractor with `../shared/eval/score.py` and rewrites the README
between its markers (`<!-- accuracy:PART -->` ... `<!-- /accuracy:PART -->`), so the figures
shown are always the ones this checkout produces.  Parts: `places` (toponyms on the dev
articles, eval/extra, LGL and WikToR, beside the best published geoparsers) and `events`
(events and control on the dev articles, eval/extra and eval/blind, the blind set's first
score beside today's, and the ACLED sub-types of the CASE 2021 snippets: the 5-fold
cross-validation that `make train` records in the shipped classifier, which has seen every
snippet, beside the rules alone, which never did, and the shared task's best system).

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
    ("dev", SHARED / "dev", "cmd", "9 conflict articles (ours; the rules were developed on them)", None),
    ("eval/extra", ROOT / "eval" / "extra", "cmd", "10 conflict articles (ours, annotated separately)", None),
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


# (label, gold folder, what it is): the article sets with events and control
EVENT_SETS = [
    ("dev", SHARED / "dev", "9 conflict articles the rules were written on"),
    ("eval/extra", ROOT / "eval" / "extra", "10 conflict articles, 5 of them used in tuning"),
    ("eval/blind", ROOT / "eval" / "blind", "10 conflict articles written blind to the rules (2026-11-29)"),
    ("eval/blind2", ROOT / "eval" / "blind2", "10 more, written blind while the rules were being generalised"),
    ("eval/blind3", ROOT / "eval" / "blind3", "10 more, written blind in a later session; misses read in the next"),
    ("eval/blind4", ROOT / "eval" / "blind4", "10 more, written blind in a fourth session; misses read in the next"),
    ("eval/blind5", ROOT / "eval" / "blind5", "10 more, written blind in a fifth session; misses read in the next"),
    ("eval/blind6", ROOT / "eval" / "blind6", "10 more, written blind at the end of a sixth session, scored once at "
     "the end of the next; misses read in the one after"),
    ("eval/blind7", ROOT / "eval" / "blind7", "10 more, written blind in a seventh session, scored once at the end "
     "of the next; misses read in the one after"),
    ("eval/blind8", ROOT / "eval" / "blind8", "10 more, written blind in an eighth session, scored once at the end "
     "of the next; its misses read since"),
    ("eval/blind9", ROOT / "eval" / "blind9", "10 more, written blind in a ninth session, scored once at the end of "
     "the next; its misses read in the one after"),
    ("eval/blind10", ROOT / "eval" / "blind10", "10 more, written blind in a tenth session, scored once at the end "
     "of the next; its misses read in the one after"),
    ("eval/blind11", ROOT / "eval" / "blind11", "10 more, written blind at the start of that session, scored once "
     "at its end; its misses read in the next"),
    ("eval/blind12", ROOT / "eval" / "blind12", "10 more, written blind during that session, scored once at its end; "
     "its misses read in the next"),
    ("eval/blind13", ROOT / "eval" / "blind13", "10 more, written blind while blind10 to blind12 were scored, scored "
     "once at the end of the next session; its misses read in the one after"),
    ("eval/blind14", ROOT / "eval" / "blind14", "10 more, written blind while blind13 was scored, scored once at the "
     "end of the next session; its misses read in the one after"),
    ("eval/blind15", ROOT / "eval" / "blind15", "10 more, written blind while blind14 was scored, scored once at the "
     "end of the next session; its misses read in the one after"),
    ("eval/blind16", ROOT / "eval" / "blind16", "10 more, written blind while blind14 was scored, scored once at the "
     "end of the next session; its misses read in the one after"),
    ("eval/blind17", ROOT / "eval" / "blind17", "10 more, written blind while blind15 and blind16 were scored, scored "
     "once at the end of the next session; its misses read in the one after"),
    ("eval/blind18", ROOT / "eval" / "blind18", "10 more, written blind at the start of that session, scored once at "
     "its end; its misses read in the next"),
    ("eval/blind19", ROOT / "eval" / "blind19", "10 more, written blind at the end of that session, scored once at "
     "the end of the next; its misses read after"),
    ("eval/blind20", ROOT / "eval" / "blind20", "10 more, written blind at the start of that session, scored once at "
     "the end of the next; its gold's event types corrected and its misses read in the one after"),
    ("eval/blind21", ROOT / "eval" / "blind21", "10 more, written blind at the end of that session, scored once at "
     "the end of the next; its misses read in the one after"),
    ("eval/blind22", ROOT / "eval" / "blind22", "10 more, written blind in that session, its scenes kept from the "
     "rule writer, scored once at the end of the next; its misses read in the one after"),
    ("eval/blind23", ROOT / "eval" / "blind23", "10 more, written blind at the end of that session, scored once at "
     "the start of the next, before any rule change; its misses read in that session"),
    ("eval/blind24", ROOT / "eval" / "blind24", "10 more, written blind at the start of that session, its scenes kept "
     "from the rule writer, scored once at the end of its rule work; its misses read in the next"),
    ("eval/blind25", ROOT / "eval" / "blind25", "10 more, written blind at the end of that session, its scenes kept "
     "from the rule writer, scored once at the end of the next session's rule work; its misses read in the one after"),
    ("eval/blind26", ROOT / "eval" / "blind26", "10 more, written blind at the start of that session, its scenes kept "
     "from the rule writer, scored once at the end of the next session's rule work; its misses read in the one after"),
    ("eval/blind27", ROOT / "eval" / "blind27", "10 more, written blind at the start of that session, its scenes kept "
     "from the rule writer, scored once at the end of the next session's rule work; its misses read in the one after"),
    ("eval/blind28", ROOT / "eval" / "blind28", "10 more, written blind at the start of that session, its scenes kept "
     "from the rule writer, scored once at the end of the next session's rule work; its misses read in the one after"),
    ("eval/blind29", ROOT / "eval" / "blind29", "10 more, written blind at the start of that session, its scenes kept "
     "from the rule writer, scored once at the end of the next session's rule work; its misses read in the one after"),
    ("eval/blind30", ROOT / "eval" / "blind30", "10 more, written blind at the start of that session, its scenes kept "
     "from the rule writer, scored once at the end of the next session's rule work; its misses read in the one after"),
    ("eval/blind31", ROOT / "eval" / "blind31", "10 more, written blind at the start of that session, its scenes kept "
     "from the rule writer, scored once at the end of the next session's rule work; its misses read in the one after"),
    ("eval/blind32", ROOT / "eval" / "blind32", "10 more, written blind at the start of that session, its scenes kept "
     "from the rule writer, scored once at the end of the next session's rule work; its misses read in the one after"),
    ("eval/blind33", ROOT / "eval" / "blind33", "10 more, written blind at the start of that session, its scenes kept "
     "from the rule writer, scored once at the end of the next session's rule work; its misses read in the one after"),
    ("eval/blind34", ROOT / "eval" / "blind34", "10 more, written blind at the start of that session, its scenes kept "
     "from the rule writer, scored once at the end of the next session's rule work; its misses read in the one after"),
    ("eval/blind35", ROOT / "eval" / "blind35", "10 more, written blind at the start of that session, its scenes kept "
     "from the rule writer, scored once at the end of the second session's rule work after it; its misses read in "
     "the one after"),
    ("eval/blind36", ROOT / "eval" / "blind36", "10 more, written blind at the start of that session, its scenes kept "
     "from the rule writer, scored once two sessions' rule work after it"),
    ("eval/blind37", ROOT / "eval" / "blind37", "10 more, written blind at the start of that session, its scenes kept "
     "from the rule writer, scored once at the end of the third session's rule work after it; its misses read in the one "
     "after"),
    ("eval/blind38", ROOT / "eval" / "blind38", "10 more, written blind at the start of that session, its text and "
     "gold kept from the rule writer (its scene list was seen), scored once at the end of the third session's rule "
     "work after it; its misses read in the one after"),
    ("eval/blind39", ROOT / "eval" / "blind39", "10 more, written blind at the start of the session after "
     "blind38's first score, its text, gold and scene list kept from the rule writer, scored once at the end of "
     "the next session's rule work; its misses read in the one after"),
    ("eval/blind40", ROOT / "eval" / "blind40", "10 more, written blind at the start of the session that took "
     "blind39's first score, its text, gold and scene list kept from the rule writer, scored once at the end of "
     "the next session's rule work; its misses read in the one after"),
    ("eval/blind41", ROOT / "eval" / "blind41", "10 more, written blind at the start of the session that took "
     "blind40's first score, its text, gold and scene list kept from the rule writer, scored once at the end of "
     "the next session's rule work; its misses read in the one after"),
    ("eval/blind42", ROOT / "eval" / "blind42", "10 more, written blind at the start of the session that took "
     "blind41's first score, its text, gold and scene list kept from the rule writer, scored once at the end of "
     "the next session's rule work; its misses read in the one after"),
    ("eval/blind43", ROOT / "eval" / "blind43", "10 more, written blind at the start of the session that took "
     "blind42's first score, its text, gold and scene list kept from the rule writer, scored once at the end of "
     "the next session's rule work; its misses read in the one after"),
    ("eval/blind44", ROOT / "eval" / "blind44", "10 more, written blind at the end of the session that took "
     "blind43's first score, its text and gold kept from the rule writer (its scene list was seen), scored once "
     "at the end of the next session's rule work; its misses read in the one after"),
    ("eval/blind45", ROOT / "eval" / "blind45", "10 more, written blind at the start of the session that read "
     "blind44's misses, its text, gold and scene list kept from the rule writer, scored once at the end of that "
     "session's rule work; its misses read in the one after"),
    ("eval/blind46", ROOT / "eval" / "blind46", "10 more, written blind at the start of the session that read "
     "blind45's misses, its text, gold and scene list kept from the rule writer, scored once at the end of that "
     "session's rule work; its misses read in the one after"),
    ("eval/blind47", ROOT / "eval" / "blind47", "10 more, written blind at the end of the session that read "
     "blind45's misses, its text, gold and scene list kept from the rule writer, scored once at the end of the "
     "next session's rule work"),
]
CASE_BEST = 0.839  # the shared task's best weighted F1 (Haneczok et al. 2021)


def snippet_figures(mode: str) -> dict:
    """The shared scorer's figures on the CASE 2021 snippets, the events stage in `mode`."""
    import os
    import tempfile

    shipped = (ROOT / "src" / "frontlines" / "settings.yaml").read_text("utf-8")
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as f:
        f.write(re.sub(r"(?m)^  mode: .*$", f"  mode: {mode}", shipped))
    out = subprocess.run([sys.executable, str(SHARED / "score_items.py"), str(SHARED / "case2021" / "items.jsonl"),
                          "--batch-cmd", BATCH], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "FRONTLINES_SETTINGS": f.name})
    os.unlink(f.name)
    if out.returncode != 0:
        raise SystemExit(f"accuracy: scoring the CASE 2021 snippets failed: {out.stderr.strip()[-400:]}")
    return json.loads(out.stdout[out.stdout.index("{"):out.stdout.rindex("}") + 1])


def events_table() -> str:
    """The events table: strict and loose F1 and control F1 on each article set; the snippets'
    weighted F1 and abstention, cross-validated and by the rules alone."""
    rows = ["| Set | What it is | events strict F1 | events loose F1 | control F1 |", "|---|---|---|---|---|"]
    for label, gold, what in EVENT_SETS:
        f = score(gold, "cmd")
        rows.append(f"| {label} | {what} | {f['events_strict']['f1']:.3f} | {f['events_loose']['f1']:.3f} "
                    f"| {f['control']['f1']:.3f} |")
        first = gold / "first-score.json"
        if first.exists():
            b = json.loads(first.read_text("utf-8"))
            rows.append(f"| {label}, first score | {b['note']} | {b['events_strict_f1']:.3f} "
                        f"| {b['events_loose_f1']:.3f} | {b['control_f1']:.3f} |")
        print(f"accuracy: events on {label}: {f['events_strict']['f1']:.3f}", file=sys.stderr)
    meta = json.loads((ROOT / "src" / "frontlines" / "events" / "model" / "frontlines.json").read_text("utf-8"))
    cv, rules = meta.get("cv") or {}, snippet_figures("rules")
    rows += ["", "| CASE 2021 snippets (601) | weighted F1 | top sub-type right | nothing coded | abstains on non-ACLED |",
             "|---|---|---|---|---|",
             f"| rules + classifier, 5-fold cross-validation | {cv.get('weighted_f1', float('nan')):.3f} "
             f"| {cv.get('top1_sub', float('nan')):.3f} | {cv.get('no_event', float('nan')):.3f} "
             f"| {cv.get('abstain', float('nan')):.3f} |",
             f"| rules alone (not trained on the snippets; their misses were read) | {rules['weighted_f1']:.3f} "
             f"| {rules['top1_sub']:.3f} "
             f"| {rules['no_event']:.3f} | {rules['abstain']:.3f} |",
             f"| best system of the shared task | {CASE_BEST:.3f} | | | |"]
    return "\n".join(rows + recall_rows(cv.get("recall_by_type") or {}))


def recall_rows(recall: dict[str, list]) -> list[str]:
    """Each sub-type's recall on the snippets (cross-validated), fewest right first."""
    if not recall:
        return []
    rows = ["", "| CASE 2021 sub-type (cross-validated) | items | recall |", "|---|---|---|"]
    for label, (n, share) in sorted(recall.items(), key=lambda kv: kv[1][1]):
        rows.append(f"| {label} | {n} | {share:.2f} |")
    return rows


PARTS: dict[str, Callable[[], str]] = {"places": places_table, "events": events_table}


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
