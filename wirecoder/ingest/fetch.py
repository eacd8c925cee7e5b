"""Polite HTTP fetching for `wirecoder watch` (httpx).

One Fetcher per run: it keeps one connection pool, reads robots.txt once per
host (urllib.robotparser) and refuses what it disallows, waits
`host_delay` seconds between two requests to the same host, retries
timeouts, dropped connections, 429 and 5xx with exponential backoff, sends
If-None-Match / If-Modified-Since when the caller knows the validators,
and stops reading a body at `max_bytes`.
"""
from __future__ import annotations

import threading
import time
import urllib.robotparser
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpx

from wirecoder import __version__

USER_AGENT = f"wirecoder/{__version__} (+news event coding; respects robots.txt)"
TIMEOUT_S = 20.0  # connect, read, write and pool timeouts each
MAX_BYTES = 5 * 1024 * 1024  # a news page or feed is far smaller; anything bigger is not one
HOST_DELAY_S = 1.0  # between two requests to the same host
RETRIES = 3  # further attempts after a transient failure
BACKOFF_S = 1.0  # first wait before a retry; doubles each time
MAX_RETRY_AFTER_S = 120.0  # a server's Retry-After is honoured up to this
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


class FetchError(Exception):
    """A URL that could not be fetched: str(err) is a one-line reason."""

    def __init__(self, url: str, reason: str, *, permanent: bool):
        self.url = url
        self.reason = " ".join(reason.split())
        # Permanent failures (404, robots.txt, too large) are not worth asking again;
        # transient ones (timeouts, 503) are tried again at the next poll.
        self.permanent = permanent
        super().__init__(self.reason)


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int  # 200, or 304 when the validators still hold
    body: bytes
    content_type: str
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    def __init__(self, *, user_agent: str = USER_AGENT, timeout: float = TIMEOUT_S,
                 max_bytes: int = MAX_BYTES, host_delay: float = HOST_DELAY_S,
                 retries: int = RETRIES, backoff: float = BACKOFF_S,
                 stop: threading.Event | None = None):
        self.user_agent = user_agent
        self.max_bytes = max_bytes
        self.host_delay = host_delay
        self.retries = retries
        self.backoff = backoff
        self.stop = stop or threading.Event()
        self._client = httpx.Client(timeout=timeout, follow_redirects=True,
                                    headers={"User-Agent": user_agent})
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self._last: dict[str, float] = {}

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- politeness -------------------------------------------------------------------

    def _wait_turn(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            left = last + self.host_delay - time.monotonic()
            if left > 0:
                self.stop.wait(left)  # a stop request cuts the wait short
        self._last[host] = time.monotonic()

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's host lets us fetch it (read once per host).

        Raises a transient FetchError while robots.txt cannot be read.
        """
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        robots = self._robots.get(origin)
        if robots is None:
            robots = self._robots[origin] = self._read_robots(origin, url)
        return robots.can_fetch(self.user_agent, url)

    def _read_robots(self, origin: str, url: str) -> urllib.robotparser.RobotFileParser:
        robots = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        try:
            response = self._request(origin + "/robots.txt", {})
        except FetchError as exc:
            # RFC 9309: no robots.txt (4xx) allows everything; an unreachable one (5xx,
            # network) means "assume disallowed": nothing is fetched from the host, and
            # robots.txt is asked for again next time (nothing is cached).
            if exc.permanent:
                robots.allow_all = True
                return robots
            raise FetchError(url, f"robots.txt cannot be read: {exc.reason}", permanent=False) from None
        robots.parse(response.body.decode("utf-8", "replace").splitlines())
        return robots

    # --- requests ---------------------------------------------------------------------

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        """The page at `url` (status 200), or status 304 when etag/last_modified still hold.

        Raises FetchError when robots.txt disallows it or it cannot be fetched.
        """
        if not self.allowed(url):
            raise FetchError(url, "disallowed by robots.txt", permanent=True)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._request(url, headers)

    def _request(self, url: str, headers: dict[str, str]) -> Response:
        host = urlsplit(url).netloc
        for attempt in range(self.retries + 1):
            self._wait_turn(host)
            try:
                return self._once(url, headers)
            except _Retry as retry:
                if attempt == self.retries or self.stop.is_set():
                    raise FetchError(url, f"{retry.reason} (after {attempt + 1} attempts)",
                                     permanent=False) from None
                self.stop.wait(retry.after if retry.after is not None else self.backoff * 2 ** attempt)
        raise AssertionError("unreachable")

    def _once(self, url: str, headers: dict[str, str]) -> Response:
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                status = response.status_code
                if status in RETRY_STATUS:
                    raise _Retry(f"HTTP {status}", _retry_after(response.headers.get("Retry-After")))
                if status not in (200, 304):
                    raise FetchError(url, f"HTTP {status}", permanent=400 <= status < 500)
                body = self._read_capped(url, response) if status == 200 else b""
                return Response(url=str(response.url), status=status, body=body,
                                content_type=response.headers.get("Content-Type", ""),
                                etag=response.headers.get("ETag"),
                                last_modified=response.headers.get("Last-Modified"))
        except httpx.TimeoutException:
            raise _Retry("timed out", None) from None
        except httpx.TransportError as exc:
            raise _Retry(f"connection failed ({type(exc).__name__})", None) from None

    def _read_capped(self, url: str, response: httpx.Response) -> bytes:
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(url, f"larger than {self.max_bytes} bytes", permanent=True)
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(url, f"larger than {self.max_bytes} bytes", permanent=True)
            chunks.append(chunk)
        return b"".join(chunks)


class _Retry(Exception):
    def __init__(self, reason: str, after: float | None):
        self.reason, self.after = reason, after


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date), capped."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER_S)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, min(when.timestamp() - time.time(), MAX_RETRY_AFTER_S))
