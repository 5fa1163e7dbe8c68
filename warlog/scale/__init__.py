"""Scale-out on Dask distributed: the same extraction and ingest, one model per worker."""
