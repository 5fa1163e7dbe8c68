"""warlog: conflict reporting in, structured, source-attributed incident records out."""

from __future__ import annotations

from warlog import extract  # callable: warlog.extract(text, published=..., source=...)
from warlog.errors import WarlogError
from warlog.extract.pipeline import DocumentInput, Extractor, load_pipeline
from warlog.schema import Claim, Document, Extraction, Place, Report, TimeSpan

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "Document",
    "DocumentInput",
    "Extraction",
    "Extractor",
    "Place",
    "Report",
    "TimeSpan",
    "WarlogError",
    "__version__",
    "extract",
    "load_pipeline",
]
