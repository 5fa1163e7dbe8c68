"""Airwars grading derived from claims: each rule, and its reasons in words."""

from __future__ import annotations

from warlog.extract.grading import grade
from warlog.schema import Caveat, Claim, Claimant, Span


def claim(stance: str, who: str, modality: str = "asserted", perpetrator: str | None = None) -> Claim:
    return Claim(claimant=Claimant(name=who), stance=stance, modality=modality, perpetrator=perpetrator)


def test_single_source_accusation_is_weak():
    grading, reasons = grade([claim("accusation", "Russian MoD", perpetrator="Ukraine")])
    assert grading == "Weak"
    assert "accused by Russian MoD" in reasons


def test_accusation_met_by_denial_is_contested():
    grading, reasons = grade([claim("accusation", "Kyiv", perpetrator="Russia"), claim("denial", "Kremlin")])
    assert grading == "Contested"
    assert reasons[0] == "Kremlin denies"


def test_claim_of_responsibility_is_confirmed():
    grading, _ = grade([claim("responsibility", "Ukrainian military")])
    assert grading == "Confirmed"


def test_negated_responsibility_does_not_confirm():
    grading, _ = grade([claim("responsibility", "Ukrainian military", modality="negated")])
    assert grading == "Weak"


def test_two_independent_sources_are_fair():
    grading, reasons = grade([claim("casualty_report", "governor")], sources=2)
    assert grading == "Fair"
    assert "2 independent sources" in reasons


def test_blaming_different_perpetrators_is_contested():
    grading, _ = grade([claim("accusation", "A", perpetrator="X"), claim("accusation", "B", perpetrator="Y")])
    assert grading == "Contested"


def test_caveat_is_named_and_never_confirms():
    caveat = Caveat(kind="unverified", evidence=Span(start=0, end=5, text="could"))
    grading, reasons = grade([claim("no_comment", "Kyiv")], caveats=[caveat])
    assert grading == "Weak"
    assert "Kyiv has not commented" in reasons
    assert any("independently verified" in r for r in reasons)
