"""Actor roles from the clause: who attacked (actor1) and who was attacked (actor2)."""

from __future__ import annotations

import pytest


def roles(run_components, text: str) -> dict[str, str | None]:
    doc = run_components(text, ["warlog_actors"])
    return {a.name: a.role for a in doc._.actors}


def test_subject_of_attack_verb_is_perpetrator_and_object_is_target(run_components):
    found = roles(run_components, "Ukrainian troops shelled Russian positions near the river.")
    assert found == {"Ukrainian troops": "perpetrator", "Russian positions": "target"}


def test_passive_agent_is_perpetrator(run_components):
    assert roles(run_components, "The depot was hit by Russian artillery overnight.") == {
        "Russian artillery": "perpetrator"
    }


def test_demonym_before_attack_noun_names_the_attacking_military(run_components):
    doc = run_components("A Russian missile hit an apartment block.", ["warlog_actors"])
    (actor,) = doc._.actors
    assert (actor.name, actor.entity, actor.role) == (
        "Russian missile",
        "Military Forces of Russia (2000-)",
        "perpetrator",
    )


def test_object_of_on_after_attack_noun_is_target(run_components):
    found = roles(run_components, "Russia's strikes on Ukrainian forces continued for a week.")
    assert found["Ukrainian forces"] == "target"
    assert found["Russia's strikes"] == "perpetrator"


def test_defender_who_shoots_down_is_not_the_perpetrator(run_components):
    found = roles(run_components, "Ukraine's air defence shot down Russian drones over the port.")
    assert found["Ukraine's air defence"] is None


def test_speaker_has_no_role(run_components):
    found = roles(run_components, "Ukraine's armed forces said the situation was difficult.")
    assert found == {"Ukraine's armed forces": None}


@pytest.mark.parametrize("text", ["Russian troops and tanks attacked the village.",
                                  "Russian troops continued to shell the village."])
def test_coordinated_and_complement_subjects_are_perpetrators(run_components, text):
    assert roles(run_components, text)["Russian troops"] == "perpetrator"


def _claim(stance: str, *, perpetrator=None, side=None, modality="asserted"):
    from warlog.schema import Claim, Claimant

    return Claim(claimant=Claimant(name="the ministry", side=side), stance=stance, modality=modality,
                 perpetrator=perpetrator)


def test_responsibility_claimant_is_the_perpetrator():
    from warlog.extract.actors import load_actor_lexicon
    from warlog.extract.roles import claimed_perpetrator

    actor = claimed_perpetrator([_claim("responsibility", side="UA")], load_actor_lexicon())
    assert (actor.entity, actor.role) == ("Military Forces of Ukraine (2019-)", "perpetrator")


def test_accused_state_is_the_perpetrator_but_not_when_hypothetical():
    from warlog.extract.actors import load_actor_lexicon
    from warlog.extract.roles import claimed_perpetrator

    lex = load_actor_lexicon()
    accused = claimed_perpetrator([_claim("accusation", perpetrator="Russian drones")], lex)
    assert accused.entity == "Military Forces of Russia (2000-)"
    maybe = _claim("accusation", perpetrator="Russian drones", modality="hypothetical")
    assert claimed_perpetrator([maybe], lex) is None
    assert claimed_perpetrator([_claim("accusation", perpetrator="unknown gunmen")], lex) is None
