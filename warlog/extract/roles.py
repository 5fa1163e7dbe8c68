"""Who attacked whom: an actor's role in the event, read from the dependency parse around its mention.

Why: ACLED's ``actor1`` is the party that carried out the event and ``actor2`` the party it was carried out
against; coders read that from the clause, not from the order of mention. A report that says "Ukraine's air
force said a Russian missile hit Dnipro" names Ukraine first, but Russia is actor1. The parse gives the
clause roles cheaply: the subject of an attack verb (or the "by" agent of its passive) is the perpetrator;
its object, the subject of its passive, or the object of "on/against/at" under an attack verb or noun is the
target. Subjects of defence verbs ("air defence downed two drones") are neither: intercepting is not the
strike. The verbs and nouns come from ``warlog/data/actors.yaml``.

Without a parse (a blank pipeline) every role stays ``None``, and exports fall back to the order of mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Set
from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from warlog.schema import Actor, Claim, Modality, Stance

if TYPE_CHECKING:
    from warlog.extract.actors import ActorLexicon

PERPETRATOR = "perpetrator"
TARGET = "target"

SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass"})
OBJECTS = frozenset({"dobj"})


def role_of(
    span: SpacySpan,
    *,
    attack_verbs: Set[str],
    defence_verbs: Set[str],
    attack_nouns: Set[str],
    target_preps: Set[str],
) -> str | None:
    """The role (``perpetrator`` / ``target``) the actor mentioned by ``span`` plays, or ``None``."""
    head = span.root
    while head.dep_ == "conj" and head.head is not head:  # "Russian troops and tanks attacked"
        head = head.head
    governor = head.head
    if governor is head:
        return None
    if head.dep_ in SUBJECTS:
        verb = _attack_verb(governor, attack_verbs, defence_verbs)
        return PERPETRATOR if verb is not None else None
    if head.dep_ == "pobj" and governor.dep_ == "agent":  # "was hit by Russian missiles"
        return PERPETRATOR if _is_attack(governor.head, attack_verbs, defence_verbs) else None
    if head.dep_ in OBJECTS or head.dep_ in PASSIVE_SUBJECTS:
        return TARGET if _is_attack(governor, attack_verbs, defence_verbs) else None
    if head.dep_ == "pobj" and governor.lower_ in target_preps:
        attached = governor.head
        if _is_attack(attached, attack_verbs, defence_verbs) or attached.lemma_.lower() in attack_nouns:
            return TARGET
    return None


def _attack_verb(verb: Token, attack_verbs: Set[str], defence_verbs: Set[str]) -> Token | None:
    """The attack verb of a subject: the verb itself, or its open complement ("continued to shell")."""
    if _is_attack(verb, attack_verbs, defence_verbs):
        return verb
    for child in verb.children:
        if child.dep_ == "xcomp" and _is_attack(child, attack_verbs, defence_verbs):
            return child
    return None


def _is_attack(token: Token, attack_verbs: Set[str], defence_verbs: Set[str]) -> bool:
    if token.pos_ not in {"VERB", "AUX"} and token.dep_ != "ROOT":
        return False
    lemma = token.lemma_.lower()
    if lemma in defence_verbs or any(c.dep_ == "prt" and c.lower_ == "down" for c in token.children):
        return False
    return lemma in attack_verbs


def claimed_perpetrator(claims: Iterable[Claim], lexicon: ActorLexicon) -> Actor | None:
    """The party a report's claims name as the perpetrator, when its own clauses name none.

    A claim of responsibility names its claimant ("Ukraine's military said it destroyed the depot"); an
    accusation names the accused ("Moscow accused Ukraine of firing ..."). ACLED codes the reported
    perpetrator as actor1 in both cases (the claim stays attributed in ``claims``). Only states the actor
    lexicon knows are named: an unresolved "unknown attackers" stays unnamed.
    """
    for wanted in (Stance.RESPONSIBILITY.value, Stance.ACCUSATION.value):
        for claim in claims:
            if claim.stance != wanted or claim.modality != Modality.ASSERTED.value:
                continue
            if wanted == Stance.RESPONSIBILITY.value:
                name, iso = claim.claimant.name, claim.claimant.side
            else:
                name = claim.perpetrator or ""
                iso = _state_named(name, lexicon)
            if iso and iso in lexicon.states:
                return Actor(name=name, entity=lexicon.entity(iso, "military"), type=1, side=iso,
                             role=PERPETRATOR)
    return None


def _state_named(text: str, lexicon: ActorLexicon) -> str | None:
    """The ISO code of the state a phrase names by name, demonym or capital ("Ukrainian drones" → UA)."""
    words = set(re.findall(r"[\w-]+", text))
    for iso, state in lexicon.states.items():
        forms = (*state.names, *state.demonyms, *state.capitals)
        if any(form in words or (" " in form and form in text) for form in forms):
            return iso
    return None
