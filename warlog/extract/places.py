"""Toponyms: gazetteer phrase matches that override weak NER labels, resolved to GeoNames.

Why not NER alone: the small English model labels war-zone towns as people or organisations about half the
time, and misses many. So a mention is either a GPE/LOC entity, or a run of capitalised tokens the gazetteer
knows that stands where a place would ("in Krasnohorivka", "the village of X", "X Oblast", "X-based").

Each mention becomes one ``schema.Place`` in text order. Resolution ranks the gazetteer candidates with the
document's own evidence (``warlog.geo.ranking``). ``where_prec`` follows UCDP: 1 settlement, 2 near one
("near", "outskirts of", "15 km south of": the evidence span is widened to include the phrase), 3 admin2,
4 admin1 ("Donetsk Oblast", "the Belgorod region"), 6 country, 7 sea.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from spacy.language import Language
from spacy.tokens import Doc

from warlog.extract.base import Component
from warlog.extract.embedded_places import embedded_spans
from warlog.extract.place_cues import Cues
from warlog.extract.place_readings import (
    CITY_POPULATION,
    drop_eponymous_units,
    inside,
    short_name_hits,
    sure_units,
    transliterated_town,
    unique_town,
    whole_entity,
    within_unit,
)
from warlog.geo.gazetteer import Entry, Gazetteer
from warlog.geo.names import lookup_key
from warlog.geo.ranking import (
    ADMIN1,
    ADMIN2,
    COUNTRY,
    SEA,
    SETTLEMENT,
    Context,
    add_counties,
    coherence,
    prior,
    rank,
)
from warlog.schema import Place, PlaceCandidate, Span

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
_AMBIGUOUS_MARGIN = 1.0
_ALTERNATIVES = 3
_WEAK_TOWN_POPULATION = 20_000
_INNER_TOWN_POPULATION = 15_000
_PIECE_TOWN_POPULATION = 5_000
_VOTE_TOWN_POPULATION = 10_000  # towns that share a unit's name and its vote
_POSSESSIVE = {"'s", "’s", "'", "’"}
# transliteration look-ups (_similar): keep the spellings this close to the closest one; with country
# evidence a respelling must be this close to a spelling of the place ('Orinoco' is no Olonets); without it,
# closer still and of a town of some size
_SIMILAR_MARGIN = 0.1
_SIMILAR_IN_CONTEXT = 0.75
_SIMILAR_CLOSE = 0.8
_SIMILAR_TOWN_POPULATION = 10_000
#: "Ga.", "Calif.", "U.S.", "N.Y.": abbreviated names, which the gazetteer knows through geo_aliases.yaml
_ABBREVIATION = re.compile(r"[A-Z][a-z]{1,4}\.|(?:[A-Z]\.){2,3}")
_WORD = re.compile(r"[^\W\d_][\w.'’-]*")
_CAPITALISED_WORD = re.compile(r"(?<![^\W\d_])[A-Z][^\W\d_]*")


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


class PlaceFinder(Component):
    """Toponyms: gazetteer phrase matches that override weak NER labels, resolved to GeoNames."""

    attr = "places"

    def __init__(self, nlp: Language, name: str, gazetteer: Gazetteer | None = None) -> None:
        super().__init__(nlp, name)
        self._gazetteer = gazetteer
        self.cues = Cues()

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = Gazetteer.default()
        return self._gazetteer

    # ------------------------------------------------------------------------------------------ match

    def match(self, doc: Doc) -> list[Place]:
        text = doc.text  # Doc.text joins every token: read it once per document
        return [place for _, place in self._resolve(doc, text, self._find(doc, text))]

    def find_mentions(self, doc: Doc) -> list[Mention]:
        """Toponym mentions in text order: NER places plus gazetteer matches in place-like positions."""
        return self._find(doc, doc.text)

    def _find(self, doc: Doc, text: str) -> list[Mention]:
        gaz = self.gazetteer
        taken = [False] * len(doc)
        found: list[tuple[int, int, Mention]] = []  # (start token, end token, mention)
        blocked = [False] * len(doc)  # inside a person's full name
        person_words: set[str] = set()  # the words of people's full names in this document
        ents = doc.ents  # a fresh tuple on every access: read once
        for ent in ents:
            if ent.label_ in _PLACE_LABELS:
                start, end = ent.start, self._extend(doc, text, ent.start, ent.end)
                if doc[start].lower_ == "the":
                    start += 1
                while end > start and doc[end - 1].lower_ in _POSSESSIVE:
                    end -= 1  # "South Korea's": the possessive is no part of the name
                if start >= end:
                    continue
                stop_char = doc[end - 1].idx + len(doc[end - 1])
                if self._is_demonym(text[doc[start].idx : stop_char]):
                    continue  # "Ukrainian" tagged GPE is an adjective: adjectival() reports it
                if self._not_a_place(doc, start, end, text[doc[start].idx : stop_char]):
                    continue
                for a, b in self._pieces(doc, text, start, end):
                    mention = Mention(doc[a].idx, doc[b - 1].idx + len(doc[b - 1]), "", from_ner=True)
                    mention.name = text[mention.start : mention.end]
                    found.append((a, b, mention))
                    for i in range(a, b):
                        taken[i] = True
            elif ent.label_ == "PERSON" and len(ent) > 1 and self.cues.person_name(ent):
                for i in range(ent.start, ent.end):
                    blocked[i] = True  # "George Washington", "Paris Hilton"
                    if doc[i].is_title and doc[ent.end - 1].lower_ not in self.cues.units:
                        person_words.add(doc[i].text)  # ("Bakhmut Raion" mislabelled a person is none)
        ent_label = {
            i: ent.label_
            for ent in ents
            if ent.label_ != "PERSON" or self.cues.person_name(ent)
            for i in range(ent.start, ent.end)
        }
        i = 0
        n = len(doc)
        while i < n:
            tok = doc[i]
            if taken[i] or not _capitalised(tok) or tok.is_stop and not tok.is_title:
                i += 1
                continue
            best = None
            for j in range(i, min(n, i + _MAX_TOKENS)):
                t = doc[j]
                if taken[j]:
                    break
                if j > i and not (_capitalised(t) or t.lower_ in _CONNECTORS):
                    break
                if not _capitalised(t):
                    continue
                name = text[tok.idx : t.idx + len(t)]
                key = lookup_key(name)
                hits = self.cues.trusted(gaz.lookup_key(key), key)
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
            if any(blocked[k] for k in range(i, stop)) and not (self._cue_before(doc, text, i) or unit_named):
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
                found.append((i, stop, mention))
                for k in range(i, stop):
                    taken[k] = True
            i = stop
        found.sort(key=lambda item: item[0])
        mentions = []
        for start, end, mention in found:
            if self._names_a_person(doc, start, end, person_words):
                continue
            self._shape(doc, text, start, end, mention)
            mentions.append(mention)
        return mentions

    def _names_a_person(self, doc: Doc, start: int, end: int, person_words: set[str]) -> bool:
        """One sense per document: after "Linda Pierce" a bare "Pierce" is the person again, not a town,
        unless a place word says otherwise ("in Pierce", "Pierce County")."""
        if end - start != 1 or doc[start].text not in person_words:
            return False
        if start > 0 and doc[start - 1].lower_ in self.cues.strong:
            return False
        return not (end < len(doc) and doc[end].lower_ in self.cues.units)

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
        ("the Duchess of Edinburgh" names a person) and a bare compass word ("the West" is a bloc, not the
        West Region of Cameroon)."""
        titled = start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in self.cues.titles
        return titled or (end - start == 1 and lookup_key(name) in self.cues.compass)

    def adjectival(self, doc: Doc, places: list[Place] | None = None) -> list[Place]:
        """Adjectival toponyms ('Russian', 'South Korean', 'European'), each resolved to its country or
        region. Not part of ``doc._.places``: "Russian forces" does not say where an event happened; but
        corpora such as GeoWebNews count them as toponyms, and a reader may want the countries a text is
        about. ``places`` (default ``doc._.places`` when set) are skipped where they overlap."""
        text = doc.text
        if places is None:
            places = doc._.places if doc.has_extension("places") and doc._.places is not None else []
        taken = [(p.evidence.start, p.evidence.end) for p in places if p.evidence is not None]
        found: list[Place] = []
        i, n = 0, len(doc)
        while i < n:
            tok = doc[i]
            if not tok.text[:1].isupper():
                i += 1
                continue
            stop = 0
            for j in (i + 2, i + 1):  # two-word forms first: "South Korean", "Sri Lankan"
                if j <= n and self._is_demonym(text[tok.idx : doc[j - 1].idx + len(doc[j - 1])]):
                    stop = j
                    break
            if not stop:
                i += 1
                continue
            start, end = tok.idx, doc[stop - 1].idx + len(doc[stop - 1])
            if not any(s < end and start < e for s, e in taken):
                mention = Mention(start, end, text[start:end])
                hits = self._candidates(doc, text, mention)
                found.append(self._place(doc, text, mention, [(0.0, h) for h in hits[:1]]))
            i = stop
        return found

    def embedded(self, doc: Doc, places: list[Place] | None = None) -> list[Place]:
        """Toponyms inside organisation, event and product names ('The Washington Post', 'Air Zimbabwe'),
        resolved with the document as context. Not part of ``doc._.places`` (a newspaper's name is no event
        site); corpora such as GeoWebNews count them. ``places`` (default: ``doc._.places`` and the
        adjectival toponyms) are skipped where they overlap."""
        if places is None:
            places = doc._.places if doc.has_extension("places") and doc._.places is not None else []
            places = places + self.adjectival(doc, places)
        taken = [(p.evidence.start, p.evidence.end) for p in places if p.evidence is not None]
        spans = embedded_spans(doc, self.gazetteer, self.cues, taken)
        return self.resolve_spans(doc, spans) if spans else []

    def _is_demonym(self, word: str) -> bool:
        cues = self.cues
        return any(w in cues.demonyms or w in cues.place_demonyms for w in (word, word.removesuffix("s")))

    def resolve_spans(self, doc: Doc, spans: list[tuple[int, int]]) -> list[Place]:
        """Resolve toponyms whose character spans are given (gold annotations, a reviewer's marks), with
        the places this component finds in the document as context. One Place per span, in input order."""
        text = doc.text
        found = [m for m in self._find(doc, text) if not any(m.start < e and s < m.end for s, e in spans)]
        given = []
        for start, end in spans:
            tokens = doc.char_span(start, end, alignment_mode="expand")
            mention = Mention(start, end, text[start:end], given=True)
            if tokens is not None and len(tokens):
                self._shape(doc, text, tokens.start, tokens.end, mention)
                if mention.end > end:  # a unit word after the given span ("U.S. District Court") is not ours
                    mention.kinds = None
                mention.start, mention.end = start, end
            given.append(mention)
        order = sorted(range(len(found) + len(given)), key=lambda k: (found + given)[k].start)
        merged = [(found + given)[k] for k in order]
        by_mention = {id(m): p for m, p in self._resolve(doc, text, merged)}
        return [by_mention[id(m)] for m in given]

    def _extend(self, doc: Doc, text: str, start: int, end: int) -> int:
        """NER often cuts a two-word town short ('Bila' of 'Bila Tserkva'): take the longer name when the
        gazetteer knows it."""
        best = end
        for stop in range(end + 1, min(len(doc), end + 2) + 1):
            if not _capitalised(doc[stop - 1]):
                break
            if self.gazetteer.lookup(text[doc[start].idx : doc[stop - 1].idx + len(doc[stop - 1])]):
                best = stop
        return best

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
        if lookup_key(text[doc[i].idx : doc[stop - 1].idx + len(doc[stop - 1])]) in self.cues.not_places:
            return False
        if label in _NOT_PLACE_LABELS and not (
            # "Fire and injuries in Donetsk (Image 1)" read as a work of art: a strong place word before
            # the name outweighs a label of that kind, never a date's or a number's
            label in _OVERRIDABLE_LABELS and i > 0 and doc[i - 1].lower_ in self.cues.strong
        ):
            return False
        if self._cue_before(doc, text, i) and (
            label not in ("PERSON", "NORP") or doc[i - 1].lower_ in self.cues.strong
        ):
            return True
        window = text[max(0, doc[i].idx - 60) : doc[i].idx]
        if self.cues.settlement_before.search(window):
            return True  # "the city of X", "the village of X"
        if self.cues.near_before.search(window) or self.cues.distance_before.search(window):
            return True  # "south of X", "5 km from X"
        if stop - i > 1 and doc[stop - 1].lower_ in self.cues.units:
            return True  # "Donetsk Oblast", "Bakhmut Raion": the unit word says it is a place
        if i > 0 and doc[i - 1].text == "," and any(h.kind in (ADMIN1, COUNTRY) for h in hits):
            return True  # "Krasnohorivka, Donetsk Oblast": a qualifier after a comma
        if self.cues.dateline(doc, i, stop):
            return True  # "BOSTON (Reuters) -": where the story was filed
        if (
            i >= 2
            and doc[i - 1].lower_ == "the"
            and doc[i - 2].lower_ in self.cues.preps
            and label not in ("PERSON", "NORP", "ORG")
        ):
            return True
        if stop < len(doc):
            nxt = doc[stop].lower_
            if nxt in self.cues.units or (nxt in self.cues.followers and label != "PERSON"):
                return True
            if nxt == "-" and stop + 1 < len(doc) and doc[stop + 1].lower_ in self.cues.suffixes:
                return True
            if nxt == "," and stop + 1 < len(doc) and _capitalised(doc[stop + 1]):
                # "Alexandria, La.": the name is a place of the unit or country that follows ("Still,
                # Hawaii's ..." is no French village)
                follow = self.gazetteer.lookup(doc[stop + 1].text)
                if any(inside(h, f) for f in follow if f.kind in (ADMIN1, COUNTRY) for h in hits):
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

    def _shape(self, doc: Doc, text: str, start: int, end: int, mention: Mention) -> None:
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
        if cues.settlement_before.search(window):
            mention.kinds = (SETTLEMENT,)
        hit = cues.distance_before.search(window) or cues.near_before.search(window)
        if hit:
            mention.near = True
            mention.ev_start = mention.start - (len(window) - hit.start(1))

    def _link_qualifiers(self, doc: Doc, text: str, mentions: list[Mention]) -> None:
        """'X, Y' where Y is a country or admin1 unit: Y qualifies X."""
        for k in range(len(mentions) - 1):
            a, b = mentions[k], mentions[k + 1]
            between = text[a.end : b.start]
            if between.strip() in (",", "(") and len(between) <= 3:
                b.qualifier_of = k

    # ------------------------------------------------------------------------------------------ resolve

    def resolve(self, doc: Doc, mentions: list[Mention]) -> list[Place]:
        """Rank each mention's candidates with the document's context; two passes so that places resolved
        with confidence in the first pass pull ambiguous ones toward them in the second."""
        return [place for _, place in self._resolve(doc, doc.text, mentions)]

    def _resolve(self, doc: Doc, text: str, mentions: list[Mention]) -> list[tuple[Mention, Place]]:
        context = Context()
        for word in _CAPITALISED_WORD.findall(text):  # cheaper than building every spaCy token
            iso = self.cues.demonyms.get(word)
            if iso:
                context.countries[iso] += 0.5
        cands = []
        for m in mentions:
            hits = self._candidates(doc, text, m)
            cands.append(hits)
            if not m.weak:
                self._vote(context, m, hits)
        keep = [not m.weak or self._fits(h, context) for m, h in zip(mentions, cands, strict=True)]
        mentions = [m for m, k in zip(mentions, keep, strict=True) if k]
        cands = [c for c, k in zip(cands, keep, strict=True) if k]
        for m, hits in zip(mentions, cands, strict=True):
            if m.weak:
                self._vote(context, m, hits)
        cands = [c or self._similar(text, m, context) for m, c in zip(mentions, cands, strict=True)]
        self._link_qualifiers(doc, text, mentions)
        qualifiers: dict[int, tuple[Entry, ...]] = {}
        units: dict[int, tuple[Entry, ...]] = {}  # the unit a qualifier says for sure the place lies in
        for idx, m in enumerate(mentions):
            if m.qualifier_of >= 0:
                qualifiers[m.qualifier_of] = tuple(
                    h for h in cands[idx] if h.kind in (ADMIN1, ADMIN2, COUNTRY)
                )
                nxt = mentions[idx + 1] if idx + 1 < len(mentions) else None
                listed = (
                    not m.kinds  # "Pisky, Donetsk Oblast, Ukraine" is a chain of qualifiers, not a list
                    and nxt is not None
                    and text[m.end : nxt.start].strip() in (",", "and", ", and", "&")
                )
                units[m.qualifier_of] = () if listed else sure_units(m.kinds, cands[idx])
        for k, m in enumerate(mentions):
            if m.inner and qualifiers.get(k):
                # "Mala Komyshuvakha, Kharkiv Oblast" is one village: a namesake of a word inside it counts
                # only where the qualifier puts it
                lands = {q.country for q in qualifiers[k]}
                cands[k] = tuple(h for h in cands[k] if h.country in lands)
        context.support = coherence({lookup_key(m.name): cands[k] for k, m in enumerate(mentions)})
        for k, m in enumerate(mentions):
            add_counties(context, lookup_key(m.name), cands[k])
        ranked = [self._rank(m, cands[k], context, qualifiers.get(k, ())) for k, m in enumerate(mentions)]
        for r in ranked:
            sure = bool(r) and (len(r) == 1 or r[0][0] - r[1][0] >= _AMBIGUOUS_MARGIN)
            if sure and r[0][1].kind == SETTLEMENT:
                context.points.append((r[0][1].lat, r[0][1].lon))
            if sure and r[0][1].admin1:  # a guess between namesakes must not vote for its own state
                context.admin1[r[0][1].admin1] += 1
        if context.points:
            ranked = [self._rank(m, cands[k], context, qualifiers.get(k, ())) for k, m in enumerate(mentions)]
        return [
            (m, self._place(doc, text, m, r, units.get(k, ())))
            for k, (m, r) in enumerate(zip(mentions, ranked, strict=True))
        ]

    def _candidates(self, doc: Doc, text: str, m: Mention) -> tuple[Entry, ...]:
        """Gazetteer entries for a mention: a demonym's country first (for spans given by a caller:
        'Canadian' is Canada, not the Texas town), then the name as written ('Douglas County' is an alias),
        then the name without its admin word."""
        gaz = self.gazetteer
        written = text[m.start : m.end]
        demonyms = self.cues.place_demonyms
        named = demonyms.get(written) or demonyms.get(written.removesuffix("s"))
        if named:
            units = tuple(h for h in gaz.lookup(named) if h.kind != SETTLEMENT)
            if units:
                return units[:1]
        iso = self.cues.demonyms.get(written) or self.cues.demonyms.get(written.removesuffix("s"))
        country = gaz.country(iso) if iso else None
        if country is not None:
            return (country,)
        hits = gaz.lookup(written)
        if hits and not (m.from_ner or m.given):
            # found by the gazetteer alone: the readings that vouched for it ('The Plain Dealer' is no
            # Simpsonville, which GeoNames also calls 'Plain')
            hits = self.cues.trusted(hits, lookup_key(written)) or hits
        if hits and len(lookup_key(written)) <= _SHORT:
            hits = short_name_hits(hits) or hits  # "EU" is the union before it is the village of Eu
        if m.kinds and hits and not any(h.kind in m.kinds for h in hits):
            hits = ()
        if not hits and m.name != written:
            hits = gaz.lookup(m.name)
        if not hits and m.given:
            hits = self._inner_name(written)
            m.inner = bool(hits)
        return hits

    def _similar(self, text: str, m: Mention, context: Context) -> tuple[Entry, ...]:
        """Another transliteration of a name the gazetteer does not know ('Schastia' for Shchastia,
        'Rubizhine' for Rubizhne), in a country the document is about; of those, the closest spellings."""
        written = text[m.start : m.end]
        key = lookup_key(m.name if m.kinds else written)
        closeness: dict[int, float] = {}
        entries: dict[int, Entry] = {}
        for h, spelling in self.gazetteer.lookup_similar(m.name):
            if m.kinds and h.kind not in m.kinds:
                continue
            entries[h.id] = h
            closeness[h.id] = max(closeness.get(h.id, 0.0), SequenceMatcher(None, key, spelling).ratio())
        # in a country the document is about and spelt alike; or, with no such evidence, a town of some size
        # spelt almost alike ('Rayazan' for Ryazan)
        hits = [
            h
            for h in entries.values()
            if (context.countries.get(h.country, 0.0) > 0 and closeness[h.id] >= _SIMILAR_IN_CONTEXT)
            or (h.population >= _SIMILAR_TOWN_POPULATION and closeness[h.id] >= _SIMILAR_CLOSE)
        ]
        if not hits:
            return ()
        best = max(closeness[h.id] for h in hits)
        return tuple(h for h in hits if closeness[h.id] >= best - _SIMILAR_MARGIN)

    def _inner_name(self, written: str) -> tuple[Entry, ...]:
        """A given span the gazetteer does not know as a whole ('Bank of Japan', 'Dubai World Cup',
        'Western US'): the candidates of the capitalised run of words inside it whose best place is most
        prominent. Only for spans a caller gives: the finder's own mentions are gazetteer names already."""
        words = _WORD.findall(written)
        if len(words) < 2 or len(words) > 8:
            return ()
        best: tuple[float, tuple[Entry, ...]] = (float("-inf"), ())
        for i in range(len(words)):
            for j in range(i + 1, min(len(words), i + 4) + 1):
                if j - i == len(words) or not all(w[0].isupper() for w in words[i:j]):
                    continue
                name = " ".join(words[i:j])
                key = lookup_key(name)
                if key in self.cues.not_places or key in self.cues.units:
                    continue
                hits = self.gazetteer.lookup(name)
                if len(key) <= _SHORT:
                    hits = short_name_hits(hits)
                # a lone common word inside a name ('Point', 'Bend', 'Bank') is a hamlet only by accident:
                # the inner name must be a country or unit, or the own name of a sizeable town
                if hits and not any(
                    h.kind != SETTLEMENT
                    or (h.population >= _INNER_TOWN_POPULATION and lookup_key(h.name) == key)
                    for h in hits
                ):
                    hits = ()
                if hits:
                    top = max(prior(h, key) for h in hits)
                    if top > best[0]:
                        best = (top, hits)
        return best[1]

    def _fits(self, hits: tuple[Entry, ...], context: Context) -> bool:
        """A weak match stays when it names a real town (or unit) of a country the document is about, a
        city large enough that its name is rarely anything else, or a name only places of one country
        transliterated from Cyrillic bear ('Novomykhailivka' is no English word, whatever NER says)."""
        countries = {h.country for h in hits}
        if (
            len(countries) == 1
            and countries <= self.cues.translit_countries
            and all(h.kind == SETTLEMENT for h in hits)
        ):
            return True  # (a country or unit opening an organisation's name, 'Russia Today', is no village)
        return any(
            (
                context.countries.get(h.country, 0.0) >= 1.0
                and (h.kind != SETTLEMENT or h.population >= _WEAK_TOWN_POPULATION)
            )
            or (h.kind == SETTLEMENT and h.population >= CITY_POPULATION)
            for h in hits
        ) or unique_town(hits)

    def _vote(self, context: Context, m: Mention, hits: tuple[Entry, ...]) -> None:
        """Each mention spreads one vote over the countries its candidates lie in (a country counts whole)."""
        key = lookup_key(m.name)
        if not hits or key in context.voted:
            return  # a name repeated ten times is still one piece of evidence about the country
        context.voted.add(key)
        exact = [h for h in hits if h.kind in (COUNTRY, ADMIN1) and lookup_key(h.name) == key]
        if exact:
            # "Georgia" is a country and a US state: the vote is split between them; and between a unit and
            # the sizeable towns of that very name ("Berea" is a district of Lesotho and three US towns)
            exact += [
                h
                for h in hits
                if h.kind == SETTLEMENT
                and h.population >= _VOTE_TOWN_POPULATION
                and lookup_key(h.name) == key
            ]
            share = 1.0 / len({(h.kind != SETTLEMENT and h.kind, h.country) for h in exact})
            for h in {(h.kind != SETTLEMENT and h.kind, h.country): h for h in exact}.values():
                context.countries[h.country] += share
                if h.kind == ADMIN1:
                    context.admin1[h.name] += share
            return
        # in the order of the candidates (most prominent first), not a set's: the order breaks ties of the
        # document's focus country, and a set of strings iterates differently in every process
        countries = list(dict.fromkeys(h.country for h in hits if h.country))
        for iso in countries:
            context.countries[iso] += 1.0 / len(countries)

    def _rank(self, m: Mention, hits: tuple[Entry, ...], context: Context, quals: tuple[Entry, ...]) -> list:
        if not hits:
            return []
        if m.kinds is None and m.qualifier_of < 0:
            hits = drop_eponymous_units(hits, lookup_key(m.name))
        kinds = m.kinds
        if m.qualifier_of >= 0 and kinds is None:
            kinds = (ADMIN1, ADMIN2, COUNTRY)
        return rank(hits, lookup_key(m.name), context, kinds=kinds, qualifiers=quals)

    def _place(self, doc: Doc, text: str, m: Mention, ranked: list, units: tuple[Entry, ...] = ()) -> Place:
        written = text[m.start : m.end]
        ev_start = m.ev_start if m.ev_start >= 0 else m.start
        evidence = Span(start=ev_start, end=m.end, text=text[ev_start : m.end])
        if not ranked:
            why = "no place of this name in the gazetteer"
            return Place(name=written, reason=why, evidence=evidence)
        top_score, top = ranked[0]
        if m.kinds and top.kind not in m.kinds:
            wanted = "admin1 unit" if ADMIN1 in m.kinds else "district" if ADMIN2 in m.kinds else "settlement"
            alts = [_candidate(s, e) for s, e in ranked[:_ALTERNATIVES]]
            return Place(
                name=written,
                reason=f"the text names a {wanted} but the gazetteer has none of this name",
                alternatives=alts,
                evidence=evidence,
            )
        lands = {q.country for q in units}
        if (
            top.kind == SETTLEMENT
            and any(e.country in lands for _, e in ranked)
            and not any(within_unit(top, q) for q in units)
        ):
            # "Pisky, Donetsk Oblast" when the gazetteer knows only the Pisky of another oblast: the text
            # says where the village is, and a namesake elsewhere would be a confident wrong point
            return Place(
                name=written,
                reason=f"no place of this name in {units[0].name} in the gazetteer",
                alternatives=[_candidate(s, e) for s, e in ranked[:_ALTERNATIVES]],
                evidence=evidence,
            )
        where_prec = top.kind
        if m.near and top.kind == SETTLEMENT:
            where_prec = 2
        close = [(s, e) for s, e in ranked[1 : _ALTERNATIVES + 1] if top_score - s < _AMBIGUOUS_MARGIN]
        reason = "ambiguous: close alternatives kept" if close else None
        return Place(
            name=written,
            geonameid=top.id if top.id > 0 else None,
            lat=top.lat,
            lon=top.lon,
            country=top.country,
            admin1=top.admin1,
            admin2=top.admin2,
            feature_code=top.fcode,
            where_prec=where_prec,
            resolved_name=top.name,
            reason=reason,
            alternatives=[_candidate(s, e) for s, e in close],
            evidence=evidence,
        )


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
    text = tok.text
    return (
        bool(text)
        and text[0].isupper()
        and (tok.is_alpha or "'" in text or "’" in text or bool(_ABBREVIATION.fullmatch(text)))
    )


def _candidate(score: float, e: Entry) -> PlaceCandidate:
    return PlaceCandidate(
        geonameid=e.id if e.id > 0 else 0,
        name=e.name,
        lat=e.lat,
        lon=e.lon,
        country=e.country,
        feature_code=e.fcode,
        population=e.population,
        score=round(score, 3),
    )


__all__ = ["Cues", "Mention", "PlaceFinder"]
