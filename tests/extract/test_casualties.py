"""Casualty figures tied to their casualty word through the parse (warlog.extract.casualties)."""

from __future__ import annotations

import pytest

from warlog.errors import LexiconError
from warlog.extract.casualties import CasualtyFinder, _kind_table, casualty_lexicon, casualty_totals
from warlog.extract.drafts import Draft, Segment
from warlog.extract.incidents import _attach_loose_figures
from warlog.schema import CasualtyMention, Count, EventMention, Span


def ranges(mentions: list[CasualtyMention]) -> list[tuple[str, int | None, int | None, int | None]]:
    return [(m.kind, m.count.low, m.count.best, m.count.high) for m in mentions]


# ----------------------------------------------------------------------------------------- phrase families


def test_killing_at_least_n_civilians_sets_low_bound_and_category(toll):
    found = toll("The strike hit the market, killing at least three civilians.")
    (m,) = [m for m in found if m.kind == "killed"]
    assert (m.count.low, m.count.best, m.count.high) == (3, None, None)
    assert m.count.category == "civilians"


def test_wounding_up_to_n_sets_high_bound(toll):
    injured = [m for m in toll("The blast wounded up to 10 people.") if m.kind == "injured"]
    assert ranges(injured) == [("injured", None, None, 10)]


def test_n_people_dead_is_a_death_figure(toll):
    assert ranges(toll("Three people dead after the shelling of the town.")) == [("killed", 3, 3, 3)]


def test_left_n_wounded_is_an_injury_figure(toll):
    assert ranges(toll("The attack left 5 wounded.")) == [("injured", 5, 5, 5)]


def test_killed_and_injured_figures_in_one_phrase_are_both_read(toll):
    assert ranges(toll("59 killed and 110 injured in the station attack.")) == [
        ("killed", 59, 59, 59),
        ("injured", 110, 110, 110),
    ]


def test_death_toll_rose_to_n_is_a_death_figure(toll):
    assert ranges(toll("The death toll rose to 12 on Tuesday.")) == [("killed", 12, 12, 12)]


def test_one_of_the_dead_was_a_child_is_a_partial_figure_with_children_hint(toll):
    (m,) = toll("One of the dead was a child.")
    assert (m.kind, m.count.low, m.count.best) == ("killed", 1, None)
    assert m.count.category == "children"


def test_no_casualties_gives_zero_killed_and_zero_injured(toll):
    assert sorted(ranges(toll("No casualties were reported."))) == [("injured", 0, 0, 0), ("killed", 0, 0, 0)]


def test_killed_a_man_counts_one(toll):
    assert ranges(toll("A gunman killed a man outside the shop.")) == [("killed", 1, 1, 1)]


def test_shot_and_killed_counts_one_death_once(toll):
    assert ranges(toll("He was shot and killed near his home.")) == [("killed", 1, 1, 1)]


def test_shot_one_fatally_derives_the_injured(toll):
    found = ranges(toll("Four people were shot, one fatally, police said."))
    assert ("casualties", 4, 4, 4) in found
    assert ("killed", 1, 1, 1) in found
    assert ("injured", 3, 3, 3) in found


def test_dozens_injured_sets_low_24(toll):
    assert ranges(toll("Dozens of people were injured.")) == [("injured", 24, None, None)]


def test_troops_count_as_military(toll):
    (m,) = toll("The shelling killed four troops near the bridge.")
    assert m.count.category == "military"


def test_including_n_children_is_a_partial_figure(toll):
    found = toll("The strike killed nine people, including two children.")
    assert ranges(found) == [("killed", 9, 9, 9), ("killed", 2, None, None)]
    assert found[1].count.category == "children"


# ----------------------------------------------------------------------------------------- tallies


def test_war_tally_since_a_date_is_aggregate(toll):
    (m,) = toll("Russia has lost 30,000 troops since February.")
    assert m.aggregate
    assert m.count.low == 30000


def test_present_perfect_loss_is_aggregate_without_a_date(toll):
    (m,) = toll("The army has lost 400 soldiers.")
    assert m.aggregate


def test_incident_figure_is_not_aggregate(toll):
    (m,) = toll("The missile strike killed seven people.")
    assert not m.aggregate


# ----------------------------------------------------------------------------------------- non-figures


def test_age_is_not_a_casualty_figure(toll):
    assert ranges(toll("A 24-year-old man was injured.")) == [("injured", 1, 1, 1)]


def test_numbers_counting_things_are_not_casualties(toll):
    assert toll("Three missiles hit two cars and a warehouse.") == []


def test_killed_without_a_count_is_not_a_number(toll):
    assert toll("Civilians were killed in the attack.") == []


def test_feared_deaths_are_not_figures(toll):
    assert toll("Officials warned the dam collapse could kill thousands.") == []


def test_none_of_the_victims_is_not_a_zero_toll(toll):
    assert toll("None of the victims were identified.") == []


# ----------------------------------------------------------------------------------------- records


def test_mentions_are_in_text_order_with_evidence_matching_the_text(model):
    text = "Five soldiers died on Monday. Later, shelling wounded 8 civilians."
    found = CasualtyFinder(model, "warlog_casualties").match(model(text))
    assert [m.kind for m in found] == ["killed", "injured"]
    for m in found:
        assert text[m.evidence.start : m.evidence.end] == m.evidence.text
        assert text[m.count.evidence.start : m.count.evidence.end] == m.count.evidence.text


def test_casualty_totals_take_shot_minus_killed_as_injured():
    def mention(kind: str, n: int) -> CasualtyMention:
        count = Count(low=n, best=n, high=n)
        return CasualtyMention(kind=kind, count=count, evidence={"start": 0, "end": 1, "text": "x"})

    killed, injured = casualty_totals([mention("casualties", 6), mention("killed", 2), mention("killed", 1)])
    assert (killed.best, injured.best) == (2, 4)


def test_casualty_totals_ignore_aggregate_mentions():
    evidence = {"start": 0, "end": 1, "text": "x"}
    tally = CasualtyMention(kind="killed", count=Count(low=900, best=900, high=900), aggregate=True,
                            evidence=evidence)
    own = CasualtyMention(kind="killed", count=Count(low=3, best=3, high=3), evidence=evidence)
    assert casualty_totals([tally, own])[0].best == 3


def test_lexicon_specific_category_wins_over_unknown():
    assert casualty_lexicon().victims["soldier"] == "military"
    assert casualty_lexicon().victims["child"] == "children"


def test_component_writes_doc_attribute(run_components):
    doc = run_components("Two people were killed in the strike.", ["warlog_casualties"])
    assert ranges(doc._.casualties) == [("killed", 2, 2, 2)]


# ----------------------------------------------------------------------------------------- coordination


def test_coordinated_figures_under_one_casualty_word_are_summed(toll):
    assert ranges(toll("Three children and two adults were found dead.")) == [("killed", 5, 5, 5)]


def test_a_single_victim_coordinated_with_a_figure_adds_one(toll):
    assert ranges(toll("A girl and four other people were wounded.")) == [("injured", 5, 5, 5)]


def test_a_breakdown_of_a_figure_is_not_added_to_it(toll):
    assert ranges(toll("Six people, three men and three women, were wounded.")) == [("injured", 6, 6, 6)]


def test_headline_figures_with_their_own_predicates_are_read(toll):
    assert ranges(toll("Three dead, two wounded in shooting.")) == [("killed", 3, 3, 3), ("injured", 2, 2, 2)]


def test_fatal_shooting_of_a_person_is_one_death(toll):
    assert ranges(toll("Police investigate the fatal shooting of a girl.")) == [("killed", 1, 1, 1)]


def test_deaths_of_n_people_is_a_death_figure(toll):
    assert ranges(toll("The deaths of three people were confirmed.")) == [("killed", 3, 3, 3)]


def test_a_killer_named_as_subject_is_not_a_victim(toll):
    assert toll("Police said he shot at the car.") == []


def test_separate_incidents_make_a_tally(toll):
    (m,) = toll("Nine people were wounded in separate shootings across the city.")
    assert m.aggregate


def test_shot_dead_is_a_death(toll):
    assert ranges(toll("He was shot dead at a checkpoint.")) == [("killed", 1, 1, 1)]


def test_headline_number_shot_counts_people_harmed(toll):
    assert ranges(toll("Four shot outside the club.")) == [("casualties", 4, 4, 4)]


def test_shots_fired_are_not_people(toll):
    assert toll("Three shots were fired at the house.") == []


def test_no_one_was_hurt_is_zero_injured(toll):
    assert ranges(toll("No one was hurt in the explosion.")) == [("injured", 0, 0, 0)]


def test_nobody_else_is_not_a_zero_toll(toll):
    assert [m for m in toll("Nobody else was hurt.") if m.count.high == 0] == []


def test_one_fatally_after_a_dash_is_a_death_among_those_shot(toll):
    found = ranges(toll("He shot three guards - one fatally."))
    assert ("killed", 1, 1, 1) in found
    assert ("injured", 2, 2, 2) in found


def test_a_lexicon_table_with_an_unknown_kind_is_rejected():
    with pytest.raises(LexiconError, match="bogus"):
        _kind_table({"bogus": {"maimed": ["x"]}}, "bogus")


def test_about_before_a_figure_is_still_a_hedge(toll):
    found = toll("The attack killed about 40 people.")
    assert ranges([m for m in found if m.kind == "killed"]) == [("killed", None, 40, None)]


def test_two_statements_of_one_figure_are_read_together(toll):
    mentions = toll("The strike killed at least three civilians. Officials said three people were dead.")
    killed, _ = casualty_totals(mentions)
    assert (killed.low, killed.best) == (3, 3)


# ----------------------------------------------------------------------------------------- others, pairs


def test_other_victims_after_a_death_are_the_injured(toll):
    mentions = toll("One person was killed and four other victims were taken to the hospital.")
    killed, injured = casualty_totals(mentions)
    assert (killed.best, injured.best) == (1, 4)


def test_others_wounded_after_one_shot_add_up(toll):
    mentions = toll("A man was shot on Main Street. Police said two other men were wounded.")
    assert any(m.others for m in mentions if m.kind == "injured")
    assert casualty_totals(mentions)[1].best == 3


def test_others_injured_after_the_dead_are_not_added_to_an_earlier_injury_figure(toll):
    mentions = toll("Two dead, two hurt in bar shooting. Two people were killed and two others were injured.")
    killed, injured = casualty_totals(mentions)
    assert (killed.best, injured.best) == (2, 2)


def test_a_figure_without_other_does_not_add_up(toll):
    mentions = toll("A man was shot on Main Street. Police said two men were wounded.")
    assert not any(m.others for m in mentions)
    assert casualty_totals(mentions)[1].best == 2


def test_coordinated_single_victims_count_each_person(toll):
    assert ranges(toll("A woman and a child were shot outside the store.")) == [("casualties", 2, 2, 2)]


def test_a_pronoun_and_a_noun_killed_together_are_two_deaths(toll):
    assert ranges(toll("She and her husband were killed in the attack.")) == [("killed", 2, 2, 2)]


def test_found_shot_to_death_is_a_death(toll):
    assert ranges(toll("A man was found shot to death on Sunday.")) == [("killed", 1, 1, 1)]


def test_a_headline_shot_comma_killed_is_a_death(toll):
    assert ranges(toll("17-year-old boy shot, killed in Riverton.")) == [("killed", 1, 1, 1)]


def test_a_noun_reduced_by_a_killed_participle_is_the_victim(toll):
    assert ranges(toll("Toddler Killed in Riverton Shooting.")) == [("killed", 1, 1, 1)]


def test_fatally_wounded_is_a_death_not_an_injury(toll):
    found = toll("Officer Smith was fatally wounded and two other officers were wounded.")
    assert ranges(found) == [("killed", 1, 1, 1), ("injured", 2, 2, 2)]


def test_hospitalized_n_is_an_injury_figure(toll):
    found = toll("The shooting killed two people and hospitalized three.")
    assert ranges(found) == [("killed", 2, 2, 2), ("injured", 3, 3, 3)]


def test_another_is_one_more_victim(toll):
    found = toll("A teen is dead and another is injured after shots were fired at a party.")
    assert ranges(found) == [("killed", 1, 1, 1), ("injured", 1, 1, 1)]


def test_agents_are_people_a_figure_can_count(toll):
    assert ranges(toll("The gunman opened fire, wounding two federal agents.")) == [("injured", 2, 2, 2)]


def test_the_noun_of_a_relative_clause_is_the_victim(toll):
    (m,) = toll("Another woman who was shot in the leg went to a hospital.")
    assert (m.kind, m.count.best, m.evidence.text) == ("casualties", 1, "woman who was shot")


def test_the_additional_words_are_loaded_from_the_lexicon():
    assert {"other", "others", "more"} <= casualty_lexicon().additional


# ----------------------------------------------------------------------------------------- loose figures
# Figures told outside any event sentence (warlog.extract.incidents); the place tests live in
# test_incident_places.py, test_story_places.py and test_place_scene.py.


def _figure_at(start: int, end: int, kind: str = "injured", n: int = 2) -> CasualtyMention:
    span = Span(start=start, end=end, text="x" * (end - start))
    return CasualtyMention(kind=kind, count=Count(low=n, best=n, high=n, evidence=span), evidence=span)


def _draft(start: int, end: int, background: bool = False) -> Draft:
    cue = Span(start=start, end=start + 1, text="x")
    event = EventMention(event_type="Violence against civilians", sub_event_type="Attack", trigger=cue,
                         sentence=Span(start=start, end=end, text="x" * (end - start)))
    return Draft(segments=[Segment(start, end, (start, end), event, background=background)])


def test_a_figure_outside_any_event_sentence_joins_the_report_told_before_it():
    first, second = _draft(0, 40), _draft(100, 140)
    early, late = _figure_at(50, 60), _figure_at(150, 160, "killed", 1)
    _attach_loose_figures([first, second], [early, late])
    assert (first.loose, second.loose) == ([early], [late])


def test_a_loose_figure_after_a_background_report_joins_no_current_report():
    current, history = _draft(0, 40), _draft(100, 140, background=True)
    _attach_loose_figures([current, history], [_figure_at(150, 160)])
    assert current.loose == [] and history.loose == []


def test_a_figure_inside_a_report_is_not_loose():
    report = _draft(0, 40)
    _attach_loose_figures([report], [_figure_at(10, 20)])
    assert report.loose == []


def test_a_figure_told_before_any_report_joins_the_first_current_report():
    history, current = _draft(100, 140, background=True), _draft(200, 240)
    headline = _figure_at(0, 20, "killed", 1)
    _attach_loose_figures([history, current], [headline])
    assert (history.loose, current.loose) == ([], [headline])


def test_others_after_a_group_set_some_of_the_group_apart_and_do_not_add_up(toll):
    mentions = toll("Four people were shot outside a bar. Two other victims fled before police came.")
    assert casualty_totals(mentions)[1].best == 4


def test_a_killer_who_killed_himself_is_one_more_dead(toll):
    mentions = toll("A man killed his girlfriend and her daughter, then killed himself.")
    assert casualty_totals(mentions)[0].best == 3


def test_a_suicide_alone_is_one_death(toll):
    assert casualty_totals(toll("He shot and killed himself."))[0].best == 1


def test_a_statewide_figure_is_a_tally_not_the_incidents_toll(toll):
    mentions = toll("At least four children were killed statewide in accidental shootings last year.")
    assert mentions and all(m.aggregate for m in mentions)


def test_the_reflexive_pronouns_are_loaded_from_the_lexicon():
    assert {"himself", "herself"} <= casualty_lexicon().reflexive <= casualty_lexicon().pronouns


def test_an_unborn_child_is_not_counted_among_the_dead(toll):
    assert ranges(toll("Five adults and an unborn child were killed.")) == [("killed", 5, 5, 5)]
    found = toll("A pregnant woman survived but her unborn baby was killed.")
    assert not [m for m in found if m.kind == "killed"]


def test_each_figure_left_by_a_light_verb_takes_the_casualty_word_after_it(toll):
    found = toll("The shooting left one man dead and at least six others with gunshot wounds.")
    assert ranges(found) == [("killed", 1, 1, 1), ("injured", 6, None, None)]


def test_one_of_the_wounded_who_died_is_a_death(toll):
    found = toll("Four women were wounded in a shooting. One of the wounded has died.")
    assert ranges(found) == [("injured", 4, 4, 4), ("killed", 1, None, None)]
    assert ranges(toll("Two of the wounded are in critical condition.")) == [("injured", 2, None, None)]


def test_the_uncounted_modifiers_are_loaded_from_the_lexicon():
    assert "unborn" in casualty_lexicon().uncounted


# ----------------------------------------------------------------------------------------- victims in parts


def totals(mentions: list[CasualtyMention]) -> tuple[int | None, int | None]:
    killed, injured = casualty_totals(mentions)
    return killed.best, injured.best


def test_a_bare_figure_after_a_casualty_verb_is_counted(toll):
    found = toll("Man arrested over bar shooting that killed 3, injured 4.")
    assert ("injured", 4, 4, 4) in ranges(found)
    assert totals(found) == (3, 4)


def test_a_coordinated_figure_takes_the_predicate_right_after_it(toll):
    found = toll("Officers said the attack left one person dead and five injured, according to a statement.")
    assert totals(found) == (1, 5)


def test_a_headline_subject_with_its_own_verb_is_not_the_victim(toll):
    found = toll("Two brothers arrested after toddler accidentally shot, killed.")
    assert totals(found) == (1, None)


def test_a_light_verb_leaves_one_victim_dead_and_another_wounded(toll):
    found = toll("The gunfire on Elm Street left a teenage boy dead and a woman wounded.")
    assert totals(found) == (1, 1)


def test_a_new_victim_also_shot_is_one_more_person(toll):
    found = toll("A gunman opened fire at the bar and one man was killed. A woman was also shot.")
    assert totals(found) == (1, 1)


def test_the_same_victim_also_shot_is_not_one_more_person(toll):
    found = toll("A man was shot and killed. He was also shot in the arm.")
    assert totals(found) == (1, None)


def test_people_who_suffered_wounds_are_counted_by_the_condition(toll):
    assert totals(toll("Three men suffered gunshot wounds in the attack.")) == (None, 3)
    assert totals(toll("Two men sustained non-fatal gunshot wounds.")) == (None, 2)


def test_a_fatal_wound_suffered_is_a_death(toll):
    assert totals(toll("A man sustained a fatal gunshot wound.")) == (1, None)


def test_one_victim_who_suffered_a_wound_is_shot_not_split(toll):
    (m,) = toll("A woman suffered a gunshot wound to her arm.")
    assert m.kind == "casualties" and m.count.best == 1


def test_some_of_the_wounded_who_later_died_are_not_injured(toll):
    found = toll("Five people were wounded at the party. Two of them later died at the hospital.")
    assert [m.partitive for m in found if m.kind == "killed"] == [True]
    assert totals(found) == (2, 3)


def test_a_death_among_victims_already_counted_dead_leaves_the_injured(toll):
    found = toll("One man was killed and three others were hurt. One of the victims, a teen, has died.")
    assert totals(found) == (1, 3)


def test_then_himself_adds_the_killer_to_the_deaths_before_it(toll):
    found = toll("A gunman killed two people and then himself inside the lobby.")
    assert totals(found) == (3, None)


def test_then_himself_alone_is_one_death(toll):
    found = toll("She said the man shot his neighbor and then himself.")
    assert ("killed", 1, 1, 1) in ranges(found)


def test_the_also_and_suffer_words_are_loaded_from_the_lexicon():
    lex = casualty_lexicon()
    assert "also" in lex.also and "suffer" in lex.suffer and "wounded" in lex.injured_words


# ----------------------------------------------------------------------------------------- module layout


def test_the_split_modules_keep_one_public_face_in_casualties():
    from warlog.extract import casualties
    from warlog.extract import casualty_lexicon as lexicon_module
    from warlog.extract import casualty_totals as totals_module

    assert casualties.casualty_totals is totals_module.casualty_totals
    assert casualties.casualty_lexicon is lexicon_module.casualty_lexicon
    assert casualties._kind_table is lexicon_module._kind_table
    assert all(hasattr(casualties, name) for name in casualties.__all__)


def test_evidence_span_slices_the_sentence_not_the_document():
    import spacy

    from warlog.extract.casualty_words import conjuncts, evidence_span

    doc = spacy.blank("en")("Shots rang out. Two men died.")
    sent = doc[4:8]
    span = evidence_span(sent, sent.start_char, sent.start_char + 3)
    assert (span.start, span.end, span.text) == (16, 19, "Two")
    assert [t.text for t in conjuncts(doc[5])] == ["men"]  # a blank parse coordinates nothing
