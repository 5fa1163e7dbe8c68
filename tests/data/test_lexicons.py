"""The weapon, actor and event lexicons: every entry well-formed, no duplicate aliases, valid labels."""

from __future__ import annotations

import pytest

from warlog.data import load_yaml, word_list
from warlog.errors import LexiconError
from warlog.extract import actors, events, weapons
from warlog.extract.actors import load_actor_lexicon
from warlog.extract.events import SUB_EVENT_TYPES, load_event_lexicon
from warlog.extract.weapons import alias_variants, load_weapon_lexicon
from warlog.schema import ActorType


def test_weapon_lexicon_loads_with_categories_known():
    lex = load_weapon_lexicon()
    assert lex.entries
    assert all(entry.category in lex.categories for entry in lex.entries)


def test_weapon_aliases_are_unique_across_entries_even_as_variants():
    owner: dict[str, str] = {}
    for entry in load_weapon_lexicon().entries:
        for alias in entry.aliases:
            for form in alias_variants(alias):
                key = form.lower()
                assert owner.setdefault(key, entry.name) == entry.name, f"{form!r} names two weapons"


def test_weapon_categories_imply_valid_sub_types():
    assert set(load_weapon_lexicon().category_sub_types.values()) <= set(SUB_EVENT_TYPES)


def test_actor_lexicon_entries_are_well_formed():
    lex = load_actor_lexicon()
    inter = {t.value for t in ActorType}
    assert all(group.type in inter for group in lex.groups)
    assert all(group.side is None or (len(group.side) == 2 and group.side.isupper()) for group in lex.groups)
    assert all(len(iso) == 2 for iso in lex.states)
    assert lex.entity("RU", "military") == "Military Forces of Russia (2000-)"


def test_actor_aliases_are_unique_across_groups():
    owner: dict[str, str] = {}
    for group in load_actor_lexicon().groups:
        for alias in group.aliases:
            assert owner.setdefault(alias.lower(), group.entity) == group.entity, (
                f"{alias!r} is in two groups"
            )


def test_state_words_name_one_state_each():
    owner: dict[str, str] = {}
    for iso, state in load_actor_lexicon().states.items():
        for word in state.names + state.demonyms + state.capitals:
            assert owner.setdefault(word, iso) == iso, f"{word!r} names two states"


def test_every_event_cue_label_is_a_sub_type_modifier_or_category():
    lex = load_event_lexicon()
    allowed = set(SUB_EVENT_TYPES) | lex.modifiers | set(lex.categories)
    labels = {label for per_phrase in lex.labels_of for label, _ in per_phrase}
    assert labels <= allowed
    reachable = labels | {esc.becomes for esc in lex.escalations} | set(lex.territory[1:])
    assert set(SUB_EVENT_TYPES) <= reachable  # every sub-type has cues or is the result of a rule


def test_sub_event_types_are_the_25_acled_strings_under_6_types():
    assert len(SUB_EVENT_TYPES) == 25
    assert set(SUB_EVENT_TYPES.values()) == {
        "Battles",
        "Explosions/Remote violence",
        "Violence against civilians",
        "Protests",
        "Riots",
        "Strategic developments",
    }


def test_cue_phrases_are_lower_case_and_not_repeated_within_a_label():
    for name in ("event_cues.yaml", "event_other.yaml"):
        for cue in load_yaml(name)["cues"]:
            phrases = [str(p) for p in cue["phrases"]]
            assert all(p == p.lower() for p in phrases), cue["label"]
            assert len(phrases) == len(set(phrases)), cue["label"]


def test_weapon_loader_rejects_an_unknown_category(monkeypatch):
    bad = {"categories": ["missile"], "weapons": [{"name": "X", "category": "laser", "aliases": ["x"]}]}
    monkeypatch.setattr(weapons, "load_yaml", lambda name: bad)
    with pytest.raises(LexiconError, match="laser"):
        weapons.load_weapon_lexicon.__wrapped__()


def test_weapon_loader_rejects_a_duplicate_alias(monkeypatch):
    bad = {
        "categories": ["missile"],
        "weapons": [
            {"name": "A", "category": "missile", "aliases": ["Foo-1"]},
            {"name": "B", "category": "missile", "aliases": ["foo-1"]},
        ],
    }
    monkeypatch.setattr(weapons, "load_yaml", lambda name: bad)
    with pytest.raises(LexiconError, match="Foo-1|foo-1"):
        weapons.load_weapon_lexicon.__wrapped__()


def test_actor_loader_rejects_a_bad_inter_code(monkeypatch):
    bad = {
        "branches": {"military": {"template": "{state}", "nouns": ["forces"]}},
        "countries": [],
        "groups": [{"entity": "G", "type": 9, "aliases": ["g"]}],
    }
    monkeypatch.setattr(actors, "load_yaml", lambda name: bad)
    with pytest.raises(LexiconError, match="inter"):
        actors.load_actor_lexicon.__wrapped__()


def test_event_loader_rejects_a_misspelt_sub_type(monkeypatch):
    real = load_yaml("event_cues.yaml")
    bad = dict(real, cues=[{"label": "Air strike", "weight": 3, "phrases": ["airstrike"]}])
    monkeypatch.setattr(
        events, "load_yaml", lambda name: bad if name == "event_cues.yaml" else load_yaml(name)
    )
    with pytest.raises(LexiconError, match="Air strike"):
        events.load_event_lexicon.__wrapped__()


def test_event_loader_rejects_an_unquoted_yaml_boolean(monkeypatch):
    real = load_yaml("event_cues.yaml")
    bad = dict(real, cues=[{"label": "Armed clash", "weight": 3, "phrases": [False]}])
    monkeypatch.setattr(events, "load_yaml", lambda n: bad if n == "event_cues.yaml" else load_yaml(n))
    with pytest.raises(LexiconError, match="quoted"):
        events.load_event_lexicon.__wrapped__()


def test_irrealis_words_are_read_as_text():
    words = load_event_lexicon().irrealis
    assert "no" in words["negations"] and "if" in words["marks"]


def test_irrealis_heads_and_history_settings_load():
    lex = load_event_lexicon()
    assert "survivor" in lex.irrealis["heads"] and "begin" in lex.irrealis["aspectual"]
    assert "will" in lex.irrealis["modals"]
    assert lex.history_markers is not None and lex.history_markers.search("during World  War II")
    assert "after" in lex.background_marks and lex.history_before > 1900


def test_interception_is_a_modifier_confirmed_only_with_a_weapon():
    lex = load_event_lexicon()
    assert "interception" in lex.modifiers
    rule = next(e for e in lex.escalations if e.when == ("interception",))
    assert rule.keep and rule.early and "weapons_found" in rule.with_


@pytest.mark.parametrize(
    "raw", [{}, {"words": "one"}, {"words": []}, {"words": ["a", ""]}, {"words": [1]}, None]
)
def test_a_word_list_that_is_not_a_list_of_words_names_the_file_and_the_key(raw):
    with pytest.raises(LexiconError, match="'words'.*lexicon.yaml"):
        word_list("lexicon.yaml", raw, "words")
