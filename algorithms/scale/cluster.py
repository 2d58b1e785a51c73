"""Where a scaled run's partitions run: a Dask local cluster, an existing cluster, threads or one after another."""
from __future__ import annotations

import contextlib
import os

__all__ = ["start_client", "shutdown", "close_started", "run_tasks"]


def start_client(scheduler, workers):
    """(dask compute kwargs, client or None, worker count)."""
    if scheduler in ("sync", "synchronous"):
        return {"scheduler": "synchronous"}, None, 1
    if scheduler == "threads":
        n = workers or os.cpu_count() or 1
        return {"scheduler": "threads", "num_workers": n}, None, n
    from distributed import Client, LocalCluster

    if scheduler in (None, "local", "processes"):
        n = workers or os.cpu_count() or 1
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
        return {}, client, n
    client = Client(scheduler)
    return {}, client, len(client.scheduler_info().get("workers", {})) or 1


def shutdown(client) -> None:
    """Close a Dask client and the local cluster it started (if any)."""
    if client is not None:
        cluster = getattr(client, "cluster", None)
        client.close()
        if cluster is not None:
            cluster.close()


def close_started(started) -> None:
    """Close a cluster started in the background (the run failed before using it)."""
    with contextlib.suppress(Exception):
        shutdown(started.result()[1])


def run_tasks(n_tasks, make, client, compute_kw, n_workers, progress):
    """Run the partition tasks (``make(k)`` gives partition k's function and arguments), reporting progress per
    partition and stopping when the user cancels. On a Dask cluster each task is submitted as soon as its
    arguments are made, so the workers start while the driver prepares the next ones."""
    import dask

    results = [None] * n_tasks
    state = {"done": 0}

    def deliver(k, r):
        results[k] = r
        state["done"] += 1
        if progress is not None:
            progress(15 + 75 * state["done"] / n_tasks, f"分区 / partition {state['done']}/{n_tasks}")

    if client is not None:
        from distributed import as_completed

        futures = []
        try:
            for k in range(n_tasks):
                fn, args = make(k)
                futures.append(client.submit(fn, *args, pure=False))
            index = {f.key: k for k, f in enumerate(futures)}
            for fut in as_completed(futures):
                deliver(index[fut.key], fut.result())
        except BaseException:
            client.cancel(futures)
            raise
        return results
    tasks = [dask.delayed(fn)(*args) for fn, args in map(make, range(n_tasks))]
    step = max(1, n_workers)
    for s in range(0, len(tasks), step):  # small batches: cancellation is looked at between them
        for k, r in enumerate(dask.compute(*tasks[s:s + step], **compute_kw)):
            deliver(s + k, r)
    return results
