"""The words that tell what followed violence, and what only says it took place: read by
``incident_times`` to tell the violence's own time from the times of its aftermath.

Why a module of its own: each word list is a lexicon of ``followups.yaml`` (validated at first use) with a
small parse test beside it; ``incident_times`` keeps the choice of the time, and stays one job.
"""

from __future__ import annotations

from functools import cache

from warlog.data import load_yaml, word_list
from warlog.extract.casualty_lexicon import casualty_lexicon

#: The lexicon of what followed the violence (``death_after``, ``after_state``) and of what only says it
#: took place (``_occurrence_verbs``).
FOLLOWUPS = "followups.yaml"


@cache
def _words(key: str) -> frozenset[str]:
    """One word list of ``followups.yaml``, checked by ``word_list`` (a typo stops the load), lower-cased."""
    return frozenset(w.lower() for w in word_list(FOLLOWUPS, load_yaml(FOLLOWUPS), key))


def _followups() -> tuple[frozenset[str], frozenset[str]]:
    """The verbs of dying and the words that put the violence before them."""
    return _words("death_verbs"), _words("after_words")


def _state_words() -> frozenset[str]:
    """Adverbs that make a clause a state after the violence ("still in critical condition Saturday", "was
    still at large Monday")."""
    return _words("state_words")


def _followup_nouns() -> frozenset[str]:
    """Nouns of where people are held after the violence ("custody", "court")."""
    return _words("followup_nouns")


def after_state(verb, still: frozenset[str], held: frozenset[str]) -> bool:
    """The verb tells a state the people or the case are in after the violence: "still" modifies it ("was
    still at large Monday"), or it puts someone in custody or in court ("taken into custody Friday", "no one
    was in custody early Wednesday", "is due in court Tuesday")."""
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in still:
            return True
        if child.dep_ == "prep" and any(
            g.dep_ == "pobj" and g.lemma_.lower() in held for g in child.children
        ):
            return True
    return False


def _occurrence_verbs() -> frozenset[str]:
    """Verbs that only say the violence took place ("the shooting happened ...")."""
    return _words("occurrence_verbs")


@cache
def _harm_verbs() -> frozenset[str]:
    """The casualty lexicon's verbs of killing, wounding or shooting someone (``casualties.yaml``
    ``transitive_verbs``), less its tally verbs ("lost 30,000 troops") and its captures."""
    lex = casualty_lexicon()
    harmed = {"killed", "injured", "casualties"}
    return frozenset(w for w, kind in lex.transitive.items() if kind in harmed) - lex.tally_verbs


def death_after(verb) -> bool:
    """A verb of dying told after the violence ("died Friday after being shot", "died Sunday following a
    shooting"): the death followed the attack, so its time is a follow-up's (``followups.yaml``). A death
    told with the attack ("died on Monday when missiles hit") is not."""
    deaths, after = _followups()
    if verb.lemma_.lower() not in deaths:
        return False
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in after:
            return True
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in after for m in child.children):
            return True
    return False
