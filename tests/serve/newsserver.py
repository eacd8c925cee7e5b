"""A small news site on a loopback port for the watch tests: pages we write, a feed with
ETag and Last-Modified, robots.txt, and a log of every request it answered."""
from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    validators: bool = False  # send ETag / Last-Modified and honour conditional GETs
    fail_first: int = 0  # answer 503 this many times before the page itself


@dataclass
class Hit:
    path: str
    status: int
    headers: dict[str, str]


@dataclass
class NewsSite:
    pages: dict[str, Page] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)
    base: str = ""

    def hits_for(self, path: str) -> list[Hit]:
        return [h for h in self.hits if h.path == path]


def article_page(headline: str, *paragraphs: str) -> Page:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = (f"<html><head><title>{headline}</title></head><body><nav>Home | World</nav>"
            f"<article><h1>{headline}</h1>{body}</article><footer>Contact us</footer></body></html>")
    return Page(html.encode())


def rss(title: str, items: list[tuple[str, str, str]]) -> Page:
    """A feed page; items are (title, link, RFC 822 date)."""
    entries = "".join(f"<item><title>{t}</title><link>{link}</link><pubDate>{d}</pubDate>"
                      f"<description>{t}</description></item>" for t, link, d in items)
    xml = (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{title}</title>"
           f"<link>http://example.invalid/</link><description>test</description>{entries}</channel></rss>")
    return Page(xml.encode(), content_type="application/rss+xml", validators=True)


def _handler(site: NewsSite):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            page = site.pages.get(self.path)
            headers = {k.lower(): v for k, v in self.headers.items()}
            if page is None:
                return self._send(404, b"not found", "text/plain", headers)
            if page.fail_first > 0:
                page.fail_first -= 1
                return self._send(503, b"busy", "text/plain", headers)
            extra = {}
            if page.validators:
                etag = '"' + hashlib.sha1(page.body).hexdigest()[:16] + '"'
                modified = formatdate(1_700_000_000 + len(page.body), usegmt=True)
                extra = {"ETag": etag, "Last-Modified": modified}
                if headers.get("if-none-match") == etag:
                    return self._send(304, b"", page.content_type, headers, extra)
            self._send(page.status, page.body, page.content_type, headers, extra)

        def _send(self, status, body, content_type, headers, extra=None):
            site.hits.append(Hit(self.path, status, headers))
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            for key, value in (extra or {}).items():
                self.send_header(key, value)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)

        def log_message(self, *args):  # quiet
            pass

    return Handler


class serve:
    """with serve(site) as site: ... site.base is http://127.0.0.1:PORT"""

    def __init__(self, site: NewsSite):
        self.site = site
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
        self.site.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> NewsSite:
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self.site

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
