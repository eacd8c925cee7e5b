"""Running wirecoder at volume: feed watching, worker processes, a Dask cluster.

Modules: watch (poll feeds, fetch pages, store), local (--workers: a process
pool with one model load per process, the parent writes), dask (--scheduler:
the same extraction on a Dask distributed cluster), options (the CLI flags).
"""
