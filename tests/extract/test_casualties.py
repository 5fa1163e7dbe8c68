"""Casualty figures tied to their casualty word through the parse (warlog.extract.casualties)."""

from __future__ import annotations

import pytest

from warlog.errors import LexiconError
from warlog.extract.casualties import CasualtyFinder, _kind_table, casualty_lexicon, casualty_totals
from warlog.schema import CasualtyMention, Count


@pytest.fixture(scope="module")
def find(model):
    finder = CasualtyFinder(model, "warlog_casualties")

    def run(text: str) -> list[CasualtyMention]:
        return finder.match(model(text))

    return run


def ranges(mentions: list[CasualtyMention]) -> list[tuple[str, int | None, int | None, int | None]]:
    return [(m.kind, m.count.low, m.count.best, m.count.high) for m in mentions]


# ----------------------------------------------------------------------------------------- phrase families


def test_killing_at_least_n_civilians_sets_low_bound_and_category(find):
    found = find("The strike hit the market, killing at least three civilians.")
    (m,) = [m for m in found if m.kind == "killed"]
    assert (m.count.low, m.count.best, m.count.high) == (3, None, None)
    assert m.count.category == "civilians"


def test_wounding_up_to_n_sets_high_bound(find):
    injured = [m for m in find("The blast wounded up to 10 people.") if m.kind == "injured"]
    assert ranges(injured) == [("injured", None, None, 10)]


def test_n_people_dead_is_a_death_figure(find):
    assert ranges(find("Three people dead after the shelling of the town.")) == [("killed", 3, 3, 3)]


def test_left_n_wounded_is_an_injury_figure(find):
    assert ranges(find("The attack left 5 wounded.")) == [("injured", 5, 5, 5)]


def test_killed_and_injured_figures_in_one_phrase_are_both_read(find):
    assert ranges(find("59 killed and 110 injured in the station attack.")) == [
        ("killed", 59, 59, 59),
        ("injured", 110, 110, 110),
    ]


def test_death_toll_rose_to_n_is_a_death_figure(find):
    assert ranges(find("The death toll rose to 12 on Tuesday.")) == [("killed", 12, 12, 12)]


def test_one_of_the_dead_was_a_child_is_a_partial_figure_with_children_hint(find):
    (m,) = find("One of the dead was a child.")
    assert (m.kind, m.count.low, m.count.best) == ("killed", 1, None)
    assert m.count.category == "children"


def test_no_casualties_gives_zero_killed_and_zero_injured(find):
    assert sorted(ranges(find("No casualties were reported."))) == [("injured", 0, 0, 0), ("killed", 0, 0, 0)]


def test_killed_a_man_counts_one(find):
    assert ranges(find("A gunman killed a man outside the shop.")) == [("killed", 1, 1, 1)]


def test_shot_and_killed_counts_one_death_once(find):
    assert ranges(find("He was shot and killed near his home.")) == [("killed", 1, 1, 1)]


def test_shot_one_fatally_derives_the_injured(find):
    found = ranges(find("Four people were shot, one fatally, police said."))
    assert ("casualties", 4, 4, 4) in found
    assert ("killed", 1, 1, 1) in found
    assert ("injured", 3, 3, 3) in found


def test_dozens_injured_sets_low_24(find):
    assert ranges(find("Dozens of people were injured.")) == [("injured", 24, None, None)]


def test_troops_count_as_military(find):
    (m,) = find("The shelling killed four troops near the bridge.")
    assert m.count.category == "military"


def test_including_n_children_is_a_partial_figure(find):
    found = find("The strike killed nine people, including two children.")
    assert ranges(found) == [("killed", 9, 9, 9), ("killed", 2, None, None)]
    assert found[1].count.category == "children"


# ----------------------------------------------------------------------------------------- tallies


def test_war_tally_since_a_date_is_aggregate(find):
    (m,) = find("Russia has lost 30,000 troops since February.")
    assert m.aggregate
    assert m.count.low == 30000


def test_present_perfect_loss_is_aggregate_without_a_date(find):
    (m,) = find("The army has lost 400 soldiers.")
    assert m.aggregate


def test_incident_figure_is_not_aggregate(find):
    (m,) = find("The missile strike killed seven people.")
    assert not m.aggregate


# ----------------------------------------------------------------------------------------- non-figures


def test_age_is_not_a_casualty_figure(find):
    assert ranges(find("A 24-year-old man was injured.")) == [("injured", 1, 1, 1)]


def test_numbers_counting_things_are_not_casualties(find):
    assert find("Three missiles hit two cars and a warehouse.") == []


def test_killed_without_a_count_is_not_a_number(find):
    assert find("Civilians were killed in the attack.") == []


def test_feared_deaths_are_not_figures(find):
    assert find("Officials warned the dam collapse could kill thousands.") == []


def test_none_of_the_victims_is_not_a_zero_toll(find):
    assert find("None of the victims were identified.") == []


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


def test_coordinated_figures_under_one_casualty_word_are_summed(find):
    assert ranges(find("Three children and two adults were found dead.")) == [("killed", 5, 5, 5)]


def test_a_single_victim_coordinated_with_a_figure_adds_one(find):
    assert ranges(find("A girl and four other people were wounded.")) == [("injured", 5, 5, 5)]


def test_a_breakdown_of_a_figure_is_not_added_to_it(find):
    assert ranges(find("Six people, three men and three women, were wounded.")) == [("injured", 6, 6, 6)]


def test_headline_figures_with_their_own_predicates_are_read(find):
    assert ranges(find("Three dead, two wounded in shooting.")) == [("killed", 3, 3, 3), ("injured", 2, 2, 2)]


def test_fatal_shooting_of_a_person_is_one_death(find):
    assert ranges(find("Police investigate the fatal shooting of a girl.")) == [("killed", 1, 1, 1)]


def test_deaths_of_n_people_is_a_death_figure(find):
    assert ranges(find("The deaths of three people were confirmed.")) == [("killed", 3, 3, 3)]


def test_a_killer_named_as_subject_is_not_a_victim(find):
    assert find("Police said he shot at the car.") == []


def test_separate_incidents_make_a_tally(find):
    (m,) = find("Nine people were wounded in separate shootings across the city.")
    assert m.aggregate


def test_shot_dead_is_a_death(find):
    assert ranges(find("He was shot dead at a checkpoint.")) == [("killed", 1, 1, 1)]


def test_headline_number_shot_counts_people_harmed(find):
    assert ranges(find("Four shot outside the club.")) == [("casualties", 4, 4, 4)]


def test_shots_fired_are_not_people(find):
    assert find("Three shots were fired at the house.") == []


def test_no_one_was_hurt_is_zero_injured(find):
    assert ranges(find("No one was hurt in the explosion.")) == [("injured", 0, 0, 0)]


def test_nobody_else_is_not_a_zero_toll(find):
    assert [m for m in find("Nobody else was hurt.") if m.count.high == 0] == []


def test_one_fatally_after_a_dash_is_a_death_among_those_shot(find):
    found = ranges(find("He shot three guards - one fatally."))
    assert ("killed", 1, 1, 1) in found
    assert ("injured", 2, 2, 2) in found


def test_a_lexicon_table_with_an_unknown_kind_is_rejected():
    with pytest.raises(LexiconError, match="bogus"):
        _kind_table({"bogus": {"maimed": ["x"]}}, "bogus")


def test_about_before_a_figure_is_still_a_hedge(find):
    found = find("The attack killed about 40 people.")
    assert ranges([m for m in found if m.kind == "killed"]) == [("killed", None, 40, None)]


def test_two_statements_of_one_figure_are_read_together(find):
    mentions = find("The strike killed at least three civilians. Officials said three people were dead.")
    killed, _ = casualty_totals(mentions)
    assert (killed.low, killed.best) == (3, 3)
