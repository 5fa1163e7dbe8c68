"""EventFinder and classify_text: cue phrases, weapons and actors to ACLED event types (model pipeline)."""

from __future__ import annotations

import pytest

from warlog.data import load_yaml
from warlog.errors import LexiconError
from warlog.extract.event_lexicon import build_event_lexicon
from warlog.extract.events import (
    NO_EVENT,
    SUB_EVENT_TYPES,
    classify_outcome,
    classify_text,
    explain,
    load_event_lexicon,
)
from warlog.extract.weapons import load_weapon_lexicon

COMPONENTS = ["warlog_weapons", "warlog_actors", "warlog_events"]


@pytest.fixture(scope="module")
def nlp(model):
    return model


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        (
            "Russian artillery shelled the outskirts of the town overnight.",
            "Shelling/artillery/missile attack",
        ),
        ("Warplanes carried out airstrikes on the village, residents said.", "Air/drone strike"),
        ("Air defences shot down two drones over the region on Monday.", "Disrupted weapons use"),
        ("Fierce clashes broke out between the army and rebels near the border.", "Armed clash"),
        ("A roadside bomb exploded under a bus on the main road.", "Remote explosive/landmine/IED"),
        ("A suicide bomber blew himself up at a checkpoint.", "Suicide bomb"),
        ("Gunmen abducted three aid workers from their car.", "Abduction/forced disappearance"),
        ("Police arrested twelve men on charges of sabotage.", "Arrests"),
        ("The two sides signed a ceasefire agreement on Sunday.", "Agreement"),
        ("Hundreds of protesters marched peacefully to the parliament.", "Peaceful protest"),
        ("Police fired tear gas to disperse the protesters.", "Protest with intervention"),
        ("Protesters threw stones and torched cars outside the ministry.", "Violent demonstration"),
        (
            "Security forces opened fire on protesters, killing four demonstrators.",
            "Excessive force against protesters",
        ),
        ("Militants stormed the village and looted shops.", "Looting/property destruction"),
        ("Two hand grenades were hurled at a police patrol.", "Grenade"),
    ],
)
def test_cues_give_the_acled_sub_type(run_components, text, sub_type):
    doc = run_components(text, COMPONENTS)
    assert classify_text(doc) == (SUB_EVENT_TYPES[sub_type], sub_type)


def test_civilians_killed_by_missile_is_still_a_missile_attack(run_components):
    doc = run_components("A missile strike on the market killed 12 civilians.", COMPONENTS)
    assert classify_text(doc)[1] == "Shelling/artillery/missile attack"


def test_strike_that_killed_outweighs_interception_in_same_sentence(run_components):
    doc = run_components(
        "Air defences intercepted two missiles, but a third missile hit a hospital, killing five people "
        "and destroying the ward.",
        COMPONENTS,
    )
    assert classify_text(doc)[1] == "Shelling/artillery/missile attack"


def test_capture_by_non_state_group_overtakes_territory(run_components):
    doc = run_components("Islamic State militants captured the town after a week.", COMPONENTS)
    assert classify_text(doc)[1] == "Non-state actor overtakes territory"


def test_capture_by_government_forces_regains_territory(run_components):
    doc = run_components("Government troops recaptured the town from the rebels.", COMPONENTS)
    assert classify_text(doc)[1] == "Government regains territory"


def test_non_conflict_text_has_no_event_but_a_category(run_components):
    doc = run_components(
        "Heavy rain caused flooding across the province, and an earthquake followed.", COMPONENTS
    )
    assert classify_text(doc) is None
    assert classify_outcome(doc) == "natural disaster"
    assert doc._.events == []


def test_text_without_cues_is_no_event(run_components):
    doc = run_components("The committee approved the new school budget on Tuesday.", COMPONENTS)
    assert classify_text(doc) is None
    assert classify_outcome(doc) == NO_EVENT
    assert doc._.events == []


def test_classify_text_types_a_span(run_components):
    doc = run_components(
        "The council approved the budget. Later, shelling hit the eastern district.", COMPONENTS
    )
    first, second = list(doc.sents)
    assert classify_text(first) is None
    assert classify_text(second)[1] == "Shelling/artillery/missile attack"


def test_event_mentions_carry_trigger_and_sentence_spans(run_components):
    text = "The council met. Fierce clashes erupted near the airport on Friday."
    doc = run_components(text, COMPONENTS)
    (event,) = doc._.events
    assert event.sub_event_type == "Armed clash"
    assert event.event_type == "Battles"
    assert text[event.trigger.start : event.trigger.end] == event.trigger.text == "clashes"
    assert event.sentence.text == text[event.sentence.start : event.sentence.end]
    assert event.sentence.start == text.index("Fierce")
    assert 0 < event.confidence <= 1


def test_events_come_in_text_order(run_components):
    text = "Protesters rallied in the capital. Two days later, drones struck a fuel depot."
    doc = run_components(text, COMPONENTS)
    assert [e.sub_event_type for e in doc._.events] == ["Peaceful protest", "Air/drone strike"]
    assert doc._.events[0].trigger.start < doc._.events[1].trigger.start


def test_two_strong_cues_in_one_sentence_give_two_events_strongest_first(run_components):
    text = "A suicide bomber struck a mosque, while in the north police arrested twenty people."
    doc = run_components(text, COMPONENTS)
    subs = [e.sub_event_type for e in doc._.events]
    assert subs[0] == "Suicide bomb"
    assert "Arrests" in subs
    assert len(subs) <= 3


def test_claim_of_responsibility_keeps_the_event_type_but_outcome_is_attribution(run_components):
    text = "The group claimed responsibility for a car bomb that killed eight people."
    doc = run_components(text, COMPONENTS)
    assert classify_text(doc)[1] == "Remote explosive/landmine/IED"
    assert classify_outcome(doc) == "attribution"
    assert [e.sub_event_type for e in doc._.events] == ["Remote explosive/landmine/IED"]


def test_seized_weapons_cache_is_disrupted_weapons_use(run_components):
    doc = run_components("Police seized forty rifles and a stash of ammunition in a farmhouse.", COMPONENTS)
    assert classify_text(doc)[1] == "Disrupted weapons use"


def test_strike_that_destroyed_a_depot_is_the_strike(run_components):
    doc = run_components("A strike on the airfield destroyed an ammunition depot, the army said.", COMPONENTS)
    assert classify_text(doc)[0] == "Explosions/Remote violence"


def test_base_set_up_is_headquarters_established(run_components):
    doc = run_components("Foreign troops have set up a new observation post near the river.", COMPONENTS)
    assert classify_text(doc)[1] == "Headquarters or base established"


def test_killing_militants_is_a_battle(run_components):
    doc = run_components("The army said it killed 30 militants in the hills on Tuesday.", COMPONENTS)
    assert classify_text(doc)[1] == "Armed clash"


@pytest.mark.parametrize(
    "text",
    [
        "If the town is attacked, there will be war.",
        "No clashes were reported overnight.",
        "The army did not shell the village.",
        "The commander threatened to strike the capital.",
        "Rebels could attack the base at any time.",
    ],
)
def test_hypothetical_or_negated_cues_make_no_event_mention(run_components, text):
    assert run_components(text, COMPONENTS)._.events == []


def test_asserted_cue_beside_a_hypothetical_one_still_counts(run_components):
    doc = run_components("Artillery shelled the town on Monday.", COMPONENTS)
    assert [e.sub_event_type for e in doc._.events] == ["Shelling/artillery/missile attack"]


def test_missile_fired_from_aircraft_is_an_air_strike(run_components):
    doc = run_components("Missiles fired by warplanes struck a village near the border.", COMPONENTS)
    assert classify_text(doc)[1] == "Air/drone strike"


def test_opening_fire_on_militants_is_a_battle(run_components):
    doc = run_components("Soldiers opened fire on militants who tried to cross the river.", COMPONENTS)
    assert classify_text(doc)[1] == "Armed clash"


def test_explain_lists_the_scores_best_first(run_components):
    doc = run_components("Warplanes carried out airstrikes on the village.", COMPONENTS)
    scores = explain(doc)
    assert scores[0][0] == "Air/drone strike"
    assert all(a[1] >= b[1] for a, b in zip(scores, scores[1:], strict=False))


def test_seizing_a_town_is_territory_seizing_goods_is_not(run_components):
    doc = run_components("Rebel fighters seized the town overnight.", COMPONENTS)
    assert classify_text(doc)[1] == "Non-state actor overtakes territory"
    doc = run_components("Customs officers seized a truck of cigarettes.", COMPONENTS)
    assert classify_text(doc) is None or classify_text(doc)[0] != "Battles"


def test_attack_by_militants_on_a_car_is_not_a_battle(run_components):
    doc = run_components("A suspected militant carried out a drive-by shooting attack on a car.", COMPONENTS)
    assert classify_text(doc)[1] == "Attack"


def test_weapon_remains_found_after_a_blast_do_not_make_a_seizure(run_components):
    doc = run_components(
        "Four people were wounded when a grenade exploded; police recovered grenade fragments.", COMPONENTS
    )
    assert classify_text(doc)[1] == "Grenade"


@pytest.mark.parametrize(
    "text",
    [
        "She met survivors of conflict-related sexual violence in the capital.",
        "The minister has engaged with world leaders on the crisis.",
        "They criticised the refusal to send missiles to the army.",
        "The carpet bombing of the city during World War II killed thousands.",
        "Soviet troops withdrew from the country in 1989.",
        "The army will launch a counteroffensive in the spring.",
        "The troops are ready to fight for their land.",
        "The 2017 chemical attack on the town was recalled at the ceremony.",
        "Talks are planned for 3 March in the capital.",
    ],
)
def test_topic_future_and_history_cues_make_no_event_mention(run_components, text):
    assert run_components(text, COMPONENTS)._.events == []


def test_retreat_that_only_dates_a_discovery_is_no_event(run_components):
    text = "A mass grave was discovered after the soldiers retreated from the village."
    doc = run_components(text, COMPONENTS)
    assert "Non-violent transfer of territory" not in [e.sub_event_type for e in doc._.events]


def test_strike_in_a_clause_under_a_killing_is_still_an_event(run_components):
    doc = run_components("Two civilians were killed after a missile hit their house.", COMPONENTS)
    assert doc._.events[0].sub_event_type == "Shelling/artillery/missile attack"


def test_war_as_a_yardstick_does_not_make_the_sentence_history(run_components):
    doc = run_components("This was the heaviest shelling since World War II, officials said.", COMPONENTS)
    assert [e.sub_event_type for e in doc._.events] == ["Shelling/artillery/missile attack"]


def test_begun_withdrawal_is_asserted_though_an_infinitive(run_components):
    doc = run_components("The army began to withdraw from the town on Sunday.", COMPONENTS)
    assert [e.sub_event_type for e in doc._.events] == ["Non-violent transfer of territory"]


def test_second_conjunct_of_a_real_event_is_kept(run_components):
    doc = run_components("Heavy fighting and shelling continued in the east.", COMPONENTS)
    assert {e.sub_event_type for e in doc._.events} == {"Armed clash", "Shelling/artillery/missile attack"}


def test_passive_push_back_gives_the_ground_to_the_other_side(run_components):
    doc = run_components("The rebels were pushed back from their positions near the town.", COMPONENTS)
    assert classify_text(doc)[1] == "Government regains territory"


def test_passive_capture_goes_to_the_agent(run_components):
    doc = run_components("Government troops were driven out of the town by rebels on Friday.", COMPONENTS)
    assert classify_text(doc)[1] == "Non-state actor overtakes territory"


def test_people_intercepted_are_no_weapons_disruption(run_components):
    doc = run_components("Police intercepted 300 migrants at sea.", COMPONENTS)
    assert classify_outcome(doc) != "Disrupted weapons use"


def test_intercepted_missiles_are_a_weapons_disruption(run_components):
    doc = run_components("Air defences intercepted two missiles over the capital.", COMPONENTS)
    assert classify_text(doc)[1] == "Disrupted weapons use"


def test_legal_charges_are_an_arrest_not_an_attack(run_components):
    doc = run_components("Police arrested a student on charges of insulting officials online.", COMPONENTS)
    assert classify_text(doc)[1] == "Arrests"


def test_protesters_blocking_the_road_is_a_violent_demonstration(run_components):
    doc = run_components("Hundreds of protesters blocked the road to the airport on Monday.", COMPONENTS)
    assert classify_text(doc)[1] == "Violent demonstration"


@pytest.mark.parametrize(
    "text",
    [
        "A man was shot in the leg outside a bar on Friday night.",
        "Gunfire erupted at a party and six people were wounded.",
        "Shots were fired outside a club early on Sunday.",
        "Officers found a woman dead with gunshot wounds in her kitchen.",
        "Detectives are investigating a homicide on the east side.",
        "A teenager was shot and killed on Elm Street on Friday.",
        "Six people were shot at a birthday party on Saturday.",
        "A girl was hit by a stray bullet while she slept.",
        "The gun went off and struck his brother.",
        "A boy was hit with a bullet while he watched fireworks.",
        "A bullet grazed her face as she slept.",
    ],
)
def test_gun_violence_as_local_news_tells_it_is_an_attack(run_components, text):
    doc = run_components(text, COMPONENTS)
    assert "Attack" in [e.sub_event_type for e in doc._.events]


def test_a_shootout_is_a_battle(run_components):
    doc = run_components("Two men were wounded in a shootout with deputies on Monday.", COMPONENTS)
    assert [e.sub_event_type for e in doc._.events] == ["Armed clash"]


def test_shooting_down_a_drone_stays_a_weapons_disruption(run_components):
    doc = run_components("Air defences shot down two drones over the city.", COMPONENTS)
    assert classify_text(doc)[1] == "Disrupted weapons use"


def test_fighting_for_life_is_a_wound_not_a_battle(run_components):
    doc = run_components("A boy is fighting for his life after he was shot in the head.", COMPONENTS)
    assert "Armed clash" not in [label for label, _ in explain(doc)]


def test_shooting_in_a_time_clause_under_a_vow_still_happened(run_components):
    doc = run_components("A boy is fighting for his life after he was shot in the head.", COMPONENTS)
    assert [e.trigger.text for e in doc._.events] == ["shot"]


def test_shooting_that_suspects_are_sought_in_still_happened(run_components):
    doc = run_components("Police seek suspects in the shooting that injured four on Saturday.", COMPONENTS)
    assert [e.trigger.text for e in doc._.events] == ["shooting"]


def test_threat_of_an_attack_is_still_no_event(run_components):
    doc = run_components("Residents fear the threat of an attack on the market.", COMPONENTS)
    assert doc._.events == []


@pytest.mark.parametrize(
    "text",
    [
        "He fired twice, striking the boy in the leg.",
        "A 12-year-old girl was struck by a car and killed.",
        "The gun went off and struck the man in the chest.",
    ],
)
def test_a_strike_on_a_person_with_no_heavy_weapon_is_no_shelling(run_components, text):
    doc = run_components(text, COMPONENTS)
    remote = {"Shelling/artillery/missile attack", "Air/drone strike"}
    assert classify_outcome(doc) not in remote
    assert not remote & {e.sub_event_type for e in doc._.events}


def test_a_missile_that_strikes_a_person_is_still_a_missile_attack(run_components):
    doc = run_components("A missile struck the man on his way home.", COMPONENTS)
    assert classify_outcome(doc) == "Shelling/artillery/missile attack"


def test_a_strike_on_a_place_is_still_shelling(run_components):
    doc = run_components("Enemy forces struck the village overnight, killing two people.", COMPONENTS)
    assert classify_outcome(doc) == "Shelling/artillery/missile attack"


def test_person_strikes_are_read_from_the_lexicon():
    rule = load_event_lexicon().person_strikes
    assert "strike" in rule.phrases and "boy" in rule.persons
    assert rule.voids <= set(SUB_EVENT_TYPES)


def test_person_strikes_naming_a_phrase_that_is_no_cue_is_rejected():
    raw = dict(load_yaml("event_cues.yaml"))
    raw["person_strikes"] = dict(raw["person_strikes"], phrases=["smite"])
    with pytest.raises(LexiconError, match="person_strikes"):
        build_event_lexicon(raw, load_yaml("event_other.yaml"), load_weapon_lexicon().category_sub_types)
