"""Which time dates an incident: the assembler's time choice, fed with time expressions written by hand.

Kept apart from test_incidents.py (places, grouping, claims) because it tests the rules that pick an
incident's date from ``doc._.times``: speech and page-stamp times excluded, vague times skipped, the lead's
time for a headline, and the fallback when nothing is said."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.extract.test_incidents import PUBLISHED, build, event, place, span
from warlog.extract.incidents import IncidentAssembler
from warlog.schema import TimeSpan


@pytest.fixture(scope="module")
def assembler(model):
    return IncidentAssembler(model, "warlog_incidents")


def day(text: str, phrase: str, value: str, prec: int = 1) -> TimeSpan:
    start = datetime.fromisoformat(value[:10]).replace(tzinfo=UTC)
    return TimeSpan(start=start, end=start.replace(hour=23, minute=59), text=phrase, date_prec=prec,
                    value=value, evidence=span(text, phrase))


@pytest.fixture
def shelling(model, assembler):
    """The one report of a shelling of Belgorod told in ``text``, with the given time expressions."""

    def run(text: str, times: list[TimeSpan]):
        doc = build(model, text, events=[event(text, "Shelling", "Shelling/artillery/missile attack")],
                    places=[place(text, "Belgorod", 1)], times=times)
        (report,) = assembler.match(doc)
        return report

    return run


def test_headline_incident_takes_the_time_told_in_the_lead(shelling):
    text = "Shelling hits Belgorod. Two houses burned on Saturday night, the governor said."
    report = shelling(text, [day(text, "Saturday night", "2022-07-02TNI")])
    assert (report.time.value, report.time.fallback) == ("2022-07-02", False)


def test_now_does_not_date_an_incident(shelling):
    text = "Shelling hit Belgorod, and the town is now quiet."
    now = TimeSpan(start=PUBLISHED, end=PUBLISHED, text="now", value="PRESENT_REF",
                   evidence=span(text, "now"))
    assert shelling(text, [now]).time.fallback is True


def test_a_page_stamp_does_not_date_an_incident(shelling):
    text = "Posted: July 4, 2022\n\nShelling hit Belgorod."
    report = shelling(text, [day(text, "July 4, 2022", "2022-07-04")])
    assert report.time.fallback is True


def test_the_year_of_publication_gives_way_to_a_day_told_later(shelling):
    text = "Shelling hit Belgorod in 2022. It began on Saturday, the governor said."
    year = TimeSpan(start=datetime(2022, 1, 1, tzinfo=UTC), end=datetime(2022, 12, 31, 23, tzinfo=UTC),
                    text="2022", date_prec=5, value="2022", evidence=span(text, "2022"))
    report = shelling(text, [year, day(text, "Saturday", "2022-07-02")])
    assert report.time.value == "2022-07-02"


def test_a_clock_time_dates_the_event_before_overnight(shelling):
    text = "Shelling hit Belgorod overnight, at 1 a.m. local time."
    clock = TimeSpan(start=datetime(2022, 7, 4, 1, tzinfo=UTC), end=datetime(2022, 7, 4, 1, tzinfo=UTC),
                     text="1 a.m. local time", date_prec=1, value="2022-07-04T01:00",
                     evidence=span(text, "1 a.m. local time"))
    night = TimeSpan(start=datetime(2022, 7, 3, 18, tzinfo=UTC), end=datetime(2022, 7, 4, 5, 59, tzinfo=UTC),
                     text="overnight", date_prec=1, value="2022-07-03TNI", evidence=span(text, "overnight"))
    report = shelling(text, [night, clock])
    assert report.time.value == "2022-07-04T01:00"


def test_no_time_at_all_falls_back_to_the_publication_day(shelling):
    report = shelling("Shelling hit Belgorod.", [])
    assert (report.time.value, report.time.fallback, report.time.date_prec) == ("2022-07-04", True, 2)
    assert report.time.start == datetime(2022, 7, 3, tzinfo=UTC)  # the range still holds the day before


def test_a_clock_time_within_the_night_names_its_calendar_day(shelling):
    text = "Shelling hit Belgorod overnight. The first shell landed at 2:30 a.m., the governor said."
    night = TimeSpan(start=datetime(2022, 7, 3, 18, tzinfo=UTC), end=datetime(2022, 7, 4, 5, 59, tzinfo=UTC),
                     text="overnight", date_prec=1, value="2022-07-03TNI", evidence=span(text, "overnight"))
    at = datetime(2022, 7, 4, 2, 30, tzinfo=UTC)
    clock = TimeSpan(start=at, end=at, text="2:30 a.m.", date_prec=1, value="2022-07-04T02:30",
                     evidence=span(text, "2:30 a.m."))
    time = shelling(text, [night, clock]).time
    assert time.value == "2022-07-04"
    assert (time.start, time.end) == (datetime(2022, 7, 4, tzinfo=UTC), night.end)  # the night on that day


def test_this_week_gives_way_to_a_day_told_later(shelling):
    text = "Shelling hit Belgorod this week. It began on Saturday, the governor said."
    week = TimeSpan(start=datetime(2022, 7, 4, tzinfo=UTC), end=datetime(2022, 7, 10, 23, tzinfo=UTC),
                    text="this week", date_prec=3, value="2022-W27", evidence=span(text, "this week"))
    assert shelling(text, [week, day(text, "Saturday", "2022-07-02")]).time.value == "2022-07-02"


def test_a_clock_time_of_another_incident_does_not_date_the_night(model, assembler):
    text = "Shelling hit Belgorod overnight. Drones struck Kursk at 2:30 a.m., the ministry said."
    night = TimeSpan(start=datetime(2022, 7, 3, 18, tzinfo=UTC), end=datetime(2022, 7, 4, 5, 59, tzinfo=UTC),
                     text="overnight", date_prec=1, value="2022-07-03TNI", evidence=span(text, "overnight"))
    at = datetime(2022, 7, 4, 2, 30, tzinfo=UTC)
    clock = TimeSpan(start=at, end=at, text="2:30 a.m.", date_prec=1, value="2022-07-04T02:30",
                     evidence=span(text, "2:30 a.m."))
    doc = build(model, text, events=[event(text, "Shelling", "Shelling/artillery/missile attack"),
                                     event(text, "struck", "Air/drone strike")],
                places=[place(text, "Belgorod", 1), place(text, "Kursk", 2)], times=[night, clock])
    belgorod = next(r for r in assembler.match(doc) if r.place.name == "Belgorod")
    assert belgorod.time.value == "2022-07-03TNI"


def test_times_keep_the_publication_offset_so_the_local_day_survives():
    import warlog

    text = ("On Monday, Russian forces shelled Kharkiv, killing two people. "
            "Later, drones struck a market in Kyiv, killing four people.")
    result = warlog.extract(text, published="2022-10-18T09:00:00+03:00")
    assert [i.place.name for i in result.incidents] == ["Kharkiv", "Kyiv"]
    for incident in result.incidents:  # the second one's time is carried from the first sentence
        assert incident.time.tz == "+03:00"
        assert incident.time.start.isoformat() == "2022-10-16T21:00:00+00:00"
        assert incident.time.local_date().isoformat() == "2022-10-17"


def test_zone_label_names_zones_and_offsets_but_not_utc():
    from datetime import UTC, datetime, timedelta, timezone
    from zoneinfo import ZoneInfo

    from warlog.extract.times import zone_label

    assert zone_label(datetime(2022, 1, 1, tzinfo=ZoneInfo("Europe/Kyiv"))) == "Europe/Kyiv"
    assert zone_label(datetime(2022, 1, 1, tzinfo=timezone(timedelta(hours=-5, minutes=-30)))) == "-05:30"
    assert zone_label(datetime(2022, 1, 1, tzinfo=UTC)) is None


# ------------------------------------------------------------------------------------ follow-up stories


@pytest.fixture
def shooting(model, assembler):
    """The first report of a text about a shooting in Belgorod, with the given time expressions."""

    def run(text: str, times: list[TimeSpan], trigger: str = "shooting"):
        events = [event(text, trigger, "Attack", "Violence against civilians")]
        doc = build(model, text, events=events, places=[place(text, "Belgorod", 1)], times=times)
        return assembler.match(doc)[0]

    return run


def test_a_court_date_does_not_date_the_shooting_it_follows(shooting):
    text = ("A man charged in the shooting in Belgorod appeared in court on Monday. "
            "The victim was wounded on Saturday night.")
    report = shooting(text, [day(text, "Monday", "2022-07-04"), day(text, "Saturday night", "2022-07-02TNI")])
    assert report.time.value == "2022-07-02"


def test_a_time_on_the_shooting_itself_is_kept_under_a_follow_up_verb(shooting):
    text = ("Police arrested a man in the shooting on Saturday night in Belgorod. "
            "He appeared in court on Monday.")
    report = shooting(text, [day(text, "Saturday night", "2022-07-02TNI"), day(text, "Monday", "2022-07-04")])
    assert report.time.value.startswith("2022-07-02")


def test_the_arrest_day_dates_the_shooting_when_no_other_day_is_told(shooting):
    text = "Police arrested a man on Saturday after a shooting in Belgorod."
    assert shooting(text, [day(text, "Saturday", "2022-07-02")]).time.value == "2022-07-02"


def test_an_arrest_report_without_violence_keeps_its_own_day(model, assembler):
    text = "Police arrested two men in Belgorod on Saturday. The men appeared in court on Monday."
    events = [event(text, "arrested", "Arrests", "Strategic developments")]
    times = [day(text, "Saturday", "2022-07-02"), day(text, "Monday", "2022-07-04")]
    doc = build(model, text, events=events, places=[place(text, "Belgorod", 1)], times=times)
    assert assembler.match(doc)[0].time.value == "2022-07-02"


def test_a_headline_about_an_old_shooting_takes_its_day_from_the_lead(model, assembler):
    text = "Teen charged in Belgorod shooting. The shooting happened on May 17 outside a shop."
    may = day(text, "May 17", "2022-05-17")
    events = [event(text, "shooting", "Attack", "Violence against civilians")]
    doc = build(model, text, events=events, places=[place(text, "Belgorod", 1)], times=[may])
    first = next(r for r in assembler.match(doc) if not r.background)
    assert (first.time.value, first.time.fallback) == ("2022-05-17", False)


def test_an_old_year_in_the_lead_does_not_date_a_headline_incident(model, assembler):
    text = "Boy dies in Belgorod shooting. His family moved to the town in 2019 from the south."
    year = TimeSpan(start=datetime(2019, 1, 1, tzinfo=UTC), end=datetime(2019, 12, 31, 23, tzinfo=UTC),
                    text="2019", date_prec=5, value="2019", evidence=span(text, "2019"))
    events = [event(text, "shooting", "Attack", "Violence against civilians")]
    doc = build(model, text, events=events, places=[place(text, "Belgorod", 1)], times=[year])
    assert assembler.match(doc)[0].time.fallback is True


def test_follow_up_verbs_come_from_the_lexicon():
    from warlog.extract.timex import time_lexicon

    verbs = time_lexicon().followup_verbs
    assert {"arraign", "charge", "succumb"} <= verbs
    assert "die" not in verbs  # "three people died on Monday when missiles hit" dates the attack


def test_the_day_people_died_in_a_strike_dates_it(model, assembler):
    text = ("Three people died on Monday when missiles hit Belgorod. "
            "Officials in the region had warned on Sunday of more attacks.")
    events = [event(text, "hit", "Air/drone strike", "Explosions/Remote violence")]
    times = [day(text, "Monday", "2022-07-04"), day(text, "Sunday", "2022-07-03")]
    doc = build(model, text, events=events, places=[place(text, "Belgorod", 1)], times=times)
    assert assembler.match(doc)[0].time.value == "2022-07-04"


# ------------------------------------------------------------------------------------ speech acts


def claim(text: str, cue: str, content: str | None, source: str | None = None, stance: str = "other"):
    from warlog.schema import Claim, Claimant

    return Claim(claimant=Claimant(name=source or "police"), stance=stance, cue=span(text, cue),
                 content=span(text, content) if content else None,
                 source=span(text, source) if source else None)


def test_a_time_on_the_reporting_verb_is_a_speech_time(model):
    from warlog.extract.incident_times import speech_times

    text = "Police said on Tuesday that a man was shot in Belgorod."
    doc = model(text)
    said = claim(text, "said", "that a man was shot in Belgorod", "Police")
    assert speech_times(doc, [day(text, "Tuesday", "2022-07-05")], [said]) == {text.index("Tuesday")}


def test_a_present_tense_cue_is_not_dated_by_a_past_day(model):
    from warlog.extract.incident_times import speech_times

    text = "On Monday evening, officials say they were called to a home in Belgorod after a shooting."
    doc = model(text)
    say = claim(text, "say", "they were called to a home in Belgorod after a shooting", "officials")
    assert speech_times(doc, [day(text, "Monday evening", "2022-07-04TEV")], [say]) == set()


def test_a_cue_that_reports_nothing_dates_no_speech_act(model):
    from warlog.extract.incident_times import speech_times

    text = "Deputies responded on Monday night to a shooting in Belgorod."
    doc = model(text)
    night = day(text, "Monday night", "2022-07-04TNI")
    assert speech_times(doc, [night], [claim(text, "responded", None, "Deputies")]) == set()
    # the same cue with a stance is a speech act
    stated = claim(text, "responded", None, "Deputies", stance="denial")
    assert speech_times(doc, [night], [stated]) == {text.index("Monday night")}


def test_a_time_before_the_speaker_belongs_to_what_was_said():
    from warlog.extract.incident_times import told_in_content

    text = "A girl was shot and taken to a hospital Monday, police said Tuesday."
    said = claim(text, "said", "A girl was shot and taken to a hospital", "police")
    assert told_in_content(day(text, "Monday", "2022-07-04"), said)
    assert not told_in_content(day(text, "Tuesday", "2022-07-05"), said)


# ------------------------------------------------------------------------------------ clock times


def clock(text: str, phrase: str, value: str) -> TimeSpan:
    at = datetime.fromisoformat(value).replace(tzinfo=UTC)
    return TimeSpan(start=at, end=at, text=phrase, date_prec=1, value=value, evidence=span(text, phrase))


def test_a_clock_time_naming_no_day_is_unanchored_on_the_publication_day():
    from warlog.extract.incident_times import unanchored_clock

    text = "Shots rang out about 6:30 p.m. EDT, at midnight, at 9 p.m. Sunday and at 7 p.m."
    assert unanchored_clock(clock(text, "6:30 p.m. EDT", "2022-07-04T18:30"), PUBLISHED)
    assert unanchored_clock(clock(text, "midnight", "2022-07-04T00:00"), PUBLISHED)
    assert not unanchored_clock(clock(text, "9 p.m. Sunday", "2022-07-04T21:00"), PUBLISHED)  # names a day
    assert not unanchored_clock(clock(text, "7 p.m.", "2022-07-03T19:00"), PUBLISHED)  # anchored earlier


def test_a_bare_clock_time_leaves_the_day_to_the_one_told_next(shelling):
    text = "Shelling hit Belgorod at about 9:10 p.m. It began on Saturday night, the governor said."
    times = [clock(text, "9:10 p.m.", "2022-07-04T21:10"), night_of(text, "Saturday night", 2)]
    assert shelling(text, times).time.value.startswith("2022-07-02")


def test_a_bare_clock_time_alone_gives_the_honest_fallback(shelling):
    text = "Shelling hit Belgorod at about 9:10 p.m."
    time = shelling(text, [clock(text, "9:10 p.m.", "2022-07-04T21:10")]).time
    assert (time.value, time.fallback, time.date_prec) == ("2022-07-04", True, 2)


def test_a_day_after_publication_never_dates_an_incident(shelling):
    text = "Shelling hit Belgorod. Funerals will be held on Tuesday."
    assert shelling(text, [day(text, "Tuesday", "2022-07-05")]).time.fallback is True


def test_midnight_does_not_move_a_night_to_the_next_day(shelling):
    text = "Shelling hit Belgorod late Saturday night. Police arrived around midnight."
    night = TimeSpan(start=datetime(2022, 7, 2, 22, tzinfo=UTC), end=datetime(2022, 7, 3, 5, 59, tzinfo=UTC),
                     text="late Saturday night", date_prec=1, value="2022-07-02TNI",
                     evidence=span(text, "late Saturday night"))
    time = shelling(text, [night, clock(text, "midnight", "2022-07-03T00:00")]).time
    assert time.value == "2022-07-02TNI"


# ------------------------------------------------------------------------------------ narrowing


def night_of(text: str, phrase: str, day_: int) -> TimeSpan:
    start, end = datetime(2022, 7, day_, 18, tzinfo=UTC), datetime(2022, 7, day_ + 1, 5, 59, tzinfo=UTC)
    return TimeSpan(start=start, end=end, text=phrase, date_prec=1, value=f"2022-07-{day_:02d}TNI",
                    evidence=span(text, phrase))


def test_an_unnamed_night_takes_the_day_the_story_names_for_it(shelling):
    text = "Shelling hit Belgorod overnight. It began early Monday, the governor said."
    time = shelling(text, [night_of(text, "overnight", 3), day(text, "early Monday", "2022-07-04")]).time
    assert (time.value, time.date_prec) == ("2022-07-04", 1)
    assert time.start == datetime(2022, 7, 4, tzinfo=UTC)  # the part of the night on that day


def test_a_named_night_keeps_its_day_against_a_later_day(shelling):
    text = "Shelling hit Belgorod on Sunday night. It went on into Monday, the governor said."
    time = shelling(text, [night_of(text, "Sunday night", 3), day(text, "Monday", "2022-07-04")]).time
    assert time.value == "2022-07-03TNI"


def test_a_weekend_takes_the_day_told_within_it(shelling):
    text = "Shelling hit Belgorod over the weekend. The first shells fell on Sunday evening."
    start, end = datetime(2022, 7, 2, tzinfo=UTC), datetime(2022, 7, 3, 23, 59, tzinfo=UTC)
    weekend = TimeSpan(start=start, end=end, text="the weekend", date_prec=2, value="2022-W26-WE",
                       evidence=span(text, "the weekend"))
    time = shelling(text, [weekend, day(text, "Sunday evening", "2022-07-03TEV")]).time
    assert (time.value, time.date_prec) == ("2022-07-03", 1)


def test_the_day_of_the_violence_beats_the_day_of_the_death(shooting):
    text = "A boy died on Tuesday after he was shot in Belgorod on Monday."
    times = [day(text, "Tuesday", "2022-07-05"), day(text, "Monday", "2022-07-04")]
    assert shooting(text, times, trigger="shot").time.value == "2022-07-04"


def test_turning_oneself_in_is_a_follow_up(shooting):
    text = "A man turned himself in on Monday after a shooting in Belgorod. The victim was shot on Saturday."
    times = [day(text, "Monday", "2022-07-04"), day(text, "Saturday", "2022-07-02")]
    assert shooting(text, times).time.value == "2022-07-02"


def test_the_arrest_day_still_dates_the_shooting_beside_a_mere_year(shooting):
    text = "Police arrested a man on Saturday after a shooting in Belgorod. He had moved there in 2019."
    year = TimeSpan(start=datetime(2019, 1, 1, tzinfo=UTC), end=datetime(2019, 12, 31, 23, tzinfo=UTC),
                    text="2019", date_prec=5, value="2019", evidence=span(text, "2019"))
    assert shooting(text, [day(text, "Saturday", "2022-07-02"), year]).time.value == "2022-07-02"


def test_a_death_after_the_shooting_is_a_follow_up(shooting):
    text = "A boy died on Tuesday after he was shot in Belgorod. Police said the shooting was on Sunday."
    times = [day(text, "Tuesday", "2022-07-05"), day(text, "Sunday", "2022-07-03")]
    assert shooting(text, times).time.value == "2022-07-03"


def test_a_death_when_the_missiles_hit_dates_the_attack(model, assembler):
    text = "Three people died on Sunday when missiles hit Belgorod. On Monday, talks resumed in Minsk."
    events = [event(text, "missiles hit", "Shelling/artillery/missile attack")]
    times = [day(text, "Sunday", "2022-07-03"), day(text, "Monday", "2022-07-04")]
    doc = build(model, text, events=events, places=[place(text, "Belgorod", 1)], times=times)
    assert assembler.match(doc)[0].time.value == "2022-07-03"


def test_a_death_on_a_day_after_the_violence_is_a_follow_up(shooting):
    text = "A girl shot in Belgorod died on Sunday. Her father shot her on Saturday night during an argument."
    times = [day(text, "Sunday", "2022-07-03"), day(text, "Saturday night", "2022-07-02TNI")]
    assert shooting(text, times, trigger="shot").time.value == "2022-07-02"


def test_a_death_on_the_day_of_the_violence_still_dates_it(shooting):
    text = "A girl shot in Belgorod died on Saturday. Her father shot her on Saturday during an argument."
    times = [day(text, "Saturday", "2022-07-02")]
    assert shooting(text, times, trigger="shot").time.value == "2022-07-02"


def test_a_state_told_with_still_does_not_date_the_shooting(shooting):
    text = ("A girl hurt in the shooting in Belgorod was still in grave condition on Saturday. "
            "The shooting was reported at 7 p.m. on Friday.")
    times = [day(text, "Saturday", "2022-07-02"), day(text, "7 p.m. on Friday", "2022-07-01T19:00")]
    assert shooting(text, times).time.value == "2022-07-01"


def test_taken_into_custody_does_not_date_the_shooting(shooting):
    text = ("A man was taken into custody on Monday after the shooting in Belgorod. "
            "The shooting happened on Saturday outside a store.")
    times = [day(text, "Monday", "2022-07-04"), day(text, "Saturday", "2022-07-02")]
    assert shooting(text, times).time.value == "2022-07-02"


def test_custody_is_the_closest_bound_when_no_other_day_is_told(shooting):
    text = "A man was taken into custody on Sunday after a shooting in Belgorod."
    assert shooting(text, [day(text, "Sunday", "2022-07-03")]).time.value == "2022-07-03"


def test_the_followups_lexicon_names_states_and_steps_after_violence():
    from warlog.extract.followup_words import _followup_nouns, _harm_verbs, _state_words

    assert "still" in _state_words() and {"custody", "court"} <= _followup_nouns()
    assert all(w == w.lower() and " " not in w for w in _state_words() | _followup_nouns())
    assert not _followup_nouns() & _harm_verbs()


def test_the_followups_lexicon_names_verbs_of_dying_and_words_of_sequence():
    from warlog.extract.followup_words import _followups

    deaths, after = _followups()
    assert "die" in deaths and "after" in after
    assert all(w == w.lower() and " " not in w for w in deaths | after)


def test_the_followups_lexicon_names_verbs_of_occurring_not_of_harm():
    from warlog.extract.followup_words import _harm_verbs, _occurrence_verbs

    occurring = _occurrence_verbs()
    assert {"occur", "happen"} <= occurring and not occurring & _harm_verbs()
    assert "kill" in _harm_verbs() and "lose" not in _harm_verbs() and "capture" not in _harm_verbs()


# ------------------------------------------------------------------------------------ the violence's own day


def _violent(model, text: str, phrase: str, trigger: str, occ: int = 0) -> bool:
    from warlog.extract.incident_times import violence_times

    doc = model(text)
    events = [event(text, trigger, "Attack", "Violence against civilians", occ)]
    return violence_times(doc, [day(text, phrase, "2022-07-01")], events) == {text.index(phrase)}


def test_a_time_on_a_verb_of_occurring_dates_the_violence_it_tells(model):
    assert _violent(model, "The shooting occurred on Monday near a school in Belgorod.", "Monday", "shooting")
    assert _violent(model, "The shooting was reported at 7:15 p.m. Friday at a home in Belgorod.", "Friday",
                    "shooting")


def test_a_time_in_a_clause_on_the_violence_dates_it(model):
    text = "Police are investigating the shooting, which happened Friday in Belgorod."
    assert _violent(model, text, "Friday", "shooting")


def test_a_participle_in_the_noun_phrase_leads_on_to_the_violence(model):
    text = "Police spoke on Tuesday on Saturday's officer-involved shooting in Belgorod."
    assert _violent(model, text, "Saturday", "shooting")
    text = "A boy died on Sunday of a gunshot wound suffered on Friday in Belgorod."
    assert _violent(model, text, "Friday", "gunshot wound")


def test_a_verb_of_occurring_with_another_subject_dates_nothing_violent(model):
    text = "The meeting happened on Monday, weeks after the shooting in Belgorod."
    assert not _violent(model, text, "Monday", "shooting")


def test_a_headline_takes_the_day_of_the_violence_before_another_day_told_first(model, assembler):
    text = ("Teen charged in Belgorod shooting. The mayor toured the school on Monday. "
            "The shooting happened on May 17 near the school.")
    events = [event(text, "shooting", "Attack", "Violence against civilians", occ) for occ in (0, 1)]
    times = [day(text, "Monday", "2022-07-04"), day(text, "May 17", "2022-05-17")]
    doc = build(model, text, events=events, places=[place(text, "Belgorod", 1)], times=times)
    first = next(r for r in assembler.match(doc) if not r.background)
    assert first.time.value == "2022-05-17"


def test_an_arrest_headline_is_not_dated_by_the_violence_it_follows(model, assembler):
    text = ("Man arrested in Belgorod. The mayor toured the school on Monday. "
            "The shooting happened on May 17 near the school.")
    events = [event(text, "arrested", "Arrests", "Strategic developments"),
              event(text, "shooting", "Attack", "Violence against civilians")]
    times = [day(text, "Monday", "2022-07-04"), day(text, "May 17", "2022-05-17")]
    doc = build(model, text, events=events, places=[place(text, "Belgorod", 1)], times=times)
    arrest = next(r for r in assembler.match(doc) if r.sub_event_type == "Arrests")
    assert arrest.time.value == "2022-07-04"


def test_a_time_on_a_verb_of_harm_dates_the_violence_without_an_event_cue(model):
    from warlog.extract.incident_times import violence_times

    text = "Seven people were wounded at a private party on Saturday."
    assert violence_times(model(text), [day(text, "Saturday", "2022-07-02")], []) == {text.index("Saturday")}


def test_a_tally_verb_is_no_harm_that_dates_violence(model):
    from warlog.extract.incident_times import violence_times

    text = "The army lost three tanks on Saturday, officials said."
    assert violence_times(model(text), [day(text, "Saturday", "2022-07-02")], []) == set()
