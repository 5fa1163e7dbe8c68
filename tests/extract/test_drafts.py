"""Draft helpers: the headline and lead of one story joined into one report (``merge_lead``), and reports
telling the same victims joined (``join_same_victims``)."""

from __future__ import annotations

from datetime import UTC, datetime

from warlog.extract.drafts import Draft, Segment, join_follow_up, join_same_victims, merge_lead
from warlog.schema import EventMention, Place, Span, TimeSpan

TOWN = Place(name="Millbrook", geonameid=101, where_prec=1)
OTHER_TOWN = Place(name="Riverton", geonameid=202, where_prec=1)


def segment(start: int, place: Place | None, day: int | None = None, background: bool = False) -> Segment:
    trigger = Span(start=start, end=start + 4, text="shot")
    mention = EventMention(
        event_type="Violence against civilians", sub_event_type="Attack", trigger=trigger, sentence=trigger
    )
    time = None
    if day is not None:
        time = TimeSpan(
            start=datetime(2016, 5, day, tzinfo=UTC), end=datetime(2016, 5, day, 23, 59, tzinfo=UTC)
        )
    return Segment(
        start, start + 40, (start, start + 40), mention, place=place, time=time, background=background
    )


def draft(*segments: Segment) -> Draft:
    return Draft(segments=list(segments))


def test_headline_and_lead_at_one_place_become_one_report():
    drafts = merge_lead([draft(segment(0, TOWN)), draft(segment(50, TOWN, day=3))])
    assert [len(d.segments) for d in drafts] == [2]


def test_lead_at_another_place_stays_a_report_of_its_own():
    drafts = merge_lead([draft(segment(0, TOWN)), draft(segment(50, OTHER_TOWN, day=3))])
    assert len(drafts) == 2


def test_same_place_on_another_day_stays_apart():
    drafts = merge_lead([draft(segment(0, TOWN, day=3)), draft(segment(50, TOWN, day=20))])
    assert len(drafts) == 2


def test_headline_without_time_is_dated_by_what_it_carries_not_by_the_lead():
    carried = TimeSpan(start=datetime(2016, 5, 3, tzinfo=UTC), end=datetime(2016, 5, 3, 23, 59, tzinfo=UTC))
    drafts = merge_lead([draft(segment(0, TOWN)), draft(segment(50, TOWN, day=20))], lambda d: carried)
    assert len(drafts) == 2


def test_carried_time_dates_the_joined_report():
    carried = TimeSpan(start=datetime(2016, 5, 3, tzinfo=UTC), end=datetime(2016, 5, 3, 23, 59, tzinfo=UTC))
    drafts = merge_lead([draft(segment(0, TOWN)), draft(segment(50, TOWN, day=3))], lambda d: carried)
    assert drafts[0].segments[0].time == carried


def test_only_the_first_two_current_reports_are_joined():
    drafts = merge_lead([draft(segment(0, TOWN)), draft(segment(50, TOWN)), draft(segment(100, TOWN))])
    assert [len(d.segments) for d in drafts] == [2, 1]


def test_background_report_between_is_skipped_and_kept():
    drafts = merge_lead(
        [draft(segment(0, TOWN)), draft(segment(50, TOWN, background=True)), draft(segment(100, TOWN))]
    )
    assert [len(d.segments) for d in drafts] == [2, 1] and drafts[1].background


def _figures(table: dict[int, tuple[int | None, ...]]):
    """(killed, injured[, shot with no outcome]) per draft, keyed by its first segment's start."""
    return lambda d: table[d.segments[0].start]


def _dated(d: Draft) -> TimeSpan | None:
    return d.time


def test_reports_telling_the_same_dead_join_across_places():
    drafts = [draft(segment(0, TOWN, day=3)), draft(segment(50, OTHER_TOWN, day=3))]
    joined = join_same_victims(drafts, _figures({0: (1, None), 50: (1, 1)}), _dated)
    assert [len(d.segments) for d in joined] == [2]


def test_same_toll_in_two_provinces_stays_apart():
    # a strike on Kherson and shelling in Zaporizhzhia Oblast, each killing one, are two incidents
    kherson = Place(name="Kherson", geonameid=706448, where_prec=1, country="UA", admin1="Kherson Oblast")
    orikhiv = Place(name="Orikhiv", geonameid=698131, where_prec=1, country="UA",
                    admin1="Zaporizhzhia Oblast")
    drafts = [draft(segment(0, kherson, day=3)), draft(segment(50, orikhiv, day=3))]
    joined = join_same_victims(drafts, _figures({0: (1, None), 50: (1, None)}), _dated)
    assert len(joined) == 2


def test_same_toll_joins_where_a_place_is_an_ambiguous_reading():
    doubtful = OTHER_TOWN.model_copy(
        update={"country": "US", "admin1": "Texas", "reason": "ambiguous: 3 places"}
    )
    town = TOWN.model_copy(update={"country": "US", "admin1": "Ohio"})
    drafts = [draft(segment(0, town, day=3)), draft(segment(50, doubtful, day=3))]
    joined = join_same_victims(drafts, _figures({0: (1, None), 50: (1, 1)}), _dated)
    assert len(joined) == 1


def test_reports_with_different_tolls_stay_apart():
    drafts = [draft(segment(0, TOWN, day=3)), draft(segment(50, TOWN, day=3))]
    joined = join_same_victims(drafts, _figures({0: (1, 3), 50: (1, 4)}), _dated)
    assert len(joined) == 2


def test_same_toll_on_another_day_stays_apart():
    drafts = [draft(segment(0, TOWN, day=3)), draft(segment(50, TOWN, day=10))]
    joined = join_same_victims(drafts, _figures({0: (1, None), 50: (1, 2)}), _dated)
    assert len(joined) == 2


def test_reports_that_share_no_figure_stay_apart():
    drafts = [draft(segment(0, TOWN, day=3)), draft(segment(50, TOWN, day=3))]
    joined = join_same_victims(drafts, _figures({0: (1, None), 50: (None, 2)}), _dated)
    assert len(joined) == 2


def test_a_shared_zero_is_no_shared_victim():
    drafts = [draft(segment(0, TOWN, day=3)), draft(segment(50, TOWN, day=3))]
    joined = join_same_victims(drafts, _figures({0: (0, None), 50: (0, 2)}), _dated)
    assert len(joined) == 2


def test_background_report_is_never_joined_to_the_story():
    drafts = [draft(segment(0, TOWN, day=3)), draft(segment(50, TOWN, day=3, background=True))]
    joined = join_same_victims(drafts, _figures({0: (1, None), 50: (1, 1)}), _dated)
    assert len(joined) == 2 and joined[1].background


def _timed(start: int, day: int, on_violence: bool) -> Segment:
    seg = segment(start, TOWN, day=day)
    seg.on_violence = on_violence
    return seg


def test_a_report_is_dated_by_the_violence_before_the_death_told_first():
    died, shot = _timed(0, 7, on_violence=False), _timed(50, 6, on_violence=True)
    assert draft(died, shot).time is shot.time


def test_on_the_same_day_the_first_time_told_stays():
    first, attack = _timed(0, 6, on_violence=False), _timed(50, 6, on_violence=True)
    assert draft(first, attack).time is first.time


def test_a_later_day_of_violence_does_not_date_the_report():
    first, later = _timed(0, 6, on_violence=False), _timed(50, 8, on_violence=True)
    assert draft(first, later).time is first.time


# ------------------------------------------------------------------------ shot, then told dead


def test_people_shot_then_as_many_dead_are_the_same_victims():
    # "Teen shot in Millbrook." then "... he was pronounced dead at the scene."
    drafts = [draft(segment(0, TOWN, day=3)), draft(segment(50, OTHER_TOWN, day=3))]
    joined = join_same_victims(drafts, _figures({0: (None, 1, 1), 50: (1, None, None)}), _dated)
    assert [len(d.segments) for d in joined] == [2]


def test_a_told_wound_is_not_read_as_the_same_victim_as_a_death():
    # "Teen wounded in Millbrook." tells an outcome: a later death is someone else's
    drafts = [draft(segment(0, TOWN, day=3)), draft(segment(50, OTHER_TOWN, day=3))]
    joined = join_same_victims(drafts, _figures({0: (None, 1, None), 50: (1, None, None)}), _dated)
    assert len(joined) == 2


def test_people_shot_are_not_fewer_dead():
    drafts = [draft(segment(0, TOWN, day=3)), draft(segment(50, OTHER_TOWN, day=3))]
    joined = join_same_victims(drafts, _figures({0: (None, 2, 2), 50: (1, None, None)}), _dated)
    assert len(joined) == 2


def test_dead_and_wounded_are_not_read_as_people_shot_with_no_outcome():
    drafts = [draft(segment(0, TOWN, day=3)), draft(segment(50, OTHER_TOWN, day=3))]
    joined = join_same_victims(drafts, _figures({0: (None, 1, 1), 50: (1, 2, None)}), _dated)
    assert len(joined) == 2


# ------------------------------------------------------------------------ a follow-up story


def test_follow_up_takes_in_the_incident_it_recalls():
    # "Millbrook man held for trial in fatal shooting." / "In August he shot a rider dead and wounded five."
    follow_up = draft(segment(0, TOWN, day=20))
    recalled = draft(segment(50, TOWN, day=2, background=True))
    joined = join_follow_up([follow_up, recalled], _figures({0: (1, None), 50: (1, 5)}))
    assert len(joined) == 1 and not joined[0].background
    assert [s.start for s in joined[0].segments] == [0, 50]


def test_follow_up_keeps_its_own_time():
    recalled = draft(segment(0, TOWN, day=2, background=True))
    follow_up = draft(segment(50, TOWN, day=20))
    joined = join_follow_up([recalled, follow_up], _figures({0: (1, 5), 50: (1, None)}))
    assert len(joined) == 1 and not joined[0].background
    assert joined[0].time is not None and joined[0].time.start.day == 20


def test_an_earlier_incident_with_other_victims_stays_background():
    # "A man was killed in Millbrook on Sunday. In March, two people died there."
    drafts = [draft(segment(0, TOWN, day=20)), draft(segment(50, TOWN, day=2, background=True))]
    joined = join_follow_up(drafts, _figures({0: (1, None), 50: (2, None)}))
    assert len(joined) == 2 and joined[1].background


def test_an_earlier_incident_in_another_province_stays_background():
    kherson = Place(name="Kherson", geonameid=706448, where_prec=1, country="UA", admin1="Kherson Oblast")
    orikhiv = Place(name="Orikhiv", geonameid=698131, where_prec=1, country="UA",
                    admin1="Zaporizhzhia Oblast")
    drafts = [draft(segment(0, kherson, day=20)), draft(segment(50, orikhiv, day=2, background=True))]
    joined = join_follow_up(drafts, _figures({0: (1, None), 50: (1, None)}))
    assert len(joined) == 2 and joined[1].background


def test_an_earlier_incident_with_the_same_bare_toll_stays_background():
    # "A strike killed one in Millbrook on Monday. In May, a strike killed one there too."
    drafts = [draft(segment(0, TOWN, day=20)), draft(segment(50, TOWN, day=2, background=True))]
    joined = join_follow_up(drafts, _figures({0: (1, None), 50: (1, None)}))
    assert len(joined) == 2 and joined[1].background
