"""Toponyms: gazetteer phrase matches that override weak NER labels, resolved to GeoNames.

Why not NER alone: the small English model labels war-zone towns as people or organisations about half the
time, and misses many. So a mention is either a GPE/LOC entity, or a run of capitalised tokens the gazetteer
knows that stands where a place would ("in Krasnohorivka", "the village of X", "X Oblast", "X-based").

The component is thin: finding lives in ``place_mentions`` (tokens and the words around a name), resolving
in ``place_resolution`` (candidates ranked with the document's own evidence, ``warlog.geo.ranking``),
the judgements of single readings in ``place_readings`` and the word lists in ``place_cues``. Each mention
becomes one ``schema.Place`` in text order; ``where_prec`` follows UCDP: 1 settlement, 2 near one, 3
admin2, 4 admin1, 6 country, 7 sea.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from warlog.errors import GazetteerError
from warlog.extract.base import Component
from warlog.extract.embedded_places import embedded_spans
from warlog.extract.place_cues import Cues
from warlog.extract.place_mentions import Mention, MentionFinder
from warlog.extract.place_resolution import Resolver
from warlog.extract.spans import doc_text
from warlog.geo.gazetteer import Entry, Gazetteer
from warlog.geo.ranking import Context
from warlog.schema import Place


class PlaceFinder(Component):
    """Toponyms: gazetteer phrase matches that override weak NER labels, resolved to GeoNames."""

    attr = "places"

    def __init__(self, nlp: Language, name: str, gazetteer: Gazetteer | None = None) -> None:
        super().__init__(nlp, name)
        self._gazetteer = gazetteer
        self.cues = Cues()
        self._finder: MentionFinder | None = None
        self._resolver: Resolver | None = None
        self._focus: tuple[str, ...] = ()

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer, opened on first use (building a pipeline should not cost the open)."""
        if self._gazetteer is None:
            self._gazetteer = Gazetteer.default()
        return self._gazetteer

    @property
    def finder(self) -> MentionFinder:
        if self._finder is None:
            self._finder = MentionFinder(self.gazetteer, self.cues)
        return self._finder

    @property
    def resolver(self) -> Resolver:
        if self._resolver is None:
            self._resolver = Resolver(self.gazetteer, self.cues, self._focus)
        return self._resolver

    @property
    def focus(self) -> tuple[str, ...]:
        """ISO-2 codes of the countries the documents as a collection are about (empty: none). A monitor
        of one war sets it so that short texts naming one ambiguous village lean toward that country."""
        return self._focus

    @focus.setter
    def focus(self, countries: tuple[str, ...] | list[str]) -> None:
        codes = tuple(str(c).upper() for c in countries)
        if any(len(c) != 2 or not c.isalpha() for c in codes):
            raise GazetteerError(f"place focus {countries!r}: give ISO-2 country codes such as ('UA',)")
        self._focus = codes
        if self._resolver is not None:
            self._resolver.focus = codes

    # ------------------------------------------------------------------------------------------ match

    def match(self, doc: Doc) -> list[Place]:
        text = doc_text(doc)  # Doc.text joins every token: read it once per document, for every component
        return [place for _, place in self.resolver.resolve(doc, text, self.finder.find(doc, text))]

    def find_mentions(self, doc: Doc) -> list[Mention]:
        """Toponym mentions in text order: NER places plus gazetteer matches in place-like positions."""
        return self.finder.find(doc, doc.text)

    def resolve(self, doc: Doc, mentions: list[Mention]) -> list[Place]:
        """Rank each mention's candidates with the document's context; two passes so that places resolved
        with confidence in the first pass pull ambiguous ones toward them in the second."""
        return [place for _, place in self.resolver.resolve(doc, doc.text, mentions)]

    def resolve_spans(self, doc: Doc, spans: list[tuple[int, int]]) -> list[Place]:
        """Resolve toponyms whose character spans are given (gold annotations, a reviewer's marks), with
        the places this component finds in the document as context. One Place per span, in input order."""
        text = doc.text
        found = self.finder.find(doc, text)
        found = [m for m in found if not any(m.start < e and s < m.end for s, e in spans)]
        given = []
        for start, end in spans:
            tokens = doc.char_span(start, end, alignment_mode="expand")
            mention = Mention(start, end, text[start:end], given=True)
            if tokens is not None and len(tokens):
                self.finder.shape(doc, text, tokens.start, tokens.end, mention)
                if mention.end > end:  # a unit word after the given span ("U.S. District Court") is not ours
                    mention.kinds = None
                mention.start, mention.end = start, end
            given.append(mention)
        order = sorted(range(len(found) + len(given)), key=lambda k: (found + given)[k].start)
        merged = [(found + given)[k] for k in order]
        by_mention = {id(m): p for m, p in self.resolver.resolve(doc, text, merged)}
        return [by_mention[id(m)] for m in given]

    def _vote(self, context: Context, m: Mention, hits: tuple[Entry, ...]) -> None:
        """The country vote of one mention (``Resolver.vote``), kept here for callers of the component."""
        self.resolver.vote(context, m, hits)

    # ------------------------------------------------------------------------- toponyms apart from places

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
                if j <= n and self.finder.is_demonym(text[tok.idx : doc[j - 1].idx + len(doc[j - 1])]):
                    stop = j
                    break
            if not stop:
                i += 1
                continue
            start, end = tok.idx, doc[stop - 1].idx + len(doc[stop - 1])
            if not any(s < end and start < e for s, e in taken):
                mention = Mention(start, end, text[start:end])
                hits = self.resolver.candidates(doc, text, mention)
                found.append(self.resolver.place(doc, text, mention, [(0.0, h) for h in hits[:1]]))
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


__all__ = ["Cues", "Mention", "PlaceFinder"]
