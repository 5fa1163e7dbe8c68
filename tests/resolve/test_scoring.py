from __future__ import annotations

from tests.resolve.items import item
from warlog.resolve.scoring import PLACE_PENALTY, Vectorizer, compare, cosine, haversine_km, score


def _vectorised(*items):
    vec = Vectorizer()
    vec.fit(i.text for i in items)
    for i in items:
        i.vector = vec.vector(i.text)
    return items


def test_rare_shared_words_weigh_more_than_common_ones():
    a, b, c, d = _vectorised(
        item("killed in zelenivka shelling"),
        item("zelenivka shelling toll"),
        item("killed in shelling"),
        item("killed in an attack"),
    )
    assert cosine(a.vector, b.vector) > cosine(c.vector, d.vector)


def test_unstated_features_add_nothing():
    a, b = _vectorised(item("x y", lat=None, day=None), item("x y", lat=None, day=None))
    feats = compare(a, b)
    assert feats.score == feats.values["text"]


def test_contradiction_names_the_reason_and_costs_its_penalty():
    a, b = _vectorised(item("same words"), item("same words", lat=40.0, lon=20.0))
    near = compare(*_vectorised(item("same words"), item("same words")))
    far = compare(a, b)
    assert "km apart" in far.veto
    assert far.penalty == PLACE_PENALTY
    assert far.score < near.score - PLACE_PENALTY


def test_fast_score_equals_the_explained_score():
    a, b = _vectorised(item("shelling of the depot", day=4), item("the depot was shelled", day=6, lat=49.0))
    assert abs(score(a, b) - compare(a, b).score) < 1e-9


def test_haversine_of_one_degree_latitude_is_about_111_km():
    assert 110 < haversine_km(50.0, 30.0, 51.0, 30.0) < 112


def test_capitalised_names_weigh_more_than_lowercase_words_of_equal_rarity():
    vec = Vectorizer()
    vec.fit(["police found the body near Maple", "other text entirely"])
    weights = vec.vector("police found the body near Maple")
    assert weights["maple"] > weights["body"]
