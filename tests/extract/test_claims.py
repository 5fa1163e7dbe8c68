"""ClaimFinder: attributions (source / cue / content), stance, modality, caveats. Texts written for these
tests; none is taken from a news report."""

from __future__ import annotations

import pytest

from tests.extract.claim_helpers import only_claim as _only
from warlog.errors import LexiconError
from warlog.extract import caveats as caveats_module
from warlog.extract.caveats import load_caveat_patterns
from warlog.extract.quotes import find_quotes, layout_attributions
from warlog.extract.stances import _contains, load_claim_lexicon

# --------------------------------------------------------------------------------------------- spans


def test_indirect_speech_content_keeps_that_and_drops_final_period(claims_of):
    claim = _only(claims_of("The regional governor said that two schools were damaged."))
    assert claim.source.text == "The regional governor"
    assert claim.cue.text == "said"
    assert claim.content.text == "that two schools were damaged"


def test_speaker_after_direct_quote_gets_the_quote_with_its_marks(claims_of):
    claim = _only(claims_of("“We will rebuild every house in the village,” the mayor told reporters."))
    assert claim.content.text == "“We will rebuild every house in the village,”"
    assert claim.source.text == "the mayor"
    assert claim.cue.text == "told"


def test_speaker_before_colon_quote_gets_the_quote(claims_of):
    doc = claims_of('The commander said: "Our positions held through the night."')
    claim = _only(doc)
    assert claim.content.text == '"Our positions held through the night."'
    assert claim.source.text == "The commander"


def test_trailing_speaker_of_indirect_speech_drops_the_comma(claims_of):
    claim = _only(claims_of("Four people were wounded in the blast, the police said."))
    assert claim.content.text == "Four people were wounded in the blast"
    assert claim.source.text == "the police"


def test_according_to_takes_the_speaker_after_the_cue(claims_of):
    claim = _only(claims_of("The bridge was hit twice, according to the regional administration."))
    assert claim.cue.text == "according to"
    assert claim.source.text == "the regional administration"
    assert claim.content.text == "The bridge was hit twice"


def test_according_to_at_sentence_start(claims_of):
    claim = _only(claims_of("According to local officials, the power plant stopped working."))
    assert claim.source.text == "local officials"
    assert claim.content.text == "the power plant stopped working"


def test_cue_keeps_auxiliaries_and_negation(claims_of):
    claim = _only(claims_of("Moscow has not commented on the accusation."))
    # the preposition of a prepositional cue joins it, as in "called for" (prep_cues: comment: ["on"])
    assert claim.cue.text == "has not commented on"
    assert claim.stance == "no_comment" and claim.content.text == "the accusation"


def test_passive_without_agent_has_no_source(claims_of):
    claim = _only(claims_of("It was reported that two drones were destroyed over the port."))
    assert claim.source is None
    assert claim.claimant.name == ""
    assert claim.content.text == "that two drones were destroyed over the port"


def test_quote_continued_after_speaker_is_a_claim_of_the_same_speaker(claims_of):
    text = '"The roof is gone. The walls are cracked," the owner said. "We have nowhere else to go tonight."'
    doc = claims_of(text)
    quoted = [c for c in doc._.claims if c.content is not None and c.content.text.startswith('"')]
    assert [c.content.text for c in quoted] == [
        '"The roof is gone. The walls are cracked,"',
        '"We have nowhere else to go tonight."',
    ]
    assert quoted[0].cue == quoted[1].cue
    assert quoted[0].claimant == quoted[1].claimant


def test_quote_running_over_a_paragraph_break_stays_one_quote():
    text = "He said: “The first part of it\n\n“and the second part of it.”"
    assert [text[a:b] for a, b in find_quotes(text)] == [text[text.index("“") :]]


def test_unbalanced_quote_closes_at_paragraph_end():
    text = "She said “this never closes\nNext paragraph has words."
    assert [text[a:b] for a, b in find_quotes(text)] == ["“this never closes"]


def test_speaker_label_line_is_an_attribution():
    text = "Intro line.\nCOMMANDER: We hold the line.\n"
    (source, cue, content), = layout_attributions(text, find_quotes(text))
    assert text[slice(*source)] == "COMMANDER"
    assert text[slice(*cue)] == ":"
    assert text[slice(*content)] == "We hold the line."


@pytest.mark.parametrize(
    "text",
    [
        'He said "this quote never ends and goes on',
        "She said “an outer ‘inner quoted’ part” and left.",
        "“Curly open but straight close,\" he said.",
        "Он сказал: «Мы не знаем», said the resident.",
        '"""',
        "“",
        "said",
    ],
)
def test_bad_quotes_do_not_crash(claims_of, text):
    doc = claims_of(text)
    assert isinstance(doc._.claims, list)
    assert isinstance(doc._.caveats, list)


def test_non_english_quote_is_kept_as_content(claims_of):
    claim = _only(claims_of("«Мы восстановим этот город за год», the mayor said."))
    assert claim.content.text == "«Мы восстановим этот город за год»"


# --------------------------------------------------------------------------------------------- stance


def test_accused_party_is_the_perpetrator(claims_of):
    claim = _only(claims_of("Ukraine accused Russia of shelling the city overnight."))
    assert claim.stance == "accusation"
    assert claim.perpetrator == "Russia"
    assert claim.claimant.side == "UA"


def test_named_attacker_in_content_makes_an_accusation(claims_of):
    claim = _only(claims_of("The governor said Russian forces shelled the hospital."))
    assert claim.stance == "accusation"
    assert claim.perpetrator == "Russian forces"
    assert claim.target == "the hospital"


def test_denied_is_a_denial(claims_of):
    assert _only(claims_of("The ministry denied that its troops struck the market.")).stance == "denial"


def test_calling_a_report_fake_is_a_denial(claims_of):
    assert _only(claims_of("The Kremlin said the videos were fake.")).stance == "denial"


def test_claimed_responsibility_is_responsibility(claims_of):
    claim = _only(claims_of("The army claimed responsibility for the strike on the airfield."))
    assert claim.stance == "responsibility"
    assert claim.cue.text == "claimed"


def test_military_saying_its_forces_hit_a_target_is_responsibility(claims_of):
    claim = _only(claims_of("The Ukrainian General Staff said its forces hit a command post."))
    assert claim.stance == "responsibility"
    assert claim.claimant.entity == "Ukrainian General Staff"


def test_shot_down_is_an_interception(claims_of):
    claim = _only(claims_of("The defence ministry said air defences shot down three missiles."))
    assert claim.stance == "interception"


def test_destroyed_drones_is_an_interception(claims_of):
    assert _only(claims_of("The military said it destroyed twelve drones.")).stance == "interception"


def test_toll_without_blame_is_a_casualty_report(claims_of):
    assert _only(claims_of("Three people were killed, the mayor said.")).stance == "casualty_report"


@pytest.mark.parametrize(
    "text",
    [
        "Moscow has not commented on the accusation.",
        "The Kremlin declined to comment.",
        "The ministry did not respond to a request for comment.",
    ],
)
def test_no_comment_is_a_claim_of_the_silent_party(claims_of, text):
    claim = _only(claims_of(text))
    assert claim.stance == "no_comment"
    assert claim.modality == "asserted"
    assert claim.source is not None


def test_declined_to_comment_cue_covers_the_governing_verb(claims_of):
    assert _only(claims_of("The Kremlin declined to comment.")).cue.text == "declined to comment"


def test_unrelated_statement_is_other(claims_of):
    assert _only(claims_of("The minister said the talks would resume in May.")).stance == "other"


# --------------------------------------------------------------------------------------------- modality


def test_did_not_say_is_negated(claims_of):
    assert _only(claims_of("The mayor did not say that the plant was hit.")).modality == "negated"


def test_could_claim_is_hypothetical(claims_of):
    assert _only(claims_of("Officials could claim that the depot was empty.")).modality == "hypothetical"


def test_had_said_is_historical(claims_of):
    assert _only(claims_of("The governor had said that the road was closed.")).modality == "historical"


def test_plain_said_is_asserted(claims_of):
    assert _only(claims_of("The governor said that the road was closed.")).modality == "asserted"


# --------------------------------------------------------------------------------------------- caveats


def test_caveat_after_a_claim_qualifies_that_claim(claims_of):
    doc = claims_of(
        "The army said its drones hit a fuel depot. The claim could not be independently verified."
    )
    claim = _only(doc)
    assert [c.kind for c in claim.caveats] == ["unverified"]
    assert claim.caveats[0].evidence.text == "could not be independently verified"
    assert doc._.caveats == claim.caveats


def test_caveat_without_a_claim_is_still_listed(claims_of):
    doc = claims_of("Videos of the fire could not be independently verified.")
    assert [c.kind for c in doc._.caveats] == ["unverified"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("We were unable to verify the footage.", "unverified"),
        ("There were unconfirmed reports of explosions.", "unconfirmed"),
        ("The toll was disputed by local officials.", "disputed"),
    ],
)
def test_caveat_kinds(text, kind):
    assert [c.kind for c in load_caveat_patterns().find(text)] == [kind]


def test_caveat_lexicon_with_unknown_kind_is_rejected(monkeypatch):
    monkeypatch.setattr(caveats_module, "load_yaml", lambda name: {"caveats": [{"kind": "maybe",
                                                                              "phrases": ["x"]}]})
    with pytest.raises(LexiconError, match="maybe"):
        caveats_module.load_caveat_patterns.__wrapped__("bad.yaml")


def test_reporting_verb_stances_are_schema_stances():
    lexicon = load_claim_lexicon()
    assert lexicon.verb_stance["accuse"] == "accusation"
    assert lexicon.verb_stance["deny"] == "denial"
    assert "say" in lexicon.speech


# --------------------------------------------------------------------------------------------- a report


def test_cross_border_strike_report(claims_of):
    text = (
        "Belarus accused Poland of a missile strike on the border city of Brest, killing at least "
        "three civilians. Regional governor Anton Kavalenka told state media: \"There is information "
        "about three people dead.\"\n\n"
        "Belarus's defence ministry said its air defence shot down three ballistic missiles and debris "
        "hit houses. Videos of the strike could not be independently verified.\n\n"
        "Warsaw has not commented. Poland's army claimed responsibility for a strike near Grodno."
    )
    doc = claims_of(text)
    by_stance: dict[str, list] = {}
    for claim in doc._.claims:
        by_stance.setdefault(claim.stance, []).append(claim)
    accusation = by_stance["accusation"][0]
    assert (accusation.claimant.side, accusation.perpetrator) == ("BY", "Poland")
    quote = next(c for c in doc._.claims if c.content is not None and c.content.text.startswith('"There'))
    assert quote.claimant.entity == "Anton Kavalenka"
    interception = by_stance["interception"][0]
    assert interception.claimant.entity == "Belarusian Ministry of Defence"
    assert [c.kind for c in interception.caveats] == ["unverified"]
    silent = by_stance["no_comment"][0]
    assert (silent.claimant.side, silent.claimant.entity) == ("PL", "Polish Government")
    responsibility = by_stance["responsibility"][0]
    assert responsibility.claimant.side == "PL"
    starts = [(c.content or c.cue).start for c in doc._.claims]
    assert starts == sorted(starts)
    assert len(doc._.claims) >= 5


def test_verb_outside_lexicon_with_that_clause_is_a_cue(claims_of):
    claim = _only(claims_of("The council resolved that the shelter would stay open."))
    assert claim.cue.text == "resolved"
    assert claim.content.text == "that the shelter would stay open"


def test_infinitive_naming_an_act_is_not_a_claim(claims_of):
    assert claims_of("They found ways to offer cheaper housing.")._.claims == []


# --------------------------------------------------------------------------------------------- recall rules


def test_relative_clause_speaker_keeps_clause_after_the_cue(claims_of):
    doc = claims_of("The council blamed the depot fires, which the mayor said were started by drones.")
    claim = next(c for c in doc._.claims if c.cue.text == "said")
    assert claim.source.text == "the mayor"
    assert claim.content.text == "were started by drones"


def test_fronted_what_is_the_content_of_its_cue(claims_of):
    doc = claims_of("That was what the spokesman said after the meeting ended.")
    claim = next(c for c in doc._.claims if c.cue.text == "said")
    assert claim.source.text == "the spokesman"
    assert claim.content.text == "what"


def test_clause_misread_as_adverbial_is_still_the_content(claims_of):
    doc = claims_of("The governor said after the vote he would not sign the budget.")
    claim = _only(doc)
    assert claim.cue.text == "said"
    assert "he would not sign the budget" in claim.content.text


def test_object_of_a_showing_verb_is_the_content(claims_of):
    claim = _only(claims_of("New surveys show a close race in the northern province."))
    assert claim.source.text == "New surveys"
    assert claim.cue.text == "show"
    assert claim.content.text == "a close race in the northern province"


def test_stance_verb_with_its_preposition_is_a_cue(claims_of):
    claim = _only(claims_of("Most delegates would vote for the ceasefire plan."))
    assert claim.cue.text == "would vote for"
    assert claim.content.text == "the ceasefire plan"


def test_preposition_only_verb_is_no_cue_without_its_preposition(claims_of):
    assert claims_of("The delegates went home early.")._.claims == []


def test_quote_only_verb_is_a_cue_beside_a_quotation(claims_of):
    claim = _only(claims_of("“We will rebuild the bridge before winter,” the engineer continued."))
    assert claim.cue.text == "continued"
    assert claim.content.text == "“We will rebuild the bridge before winter,”"


def test_quote_only_verb_is_no_cue_without_a_quotation(claims_of):
    assert claims_of("The shelling continued for three days.")._.claims == []


def test_attitude_adjective_after_be_is_a_cue(claims_of):
    claim = _only(claims_of("Several ministers were strongly critical of the new border rules."))
    assert claim.source.text == "Several ministers"
    assert claim.cue.text == "were strongly critical of"
    assert claim.content.text == "the new border rules"


def test_attitude_adjective_governing_a_that_clause_is_a_cue(claims_of):
    claim = _only(claims_of("The mayor was clear that the curfew would stay."))
    assert claim.cue.text == "was clear"
    assert claim.content.text == "that the curfew would stay"


def test_light_verb_with_a_noun_of_saying_is_a_cue(claims_of):
    claim = _only(claims_of("The envoy made the case for a longer truce in the region."))
    assert claim.source.text == "The envoy"
    assert claim.cue.text == "made the case for"
    assert claim.content.text == "a longer truce in the region"


def test_light_verb_with_another_noun_is_no_cue(claims_of):
    assert claims_of("The engineers made a new bridge for the village.")._.claims == []


def test_speech_advcl_before_its_clause_reads_as_a_parenthetical(claims_of):
    doc = claims_of("Smith noted, voters will give the newcomer a second look if he wins.")
    claim = _only(doc)
    assert claim.source.text == "Smith"
    assert claim.content.text.startswith("voters will give the newcomer")


def test_relative_clause_speaker_inside_another_claim_is_a_nested_claim(claims_of):
    doc = claims_of("The police said the fire was reported by a guard who said he saw two drones overhead.")
    cues = [c.cue.text for c in doc._.claims]
    assert cues.count("said") == 2
    inner = next(c for c in doc._.claims if c.source is not None and c.source.text == "who")
    assert inner.content.text == "he saw two drones overhead"


def test_verb_inside_a_claim_content_is_not_nested_outside_a_relative_clause(claims_of):
    doc = claims_of("The minister said the army believed the town was safe.")
    assert [c.cue.text for c in doc._.claims] == ["said"]


def test_doubled_apostrophes_pair_as_a_quotation():
    text = "''We stay here until the end,'' she said."
    assert find_quotes(text) == [(0, text.index(" she"))]


def test_headline_label_may_hold_a_lowercase_word(claims_of):
    doc = claims_of("Smith camp: Rival plan threatens jobs\n\nThe campaign began in May.")
    claim = next(c for c in doc._.claims if c.cue.text == ":")
    assert claim.source.text == "Smith camp"
    assert claim.content.text == "Rival plan threatens jobs"


def test_name_and_colon_inside_a_line_introduce_a_quotation():
    text = "Weekly roundup - Ann Lee: “Our survey shows the race is tight.”"
    found = layout_attributions(text, find_quotes(text))
    (source, cue, content), = found
    assert text[source[0] : source[1]] == "Ann Lee"
    assert text[cue[0] : cue[1]] == ":"
    assert text[content[0] : content[1]] == "“Our survey shows the race is tight.”"


def test_lexicon_lists_light_verbs_nouns_and_attitude_adjectives():
    lexicon = load_claim_lexicon()
    assert "make" in lexicon.light_verbs and "case" in lexicon.speech_nouns
    assert "critical" in lexicon.attitude_adjectives and "continue" in lexicon.quote_only
    assert lexicon.is_conditional("continue") and not lexicon.is_conditional("say")


def test_word_list_that_is_not_a_list_is_rejected():
    from warlog.extract.stances import _words

    with pytest.raises(LexiconError, match="light_verbs"):
        _words({"light_verbs": {"make": None}}, "light_verbs")
    assert _words({}, "light_verbs") == frozenset()


def test_repelling_a_ground_attack_is_not_an_interception(claims_of):
    assert _only(claims_of("Russian officials said the attack was repelled.")).stance != "interception"


def test_repelling_drones_is_an_interception(claims_of):
    assert _only(claims_of("The military said it repelled twelve drones.")).stance == "interception"


def test_speaker_after_a_comma_is_the_source_of_a_parenthetical_cue(claims_of):
    found = claims_of(
        "Ukrainian and Russian troops clashed on Tuesday near Kherson, the Ukrainian General Staff said."
    )
    said = [c for c in found._.claims if c.cue and c.cue.text == "said"]
    assert said and said[0].source is not None
    assert said[0].source.text == "the Ukrainian General Staff"
    assert said[0].content.text.endswith("near Kherson")


# --------------------------------------------------------------------------------------------- round 3


def _cue(doc, cue: str):
    found = [c for c in doc._.claims if c.cue is not None and c.cue.text == cue]
    assert len(found) == 1, [c.model_dump() for c in doc._.claims]
    return found[0]


def test_closing_mark_opening_a_paragraph_starts_a_quotation():
    text = "Intro.\n”The road must be rebuilt before spring,” one farmer wrote.\n"
    assert [text[a:b] for a, b in find_quotes(text)] == ["”The road must be rebuilt before spring,”"]


def test_byline_after_a_no_break_space_names_the_speaker():
    text = "Intro.\n“Nobody listens to the villages.” \u2015\u00a0Lena Ortiz\n"
    (source, cue, content), = layout_attributions(text, find_quotes(text))
    assert text[slice(*source)] == "Lena Ortiz"
    assert text[slice(*content)] == "“Nobody listens to the villages.”"


def test_straight_open_closes_at_a_curly_mark_when_the_paragraph_has_no_straight_one():
    text = '"Our roads are gone, and nobody helps,” said Lena Ortiz, a farmer.'
    assert [text[a:b] for a, b in find_quotes(text)] == ['"Our roads are gone, and nobody helps,”']


def test_curly_open_closes_at_a_straight_mark_when_the_paragraph_has_no_curly_one(claims_of):
    text = '“Deals should not be a condition for talks," the chairman said in a statement.'
    assert [text[a:b] for a, b in find_quotes(text)] == ['“Deals should not be a condition for talks,"']
    claim = _only(claims_of(text))
    assert claim.source.text == "the chairman"


def test_cue_ending_its_line_with_a_colon_takes_the_next_paragraph(claims_of):
    doc = claims_of("The report concludes:\n\nThe shelling of the market was deliberate.\n\nNothing else.")
    claim = _only(doc)
    assert claim.source.text == "The report"
    assert claim.content.text == "The shelling of the market was deliberate"


def test_cue_ending_its_line_with_a_colon_takes_the_quotation_below(claims_of):
    doc = claims_of("The mayor said:\n\n“We will reopen every school that was hit this year.”")
    assert _only(doc).content.text == "“We will reopen every school that was hit this year.”"


def test_section_heading_before_a_colon_is_no_speaker(claims_of):
    doc = claims_of("Relief for Border Towns: The aid convoy reached two villages on Monday.")
    assert not [c for c in doc._.claims if c.cue is not None and c.cue.text == ":"]


def test_correction_label_is_no_speaker(claims_of):
    doc = claims_of("Correction: An earlier version of this story misstated the date of the strike.")
    assert not [c for c in doc._.claims if c.cue is not None and c.cue.text == ":"]


def test_participle_after_a_preposition_takes_the_subject_above(claims_of):
    claim = _cue(claims_of("She started off by emphasizing the need for fairness."), "emphasizing")
    assert claim.source.text == "She"


def test_participle_of_an_object_takes_the_subject_of_its_verb(claims_of):
    claim = _cue(claims_of("The group issued a paper welcoming the new funding."), "welcoming")
    assert claim.source.text == "The group"


def test_second_verb_of_speech_is_a_claim_of_the_same_speaker(claims_of):
    doc = claims_of("The minister said the plan would fail, arguing that the budget was too small.")
    said, arguing = _cue(doc, "said"), _cue(doc, "arguing")
    assert arguing.source.text == "The minister"
    assert arguing.content.text == "that the budget was too small"
    assert said.content.text == "the plan would fail"


def test_passive_agent_is_the_source_and_the_subject_the_content(claims_of):
    claim = _only(claims_of("The ceasefire plan was endorsed by the regional council."))
    assert claim.source.text == "the regional council"
    assert claim.content.text == "The ceasefire plan"


def test_passive_subject_of_an_accusation_is_the_accused_not_the_speaker(claims_of):
    claim = _only(claims_of("Russian forces were accused of shelling the hospital in Kharkiv."))
    assert claim.source is None
    assert claim.stance == "accusation"
    assert claim.perpetrator == "Russian forces"
    assert claim.content.text == "of shelling the hospital in Kharkiv"


def test_quoted_subject_of_a_passive_still_speaks(claims_of):
    doc = claims_of("The Kremlin spokesman was quoted as saying that talks had stalled.")
    claim = _cue(doc, "was quoted")
    assert claim.source.text == "The Kremlin spokesman"


def test_noun_of_saying_with_a_that_clause_is_a_cue(claims_of):
    claim = _cue(claims_of("The mayor's claim that the dam was safe drew scorn."), "claim")
    assert claim.source.text == "The mayor"
    assert claim.content.text == "that the dam was safe"


def test_noun_with_a_relative_clause_is_no_cue(claims_of):
    doc = claims_of("The claim that he made on Monday drew scorn.")
    assert not [c for c in doc._.claims if c.cue is not None and c.cue.text == "claim"]


def test_verb_object_and_its_predicate_are_the_content(claims_of):
    assert _cue(claims_of("He called the mayor a liar."), "called").content.text == "the mayor a liar"


def test_indirect_question_after_a_verb_of_speech_is_the_content(claims_of):
    claim = _only(claims_of("Lawmakers have not said when they would vote on the bill."))
    assert claim.source.text == "Lawmakers"
    assert claim.content.text == "when they would vote on the bill"


def test_bare_wh_word_after_a_verb_of_speech_is_the_content(claims_of):
    claim = _cue(claims_of("Kim said the plan worked, but Park did not say when."), "did not say")
    assert claim.source.text == "Park"
    assert claim.content.text == "when"


def test_infinitive_going_on_from_a_verb_is_a_cue(claims_of):
    claim = _cue(claims_of("He went on to discuss the latest polls."), "to discuss")
    assert claim.source.text == "He"
    assert claim.content.text == "the latest polls"


def test_infinitive_naming_an_act_is_no_cue(claims_of):
    doc = claims_of("The council looked for ways to offer cheaper housing.")
    assert not [c for c in doc._.claims if c.cue is not None and "offer" in c.cue.text]


def test_call_for_a_clause_with_its_own_subject_takes_the_clause(claims_of):
    claim = _only(claims_of("The governor is calling for the army to leave the city."))
    assert claim.content.text == "for the army to leave the city"


def test_no_comment_keeps_what_went_unanswered_as_content(claims_of):
    claim = _only(claims_of("The company did not immediately respond to requests for comment."))
    assert claim.stance == "no_comment"
    assert claim.content.text == "to requests for comment"


def test_speech_verb_read_as_a_name_in_a_title_case_headline_is_a_cue(claims_of):
    claim = _only(claims_of("Veteran Senator Praises Border Town Mayor For Quick Evacuation."))
    assert claim.cue.text == "Praises"
    assert claim.source.text == "Veteran Senator"
    assert claim.content.text == "Border Town Mayor For Quick Evacuation"


def test_name_in_an_ordinary_sentence_is_no_headline_cue(claims_of):
    doc = claims_of("The Claims Office opened in Kyiv on Monday.")
    assert not doc._.claims


def test_said_so_takes_so_as_content(claims_of):
    claim = _only(claims_of("Half of the voters said so in the earlier poll."))
    assert claim.content.text == "so"


def test_light_verb_with_mention_is_a_cue(claims_of):
    claim = _only(claims_of("The minister made no mention of the strike."))
    assert claim.cue.text == "made no mention of"
    assert claim.content.text == "the strike"


def test_cue_keeps_an_adverb_between_auxiliary_and_verb(claims_of):
    claim = _only(claims_of("The company did not immediately respond to requests for comment."))
    assert claim.cue.text == "did not immediately respond"


def test_cue_leaves_out_an_adverb_before_a_bare_verb(claims_of):
    assert _only(claims_of("Kyiv quickly denied the report.")).cue.text == "denied"


def test_lexicon_lists_clause_nouns_and_passive_words():
    lexicon = load_claim_lexicon()
    assert "claim" in lexicon.clause_nouns and "news" not in lexicon.clause_nouns
    assert "quote" in lexicon.passive_speakers and "of" in lexicon.passive_preps
    assert "go" in lexicon.carry_on and "correction" in lexicon.label_kickers


# --------------------------------------------------------------------------------------------- nesting


def _by_cue(doc, cue: str):
    found = [c for c in doc._.claims if c.cue.text == cue]
    assert len(found) == 1, [c.model_dump() for c in doc._.claims]
    return found[0]


def test_according_to_inside_a_claim_frames_the_clause_it_modifies(claims_of):
    doc = claims_of("Officials said two schools were damaged and, according to the mayor, a clinic was hit.")
    inner = _by_cue(doc, "according to")
    assert inner.source.text == "the mayor"
    assert inner.content.text == "a clinic was hit"


def test_outer_content_ends_before_an_inner_attribution_that_closes_it(claims_of):
    doc = claims_of("Officials said two schools were damaged and, according to the mayor, a clinic was hit.")
    outer = _by_cue(doc, "said")
    assert outer.source.text == "Officials"
    assert outer.content.text == "two schools were damaged"


def test_outer_content_kept_whole_when_only_that_would_remain(claims_of):
    doc = claims_of("The minister said that, according to the police, the bridge was closed.")
    assert _by_cue(doc, "said").content.text == "that, according to the police, the bridge was closed"
    assert _by_cue(doc, "according to").content.text == "the bridge was closed"


def test_nested_claim_keeps_its_own_stance(claims_of):
    doc = claims_of("Officials denied that the depot was hit and, according to the army, nobody was killed.")
    assert _by_cue(doc, "denied").stance == "denial"
    inner = _by_cue(doc, "according to")
    assert inner.content.text == "nobody was killed"
    assert inner.stance != "denial"


def test_speaker_relative_clause_of_speech_is_its_own_claim(claims_of):
    doc = claims_of("The governor, who said the shelling had stopped, warned that the roads were mined.")
    warned = _by_cue(doc, "warned")
    assert warned.source.text == "The governor"
    said = _by_cue(doc, "said")
    assert said.content.text == "the shelling had stopped"
    assert said.claimant.name == "The governor"


def test_reporting_verb_inside_a_content_is_not_nested(claims_of):
    doc = claims_of("The minister said that police reported that the bridge was closed.")
    claim = _only(doc)
    assert claim.cue.text == "said"
    assert claim.content.text == "that police reported that the bridge was closed"


# --------------------------------------------------------------------------------------------- lexicon


def test_contains_finds_a_phrase_by_its_first_word_anywhere_in_the_words():
    phrases = frozenset({("took", "responsibility"), ("claimed",), ("shot", "down", "a")})
    assert _contains(["the", "group", "claimed", "it"], phrases)
    assert _contains(["they", "later", "took", "responsibility"], phrases)
    assert not _contains(["they", "took", "no", "responsibility"], phrases)
    assert not _contains(["it", "was", "shot", "down"], phrases)  # the phrase runs past the last word
    assert not _contains([], phrases)
    assert not _contains(["claimed"], frozenset())


def test_phrase_at_matches_a_multiword_cue_only_where_it_starts(model):
    lexicon = load_claim_lexicon()
    doc = model("According to the mayor, the bridge fell.")
    assert lexicon.phrase_at(doc, 0) == (0, 2)
    assert lexicon.phrase_at(doc, 1) is None
    assert lexicon.phrase_at(doc, 3) is None


def test_lemma_of_strips_an_inflection_the_lemmatiser_missed_and_remembers_it():
    lexicon = load_claim_lexicon()
    assert lexicon.lemma_of("hop", "hopes") == "hope"
    assert lexicon.lemma_of("hop", "hopes") == "hope"  # the cached answer is the same
    assert lexicon.lemma_of("Say", "say") == "say"
    assert lexicon.lemma_of("table", "tables") is None
