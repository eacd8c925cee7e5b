"""The scale-out flags of `wirecoder ingest` (--workers, --scheduler) and the extraction
step they choose; the ingest command stays the one writer either way."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Optional

Extracted = Iterator[tuple[str, object, object]]
Step = Callable[[Iterable, Optional[date]], Extracted]


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"not a positive number: {value!r}")
    return n


def add_scale_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--workers", type=_positive, default=1, metavar="N",
                   help="extract in N processes on this machine (one model load each; default 1)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="extract on a Dask cluster, e.g. tcp://10.0.0.5:8786 "
                        "(default: $WIRECODER_DASK_SCHEDULER; none: this machine)")


def _as_exceptions(step: Extracted) -> Extracted:
    # The ingest command reports exceptions per article; workers send back Failed records.
    from wirecoder.run.chunks import Failed

    for origin, article, result in step:
        yield origin, article, (RuntimeError(result.reason) if isinstance(result, Failed) else result)


def extraction_step(args: argparse.Namespace, default: Step) -> Optional[Step]:
    """The extraction step for these flags: `default` (this process), worker processes, or
    a Dask cluster; None after printing why the cluster cannot be used."""
    from wirecoder.run.cluster import ClusterError, scheduler_address

    address = scheduler_address(getattr(args, "scheduler", None))
    workers = getattr(args, "workers", 1) or 1
    if address:
        from wirecoder.run.cluster import connect, extract_on_cluster

        try:
            client = connect(address)
        except ClusterError as exc:
            print(f"wirecoder: error: {address}: {exc}", file=sys.stderr)
            return None

        def on_cluster(items: Iterable, published: Optional[date]) -> Extracted:
            try:
                yield from _as_exceptions(extract_on_cluster(items, published, client))
            finally:
                client.close()
        return on_cluster
    if workers > 1:
        from wirecoder.run.local import extract_in_processes

        return lambda items, published: _as_exceptions(extract_in_processes(items, published, workers))
    return default
