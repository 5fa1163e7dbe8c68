"""Attributions: who (source) says (cue) what (content), with stance, modality and reporter caveats.

Why dependency rules rather than a trained tagger: every attribution construction in war reporting has a
stable syntactic shape ("X said (that) C", "C, X said", "according to X, C", "X accused Y of C",
"X has not commented") that the model's parser already exposes, and rules keep every span explainable
to a reviewer. Direct quotes are found from quote-mark pairing (``warlog.extract.quotes``) because the
parser often attaches quote marks to the reporting verb, not to the quoted clause. Knowledge (reporting
verbs, stance cues) is data: ``reporting_verbs.yaml`` and ``stances.yaml``.

Span conventions follow attribution corpora (PolNeAR, PARC): the source is the speaker's whole noun
phrase, the cue is the reporting verb with its auxiliaries and negation ("has not commented"), the
content is the reported clause with its complementiser ("that ...") and without the sentence's final
period or the comma before a trailing "X said"; a direct quote's content keeps its quote marks.

Beyond verbs of saying, attribution in the wide sense (PolNeAR) also takes a stance through a copula with
an attitude adjective ("X is opposed to C"), a light verb with a noun of saying ("X made the case for C"),
a verb with its preposition ("X voted for C") or beside a quotation only ("..., she continued"); the
word lists are in reporting_verbs.yaml. A noun of saying with a "that"-clause ("the ministry's claim that
C", "the ministry's claim is that C") is a cue too, its possessor the source.

A cue inside another claim's content is skipped (PolNeAR rarely annotates such nesting: admitting verbs
of saying with their own subject and clause cost precision on train and dev) except:
- a relative clause of speech, "a guard who said C", which is a different speaker's claim;
- a second verb of speech of the same speaker ("X said A and warned B", "X said A, arguing B"), which
  takes X as its source and ends the first claim's content before it (PolNeAR gives each word to one
  attribution only);
- "according to Y" ("X said A and, according to Y, B"), which frames its part of X's content; X's content
  then ends before it when the inner attribution closes it.
A speaker's relative clause ("the governor, who said A, warned B") is not part of the source: it is the
speaker's own claim. A passive cue's subject is what the claim is about, not its speaker: "C was endorsed
by X" (X says C), "X was accused of C" (no source; X is the accused).

Also in the wide sense: a verb of will with its infinitive ("X refused to C"), any adjective with a
preposition of stance after a party's copula ("voters were divided on C"), an object relative ("the
offer X rebuffed": the offer is the content), an evidential verb ("X seems ready to C": the writer's
hedge, no source) and a sentence-opening adjunct ("In a new poll, C", "As X put it, C":
``warlog.extract.adjuncts``); a passive verb of saying or thinking with no agent ("X is widely seen as
C": no source, X with what is said of it), a verb with its own noun of stance ("took aim at C", "has
misgivings about C") and a verb of saying with what it is about ("joked about C"). A quotation shorter than
four words counts where it opens its sentence and closes on its own punctuation ("“Not one,” she said").
Reading one cue's frame lives in ``attributions``, span cutting in
``claim_spans``, quotation rules in ``quotations``; this module picks the cues, nests them and builds claims.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from warlog.extract.attributions import attribution, cue_candidates
from warlog.extract.base import Component
from warlog.extract.caveats import attach_caveats, load_caveat_patterns
from warlog.extract.claim_spans import trim
from warlog.extract.clauses import CLAUSES, SUBJECTS
from warlog.extract.quotations import continued_quotes, quote_containing
from warlog.extract.quotes import find_quotes, layout_attributions
from warlog.extract.spans import char_span, doc_text
from warlog.extract.speakers import RELATIVE_PRONOUNS, SpeakerResolver, load_claimant_lexicon
from warlog.extract.stances import ClaimLexicon, load_claim_lexicon
from warlog.schema import Caveat, Claim, Claimant, Modality, Span, Stance

NESTING = frozenset({"relcl"})
SIBLINGS = frozenset({"conj", "advcl"})
MAX_LABEL_TOKENS = 7  # "Former Judge Ann Brown at Convention": longer runs before a colon are sentences


class ClaimFinder(Component):
    """Finds ``doc._.claims`` (``schema.Claim`` in text order) and ``doc._.caveats`` (all caveats)."""

    attr = "claims"

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name)
        self.lexicon = load_claim_lexicon()
        self.claimants = load_claimant_lexicon()
        self.caveats = load_caveat_patterns()

    def match(self, doc: Doc) -> list[Claim | Caveat]:
        """Claims in text order followed by every caveat found (``set_annotations`` splits them)."""
        caveats = self.caveats.find(doc_text(doc))
        claims = find_claims(doc, self.lexicon, SpeakerResolver(doc, self.claimants), caveats)
        starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
        attach_caveats(claims, caveats, starts)
        return [*claims, *caveats]

    def set_annotations(self, doc: Doc, found: list[Claim | Caveat]) -> None:
        doc._.claims = [f for f in found if isinstance(f, Claim)]
        doc._.caveats = [f for f in found if isinstance(f, Caveat)]


# --------------------------------------------------------------------------------------------- finding


def find_claims(
    doc: Doc, lexicon: ClaimLexicon, speakers: SpeakerResolver, caveats: list[Caveat] = ()
) -> list[Claim]:
    """Every attribution of ``doc`` as a ``Claim``; pure (reads only the Doc and the lexicons)."""
    if not doc.has_annotation("DEP"):
        return []
    return _find_claims(doc, lexicon, speakers, caveats)


def _find_claims(doc: Doc, lexicon: ClaimLexicon, speakers: SpeakerResolver, caveats) -> list[Claim]:
    quotes = find_quotes(doc_text(doc))
    quote_starts = [q[0] for q in quotes]
    hedges = [(c.evidence.start, c.evidence.end) for c in caveats]
    taken: list[tuple[int, int]] = []  # source and cue ranges already used: a word plays one such role
    contents: list[tuple[int, int]] = []  # content ranges: a cue inside one starts a nested attribution
    found: list[tuple[Token, Span | None, Span, Span | None, Token | None]] = []
    owners: list[int | None] = []  # for each content range, the index in ``found`` of its (verb) claim
    hosts: list[int] = []  # for each content range, the index in ``found`` of its claim

    def inside(offset: int, ranges) -> bool:
        return any(a <= offset < b for a, b in ranges)

    for source_range, cue_range, content_range in layout_attributions(doc_text(doc), quotes):
        if inside(cue_range[0], taken) or inside(cue_range[0], contents):
            continue
        head = doc.char_span(*source_range, alignment_mode="expand")
        if head is None or not _is_label(head, cue_range, doc_text(doc), lexicon.label_kickers):
            continue
        source, content = char_span(doc, *source_range), char_span(doc, *content_range)
        cue_span = char_span(doc, *cue_range)
        taken.extend([source_range, cue_range])
        contents.append(content_range)
        owners.append(None)
        hosts.append(len(found))
        found.append((None, source, cue_span, content, head.root if head is not None else None))
    cues = cue_candidates(doc, lexicon)
    cues.sort(key=lambda t: (t.sent.start, _depth(t), t.i))
    for cue in cues:
        if inside(cue.idx, taken) or inside(cue.idx, hedges):
            continue
        outer = next((k for k, (a, b) in enumerate(contents) if a <= cue.idx < b), None)
        if outer is not None and not _nests(doc, cue, lexicon):
            continue
        quote = quote_containing(quotes, quote_starts, cue.idx)
        if quote is not None and quote[1] - quote[0] > 0:
            continue  # a reporting verb inside a quotation belongs to the quoted speech
        built = attribution(doc, cue, lexicon, quotes, contents[outer] if outer is not None else None)
        if built is None:
            continue
        source, cue_span, content, head = built
        if outer is not None and cue.dep_ in SIBLINGS and owners[outer] is not None:
            # "X said A and warned B", "X said A, arguing B": the speaker goes on; A ends where B's cue starts
            k = owners[outer]
            if not any(c.dep_ in SUBJECTS for c in cue.children):
                source, head = found[k][1], found[k][4]
            cut = _cut_before(doc, found[k][3], cue_span.start)
            found[k] = (*found[k][:3], cut, found[k][4])
        elif outer is not None and cue.dep_ not in NESTING:
            # "X said A, B according to Y": the inner attribution closing the outer content is no part
            # of it; the outer content ends where the inner one starts (PolNeAR gives each word one role)
            k, outer_content = hosts[outer], found[hosts[outer]][3]
            spans = [s for s in (source, cue_span, content) if s is not None]
            start = min(s.start for s in spans)
            if outer_content is not None and max(s.end for s in spans) >= outer_content.end and _worded(
                    doc, outer_content.start, start):
                found[k] = (*found[k][:3], _cut_before(doc, outer_content, start), found[k][4])
        if source is not None:
            taken.append((source.start, source.end))
        if content is not None:
            contents.append((content.start, content.end))
            owners.append(len(found))
            hosts.append(len(found))
        taken.append((cue_span.start, cue_span.end))
        found.append((cue, source, cue_span, content, head))

    found.sort(key=lambda f: f[2].start)
    claims: list[Claim] = []
    for cue, source, cue_span, content, head in found:
        claimant = _claimant(doc, speakers, source, head)
        claims.append(_claim(doc, cue, claimant, source, cue_span, content, lexicon))
    claims.extend(continued_quotes(doc, claims, quotes, taken + contents))
    claims.sort(key=lambda c: (c.content or c.cue).start)
    return claims


def _cut_before(doc: Doc, content: Span | None, offset: int) -> Span | None:
    """``content`` ended before ``offset`` and the conjunction or comma leading up to it."""
    if content is None or not content.start < offset < content.end:
        return content
    tokens = doc.char_span(content.start, offset, alignment_mode="contract")
    if tokens is None:
        return content
    last = tokens.end - 1
    while last >= tokens.start and (doc[last].dep_ in ("cc", "punct") or doc[last].is_space):
        last -= 1
    if last < tokens.start:
        return content
    return trim(doc, content.start, doc[last].idx + len(doc[last].text)) or content


def _worded(doc: Doc, start: int, end: int) -> bool:
    """Whether the text between two offsets says something (a noun, verb, name or number), so that an
    outer content cut there keeps a claim ("that, according to X, C" keeps its "that ... C" whole)."""
    words = doc.char_span(start, end, alignment_mode="contract")
    return words is not None and any(t.pos_ in ("NOUN", "PROPN", "VERB", "NUM", "PRON") for t in words)


def _is_label(name: SpacySpan, cue: tuple[int, int], text: str, kickers: frozenset[str]) -> bool:
    """A speaker label is a name ("PUTIN", "Governor Kim"), not a headline kicker ("The Latest",
    "Correction") nor a section heading ("Relief for the Border Towns")."""
    if text[cue[0]] != ":":
        return True
    if len(name) > MAX_LABEL_TOKENS or name[0].pos_ == "DET" or name[-1].lower_ in kickers:
        return False
    if name[-1].pos_ not in ("PROPN", "NOUN"):
        return False
    if any(t.pos_ == "ADP" for t in name) and not any(e.label_ == "PERSON" for e in name.ents):
        return False  # a heading joins nouns with a preposition; "Judge Ann Lee at Convention" names one
    # a headline label may name a role or venue too: "Former Judge Brown at Convention", "Smith camp"
    return all(t.pos_ in ("PROPN", "NOUN", "PUNCT", "PART", "ADP", "ADJ", "CCONJ") for t in name)


def _nests(doc: Doc, cue: Token, lexicon: ClaimLexicon) -> bool:
    """Whether a cue inside another claim's content starts an attribution of its own: "according to Y"
    (which names its own source) or a verb of speech heading a clause of its own (a relative clause "who
    said ...", a second verb "and warned ...", a participle "..., arguing that") rather than one the outer
    speaker's words merely mention. Other verbs of speech inside a content ("X said that police reported
    C") stay part of it: PolNeAR annotates few such nestings (measured on train and dev, admitting those
    with their own subject and clause cost precision on both)."""
    if lexicon.phrase_at(doc, cue.i) is not None:
        return True
    if (lexicon.lemma(cue) or "") not in lexicon.speech:
        return False
    if cue.dep_ in NESTING:
        return True
    # a second verb of speech ("said A and warned that B") or a participle ("..., arguing that B") with a
    # clause or object of its own is the speaker's next claim, not part of the first one's content
    return cue.dep_ in SIBLINGS and any(c.dep_ in CLAUSES or c.dep_ == "dobj" for c in cue.children)


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token = token.head
        depth += 1
    return depth


# --------------------------------------------------------------------------------------------- claims


def _claimant(doc: Doc, speakers: SpeakerResolver, source: Span | None, head: Token | None) -> Claimant:
    if source is None:
        return Claimant(name="")
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    antecedent = None
    if head is not None and head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
        noun = head.head.head
        antecedent = doc[noun.left_edge.i : noun.i + 1]
    return speakers.resolve(span, name_tokens=antecedent)


def _claim(doc, cue, claimant, source, cue_span, content, lexicon: ClaimLexicon) -> Claim:
    stance, perpetrator, target = lexicon.stance(doc, cue, claimant, content)
    modality = lexicon.modality(doc, cue, content, stance)
    return Claim(
        claimant=claimant,
        stance=stance,
        modality=modality,
        source=source,
        cue=cue_span,
        content=content,
        perpetrator=perpetrator,
        target=target,
    )


__all__ = ["ClaimFinder", "Modality", "Stance", "find_claims"]
