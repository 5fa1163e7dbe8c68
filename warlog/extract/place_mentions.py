"""Finding toponym mentions: NER places plus gazetteer names in place-like positions, before resolution.

Why apart from ``places.py``: finding walks the tokens and reads the words around a name ("in X", "the
village of X", "X Oblast", "X-based", a dateline); resolving ranks gazetteer readings with the document's
evidence (``place_resolution``). Why not NER alone: the small English model labels war-zone towns as people or
organisations about half the time, and misses many, so a run of capitalised tokens the gazetteer knows that
stands where a place would counts as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.attrs import IDX, IS_ALPHA, IS_STOP, IS_TITLE, LENGTH
from spacy.tokens import Doc

from warlog.extract.place_cues import Cues
from warlog.extract.place_readings import (
    inside,
    short_name_hits,
    transliterated_town,
    whole_entity,
)
from warlog.geo.gazetteer import Entry, Gazetteer
from warlog.geo.names import lookup_key
from warlog.geo.ranking import ADMIN1, ADMIN2, COUNTRY, SEA, SETTLEMENT

_PLACE_LABELS = {"GPE", "LOC"}
_WEAK_LABELS = {"ORG", "FAC"}
_NAME_POS = {"PROPN", "ADJ", "NOUN"}  # the tagger often calls an unknown town an adjective
_NOT_PLACE_LABELS = {
    "DATE",
    "TIME",
    "MONEY",
    "CARDINAL",
    "ORDINAL",
    "PERCENT",
    "QUANTITY",
    "EVENT",
    "LAW",
    "WORK_OF_ART",
    "LANGUAGE",
}
#: NER labels a strong place word before the name outweighs (short headlines confuse the model)
_OVERRIDABLE_LABELS = {"WORK_OF_ART", "EVENT", "LAW"}
_SHORT = 3  # names this short ("El", "Act") match only countries and admin1 units ("US", "La.")
_MAX_TOKENS = 5
_CONNECTORS = {"-", "on", "upon", "de", "al", "el", "la", "le", "sur", "am", "an", "der", "of"}
_PIECE_TOWN_POPULATION = 5_000
_POSSESSIVE = {"'s", "’s", "'", "’"}
#: "Ga.", "Calif.", "U.S.", "N.Y.": abbreviated names, which the gazetteer knows through geo_aliases.yaml
_ABBREVIATION = re.compile(r"[A-Z][a-z]{1,4}\.|(?:[A-Z]\.){2,3}")
_TRUSTED_CACHE = 50_000  # keys whose trusted readings a finder keeps (cleared when full)
_TOKEN_COLUMNS = [IDX, LENGTH, IS_ALPHA, IS_STOP, IS_TITLE]  # what the finder's window reads of each token


@dataclass
class Mention:
    """A toponym found in the text, before resolution."""

    start: int  # char offsets of the name as written (with "Oblast"/"region" when written)
    end: int
    name: str  # what is looked up
    kinds: tuple[int, ...] | None = None  # required kinds ("X Oblast" -> admin1)
    near: bool = False
    ev_start: int = -1  # widened start of evidence (spatial phrase), or -1
    from_ner: bool = False
    qualifier_of: int = -1  # index of the mention this one qualifies ("X, Donetsk Oblast")
    weak: bool = False  # a gazetteer match with no cue: kept only if it fits the document's countries
    given: bool = False  # a span a caller gave (resolve_spans): may name a place inside a longer name
    inner: bool = False  # resolved through a name inside it ('Bank of Japan' -> Japan)
    heads: bool = False  # opens a longer organisation or facility ('Licking Memorial Hospital')


class MentionFinder:
    """Toponym mentions of a document in text order, with the words around each read (``shape``)."""

    def __init__(self, gazetteer: Gazetteer, cues: Cues) -> None:
        self.gazetteer = gazetteer
        self.cues = cues
        #: key -> the gazetteer readings ``cues.trusted`` keeps: a news corpus repeats the same capitalised
        #: words, and filtering their readings again for every occurrence cost a tenth of the finder
        self._trusted: dict[str, tuple[Entry, ...]] = {}

    def _trusted_hits(self, key: str) -> tuple[Entry, ...]:
        hits = self._trusted.get(key)
        if hits is None:
            if len(self._trusted) >= _TRUSTED_CACHE:
                self._trusted.clear()
            hits = self._trusted[key] = self.cues.trusted(self.gazetteer.lookup_key(key), key)
        return hits

    def find(self, doc: Doc, text: str) -> list[Mention]:
        taken = [False] * len(doc)
        found: list[tuple[int, int, Mention]] = []  # (start token, end token, mention)
        blocked = [False] * len(doc)  # inside a person's full name
        person_words: set[str] = set()  # the words of people's full names in this document
        ents = doc.ents  # a fresh tuple on every access: read once
        person_name = {ent.start: self.cues.person_name(ent) for ent in ents if ent.label_ == "PERSON"}
        reached = 0  # the end of the last NER place, extended: an entity inside it is a piece of it
        for ent in ents:
            if ent.label_ in _PLACE_LABELS and ent.start < reached:
                continue  # "LOUIS" of "ST. LOUIS", both tagged
            if ent.label_ in _PLACE_LABELS:
                start, end = ent.start, self._extend(doc, text, ent.start, ent.end)
                reached = end
                if doc[start].lower_ == "the":
                    start += 1
                else:
                    start = self._extend_left(doc, text, start, end)
                while end > start and doc[end - 1].lower_ in _POSSESSIVE:
                    end -= 1  # "South Korea's": the possessive is no part of the name
                if start >= end:
                    continue
                stop_char = doc[end - 1].idx + len(doc[end - 1])
                if self.is_demonym(text[doc[start].idx : stop_char]):
                    continue  # "Ukrainian" tagged GPE is an adjective: adjectival() reports it
                if self._not_a_place(doc, start, end, text[doc[start].idx : stop_char]):
                    continue
                for a, b in self._pieces(doc, text, start, end):
                    mention = Mention(doc[a].idx, doc[b - 1].idx + len(doc[b - 1]), "", from_ner=True)
                    mention.name = text[mention.start : mention.end]
                    found.append((a, b, mention))
                    for i in range(a, b):
                        taken[i] = True
            elif ent.label_ == "PERSON" and len(ent) > 1 and person_name[ent.start]:
                for i in range(ent.start, ent.end):
                    blocked[i] = True  # "George Washington", "Paris Hilton"
                    if doc[i].is_title and doc[ent.end - 1].lower_ not in self.cues.units:
                        person_words.add(doc[i].text)  # ("Bakhmut Raion" mislabelled a person is none)
        ent_label = {
            i: ent.label_
            for ent in ents
            if ent.label_ != "PERSON" or person_name[ent.start]
            for i in range(ent.start, ent.end)
        }
        # each token's offset, length and flags read once, in one array: the window below looks at every
        # token up to five times, and each ``doc[j]`` builds a new Token object
        rows = doc.to_array(_TOKEN_COLUMNS).tolist() if len(doc) else []
        starts = [row[0] for row in rows]
        words = [text[row[0] : row[0] + row[1]] for row in rows]
        caps = [_capitalised_flags(w, row[2]) for w, row in zip(words, rows, strict=True)]
        i = 0
        n = len(doc)
        while i < n:
            if taken[i] or not caps[i] or rows[i][3] and not rows[i][4]:  # a stop word, unless titled
                i += 1
                continue
            tok = doc[i]
            best = None
            for j in range(i, min(n, i + _MAX_TOKENS)):
                if taken[j]:
                    break
                if not caps[j]:
                    if j > i and doc[j].lower_ not in _CONNECTORS:
                        break
                    continue
                name = text[starts[i] : starts[j] + len(words[j])]
                key = lookup_key(name)
                hits = self._trusted_hits(key)
                if hits and len(key) <= _SHORT:
                    # "US", "U.S.", "La." are names; "La" and "Ga" in running text are other words
                    hits = short_name_hits(hits) if name.isupper() or name.endswith(".") else ()
                if hits:
                    best = (j + 1, name, hits)
            if best is None:
                i += 1
                continue
            stop, name, hits = best
            unit_named = stop - i > 1 and doc[stop - 1].lower_ in self.cues.units  # "X Oblast" is no person
            # "Broken Arrow teen shot": a full 'person' before a town's people or police is the town
            peopled = (
                stop < n and doc[stop].lower_ in self.cues.person_followers and whole_entity(doc, i, stop)
            )
            if any(blocked[k] for k in range(i, stop)) and not (
                self._cue_before(doc, text, i) or unit_named or peopled
            ):
                i = stop
                continue
            if self._not_a_place(doc, i, stop, name):
                i = stop
                continue
            accepted = self._accept(doc, text, i, stop, hits, ent_label)
            if accepted or (
                self._weak(doc, text, i, stop, ent_label) and lookup_key(name) not in self.cues.not_places
            ):
                mention = Mention(tok.idx, doc[stop - 1].idx + len(doc[stop - 1]), name, weak=not accepted)
                mention.heads = stop < n and doc[stop].ent_iob_ == "I" and ent_label.get(i) in _WEAK_LABELS
                found.append((i, stop, mention))
                for k in range(i, stop):
                    taken[k] = True
            i = stop
        found.sort(key=lambda item: item[0])
        mentions = []
        for start, end, mention in found:
            if self._names_a_person(doc, start, end, person_words):
                continue
            self.shape(doc, text, start, end, mention)
            mentions.append(mention)
        return mentions

    def _names_a_person(self, doc: Doc, start: int, end: int, person_words: set[str]) -> bool:
        """One sense per document: after "Linda Pierce" a bare "Pierce" is the person again, not a town,
        unless a place word says otherwise ("in Pierce", "north Pierce", "Pierce County", "a Pierce teen")."""
        if end - start != 1 or doc[start].text not in person_words:
            return False
        if start > 0 and (doc[start - 1].lower_ in self.cues.strong or lookup_key(doc[start - 1].text) in
                          self.cues.compass):
            return False  # "in Pierce", "north Pierce": a part of a town is named by its direction
        # "Pierce County", "a Pierce teen", "Pierce police": a town's units, people and police
        return not (end < len(doc) and doc[end].lower_ in self.cues.units | self.cues.person_followers)

    def _pieces(self, doc: Doc, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """The token ranges of an NER place to resolve: the whole span when the gazetteer knows it (or it
        ends in a unit word: "Belgorod region"), else the known names inside it. NER often runs a place
        into the words around it ("Greece Italy", "Montgomery County Democrats", "north west London",
        "Mississippi State"); a span with no known name inside stays whole, reported unresolved."""
        whole = text[doc[start].idx : doc[end - 1].idx + len(doc[end - 1])]
        if self.gazetteer.lookup(whole) or (end - start > 1 and doc[end - 1].lower_ in self.cues.units):
            return [(start, end)]
        pieces = []
        i = start
        while i < end:
            found = 0
            if _capitalised(doc[i]):
                for j in range(min(end, i + _MAX_TOKENS), i, -1):
                    if (j - i, i) == (end - start, start) or not _capitalised(doc[j - 1]):
                        continue
                    if self._known_piece(text[doc[i].idx : doc[j - 1].idx + len(doc[j - 1])]):
                        found = j
                        break
            if found:
                pieces.append((i, found))
                i = found
            else:
                i += 1
        return pieces or [(start, end)]

    def _known_piece(self, name: str) -> bool:
        """A name inside an NER place that stands for a place itself: a country, unit, region or sea, or a
        town of some size; never a listed common word ('Building', 'Local')."""
        key = lookup_key(name)
        if key in self.cues.not_places or key in self.cues.compass:
            return False
        hits = self.gazetteer.lookup(name)
        if len(key) <= _SHORT:
            hits = short_name_hits(hits) if name.isupper() or name.endswith(".") else ()
        return any(h.kind != SETTLEMENT or h.population >= _PIECE_TOWN_POPULATION for h in hits)

    def _not_a_place(self, doc: Doc, start: int, end: int, name: str) -> bool:
        """Names that look like places and are not, whatever NER says: a place inside a person's title
        ("the Duchess of Edinburgh" names a person), a bare compass word ("the West" is a bloc, not the
        West Region of Cameroon), the first words of a street's name ("on Mayfield Road"), and a word with
        no capital letter ("the dead of that cold winter": English writes every toponym capitalised)."""
        titled = start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in self.cues.titles
        return (
            titled
            or name.lower() == name
            or (end - start == 1 and lookup_key(name) in self.cues.compass)
            or self.cues.street(doc, end)
        )

    def is_demonym(self, word: str) -> bool:
        cues = self.cues
        return any(w in cues.demonyms or w in cues.place_demonyms for w in (word, word.removesuffix("s")))

    def _extend(self, doc: Doc, text: str, start: int, end: int) -> int:
        """NER often cuts a two-word town short ('Bila' of 'Bila Tserkva', 'ST' of 'ST. LOUIS'): take the
        longer name when the gazetteer knows it."""
        best = end
        for stop in range(end + 1, min(len(doc), end + 3) + 1):
            if doc[stop - 1].text == "." and not doc[stop - 2].whitespace_:
                continue  # "ST. LOUIS", "FT. WORTH": the tokenizer splits a capitals abbreviation's stop
            if not _capitalised(doc[stop - 1]):
                break
            if self.gazetteer.lookup(text[doc[start].idx : doc[stop - 1].idx + len(doc[stop - 1])]):
                best = stop
        return best

    def _extend_left(self, doc: Doc, text: str, start: int, end: int) -> int:
        """NER often cuts a two-word town short at its head ('LODGE' of 'DEER LODGE', 'FALLS' of 'GRANITE
        FALLS, N.C.'): take the word before when it is a capitalised word of no entity, written in the
        same case and on the same line, and the gazetteer knows the longer name."""
        if start == 0:
            return start
        prev, first = doc[start - 1], doc[start]
        if prev.ent_type_ or not _capitalised(prev) or prev.is_upper != first.is_upper:
            return start
        if "\n" in text[prev.idx : first.idx]:
            return start
        longer = text[prev.idx : doc[end - 1].idx + len(doc[end - 1])]
        return start - 1 if self.gazetteer.lookup(longer) else start

    def _weak(self, doc: Doc, text: str, i: int, stop: int, ent_label: dict) -> bool:
        """A gazetteer name that opens an organisation or facility NER found ('Mariupol Drama Theater',
        'Irpin' mislabelled ORG), or a 'person' right after a preposition ('shelling of Hostomel'): a
        candidate, kept later only if it fits the document."""
        label = ent_label.get(i, "")
        if label in ("PERSON", "NORP"):
            return self._cue_before(doc, text, i) and doc[i].ent_iob_ == "B"
        opens = doc[i].ent_iob_ == "B" or (
            i > 0 and doc[i - 1].ent_iob_ == "B" and doc[i - 1].lower_ == "the"
        )
        return (
            label in _WEAK_LABELS
            and opens
            and all(doc[k].pos_ in _NAME_POS or doc[k].text == "-" for k in range(i, stop))
        )

    def _cue_before(self, doc: Doc, text: str, i: int) -> bool:
        return i > 0 and doc[i - 1].lower_ in self.cues.preps

    def _accept(
        self, doc: Doc, text: str, i: int, stop: int, hits: tuple[Entry, ...], ent_label: dict
    ) -> bool:
        """A gazetteer match outside NER places counts when the words around it make it a place."""
        label = ent_label.get(i, "")
        # "Hope, Ark.", "BETHLEHEM, Pa.": a name its own province or country follows is a place, even one
        # of the English words GeoNames also knows (``not_places``)
        qualified = self._qualified(doc, stop, hits)
        key = lookup_key(text[doc[i].idx : doc[stop - 1].idx + len(doc[stop - 1])])
        if key in self.cues.not_places and not qualified:
            return False
        if label in _NOT_PLACE_LABELS and not (
            # "Fire and injuries in Donetsk (Image 1)" read as a work of art: a strong place word before
            # the name outweighs a label of that kind, never a date's or a number's
            label in _OVERRIDABLE_LABELS
            and (
                (i > 0 and doc[i - 1].lower_ in self.cues.strong)
                or (stop < len(doc) and doc[stop].lower_ in self.cues.followers)  # "Oakton teen recovering"
            )
        ):
            return False
        # "at Oneida Mountain Hospital", "of Wedgewood Baptist Church": a name opening a longer organisation
        # or facility leaves the preposition to the whole name; it may still be a weak match (_weak)
        heads_name = label in _WEAK_LABELS and stop < len(doc) and doc[stop].ent_iob_ == "I"
        if (
            not heads_name
            and self._cue_before(doc, text, i)
            and (label not in ("PERSON", "NORP") or doc[i - 1].lower_ in self.cues.strong)
        ):
            return True
        window = text[max(0, doc[i].idx - 60) : doc[i].idx]
        if self.cues.settled_before(window):
            return True  # "the city of X", "the village of X"
        if self.cues.spatial_before(window):
            return True  # "south of X", "5 km from X"
        if stop - i > 1 and doc[stop - 1].lower_ in self.cues.units:
            return True  # "Donetsk Oblast", "Bakhmut Raion": the unit word says it is a place
        if i > 0 and doc[i - 1].text == "," and any(h.kind in (ADMIN1, COUNTRY) for h in hits):
            return True  # "Krasnohorivka, Donetsk Oblast": a qualifier after a comma
        if self.cues.dateline(doc, i, stop):
            return True  # "BOSTON (Reuters) -": where the story was filed
        if (
            i >= 2
            and not heads_name
            and doc[i - 1].lower_ == "the"
            and doc[i - 2].lower_ in self.cues.preps
            and label not in ("PERSON", "NORP", "ORG")
        ):
            return True
        if stop < len(doc):
            nxt = doc[stop].lower_
            if nxt in self.cues.units or (nxt in self.cues.followers and label != "PERSON"):
                return True
            if nxt in self.cues.person_followers and (not label or whole_entity(doc, i, stop)):
                return True  # "Wilmington police have charged": a lone 'person' before its police
            if nxt == "-" and stop + 1 < len(doc) and doc[stop + 1].lower_ in self.cues.suffixes:
                return True
            if qualified:
                return True
        key = lookup_key(doc[i:stop].text)
        famous = any(h.kind in (COUNTRY, ADMIN1, SEA) and lookup_key(h.name) == key for h in hits)
        if famous and label not in ("PERSON", "ORG"):
            return True
        if (
            label not in ("PERSON", "NORP")
            and (not label or _opens_entity(doc, i))
            and transliterated_town(hits, self.cues.translit_countries)
        ):
            return True  # "Volnovakha, artillery of ...": a town name that is no English word or surname
        # a country NER takes for an organisation or a person ("the DPRK's security concerns", "Azerbaijan
        # should release"): the whole entity is the country's name, so it is the country, metonymy or not
        return (
            label in ("PERSON", "ORG") and whole_entity(doc, i, stop) and any(h.kind == COUNTRY for h in hits)
        )

    def _qualified(self, doc: Doc, stop: int, hits: tuple[Entry, ...]) -> bool:
        """ "Alexandria, La.": the name is a place of the unit or country that follows it after a comma
        ("Still, Hawaii's ..." is no French village)."""
        if stop + 1 >= len(doc) or doc[stop].text != "," or not _capitalised(doc[stop + 1]):
            return False
        follow = self.gazetteer.lookup(doc[stop + 1].text)
        return any(inside(h, f) for f in follow if f.kind in (ADMIN1, COUNTRY) for h in hits)

    def shape(self, doc: Doc, text: str, start: int, end: int, mention: Mention) -> None:
        """Read the words around a mention: admin words after, settlement words and spatial phrases before."""
        cues = self.cues
        last = doc[end - 1].lower_
        if end < len(doc) and doc[end].lower_ in cues.units:
            word = doc[end].lower_
            mention.end = doc[end].idx + len(doc[end])
            mention.kinds = (ADMIN1,) if word in cues.admin1 else (ADMIN2,)
        elif end - start > 1 and last in cues.units:
            mention.kinds = (ADMIN1,) if last in cues.admin1 else (ADMIN2,)
            mention.name = doc[start : end - 1].text
        window = text[max(0, mention.start - 80) : mention.start]
        if cues.settled_before(window):
            mention.kinds = (SETTLEMENT,)
        hit = cues.spatial_before(window)
        if hit:
            mention.near = True
            mention.ev_start = mention.start - (len(window) - hit.start(1))


def _opens_entity(doc: Doc, i: int) -> bool:
    """Whether token i opens its NER entity, numbers glued before it aside ('03/05/2022 Volnovakha'); a
    name further inside ('Air Kharkiv') belongs to the organisation."""
    while (
        doc[i].ent_iob_ == "I"
        and i > 0
        and (doc[i - 1].like_num or any(c.isdigit() for c in doc[i - 1].text))
    ):
        i -= 1
    return doc[i].ent_iob_ == "B"


def _capitalised(tok) -> bool:
    return _capitalised_flags(tok.text, tok.is_alpha)


def _capitalised_flags(text: str, is_alpha: int) -> bool:
    """``_capitalised`` from a token's text and its IS_ALPHA flag (a row of ``Doc.to_array``)."""
    return (
        bool(text)
        and text[0].isupper()
        and (bool(is_alpha) or "'" in text or "’" in text or bool(_ABBREVIATION.fullmatch(text)))
    )


__all__ = ["Mention", "MentionFinder"]
