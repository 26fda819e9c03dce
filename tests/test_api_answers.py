"""Every API answer is the same from the writer-maintained tables as from the original queries
(`oracle.py`, which compute everything from the base tables): on the dev corpus, and on a
generated store where reports of one event differ in country, place and wording, so that
filters split fused events."""
from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import oracle
from conftest import LOCAL
from frontlines.web import app as web_app
from frontlines.web import create_app, views

FILTERS = [{}, {"start": "2017-11-01", "end": "2017-11-30"}, {"start": "2019-01-01"}, {"end": "2017-11-03"},
           {"country": "SY"}, {"country": "ke"}, {"event_type": "Battles"}, {"event_type": "Protests"},
           {"actor": "islamic state"}, {"actor": "ISIS"}, {"actor": "forces"}, {"q": "Kidal"}, {"q": "shell"},
           {"q": "%"}, {"q": "_"}, {"q": "a_b"}, {"bbox": "38,33,42,37"}, {"bbox": "-20,-40,60,40"},
           {"country": "SY", "event_type": "Battles", "start": "2017-01-01"}, {"q": "the", "bbox": "30,0,50,40"},
           # words of every kind (store.text): rare and common, parts of words, one or two characters,
           # quotes, the FTS5 query syntax's own characters, letters beyond ASCII
           {"q": "RAQQA"}, {"q": "hell"}, {"q": "said"}, {"q": "e"}, {"q": "al"}, {"q": '"'}, {"q": "'s"},
           {"q": 'the "'}, {"q": "NEAR(a b)"}, {"q": "a*"}, {"q": "é"}, {"q": "ü"}, {"q": "100%"},
           {"q": "Kidal", "country": "ML"}]


def answers(client: TestClient, requests: list[str]) -> dict[str, object]:
    """Each request's status and body."""
    out = {}
    for url in requests:
        response = client.get(url)
        out[url] = (response.status_code, response.json() if "json" in response.headers["content-type"]
                    else response.text)
    return out


def with_oracle(monkeypatch, client: TestClient, requests: list[str]) -> dict[str, object]:
    """The answers as the original queries give them."""
    with monkeypatch.context() as patch:
        for name in ("fused_events", "fused_page", "count_fused_events", "control_collection", "stats", "density"):
            patch.setattr(views, name, getattr(oracle, name))
        patch.setattr(web_app, "fused_events", oracle.fused_events)
        return answers(client, requests)


def event_requests(filters: list[dict], every: int, page: int) -> list[str]:
    """/api/events under each filter (up to `every`, then pages of `page`), the exports, and the
    density at a zoom showing the world and one showing a country."""
    from urllib.parse import urlencode

    urls = []
    for n, f in enumerate(filters):
        urls += [f"/api/events?{urlencode({**f, 'limit': limit, 'offset': offset})}"
                 for limit, offset in ((every, 0), (page, 0), (page, page), (page, 3 * page))]
        urls.append(f"/api/export?{urlencode({**f, 'format': ('csv', 'geojson')[n % 2]})}")
        urls += [f"/api/density?{urlencode({**f, 'zoom': zoom})}" for zoom in (2, 7)]
    return urls


def differing(requests: list[str], found: dict, expected: dict) -> list[str]:
    """The requests answered otherwise than expected.  A density's cells come in the order of their
    counts (cells of one count in any order), each at the mean of its points: summed in the order
    the rows come, so the same rows may give another last digit; those are compared to 1e-9 degrees."""
    return [url for url in requests if not (same_density(found[url], expected[url]) if url.startswith("/api/density")
                                            else found[url] == expected[url])]


def same_density(a: tuple, b: tuple) -> bool:
    """Two density answers (status, body) alike: the same status and totals, the same counts in
    the same order, and each cell of one matched by a cell of the other with its count and its
    point within 1e-9 degrees."""
    (status_a, body_a), (status_b, body_b) = a, b
    if status_a != status_b or status_a != 200:
        return a == b
    if ({k: v for k, v in body_a.items() if k != "features"} != {k: v for k, v in body_b.items() if k != "features"}
            or [f["properties"]["count"] for f in body_a["features"]] != [f["properties"]["count"] for f in body_b["features"]]):
        return False
    left = [(f["properties"]["count"], *f["geometry"]["coordinates"]) for f in body_b["features"]]
    for feature in body_a["features"]:
        n, (lon, lat) = feature["properties"]["count"], feature["geometry"]["coordinates"]
        match = next((c for c in left if c[0] == n and abs(c[1] - lon) < 1e-9 and abs(c[2] - lat) < 1e-9), None)
        if match is None:
            return False
        left.remove(match)
    return True


def corpus_requests(client: TestClient, days: int, places: int) -> list[str]:
    """Stats, who held what on each day with news (and between), every place and every event."""
    stats = client.get("/api/stats").json()
    key_days = stats["key_days"][::max(1, len(stats["key_days"]) // days)]
    urls = ["/api/stats", "/api/control", "/api/control?as_of=1990-01-01"]
    urls += [f"/api/control?as_of={d}" for d in key_days]
    urls += [f"/api/control?as_of={d}&country={c['code']}" for d in key_days[::9] for c in stats["countries"][:5]]
    everything = client.get("/api/events?limit=5000").json()["features"]
    place_ids = sorted({f["properties"]["place_id"] for f in everything if f["properties"]["place_id"]})
    urls += [f"/api/places/{p}" for p in place_ids[:places]]
    urls += [f"/api/events/{s['document']}/{s['event_id']}" for f in everything[:places] for s in f["properties"]["sources"]]
    return urls


def test_the_dev_corpus_answers_as_before(web_dev_db, monkeypatch):
    client = TestClient(create_app(web_dev_db), base_url=LOCAL)
    requests = corpus_requests(client, days=40, places=25) + event_requests(FILTERS, 5000, 7)
    expected = with_oracle(monkeypatch, client, requests)
    assert len(expected) > 150 and sum(status == 200 for status, _ in expected.values()) > 150
    found = answers(client, requests)
    assert differing(requests, found, expected) == []


@pytest.fixture(scope="module")
def generated_db(tmp_path_factory) -> Path:
    """A store of 20,000 generated events (`bench --store`'s), one in ten reported twice, with
    a few claims about each place, some undated."""
    from frontlines.store import Store
    from frontlines.store.bench import fill

    path = tmp_path_factory.mktemp("generated") / "bench.duckdb"
    with Store(path) as store:
        fill(store, 20_000)
    return path


GENERATED_FILTERS = [{}, {"country": "SY"}, {"start": "2016-03-01", "end": "2016-09-30"}, {"actor": "wagner"},
                     {"event_type": "Riots"}, {"q": "Place 11"}, {"q": "shelled"}, {"bbox": "30,10,35,20"},
                     {"country": "UA", "q": "place 2"}, {"actor": "Armed group 1", "start": "2020-01-01"},
                     {"q": "REPORT 1234,"}, {"q": "report 1999"}, {"q": "the"}, {"q": "Al"}, {"q": "k"},
                     {"q": "said", "bbox": "30,10,35,20"}]


def test_a_generated_store_answers_as_before(generated_db, monkeypatch):
    client = TestClient(create_app(generated_db), base_url=LOCAL)
    requests = corpus_requests(client, days=8, places=6) + event_requests(GENERATED_FILTERS, 500, 100)
    expected = with_oracle(monkeypatch, client, requests)
    found = answers(client, requests)
    assert differing(requests, found, expected) == []


@pytest.mark.parametrize("store_fixture", ["web_dev_db", "generated_db"])
def test_who_held_what_is_as_before_for_the_cli(store_fixture, request):
    from frontlines.store import Store
    from frontlines.store.queries import control_as_of

    with Store(request.getfixturevalue(store_fixture), read_only=True) as store:
        days = [r[0] for r in store.db.execute("SELECT DISTINCT claim_day FROM claims ORDER BY 1").fetchall()]
        asked = [str(d) for d in days[::max(1, len(days) // 12)]] + ["1990-01-01", "2030-01-01"]
        for day in asked:
            for country in (None, "SY", "UA"):
                assert control_as_of(store, day, country) == oracle.control_as_of(store, day, country), (day, country)
