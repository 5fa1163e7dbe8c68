"""Load the extractor (model + gazetteer) once per Dask worker, and find it again from tasks.

Why a worker plugin: loading the spaCy model and the gazetteer costs seconds and hundreds of MB; doing it
per task would dominate a partition of 100 documents. ``ExtractorPlugin.setup`` runs once in each worker
process (also in workers the nanny restarts after a crash, because the scheduler replays registered
plugins), and the partition task fetches the loaded extractor with ``worker_extractor()``.

The plugin carries a *factory* (a picklable, importable callable) rather than an extractor: the client
pickles the plugin to send it, and a loaded spaCy pipeline is large and slow to pickle.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from distributed import WorkerPlugin, get_worker

from warlog.errors import ClusterError
from warlog.extract.pipeline import Extractor
from warlog.ingest.validate import MAX_CHARS

PLUGIN_NAME = "warlog-extractor"

#: A text every pipeline can run: warming up loads what components load lazily (the gazetteer).
WARMUP_TEXT = "Shelling hit the city of Kharkiv on Monday, killing two civilians, officials said."


def default_extractor(
    *, max_chars: int = MAX_CHARS, language: str | None = None, focus: tuple[str, ...] = ()
) -> Extractor:
    """The full warlog pipeline, as the single-process ``warlog ingest`` builds it."""
    return Extractor(max_chars=max_chars, language=language, focus=focus)


class ExtractorPlugin(WorkerPlugin):
    """Builds one ``Extractor`` per worker process at setup; tasks read it with ``worker_extractor()``."""

    name = PLUGIN_NAME

    def __init__(self, factory: Callable[..., Extractor] | None = None, **options: Any) -> None:
        self.factory = factory or default_extractor
        self.options = options
        self.extractor: Extractor | None = None

    def setup(self, worker) -> None:
        extractor = self.factory(**self.options)
        # Load what components load lazily now, not inside the first partition; a test pipeline may
        # reject the warm-up text, and a real failure will show (per document) in the tasks anyway.
        with contextlib.suppress(Exception):
            extractor.nlp(extractor.nlp.make_doc(WARMUP_TEXT))
        self.extractor = extractor

    def teardown(self, worker) -> None:
        self.extractor = None

    def __getstate__(self) -> dict:  # never ship a loaded pipeline back and forth
        return {"factory": self.factory, "options": self.options, "extractor": None}


def worker_extractor() -> Extractor:
    """The extractor the plugin loaded in this worker; a clear error when the plugin is missing."""
    try:
        worker = get_worker()
    except ValueError as exc:
        raise ClusterError("not running inside a Dask worker; call warlog.scale from a client") from exc
    plugin = worker.plugins.get(PLUGIN_NAME)
    if plugin is None or getattr(plugin, "extractor", None) is None:
        raise ClusterError(
            "the warlog extractor is not loaded on this worker; register ExtractorPlugin on the client "
            "(warlog.scale.connect does it) and check the worker log for its setup error",
            source=getattr(worker, "address", None),
        )
    return plugin.extractor
