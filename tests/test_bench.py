"""`frontlines bench` runs and reports every figure (times are printed, never asserted)."""
from __future__ import annotations

import json

from click.testing import CliRunner

from frontlines.cli import main


def test_speed_bench_reports_both_pipelines_cold_start_and_memory(extract):
    result = CliRunner().invoke(main, ["bench", "--docs", "3", "--long-bytes", "60000", "--cold-runs", "2", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["docs"] == 3 and figures["words"] > 1000
    for key in ("spacy_docs_per_second", "frontlines_docs_per_second", "ratio", "cold_start_seconds", "peak_rss_mb",
                "spacy_load_seconds", "cold_start_ratio", "article_peak_rss_mb", "long_text_peak_rss_mb"):
        assert figures[key] > 0, key
    assert figures["long_text_bytes"] == 60000 > 0 < figures["long_text_seconds"]
    low, high = figures["cold_start_pair_ratios"]
    assert figures["cold_start_runs"] == 2 and 0 < low <= high


def test_the_bench_table_shows_the_spread_of_the_cold_start_pairs():
    from frontlines.bench import SpeedFigures

    figures = SpeedFigures(10, 7000, 1.0, 1.1, 2.4, 400, 390, "m", "x", "2026-11-30", 2.0, 160,
                           cold_start_runs=21, cold_start_pair_ratios=(1.05, 1.41), load_average=2.6)
    assert "ratio 1.20; pair by pair 1.05 to 1.41 over 21 pairs, load average 2.6" in figures.table()


def test_store_bench_answers_every_query_on_a_generated_store(monkeypatch):
    from frontlines.store import bench

    # Two timed runs of each query and of each way of writing, not five: the runs repeat the same
    # work to take a median, and times are never asserted.  Two still take the warm-up and the
    # median of several, and write a second run of documents into a store already written to;
    # the five runs of writes were 26 of the test's 35 seconds.
    monkeypatch.setattr(bench, "RUNS", 2)
    result = CliRunner().invoke(main, ["bench", "--store", "5000", "--json"])
    assert result.exit_code == 0, result.output
    queries = json.loads(result.stdout)["queries"]
    assert queries["events: first page of 100 (the map opening)"]["rows"] == 100
    assert queries["export: every event (one run; not a query, no target)"]["rows"] == 4500  # one in ten fused
    assert queries["control: as of a day"]["rows"] >= 1000
