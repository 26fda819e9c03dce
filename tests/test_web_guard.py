"""A server safe to share: read-only off this machine unless started with a write token, the
token never in the URL, Host names it does not answer to refused (DNS rebinding), other sites'
pages refused."""
from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from conftest import LOCAL
from frontlines.cli import main
from frontlines.web import create_app
from frontlines.web.guard import Access

ARTICLE = {"text": "BAMAKO, Mali — Malian troops took control of Kidal on Tuesday, the army said.",
           "published": "2023-11-15"}
TOKEN = "correct-horse-battery-staple"


@pytest.fixture()
def db(web_dev_db, tmp_path):
    copy = tmp_path / "copy.duckdb"
    shutil.copy(web_dev_db, copy)
    return copy


def client(db, base_url: str = LOCAL, **access) -> TestClient:
    return TestClient(create_app(db, access=Access(**access)), base_url=base_url)


def test_off_this_machine_without_a_token_the_server_is_read_only(db):
    shared = client(db, "http://192.168.1.20:8000", local_only=False)
    assert shared.get("/api/config").json()["writes"] == "closed"
    assert shared.get("/api/stats").status_code == 200  # reading is open
    refused = shared.post("/api/ingest", json=ARTICLE)
    assert refused.status_code == 403 and "read-only" in refused.json()["message"]
    assert "--write-token" in refused.json()["message"]
    assert shared.get("/api/stats").json()["counts"]["documents"] == 9


def test_with_a_write_token_only_its_holder_writes(db):
    shared = client(db, "http://192.168.1.20:8000", local_only=False, write_token=TOKEN)
    assert shared.get("/api/config").json()["writes"] == "token"
    missing = shared.post("/api/ingest", json=ARTICLE)
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    wrong = shared.post("/api/ingest", json=ARTICLE, headers={"Authorization": "Bearer guess"})
    assert wrong.status_code == 401 and "wrong" in wrong.json()["message"]
    in_url = shared.post(f"/api/ingest?token={TOKEN}", json=ARTICLE)
    assert in_url.status_code == 400 and "never in the URL" in in_url.json()["message"]
    done = shared.post("/api/ingest", json=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"})
    assert done.status_code == 200 and done.json()["outcome"] == "added"


def test_on_this_machine_writes_need_no_token_unless_they_come_through_a_proxy(db):
    local = client(db)
    assert local.get("/api/config").json()["writes"] == "open"
    proxied = local.post("/api/ingest", json=ARTICLE, headers={"X-Forwarded-For": "203.0.113.9"})
    assert proxied.status_code == 403 and "proxy" in proxied.json()["message"]
    assert local.post("/api/ingest", json=ARTICLE).json()["outcome"] == "added"


@pytest.mark.parametrize("host, local_only, allowed, status", [
    ("attacker.example", True, (), 421),             # DNS rebinding: a name pointed at 127.0.0.1
    ("attacker.example:8000", False, (), 421),
    ("127.0.0.1:8000", True, (), 200),
    ("localhost:8000", True, (), 200),
    ("[::1]:8000", True, (), 200),
    ("192.168.1.20:8000", False, (), 200),          # an address is no DNS name: nothing to rebind
    ("frontlines.example.org", False, ("frontlines.example.org",), 200),  # a reverse proxy's name
])
def test_the_host_header_must_be_a_name_the_server_answers_to(db, host, local_only, allowed, status):
    app = client(db, local_only=local_only, hosts=frozenset(allowed))
    for path in ("/", "/api/stats"):
        response = app.get(path, headers={"Host": host})
        assert response.status_code == status, (path, response.text)
    if status == 421:
        assert "--allow-host" in response.json()["message"]


def test_a_page_on_another_site_cannot_post(db):
    local = client(db)
    refused = local.post("/api/extract", json=ARTICLE, headers={"Origin": "http://attacker.example"})
    assert refused.status_code == 403
    assert local.post("/api/extract", json=ARTICLE, headers={"Origin": LOCAL}).status_code == 200


def test_serve_off_loopback_says_it_is_read_only_and_takes_the_token_from_the_environment(db, monkeypatch):
    import uvicorn

    started = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.append((app, kw)))
    result = CliRunner().invoke(main, ["serve", "--db", str(db), "--host", "0.0.0.0", "--port", "8765"])
    assert result.exit_code == 0, result.output
    assert "read-only" in result.stderr
    shared = TestClient(started[-1][0], base_url="http://192.168.1.20:8765")
    assert shared.post("/api/ingest", json=ARTICLE).status_code == 403
    monkeypatch.setenv("FRONTLINES_WRITE_TOKEN", TOKEN)
    result = CliRunner().invoke(main, ["serve", "--db", str(db), "--host", "0.0.0.0", "--port", "8765"])
    assert result.exit_code == 0 and "write token" in result.stderr
    shared = TestClient(started[-1][0], base_url="http://192.168.1.20:8765")
    assert shared.get("/api/config").json()["writes"] == "token"
    assert shared.post("/api/ingest", json=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
