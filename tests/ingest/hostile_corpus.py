"""A folder of broken, huge, mislabelled and malicious inputs (issue 15), written on demand.

`write_corpus(folder)` returns {item name: what the reader must say about it}:
the start of the reason for bad items, GOOD (None) for files that hold good articles.
"""
from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

GOOD = None
P1 = "Police in Nairobi arrested 12 protesters on Monday after a march on parliament, officials said."
P2 = "The army shelled the town of Goma for two hours on Sunday, a witness told reporters."
P3 = "Rebels seized the airport in Bunia on Tuesday, the provincial governor said in a statement."
FRENCH = ("La police a arrêté douze manifestants lundi à Dakar après une marche vers le parlement, "
          "selon les autorités. Les manifestants réclamaient la libération de plusieurs opposants "
          "et dénonçaient la hausse des prix. Le gouvernement a appelé au calme et promis une enquête.")


def story(title: str, *paragraphs: str) -> str:
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def _warc(body: bytes) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.org/a\r\n"
            b"Content-Type: application/http; msgtype=response\r\n"
            b"Content-Length: " + str(len(http) + 500).encode() + b"\r\n\r\n" + http)


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><description>&lol9;</description></item>
</channel></rss>
"""

SHELL_SQL_NAME = "x'; DROP TABLE articles; -- $(touch pwned) `id` |&\nsecond line.txt"


def write_corpus(folder: Path) -> dict[str, str | None]:
    """Write the hostile corpus into `folder`; {name: expected reason fragment, or GOOD}."""
    expect: dict[str, str | None] = {}

    def put(name: str, data: bytes | str, why: str | None):
        path = folder / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        expect[name] = why

    put("empty.txt", b"", "no article text found")
    put("binary.txt", os.urandom(3000) + b"\x00" * 20, "binary data, not text")
    put("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(2000), "a PNG image, not text")
    put("latin1.txt", story("Protest in Bogotá", "Señor Peña said police in Bogotá arrested 12 "
                            "protesters on Monday, officials said.", P2).encode("latin-1"), GOOD)
    put("utf16.txt", story("Shelling in Goma", P2, P3).encode("utf-16"), GOOD)
    put("nul.txt", story("Arrests in Nairobi", P1).replace("arrested", "arre\x00sted"),
        "binary data, not text")
    put("scripts.html", "<html><head><script>var a = 1;</script></head><body><script>alert(1)"
                        "</script><style>p{}</style></body></html>", "no article text found")
    put("unclosed.html", f"<html><body><div><p>{P1}<p>{P3}<div><b>Rebels", GOOD)
    put("nested.html", "<html><body>" + "<div>" * 100_000 + f"<p>{P1}</p>" + "</div>" * 100_000
        + "</body></html>", "HTML is nested 100,002 elements deep")
    put("fifty_mb.txt", ("Protest story\n" + (P1 + "\n") * 520_000)[: 50 * 1024 * 1024],
        "MB, over the limit of 10.0 MB for one document")
    put("one_line.txt", (P1 + " ") * (10 * 1024 * 1024 // (len(P1) + 1)),
        "characters, over the limit of 100,000")
    put("french.txt", story("Manifestation à Dakar", FRENCH), "skipped: the text is in French, not English")
    put("invalid.json", '{"text": "Police arrested', "invalid JSON")
    good_lines = [json.dumps({"title": f"Wire {n}", "text": p}) for n, p in enumerate((P1, P2), 1)]
    put("mixed.jsonl", good_lines[0] + "\n{oops\n" + good_lines[1] + "\n", GOOD)
    expect["mixed.jsonl#line 2"] = "invalid JSON"
    put("malformed.xml", "<rss><channel><item><title>Broken</title><description>oops", None)
    del expect["malformed.xml"]
    expect["malformed.xml#entry 1"] = "entry has no content or summary"
    # The entities are never expanded (expat refuses, feedparser falls back to a loose parse).
    put("laughs.xml", BILLION_LAUGHS, None)
    del expect["laughs.xml"]
    expect["laughs.xml#entry 1"] = "no article text found"
    put("truncated.warc", _warc(f"<html><body><p>{P1}</p>".encode())[:40],
        "truncated or corrupt WARC file")
    # Cut inside the page: refused, not stored half-read (pages before the cut would be kept).
    put("cut_body.warc", _warc(f"<html><body><p>{P1}</p>".encode()), "truncated or corrupt WARC file")
    put("fake.warc.gz", b"WARC/1.0\r\nthis was never compressed\r\n",
        "not gzip-compressed, although its name ends in .gz")
    put("real_gzip_truncated.warc.gz", gzip.compress(_warc(b"<html><body><p>" + P3.encode()))[:120],
        "truncated or corrupt WARC file")
    put(SHELL_SQL_NAME, story("Shelling in Goma", P3, P2), GOOD)
    (folder / "dangling.txt").symlink_to(folder / "does-not-exist.txt")
    expect["dangling.txt"] = "broken symbolic link"
    (folder / "loop_a.txt").symlink_to(folder / "loop_b.txt")
    (folder / "loop_b.txt").symlink_to(folder / "loop_a.txt")
    expect["loop_a.txt"] = expect["loop_b.txt"] = "symbolic link loop"
    (folder / "sub").mkdir()
    (folder / "sub" / "back").symlink_to(folder)  # a folder loop: the walk must not follow it
    return expect
