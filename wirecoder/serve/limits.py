"""Size limits of the HTTP API, and the middleware that enforces the body size.

A request body is refused with 413 before it is read into memory: at once
when its Content-Length is too large, or as soon as a chunked body passes
the limit. The rest of a refused body is read and dropped first (up to
MAX_DRAIN_BYTES) so that the client is there to read the refusal. The text limit is spaCy's own (`nlp.max_length` defaults to
1,000,000 characters): a longer article cannot be parsed in one piece.
"""
from __future__ import annotations

import json

MAX_TEXT_CHARS = 1_000_000  # characters of article text one POST may submit
MAX_BODY_BYTES = 8 * 2**20  # bytes of one request body: the text's limit in UTF-8 and JSON, with room
# A refused body is read and dropped (never kept) up to this many bytes before the 413 goes
# out: a server that closes a socket with unread data makes the kernel reset it, and the
# client then loses the 413 it was sent. Beyond this the connection is simply closed.
MAX_DRAIN_BYTES = 8 * MAX_BODY_BYTES


class BodyTooLarge(BaseException):
    """Raised from `receive`; a BaseException so that FastAPI's body parsing (which turns any
    Exception into a 400) lets it through to the middleware."""


class BodyLimit:
    """ASGI middleware: 413 JSON for request bodies over `max_bytes`."""

    def __init__(self, app, max_bytes: int = MAX_BODY_BYTES):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or ()).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            if length.isdigit() and int(length) <= MAX_DRAIN_BYTES:
                await _drain(receive, int(length))
            await self._refuse(send)
            return
        seen = 0
        started = False
        ended = False  # the body's last part has arrived: nothing is left to drain

        async def limited_receive():
            nonlocal seen, ended
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                ended = not message.get("more_body", False)
                if seen > self.max_bytes:
                    raise BodyTooLarge
            else:
                ended = True
            return message

        async def tracking_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                if not ended:
                    await _drain(receive, MAX_DRAIN_BYTES - seen)
                await self._refuse(send)

    async def _refuse(self, send) -> None:
        body = json.dumps({"detail": f"request body over {self.max_bytes:,} bytes"}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})


async def _drain(receive, budget: int) -> None:
    """Read and drop the request body until it ends or `budget` bytes have gone by."""
    while budget > 0:
        message = await receive()
        if message["type"] != "http.request":
            return
        budget -= len(message.get("body", b""))
        if not message.get("more_body", False):
            return
