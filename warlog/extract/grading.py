"""Verification grading on the Airwars scale, derived from claims and sources, explained in words.

Why derived and not scored: a reviewer must be able to read *why* an incident is Weak or Contested and
override it. The rules (Airwars, see DESIGN.md):

- Confirmed: a party accepts responsibility (and nobody denies it).
- Contested: competing claims: an accusation met by a denial, or a denial of responsibility, or claims
  blaming different perpetrators.
- Fair: two or more independent credible sources report it.
- Weak: a single source.
- Discounted: set only by a reviewer, never derived.

A reporter caveat ("could not be independently verified") never upgrades anything; it is named in the
reasons so the reader sees that the evidence is unverified.
"""

from __future__ import annotations

from collections.abc import Sequence

from warlog.schema import Caveat, Claim, Grading, Modality, Stance


def grade(
    claims: Sequence[Claim],
    *,
    sources: int = 1,
    caveats: Sequence[Caveat] = (),
) -> tuple[str, list[str]]:
    """The grading and its reasons for an incident told by ``sources`` independent sources."""
    asserted = [c for c in claims if c.modality != Modality.HYPOTHETICAL.value]
    by_stance: dict[str, list[Claim]] = {}
    for claim in asserted:
        by_stance.setdefault(claim.stance, []).append(claim)

    reasons: list[str] = []
    accusations = by_stance.get(Stance.ACCUSATION.value, [])
    denials = by_stance.get(Stance.DENIAL.value, [])
    responsibility = [
        c for c in by_stance.get(Stance.RESPONSIBILITY.value, []) if c.modality != Modality.NEGATED.value
    ]
    no_comment = by_stance.get(Stance.NO_COMMENT.value, [])
    perpetrators = {_norm(c.perpetrator) for c in accusations if c.perpetrator}

    if denials:
        reasons.append(f"{_parties(denials)} {_verb(denials, 'denies', 'deny')}")
    if len(perpetrators) > 1:
        reasons.append("claims blame different perpetrators: " + ", ".join(sorted(perpetrators)))
    if responsibility and not denials:
        claim_verb = _verb(responsibility, "claims", "claim")
        reasons.append(f"{_parties(responsibility)} {claim_verb} responsibility")
    if accusations:
        reasons.append(f"accused by {_parties(accusations)}")
    if no_comment:
        reasons.append(f"{_parties(no_comment)} {_verb(no_comment, 'has', 'have')} not commented")
    if any(c.caveats for c in claims) or caveats:
        reasons.append("reporter caveat: evidence could not be independently verified")
    reasons.append(f"{sources} independent source" + ("" if sources == 1 else "s"))

    if denials or len(perpetrators) > 1:
        grading = Grading.CONTESTED
    elif responsibility:
        grading = Grading.CONFIRMED
    elif sources >= 2:
        grading = Grading.FAIR
    else:
        grading = Grading.WEAK
    return grading.value, reasons


def _norm(name: str) -> str:
    return " ".join(name.lower().split())


def _parties(claims: Sequence[Claim]) -> str:
    names: list[str] = []
    for claim in claims:
        name = claim.claimant.entity or claim.claimant.name
        if name not in names:
            names.append(name)
    return " and ".join(names)


def _verb(claims: Sequence[Claim], singular: str, plural: str) -> str:
    distinct = {c.claimant.entity or c.claimant.name for c in claims}
    return singular if len(distinct) == 1 else plural
