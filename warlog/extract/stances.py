"""What a claim asserts (stance) and how (modality), read from its cue and content.

Why apart from ``claims``: finding an attribution's spans and judging what it says are separate
questions; keeping the judging here lets the stance rules be tested on their own and keeps both modules
small. The cue words come from ``reporting_verbs.yaml`` and ``stances.yaml``; nothing is hard-coded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Token

from warlog.data import load_yaml
from warlog.errors import LexiconError
from warlog.schema import Claimant, Modality, Span, Stance

VERBS = "reporting_verbs.yaml"
STANCES = "stances.yaml"
AGENTS = frozenset({"nsubj", "agent"})
OBJECTS = frozenset({"dobj", "nsubjpass"})
INFLECTIONS: tuple[tuple[str, str], ...] = (
    ("ies", "y"),
    ("es", "e"),
    ("es", ""),
    ("s", ""),
    ("ied", "y"),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
)
PARTY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})

Phrase = tuple[str, ...]


def _phrases(values) -> frozenset[Phrase]:
    return frozenset(tuple(str(v).lower().split()) for v in values or ())


def _contains(words: list[str], phrases: frozenset[Phrase]) -> bool:
    """Whether any of ``phrases`` occurs in ``words``. Only positions whose word opens some phrase are
    tried, with that word's phrase lengths: most words open none, so a content is one set test a word."""
    if not phrases:
        return False
    lengths = _lengths_by_head(phrases)
    count = len(words)
    for i, word in enumerate(words):
        for n in lengths.get(word, ()):
            if i + n <= count and tuple(words[i : i + n]) in phrases:
                return True
    return False


@cache
def _lengths_by_head(phrases: frozenset[Phrase]) -> dict[str, tuple[int, ...]]:
    """First word -> the lengths of the phrases it opens; cached per phrase set (the lexicon's sets live
    for the process). An empty phrase never matched before and is left out."""
    lengths: dict[str, set[int]] = {}
    for phrase in phrases:
        if phrase:
            lengths.setdefault(phrase[0], set()).add(len(phrase))
    return {head: tuple(sorted(ns)) for head, ns in lengths.items()}


@dataclass(frozen=True)
class ClaimLexicon:
    """Reporting verbs and stance cues, validated."""

    speech: frozenset[str]
    belief: frozenset[str]
    verb_stance: dict[str, str]
    phrases: tuple[Phrase, ...]
    phrase_heads: frozenset[str]
    object_cues: frozenset[str]
    prep_cues: dict[str, frozenset[str]]
    alone: frozenset[str]
    quote_only: frozenset[str]
    attitude_adjectives: frozenset[str]
    light_verbs: frozenset[str]
    speech_nouns: frozenset[str]
    no_comment_verbs: frozenset[str]
    no_comment_governors: frozenset[str]
    no_comment_phrases: frozenset[Phrase]
    responsibility: frozenset[Phrase]
    own_subjects: frozenset[str]
    interception: frozenset[Phrase]
    destroy_verbs: frozenset[str]
    aerial: frozenset[str]
    denial: frozenset[Phrase]
    accusation: frozenset[Phrase]
    attack: frozenset[str]
    casualty: frozenset[str]
    hypothetical: frozenset[str]
    historical: frozenset[Phrase]
    label_kickers: frozenset[str] = frozenset()  # "Correction: ...", "Update: ...": not speaker labels
    clause_nouns: frozenset[str] = frozenset()  # "the claim that C": nouns whose "that"-clause is content
    carry_on: frozenset[str] = frozenset()  # "went on to deny": verbs an infinitive cue goes on from
    passive_speakers: frozenset[str] = frozenset()  # "X was quoted as saying": a passive subject who speaks
    passive_preps: frozenset[str] = frozenset()  # "X was accused of C": the preposition of its content
    intention: frozenset[str] = (
        frozenset()
    )  # "X refused to C", "X seeks to C": cues only with "to"-infinitive
    frame_prep: frozenset[str] = frozenset()  # "In a poll, C": prepositions framing a noun of record
    frame_nouns: frozenset[str] = frozenset()  # "In a poll, C": records that are sources of their own
    view_nouns: frozenset[str] = frozenset()  # "In his words, C": a possessor's words or view
    viewpoint_preps: frozenset[str] = frozenset()  # "For voters, C", "To him, C": a party's view
    as_idioms: frozenset[str] = frozenset()  # "as X put it, C"
    naming: frozenset[str] = frozenset()  # "a program called X": a participle that names, not a claim
    stance_preps: frozenset[str] = frozenset()  # "were divided on C": prepositions of a stance adjective
    people_nouns: frozenset[str] = frozenset()  # "voters", "officials": nouns naming people who hold views
    evidential: frozenset[str] = frozenset()  # "X seems ready to C": the writer's hedge, no source
    quote_shy: frozenset[str] = frozenset()  # "released a video": a quotation beside it is not its content
    # "took aim at C", "had misgivings about C": a verb with its own nouns of stance (verb -> nouns)
    stance_idioms: dict[str, frozenset[str]] = field(default_factory=dict)
    topic_preps: frozenset[str] = frozenset()  # "joked about C": any verb of saying with what it is about
    # derived look-ups, filled in __post_init__ (cues are tested on every token: these keep that cheap)
    _by_head: dict[str, tuple[Phrase, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _lemmas: dict[tuple[str, str], str | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        for phrase in self.phrases:  # in the order of ``phrases`` (longest first) within each head word
            head = phrase[0] if phrase else ""
            self._by_head[head] = (*self._by_head.get(head, ()), phrase)

    # ------------------------------------------------------------------ cues

    def phrase_at(self, doc: Doc, i: int) -> tuple[int, int] | None:
        """Token range of a multi-word cue ("according to") starting at token ``i``: only the phrases
        that start with the token's word are tried, longest first."""
        candidates = self._by_head.get(doc[i].lower_, ())
        if "" in self._by_head:  # an empty phrase matches anywhere and, being shortest, is tried last
            candidates = (*candidates, *self._by_head[""])
        for phrase in candidates:
            end = i + len(phrase)
            if end <= len(doc) and all(doc[i + k].lower_ == w for k, w in enumerate(phrase)):
                return i, end
        return None

    def lemma(self, token: Token) -> str | None:
        """The lexicon verb a token is a form of, or None. Falls back on stripping inflection from the
        word itself, since the statistical lemmatiser slips on some forms ("hopes" -> "hop")."""
        return self.lemma_of(token.lemma_, token.lower_)

    def lemma_of(self, lemma: str, word: str) -> str | None:
        """``lemma`` for a token's lemma and lower-case form, cached per pair: the answer depends on
        nothing else, and a few thousand word forms make up most of any corpus."""
        key = (lemma, word)
        try:
            return self._lemmas[key]
        except KeyError:
            found = self._lemmas[key] = self._find_lemma(lemma.lower(), word)
            return found

    def _find_lemma(self, lemma: str, word: str) -> str | None:
        if self._known(lemma):
            return lemma
        for suffix, repl in INFLECTIONS:
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                stem = word[: len(word) - len(suffix)] + repl
                if self._known(stem):
                    return stem
        return None

    def _known(self, lemma: str) -> bool:
        return (
            lemma in self.speech
            or lemma in self.belief
            or lemma in self.quote_only
            or lemma in self.prep_cues
            or lemma in self.intention
        )

    def is_intention(self, lemma: str) -> bool:
        """A verb of will ("seek", "refuse") that is a cue only with its infinitive: "refused to testify"
        reports a stance, "refused the offer" names an act."""
        return lemma in self.intention and lemma not in self.speech and lemma not in self.belief

    def is_conditional(self, lemma: str) -> bool:
        """A verb that is a cue only beside a quotation ("she continued") or with its preposition
        ("went after"), never on its own."""
        return (
            (lemma in self.quote_only or lemma in self.prep_cues)
            and lemma not in self.speech
            and lemma not in self.belief
        )

    def is_no_comment(self, cue: Token) -> bool:
        """ "has not commented", "declined to comment", "did not respond to a request for comment"."""
        if cue.lemma_.lower() not in self.no_comment_verbs:
            return False
        if any(c.dep_ == "neg" for c in cue.children):
            return True
        return cue.dep_ == "xcomp" and cue.head.lemma_.lower() in self.no_comment_governors

    def stands_alone(self, cue: Token) -> bool:
        """A cue that makes a claim with neither clause nor object ("Moscow denied")."""
        return (self.lemma(cue) or cue.lemma_.lower()) in self.alone or self._responsibility_after(cue)

    def _responsibility_after(self, cue: Token) -> bool:
        window = [t.lower_ for t in cue.doc[cue.i : cue.i + 3]]
        return _contains(window, self.responsibility) and window[:1] == [cue.lower_]

    # ------------------------------------------------------------------ stance

    def stance(
        self, doc: Doc, cue: Token | None, claimant: Claimant, content: Span | None
    ) -> tuple[str, str | None, str | None]:
        """(stance, perpetrator, target): the first rule that fires, in the order of stances.yaml.
        ``cue`` is None for attributions without a verb (a speaker label, a quotation's byline)."""
        lemma = (self.lemma(cue) or cue.lemma_.lower()) if cue is not None else ""
        if cue is not None and self.is_no_comment(cue):
            return Stance.NO_COMMENT.value, None, None
        if cue is not None and self._responsibility_after(cue):
            return Stance.RESPONSIBILITY.value, claimant.name or None, None
        tokens = _tokens(doc, content)
        words = [t.lower_ for t in tokens]
        perpetrator, target = self._roles(tokens)
        own = self._is_own(perpetrator, claimant)
        verb_stance = self.verb_stance.get(lemma)
        if verb_stance == Stance.ACCUSATION.value and cue is not None:
            accused = next((c for c in cue.children if c.dep_ in ("dobj", "nsubjpass")), None)
            if accused is not None:
                perpetrator = doc[accused.left_edge.i : accused.i + 1].text
            return verb_stance, perpetrator, target
        if verb_stance is not None:
            return verb_stance, None if own else perpetrator, target
        if _contains(words, self.responsibility):
            return Stance.RESPONSIBILITY.value, claimant.name or perpetrator, target
        if _contains(words, self.interception) or self._destroys_aerial(tokens):
            return Stance.INTERCEPTION.value, None if own else perpetrator, None
        if _contains(words, self.denial):
            return Stance.DENIAL.value, None, target
        if perpetrator is not None and own:
            return Stance.RESPONSIBILITY.value, claimant.name or perpetrator, target
        if perpetrator is not None or _contains(words, self.accusation):
            return Stance.ACCUSATION.value, perpetrator, target
        if any(t.lemma_.lower() in self.casualty or t.lower_ in self.casualty for t in tokens):
            return Stance.CASUALTY_REPORT.value, None, target
        return Stance.OTHER.value, None, target

    def _roles(self, tokens: list[Token]) -> tuple[str | None, str | None]:
        """Who did what to whom in the content: the first attack verb's agent and object."""
        for token in tokens:
            if token.pos_ != "VERB" or token.lemma_.lower() not in self.attack:
                continue
            perpetrator = target = None
            for child in token.children:
                if child.dep_ == "nsubj" and perpetrator is None and self.is_party(child):
                    perpetrator = _phrase_text(child)
                elif child.dep_ == "agent":
                    obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if obj is not None and self.is_party(obj):
                        perpetrator = _phrase_text(obj)
                elif child.dep_ in OBJECTS and target is None:
                    target = _phrase_text(child)
            if perpetrator is not None or target is not None:
                return perpetrator, target
        return None, None

    def is_party(self, token: Token) -> bool:
        """Whether a noun phrase can name who did something: a named party, a country word, or an own
        subject ("we", "its forces"); "the strike" or "debris" cannot."""
        return any(t.lower_ in self.own_subjects or t.ent_type_ in PARTY_LABELS for t in token.subtree)

    def _is_own(self, perpetrator: str | None, claimant: Claimant) -> bool:
        if perpetrator is None:
            return False
        words = perpetrator.lower().split()
        return bool(words) and (words[0] in self.own_subjects or perpetrator == claimant.name)

    def _destroys_aerial(self, tokens: list[Token]) -> bool:
        for token in tokens:
            if token.lemma_.lower() in self.destroy_verbs:
                for child in token.children:
                    if child.dep_ in OBJECTS and child.lower_ in self.aerial:
                        return True
        return False

    # ------------------------------------------------------------------ modality

    def modality(self, doc: Doc, cue: Token | None, content: Span | None, stance: str) -> str:
        if cue is None:
            return Modality.ASSERTED.value
        auxes = [c.lower_ for c in cue.children if c.dep_ in ("aux", "auxpass")]
        negated = any(c.dep_ == "neg" for c in cue.children)
        if negated and stance not in (Stance.NO_COMMENT.value, Stance.DENIAL.value):
            return Modality.NEGATED.value
        if any(a in self.hypothetical for a in auxes):
            return Modality.HYPOTHETICAL.value
        if "had" in auxes or _contains([t.lower_ for t in cue.sent], self.historical):
            return Modality.HISTORICAL.value
        tokens = _tokens(doc, content)
        # the content's first root (a word whose head is outside it, or none): only that one is read
        first, last = (tokens[0].i, tokens[-1].i) if tokens else (0, -1)
        root = next((t for t in tokens if not first <= (h := t.head.i) <= last or h == t.i), None)
        if root is not None and any(
            c.dep_ == "aux" and c.lower_ in self.hypothetical - {"can", "should", "would"}
            for c in root.children
        ):
            return Modality.HYPOTHETICAL.value
        return Modality.ASSERTED.value


def _tokens(doc: Doc, span: Span | None) -> list[Token]:
    if span is None:
        return []
    chunk = doc.char_span(span.start, span.end, alignment_mode="expand")
    return list(chunk) if chunk is not None else []


def _phrase_text(token: Token) -> str:
    """A noun phrase as written, without trailing relative clauses or appositions."""
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in ("compound", "prep", "pobj", "nummod", "amod") and child.i == end:
            end = child.right_edge.i + 1
        else:
            break
    return token.doc[token.left_edge.i : end].text


def _words(raw: dict, key: str) -> frozenset[str]:
    """An optional list of lower-case words under ``key`` of reporting_verbs.yaml."""
    words = raw.get(key) or []
    if not isinstance(words, list) or not all(isinstance(w, str) and w == w.lower() for w in words):
        raise LexiconError(f"lexicon {VERBS!r}: {key!r} must be a list of lower-case words; fix that entry")
    return frozenset(words)


def _prep_cues(raw: dict) -> dict[str, frozenset[str]]:
    """``prep_cues``: verb -> its prepositions, each a lower-case word (a bare ``on`` in YAML is a boolean,
    which would silently never match)."""
    cues: dict[str, frozenset[str]] = {}
    for verb, preps in (raw.get("prep_cues") or {}).items():
        if not isinstance(preps, list) or not all(isinstance(p, str) and p == p.lower() for p in preps):
            raise LexiconError(
                f"lexicon {VERBS!r}: prep_cues {verb!r} must list lower-case prepositions as "
                f'strings (write "on" in quotes); got {preps!r}'
            )
        cues[str(verb)] = frozenset(preps)
    return cues


def _stance_idioms(raw: dict) -> dict[str, frozenset[str]]:
    """``stance_idioms``: verb lemma -> the lower-case nouns it takes a stance with ("take": "aim")."""
    idioms: dict[str, frozenset[str]] = {}
    for verb, nouns in (raw.get("stance_idioms") or {}).items():
        if not isinstance(nouns, list) or not all(isinstance(n, str) and n == n.lower() for n in nouns):
            raise LexiconError(
                f"lexicon {VERBS!r}: stance_idioms {verb!r} must list lower-case nouns as strings "
                f"(take: [aim, issue]); got {nouns!r}"
            )
        idioms[str(verb)] = frozenset(nouns)
    return idioms


@cache
def load_claim_lexicon() -> ClaimLexicon:
    """Read reporting_verbs.yaml and stances.yaml once per process, failing on a malformed entry."""
    verbs = load_yaml(VERBS)
    stances = load_yaml(STANCES)
    for name, raw, keys in (
        (VERBS, verbs, ("speech", "belief", "phrases")),
        (STANCES, stances, ("no_comment", "interception", "modality")),
    ):
        if not isinstance(raw, dict) or any(k not in raw for k in keys):
            raise LexiconError(f"lexicon {name!r} must be a mapping with the keys {', '.join(keys)}")
    valid = {s.value for s in Stance}
    verb_stance: dict[str, str] = {}
    for group in ("speech", "belief"):
        for lemma, stance in (verbs[group] or {}).items():
            if stance is not None and stance not in valid:
                raise LexiconError(
                    f"lexicon {VERBS!r}: verb {lemma!r} has stance {stance!r}; use one of {sorted(valid)}"
                )
            if stance is not None:
                verb_stance[str(lemma)] = stance
    phrases = tuple(
        sorted((tuple(str(p["text"]).lower().split()) for p in verbs["phrases"]), key=len, reverse=True)
    )
    nc, resp, inter = stances["no_comment"], stances["responsibility"], stances["interception"]
    return ClaimLexicon(
        speech=frozenset(verbs["speech"]),
        belief=frozenset(verbs["belief"]),
        verb_stance=verb_stance,
        phrases=phrases,
        phrase_heads=frozenset(p[0] for p in phrases),
        object_cues=frozenset(verbs.get("object_cues") or ()),
        prep_cues=_prep_cues(verbs),
        alone=frozenset(verbs.get("stand_alone") or ()),
        quote_only=_words(verbs, "quote_only"),
        attitude_adjectives=_words(verbs, "attitude_adjectives"),
        light_verbs=_words(verbs, "light_verbs"),
        speech_nouns=_words(verbs, "speech_nouns"),
        no_comment_verbs=frozenset(nc["verbs"]),
        no_comment_governors=frozenset(nc["governors"]),
        no_comment_phrases=_phrases(nc.get("phrases")),
        responsibility=_phrases(resp["phrases"]),
        own_subjects=frozenset(resp.get("own_subjects") or ()),
        interception=_phrases(inter["phrases"]),
        destroy_verbs=frozenset(inter.get("destroy_verbs") or ()),
        aerial=frozenset(inter.get("aerial_objects") or ()),
        denial=_phrases(stances["denial"]["phrases"]),
        accusation=_phrases(stances["accusation"]["phrases"]),
        attack=frozenset(stances.get("attack_lemmas") or ()),
        casualty=frozenset(stances["casualty_report"]["lemmas"]),
        hypothetical=frozenset(stances["modality"]["hypothetical"]),
        historical=_phrases(stances["modality"]["historical"]),
        label_kickers=_words(verbs, "label_kickers"),
        clause_nouns=_words(verbs, "clause_nouns"),
        carry_on=_words(verbs, "carry_on"),
        passive_speakers=_words(verbs, "passive_speakers"),
        passive_preps=_words(verbs, "passive_preps"),
        intention=_words(verbs, "intention"),
        frame_prep=_words(verbs, "frame_prep"),
        frame_nouns=_words(verbs, "frame_nouns"),
        view_nouns=_words(verbs, "view_nouns"),
        viewpoint_preps=_words(verbs, "viewpoint_preps"),
        as_idioms=_words(verbs, "as_idioms"),
        naming=_words(verbs, "naming"),
        quote_shy=_words(verbs, "quote_shy"),
        evidential=_words(verbs, "evidential"),
        stance_preps=_words(verbs, "stance_preps"),
        people_nouns=_words(verbs, "people_nouns"),
        stance_idioms=_stance_idioms(verbs),
        topic_preps=_words(verbs, "topic_preps"),
    )
