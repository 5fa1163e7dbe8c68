"""Where a cue's speaker and content sit (``warlog.extract.clauses``, through ``warlog_claims``): verbs of
will, object relatives, questions, stance adjectives, evidential verbs, parentheticals, and the quote-mark
fixes of the fourth attribution round. Texts written for these tests; none is taken from a news report."""

from __future__ import annotations

import pytest

from tests.extract.claim_helpers import only_claim as _only
from warlog.errors import LexiconError
from warlog.extract.quotes import find_quotes
from warlog.extract.stances import _prep_cues, load_claim_lexicon

# --------------------------------------------------------------------------------------------- verbs


def test_refused_to_infinitive_is_a_claim_with_the_infinitive_as_content(claims_of):
    claim = _only(claims_of("The ministry refused to release the casualty figures."))
    assert claim.cue.text == "refused"
    assert claim.source.text == "The ministry"
    assert claim.content.text == "to release the casualty figures"


def test_verb_of_will_with_an_object_is_not_a_claim(claims_of):
    assert not claims_of("The army sought reinforcements from the north.")._.claims


def test_declined_to_comment_stays_a_no_comment(claims_of):
    claims = claims_of("The regional governor declined to comment.")._.claims
    assert [c.stance for c in claims] == ["no_comment"]


def test_attacking_a_rival_takes_the_rival_as_content(claims_of):
    claim = _only(claims_of("The senator attacked the governor over the budget."))
    assert claim.cue.text == "attacked"
    assert claim.content.text.startswith("the governor")


def test_prepositional_cue_on_is_read_as_a_word(claims_of):
    claim = _only(claims_of("The mayor focused on the water supply."))
    assert claim.content.text == "the water supply"
    assert "on" in load_claim_lexicon().prep_cues["focus"]


def test_prep_cue_that_is_not_a_word_is_rejected():
    with pytest.raises(LexiconError, match="prep_cues"):
        _prep_cues({"prep_cues": {"focus": [True]}})


def test_be_supposed_to_is_not_a_claim(claims_of):
    assert not claims_of("The convoy was supposed to arrive on Monday.")._.claims


def test_quoted_clause_subject_is_not_taken_for_the_speaker(claims_of):
    doc = claims_of("“The town is calm. One of the calmest places in the region,” Ann Lee said.")
    claim = _only(doc)
    assert claim.source.text == "Ann Lee"
    assert claim.content.text.startswith("“The town")


def test_lexicon_lists_intentions_naming_and_evidential_verbs():
    lexicon = load_claim_lexicon()
    assert lexicon.is_intention("refuse") and not lexicon.is_intention("say")
    assert "call" in lexicon.naming and "seem" in lexicon.evidential and "release" in lexicon.quote_shy


def test_naming_participle_is_not_a_claim(claims_of):
    assert not claims_of("The volunteers run a program called Safe Streets.")._.claims


def test_it_was_clear_that_names_no_source(claims_of):
    assert not claims_of("It was clear that the bridge would not reopen.")._.claims


def test_you_know_is_a_filler_not_a_claim(claims_of):
    doc = claims_of("You know, the bridge was never safe.")
    assert not [c for c in doc._.claims if c.cue.text.lower() == "know"]


# --------------------------------------------------------------------------------------------- quotes


def test_mixed_marks_close_before_the_speaker_and_reopen_after(claims_of):
    text = '“We will rebuild the bridge," the mayor said. "It will take a year.”'
    assert [text[a:b] for a, b in find_quotes(text)] == ['“We will rebuild the bridge,"',
                                                          '"It will take a year.”']
    claims = claims_of(text)._.claims
    assert claims and all(c.source.text == "the mayor" for c in claims)


def test_opening_mark_typed_as_a_close_ends_the_quotation():
    text = "“Not at all,“ he said. “The bridge is safe.”"
    assert [text[a:b] for a, b in find_quotes(text)] == ["“Not at all,“", "“The bridge is safe.”"]


def test_nested_straight_term_inside_a_curly_quotation_stays_inside():
    text = '“He called it "a disgrace" today,” she said.'
    assert [text[a:b] for a, b in find_quotes(text)] == ['“He called it "a disgrace" today,”']


# --------------------------------------------------------------------------------------------- more verbs


def test_object_relative_takes_the_noun_it_modifies_as_content(claims_of):
    doc = claims_of("These are the things the senator said about the war.")
    claim = next(c for c in doc._.claims if c.cue.text == "said")
    assert claim.source.text == "the senator"
    assert claim.content.text == "the things"


def test_asked_with_two_objects_takes_the_question_as_content(claims_of):
    claim = _only(claims_of("The reporter asked the mayor a question about the curfew."))
    assert claim.cue.text == "asked"
    assert claim.content.text.startswith("a question")


def test_asked_about_takes_the_topic_as_content(claims_of):
    claim = _only(claims_of("The senator asked about the missing aid convoys."))
    assert claim.content.text == "the missing aid convoys"


def test_pushed_for_is_a_cue_with_its_preposition(claims_of):
    claim = _only(claims_of("The mayor pushed for a ceasefire in the region."))
    assert claim.cue.text == "pushed for"
    assert claim.content.text == "a ceasefire in the region"


def test_spoke_without_a_preposition_is_not_a_claim(claims_of):
    assert not claims_of("The governor spoke at the rally on Monday.")._.claims


def test_closing_quote_mark_hung_on_the_speaker_stays_out_of_the_source(claims_of):
    doc = claims_of('“The roads will be rebuilt before the winter,” Ann Lee, head of the council, said.')
    claim = _only(doc)
    assert claim.source.text.startswith("Ann Lee")
    assert claim.content.text.endswith("winter,”")


def test_speaker_is_the_subject_nearest_the_cue(claims_of):
    claim = _only(claims_of("The promise to rebuild the bridge was a lie, the mayor said."))
    assert claim.source.text == "the mayor"
    assert claim.content.text == "The promise to rebuild the bridge was a lie"


def test_media_shared_online_is_not_a_speaker(claims_of):
    doc = claims_of("Videos shared online showed destroyed houses, but they could not be verified.")
    assert not [c for c in doc._.claims if c.cue.text == "shared"]


def test_release_does_not_take_a_neighbouring_quotation(claims_of):
    doc = claims_of("The campaign released a video on Monday. “We will win this state,” the senator said.")
    released = [c for c in doc._.claims if c.cue.text == "released"]
    assert released and released[0].content.text == "a video"
    said = [c for c in doc._.claims if c.cue.text == "said"]
    assert said and said[0].content.text.startswith("“We will win")


def test_party_with_an_adjective_and_preposition_takes_a_stance(claims_of):
    claim = _only(claims_of("The senator was upfront about her distaste for the curfew."))
    assert claim.source.text == "The senator"
    assert claim.cue.text == "was upfront about"
    assert claim.content.text == "her distaste for the curfew"


def test_thing_with_an_adjective_and_preposition_is_not_a_stance(claims_of):
    assert not claims_of("The bridge is close to the river.")._.claims


def test_parenthetical_speaker_is_not_the_content_of_the_main_verb(claims_of):
    doc = claims_of("At one point, she said, the mayor considered leaving the city.")
    said = [c for c in doc._.claims if c.cue.text == "said"]
    assert said and said[0].source.text == "she"
    assert not [c for c in doc._.claims if c.content is not None and c.content.text == "she said"]


def test_seems_is_the_writers_hedge_without_a_source(claims_of):
    claim = _only(claims_of("The strike appears to have hit a fuel depot."))
    assert claim.source is None
    assert claim.cue.text == "appears"
    assert claim.content.text == "The strike appears to have hit a fuel depot"


def test_appeared_to_confirm_stays_the_subjects_claim(claims_of):
    claim = _only(claims_of("The ministry appeared to confirm the strike on the depot."))
    assert claim.source.text == "The ministry"
    assert "confirm" in claim.cue.text
