from __future__ import annotations

import pytest

from warlog.errors import LexiconError
from warlog.resolve.weights import EMBEDDINGS_WEIGHTS_FILE, FEATURES, load_model, model_from


def _data(**over):
    data = {"bias": -1.0, "threshold": 0.0, "bridge": 1.0, "weights": {f: 0.5 for f in FEATURES}}
    data.update(over)
    return data


def test_shipped_models_weigh_every_feature():
    for name in ("merge_weights.yaml", EMBEDDINGS_WEIGHTS_FILE):
        model = load_model(name)
        assert set(model.named()) == set(FEATURES)
        assert model.bridge >= model.threshold


def test_shipped_model_ignores_embeddings_it_was_not_fitted_with():
    assert load_model().named()["embedding"] == 0.0


def test_score_is_bias_plus_weighted_features():
    model = model_from(_data())
    assert model.score(tuple(1.0 for _ in FEATURES)) == pytest.approx(-1.0 + 0.5 * len(FEATURES))


def test_missing_feature_weight_names_the_feature():
    weights = {f: 0.5 for f in FEATURES if f != "names"}
    with pytest.raises(LexiconError, match="names"):
        model_from(_data(weights=weights))


def test_unknown_feature_weight_is_refused():
    with pytest.raises(LexiconError, match="colour"):
        model_from(_data(weights={**{f: 0.5 for f in FEATURES}, "colour": 1.0}))


def test_missing_threshold_says_how_to_refit():
    data = _data()
    del data["threshold"]
    with pytest.raises(LexiconError, match="--fit"):
        model_from(data)


def test_non_numeric_weight_is_refused():
    with pytest.raises(LexiconError, match="numbers"):
        model_from(_data(bias="high"))


def test_shipped_model_trusts_shared_wording_and_names():
    named = load_model().named()
    assert named["text"] > 0
    assert named["names"] > 0
