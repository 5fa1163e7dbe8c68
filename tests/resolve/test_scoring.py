from __future__ import annotations

from tests.resolve.items import MODEL, item
from warlog.resolve.scoring import Vectorizer, compare, cosine, haversine_km, pair_features, score
from warlog.resolve.weights import FEATURES


def _vectorised(*items):
    vec = Vectorizer()
    vec.fit(i.text for i in items)
    for i in items:
        i.vector = vec.vector(i.text)
        i.names = vec.names(i.vector, i.text)
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
    a, b = _vectorised(
        item("x y", lat=None, day=None, source="a"), item("x y", lat=None, day=None, source="b")
    )
    inputs = compare(a, b).inputs
    assert set(inputs) == set(FEATURES)
    assert all(inputs[k] == 0.0 for k in FEATURES if k != "text")


def test_contradiction_names_the_reason_and_lowers_the_score():
    a, b = _vectorised(item("same words"), item("same words", lat=40.0, lon=20.0))
    near = compare(*_vectorised(item("same words"), item("same words")), MODEL)
    far = compare(a, b, MODEL)
    assert "km apart" in far.veto
    assert far.inputs["place_veto"] == 1.0
    assert far.score < near.score


def test_fast_score_equals_the_explained_score():
    a, b = _vectorised(item("shelling of the depot", day=4), item("the depot was shelled", day=6, lat=49.0))
    assert abs(score(a, b) - compare(a, b).score) < 1e-9


def test_features_come_in_model_order():
    a, b = _vectorised(item("shelling of the depot"), item("the depot was shelled"))
    assert len(pair_features(a, b)) == len(FEATURES)


def test_haversine_of_one_degree_latitude_is_about_111_km():
    assert 110 < haversine_km(50.0, 30.0, 51.0, 30.0) < 112


def test_capitalised_names_weigh_more_than_lowercase_words_of_equal_rarity():
    vec = Vectorizer()
    vec.fit(["police found the body near Maple", "other text entirely"])
    weights = vec.vector("police found the body near Maple")
    assert weights["maple"] > weights["body"]


def test_names_vector_keeps_only_capitalised_names():
    vec = Vectorizer()
    text = "police found the body near Maple street in Oakwood"
    vec.fit([text, "other text entirely"])
    names = vec.names(vec.vector(text), text)
    assert set(names) == {"maple", "oakwood"}
    assert abs(sum(w * w for w in names.values()) - 1.0) < 1e-9


def test_shared_names_raise_the_score_of_otherwise_equal_pairs():
    base = "a man was shot and wounded on tuesday evening"
    a, b, c = _vectorised(
        item(f"{base} near Maple", source="a"),
        item(f"{base} near Maple", source="b"),
        item(f"{base} near Birch", source="c"),
    )
    assert score(a, b, MODEL) > score(a, c, MODEL)


def test_same_publisher_is_a_feature():
    a, b, c = _vectorised(item("x", source="wral.com"), item("x", source="WRAL.com"), item("x", source="b"))
    assert compare(a, b).inputs["same_publisher"] == 1.0
    assert compare(a, c).inputs["same_publisher"] == 0.0


def test_words_in_most_of_a_publishers_articles_are_dropped_as_boilerplate():
    texts = [f"story {n} about Maple weather widget subscribe" for n in ("one", "two", "three", "four")]
    items = [item(t, source="site.example") for t in texts] + [item("weather warning issued", source="other")]
    vec = Vectorizer()
    vec.fit_items(items)
    own = vec.vector(texts[0], publisher="site.example")
    other = vec.vector("weather warning issued", publisher="other")
    assert "subscribe" not in own and "weather" not in own
    assert "one" in own
    assert "weather" in other
