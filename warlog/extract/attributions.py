"""One cue's attribution frame: which words can be cues, and for a cue its source, cue and content spans.

Why apart from ``claims``: finding the frame of one cue is a pure function of the parse and the lexicon
(each construction of ``claims``' docstring has its reader here: a verb of saying with its subject and
clause, a copula with an attitude adjective, a light verb with a noun of saying, a noun with a
"that"-clause or equated with one by a copula, "according to X", an evidential verb, a headline verb the
tagger read as a name), while ``claims`` decides which cues to read and in which order (nesting, a word
plays one role) and builds the ``Claim`` records. Span cutting lives in ``claim_spans``, clause shapes in
``clauses``.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, LOWER, POS
from spacy.symbols import VERB
from spacy.tokens import Doc, Token

from warlog.extract import clauses
from warlog.extract.adjuncts import adjunct_frame, idiom_end, is_as_idiom
from warlog.extract.claim_spans import cue_extent, overlaps, speaker_extent, subtree, trim
from warlog.extract.clauses import CLAUSES, OBJECT_OF_PREP, SUBJECTS, WH_TAGS
from warlog.extract.quotations import adjacent_quote, next_paragraph
from warlog.extract.spans import char_span
from warlog.extract.speakers import RELATIVE_PRONOUNS
from warlog.extract.stances import ClaimLexicon

PARTIES = frozenset({"PERSON", "ORG", "NORP"})
EVIDENCE = frozenset({"xcomp", "acomp", "oprd", "attr", "ccomp", "prep"})  # what "seems" says of its subject
MAX_HEADLINE_TOKENS = 20  # shorter quoted bits are scare quotes inside a sentence, not quotations


def cue_candidates(doc: Doc, lexicon: ClaimLexicon) -> list[Token]:
    """The tokens of ``doc`` for which ``is_cue_candidate`` holds, in text order, without building a
    Token for every word: one ``to_array`` pass reads each word's form, lemma and part of speech, and
    only a word the lexicon knows (``_lexical_cue``, cached per form and lemma) gets the full test. Any
    other word can be a cue only as a verb governing a "that"-clause (``_governs_that_clause``), so a
    verb gets that test alone; the rest cannot be cues at all (each branch of ``is_cue_candidate`` asks
    first for a lexicon word, or for a verb)."""
    if not len(doc):
        return []
    known = _KNOWN.setdefault(id(lexicon), (lexicon, {}))[1]
    strings = doc.vocab.strings
    found: list[Token] = []
    for i, (lower, lemma, pos) in enumerate(doc.to_array([LOWER, LEMMA, POS]).tolist()):
        key = (lower, lemma)
        lexical = known.get(key)
        if lexical is None:
            lexical = known[key] = _lexical_cue(strings[lower], strings[lemma], lexicon)
        if lexical:
            token = doc[i]
            if is_cue_candidate(doc, token, lexicon):
                found.append(token)
        elif pos == VERB:
            token = doc[i]
            if _governs_that_clause(token):
                found.append(token)
    return found


# id(lexicon) -> (the lexicon, kept alive so its id is not reused; (LOWER, LEMMA) hashes -> _lexical_cue)
_KNOWN: dict[int, tuple[ClaimLexicon, dict[tuple[int, int], bool]]] = {}


def _lexical_cue(word: str, lemma: str, lexicon: ClaimLexicon) -> bool:
    """Whether a word form with this lemma is named by the lexicon in one of the ways
    ``is_cue_candidate`` (and the helpers it calls) can accept: a phrase's first word, a framing
    preposition, a noun of saying, an attitude adjective, an idiom or light verb, the copula, or a form of
    a reporting verb. A word outside all of these is a cue only through its syntax (a "that"-clause)."""
    lowered = lemma.lower()
    return (
        word in lexicon.phrase_heads
        or word in lexicon.viewpoint_preps
        or word in lexicon.frame_prep
        or word in lexicon.clause_nouns
        or word in lexicon.attitude_adjectives
        or lowered in lexicon.as_idioms
        or lowered in lexicon.light_verbs
        or lowered in lexicon.stance_idioms
        or lowered == "be"
        or lexicon.lemma_of(lemma, word) is not None
    )


def is_cue_candidate(doc: Doc, token: Token, lexicon: ClaimLexicon) -> bool:
    if token.lower_ in lexicon.phrase_heads and lexicon.phrase_at(doc, token.i) is not None:
        return True
    if token.pos_ == "ADP":
        return adjunct_frame(token, lexicon) is not None
    if is_as_idiom(token, lexicon):
        return True
    if token.pos_ in ("NOUN", "PROPN") and _headline_verb(token, lexicon):
        return True
    if token.pos_ == "NOUN":
        return _noun_clause(token, lexicon) is not None
    if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBZ", "VBP", "VBN", "VBG", "VB"):
        return False
    return lexicon.lemma(token) is not None or _governs_that_clause(token) or \
        _predicate(token, lexicon) is not None or _said_noun(token, lexicon) is not None


def _predicate(cue: Token, lexicon: ClaimLexicon) -> Token | None:
    """The word that makes a copula or light verb a cue: the attitude adjective of "is opposed to",
    "was clear that", or the noun of saying of "made the case for", "issued a statement"."""
    if cue.lemma_ == "be":
        adjectives = lexicon.attitude_adjectives
        word = next((c for c in cue.children if c.dep_ == "acomp" and c.lower_ in adjectives), None)
        return word if word is not None else _stance_adjective(cue, lexicon)
    if cue.lower_ in lexicon.attitude_adjectives and any(
            c.dep_ == "auxpass" and c.lemma_ == "be" for c in cue.children):
        return cue  # "are opposed to": the parser read the adjective as a passive participle
    lemma = cue.lemma_.lower()
    if lemma in lexicon.light_verbs:
        word = next((c for c in cue.children if c.dep_ in ("dobj", "ccomp", "oprd")
                    and c.lower_ in lexicon.speech_nouns), None)
        if word is not None:
            return word
    nouns = lexicon.stance_idioms.get(lemma)
    if nouns:  # "took aim at C", "has misgivings about C": the verb's own nouns of stance
        return next((c for c in cue.children if c.dep_ == "dobj" and c.lower_ in nouns), None)
    return None


def _stance_adjective(cue: Token, lexicon: ClaimLexicon) -> Token | None:
    """Any adjective a person or group is about something with ("were divided on C", "is partial to C",
    "was upfront about C"): the copula's subject is a party and the adjective governs a preposition of
    stance; the adjective lists only what needs no preposition ("was clear that")."""
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if subject is None or not _is_party(subject, lexicon):
        return None
    for word in cue.children:
        if word.dep_ == "acomp" and word.pos_ == "ADJ" and any(
                c.dep_ == "prep" and c.lower_ in lexicon.stance_preps and any(
                    g.dep_ in OBJECT_OF_PREP for g in c.children) for c in word.children):
            return word
    return None


def _is_party(token: Token, lexicon: ClaimLexicon) -> bool:
    """A person, group or organisation: a named one, a personal pronoun, or a noun of people."""
    if token.tag_ == "PRP":
        return token.lower_ not in ("it", "this", "that")
    return token.ent_type_ in PARTIES or token.lemma_.lower() in lexicon.people_nouns


def _predicate_attribution(doc: Doc, cue: Token, word: Token):
    """(source, cue, content, speaker) for "X is opposed to C", "X made the case for C", "X was clear
    that C": the cue runs from the verb to the adjective or noun (and its preposition)."""
    subject = clauses.subject(cue)
    if subject is None or subject.lower_ == "it":
        return None  # "it was clear that C": a placeholder subject names nobody
    end_token = word
    around = (*word.children, *cue.children) if word.i != cue.i else tuple(cue.children)
    head = next((c for c in around if c.i > word.i and (c.dep_ in CLAUSES or c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ == "that" for m in c.children))), None)
    if head is None:
        prep = next((c for c in around if c.dep_ in ("prep", "acl") and c.i > word.i), None)
        if prep is not None and prep.dep_ == "prep":
            head = next((c for c in prep.children if c.dep_ in OBJECT_OF_PREP), None)
            end_token = prep
        elif prep is not None:
            head = prep
    if head is None:
        return None
    content = trim(doc, *subtree(head))
    if head.dep_ in OBJECT_OF_PREP:
        content = trim(doc, head.left_edge.idx, subtree(head)[1])
    source = trim(doc, *speaker_extent(subject))
    cue_span = char_span(doc, cue_extent(doc, cue).start, end_token.idx + len(end_token))
    if content is None or source is None or content.start < cue_span.end:
        return None
    if overlaps((source.start, source.end), (content.start, content.end)):
        return None
    return source, cue_span, content, subject


def _said_noun(cue: Token, lexicon: ClaimLexicon) -> Token | None:
    """The noun of saying or view that a copula equates with a clause ("her argument is that C", "the
    ministry's position was that C"), or None: the noun and the copula are the cue, its possessor the
    source, the clause the content."""
    if cue.lemma_ != "be":
        return None
    noun = next((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), None)
    if noun is None or noun.pos_ != "NOUN" or noun.lower_ not in lexicon.clause_nouns | lexicon.speech_nouns:
        return None
    if not any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children):
        return None
    return noun


def _noun_copula_attribution(doc: Doc, cue: Token, noun: Token):
    """(source, cue, content, speaker) for "X's argument is that C": no source without a possessor."""
    clause = next(c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i)
    content = trim(doc, *subtree(clause))
    if content is None:
        return None
    source, owner = _possessor(doc, noun)
    return source, char_span(doc, noun.idx, cue.idx + len(cue.text)), content, owner


def _governs_that_clause(token: Token) -> bool:
    """Any verb with a subject and a "that"-clause ("X conceded that ...") reports what X says or thinks:
    verbs outside the lexicon are caught by their syntax."""
    if token.pos_ != "VERB" or not any(c.dep_ in SUBJECTS for c in token.children):
        return False
    return any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
               for c in token.children)


def attribution(
    doc: Doc, cue: Token, lexicon: ClaimLexicon, quotes: list[tuple[int, int]],
    within: tuple[int, int] | None = None,
):
    """(source span, cue span, content span, speaker head token) for one cue, or None. ``within`` is the
    content of the claim a nested cue sits in: "according to X" then frames only part of that content."""
    phrase = lexicon.phrase_at(doc, cue.i)
    if phrase is not None:
        return _phrase_attribution(doc, cue, phrase, within)
    if cue.pos_ in ("NOUN", "PROPN") and _headline_verb(cue, lexicon):
        sent = cue.sent
        source, content = trim(doc, sent.start_char, cue.idx), trim(doc, cue.idx + len(cue), sent.end_char)
        if source is None or content is None:
            return None
        return source, char_span(doc, cue.idx, cue.idx + len(cue)), content, cue.sent[0]
    if cue.pos_ == "NOUN":
        return _noun_attribution(doc, cue, lexicon)
    if cue.pos_ == "ADP":
        return _adjunct_attribution(doc, cue, lexicon)
    if is_as_idiom(cue, lexicon):
        content = clauses.parenthetical_content(doc, cue)  # "as X put it, C": C, as with "as X noted"
        subject = clauses.subject(cue)
        if content is None or subject is None:
            return None
        cue_span = char_span(doc, cue_extent(doc, cue).start, idiom_end(cue))
        return trim(doc, *speaker_extent(subject)), cue_span, content, subject
    noun = _said_noun(cue, lexicon)
    if noun is not None:
        return _noun_copula_attribution(doc, cue, noun)
    word = _predicate(cue, lexicon)
    if word is not None:
        built = _predicate_attribution(doc, cue, word)
        if built is not None or lexicon.lemma(cue) is None:
            return built
    lemma = lexicon.lemma(cue) or cue.lemma_.lower()
    if lemma in lexicon.evidential:
        return _evidential_attribution(doc, cue, lexicon)
    subject = clauses.subject(cue)
    no_comment = lexicon.is_no_comment(cue)
    content_head = clauses.content_head(cue, lemma, lexicon)
    quote = adjacent_quote(doc, cue, quotes) if lemma not in lexicon.quote_shy else None
    if quote is not None and subject is not None and quote[0] <= subject.idx < quote[1]:
        subject = clauses.subject_outside(cue, quote) or subject
    content = clauses.content_span(doc, cue, content_head) if content_head is not None else None
    if (
        content is None
        and (
            cue.dep_ == "parataxis"
            or cue.dep_ == "advcl"
            and lemma in lexicon.speech
            and all(m.lower_ == "as" for m in cue.children if m.dep_ == "mark")
        )
        and not clauses.discourse_marker(cue, subject)
    ):
        content = clauses.parenthetical_content(doc, cue)  # "C, he noted", "as X noted, C": "X noted C"
    if subject is None and content is not None:
        speaker = clauses.postposed_speaker(doc, cue)
        if speaker is not None and content.start < speaker.left_edge.idx:
            subject = speaker
            content = trim(doc, content.start, min(content.end, speaker.left_edge.idx))
    if quote is not None:
        if content is None or (quote[0] - 2 <= content.start and content.end <= quote[1] + 2):
            content = char_span(doc, *quote)
        elif overlaps((content.start, content.end), quote):
            content = char_span(doc, min(content.start, quote[0]), max(content.end, quote[1]))
    if content is None and quote is None and lexicon.lemma(cue) is not None:
        passive = _passive_agent(cue)
        if passive is not None:  # "the plan was backed by the council": the council backs the plan
            subject, content = passive[0], trim(doc, *subtree(passive[1]))
    if content is None and quote is None and lemma in lexicon.speech:
        content = next_paragraph(doc, cue)  # "The mayor said:" closing a line, the words below it
    if content is None and quote is None and not lexicon.stands_alone(cue):
        content = clauses.passive_view(doc, cue, subject, lexicon)  # "X is widely seen as C": held unnamed
    if content is None and no_comment:
        # "did not respond to requests for comment": what went unanswered is the content
        prep = next((c for c in cue.children if c.dep_ == "prep" and c.i > cue.i), None)
        content = trim(doc, *subtree(prep)) if prep is not None else None
    if content is None and quote is None:
        content = clauses.antecedent(doc, cue, subject)  # "the offer the senator rebuffed": the offer
    if content is None and not no_comment and not lexicon.stands_alone(cue):
        return None
    if lemma in lexicon.naming and cue.dep_ in ("acl", "amod") and cue.tag_ == "VBN":
        return None  # "a program called Safe Streets": a name given, not a claim made
    if lexicon.is_intention(lemma) and not clauses.intends(cue, content_head, lexicon) and not (
            lemma in lexicon.prep_cues and content_head is not None and content_head.dep_ in OBJECT_OF_PREP):
        return None  # "sought the nomination": an act; "sought to win the nomination": a stance
    if lexicon.is_conditional(lemma) and not (
        (lemma in lexicon.quote_only and quote is not None)
        or (content_head is not None and content_head.dep_ in OBJECT_OF_PREP and lemma in lexicon.prep_cues)
    ):
        return None  # "the shelling continued", "went home": not cues without their quotation or preposition
    if lexicon.is_conditional(lemma) and quote is None and subject is None:
        return None  # "an ad focused on jobs": a participle describing a thing, not a speaker's focus
    if clauses.non_finite(cue) and not no_comment and quote is None and not clauses.carried_on(
            cue, lexicon) and (content_head is None or content_head.dep_ not in CLAUSES):
        return None  # "ways to offer cheaper insurance": an act named, not a claim made
    if lemma in lexicon.belief and lemma not in lexicon.speech and content is None:
        return None
    if subject is None and content is None:
        return None
    if subject is not None and subject.dep_ == "nsubjpass" and lemma not in lexicon.passive_speakers:
        # "X was accused of C": X is who the claim is about, not who makes it (an agent, if any, does)
        if content is None:
            prep = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ in lexicon.passive_preps),
                        None)
            content = trim(doc, *subtree(prep if prep is not None else subject))
        subject = None
    named = subject is not None and not clauses.expletive(subject, cue)
    source = trim(doc, *speaker_extent(subject)) if named else None
    if source is not None and quote is not None and source.start < quote[1] <= subject.idx:
        source = trim(doc, quote[1], source.end)  # the parser hung the closing quote mark on the speaker
    if source is None:
        agent = next((c for c in cue.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if pobj is not None:
            source = trim(doc, *speaker_extent(pobj))
            subject = pobj
    cue_span = cue_extent(doc, cue)
    if content_head is not None and content_head.dep_ in OBJECT_OF_PREP and content_head.head.i == cue.i + 1:
        prep = content_head.head  # "called for": the preposition belongs to the cue
        cue_span = char_span(doc, cue_span.start, prep.idx + len(prep))
    if no_comment and cue.dep_ == "xcomp":  # "declined to comment": the governing verb is part of the cue
        cue_span = char_span(doc, cue_extent(doc, cue.head).start, cue_span.end)
    if content is not None and source is not None and overlaps((source.start, source.end), (content.start,
                                                                                           content.end)):
        if content_head is None or content_head.i < cue.i or content.end <= cue_span.end:
            return None
        # "which he said were ...": the clause's fronted subject sits before the speaker; keep what follows
        content = trim(doc, cue_span.end, content.end)
        if content is None:
            return None
    return source, cue_span, content, subject


def _evidential_attribution(doc: Doc, cue: Token, lexicon: ClaimLexicon):
    """"The senator seemed ready to yield", "the strike appears to have hit a depot": the writer's hedged
    reading of the subject, not the subject's claim. No source; the content is the subject with what is
    said of it (attribution corpora annotate it so), the cue the verb."""
    subject = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    complement = next((c for c in cue.children if c.dep_ in EVIDENCE and c.i > cue.i), None)
    if subject is None or complement is None or subject.i > cue.i or subject.lower_ in RELATIVE_PRONOUNS:
        return None
    if complement.dep_ == "xcomp" and (lexicon.lemma(complement) or "") in lexicon.speech:
        return None  # "the ministry appeared to confirm C": the ministry's own claim, read from "confirm"
    content = trim(doc, subject.left_edge.idx, subtree(complement)[1])
    if content is None:
        return None
    return None, cue_extent(doc, cue), content, None


def _phrase_attribution(doc: Doc, cue: Token, phrase: tuple[int, int], within: tuple[int, int] | None):
    """"according to X, C" / "C, according to X": the source follows the cue phrase; the content is the
    rest of the sentence (of the outer content, for a nested phrase) on the side of the clause the phrase
    modifies ("A and, according to X, B" frames B), else on the longer side."""
    first, last = phrase
    prep = doc[last - 1]
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    source = trim(doc, *subtree(obj))
    cue_span = char_span(doc, doc[first].idx, prep.idx + len(prep.text))
    start, end = within if within is not None else (cue.sent.start_char, cue.sent.end_char)
    block_start = doc[first].idx
    block_end = source.end if source is not None else cue_span.end
    before = trim(doc, start, block_start) if start < block_start else None
    after = trim(doc, max(start, block_end), end) if block_end < end else None
    content = max((s for s in (before, after) if s is not None), key=lambda s: s.end - s.start, default=None)
    host = doc[first].head
    if before is not None and after is not None:
        content = after if after.start <= host.idx < after.end else before if (
            before.start <= host.idx < before.end) else content
    if content is None:
        return None
    return source, cue_span, content, obj


def _adjunct_attribution(doc: Doc, cue: Token, lexicon: ClaimLexicon):
    """ "In a poll released Monday, C" / "For many voters, C": the preposition is the cue."""
    frame = adjunct_frame(cue, lexicon)
    if frame is None:
        return None
    source_range, cue_range, content_range, head = frame
    source, content = trim(doc, *source_range), trim(doc, *content_range)
    if source is None or content is None:
        return None
    return source, char_span(doc, *cue_range), content, head


def _passive_agent(cue: Token) -> tuple[Token, Token] | None:
    """(agent, passive subject) of "C was endorsed by X": the agent speaks, the subject is what it says
    or backs; None unless the verb has both."""
    agent = next((c for c in cue.children if c.dep_ == "agent"), None)
    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    patient = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    if pobj is None or patient is None or patient.lower_ in RELATIVE_PRONOUNS or patient.tag_ in WH_TAGS:
        return None
    return pobj, patient


def _headline_verb(token: Token, lexicon: ClaimLexicon) -> bool:
    """A verb of speech in a title-case headline that the tagger read as a name ("Senator Praises Mayor",
    "EXPERTS DOWNPLAY LAUNCH"): headline grammar the parser was not trained on, so the words before it
    are the source and the words after it the content."""
    if not token.text[:1].isupper() or token.i == token.sent.start or len(token.sent) > MAX_HEADLINE_TOKENS:
        return False
    if not (token.lower_.endswith("s") or token.is_upper):
        return False  # "Praises", "DOWNPLAY": a headline's present tense, not a name such as "Report"
    if (lexicon.lemma(token) or "") not in lexicon.speech:
        return False
    words = [t for t in token.sent if t.is_alpha and len(t) > 3]
    if any(t.pos_ in ("VERB", "AUX") for t in token.sent):
        return False  # the parser found the headline's verb: the ordinary rules read it
    return sum(t.text[0].isupper() for t in words) >= 0.8 * len(words)


def _noun_clause(noun: Token, lexicon: ClaimLexicon) -> Token | None:
    """The "that"-clause a noun of saying governs ("the mayor's claim that C"), or None. A relative
    clause ("the claim that he made") has no "that" marker, so it is not taken for content."""
    if noun.lower_ not in lexicon.clause_nouns:
        return None
    return next((c for c in noun.rights if c.dep_ in ("acl", "ccomp", "appos")
                 and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)


def _noun_attribution(doc: Doc, noun: Token, lexicon: ClaimLexicon):
    """"X's claim that C": the noun is the cue, its possessor the source (none when it has none, as in
    "reports that C"), the clause the content."""
    clause = _noun_clause(noun, lexicon)
    if clause is None:
        return None
    content = trim(doc, *subtree(clause))
    if content is None:
        return None
    source, owner = _possessor(doc, noun)
    return source, char_span(doc, noun.idx, noun.idx + len(noun.text)), content, owner


def _possessor(doc: Doc, noun: Token):
    """The possessor of a noun of saying ("the army's claim") as (source span, token), or (None, None)."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        return None, None
    return trim(doc, owner.left_edge.idx, owner.idx + len(owner.text)), owner


__all__ = ["attribution", "cue_candidates", "is_cue_candidate"]
