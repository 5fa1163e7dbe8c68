"""The REST API (FastAPI): incidents, documents, statistics, exports, ingest and review."""
