"""The incident assembler, fed with mentions written by hand (so it is tested apart from the finders)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from warlog.extract.incidents import IncidentAssembler
from warlog.schema import (
    CasualtyMention,
    Caveat,
    Claim,
    Claimant,
    Count,
    EventMention,
    Place,
    Span,
    TimeSpan,
)

PUBLISHED = datetime(2022, 7, 4, tzinfo=UTC)


def span(text: str, phrase: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return Span(start=start, end=start + len(phrase), text=phrase)


def sentence_of(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    lo = text.rfind(". ", 0, start)
    lo = 0 if lo < 0 else lo + 2
    hi = text.find(".", start) + 1
    return Span(start=lo, end=hi, text=text[lo:hi])


def event(text: str, trigger: str, sub: str, etype: str = "Explosions/Remote violence", occ: int = 0):
    trig = span(text, trigger, occ)
    sent = sentence_of(text, trigger)
    return EventMention(event_type=etype, sub_event_type=sub, trigger=trig, sentence=sent)


def place(text: str, name: str, gid: int, prec: int = 1, occ: int = 0) -> Place:
    return Place(name=name, geonameid=gid, lat=50.0, lon=36.0, country="RU", where_prec=prec,
                 evidence=span(text, name, occ))


@pytest.fixture(scope="module")
def assembler(model):
    return IncidentAssembler(model, "warlog_incidents")


def build(model, text: str, **mentions):
    doc = model(text)
    doc._.published = PUBLISHED
    doc._.document_id = "doc1"
    for name in ("places", "times", "casualties", "weapons", "actors", "events", "claims", "caveats"):
        setattr(doc._, name, mentions.get(name, []))
    return doc


def test_no_event_cue_gives_no_incident(model, assembler):
    text = "The two leaders met in Berlin and said they would keep talking."
    doc = build(model, text, places=[place(text, "Berlin", 1)])
    assert assembler.match(doc) == []


def test_two_cues_at_two_places_in_one_sentence_make_two_incidents(model, assembler):
    text = ("In April, helicopters struck a fuel depot in Belgorod, and a missile strike on the station "
            "in Kramatorsk killed 59 people.")
    april = TimeSpan(start=datetime(2022, 4, 1, tzinfo=UTC), end=datetime(2022, 4, 30, tzinfo=UTC),
                     text="In April", date_prec=4, evidence=span(text, "In April"))
    doc = build(
        model, text,
        events=[event(text, "struck", "Air/drone strike"),
                event(text, "missile strike", "Shelling/artillery/missile attack")],
        places=[place(text, "Belgorod", 1), place(text, "Kramatorsk", 2)],
        times=[april],
        casualties=[CasualtyMention(kind="killed", count=Count(low=59, best=59, high=59),
                                    evidence=span(text, "killed 59 people"))],
    )
    reports = assembler.match(doc)
    assert [r.place.name for r in reports] == ["Belgorod", "Kramatorsk"]
    assert [r.sub_event_type for r in reports] == ["Air/drone strike", "Shelling/artillery/missile attack"]
    assert all(r.background for r in reports), "a date months before publication is a back-reference"
    assert all(r.time.date_prec == 4 for r in reports)
    assert reports[0].killed.low is None
    assert reports[1].killed.low == 59


def test_interception_joins_the_attack_at_the_same_place_without_changing_its_type(model, assembler):
    text = ("Missiles hit Belgorod overnight. Air defence shot down three missiles over Belgorod, "
            "the ministry said.")
    interception = Claim(
        claimant=Claimant(name="the ministry"), stance="interception",
        source=span(text, "the ministry"), cue=span(text, "said"),
        content=span(text, "Air defence shot down three missiles over Belgorod"),
    )
    doc = build(
        model, text,
        events=[event(text, "hit", "Shelling/artillery/missile attack"),
                event(text, "shot down", "Disrupted weapons use", "Strategic developments")],
        places=[place(text, "Belgorod", 1), place(text, "Belgorod", 1, occ=1)],
        claims=[interception],
    )
    reports = assembler.match(doc)
    assert len(reports) == 1
    assert reports[0].sub_event_type == "Shelling/artillery/missile attack"
    assert [c.stance for c in reports[0].claims] == ["interception"]


def test_time_of_the_accusation_is_not_the_time_of_the_strike(model, assembler):
    text = "The ministry on Monday accused Kyiv of shelling Belgorod overnight."
    monday = TimeSpan(start=PUBLISHED, end=PUBLISHED, text="on Monday", date_prec=1,
                      evidence=span(text, "on Monday"))
    night = TimeSpan(start=datetime(2022, 7, 3, 21, tzinfo=UTC), end=datetime(2022, 7, 4, 3, tzinfo=UTC),
                     text="overnight", date_prec=1, evidence=span(text, "overnight"))
    accusation = Claim(
        claimant=Claimant(name="The ministry"), stance="accusation", perpetrator="Kyiv",
        source=span(text, "The ministry"), cue=span(text, "accused"),
        content=span(text, "Kyiv of shelling Belgorod overnight"),
    )
    doc = build(
        model, text,
        events=[event(text, "shelling", "Shelling/artillery/missile attack")],
        places=[place(text, "Belgorod", 1)], times=[monday, night], claims=[accusation],
    )
    (report,) = assembler.match(doc)
    assert report.time.text == "overnight"
    assert report.claims[0].stance == "accusation"
    assert report.grading == "Weak"


def test_no_comment_goes_to_the_accused_incident_and_free_caveat_to_the_matching_report(model, assembler):
    text = ("Officials accused the army of shelling houses in Belgorod. Drones struck a substation in Kursk. "
            "Videos of the destroyed houses could not be verified. The army has not commented.")
    accusation = Claim(
        claimant=Claimant(name="Officials"), stance="accusation", perpetrator="the army",
        source=span(text, "Officials"), cue=span(text, "accused"),
        content=span(text, "the army of shelling houses in Belgorod"),
    )
    no_comment = Claim(
        claimant=Claimant(name="The army"), stance="no_comment",
        source=span(text, "The army"), cue=span(text, "has not commented"),
    )
    caveat = Caveat(kind="unverified", evidence=span(text, "could not be verified"))
    doc = build(
        model, text,
        events=[event(text, "shelling", "Shelling/artillery/missile attack"),
                event(text, "struck", "Air/drone strike")],
        places=[place(text, "Belgorod", 1), place(text, "Kursk", 2)],
        claims=[accusation, no_comment], caveats=[caveat],
    )
    belgorod, kursk = assembler.match(doc)
    assert [c.stance for c in belgorod.claims] == ["accusation", "no_comment"]
    assert kursk.claims == []
    assert any("verified" in r for r in belgorod.grading_reasons)
    assert not any("verified" in r for r in kursk.grading_reasons)
    assert belgorod.claims[0].caveats and not belgorod.claims[1].caveats


def test_no_stated_time_falls_back_to_publication_with_flag(model, assembler):
    text = "Shelling hit Belgorod."
    doc = build(model, text, events=[event(text, "Shelling", "Shelling/artillery/missile attack")],
                places=[place(text, "Belgorod", 1)])
    (report,) = assembler.match(doc)
    assert report.time.fallback is True
    assert report.time.start < PUBLISHED < report.time.end


def test_event_inside_a_hypothetical_claim_is_no_incident(model, assembler):
    text = "Analysts said shelling could hit Belgorod at any time."
    claim = Claim(claimant=Claimant(name="Analysts"), stance="other", modality="hypothetical",
                  source=span(text, "Analysts"), cue=span(text, "said"),
                  content=span(text, "shelling could hit Belgorod at any time"))
    doc = build(model, text, events=[event(text, "shelling", "Shelling/artillery/missile attack")],
                places=[place(text, "Belgorod", 1)], claims=[claim])
    assert assembler.match(doc) == []


def test_country_level_cue_without_casualties_is_commentary(model, assembler):
    text = "The war in Ukraine has changed Europe."
    doc = build(model, text, events=[event(text, "war", "Armed clash", "Battles")],
                places=[place(text, "Ukraine", 3, prec=6)])
    assert assembler.match(doc) == []


def test_country_level_event_with_casualties_is_kept(model, assembler):
    text = "Shelling in Ukraine killed five people."
    doc = build(model, text, events=[event(text, "Shelling", "Shelling/artillery/missile attack")],
                places=[place(text, "Ukraine", 3, prec=6)],
                casualties=[CasualtyMention(kind="killed", count=Count(low=5, best=5, high=5),
                                            evidence=span(text, "killed five people"))])
    (report,) = assembler.match(doc)
    assert report.killed.low == 5


def test_unrelated_remark_is_not_attached_to_an_incident(model, assembler):
    text = "Shelling hit Belgorod. Separately, the minister said talks would resume in May."
    remark = Claim(claimant=Claimant(name="the minister"), stance="other",
                   source=span(text, "the minister"), cue=span(text, "said"),
                   content=span(text, "talks would resume in May"))
    doc = build(model, text, events=[event(text, "Shelling", "Shelling/artillery/missile attack")],
                places=[place(text, "Belgorod", 1)], claims=[remark])
    (report,) = assembler.match(doc)
    assert report.claims == []


def test_an_earlier_date_carries_to_a_later_event_sentence_as_a_whole_day(model, assembler):
    text = "On Saturday night, two men were shot outside a bar. Shelling then hit Belgorod."
    night = (datetime(2022, 7, 2, 18, tzinfo=UTC), datetime(2022, 7, 2, 23, 59, tzinfo=UTC))
    saturday = TimeSpan(start=night[0], end=night[1], text="On Saturday night", date_prec=1,
                        value="2022-07-02TNI",
                        evidence=span(text, "On Saturday night"))
    doc = build(model, text, events=[event(text, "Shelling", "Shelling/artillery/missile attack")],
                places=[place(text, "Belgorod", 1)], times=[saturday])
    (report,) = assembler.match(doc)
    assert report.time.fallback is False
    assert report.time.start == datetime(2022, 7, 2, tzinfo=UTC)
    assert report.time.end.date() == datetime(2022, 7, 2).date()
    assert report.time.value == "2022-07-02"


def test_the_documents_focus_country_wins_over_a_namesake_abroad(model, assembler):
    text = "Memphis police are investigating. Nikki was shot on Elm Street in Memphis."
    abroad = Place(name="Nikki", geonameid=9, lat=9.9, lon=3.2, country="BJ", where_prec=1,
                   evidence=span(text, "Nikki"))
    memphis = [Place(name="Memphis", geonameid=4641239, lat=35.1, lon=-90.0, country="US", where_prec=1,
                     evidence=span(text, "Memphis", i)) for i in range(2)]
    doc = build(model, text, events=[event(text, "shot", "Attack", "Violence against civilians")],
                places=[memphis[0], abroad, memphis[1]])
    (report,) = assembler.match(doc)
    assert report.place.name == "Memphis"


def test_a_placeless_event_happened_where_the_story_is(model, assembler):
    text = "KOKOMO, Ind. - Police are investigating. The shooting happened around 2 a.m. on Sunday."
    kokomo = Place(name="KOKOMO", geonameid=4921100, lat=40.5, lon=-86.1, country="US", where_prec=1,
                   evidence=span(text, "KOKOMO"))
    doc = build(model, text, events=[event(text, "shooting", "Attack", "Violence against civilians")],
                places=[kokomo])
    (report,) = assembler.match(doc)
    assert report.place.name == "KOKOMO"
    assert report.place.evidence.start == 0


def test_the_most_confident_cue_types_the_report(model, assembler):
    text = "Protesters gather in Kyiv. About 300 people protested peacefully in Kyiv on Tuesday."
    weak = event(text, "Protesters", "Violent demonstration", "Riots").model_copy(update={"confidence": 0.7})
    strong = event(text, "protested", "Peaceful protest", "Protests")
    doc = build(model, text, events=[weak, strong],
                places=[place(text, "Kyiv", 1), place(text, "Kyiv", 1, occ=1)])
    (report,) = assembler.match(doc)
    assert report.sub_event_type == "Peaceful protest"


def test_a_time_after_publication_does_not_date_a_reported_event(model, assembler):
    text = "Shelling hit Belgorod a couple of years later."
    later = TimeSpan(start=datetime(2024, 7, 4, tzinfo=UTC), end=datetime(2024, 7, 4, 23, tzinfo=UTC),
                     text="a couple of years later", date_prec=5,
                     evidence=span(text, "a couple of years later"))
    doc = build(model, text, events=[event(text, "Shelling", "Shelling/artillery/missile attack")],
                places=[place(text, "Belgorod", 1)], times=[later])
    (report,) = assembler.match(doc)
    assert report.time.fallback is True


def test_arrests_in_a_protest_report_make_it_a_protest_with_intervention(model, assembler):
    text = "Thousands protested in Kyiv on Tuesday. Police detained 40 people."
    protest = event(text, "protested", "Peaceful protest", "Protests")
    arrests = event(text, "detained", "Arrests", "Strategic developments").model_copy(
        update={"confidence": 0.6}
    )
    doc = build(model, text, events=[protest, arrests], places=[place(text, "Kyiv", 1)])
    (report,) = assembler.match(doc)
    assert (report.event_type, report.sub_event_type) == ("Protests", "Protest with intervention")


def test_report_event_rules_name_only_acled_sub_event_types():
    from warlog.extract.incidents import _combine_rules

    rules = _combine_rules()
    assert rules, "report_events.yaml has no rules"
    assert all(becomes not in when for when, _with, becomes in rules)


def test_a_place_inside_a_weapon_name_is_not_where_it_struck(model, assembler):
    from warlog.schema import Weapon

    text = "Iskandar missiles hit Kharkiv on Monday, killing two people."
    weapon = Weapon(name="9K720 Iskander", text="Iskandar missiles", evidence=span(text, "Iskandar missiles"))
    doc = build(model, text, events=[event(text, "hit", "Shelling/artillery/missile attack")],
                weapons=[weapon], places=[place(text, "Iskandar", 7), place(text, "Kharkiv", 8)])
    (report,) = assembler.match(doc)
    assert report.place.name == "Kharkiv"


@pytest.mark.parametrize(
    ("text", "trigger", "kept"),
    [
        ("Moscow wants to scrap the Minsk agreements, officials in Kyiv said.", "agreements", False),
        ("Russia and Ukraine signed an agreement in Kyiv on Monday.", "signed an agreement", True),
    ],
)
def test_a_plural_noun_names_agreements_but_does_not_report_one(model, assembler, text, trigger, kept):
    doc = build(model, text, events=[event(text, trigger, "Agreement", "Strategic developments")],
                places=[place(text, "Kyiv", 1)])
    assert bool(assembler.match(doc)) is kept


def _split_story(model, lead_killed: int):
    """A headline at one town, its lead at a namesake place read apart, the lead adding the wounded."""
    text = ("Man killed in Northdale shooting.\n\n"
            "A man was shot dead and a woman was wounded in Dale on Saturday night, police said.")
    saturday = TimeSpan(start=datetime(2022, 7, 2, tzinfo=UTC), end=datetime(2022, 7, 2, 23, 59, tzinfo=UTC),
                        text="on Saturday night", date_prec=1, evidence=span(text, "on Saturday night"))
    figures = [
        CasualtyMention(kind="killed", count=Count(low=1, best=1, high=1), evidence=span(text, "Man killed")),
        CasualtyMention(kind="killed", count=Count(low=lead_killed, best=lead_killed, high=lead_killed),
                        evidence=span(text, "man was shot dead")),
        CasualtyMention(kind="injured", count=Count(low=1, best=1, high=1),
                        evidence=span(text, "woman was wounded")),
    ]
    return build(
        model, text,
        events=[event(text, "killed", "Attack", "Violence against civilians"),
                event(text, "shot", "Attack", "Violence against civilians")],
        places=[place(text, "Northdale", 11), place(text, "Dale", 12)],
        times=[saturday], casualties=figures,
    )


def test_headline_and_lead_telling_the_same_dead_make_one_report_with_the_wounded(model, assembler):
    reports = assembler.match(_split_story(model, lead_killed=1))
    assert len(reports) == 1
    assert (reports[0].killed.best, reports[0].injured.best) == (1, 1)


def test_a_lead_with_another_death_toll_stays_a_report_of_its_own(model, assembler):
    reports = assembler.match(_split_story(model, lead_killed=2))
    assert len(reports) == 2
    assert reports[0].injured.is_empty()


def _shot_then_dead_story(model, headline_kind: str):
    """A headline telling a teen shot (or wounded) at one town, the lead telling him killed at a namesake."""
    word = "shot" if headline_kind == "casualties" else "wounded"
    text = (f"Teen {word} in Northdale.\n\n"
            "The boy was killed in Dale on Saturday night, police said.")
    saturday = TimeSpan(start=datetime(2022, 7, 2, tzinfo=UTC), end=datetime(2022, 7, 2, 23, 59, tzinfo=UTC),
                        text="on Saturday night", date_prec=1, evidence=span(text, "on Saturday night"))
    figures = [
        CasualtyMention(kind=headline_kind, count=Count(low=1, best=1, high=1),
                        evidence=span(text, f"Teen {word}")),
        CasualtyMention(kind="killed", count=Count(low=1, best=1, high=1),
                        evidence=span(text, "boy was killed")),
    ]
    return build(
        model, text,
        events=[event(text, word, "Attack", "Violence against civilians"),
                event(text, "killed", "Attack", "Violence against civilians")],
        places=[place(text, "Northdale", 11), place(text, "Dale", 12)],
        times=[saturday], casualties=figures,
    )


def test_a_headline_telling_a_teen_shot_joins_the_lead_telling_him_dead(model, assembler):
    reports = assembler.match(_shot_then_dead_story(model, "casualties"))
    assert len(reports) == 1
    assert reports[0].killed.best == 1 and not reports[0].injured.best


def test_a_headline_telling_a_teen_wounded_stays_apart_from_a_death(model, assembler):
    reports = assembler.match(_shot_then_dead_story(model, "injured"))
    assert len(reports) == 2
    assert reports[0].injured.best == 1


def test_a_follow_up_story_takes_the_figures_of_the_shooting_it_recalls(model, assembler):
    text = ("Northdale man held for trial in fatal shooting.\n\n"
            "In April, he shot a rider dead and wounded five of his friends in Northdale, police said.")
    april = TimeSpan(start=datetime(2022, 4, 1, tzinfo=UTC), end=datetime(2022, 4, 30, tzinfo=UTC),
                     text="In April", date_prec=4, evidence=span(text, "In April"))
    one, five = Count(low=1, best=1, high=1), Count(low=5, best=5, high=5)
    figures = [
        CasualtyMention(kind="killed", count=one, evidence=span(text, "fatal shooting")),
        CasualtyMention(kind="killed", count=one, evidence=span(text, "shot a rider dead")),
        CasualtyMention(kind="injured", count=five, evidence=span(text, "wounded five")),
    ]
    doc = build(
        model, text,
        events=[event(text, "shooting", "Attack", "Violence against civilians"),
                event(text, "shot", "Attack", "Violence against civilians")],
        places=[place(text, "Northdale", 11), place(text, "Northdale", 11, occ=1)],
        times=[april], casualties=figures,
    )
    reports = assembler.match(doc)
    assert len(reports) == 1 and not reports[0].background
    assert (reports[0].killed.best, reports[0].injured.best) == (1, 5)
    assert reports[0].time.text != "In April", "the follow-up keeps its own date"
