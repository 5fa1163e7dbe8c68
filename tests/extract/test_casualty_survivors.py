"""Who of the people harmed survived, and who is one more: victims told "also" beside the dead, a relative
shot beside a death, a victim told again by the same noun, "shot and pronounced dead". Every text here
is written for the test."""

from __future__ import annotations

from warlog.extract.casualties import casualty_lexicon, casualty_totals
from warlog.schema import CasualtyMention, Count, Span


def totals(mentions: list[CasualtyMention]) -> tuple[int | None, int | None]:
    killed, injured = casualty_totals(mentions)
    return killed.best, injured.best


def mention(kind: str, n: int, text: str, start: int, others: bool = False) -> CasualtyMention:
    span = Span(start=start, end=start + len(text), text=text)
    count = Count(low=n, best=n, high=n, text=text.split()[0], evidence=span)
    return CasualtyMention(kind=kind, count=count, evidence=span, others=others)


# ------------------------------------------------------------------------------------ "also" beside the dead


def test_a_victim_also_shot_beside_several_dead_is_one_injured(toll):
    text = "Three people were killed on Sunday. A 30-year-old woman was also shot, but survived."
    assert totals(toll(text)) == (3, 1)


def test_a_relative_also_shot_is_a_new_victim(toll):
    text = "A man was killed in the shooting. His stepfather was also shot and is in the hospital."
    assert totals(toll(text)) == (1, 1)


def test_the_same_person_also_shot_again_is_not_one_more(toll):
    text = "A man was shot on Friday. He was also shot in the arm."
    assert totals(toll(text)) == (None, 1)


def test_also_after_the_verb_is_no_new_victim(toll):
    # "also" on the age, after the event noun: the friend is the one already told
    text = "The boy was charged with the fatal shooting of his friend Tom, also 14."
    mentions = toll(text)
    assert not any(m.others for m in mentions)
    assert totals(mentions)[0] == 1


def test_also_shot_beside_a_group_shot_adds_nothing():
    # "six were shot ... Smith was also shot": Smith is mostly one of the six
    six = mention("casualties", 6, "six people were shot", 0)
    smith = mention("casualties", 1, "Smith was also shot", 40, others=True)
    assert totals([six, smith]) == (None, 6)


def test_also_shot_beside_the_dead_adds_to_them():
    dead = mention("killed", 3, "three people were killed", 0)
    woman = mention("casualties", 1, "woman was also shot", 40, others=True)
    assert totals([dead, woman]) == (3, 1)


# ----------------------------------------------------------------------------- the same victim told again


def test_one_victim_told_again_by_the_same_noun_is_not_added():
    first = mention("injured", 1, "son was wounded", 0)
    again = mention("injured", 1, "son was also wounded", 60, others=True)
    assert totals([first, again]) == (None, 1)


def test_a_man_who_killed_himself_told_twice_dies_once():
    # a headline "... killed himself", then "Smith was found dead ... he had killed himself"
    headline = mention("killed", 1, "himself", 0, others=True)
    found = mention("killed", 1, "Smith was found dead", 20)
    again = mention("killed", 1, "himself", 60, others=True)
    assert totals([headline, found, again])[0] == 1


# ------------------------------------------------------------------------- a relative shot beside a death


def test_a_relative_shot_after_a_death_in_the_sentence_is_injured(toll):
    mentions = toll("A father was killed and his 4-year-old son was shot by two masked men.")
    assert totals(mentions) == (1, 1)
    assert [m.kind for m in mentions] == ["killed", "injured"]


def test_a_relative_in_critical_condition_beside_a_death_is_injured(toll):
    text = "A girl has died and her father is in critical condition after the shooting."
    assert totals(toll(text)) == (1, 1)


def test_one_taken_to_hospital_where_he_died_stays_one_victim(toll):
    assert totals(toll("He was taken to the hospital, where he died.")) == (1, None)


def test_a_relative_shot_before_the_death_is_the_one_who_died(toll):
    assert totals(toll("The boy accidentally shot his friend, who has died.")) == (1, None)


def test_a_wife_shot_before_the_killer_killed_himself_is_not_made_injured(toll):
    mentions = toll("He shot his wife, then himself.")
    assert not any(m.kind == "injured" for m in mentions)


# ------------------------------------------------------------------------------- shot and pronounced dead


def test_shot_and_pronounced_dead_is_a_death(toll):
    mentions = toll("A man was shot and pronounced dead at the hospital.")
    assert [(m.kind, m.count.best) for m in mentions] == [("killed", 1)]


def test_shot_and_pronounced_dead_beside_others_taken_to_hospital(toll):
    text = "Tom Holt, 27, was shot and pronounced dead, while four other men were taken to the hospital."
    assert totals(toll(text)) == (1, 4)


def test_shot_and_in_critical_condition_is_no_death(toll):
    assert totals(toll("A man was shot and remains in critical condition.")) == (None, 1)


# ------------------------------------------------------------------------- others after the one who died


def test_injured_others_do_not_add_to_the_one_shot_after_a_death_was_told():
    dead = mention("killed", 1, "one man dead", 0)
    shot = mention("casualties", 1, "Smith was shot", 30)
    others = mention("injured", 3, "three other men were wounded", 60, others=True)
    assert totals([dead, shot, others]) == (1, 3)


def test_injured_others_add_to_one_shot_when_nobody_died():
    shot = mention("casualties", 1, "Smith was shot", 0)
    others = mention("injured", 3, "three other men were wounded", 30, others=True)
    assert totals([shot, others]) == (None, 4)


# ------------------------------------------------------------------------ lone victims told clause by clause


def test_two_victims_told_anew_in_one_sentence_are_two_harmed(toll):
    text = "During the shooting, a woman was shot in the back and a boy was shot in the arm."
    assert totals(toll(text)) == (None, 2)


def test_one_victim_shot_and_one_wounded_in_one_sentence_are_two_harmed(toll):
    assert totals(toll("A man was shot and a woman was wounded.")) == (None, 2)


def test_the_same_victim_told_twice_in_one_sentence_is_one(toll):
    assert totals(toll("A man was shot and the man was taken to the hospital.")) == (None, 1)


# ------------------------------------------------------------------------------ victims counted by their fate


def test_victims_counted_by_a_death_verb_are_the_dead(toll):
    text = "Two people were shot Sunday night. One victim died at the scene."
    mentions = toll(text)
    assert ("killed", 1) in [(m.kind, m.count.best) for m in mentions]
    assert totals(mentions) == (1, 1)


def test_victims_counted_without_a_fate_stay_harmed(toll):
    mentions = toll("Four victims were taken to the hospital.")
    assert [(m.kind, m.count.best) for m in mentions] == [("casualties", 4)]


def test_some_of_the_victims_who_died_are_a_part_not_the_group(toll):
    mentions = toll("Police said two of the four victims had died.")
    assert not any(m.kind == "killed" and m.count.best == 4 for m in mentions)


# --------------------------------------------------------------------------------------- nobody harmed


def test_no_other_victim_injured_is_no_victim(toll):
    mentions = toll("The student took his own life and no other student was injured.")
    assert totals(mentions) == (1, None)


def test_neither_officer_hurt_is_no_victim(toll):
    assert totals(toll("Neither officer was injured.")) == (None, None)


def test_negative_determiners_load_as_words_not_booleans():
    assert {"no", "neither"} <= casualty_lexicon().negative_determiners
