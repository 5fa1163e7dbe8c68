"""Title-case headlines re-read in sentence case (warlog.extract.casualty_headlines). Texts are written
for the test."""

from __future__ import annotations

from warlog.extract.casualty_headlines import recased, title_case


def first_sentence(model, text: str):
    return next(iter(model(text).sents))


def test_a_capitalised_headline_is_title_case(model):
    assert title_case(first_sentence(model, "Two Men Shot Outside Bar In Elm Township."))


def test_a_body_sentence_is_not_title_case(model):
    assert not title_case(first_sentence(model, "Two men were shot outside a bar on Friday night."))


def test_an_all_capitals_line_is_not_title_case(model):
    assert not title_case(first_sentence(model, "TWO MEN SHOT OUTSIDE BAR IN ELM TOWNSHIP."))


def test_the_recased_line_keeps_every_offset(model):
    sent = first_sentence(model, "Teen Shot Near School.")
    doc = recased(model, sent)
    assert doc.text == "Teen shot near school."
    assert len(doc.text) == len(sent.text)


def test_a_title_case_headline_count_is_read(toll):
    found = toll("Two Men Shot Outside Bar.")
    assert [(m.kind, m.count.best) for m in found] == [("casualties", 2)]


def test_a_title_case_headline_figure_cites_the_original_text(toll):
    text = "Woman Killed, Man Injured In Shooting."
    found = toll(text)
    assert [(m.kind, m.count.best) for m in found] == [("killed", 1), ("injured", 1)]
    for m in found:
        assert text[m.evidence.start : m.evidence.end] == m.evidence.text
    assert found[0].evidence.text.startswith("Woman")


def test_a_headline_attribution_after_a_colon_is_not_a_victim(toll):
    found = toll("Four People Shot in Miami Gardens: Police.")
    assert [(m.kind, m.count.best) for m in found] == [("casualties", 4)]


def test_the_reading_that_counts_more_people_wins_a_tie(toll):
    found = toll("Family of Five Found Dead In Their Home.")
    assert max(m.count.best or 0 for m in found if m.kind == "killed") == 5
