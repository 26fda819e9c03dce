"""`frontlines bench`: how fast extraction is, measured against the bare spaCy pipeline on the
same texts (in the spirit of `spacy benchmark speed`), with cold start and peak memory."""
from __future__ import annotations

import platform
import re
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from datetime import date
from importlib.resources import files as package_files
from pathlib import Path

from frontlines import DEFAULT_MODEL

DATE_IN_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})")
COLD_START_RUNS = 5      # pairs of fresh processes (`--cold-runs`); the medians are reported
LONG_TEXT_BYTES = 2_000_000  # `--long-bytes`: the long text whose peak memory is measured


@dataclass
class SpeedFigures:
    """What one `frontlines bench` run measured."""

    docs: int
    words: int
    spacy_seconds: float
    frontlines_seconds: float
    cold_start_seconds: float
    peak_rss_mb: float
    rss_halfway_mb: float
    model: str
    machine: str
    day: str
    spacy_load_seconds: float = 0.0       # a fresh process that only loads the model
    article_peak_rss_mb: float = 0.0      # a fresh `frontlines extract` of one article
    long_text_bytes: int = 0
    long_text_peak_rss_mb: float | None = None  # a fresh `frontlines extract` of a long_text_bytes text
    long_text_seconds: float | None = None
    cold_start_runs: int = 0              # pairs of fresh processes (extract, bare load) timed in turn
    cold_start_pair_ratios: tuple[float, float] = (0.0, 0.0)  # the lowest and highest ratio of one pair
    load_average: float | None = None     # the machine's 1-minute load average as the pairs began

    @property
    def cold_start_ratio(self) -> float:
        """Cold start as a multiple of spaCy's own model load."""
        return self.cold_start_seconds / self.spacy_load_seconds if self.spacy_load_seconds else 0.0

    @property
    def ratio(self) -> float:
        """Full extraction's throughput as a share of the bare spaCy pipeline's."""
        return self.spacy_seconds / self.frontlines_seconds

    def as_dict(self) -> dict:
        """The figures, rounded, for --json."""
        out = {k: round(v, 3) if isinstance(v, float) else v for k, v in asdict(self).items()}
        out.update(spacy_docs_per_second=round(self.docs / self.spacy_seconds, 2),
                   frontlines_docs_per_second=round(self.docs / self.frontlines_seconds, 2),
                   spacy_words_per_second=round(self.words / self.spacy_seconds),
                   frontlines_words_per_second=round(self.words / self.frontlines_seconds),
                   ratio=round(self.ratio, 3), cold_start_ratio=round(self.cold_start_ratio, 3),
                   cold_start_pair_ratios=[round(r, 3) for r in self.cold_start_pair_ratios])
        return out

    def load_text(self) -> str:
        """", load average 2.6", when the platform tells it."""
        return f", load average {self.load_average:.1f}" if self.load_average is not None else ""

    def table(self) -> str:
        """The figures for people."""
        d = self.as_dict()
        return "\n".join([
            f"{self.docs} documents, {self.words} words, model {self.model}, on {self.machine}, {self.day}",
            f"  bare spaCy (nlp.pipe)   {d['spacy_docs_per_second']:8.2f} docs/s  {d['spacy_words_per_second']:8d} words/s",
            f"  full extraction         {d['frontlines_docs_per_second']:8.2f} docs/s  {d['frontlines_words_per_second']:8d} words/s",
            f"  ratio (full / bare)     {self.ratio:8.2f}",
            f"  cold start, 1 article   {self.cold_start_seconds:8.2f} s (spaCy's own model load: "
            f"{self.spacy_load_seconds:.2f} s; ratio {self.cold_start_ratio:.2f}; pair by pair "
            f"{self.cold_start_pair_ratios[0]:.2f} to {self.cold_start_pair_ratios[1]:.2f} over "
            f"{self.cold_start_runs} pairs{self.load_text()})",
            f"  peak RSS                {self.peak_rss_mb:8.0f} MB (half-way through: {self.rss_halfway_mb:.0f} MB)",
            f"  peak RSS, 1 article     {self.article_peak_rss_mb:8.0f} MB (a fresh process)",
        ] + ([f"  peak RSS, long text     {self.long_text_peak_rss_mb:8.0f} MB (a fresh process, "
              f"{self.long_text_bytes:,} bytes, {self.long_text_seconds:.0f} s)"]
             if self.long_text_peak_rss_mb is not None else []))


@dataclass
class ColdStart:
    """What the fresh processes of `cold_start` measured: medians, and the spread of the pairs."""

    seconds: float
    peak_rss_mb: float
    spacy_load_seconds: float
    runs: int
    pair_ratios: tuple[float, float]
    load_average: float | None


def sample_files() -> list[Path]:
    """The articles shipped with the package."""
    return sorted(Path(str(p)) for p in package_files("frontlines").joinpath("samples").iterdir()
                  if p.name.endswith(".txt"))


def bench_texts(paths: list[Path], docs: int) -> list[tuple[str, str | None]]:
    """`docs` (text, publication date) pairs: the files' texts, repeated in turn.  A file that
    `frontlines extract` would refuse (empty, binary, not English) stops the run with its reason."""
    from frontlines.errors import InputError, UsageError
    from frontlines.read import read_source

    texts = []
    for path in paths:
        for doc in read_source(str(path), published_in_name(path)):
            if isinstance(doc, InputError):
                raise UsageError(f"{doc}; benchmark articles that frontlines can read")
            texts.append((doc.text, doc.published))
    if not texts:
        raise UsageError("no texts to run; give article files")
    return [texts[i % len(texts)] for i in range(docs)]


def published_in_name(path: Path) -> str | None:
    """A YYYY-MM-DD date in a file's name, if it has one."""
    found = DATE_IN_NAME.search(path.name)
    return found.group(1) if found else None


def time_frontlines(texts: list[tuple[str, str | None]], model: str) -> tuple[float, float]:
    """Seconds for reading and extracting every text (reports made and dropped, as in streaming
    output), and the resident memory half-way through, in MB (flat memory: it is near the peak)."""
    from frontlines.pipeline import analyse
    from frontlines.read import read_text

    def documents():
        for n, (text, published) in enumerate(texts):
            yield from read_text(text, f"<bench {n}>", published, None)

    list(analyse(read_text(texts[0][0], "<warm-up>", texts[0][1], None), model))  # loads model and places
    halfway_rss = 0.0
    start = time.perf_counter()
    for n, report in enumerate(analyse(documents(), model), start=1):
        report.to_dict()
        if n == len(texts) // 2 or len(texts) == 1:
            halfway_rss = current_rss_mb()
    return time.perf_counter() - start, halfway_rss


def time_spacy(texts: list[tuple[str, str | None]], model: str) -> tuple[float, int]:
    """Seconds for the bare spaCy pipeline over the same texts, and the words it saw."""
    import spacy

    nlp = spacy.load(model)
    list(nlp.pipe([texts[0][0]]))
    start = time.perf_counter()
    words = sum(len(doc) for doc in nlp.pipe((t for t, _ in texts), batch_size=16))
    return time.perf_counter() - start, words


def cold_start(path: Path, model: str, runs: int = COLD_START_RUNS) -> ColdStart:
    """Fresh `frontlines extract` processes on one article, start to report, and the yardstick, a
    fresh process that only imports spaCy and loads the model, `runs` of each.  The two alternate,
    run for run (which goes first alternates too), so that a change in the load of a shared machine
    while they run weighs on both alike."""
    import os

    command = [sys.executable, "-m", "frontlines.cli", "extract", str(path), "--model", model]
    if published_in_name(path):
        command += ["--date", published_in_name(path)]
    bare = [sys.executable, "-c", f"import spacy; spacy.load({model!r})"]
    load_average = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    extracts, loads = [], []
    for n in range(runs):
        if n % 2:
            loads.append(run_measured(bare, f"spacy.load({model!r})")[0])
            extracts.append(run_measured(command, f"frontlines extract {path}"))
        else:
            extracts.append(run_measured(command, f"frontlines extract {path}"))
            loads.append(run_measured(bare, f"spacy.load({model!r})")[0])
    pairs = [run[0] / load for run, load in zip(extracts, loads)]
    return ColdStart(statistics.median(r[0] for r in extracts), statistics.median(r[1] for r in extracts),
                     statistics.median(loads), runs, (min(pairs), max(pairs)), load_average)


def long_text(paths: list[Path], size: int, model: str) -> tuple[float, float]:
    """Seconds and peak memory (MB) of a fresh `frontlines extract` on one text of `size` bytes
    (the texts one after another, repeated), as large a text as `--max-bytes {size}` lets in."""
    import tempfile

    texts = [p.read_text("utf-8").strip() for p in paths]
    body, n = [], 0
    while n < size:
        body.append(texts[len(body) % len(texts)])
        n += len(body[-1].encode("utf-8")) + 2
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long.txt"
        path.write_bytes("\n\n".join(body).encode("utf-8")[:size])
        command = [sys.executable, "-m", "frontlines.cli", "extract", str(path), "--model", model,
                   "--date", "2017-11-03", "--format", "jsonl", "--max-bytes", str(size)]
        return run_measured(command, f"frontlines extract (a {size:,}-byte text)")


def run_measured(command: list[str], what: str) -> tuple[float, float]:
    """Seconds and peak resident memory (MB) of a fresh process, which must succeed."""
    import os
    import tempfile

    from frontlines.errors import UsageError

    with tempfile.TemporaryFile("w+") as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, text=True)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            errors.seek(0)
            said = errors.read().strip().splitlines()[-1:] or [f"exit status {process.returncode}"]
            raise UsageError(f"the run of `{what}` failed: {said[0]}")
    return seconds, usage.ru_maxrss / 1024


def current_rss_mb() -> float:
    """This process's resident memory now, in MB."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine() -> str:
    """A short description of this machine."""
    import os

    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def bench_speed(paths: list[Path], docs: int, model: str = DEFAULT_MODEL,
                long_bytes: int = LONG_TEXT_BYTES, cold_runs: int = COLD_START_RUNS) -> SpeedFigures:
    """Run the benchmark.  Fresh processes first (cold start, spaCy's own load, one long text unless
    `long_bytes` is 0), while this process is still small: Linux counts the memory of the process
    a child was forked from in the child's peak.  Then full extraction (so the peak memory of this
    process is its own), then bare spaCy."""
    texts = bench_texts(paths, docs)
    cold = cold_start(paths[0], model, cold_runs)
    long_seconds, long_peak = long_text(paths, long_bytes, model) if long_bytes else (None, None)
    frontlines_seconds, halfway_rss = time_frontlines(texts, model)
    peak = peak_rss_mb()
    spacy_seconds, words = time_spacy(texts, model)
    return SpeedFigures(docs, words, spacy_seconds, frontlines_seconds, cold.seconds, peak, halfway_rss, model,
                        machine(), date.today().isoformat(), cold.spacy_load_seconds, cold.peak_rss_mb, long_bytes,
                        long_peak, long_seconds, cold.runs, cold.pair_ratios, cold.load_average)
