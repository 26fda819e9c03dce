"""The web app's JSON API, through FastAPI's TestClient, on a store built from the dev articles."""
from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from conftest import LOCAL, SHARED
from frontlines.store.export import ACLED_COLUMNS
from frontlines.web import create_app
from frontlines.web.corpus import BUSY
from frontlines.web.limits import MAX_ARTICLE_BYTES

DEIR_EZ_ZOR = "170794"
CAPTURE = "BAMAKO, Mali — Malian troops took control of Kidal on Tuesday, the army said."


@pytest.fixture(scope="module")
def client(web_dev_db) -> TestClient:
    return TestClient(create_app(web_dev_db), base_url=LOCAL)


def events(client, **params) -> dict:
    response = client.get("/api/events", params={"limit": 5000, **params})
    assert response.status_code == 200, response.text
    return response.json()


def props(collection: dict) -> list[dict]:
    return [f["properties"] for f in collection["features"]]


# --- reading ---------------------------------------------------------------------------------

def test_stats_describe_the_corpus(client):
    stats = client.get("/api/stats").json()
    assert stats["counts"]["documents"] == 9
    assert 0 < stats["counts"]["fused_events"] <= stats["counts"]["events"]
    assert "2017-11-03" in stats["key_days"] and stats["key_days"] == sorted(stats["key_days"])
    assert {"code": "KE", "name": "Kenya"}.items() <= next(c for c in stats["countries"] if c["code"] == "KE").items()
    assert "Battles" in {t["name"] for t in stats["event_types"]}
    assert "Islamic State" in {a["name"] for a in stats["actors"]}


def test_events_are_a_feature_collection_with_evidence(client):
    data = events(client)
    assert data["type"] == "FeatureCollection" and data["total"] == len(data["features"]) > 20
    assert data["next_offset"] is None
    for feature in data["features"]:
        p = feature["properties"]
        assert p["event_type"] and p["sources"] and all(s["evidence"] and s["document"] for s in p["sources"])
        if feature["geometry"]:
            lon, lat = feature["geometry"]["coordinates"]
            assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_evidence_offsets_point_into_the_document(client):
    p = next(p for p in props(events(client)) if p["place"] == "Deir ez-Zor")
    source = p["sources"][0]
    text = client.get(f'/api/documents/{source["document"]}').json()["text"]
    assert text[source["evidence_start"]:source["evidence_end"]] == source["evidence"]


@pytest.mark.parametrize("params, check", [
    ({"start": "2017-11-01", "end": "2017-11-30"}, lambda p: "2017-11-01" <= p["date"] <= "2017-11-30"),
    ({"country": "ke"}, lambda p: p["country_code"] == "KE"),
    ({"event_type": "Protests"}, lambda p: p["event_type"] == "Protests"),
    ({"actor": "islamic state"}, lambda p: "Islamic State" in (p["actor1"] or "") + (p["actor2"] or "")),
    ({"q": "Kidal"}, lambda p: "kidal" in (p["place"] or "").lower()
     or any("kidal" in s["evidence"].lower() for s in p["sources"])),
])
def test_each_filter_narrows_the_events(client, params, check):
    everything = events(client)["total"]
    found = props(events(client, **params))
    assert found and len(found) < everything
    assert all(check(p) for p in found)


def test_bbox_keeps_the_events_inside_it(client):
    box = (38.0, 33.0, 42.0, 37.0)   # eastern Syria and the Iraqi border
    found = events(client, bbox=",".join(map(str, box)))["features"]
    assert {f["properties"]["place"] for f in found} >= {"Deir ez-Zor"}
    for f in found:
        lon, lat = f["geometry"]["coordinates"]
        assert box[0] <= lon <= box[2] and box[1] <= lat <= box[3]
    assert len(found) < events(client)["total"]


def test_paging_walks_every_event_once(client):
    total = events(client)["total"]
    seen, offset = [], 0
    while offset is not None:
        page = client.get("/api/events", params={"limit": 7, "offset": offset}).json()
        assert page["total"] == total and len(page["features"]) <= 7
        seen += [f["properties"]["id"] for f in page["features"]]
        offset = page["next_offset"]
    assert len(seen) == len(set(seen)) == total


def test_one_documents_event_finds_its_fused_event(client):
    source = props(events(client, q="Deir"))[0]["sources"][0]
    found = client.get(f'/api/events/{source["document"]}/{source["event_id"]}').json()
    assert any(s["event_id"] == source["event_id"] for s in found["properties"]["sources"])
    assert client.get(f'/api/events/{source["document"]}/e999').status_code == 404


def test_control_as_of_2017_11_03(client):
    data = client.get("/api/control", params={"as_of": "2017-11-03"}).json()
    assert data["type"] == "FeatureCollection" and data["as_of"] == "2017-11-03"
    held = {(f["properties"]["place"], f["properties"]["controller"]) for f in data["features"]}
    assert {("Deir ez-Zor", "Military Forces of Syria"), ("Al Qā’im", "Military Forces of Iraq"),
            ("Ālbū Kamāl", "Islamic State"), ("Ar Raqqah", "Syrian Democratic Forces")} <= held
    for f in data["features"]:
        assert f["properties"]["status"] in {"controlled", "partial", "contested", "disputed"}
        assert all(e["sentence"] for e in f["properties"]["evidence"])


def test_control_changes_with_the_day_and_filters_by_country(client):
    before = client.get("/api/control", params={"as_of": "2017-11-02", "country": "SY"}).json()
    assert ("Deir ez-Zor", "Military Forces of Syria") not in {
        (f["properties"]["place"], f["properties"]["controller"]) for f in before["features"]}
    after = client.get("/api/control", params={"as_of": "2017-11-03", "country": "sy"}).json()
    assert {f["properties"]["country_code"] for f in after["features"]} == {"SY"}


def test_place_has_its_timeline_and_events(client):
    place = client.get(f"/api/places/{DEIR_EZ_ZOR}").json()
    assert place["name"] == "Deir ez-Zor" and place["country_code"] == "SY"
    assert any(c["controller"] == "Military Forces of Syria" and c["since"] == "2017-11-03" and c["evidence"]
               for c in place["timeline"])
    assert place["events"]["features"] and all(f["properties"]["place"] == "Deir ez-Zor"
                                               for f in place["events"]["features"])


def test_document_has_text_and_highlights_that_match_it(client):
    doc = client.get("/api/documents/kidal-2023-11-15").json()
    assert doc["title"].startswith("Mali's army enters Kidal") and doc["published"] == "2023-11-15"
    kinds = {s["kind"] for s in doc["spans"]}
    assert kinds >= {"place", "actor", "event", "control", "date"}
    assert any(s["kind"] == "place" and doc["text"][s["start"]:s["end"]] == "Kidal" and s["place_id"] == "2455290"
               for s in doc["spans"])
    tuesday = next(s for s in doc["spans"] if s["kind"] == "date" and doc["text"][s["start"]:s["end"]] == "Tuesday")
    assert tuesday["label"] == "2023-11-14 (day)"


def test_exports_follow_the_filters(client):
    response = client.get("/api/export", params={"format": "csv", "country": "KE"})
    assert response.status_code == 200 and "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows and list(rows[0]) == ACLED_COLUMNS and {r["country"] for r in rows} == {"Kenya"}
    geo = client.get("/api/export", params={"format": "geojson", "event_type": "Battles"}).json()
    assert geo["features"] and {f["properties"]["event_type"] for f in geo["features"]} == {"Battles"}


# --- errors ----------------------------------------------------------------------------------

@pytest.mark.parametrize("url, status, words", [
    ("/api/events?start=2017-13-01", 422, "start: '2017-13-01' is not a date"),
    ("/api/events?end=yesterday", 422, "end:"),
    ("/api/events?bbox=1,2,3", 422, "bbox:"),
    ("/api/events?event_type=Skirmish", 422, "not an ACLED event type"),
    ("/api/events?country=Atlantis", 422, "not a country"),
    ("/api/events?limit=0", 422, "limit"),
    ("/api/control?as_of=11/03/2017", 422, "as_of:"),
    ("/api/places/424242", 404, "no place"),
    ("/api/documents/nope", 404, "no document"),
    ("/api/nothing-here", 404, "no such page"),
    ("/static/%2e%2e/%2e%2e/etc/passwd", 404, ""),
    ("/static/..%2f..%2fetc%2fpasswd", 404, ""),
])
def test_errors_are_json_with_a_message(client, url, status, words):
    response = client.get(url)
    assert response.status_code == status
    assert words in response.json()["message"] and "Traceback" not in response.text


def test_static_files_do_not_leave_their_folder(client):
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/../../../../etc/passwd").status_code == 404
    assert "root:" not in client.get("/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd").text


def test_the_page_is_served_with_a_content_security_policy(client):
    page = client.get("/")
    assert page.status_code == 200 and "<div id=\"map\">" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/vendor/leaflet/leaflet.js").status_code == 200
    assert client.get("/static/vendor/countries-50m.json").json()["type"] == "Topology"
    assert "/api/events" in client.get("/openapi.json").json()["paths"]


def test_the_api_docs_need_no_internet(client):
    page = client.get("/docs").text
    assert "/vendor/swagger-ui/swagger-ui-bundle.js" in page and "cdn." not in page
    assert client.get("/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


# --- articles from the page ------------------------------------------------------------------

def test_extract_returns_report_v1_with_highlights(client):
    import jsonschema

    response = client.post("/api/extract", json={"text": CAPTURE, "published": "2023-11-15"})
    assert response.status_code == 200, response.text
    report = response.json()
    schema = json.loads((SHARED / "spec" / "report-v1.schema.json").read_text())
    jsonschema.validate({k: v for k, v in report.items() if k not in ("text", "spans")}, schema)
    assert report["schema"] == "frontlines.report/1" and report["text"] == CAPTURE
    assert any(e["sub_event_type"] == "Government regains territory" for e in report["events"])
    assert any(s["kind"] == "place" and CAPTURE[s["start"]:s["end"]] == "Kidal" for s in report["spans"])
    assert client.get("/api/stats").json()["counts"]["documents"] == 9   # extracting stores nothing


@pytest.mark.parametrize("body, status, words", [
    ({"text": "   "}, 422, "empty"),
    ({"text": CAPTURE, "published": "15 Nov 2023"}, 422, "published:"),
    ({"published": "2023-11-15"}, 422, "text"),
    ({"text": CAPTURE, "kind": "pdf"}, 422, "kind"),
])
def test_extract_refuses_bad_articles_with_a_message(client, body, status, words):
    response = client.post("/api/extract", json=body)
    assert response.status_code == status and words in response.json()["message"]


def test_an_article_over_the_limit_is_a_413(client):
    response = client.post("/api/extract", json={"text": "x" * (MAX_ARTICLE_BYTES + 1)})
    assert response.status_code == 413
    assert "too large" in response.json()["message"] and f"{MAX_ARTICLE_BYTES:,}" in response.json()["message"]


def test_ingest_from_the_page_adds_once(web_dev_db, tmp_path):
    db = tmp_path / "copy.duckdb"
    shutil.copy(web_dev_db, db)
    client = TestClient(create_app(db), base_url=LOCAL)
    first = client.post("/api/ingest", json={"text": CAPTURE, "published": "2023-11-15"}).json()
    assert first["outcome"] == "added" and first["counts"]["documents"] == 10
    assert client.post("/api/ingest", json={"text": CAPTURE, "published": "2023-11-15"}).json()["outcome"] == "unchanged"
    assert client.get(f'/api/documents/{first["document"]}').json()["text"] == CAPTURE


# --- no database, a busy database ------------------------------------------------------------

def test_without_a_database_the_api_says_how_to_build_one(tmp_path):
    client = TestClient(create_app(tmp_path / "none.duckdb"), base_url=LOCAL)
    config = client.get("/api/config").json()
    assert config["exists"] is False and "frontlines ingest" in config["how_to_ingest"]
    for url in ("/api/stats", "/api/events", "/api/control?as_of=2017-11-03", "/api/places/1", "/api/documents/x"):
        response = client.get(url)
        assert response.status_code == 404 and "frontlines ingest" in response.json()["message"]
    assert client.get("/").status_code == 200
    assert not (tmp_path / "none.duckdb").exists()   # reading never creates it


def test_a_database_locked_by_an_ingest_answers_503(web_dev_db, tmp_path):
    db = tmp_path / "locked.duckdb"
    shutil.copy(web_dev_db, db)
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1]); "
                               "print('locked', flush=True); sys.stdin.read()", str(db)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        client = TestClient(create_app(db), base_url=LOCAL)
        response = client.get("/api/events")
        assert response.status_code == 503 and response.json() == {"message": BUSY}
        assert response.headers["retry-after"]
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert client.get("/api/events").status_code == 200   # and it reads again once the lock is gone


# --- the serve command -----------------------------------------------------------------------

def test_serve_prints_the_address_and_warns_for_all_interfaces(monkeypatch, tmp_path):
    import uvicorn

    from frontlines.cli import main

    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port, **kw: started.update(host=host, port=port))
    monkeypatch.setattr("frontlines.cli.check_port_free", lambda host, port: None)
    local = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "x.duckdb"), "--port", "8123"])
    assert local.exit_code == 0 and "http://127.0.0.1:8123/" in local.output and "warning" not in local.output
    assert "frontlines ingest" in local.output
    wide = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--port", "8124"])
    assert wide.exit_code == 0 and "warning: --host 0.0.0.0" in wide.output and started["host"] == "0.0.0.0"


def test_serve_names_a_port_in_use(tmp_path):
    import socket

    from frontlines.cli import main

    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--port", str(port)])
    assert result.exit_code == 2 and f"cannot listen on 127.0.0.1:{port}" in result.output
    assert "--port" in result.output and "Traceback" not in result.output
