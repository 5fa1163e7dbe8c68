"""One cue's frame (``warlog.extract.attributions``) and the speaker's extent (``claim_spans``), read from
the parse alone. Texts written for these tests; none is taken from a news report."""

from __future__ import annotations

import pytest

from warlog.extract.attributions import attribution, cue_candidates, is_cue_candidate
from warlog.extract.claim_spans import speaker_extent
from warlog.extract.quotes import find_quotes
from warlog.extract.stances import load_claim_lexicon


@pytest.fixture(scope="module")
def lexicon():
    return load_claim_lexicon()


def _token(doc, word: str):
    return next(t for t in doc if t.text == word)


def test_reporting_verb_is_a_cue_candidate_and_a_plain_noun_is_not(model, lexicon):
    doc = model("The mayor said the market was shelled.")
    assert is_cue_candidate(doc, _token(doc, "said"), lexicon)
    assert not is_cue_candidate(doc, _token(doc, "market"), lexicon)


def test_verb_frame_gives_source_cue_and_content(model, lexicon):
    doc = model("The mayor said the market was shelled.")
    source, cue, content, head = attribution(doc, _token(doc, "said"), lexicon, find_quotes(doc.text))
    assert (source.text, cue.text, content.text) == ("The mayor", "said", "the market was shelled")
    assert head.text == "mayor"


def test_according_to_frame_stays_within_the_outer_content(model, lexicon):
    text = "Officials said two schools were damaged and, according to the mayor, a clinic was hit."
    doc = model(text)
    within = (text.index("two"), len(text) - 1)
    source, cue, content, _ = attribution(doc, _token(doc, "according"), lexicon, [], within)
    assert (source.text, cue.text, content.text) == ("the mayor", "according to", "a clinic was hit")


def test_according_to_at_the_end_takes_the_clause_before_it(model, lexicon):
    doc = model("The depot burned overnight, according to the governor.")
    _, _, content, _ = attribution(doc, _token(doc, "according"), lexicon, [])
    assert content.text == "The depot burned overnight"


def test_speaker_extent_leaves_out_a_relative_clause(model):
    text = "The governor, who visited the site, warned that the roads were mined."
    doc = model(text)
    start, end = speaker_extent(_token(doc, "governor"))
    assert text[start:end] == "The governor"


def test_speaker_extent_keeps_a_prepositional_phrase(model):
    text = "The governor of the region warned that the roads were mined."
    doc = model(text)
    start, end = speaker_extent(_token(doc, "governor"))
    assert text[start:end] == "The governor of the region"


def test_noun_of_saying_equated_with_a_clause_is_a_cue(model, lexicon):
    doc = model("The ministry's argument is that the strike hit only military targets.")
    copula = _token(doc, "is")
    assert is_cue_candidate(doc, copula, lexicon)
    source, cue, content, _ = attribution(doc, copula, lexicon, [])
    assert (source.text, cue.text) == ("The ministry", "argument is")
    assert content.text == "that the strike hit only military targets"


def test_copula_with_an_ordinary_noun_is_no_cue(model, lexicon):
    doc = model("The problem is that the bridge was destroyed.")
    assert not is_cue_candidate(doc, _token(doc, "is"), lexicon)


CUE_SHAPES = (
    "The mayor said the market was shelled. According to the governor, two schools burned. "
    "In a new poll, most voters back the plan. As the memo put it, the talks had failed. "
    "The army's claim that it hit a depot was false. Officials conceded that the bridge fell. "
    "Her argument is that the road is unsafe. The union is opposed to the curfew. "
    "The minister made the case for new shelters. Residents hopes were dashed."
)


def test_cue_candidates_are_exactly_the_tokens_is_cue_candidate_accepts(model, lexicon):
    doc = model(CUE_SHAPES)
    expected = [t for t in doc if is_cue_candidate(doc, t, lexicon)]
    found = cue_candidates(doc, lexicon)
    assert [t.i for t in found] == [t.i for t in expected]
    assert {"said", "According", "conceded"} <= {t.text for t in found}


def test_cue_candidates_keep_a_verb_outside_the_lexicon_that_governs_a_that_clause(model, lexicon):
    doc = model("The engineers grumbled that the generator was broken.")
    assert lexicon.lemma(_token(doc, "grumbled")) is None  # a lexicon verb would be no test of the syntax
    assert "grumbled" in [t.text for t in cue_candidates(doc, lexicon)]


def test_cue_candidates_of_a_text_without_cues_is_empty(model, lexicon):
    assert cue_candidates(model("Two red buses in the rain."), lexicon) == []
    assert cue_candidates(model(""), lexicon) == []
