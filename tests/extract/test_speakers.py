"""Speaker resolution: a speaker phrase → Claimant entity, type and side; coreference to earlier mentions."""

from __future__ import annotations

import pytest

from warlog.errors import LexiconError
from warlog.extract import speakers
from warlog.extract.speakers import SpeakerResolver, load_claimant_lexicon


@pytest.fixture(scope="module")
def lexicon():
    return load_claimant_lexicon()


def _span(doc, phrase: str, nth: int = 0):
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(phrase, start + 1)
    return doc.char_span(start, start + len(phrase))


def test_ministry_spokesman_resolves_to_national_ministry(model, lexicon):
    doc = model("A spokesman for Russia's Ministry of Defence said the missiles were shot down.")
    phrase = _span(doc, "A spokesman for Russia's Ministry of Defence")
    claimant = SpeakerResolver(doc, lexicon).resolve(phrase)
    assert claimant.entity == "Russian Ministry of Defence"
    assert claimant.type == "military"
    assert claimant.side == "RU"
    assert claimant.name == "A spokesman for Russia's Ministry of Defence"


def test_general_staff_is_military_of_its_country(model, lexicon):
    doc = model("The Ukrainian General Staff said its forces struck a depot.")
    claimant = SpeakerResolver(doc, lexicon).resolve(_span(doc, "The Ukrainian General Staff"))
    assert (claimant.entity, claimant.type, claimant.side) == ("Ukrainian General Staff", "military", "UA")


def test_capital_alone_stands_for_its_government(model, lexicon):
    doc = model("Kyiv said the report was false.")
    claimant = SpeakerResolver(doc, lexicon).resolve(_span(doc, "Kyiv"))
    assert (claimant.entity, claimant.type, claimant.side) == ("Ukrainian Government", "government", "UA")


def test_the_governor_refers_back_to_the_named_governor(model, lexicon):
    text = (
        "Regional governor Oleksandr Marchenko reported damage to homes. "
        "Later the governor said two people had died."
    )
    doc = model(text)
    claimant = SpeakerResolver(doc, lexicon).resolve(_span(doc, "the governor"))
    assert claimant.entity == "Oleksandr Marchenko"
    assert claimant.type == "official"
    assert claimant.name == "the governor"


def test_pronoun_refers_back_to_last_person_quoted(model, lexicon):
    doc = model("Mayor Ivan Sokolenko said the school was hit. He said nobody was inside.")
    resolver = SpeakerResolver(doc, lexicon)
    resolver.resolve(_span(doc, "Mayor Ivan Sokolenko"))
    claimant = resolver.resolve(_span(doc, "He"))
    assert claimant.entity == "Ivan Sokolenko"


def test_the_ministry_refers_back_to_a_ministry_of_the_same_side(model, lexicon):
    doc = model("Russia's defence ministry said drones were downed. The ministry said debris hit a house.")
    resolver = SpeakerResolver(doc, lexicon)
    resolver.resolve(_span(doc, "Russia's defence ministry"))
    claimant = resolver.resolve(_span(doc, "The ministry"))
    assert (claimant.entity, claimant.side) == ("Russian Ministry of Defence", "RU")


def test_unknown_phrase_keeps_its_name_without_entity(model, lexicon):
    doc = model("Somebody said it was loud.")
    claimant = SpeakerResolver(doc, lexicon).resolve(_span(doc, "Somebody"))
    assert claimant.name == "Somebody"
    assert claimant.entity is None
    assert claimant.type == "unknown"


def test_witness_words_give_witness_type(model, lexicon):
    doc = model("A local resident said the blast shattered windows.")
    claimant = SpeakerResolver(doc, lexicon).resolve(_span(doc, "A local resident"))
    assert claimant.type == "witness"


def test_missing_speaker_gives_empty_claimant(model, lexicon):
    doc = model("It was reported that a bridge was hit.")
    assert SpeakerResolver(doc, lexicon).resolve(None).name == ""


def test_every_side_in_lexicon_is_an_iso2_code(lexicon):
    assert lexicon.side_names
    assert all(len(code) == 2 and code.isupper() for code in lexicon.side_names)
    assert lexicon.sides[("kremlin",)] == "RU"


def test_lexicon_with_unknown_type_is_rejected(monkeypatch):
    monkeypatch.setattr(speakers, "load_yaml", lambda name: {"types": {"clergy": ["priest"]}, "sides": {}})
    with pytest.raises(LexiconError, match="clergy"):
        speakers.load_claimant_lexicon.__wrapped__("bad.yaml")


def test_lexicon_with_bad_side_code_is_rejected(monkeypatch):
    bad = {"types": {}, "sides": {"Russia": {"name": "Russian", "words": ["russia"]}}}
    monkeypatch.setattr(speakers, "load_yaml", lambda name: bad)
    with pytest.raises(LexiconError, match="ISO"):
        speakers.load_claimant_lexicon.__wrapped__("bad.yaml")
