"""Wider attribution constructions found for recall on attribution corpora: a short quotation opening
its sentence, a passive verb of saying or thinking with no agent, a verb with its own noun of stance, a
verb of saying with what it is about, and the lexicon entries behind them. Texts written for these
tests; none is taken from a news report."""

from __future__ import annotations

import pytest

from tests.extract.claim_helpers import only_claim
from warlog.errors import LexiconError
from warlog.extract.quotations import is_quotation
from warlog.extract.stances import _stance_idioms, load_claim_lexicon

# --------------------------------------------------------------------------------------------- quotations


def test_short_quotation_opening_its_sentence_is_the_speakers_words(claims_of):
    claim = only_claim(claims_of("“Not one,” the mayor said."))
    assert claim.content.text == "“Not one,”"
    assert claim.source.text == "the mayor"
    assert claim.cue.text == "said"


def test_short_quotation_inside_a_sentence_is_a_term_not_a_quotation():
    text = "The army called it a “plan,” the mayor said."
    quote = (text.index("“"), text.index("”") + 1)
    assert not is_quotation(text, quote)


def test_short_quotation_needs_its_own_closing_punctuation():
    text = "“Not one” was the answer."
    assert not is_quotation(text, (0, text.index("”") + 1))
    assert is_quotation("“Not one,” he said.", (0, 10))


def test_short_quotation_after_a_sentence_or_a_line_break_opens_speech():
    text = "He waited.\n“Never,” she said. Then “Not yet,” he said."
    first = (text.index("“Never"), text.index("” she") + 1)
    second = (text.index("“Not"), text.index("” he") + 1)
    assert is_quotation(text, first)
    assert not is_quotation(text, second)  # after "Then": inside a sentence


# --------------------------------------------------------------------------------------------- passives


def test_passive_verb_of_thinking_without_agent_has_no_source_and_keeps_its_subject(claims_of):
    claim = only_claim(claims_of("The general is widely seen as a reformer."))
    assert claim.source is None
    assert claim.cue.text == "is widely seen"
    assert claim.content.text == "The general is widely seen as a reformer"


def test_passive_verb_without_complement_names_an_act_not_a_view(claims_of):
    assert claims_of("The list was released on Monday.")._.claims == []


def test_passive_accusation_keeps_the_accused_out_of_the_content(claims_of):
    claim = only_claim(claims_of("Russian forces were accused of shelling the town."))
    assert claim.source is None
    assert claim.content.text == "of shelling the town"
    assert claim.stance == "accusation"


# --------------------------------------------------------------------------------------------- idioms


def test_verb_with_its_noun_of_stance_is_the_cue_and_the_preposition_object_the_content(claims_of):
    claim = only_claim(claims_of("The senator took aim at the new budget."))
    assert claim.source.text == "The senator"
    assert claim.cue.text == "took aim at"
    assert claim.content.text == "the new budget"


def test_verb_of_stance_idiom_with_another_noun_is_no_cue(claims_of):
    assert claims_of("The senator took a long walk through the park.")._.claims == []


def test_holding_misgivings_about_something_is_a_view(claims_of):
    claim = only_claim(claims_of("Many residents have misgivings about the new bridge."))
    assert claim.cue.text == "have misgivings about"
    assert claim.content.text == "the new bridge"


def test_worrying_about_something_is_a_view_without_a_stance_of_accusation(claims_of):
    claim = only_claim(claims_of("Residents worry about the water supply."))
    assert claim.source.text == "Residents"
    assert claim.content.text == "the water supply"
    assert claim.stance == "other"


def test_verb_of_saying_with_about_takes_what_it_is_about(claims_of):
    claim = only_claim(claims_of("In an interview, the governor joked about moving to the coast."))
    assert claim.source.text == "the governor"
    assert claim.cue.text == "joked about"
    assert claim.content.text == "moving to the coast"


def test_verb_of_doing_with_about_is_no_cue(claims_of):
    assert claims_of("The governor drove about the town all morning.")._.claims == []


def test_verb_of_scolding_reports_an_accusation(claims_of):
    claim = only_claim(claims_of("The mayor chided the council for the delay."))
    assert claim.source.text == "The mayor"
    assert claim.cue.text == "chided"
    assert claim.stance == "accusation"


# --------------------------------------------------------------------------------------------- lexicon


def test_lexicon_lists_stance_idioms_and_new_verbs_of_saying():
    lexicon = load_claim_lexicon()
    assert "aim" in lexicon.stance_idioms["take"]
    assert "misgivings" in lexicon.stance_idioms["have"]
    assert "chide" in lexicon.speech and lexicon.verb_stance["chide"] == "accusation"
    assert "about" in lexicon.prep_cues["worry"]
    assert "about" in lexicon.topic_preps


def test_stance_idioms_must_list_lower_case_nouns():
    with pytest.raises(LexiconError, match="stance_idioms"):
        _stance_idioms({"stance_idioms": {"take": "aim"}})
    with pytest.raises(LexiconError, match="stance_idioms"):
        _stance_idioms({"stance_idioms": {"take": ["Aim"]}})
    assert _stance_idioms({}) == {}
