"""--scheduler ADDRESS: the same extraction on a Dask distributed cluster.

The client (the `wirecoder ingest` process) reads the inputs, WARC records
included, and submits chunks of articles as tasks; each Dask worker loads
the model once (on its first task) and returns the extractions. The client
stores them in input order, one transaction per article keyed by the
article's content hash. A worker that dies has its tasks rerun elsewhere by
the scheduler, and a task that runs twice returns the same extractions: the
store writes an article once or answers "exists", so nothing is lost or
duplicated, and the database equals the one a single process would write.
"""
from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import date

from wirecoder.run import chunks as _chunks
from wirecoder.run.chunks import Failed, Item, Result, chunks, extract_chunk

ENV_VAR = "WIRECODER_DASK_SCHEDULER"
WINDOW_PER_WORKER = 2  # tasks in flight per worker: none idles, the client's memory stays bounded
CONNECT_TIMEOUT_S = 10


class ClusterError(Exception):
    """The scheduler cannot be reached: str(err) is a one-line reason."""


def scheduler_address(flag: str | None) -> str | None:
    """--scheduler, else $WIRECODER_DASK_SCHEDULER, else None (no cluster)."""
    return flag or os.environ.get(ENV_VAR) or None


def connect(address: str):
    from distributed import Client

    try:
        return Client(address, timeout=CONNECT_TIMEOUT_S)
    except (OSError, TimeoutError):
        raise ClusterError(f"cannot reach the Dask scheduler at {address} "
                           f"(no answer within {CONNECT_TIMEOUT_S} s)") from None
    except ValueError as exc:  # an address distributed cannot parse
        raise ClusterError(f"not a Dask scheduler address ({exc})") from None


def _key(part: list[Item]) -> str:
    # The same articles give the same task key: a chunk submitted twice is computed once.
    digest = hashlib.sha256("".join(a.id for _, a in part).encode()).hexdigest()[:24]
    return f"wirecoder-extract-{digest}"


def extract_on_cluster(items: Iterable[Item], published: date | None, client,
                       chunk: int | None = None) -> Iterator[tuple[str, object, Result]]:
    """(origin, article, Extraction or Failed) for each item, in input order."""
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    window = workers * WINDOW_PER_WORKER
    pending: deque = deque()
    for part in chunks(items, chunk or _chunks.CHUNK):
        future = client.submit(extract_chunk, [a for _, a in part], published, key=_key(part),
                               pure=False, retries=2)
        pending.append((part, future))
        if len(pending) >= window:
            yield from _collect(*pending.popleft())
    while pending:
        yield from _collect(*pending.popleft())


def _collect(part: list[Item], future) -> Iterator[tuple[str, object, Result]]:
    try:
        results = future.result()
    except Exception as exc:  # noqa: BLE001 - e.g. KilledWorker after repeated deaths: the chunk fails
        results = [Failed(f"Dask task failed ({type(exc).__name__})")] * len(part)
    finally:
        future.release()
    for (origin, article), result in zip(part, results):
        yield origin, article, result
