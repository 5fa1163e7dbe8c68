"""WeaponFinder: lexicon aliases in, normalised Weapon records with evidence spans out (blank pipeline)."""

from __future__ import annotations

import pytest
import spacy

from warlog.extract.weapons import WeaponFinder, alias_variants


@pytest.fixture(scope="module")
def finder() -> WeaponFinder:
    return WeaponFinder(spacy.blank("en"), "warlog_weapons")


def find(finder: WeaponFinder, text: str):
    return finder.match(finder.nlp.make_doc(text))


def test_alias_normalises_to_lexicon_name(finder):
    (weapon,) = find(finder, "The city was hit by a Tochka-U overnight.")
    assert weapon.name == "OTR-21 Tochka"
    assert weapon.text == "Tochka-U"
    assert weapon.category == "ballistic missile"


@pytest.mark.parametrize("written", ["Tochka-U", "Tochka U", "TOCHKA-U", "tochka u", "TochkaU"])
def test_hyphen_space_and_case_variants_match(finder, written):
    weapons = find(finder, f"A {written} was fired.")
    assert [w.name for w in weapons] == ["OTR-21 Tochka"]


def test_aliases_of_one_system_share_a_name(finder):
    weapons = find(finder, "Shahed-136 and Geran-2 drones were launched.")
    assert {w.name for w in weapons} == {"Shahed-136"}


def test_evidence_span_indexes_the_text(finder):
    text = "Two Kh-101 missiles struck the port."
    (weapon,) = find(finder, text)
    assert text[weapon.evidence.start : weapon.evidence.end] == weapon.evidence.text == weapon.text


def test_class_noun_widens_named_system(finder):
    weapons = find(finder, "Russia fired Iskander ballistic missiles at the airfield.")
    assert len(weapons) == 1
    assert weapons[0].text == "Iskander ballistic missiles"
    assert weapons[0].name == "9K720 Iskander"


def test_class_nouns_alone_are_weapons(finder):
    weapons = find(finder, "Artillery and drones pounded the village; cluster munitions were found.")
    assert [(w.name, w.category) for w in weapons] == [
        ("artillery", "artillery"),
        ("drone", "drone"),
        ("cluster munition", "cluster munition"),
    ]


def test_exact_alias_needs_its_capital(finder):
    assert [w.name for w in find(finder, "A Grad battery fired.")] == ["BM-21 Grad"]
    assert find(finder, "The grad students left.") == []


def test_weapons_come_in_text_order(finder):
    weapons = find(finder, "HIMARS, then a Bayraktar TB2, then an S-300.")
    assert [w.name for w in weapons] == ["M142 HIMARS", "Bayraktar TB2", "S-300"]


def test_text_without_weapons_gives_none(finder):
    assert find(finder, "The council met on Tuesday to discuss the budget.") == []


def test_alias_variants_add_space_joined_and_plural_forms():
    forms = alias_variants("Kh-101")
    assert {"Kh-101", "Kh 101", "Kh101", "Kh-101s"} <= forms
