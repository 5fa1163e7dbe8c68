"""MentionFinder's per-document shortcuts: token rows read once, trusted readings kept per name."""

from __future__ import annotations

from tests.geo.smalldump import small_dump, small_gazetteer  # noqa: F401
from warlog.extract.place_cues import Cues
from warlog.extract.place_mentions import MentionFinder
from warlog.geo.names import lookup_key


def test_trusted_readings_are_kept_per_name(small_gazetteer):  # noqa: F811
    cues = Cues()
    finder = MentionFinder(small_gazetteer, cues)
    key = lookup_key("Krasnohorivka")
    first = finder._trusted_hits(key)
    assert first and first == cues.trusted(small_gazetteer.lookup_key(key), key)
    assert finder._trusted_hits(key) is first


def test_an_empty_document_has_no_mention(model, small_gazetteer):  # noqa: F811
    finder = MentionFinder(small_gazetteer, Cues())
    assert finder.find(model(""), "") == []


def test_a_name_after_a_place_word_and_a_short_name_in_capitals_are_found(model, small_gazetteer):  # noqa: F811
    finder = MentionFinder(small_gazetteer, Cues())
    text = "The shelling hit the village of Krasnohorivka. US officials said it."
    assert [m.name for m in finder.find(model(text), text)] == ["Krasnohorivka", "US"]


def _with_entity(doc, start: int, end: int, label: str):
    """The document with one entity set by hand: the test fixes what the model would say."""
    from spacy.tokens import Span as TokenSpan

    doc.ents = [TokenSpan(doc, start, end, label=label)]
    return doc


def test_a_lone_name_the_model_calls_a_person_is_a_place_before_its_police(model, small_gazetteer):  # noqa: F811
    finder = MentionFinder(small_gazetteer, Cues())
    text = "Alexandria police have charged a teenager."
    assert [m.name for m in finder.find(_with_entity(model(text), 0, 1, "PERSON"), text)] == ["Alexandria"]


def test_a_lone_name_the_model_calls_a_person_stays_a_person_without_a_place_word(model, small_gazetteer):  # noqa: F811
    finder = MentionFinder(small_gazetteer, Cues())
    text = "Alexandria said she had charged a teenager."
    assert finder.find(_with_entity(model(text), 0, 1, "PERSON"), text) == []


def test_a_follower_outweighs_an_event_label_in_a_headline(model, small_gazetteer):  # noqa: F811
    finder = MentionFinder(small_gazetteer, Cues())
    text = "Alexandria teen recovering after accidental shooting."
    assert [m.name for m in finder.find(_with_entity(model(text), 0, 1, "EVENT"), text)] == ["Alexandria"]
    text = "Alexandria recovering after accidental shooting."
    assert finder.find(_with_entity(model(text), 0, 1, "EVENT"), text) == []


def test_a_full_name_the_model_calls_a_person_is_a_town_before_its_young(model, small_gazetteer):  # noqa: F811
    finder = MentionFinder(small_gazetteer, Cues())
    text = "Mount Oliver teen hurt by a stray bullet."
    found = finder.find(_with_entity(model(text), 0, 2, "PERSON"), text)
    assert [m.name for m in found] == ["Mount Oliver"]


def test_a_full_name_the_model_calls_a_person_stays_a_person_before_other_words(model, small_gazetteer):  # noqa: F811
    finder = MentionFinder(small_gazetteer, Cues())
    text = "Mount Oliver told reporters about a stray bullet."
    assert finder.find(_with_entity(model(text), 0, 2, "PERSON"), text) == []
