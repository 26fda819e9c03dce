"""A cap on request bodies: an article larger than the cap is refused with a clear 413."""
from __future__ import annotations

import json

from fastapi import HTTPException

MAX_ARTICLE_BYTES = 2_000_000  # about 300,000 words; spaCy's own limit is 1,000,000 characters


def too_large(size: int, limit: int) -> str:
    """The 413 message: both sizes, and the way round it."""
    return (f"the article is too large ({size:,} bytes or more; the limit is {limit:,}): "
            "split it, or extract it with `frontlines extract FILE`")


class BodyLimit:
    """ASGI middleware: refuse bodies over `limit` bytes, by Content-Length or, for a body sent
    without one, as soon as reading passes the cap."""

    def __init__(self, app, limit: int = MAX_ARTICLE_BYTES):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            return await self.refuse(send, int(declared))
        seen = 0

        async def counted_receive():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                # an HTTPException, so FastAPI's body reader passes it on to the JSON error handler
                raise HTTPException(413, too_large(seen, self.limit))
            return message

        await self.app(scope, counted_receive, send)

    async def refuse(self, send, size: int) -> None:
        """Answer 413 before reading the body."""
        body = json.dumps({"message": too_large(size, self.limit)}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
