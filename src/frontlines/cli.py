"""The `frontlines` command: a thin skin over the Python API of the same names."""
from __future__ import annotations

import json
import os
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import click

from frontlines.errors import FrontlinesError, InputError, UsageError
from frontlines import DEFAULT_MODEL
from frontlines.output import for_terminal

# --max-bytes: a larger file is skipped, so one stray dump cannot eat the memory.  A long text is
# parsed a piece at a time, but the stages read it as one Doc (so "the town" in a late paragraph
# resolves against the early ones), which grows by about 125 MB a MB of text: at 2 MB a run peaks
# near 410 MB, under an ordinary stream of articles' 465 MB; at 5 MB it would pass 0.8 GB.
MAX_BYTES = 2_000_000

EXTRACT_EXAMPLES = """
\b
Examples:
  frontlines extract article.txt                     # JSON report on stdout
  frontlines extract article.txt --out report.json   # JSON to a file, a summary on screen
  frontlines extract page.html --format summary      # a readable summary
  frontlines extract *.txt --format jsonl            # one report a line, streamed
  cat article.txt | frontlines extract - --date 2017-11-03
\b
A JSON file beside an article that names it ({"text": "article.txt", "published": "2017-11-03", "id": "a1"},
as scrapers write them) gives the article its id, and its date unless the text gives one (before --date).
\b
Exit status: 0 all read; 1 some inputs failed or were skipped (the others were processed); 2 usage error.
"""


def check_date(ctx, param, value: str | None) -> str | None:
    """Validate --date as a real YYYY-MM-DD day."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat() if len(value) == 10 else _bad_date(value)
    except ValueError:
        return _bad_date(value)


def check_country(ctx, param, value: str | None) -> str | None:
    """--country as an ISO code: a code GeoNames knows, or a country's English name ("Kenya" → KE)."""
    from frontlines.store.filters import country_code

    return checked(country_code, value)


def check_event_type(ctx, param, value: str | None) -> str | None:
    """--type as one of ACLED's event types, whatever its case."""
    from frontlines.store.filters import event_type

    return checked(event_type, value)


def checked(normalise, value: str | None) -> str | None:
    """A filter option's value as the store holds it, or Click's error for a bad parameter."""
    try:
        return normalise(value) if value else None
    except FrontlinesError as exc:
        raise click.BadParameter(str(exc)) from None


def check_published(ctx, param, value: str | None) -> str | None:
    """Validate --date as a publication date: a real day from 1900 to today."""
    from frontlines.read.article import valid_iso

    day = check_date(ctx, param, value)
    if day is not None and not valid_iso(day):
        raise click.BadParameter(f"{value!r} is not a publication date; give a day from 1900 to today")
    return day


def _bad_date(value: str):
    raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2017-11-03")


def as_click(exc: FrontlinesError) -> click.ClickException:
    """A FrontlinesError as Click's error: a usage error exits 2, anything else 1."""
    return click.UsageError(str(exc)) if isinstance(exc, UsageError) else click.ClickException(str(exc))


def max_bytes_option(command):
    """The --max-bytes option of extract and ingest."""
    return click.option("--max-bytes", type=click.IntRange(min=1), default=MAX_BYTES, show_default=True,
                        help="Skip a file (or a JSON record, or a feed entry when ingesting) larger than this many bytes.")(command)


# Click's own parser errors ("No such option", "Missing argument") say what is wrong but not where
# to look, so the message names the command's --help; ours already say the fix.
PARSER_ERRORS = (click.exceptions.NoSuchOption, click.exceptions.MissingParameter,
                 click.exceptions.BadOptionUsage, click.exceptions.BadArgumentUsage)


class Frontlines(click.Group):
    """The command group, with usage errors on one line: the error and its fix, without Click's
    "Usage: ..." and "Try ... --help" lines above it."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, **extra)
        except click.UsageError as exc:
            no_args = isinstance(exc, getattr(click.exceptions, "NoArgsIsHelpError", ()))  # bare `frontlines`: the help
            click.echo(exc.format_message() if no_args else f"Error: {usage_message(exc)}", err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


def usage_message(exc: click.UsageError) -> str:
    """A usage error's one line: the message, and for Click's parser errors where help is."""
    message = exc.format_message()
    unknown_command = message.startswith("No such command")
    if (isinstance(exc, PARSER_ERRORS) or unknown_command) and exc.ctx is not None:
        message = f"{message.rstrip('.')}; see `{exc.ctx.command_path} --help`"
    return message


@click.group(cls=Frontlines, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="frontlines")
def main() -> None:
    """Frontlines: read news about armed conflict, get events and territorial control as data."""


@main.command(epilog=EXTRACT_EXAMPLES, short_help="Extract the report of each article (JSON, JSON Lines or a summary).")
@click.argument("files", nargs=-1, required=True)
@click.option("--date", "published", callback=check_published, metavar="YYYY-MM-DD",
              help="Publication date, for texts that do not give one (relative dates resolve against it).")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "summary"]), default="json", show_default=True,
              help="json: one object (an array for several files); jsonl: one report a line; summary: for people.")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="An installed spaCy English pipeline.")
@click.option("--out", type=click.Path(dir_okay=False, writable=True), help="Write the output here; a summary goes to the screen.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(dir_okay=False),
              help="A YAML actor dictionary that adds or overrides entries (repeatable).")
@max_bytes_option
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes; the output is the same as with one.")
def extract(files: tuple[str, ...], published: str | None, fmt: str, model: str, out: str | None,
            actor_files: tuple[str, ...], max_bytes: int, jobs: int) -> None:
    """Extract places, actors, events and control from news articles (.txt, .html, .json, .jsonl, or - for stdin)."""
    from frontlines.parallel import analyse_parallel
    from frontlines.read import read_source
    from frontlines.read.sources import is_feed, read_any
    from frontlines.summary import summarise

    failed: Counter[str] = Counter()
    read = Counter()  # documents read, for the summary

    def documents():
        for source in files:
            # a JSON file beside an article that names it fills in its date and id, as `ingest` reads it
            # (feeds are `ingest`'s: extract fetches nothing)
            for item in (read_source if is_feed(source) else read_any)(source, published, max_bytes):
                if isinstance(item, InputError):
                    failed[item.reason] += 1
                    click.echo(for_terminal(f"frontlines: {item}"), err=True)
                else:
                    read["documents"] += 1
                    yield item

    several = len(files) > 1  # the output's shape follows the inputs named, not how many were read
    try:
        check_actor_files(actor_files)
        reports = analyse_parallel(documents(), jobs, model, tuple(Path(f) for f in actor_files))
        if out:
            write_out_file(reports, fmt, out, several, summarise)
        else:
            write_reports(reports, fmt, sys.stdout, False, summarise, several)
    except FrontlinesError as exc:
        raise as_click(exc) from None
    if failed or len(files) > 1:
        reasons = ", ".join(f"{n} {reason}" for reason, n in failed.most_common())
        n, bad = read["documents"], sum(failed.values())
        click.echo(f"frontlines: {n} document{'s' * (n != 1)} read"
                   + (f"; {bad} input{'s' * (bad != 1)} failed or skipped ({reasons})" if failed else ""), err=True)
    if failed:
        sys.exit(1)


def check_actor_files(actor_files: tuple[str, ...]) -> None:
    """Load --actors files up front, so a malformed one stops the run before any work."""
    from frontlines.actors.dictionary import load_dictionary

    load_dictionary(tuple(Path(f) for f in actor_files))


EVAL_EXAMPLES = """
\b
Examples:
  frontlines eval ../shared/eval/dev
  frontlines eval my-annotations/ --json
\b
GOLD_DIR holds <id>.gold.json files, each naming its article ("text") and publication
date ("published"), with the toponyms, events and control a careful analyst codes.
"""


@main.command("eval", epilog=EVAL_EXAMPLES, short_help="Score the extractor on your own annotated articles.")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="An installed spaCy English pipeline.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(dir_okay=False),
              help="A YAML actor dictionary that adds or overrides entries (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def evaluate(gold_dir: str, model: str, actor_files: tuple[str, ...], as_json: bool) -> None:
    """Score the extractor on a folder of gold annotations: precision, recall and F1 per field."""
    from frontlines.evaluate import evaluate_folder, format_table
    from frontlines.pipeline import analyse
    from frontlines.read import read_source

    files = tuple(Path(f) for f in actor_files)

    def report_for(path: Path, published: str | None) -> dict:
        docs = list(read_source(str(path), published))
        problem = next((d for d in docs if isinstance(d, InputError)), None)
        if problem is not None or not docs:  # scoring an unread article as empty would hide it
            raise UsageError(f"{problem or f'{path}: no article in it'} (so it cannot be scored)")
        return next(analyse(docs[:1], model, files)).to_dict()

    try:
        check_actor_files(actor_files)
        result = evaluate_folder(Path(gold_dir), report_for)
    except FrontlinesError as exc:
        raise as_click(exc) from None
    if as_json:
        click.echo(json.dumps({name: {"precision": p if p is None else round(p, 3), "recall": round(r, 3),
                                      "f1": f if f is None else round(f, 3), "gold": n}
                               for name, p, r, f, n in result.rows()}, indent=2))
    else:
        click.echo(format_table(result))


INGEST_EXAMPLES = """
\b
Examples:
  frontlines ingest ../shared/eval/dev                 # a folder, recursively
  frontlines ingest articles.jsonl feed.xml --db corpus.duckdb
  frontlines ingest https://example.org/world.rss
  frontlines ingest archive/ --jobs 2                  # two worker processes
  frontlines ingest archive.parquet --dask local       # a Dask cluster on this machine
  frontlines ingest archive/ --dask tcp://sched:8786 --parts /shared/parts
\b
Ingesting the same article twice changes nothing; an article whose text changed
replaces its old report.  Exit status: 0 all read; 1 some inputs failed or were skipped,
or the database is in use; 2 usage error.
"""


@main.command(epilog=INGEST_EXAMPLES, short_help="Extract articles, archives and feeds into the corpus database.")
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default="frontlines.duckdb", show_default=True, help="The corpus database file.")
@click.option("--date", "published", callback=check_published, metavar="YYYY-MM-DD",
              help="Publication date for texts that give none.")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="An installed spaCy English pipeline.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(dir_okay=False),
              help="A YAML actor dictionary that adds or overrides entries (repeatable).")
@max_bytes_option
@click.option("--allow-local", is_flag=True,
              help="Let feed entries fetch file:// pages and pages on this machine or a private network.")
@click.option("--jobs", "-j", type=click.IntRange(min=1),
              help="Worker processes (with --dask local: Dask workers)  [default: the number of cores]")
@click.option("--dask", "dask_address", metavar="local|ADDRESS",
              help="Extract on a Dask cluster: 'local' starts one on this machine, or give a scheduler "
                   "(tcp://host:8786).")
@click.option("--parts", type=click.Path(file_okay=False, path_type=Path),
              help="With --dask: the folder, shared with the workers, for their Parquet parts  [default: DB.parts]")
def ingest(paths: tuple[str, ...], db: str, published: str | None, model: str, actor_files: tuple[str, ...],
           max_bytes: int, allow_local: bool, jobs: int | None, dask_address: str | None, parts: Path | None) -> None:
    """Extract articles, folders, JSON Lines, Parquet and RSS/Atom feeds into the corpus database."""
    from frontlines.nlp import check_model
    from frontlines.parallel import default_jobs
    from frontlines.store.ingest import ingest_on_dask, ingest_sources

    def warn(message: str) -> None:
        click.echo(for_terminal(f"frontlines: {message}"), err=True)  # a feed's titles and links are not ours

    try:
        check_actor_files(actor_files)
        check_model(model)  # an unknown model stops the run before the database is touched
        files = tuple(Path(f) for f in actor_files)
        if dask_address:
            summary = ingest_on_dask(list(paths), db, dask_address, jobs or default_jobs(), parts, published, model,
                                     files, warn, max_bytes=max_bytes, allow_local=allow_local)
        else:
            summary = ingest_sources(list(paths), db, published, model, files, warn, max_bytes=max_bytes,
                                     allow_local=allow_local, jobs=jobs or default_jobs())
    except FrontlinesError as exc:
        raise as_click(exc) from None
    click.echo(summary.describe(db), err=True)
    if summary.failed:
        sys.exit(1)


EVENTS_EXAMPLES = """
\b
Examples:
  frontlines events --country SY --start 2017-10-01 --format csv --out syria.csv
  frontlines events --type Battles --format geojson --out battles.geojson
  frontlines events --actor "Islamic State" --format jsonl
"""


@main.command(epilog=EVENTS_EXAMPLES, short_help="Export the corpus's events: ACLED CSV, GeoJSON, JSONL, Parquet.")
@click.option("--db", default="frontlines.duckdb", show_default=True, help="The corpus database file.")
@click.option("--start", callback=check_date, metavar="YYYY-MM-DD", help="First day.")
@click.option("--end", callback=check_date, metavar="YYYY-MM-DD", help="Last day.")
@click.option("--country", metavar="CC", callback=check_country, help="ISO 3166-1 alpha-2 code (SY) or English name.")
@click.option("--type", "event_type", callback=check_event_type, help='An ACLED event type, e.g. "Battles".')
@click.option("--actor", help="Part of an actor's name.")
@click.option("--text", help="Words in the evidence or the place name.")
@click.option("--format", "fmt", type=click.Choice(["csv", "geojson", "jsonl", "parquet"]), default="csv",
              show_default=True, help="csv has ACLED's export columns; geojson opens in QGIS.")
@click.option("--out", type=click.Path(dir_okay=False), help="Write here (needed for parquet).")
def events(db: str, start, end, country, event_type, actor, text, fmt: str, out: str | None) -> None:
    """Events from the corpus, reports of one event by several sources fused into one."""
    from frontlines.store import Store
    from frontlines.store.export import events_geojson, events_jsonl, to_acled_csv
    from frontlines.store.queries import EventFilter, fused_events

    if fmt == "parquet" and not out:
        raise click.UsageError("--format parquet writes a file: give --out FILE.parquet")
    try:
        if out:
            check_writable(out)  # fail now, with the file named, if it cannot be written (the file is not touched)
        with Store.open_read_only(db) as store:
            found = fused_events(store, EventFilter(start, end, country, event_type, actor, text))
            if fmt == "parquet":
                write_parquet(store, found, out)
                click.echo(f"frontlines: {len(found)} events written to {out}", err=True)
                return
    except FrontlinesError as exc:
        raise as_click(exc) from None
    if not found:
        click.echo("frontlines: no events match these filters", err=True)
    body = {"csv": to_acled_csv, "geojson": events_geojson, "jsonl": events_jsonl}[fmt](found)
    emit(body, out)


def write_parquet(store, found, out: str) -> None:
    """Fused events as a Parquet file, written by DuckDB."""
    import csv as csv_module
    import tempfile

    from frontlines.output import replacing
    from frontlines.store.export import ACLED_COLUMNS, acled_rows

    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, newline="", encoding="utf-8") as tmp:
        writer = csv_module.DictWriter(tmp, fieldnames=ACLED_COLUMNS)
        writer.writeheader()
        writer.writerows(acled_rows(found))
    try:
        with replacing(out, binary=True) as pending:  # DuckDB writes beside it; renamed into place when whole
            pending.handle.close()
            store.db.read_csv(tmp.name, all_varchar=True).write_parquet(str(pending.path))  # no file name in SQL
            pending.keep()
    finally:
        Path(tmp.name).unlink()


CONTROL_EXAMPLES = """
\b
Examples:
  frontlines control --as-of 2017-11-03
  frontlines control --as-of 2017-11-03 --country SY --format geojson --out control.geojson
  frontlines control --place "Deir ez-Zor"          # that place's holders over time
"""


@main.command(epilog=CONTROL_EXAMPLES, short_help="Who held each place on a day, or one place's timeline.")
@click.option("--db", default="frontlines.duckdb", show_default=True, help="The corpus database file.")
@click.option("--as-of", "as_of", callback=check_date, metavar="YYYY-MM-DD", help="The day asked about.")
@click.option("--place", help="Instead: the timeline of one place (its gazetteer name or GeoNames id).")
@click.option("--country", metavar="CC", callback=check_country, help="ISO 3166-1 alpha-2 code (SY) or English name.")
@click.option("--format", "fmt", type=click.Choice(["table", "geojson", "csv"]), default="table", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False), help="Write here instead of the screen.")
def control(db: str, as_of: str | None, place: str | None, country: str | None, fmt: str, out: str | None) -> None:
    """Who held which place on a day, or one place's holders over time, with the evidence behind
    each answer; disputes shown."""
    from frontlines.store import Store
    from frontlines.store.export import control_csv, control_geojson
    from frontlines.store.queries import control_as_of, timeline_and_others

    if (as_of is None) == (place is None):
        raise click.UsageError("give --as-of YYYY-MM-DD (who held what that day) or --place NAME (its timeline)")
    others: list[dict] = []
    try:
        with Store.open_read_only(db) as store:
            if as_of:
                rows = control_as_of(store, as_of, country)
            else:
                found, others = timeline_and_others(store, place)
                rows = [{**r, "sources": [r]} for r in found]
    except FrontlinesError as exc:
        raise as_click(exc) from None
    for other in others:  # a name that stands for several places: one is shown, the others offered
        ask = other["geonameid"] if other["geonameid"] is not None else f'"{other["place_name"]}"'
        click.echo(for_terminal(f'frontlines: did you mean {other["place_name"]} ({other["feature"]}, '
                                f'{other["country_code"] or "-"}, {other["claims"]} claim{"s" * (other["claims"] != 1)})? '
                                f'ask with --place {ask}'),
                   err=True)
    if fmt == "table":
        body = "".join(control_line(r) for r in rows)
    else:
        body = control_geojson(rows) if fmt == "geojson" else control_csv(rows)
    emit(body or ("no control claims on or before that day\n" if as_of else f"no control claims about {place}\n"), out,
         for_people=fmt == "table")


BENCH_EXAMPLES = """
\b
Examples:
  frontlines bench                      # the sample articles, repeated to 100 documents
  frontlines bench --docs 1000 --json   # the figures of the README's Performance table
  frontlines bench my-articles/*.txt --model en_core_web_md
  frontlines bench --docs 20 --long-bytes 0 --cold-runs 21   # the README's cold-start row: 21 pairs and their spread
  frontlines bench --store              # queries on a generated store of 100,000 events
  frontlines bench --store 100000,1000000   # the README's store table: sizes side by side
"""


@main.command(epilog=BENCH_EXAMPLES, short_help="Measure speed and memory, or the store's query times.")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("--docs", type=click.IntRange(min=1), default=100, show_default=True,
              help="Documents to run (the texts are repeated in turn to make up the number).")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="An installed spaCy English pipeline.")
@click.option("--store", "store_events", is_flag=False, flag_value="100000", metavar="N[,N...]",
              help="Instead: time the store's queries, and writing into it, on a generated database of N "
                   "events [N: 100000]; several sizes, comma-separated, give a Markdown table side by side.")
@click.option("--long-bytes", type=click.IntRange(min=0), default=2_000_000, show_default=True,
              help="Also measure the peak memory of one text this large, in a fresh process (0: skip).")
@click.option("--cold-runs", type=click.IntRange(min=1), default=5, show_default=True,
              help="Cold start: pairs of fresh processes (extract one article, and spaCy's bare load) timed in turn.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def bench(files: tuple[str, ...], docs: int, model: str, store_events: str | None, long_bytes: int,
          cold_runs: int, as_json: bool) -> None:
    """Measure throughput against the bare spaCy pipeline, cold start and peak memory; or the store's
    query times.  Figures are ratios on a shared machine: compare runs on the same one."""
    from frontlines.bench import bench_speed, sample_files

    try:
        if store_events:
            from frontlines.store.bench import bench_store, side_by_side

            sizes = store_sizes(store_events)
            if len(sizes) > 1:
                figures = [bench_store(n) for n in sizes]
                click.echo(json.dumps([f.as_dict() for f in figures], indent=2) if as_json else side_by_side(figures))
                return
            figures = bench_store(sizes[0])
        else:
            figures = bench_speed([Path(f) for f in files] or sample_files(), docs, model, long_bytes, cold_runs)
    except FrontlinesError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(json.dumps(figures.as_dict(), indent=2) if as_json else figures.table())


def store_sizes(value: str) -> list[int]:
    """The sizes --store asks for ("100000" or "100000,1000000"), or a usage error that shows the form."""
    try:
        sizes = [int(v.replace("_", "")) for v in value.split(",")]
    except ValueError:
        sizes = []
    if not sizes or min(sizes) < 1:
        raise click.BadParameter(f"{value!r}: give numbers of events, e.g. 100000 or 100000,1000000",
                                 param_hint="--store")
    return sizes


MIN_TOKEN_CHARS = 12


def writes_notice(host: str, writes: str) -> str:
    """What `serve` says about who can read and who can add articles."""
    adding = {"open": "articles may be added from the page on this machine (no token needed)",
              "token": "adding articles needs the write token",
              "closed": "it is read-only: start it with --write-token (or $FRONTLINES_WRITE_TOKEN) to let users "
                        "add articles"}[writes]
    if writes == "open" or (writes == "token" and host in ("127.0.0.1", "localhost", "::1")):
        return adding
    return (f"warning: --host {host} makes the app reachable from other machines: anyone who reaches it can read "
            f"the corpus; {adding}")


SERVE_EXAMPLES = """
\b
Examples:
  frontlines serve                                   # the page at http://127.0.0.1:8000/
  frontlines serve --db corpus.duckdb --port 8080
  frontlines serve --tiles 'https://tile.openstreetmap.org/{z}/{x}/{y}.png'   # a raster base map, online
  FRONTLINES_WRITE_TOKEN=$(openssl rand -hex 16) frontlines serve --host 0.0.0.0   # shared; writes need the token
\b
The API is listed at /docs.  The database is opened read-only for each request, so
`frontlines ingest` can add to it while the server runs.  Off 127.0.0.1 the server is
read-only unless started with a write token, which the page asks for when an article is added.
"""


@main.command(epilog=SERVE_EXAMPLES, short_help="Serve the map of the corpus and its JSON API.")
@click.option("--db", default="frontlines.duckdb", show_default=True, help="The corpus database file.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 opens the app to your network.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--tiles", metavar="URL", help="A raster tile layer, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png")
@click.option("--write-token", envvar="FRONTLINES_WRITE_TOKEN", metavar="TOKEN", show_envvar=True,
              help="Let users who give this token add articles (needed off 127.0.0.1); prefer the "
                   "environment variable, which other users of the machine cannot see in `ps`.")
@click.option("--allow-host", "allowed_hosts", multiple=True, metavar="NAME",
              help="Another name the server answers to, e.g. a reverse proxy's (repeatable); requests for "
                   "other names are refused.")
def serve(db: str, host: str, port: int, tiles: str | None, write_token: str | None,
          allowed_hosts: tuple[str, ...]) -> None:
    """Serve the map of the corpus and its JSON API in the browser."""
    import uvicorn

    from frontlines.web import create_app
    from frontlines.web.corpus import how_to_ingest
    from frontlines.web.guard import Access, is_loopback

    if tiles and not tiles.startswith(("http://", "https://")):
        raise click.UsageError(f"--tiles {tiles!r}: give an http(s) URL with {{z}}, {{x}} and {{y}}")
    if write_token is not None and len(write_token) < MIN_TOKEN_CHARS:
        raise click.UsageError(f"--write-token: use at least {MIN_TOKEN_CHARS} characters, e.g. "
                               "$(openssl rand -hex 16)")
    check_port_free(host, port)
    access = Access(local_only=is_loopback(host), write_token=write_token,
                    hosts=frozenset(h.lower().rstrip(".") for h in allowed_hosts))
    click.echo(f"frontlines: {writes_notice(host, access.writes)}", err=True)
    if not Path(db).parent.is_dir():
        raise click.UsageError(f"--db {db}: the folder {Path(db).parent} does not exist; give a database in an existing folder")
    if not Path(db).exists():
        click.echo(f"frontlines: {how_to_ingest(Path(db))}; the page says so too", err=True)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"frontlines: serving {db} at http://{shown}:{port}/ (API at /docs; Ctrl+C stops)")
    uvicorn.run(create_app(db, tiles, access), host=host, port=port, log_level="warning")


def check_port_free(host: str, port: int) -> None:
    """Stop with a clear message when the address is taken or not this machine's, before uvicorn tries."""
    import errno
    import socket

    try:
        with socket.create_server((host, port)):
            pass
    except socket.gaierror:
        raise click.UsageError(f"--host {host}: not an address of this machine; use 127.0.0.1 (this machine only) "
                               "or 0.0.0.0 (every network)") from None
    except OSError as exc:
        advice = ("is another server using it? Choose another with --port" if exc.errno == errno.EADDRINUSE else
                  "is it an address of this machine? Use 127.0.0.1 or 0.0.0.0, and a --port above 1023")
        raise click.UsageError(f"cannot listen on {host}:{port} ({exc.strerror}); {advice}") from None


def control_line(row: dict) -> str:
    """One answer of `control` for people: the place, its holder, since when and the latest
    day a source speaks of (an old claim shows its age), and the sentence behind it."""
    from frontlines.store.export import last_reported

    since = f', since {row["since"]}' if row["since"] else ""
    reported = last_reported(row["sources"])
    return (f'{row["place_name"]} ({row["country_code"]}): {row["controller"]} '
            f'[{"disputed" if row["disputed"] else row["status"]}{since}'
            f'{", last reported " + reported if reported else ""}]\n'
            f'    "{row["evidence"]}" ({row["source"] or row["doc_id"][:12]})\n')


def check_writable(out: str) -> None:
    """Stop with a usage error that names an --out file that cannot be written (not touching it)."""
    from frontlines.output import check_writable as check

    try:
        check(out)
    except FrontlinesError as exc:
        raise click.UsageError(str(exc)) from None


def emit(body: str, out: str | None, for_people: bool = False) -> None:
    """Print, or write to a file atomically (and say so); text `for_people` loses its control characters."""
    from frontlines.output import write_whole

    body = for_terminal(body) if for_people or (not out and sys.stdout.isatty()) else body
    if out:
        try:
            write_whole(out, body)
        except FrontlinesError as exc:
            raise click.UsageError(str(exc)) from None
        click.echo(for_terminal(f"frontlines: written to {out}"), err=True)
    else:
        click.echo(body, nl=False)


def write_out_file(reports, fmt: str, out: str, several: bool, summarise) -> None:
    """Write reports to --out, replacing the file only when at least one report was written
    (a run whose every input failed leaves an existing file as it was)."""
    from frontlines.output import replacing

    with replacing(out) as pending:
        written = write_reports(reports, fmt, pending.handle, fmt != "summary", summarise, several)
        if written:
            pending.keep()
    if not written:
        kept = "; the file was left as it was" if Path(out).exists() else ""
        click.echo(for_terminal(f"frontlines: no document was read, so nothing was written to {out}{kept}"), err=True)


def write_reports(reports, fmt: str, sink, echo_summary: bool, summarise, several: bool = False) -> int:
    """Write reports as JSON (an object for one input, an array when `several` inputs were named
    or one input held several records), JSON Lines or summaries; return how many."""
    collected, count = [], 0
    shown = for_terminal if sink.isatty() else str  # a terminal gets no control characters, data or not
    for report in reports:
        count += 1
        if fmt == "jsonl":
            sink.write(shown(json.dumps(report.to_dict(), ensure_ascii=False)) + "\n")
            sink.flush()
        elif fmt == "summary":
            sink.write(for_terminal(summarise(report)) + "\n")
        else:
            collected.append(report.to_dict())
        if echo_summary:
            click.echo(for_terminal(summarise(report)))
    if fmt == "json" and (collected or several):
        data = collected[0] if len(collected) == 1 and not several else collected
        sink.write(shown(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")
    return count


def run() -> None:
    """`frontlines` as a process (the console script, `python -m frontlines.cli`): the command,
    then, after an `extract` has written its output, an end without Python's teardown, which
    frees spaCy's model and vocabulary object by object (about a third of a second of CPU, after
    the report is out).  Any other command, a run that started worker processes, or output that
    cannot be flushed ends the ordinary way."""
    try:
        main()
    except SystemExit as done:
        if ends_at_once(done.code):
            os._exit(done.code or 0)
        raise


def ends_at_once(code) -> bool:
    """Whether this process may end without teardown: `extract` finished with an exit status, no
    worker processes were started (their shared locks are released by finalizers), and
    everything written is flushed."""
    if sys.argv[1:2] != ["extract"] or not (code is None or isinstance(code, int)):
        return False
    if "concurrent.futures.process" in sys.modules:
        return False
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # a closed pipe: Python's own exit reports it, as before
        return False
    return True


if __name__ == "__main__":
    run()
