"""--workers N: extraction in N processes on this machine, written by one writer.

Each process loads the model once; the parent reads the inputs, hands out
chunks of articles and gets the extractions back in input order, so the
caller (the parent, the only writer) stores exactly what one process would,
in the same order. At most WINDOW_PER_WORKER chunks per worker are in
flight: a multi-gigabyte WARC is never all in memory.
"""
from __future__ import annotations

import multiprocessing
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date

from wirecoder.run import chunks as _chunks
from wirecoder.run.chunks import Failed, Item, Result, chunks, extract_chunk, warm_up

WINDOW_PER_WORKER = 2  # chunks queued per worker: enough that none waits for work


def _context():
    # fork starts a worker in milliseconds (the parent has not loaded the model, so each
    # child loads its own); elsewhere, spawn.
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    return multiprocessing.get_context(method)


def extract_in_processes(items: Iterable[Item], published: date | None, workers: int,
                         chunk: int | None = None) -> Iterator[tuple[str, object, Result]]:
    """(origin, article, Extraction or Failed) for each item, in input order."""
    with ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=warm_up) as pool:
        pending: deque[tuple[list[Item], Future]] = deque()
        source = chunks(items, chunk or _chunks.CHUNK)
        window = workers * WINDOW_PER_WORKER
        for part in source:
            pending.append((part, _submit(pool, [a for _, a in part], published)))
            if len(pending) >= window:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())


def _submit(pool: ProcessPoolExecutor, articles: list, published: date | None) -> Future:
    try:
        return pool.submit(extract_chunk, articles, published)
    except BrokenProcessPool as exc:  # the pool lost a worker earlier: this chunk fails too
        failed: Future = Future()
        failed.set_exception(exc)
        return failed


def _collect(part: list[Item], future: Future) -> Iterator[tuple[str, object, Result]]:
    try:
        results = future.result()
    except BrokenProcessPool:
        # A worker died (killed, out of memory): its chunks fail, nothing is half-written;
        # running ingest again picks them up (stored articles are skipped by content hash).
        results = [Failed("worker process died")] * len(part)
    for (origin, article), result in zip(part, results):
        yield origin, article, result
