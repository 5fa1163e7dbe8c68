"""Start or join a Dask cluster with the warlog extractor loaded on every worker.

``connect(workers=N)`` starts a local cluster of N single-threaded worker *processes* (spaCy holds the GIL,
so threads would not add throughput); ``connect(scheduler="tcp://host:8786")`` joins one that is already
running (dask-jobqueue on Slurm, dask-kubernetes, ``dask scheduler`` + ``dask worker`` by hand: see
docs/scale.md). Either way the ``ExtractorPlugin`` is registered before any task runs, so each worker
loads the model and gazetteer once; its setup time is the cluster's start-up, not the documents'.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import dask
from distributed import Client, LocalCluster

from warlog.extract.pipeline import Extractor
from warlog.ingest.validate import MAX_CHARS
from warlog.scale.plugin import ClusterError, ExtractorPlugin

#: Per local worker: the full pipeline peaks near 1 GB; Dask pauses a worker at 80 % and restarts it at 95 %.
MEMORY_LIMIT = "2GiB"
CONNECT_TIMEOUT = "30s"
#: What the nannies put in a worker's environment. Dask's default adds MALLOC_TRIM_THRESHOLD_=65536, which
#: made glibc hand memory back after every spaCy batch: ~12 % more CPU per word in the warlog pipeline, for
#: memory a worker reuses at once (its RSS stays near 350 MB). One BLAS thread per worker process stays:
#: threads would only fight over the cores the other workers use. Workers of an existing cluster: start them
#: with OMP_NUM_THREADS=1 and without MALLOC_TRIM_THRESHOLD_ (docs/scale.md).
WORKER_ENVIRON = {"OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
WORKER_CONFIG = {"distributed.nanny.pre-spawn-environ": WORKER_ENVIRON}


@contextmanager
def connect(
    workers: int | None = None,
    scheduler: str | None = None,
    *,
    memory_limit: str = MEMORY_LIMIT,
    factory: Callable[..., Extractor] | None = None,
    max_chars: int = MAX_CHARS,
    language: str | None = None,
    focus: Sequence[str] = (),
) -> Iterator[Client]:
    """A client whose workers have the extractor loaded; the local cluster is closed on exit.

    ``factory`` builds the extractor in each worker (default: the full pipeline); it must be importable
    there, since workers unpickle it by reference."""
    if (workers is None) == (scheduler is None):
        raise ClusterError("pass either a number of local workers or a scheduler address, not both")
    cluster = None
    try:
        if scheduler is not None:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        else:
            if workers is None or workers < 1:
                raise ClusterError(f"cannot start {workers} workers; pass --workers 1 or more")
            with dask.config.set(WORKER_CONFIG):  # the nannies copy it into every worker they (re)start
                cluster = LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    memory_limit=memory_limit,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        raise ClusterError(
            f"cannot reach the Dask scheduler ({exc}); check the address and that `dask scheduler` runs",
            source=scheduler or "local cluster",
        ) from exc
    try:
        _require_workers(client, scheduler)
        options = {"max_chars": max_chars, "language": language}
        if focus:  # only when asked: test factories build their own pipelines and take no focus
            options["focus"] = tuple(focus)
        try:
            client.register_plugin(ExtractorPlugin(factory, **options), name=ExtractorPlugin.name)
        except Exception as exc:  # noqa: BLE001  (whatever the workers raised while loading)
            raise ClusterError(
                f"the workers could not load the warlog extractor ({type(exc).__name__}: {exc}); install "
                "warlog on every worker from the same requirements.lock as this machine",
                source=scheduler or "local cluster",
            ) from exc
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _require_workers(client: Client, scheduler: str | None) -> None:
    if scheduler is None:
        return
    try:
        client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
    except TimeoutError as exc:
        raise ClusterError(
            "the scheduler has no workers; start some (`dask worker ADDRESS`) with warlog installed",
            source=scheduler,
        ) from exc


def worker_pids(client: Client) -> dict[str, int]:
    """Worker address → process id (for RSS sampling in the throughput benchmark)."""
    return client.run(os.getpid)
