"""Accuracy and throughput harnesses: ``python -m bench.NAME [--data DIR] [--json]``. Never run by pytest."""
