"""Victims told in parts (warlog.extract.casualty_parts): the wounded who later died come off the injured."""

from __future__ import annotations

import pytest

from warlog.extract.casualty_parts import own_participle, partitive_figure, survivors
from warlog.schema import CasualtyMention, Count, Span

WOUNDED = frozenset({"wounded", "injured"})


def mention(kind: str, n: int, start: int, text: str, partitive: bool = False) -> CasualtyMention:
    span = Span(start=start, end=start + len(text), text=text)
    return CasualtyMention(kind=kind, count=Count(low=n, best=n, high=n, evidence=span), evidence=span,
                           partitive=partitive)


def injured(n: int) -> Count:
    return Count(low=n, best=n, high=n)


@pytest.fixture(scope="module")
def nlp(model):
    return model


def test_of_them_is_a_partitive_figure(nlp):
    doc = nlp("Two of them died.")
    assert partitive_figure(doc[0])


def test_of_a_new_group_is_not_a_partitive_figure(nlp):
    doc = nlp("Two of his friends died.")
    assert not partitive_figure(doc[0])


def test_a_subject_with_its_own_participle_is_found(nlp):
    doc = nlp("Two men charged after girl shot, killed.")
    men = next(t for t in doc if t.lower_ == "men")
    assert own_participle(men, lambda t: False)
    assert not own_participle(men, lambda t: True)


def test_a_partitive_death_of_the_injured_group_comes_off_the_injured():
    ms = [mention("injured", 4, 0, "Four were wounded"), mention("killed", 1, 30, "One of them died", True)]
    assert survivors(ms, injured(4), WOUNDED).best == 3


def test_a_death_that_is_not_partitive_leaves_the_injured():
    ms = [mention("injured", 4, 0, "Four were wounded"), mention("killed", 1, 30, "A man died")]
    assert survivors(ms, injured(4), WOUNDED).best == 4


def test_a_part_of_a_group_after_a_death_already_told_leaves_the_injured():
    ms = [mention("killed", 1, 0, "one killed"), mention("injured", 3, 20, "three others hurt"),
          mention("killed", 1, 60, "One of the victims died", True)]
    assert survivors(ms, injured(3), WOUNDED).best == 3


def test_a_part_naming_the_wounded_comes_off_even_after_a_death():
    ms = [mention("killed", 1, 0, "one killed"), mention("injured", 3, 20, "three others hurt"),
          mention("killed", 1, 60, "one of the wounded died", True)]
    assert survivors(ms, injured(3), WOUNDED).best == 2


def test_a_part_larger_than_the_group_changes_nothing():
    ms = [mention("injured", 1, 0, "one wounded"), mention("killed", 2, 30, "two of them died", True)]
    assert survivors(ms, injured(1), WOUNDED).best == 1
