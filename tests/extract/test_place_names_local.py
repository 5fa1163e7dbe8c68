"""The place finder on the names local news writes: a town split by the model, a town named like a
person or an English word, a town before its people. Texts written for these tests; the real gazetteer."""

from __future__ import annotations

from spacy.tokens import Span as TokenSpan

from warlog.extract.extensions import get_list
from warlog.extract.place_cues import Cues
from warlog.extract.place_mentions import MentionFinder
from warlog.geo.gazetteer import Gazetteer


def _found(run_components, text: str) -> dict[str, str | None]:
    doc = run_components(text, ["warlog_places"])
    return {p.name: p.admin1 for p in get_list(doc, "places")}


def _names(model, text: str, ents: list[tuple[int, int, str]]) -> list[str]:
    """The names the finder keeps with the model's entities fixed by hand (what the small model says)."""
    doc = model(text)
    doc.ents = [TokenSpan(doc, a, b, label=label) for a, b, label in ents]
    return [m.name for m in MentionFinder(Gazetteer.default(), Cues()).find(doc, text)]


def test_a_dateline_town_the_model_cuts_at_its_head_is_read_whole(run_components):
    found = _found(run_components, "Fair closes.\n\nGRANITE FALLS, N.C. (Staff) – The county fair closed.")
    assert found.get("GRANITE FALLS") == "North Carolina"
    assert "FALLS" not in found


def test_a_word_before_a_town_is_taken_only_when_the_gazetteer_knows_the_whole(model):
    text = "Officers in Lexington said so."
    assert _names(model, text, [(2, 3, "GPE")]) == ["Lexington"]


def test_an_abbreviated_saint_in_capitals_is_one_name(run_components):
    found = _found(run_components, "Bridge shut.\n\nST. LOUIS, Mo. (Staff) — A bridge shut on Monday.")
    assert found.get("ST. LOUIS") == "Missouri"
    assert "ST" not in found and "LOUIS" not in found


def test_an_english_word_town_with_its_state_after_a_comma_is_a_place(run_components):
    found = _found(run_components, "Rain.\n\nHope, Ark., officials opened a shelter for the storm.")
    assert found.get("Hope") == "Arkansas"


def test_an_english_word_town_without_its_state_stays_a_word(run_components):
    found = _found(run_components, "There is hope, police said on Tuesday.")
    assert "hope" not in {name.lower() for name in found}


def test_a_persons_word_is_a_town_again_after_a_compass_word(model):
    # "Tyler Grill" read as a person's name makes "Tyler" a person's word in the document
    text = "Lunch at the Tyler Grill. A fire broke out in north Tyler on Sunday."
    assert _names(model, text, [(3, 5, "PERSON"), (12, 13, "GPE")]) == ["Tyler"]


def test_a_persons_word_is_a_town_again_before_its_people(model):
    text = "Ann Tyler wrote it. A Tyler teen won the race on Sunday."
    assert _names(model, text, [(0, 2, "PERSON"), (6, 7, "ORG")]) == ["Tyler"]


def test_a_persons_word_alone_stays_the_person(model):
    text = "Ann Tyler wrote it. Tyler said the teen won the race."
    assert _names(model, text, [(0, 2, "PERSON"), (5, 6, "PERSON")]) == []
