"""Who is speaking: a speaker phrase resolved to a ``schema.Claimant`` (entity, type, side).

Why a module of its own: the same resolution serves every attribution construction (subject of "said",
object of "according to", agent of "was reported by"), and coreference ("the governor" → the governor
named earlier, "he" → the last person quoted) needs memory across the claims of one document. All
knowledge (role words, institutions, country words) comes from ``warlog/data/claimants.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from warlog.data import load_yaml
from warlog.errors import LexiconError
from warlog.schema import Claimant, ClaimantType

LEXICON = "claimants.yaml"
#: the order in which types are tried: the most specific institution wins over a generic role word
TYPE_ORDER: tuple[str, ...] = ("military", "government", "official", "NGO", "media", "witness")
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
PERSON_WINDOW = 6  # tokens either side of a PERSON name searched for its role and side


Phrase = tuple[str, ...]


@dataclass(frozen=True)
class ClaimantLexicon:
    """The validated content of claimants.yaml, as whole-token phrase tables."""

    types: dict[Phrase, str]
    sides: dict[Phrase, str]
    side_names: dict[str, str]
    institutions: dict[Phrase, str]
    roles: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    longest: int = 4

    def find(self, words: list[str], table: dict[Phrase, str]) -> list[tuple[int, int, str]]:
        """Greedy longest whole-token matches of ``table`` in ``words``: (start, end, value)."""
        found: list[tuple[int, int, str]] = []
        i = 0
        while i < len(words):
            for n in range(min(self.longest, len(words) - i), 0, -1):
                value = table.get(tuple(words[i : i + n]))
                if value is not None:
                    found.append((i, i + n, value))
                    i += n
                    break
            else:
                i += 1
        return found

    def claimant_type(self, words: list[str]) -> str | None:
        found = {value for _, _, value in self.find(words, self.types)}
        return next((t for t in TYPE_ORDER if t in found), None)

    def side(self, words: list[str]) -> str | None:
        found = self.find(words, self.sides)
        return found[0][2] if found else None

    def institution(self, words: list[str]) -> str | None:
        found = self.find(words, self.institutions)
        return found[0][2] if found else None


def _phrase(text: str) -> Phrase:
    return tuple(str(text).lower().replace("'s", " 's").split())


@cache
def load_claimant_lexicon(name: str = LEXICON) -> ClaimantLexicon:
    """Read and check claimants.yaml once per process."""
    raw = load_yaml(name)
    if not isinstance(raw, dict):
        raise LexiconError(f"lexicon {name!r} must be a mapping with types, sides and institutions")
    types: dict[Phrase, str] = {}
    valid = {t.value for t in ClaimantType}
    for kind, words in (raw.get("types") or {}).items():
        if kind not in valid:
            raise LexiconError(f"lexicon {name!r}: type {kind!r} is not one of {sorted(valid)}; fix the key")
        for word in words:
            types.setdefault(_phrase(word), kind)
    sides: dict[Phrase, str] = {}
    side_names: dict[str, str] = {}
    for iso, entry in (raw.get("sides") or {}).items():
        if not (isinstance(iso, str) and len(iso) == 2 and iso.isupper()):
            raise LexiconError(f"lexicon {name!r}: side {iso!r} must be an ISO 3166-1 alpha-2 code")
        if not isinstance(entry, dict) or "words" not in entry or "name" not in entry:
            raise LexiconError(f"lexicon {name!r}: side {iso!r} needs `name` and `words`")
        side_names[iso] = str(entry["name"])
        for word in entry["words"]:
            sides.setdefault(_phrase(word), iso)
    institutions = {_phrase(k): str(v) for k, v in (raw.get("institutions") or {}).items()}
    pronouns = raw.get("pronouns") or {}
    tables = (types, sides, institutions)
    longest = max((len(p) for table in tables for p in table), default=1)
    return ClaimantLexicon(
        types=types,
        sides=sides,
        side_names=side_names,
        institutions=institutions,
        roles=frozenset(str(r).lower() for r in raw.get("roles") or ()),
        person_pronouns=frozenset(pronouns.get("person") or ()),
        group_pronouns=frozenset(pronouns.get("group") or ()),
        longest=longest,
    )


@dataclass
class Mention:
    """An earlier mention a later description or pronoun can refer back to."""

    start: int
    roles: frozenset[str]
    claimant: Claimant
    person: bool


@dataclass
class SpeakerResolver:
    """Resolves the speaker phrases of one document in text order, remembering what it has seen."""

    doc: Doc
    lexicon: ClaimantLexicon
    mentions: list[Mention] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._ents = list(self.doc.ents)  # Doc.ents builds a new tuple on every access: read it once
        self._people = self._person_mentions()

    def _ents_in(self, phrase: SpacySpan, labels: tuple[str, ...]) -> list[SpacySpan]:
        start, end = phrase.start, phrase.end
        return [e for e in self._ents if e.label_ in labels and start <= e.start and e.end <= end]

    # ------------------------------------------------------------------ public

    def resolve(self, span: SpacySpan | None, *, name_tokens: SpacySpan | None = None) -> Claimant:
        """The claimant a speaker phrase names. ``name_tokens`` replaces a relative pronoun ("who")
        by its antecedent for resolution while the evidence span stays as written."""
        if span is None or len(span) == 0:
            return Claimant(name="")
        phrase = name_tokens if name_tokens is not None else span
        words = [t.lower_ for t in phrase]
        claimant = self._describe(phrase, words)
        if claimant.entity is None:
            claimant = self._corefer(phrase, words, claimant)
        roles = frozenset(w for w in words if w in self.lexicon.roles)
        person = bool(self._ents_in(phrase, ("PERSON",))) or claimant.type == "witness"
        if claimant.entity is not None:
            self.mentions.append(Mention(phrase.start_char, roles, claimant, person))
        return claimant

    # ------------------------------------------------------------------ internals

    def _place_side(self, start: int, end: int) -> str | None:
        """The country of a resolved place named inside the speaker phrase: "the Belgorod governor" is
        Russian, "Kharkiv's mayor" Ukrainian (the places component runs before this one)."""
        for place in self.doc._.places or ():
            ev = place.evidence
            if place.country and ev is not None and start <= ev.start and ev.end <= end:
                return place.country
        return None

    def _describe(self, phrase: SpacySpan, words: list[str]) -> Claimant:
        lex = self.lexicon
        kind = lex.claimant_type(words)
        side = lex.side(words) or self._place_side(phrase.start_char, phrase.end_char)
        people = self._ents_in(phrase, ("PERSON",))
        entity: str | None = None
        if people:
            entity = people[0].text
        elif (institution := lex.institution(words)) is not None:
            entity = f"{lex.side_names[side]} {institution}" if side in lex.side_names else None
        elif side in lex.side_names and _only_side_words(words, lex):
            # metonymy: "Moscow has not commented", "Kyiv said" -> that state's government
            entity = f"{lex.side_names[side]} Government"
            kind = kind or ClaimantType.GOVERNMENT.value
        else:
            orgs = self._ents_in(phrase, ("ORG", "NORP", "GPE"))
            if orgs and kind is not None:
                entity = orgs[0].text
        return Claimant(name=phrase.text, entity=entity, type=kind or ClaimantType.UNKNOWN.value, side=side)

    def _corefer(self, phrase: SpacySpan, words: list[str], claimant: Claimant) -> Claimant:
        """'the governor' / 'he' / 'the ministry' → the latest earlier mention that fits."""
        lex = self.lexicon
        start = phrase.start_char
        if len(words) == 1 and words[0] in lex.person_pronouns:
            found = self._latest(start, person=True)
        elif len(words) == 1 and words[0] in lex.group_pronouns:
            found = self._latest(start, person=False)
        elif words and words[0] in DETERMINERS:
            roles = {w for w in words if w in lex.roles}
            found = self._latest(start, roles=roles) if roles else None
            if found is not None and claimant.side and found.side and claimant.side != found.side:
                found = None
        else:
            found = None
        if found is None:
            return claimant
        return Claimant(
            name=claimant.name,
            entity=found.entity,
            type=found.type if claimant.type == ClaimantType.UNKNOWN.value else claimant.type,
            side=claimant.side or found.side,
        )

    def _latest(self, start: int, *, person: bool | None = None, roles: set[str] | None = None):
        candidates = [m for m in self.mentions if m.start < start]
        candidates += [m for m in self._people if m.start < start]
        candidates.sort(key=lambda m: m.start)
        for mention in reversed(candidates):
            if person is not None and mention.person != person:
                continue
            if roles and not roles & mention.roles:
                continue
            return mention.claimant
        return None

    def _person_mentions(self) -> list[Mention]:
        """PERSON names with a role word next to them ("Governor X", "X, the regional governor")."""
        found: list[Mention] = []
        lex = self.lexicon
        for ent in self._ents:
            if ent.label_ != "PERSON":
                continue
            sent = ent.sent
            lo = max(sent.start, ent.start - PERSON_WINDOW)
            # after the name only an apposition ("X, the regional governor") describes the person
            after = ent.end < sent.end and self.doc[ent.end].text == ","
            hi = min(sent.end, ent.end + PERSON_WINDOW) if after else ent.end
            window = [t.lower_ for t in self.doc[lo:hi]]
            roles = frozenset(w for w in window if w in lex.roles)
            if not roles:
                continue
            claimant = Claimant(
                name=ent.text,
                entity=ent.text,
                type=lex.claimant_type(window) or ClaimantType.OFFICIAL.value,
                side=lex.side(window) or self._place_side(self.doc[lo].idx, ent.end_char),
            )
            found.append(Mention(ent.start_char, roles, claimant, True))
        return found


def _only_side_words(words: list[str], lex: ClaimantLexicon) -> bool:
    covered = sum(end - begin for begin, end, _ in lex.find(words, lex.sides))
    rest = [w for w in words if w not in DETERMINERS and w != "'s"]
    return covered >= len(rest) > 0
