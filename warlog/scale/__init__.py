"""Scale-out on Dask distributed: the same extraction and ingest, one model per worker (issue 8).

    from warlog.scale import connect, ingest_distributed
    with connect(workers=2) as client:          # or connect(scheduler="tcp://host:8786")
        summary = ingest_distributed(["archive/"], open_db(), client)

``warlog ingest PATH --workers N`` / ``--scheduler ADDRESS`` is the same call; docs/scale.md has the
Slurm (dask-jobqueue) and Kubernetes recipes.
"""

from warlog.scale.cluster import MEMORY_LIMIT, connect, worker_pids
from warlog.scale.driver import ingest_distributed, ingest_on_cluster
from warlog.scale.partition import (
    PARTITION_FAILED,
    PARTITION_SIZE,
    Done,
    extract_batch,
    extract_partition,
    partitions,
    run_partitions,
)
from warlog.scale.plugin import ClusterError, ExtractorPlugin, default_extractor, worker_extractor

__all__ = [
    "MEMORY_LIMIT",
    "PARTITION_FAILED",
    "PARTITION_SIZE",
    "ClusterError",
    "Done",
    "ExtractorPlugin",
    "connect",
    "default_extractor",
    "extract_batch",
    "extract_partition",
    "ingest_distributed",
    "ingest_on_cluster",
    "partitions",
    "run_partitions",
    "worker_extractor",
    "worker_pids",
]
