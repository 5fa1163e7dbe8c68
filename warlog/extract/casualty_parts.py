"""Victims told in parts: some of the wounded who later died, a headline's subject with its own verb.

The Gun Violence Archive (like ACLED and UCDP) counts each victim once, as killed or as injured. Stories
often tell a group first and its fate later: "four women were wounded ... one of them has died" is one
killed and three injured, not one killed and four injured. These helpers find such parts in the parse
(``partitive_figure``, ``own_participle``) and take them out of a total (``survivors``), so
``casualties.casualty_totals`` stays a plain "largest figure" reading everywhere else.
"""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from warlog.extract.numbers import first_figure
from warlog.extract.spans import evidence_span
from warlog.schema import CasualtyMention, Count

__all__ = [
    "PART_WINDOW",
    "also_victim",
    "died_after",
    "headline_pair",
    "own_death",
    "own_participle",
    "lives_taken",
    "misread_death",
    "not_survived",
    "nth_victim",
    "partitive_figure",
    "suffered",
    "survived",
    "survivors",
    "then_himself",
    "verb_lemma",
]

#: Words that point back to a group already told: "two of them", "one of those men", "one of the victims".
BACKWARD = frozenset({"them", "those", "these", "the", "whom"})
#: Characters between a group's figure and the part of it that died, for the part to belong to the group.
PART_WINDOW = 600


def partitive_figure(num: Token) -> bool:
    """``num`` counts some of a group told before or beside it: "two of them", "one of those men", "one
    of the wounded", "one of four women". "two of his friends" names a new group and is not partitive."""
    for prep in num.children:
        if prep.lower_ != "of":
            continue
        for obj in prep.children:
            marks = [c for c in obj.children if c.dep_ in {"det", "nummod"}]
            if obj.dep_ == "pobj" and (obj.lower_ in BACKWARD or any(
                c.lower_ in BACKWARD or c.dep_ == "nummod" for c in marks
            )):  # "one of the wounded", "two of them", "one of four women"
                return True
    return False


def own_participle(noun: Token, is_casualty_word) -> bool:
    """A headline subject that has its own reduced clause: "Two men charged after girl shot, killed"
    is about two men who were charged; the killing at the end belongs to the girl. ``is_casualty_word``
    tells participles that are themselves casualty words ("Two men shot, killed") apart."""
    return any(c.dep_ == "acl" and c.tag_ == "VBN" and not is_casualty_word(c) for c in noun.children)


def headline_pair(verb: Token, lex) -> str | None:
    """"... after girl shot, killed": a headline's closing "shot, killed", however it was parsed, makes
    the shooting a death (or an injury: "shot, wounded")."""
    doc, i = verb.doc, verb.i
    if i + 2 >= len(doc) or doc[i + 1].text != "," or doc[i + 2].tag_ not in {"VBN", "VBD"}:
        return None
    if i + 3 < len(doc) and not doc[i + 3].is_punct:
        return None
    other = lex.transitive.get(doc[i + 2].lemma_.lower())
    return other if other in {"killed", "injured"} else None


def verb_lemma(verb: Token, lex) -> str:
    """The verb's lemma, with its particle where the pair is a casualty verb of its own: "passed away"
    is "pass away" (a death), where "pass" alone says nothing of anyone's fate."""
    lemma = verb.lemma_.lower()
    for c in verb.children:  # the parser hangs "away" as a particle or as an adverb
        if c.dep_ in {"prt", "advmod"} and c.i == verb.i + 1 and f"{lemma} {c.lower_}" in lex.intransitive:
            return f"{lemma} {c.lower_}"
    return lemma


def died_after(verb: Token, lex) -> str | None:
    """"Teen shot on West Side has died", "One of two men shot Monday dies": a headline's victim told as
    shot, whose death the clause the shooting hangs on tells (the parser makes the shooting that verb's
    subject or complement) or a verb joined to the shooting tells ("... shot Monday in Riverton dies").
    Only where the death verb comes after the shooting, has no subject of its own and the shooting no
    object (not "the man shot his wife ..."): "killed" then, not "casualties"."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return None
    joined = [c for c in verb.children if c.dep_ == "conj" and c.i > verb.i]
    governs = verb.dep_ in {"nsubj", "csubj", "ccomp"} and verb.head.i > verb.i
    heads = joined + ([verb.head] if governs else [])
    for head in heads:
        if lex.intransitive.get(verb_lemma(head, lex)) != "killed":
            continue
        if not any(c.dep_ in {"nsubj", "nsubjpass"} and c.i != verb.i for c in head.children):
            return "killed"
    return None


def also_victim(verb: Token, victim: Token, lex) -> Token | None:
    """"A woman was also shot": a victim introduced anew, with an "also" adverb (``lex.also``) on its
    verb, is one more person than those told before; the "also" is returned (the mention's evidence
    cites it, so ``casualty_totals`` can tell it from an "other"). Introduced anew: an indefinite noun,
    a name, or a person told by a relation ("his stepfather, John Smith", "the woman's boyfriend": a
    possessive on the noun). "He was also shot in the arm" and "the man was also shot" are the same
    person again; "shot another teen" is mostly someone other than the shooter, so "another" alone does
    not add."""
    also = next((c for c in verb.children if c.dep_ == "advmod" and c.lower_ in lex.also and c.i < verb.i),
                None)  # not "the shooting of his friend, also 14"
    if also is None or victim.lower_ in lex.pronouns:
        return None
    indefinite = any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in victim.children)
    related = any(c.dep_ == "poss" for c in victim.children)
    return also if indefinite or related or victim.ent_type_ == "PERSON" else None


def nth_victim(victim: Token, lex) -> int | None:
    """"A fourth victim was also injured", "a third person who was wounded": the place an ordinal gives a
    victim (``lex.ordinals``) says how many people were harmed in all, at the least."""
    place = next((lex.ordinals[c.lower_] for c in victim.children
                  if c.dep_ == "amod" and c.lower_ in lex.ordinals), None)
    return place if place is not None and victim.lower_ in lex.victims else None


def survived(verb: Token, lex) -> bool:
    """"was shot but survived": a shooting joined to a verb that says its victims lived (``lex.survive``),
    with no subject of its own ("four were hit and one of them survived" says it of one of them only) and
    no negation ("... and did not survive" is a death)."""
    return any(c.dep_ == "conj" and c.lemma_.lower() in lex.survive and not any(
        g.dep_ in {"nsubj", "nsubjpass", "neg"} for g in c.children) for c in verb.children)


def misread_death(noun: Token, lex) -> Token | None:
    """The headline "9-month-old dies after ...", where the parser reads "dies" as a plural noun that the
    age (or "Toddler") qualifies: the word as written is the present of a death verb
    (``lex.intransitive``), so the modifier before it is who died."""
    if noun.tag_ != "NNS" or "killed" not in {lex.intransitive.get(noun.lower_[:-n]) for n in (1, 2)}:
        return None
    return next((c for c in noun.children if c.dep_ in {"amod", "compound"} and c.i < noun.i), None)


def lives_taken(of: Token, lex) -> bool:
    """``of`` is the "of" of lives a verb took: "claimed the life of a man", "cost the lives of three
    soldiers" (``lex.life_verbs`` with ``lex.life_nouns`` as object): its object died."""
    life = of.head
    return (of.lower_ == "of" and life.lemma_.lower() in lex.life_nouns and life.dep_ == "dobj"
            and life.head.lemma_.lower() in lex.life_verbs)


def not_survived(verb: Token, lex) -> bool:
    """"did not survive", "didn't survive his injuries": a survive verb (``lex.survive``) denied tells a
    death of its subject."""
    return verb.lemma_.lower() in lex.survive and any(c.dep_ == "neg" for c in verb.children)


def suffered(verb: Token, lex) -> tuple[str, Token] | None:
    """"four men suffered injuries", "sustained a fatal gunshot wound": the kind the subject of a
    suffer verb (``lex.suffer``) bears and the condition noun it took; a "non-fatal" wound is no death.
    "six others were treated for gunshot wounds": the passive subject of a treatment verb
    (``lex.treat``) bears the condition it was treated for; one who "had" a wound (``lex.bear``) is
    injured only where it is one they live with ("minor", "non-life-threatening"), else harmed."""
    if verb.lemma_.lower() in lex.treat:  # "were treated for gunshot wounds": only a passive subject
        if any(c.dep_ in {"dobj", "nsubj"} for c in verb.children):
            return None  # "doctors treated them for wounds": the carers
        cared = next((o for p in verb.children if p.dep_ == "prep" and p.lower_ == "for" for o in p.children
                      if o.dep_ == "pobj" and o.lemma_.lower() in lex.conditions), None)
        return (lex.conditions[cared.lemma_.lower()], cared) if cared is not None else None
    bearing = verb.lemma_.lower() in lex.bear  # "had minor wounds": injured only if they live with it
    if verb.lemma_.lower() not in lex.suffer and not bearing:
        return None
    state = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in lex.conditions), None)
    found = next((o for p in verb.children if p.dep_ == "prep" and p.lower_ == "from" for o in p.children
                  if o.dep_ == "pobj" and o.lemma_.lower() in lex.conditions), None)
    if state is None and found is not None:  # "found suffering from gunshot wounds": harmed, fate untold
        return "casualties", found
    if state is None:
        return None
    fatal = any(c.lower_ in lex.fatal_modifiers and not (c.i >= 2 and c.doc[c.i - 2].lower_ == "non")
                for c in state.children)
    kind = "killed" if fatal else lex.conditions[state.lemma_.lower()]
    if bearing and kind == "injured" and not any(
        t.lower_ in lex.survivor_words for t in state.doc[state.left_edge.i : state.i]
    ):
        kind = "casualties"  # "all five had gunshot wounds": maybe the dead told again
    return kind, state


def then_himself(sent: SpacySpan, counted: set[int], before: list[CasualtyMention], lex,
                 hypothetical) -> list[CasualtyMention]:
    """"killed two people and then himself", "shot his wife, then himself": the killer's own death,
    told as an elided second object of a killing or shooting verb. It is one more dead than the death
    figure before it in the same sentence (``before``), or one death alone: adding across sentences
    would count him twice where a later sentence already gives the whole toll."""
    found = []
    doc = sent.doc
    for tok in sent:
        if tok.lower_ not in lex.reflexive or tok.i in counted or doc[max(tok.i - 1, 0)].lower_ != "then":
            continue
        verb = tok.head
        if tok.dep_ not in {"conj", "npadvmod", "dobj", "appos"} or hypothetical(verb):
            continue
        if lex.transitive.get(verb.lemma_.lower()) not in {"killed", "casualties"}:
            continue
        counted.add(tok.i)
        base = max((m for m in before if m.kind == "killed" and m.count.best is not None
                    and m.evidence.end <= tok.idx), key=lambda m: m.count.best, default=None)
        n = 1 + (base.count.best if base is not None else 0)
        start = base.evidence.start if base is not None else doc[tok.i - 1].idx
        end = tok.idx + len(tok)
        count = Count(low=n, best=n, high=n, text=tok.text, evidence=evidence_span(sent, tok.idx, end))
        found.append(CasualtyMention(kind="killed", count=count, evidence=evidence_span(sent, start, end)))
    return found


def own_death(sent: SpacySpan, counted: set[int], before: list[CasualtyMention], lex,
              hypothetical) -> list[CasualtyMention]:
    """"then turned the gun on himself", "before taking his own life": the killer's own death told by a
    verb and object of ``lex.self_killing``, marked by a reflexive pronoun after "on" or by "own" on the
    object. As with ``then_himself`` it is one more dead than the death figure before it in the
    sentence, or one death alone: stories that tell it apart mostly give the whole toll elsewhere
    ("two dead in murder-suicide ... he then turned the gun on himself"), so it is not added across
    sentences."""
    found = []
    doc = sent.doc
    for verb in sent:
        objects = lex.self_killing.get(verb.lemma_.lower())
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in objects), None) if (
            objects) else None
        if obj is None or hypothetical(verb):
            continue
        mark = next((o for p in verb.children if p.dep_ == "prep" and p.lower_ == "on" for o in p.children
                     if o.dep_ == "pobj" and o.lower_ in lex.reflexive), None) or next(
            (c for c in obj.children if c.lower_ == "own"), None)
        if mark is None or mark.i in counted:
            continue
        counted.add(mark.i)
        first, last = min(verb.i, obj.i, mark.i), max(verb.i, obj.i, mark.i)
        start, end = doc[first].idx, doc[last].idx + len(doc[last])
        base = max((m for m in before if m.kind == "killed" and m.count.best is not None and not m.others
                    and m.evidence.end <= start), key=lambda m: m.count.best, default=None)
        n = 1 + (base.count.best if base is not None else 0)
        own_life = doc[min(obj.left_edge.i, mark.i) : obj.i + 1].text  # "his own life"
        text = mark.text if mark.lower_ in lex.reflexive else own_life
        count = Count(low=n, best=n, high=n, text=text, evidence=evidence_span(sent, start, end))
        found.append(CasualtyMention(kind="killed", count=count, evidence=evidence_span(
            sent, base.evidence.start if base is not None else start, end)))
    return found


def survivors(mentions: list[CasualtyMention], injured: Count, injured_words: frozenset[str]) -> Count:
    """The injured total less those of them told to have died.

    A death figure that counts some of a group ("two of them later died") takes them out of the injured
    total when that group is the injured figure itself: the nearest figure of people harmed before the
    part (or inside it: "one of four women wounded has died") states the total. The group must be one
    the deaths are news about: the part names it as wounded ("two of the wounded died"), tells it in the
    same passage, or no death was told before the group ("one killed, three others hurt. One of the
    victims has died" restates the death already counted). A part never exceeds its group."""
    total = first_figure(injured)
    if not total:
        return injured
    died = 0
    for i, m in enumerate(mentions):
        if m.kind != "killed" or not m.partitive or m.aggregate or first_figure(m.count) is None:
            continue
        group = _group_of(mentions[:i] + mentions[i + 1 :], m)
        if group is None or group.kind != "injured" or first_figure(group.count) != total:
            continue
        inside = group.evidence.start >= m.evidence.start
        named = _names_group(m, injured_words)
        told = any(k.kind == "killed" and not k.aggregate and k.evidence.start < group.evidence.start
                   for k in mentions)
        if inside or named or not told:
            died = max(died, first_figure(m.count) or 0)
    if died == 0 or died > total:
        return injured
    n = total - died
    return injured.model_copy(update={"low": n, "best": n, "high": n})


def _names_group(part: CasualtyMention, injured_words: frozenset[str]) -> bool:
    """"two of the wounded died": the part's own words say the group was injured."""
    return any(w in injured_words for w in re.findall(r"[a-z]+", part.evidence.text.lower()))


def _group_of(others: list[CasualtyMention], part: CasualtyMention) -> CasualtyMention | None:
    """The nearest figure of people harmed told before ``part`` ends (or inside it: "one of four women
    wounded has died"), close enough to be the group it is part of."""
    best = None
    for g in others:
        if g.kind == "killed" or g.aggregate or g.evidence.start >= part.evidence.end:
            continue
        if part.evidence.start - g.evidence.end > PART_WINDOW:
            continue
        if best is None or g.evidence.start > best.evidence.start:
            best = g
    return best
