"""Who may reach the server and who may write through it.

- The Host header must be a name the server answers to, so that a page on another site cannot
  reach a server on this machine by pointing its own name at 127.0.0.1 (DNS rebinding).
- A request with an Origin (a browser's POST) must come from the page this server serves.
- Writing (POST /api/ingest) is open on the loopback address only; anywhere else it needs the
  write token the server was started with, sent in the Authorization header, never in the URL.
"""
from __future__ import annotations

import hmac
import ipaddress
import json
import socket
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

from fastapi import HTTPException, Request

LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}
# A request that carries these came through a reverse proxy: not from this machine's own browser.
PROXY_HEADERS = ("forwarded", "x-forwarded-for", "x-real-ip")
TOKEN_ENV = "FRONTLINES_WRITE_TOKEN"


@dataclass(frozen=True)
class Access:
    """The server's rules: where it listens, its write token, the extra names it answers to."""

    local_only: bool = True                # listening on the loopback address only
    write_token: str | None = None
    hosts: frozenset[str] = field(default_factory=frozenset)  # --allow-host names, lower case

    @property
    def writes(self) -> str:
        """How the page may write: "open", "token" (ask the user for it) or "closed" (read-only)."""
        if self.write_token:
            return "token"
        return "open" if self.local_only else "closed"

    def answers_to(self, host: str) -> bool:
        """Whether a Host header's name is one of this server's: an IP address (no DNS name, so no
        rebinding), localhost, this machine's name when listening beyond it, or an --allow-host name."""
        name = host_name(host)
        if not name or is_ip(name) or name == "localhost" or name.endswith(".localhost") or name in self.hosts:
            return True
        return not self.local_only and name in machine_names()


def host_name(host: str) -> str:
    """The name in a Host header, without its port or brackets, in lower case."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host[1:]
    name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    return name.rstrip(".")


def is_ip(name: str) -> bool:
    """Whether a host name is an IP address."""
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


@lru_cache(maxsize=1)
def machine_names() -> frozenset[str]:
    """This machine's names, as other machines on the network may call it."""
    return frozenset(n.lower().rstrip(".") for n in (socket.gethostname(), socket.getfqdn()) if n)


def is_loopback(host: str) -> bool:
    """Whether a --host listens on this machine only."""
    if host in LOOPBACK_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class HostCheck:
    """ASGI middleware: refuse a request whose Host is not a name this server answers to, and a
    browser request whose Origin is another site's."""

    def __init__(self, app, access: Access):
        self.app = app
        self.access = access

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope.get("headers") or []}
        host = headers.get("host", "")
        if not self.access.answers_to(host):
            return await refuse(send, 421, f"this server does not answer to the name {host_name(host)!r}; if it should "
                                           f"(a reverse proxy's name), start it with --allow-host {host_name(host)}")
        origin = headers.get("origin")
        if origin and origin != "null" and not self.same_site(origin, host):
            return await refuse(send, 403, f"a page from {origin} may not use this server; open the page this "
                                           "server serves instead")
        return await self.app(scope, receive, send)

    def same_site(self, origin: str, host: str) -> bool:
        """Whether a request's Origin is this server's own page (or an --allow-host name)."""
        parts = urlsplit(origin)
        return parts.netloc.lower() == host.lower() or (parts.hostname or "") in self.access.hosts


async def refuse(send, status: int, message: str) -> None:
    """Answer with the one error shape, before the app sees the request."""
    body = json.dumps({"message": message}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def check_write(request: Request, access: Access) -> None:
    """Let a write through, or raise the 401/403 that says what is needed."""
    if any(k in request.query_params for k in ("token", "write_token", "access_token")):
        raise HTTPException(400, "the write token goes in the Authorization header (Bearer), never in the URL, "
                                 "where logs and browser history keep it")
    if access.write_token:
        given = request.headers.get("authorization", "")
        scheme, _, token = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(), access.write_token.encode()):
            raise HTTPException(401, "adding articles needs this server's write token: send it as "
                                     "'Authorization: Bearer TOKEN'" + (" (the token given is wrong)" if token else ""),
                                headers={"WWW-Authenticate": "Bearer"})
        return
    if not access.local_only:
        raise HTTPException(403, "this server is read-only: it listens beyond this machine and was started without "
                                 f"a write token; start it with --write-token or ${TOKEN_ENV} to let users add articles")
    if any(h in request.headers for h in PROXY_HEADERS):
        raise HTTPException(403, "this request came through a proxy, and this server has no write token; start it "
                                 f"with --write-token or ${TOKEN_ENV} to let users add articles through the proxy")
