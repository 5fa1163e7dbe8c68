"""Which incident report each claim and caveat is about, and the figures a claim states itself.

Apart from ``incidents`` because it is its own question: a story mixes claims about several strikes,
replies to accusations and reporter caveats, and each must land on the report it is about (its content
overlaps the report most; a reply goes where the accusation is; a free caveat where its words are) so
that grading and the claims table speak of the right incident.
"""

from __future__ import annotations

from spacy.tokens import Doc

from warlog.extract.casualties import casualty_totals
from warlog.extract.drafts import Draft, Sentences, inside_any
from warlog.schema import CasualtyMention, Caveat, Claim, Stance


def primary(drafts: list[Draft], before: int | None = None) -> Draft:
    """The report a loose claim is about: the last current report before it, else the first current one."""
    current = [d for d in drafts if not d.background] or drafts
    if before is not None:
        earlier = [d for d in current if d.segments[0].start < before]
        if earlier:
            return earlier[-1]
    return current[0]


def link_claims(drafts: list[Draft], claims: list[Claim], sentences: Sentences) -> None:
    """Each claim goes to the report its content overlaps most; replies (no comment, denial) go to the
    report that holds the accusation they answer."""
    for claim in claims:
        anchor = claim.content or claim.cue or claim.source
        if anchor is None:
            continue
        best, overlap = None, 0
        for lo, hi in ((anchor.start, anchor.end), sentences.of(anchor.start)):
            for draft in drafts:
                cover = draft.covers(lo, hi)
                if cover > overlap:
                    best, overlap = draft, cover
            if best is not None:
                break
        if best is None and claim.stance == Stance.OTHER.value:
            continue  # a remark that touches no incident stays out of the incidents
        if best is None and claim.stance in (Stance.NO_COMMENT.value, Stance.DENIAL.value):
            accused = [d for d in drafts if any(c.stance == Stance.ACCUSATION.value for c in d.claims)]
            best = accused[0] if accused else primary(drafts)
        if best is None:
            best = primary(drafts, before=anchor.start)
        best.claims.append(claim)


def link_caveats(
    drafts: list[Draft], caveats: list[Caveat], claims: list[Claim], sentences: Sentences, doc: Doc
) -> None:
    """A caveat attached to a claim follows the claim; a free-standing one goes to the report whose
    words it shares most ("videos showed destroyed houses" → the report about houses hit)."""
    attached = {(cv.evidence.start, cv.evidence.end) for c in claims for cv in c.caveats}
    for draft in drafts:
        for claim in draft.claims:
            draft.caveats.extend(claim.caveats)
    free = [cv for cv in caveats if (cv.evidence.start, cv.evidence.end) not in attached]
    if not free:
        return
    vocab = [content_lemmas(doc, [(s.start, s.end) for s in d.segments]) for d in drafts]
    for caveat in free:
        words = content_lemmas(doc, [sentences.of(caveat.evidence.start)])
        scores = [len(words & v) for v in vocab]
        best = max(range(len(drafts)), key=lambda i: (scores[i], -i)) if max(scores) > 0 else None
        target = drafts[best] if best is not None else primary(drafts, before=caveat.evidence.start)
        target.caveats.append(caveat)
        for claim in target.claims:
            if claim.stance != Stance.NO_COMMENT.value and caveat not in claim.caveats:
                claim.caveats.append(caveat)


def content_lemmas(doc: Doc, spans: list[tuple[int, int]]) -> set[str]:
    words: set[str] = set()
    for lo, hi in spans:
        region = doc.char_span(lo, hi, alignment_mode="expand")
        if region is None:
            continue
        words.update(t.lemma_.lower() for t in region if t.pos_ in ("NOUN", "PROPN") and not t.is_stop)
    return words


def claim_counts(claim: Claim, mentions: list[CasualtyMention]) -> None:
    """Figures inside a claim's content stay attributed to that claim."""
    if claim.content is None:
        return
    region = [(claim.content.start, claim.content.end)]
    killed, injured = casualty_totals([m for m in mentions if inside_any(m.evidence, region)])
    if claim.killed is None and not killed.is_empty():
        claim.killed = killed
    if claim.injured is None and not injured.is_empty():
        claim.injured = injured
