"""Resolving toponym mentions to GeoNames: candidates, the document's votes, two ranking passes, the Place.

Why apart from ``places.py``: finding reads tokens (``place_mentions``); this weighs readings. Each mention's
candidates are ranked with the document's own evidence (``warlog.geo.ranking``): the countries its sure
mentions vote for, qualifiers ("X, Donetsk Oblast"), and in a second pass the points of places resolved
with confidence. ``where_prec`` follows UCDP: 1 settlement, 2 near one ("near", "15 km south of": the
evidence span is widened to include the phrase), 3 admin2, 4 admin1, 6 country, 7 sea.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from spacy.tokens import Doc

from warlog.extract.place_cues import Cues
from warlog.extract.place_lists import list_kinds
from warlog.extract.place_mentions import Mention
from warlog.extract.place_readings import (
    CITY_POPULATION,
    big_city_named,
    drop_eponymous_units,
    drop_small_namesakes,
    short_name_hits,
    sure_units,
    unique_town,
    within_unit,
)
from warlog.geo.gazetteer import Entry, Gazetteer
from warlog.geo.names import lookup_key
from warlog.geo.ranking import (
    ADMIN1,
    ADMIN2,
    COUNTRY,
    SETTLEMENT,
    Context,
    add_counties,
    coherence,
    prior,
    rank,
)
from warlog.schema import Place, PlaceCandidate, Span

_FOCUS_VOTE = 1.0  # a collection's country weighs as much as one mention of it in the text
_SHORT = 3  # names this short ("El", "Act") match only countries and admin1 units ("US", "La.")
_AMBIGUOUS_MARGIN = 1.0
_ALTERNATIVES = 3
_WEAK_TOWN_POPULATION = 20_000
_INNER_TOWN_POPULATION = 15_000
_VOTE_TOWN_POPULATION = 10_000  # towns that share a unit's name and its vote
# transliteration look-ups (_similar): keep the spellings this close to the closest one; with country
# evidence a respelling must be this close to a spelling of the place ('Orinoco' is no Olonets); without it,
# closer still and of a town of some size
_SIMILAR_MARGIN = 0.1
_SIMILAR_IN_CONTEXT = 0.75
_SIMILAR_CLOSE = 0.8
_SIMILAR_TOWN_POPULATION = 10_000
_WORD = re.compile(r"[^\W\d_][\w.'’-]*")
_CAPITALISED_WORD = re.compile(r"(?<![^\W\d_])[A-Z][^\W\d_]*")


class Resolver:
    """Ranks the candidates of a document's mentions together and builds one ``Place`` per mention."""

    def __init__(self, gazetteer: Gazetteer, cues: Cues, focus: tuple[str, ...] = ()) -> None:
        self.gazetteer = gazetteer
        self.cues = cues
        #: ISO-2 codes of the countries a whole collection is about (a monitor's region): each counts as
        #: one mention of the country in every document, so a short text naming one ambiguous village
        #: ("Shelling in Tokmak") leans toward the collection's country and not the larger namesake abroad
        self.focus = focus

    def resolve(self, doc: Doc, text: str, mentions: list[Mention]) -> list[tuple[Mention, Place]]:
        context = Context()
        for iso in self.focus:
            context.countries[iso] += _FOCUS_VOTE
        for word in _CAPITALISED_WORD.findall(text):  # cheaper than building every spaCy token
            iso = self.cues.demonyms.get(word)
            if iso:
                context.countries[iso] += 0.5
        cands = []
        for m in mentions:
            hits = self.candidates(doc, text, m)
            cands.append(hits)
            if not m.weak:
                self.vote(context, m, hits)
        keep = [not m.weak or self._fits(h, context, m.heads) for m, h in zip(mentions, cands, strict=True)]
        mentions = [m for m, k in zip(mentions, keep, strict=True) if k]
        cands = [c for c, k in zip(cands, keep, strict=True) if k]
        for m, hits in zip(mentions, cands, strict=True):
            if m.weak:
                self.vote(context, m, hits)
        cands = [c or self._similar(text, m, context) for m, c in zip(mentions, cands, strict=True)]
        link_qualifiers(text, mentions)
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
                key = lookup_key(m.name)
                if listed and any(big_city_named(h, key) for h in cands[idx]):
                    # "Washington, New York and Boston": a city's name in a list is the next item, not a
                    # state qualifying the one before
                    del qualifiers[m.qualifier_of]
                    m.qualifier_of = -1
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
        prefer = list_kinds(text, mentions, ranked, self.cues.list_kinds)
        for k, kinds in prefer.items():
            ranked[k] = self._rank(mentions[k], cands[k], context, qualifiers.get(k, ()), kinds)
        for r in ranked:
            sure = bool(r) and (len(r) == 1 or r[0][0] - r[1][0] >= _AMBIGUOUS_MARGIN)
            if sure and r[0][1].kind == SETTLEMENT:
                context.points.append((r[0][1].lat, r[0][1].lon))
            if sure and r[0][1].admin1:  # a guess between namesakes must not vote for its own state
                context.admin1[r[0][1].admin1] += 1
        if context.points:
            ranked = [
                self._rank(m, cands[k], context, qualifiers.get(k, ()), prefer.get(k))
                for k, m in enumerate(mentions)
            ]
        return [
            (m, self.place(doc, text, m, r, units.get(k, ())))
            for k, (m, r) in enumerate(zip(mentions, ranked, strict=True))
        ]

    def candidates(self, doc: Doc, text: str, m: Mention) -> tuple[Entry, ...]:
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

    def _fits(self, hits: tuple[Entry, ...], context: Context, heads: bool = False) -> bool:
        """A weak match stays when it names a real town (or unit) of a country the document is about, a
        city large enough that its name is rarely anything else, or a name only places of one country
        transliterated from Cyrillic bear ('Novomykhailivka' is no English word, whatever NER says). The
        one town of some size bearing a name worldwide stays when NER took the name alone for an
        organisation ('Avdiivka'), not when it ``heads`` a longer one: 'Brad Falde Realty' and 'Judah
        Foundation' are named after people and words, whatever Romanian town shares the name."""
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
        ) or (not heads and unique_town(hits))

    def vote(self, context: Context, m: Mention, hits: tuple[Entry, ...]) -> None:
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

    def _rank(
        self,
        m: Mention,
        hits: tuple[Entry, ...],
        context: Context,
        quals: tuple[Entry, ...],
        prefer: tuple[int, ...] | None = None,
    ) -> list:
        """Candidates best first; ``prefer``: the kinds the mention's list gives it (``place_lists``)."""
        if not hits:
            return []
        key = lookup_key(m.name)
        if m.kinds is None and m.qualifier_of < 0 and prefer is None:
            hits = drop_eponymous_units(hits, key)
            if not quals:
                hits = drop_small_namesakes(hits, key, context.admin1)
        kinds = m.kinds or prefer  # a list's kind outweighs the comma that made the item look a qualifier
        if m.qualifier_of >= 0 and kinds is None:
            kinds = (ADMIN1, ADMIN2, COUNTRY)
        return rank(hits, lookup_key(m.name), context, kinds=kinds, qualifiers=quals)

    def place(self, doc: Doc, text: str, m: Mention, ranked: list, units: tuple[Entry, ...] = ()) -> Place:
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
        if top.kind == SETTLEMENT and units and not any(within_unit(top, q) for q in units):
            # "Pisky, Donetsk Oblast" when the gazetteer knows only the Pisky of another oblast, or only a
            # namesake in another country ("Spirne, Donetsk Oblast" is no Siberian village): the text says
            # where the village is, and a namesake elsewhere would be a confident wrong point
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


def link_qualifiers(text: str, mentions: list[Mention]) -> None:
    """'X, Y' where Y is a country or admin1 unit: Y qualifies X."""
    for k in range(len(mentions) - 1):
        a, b = mentions[k], mentions[k + 1]
        between = text[a.end : b.start]
        if between.strip() in (",", "(") and len(between) <= 3:
            b.qualifier_of = k


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


__all__ = ["Resolver", "link_qualifiers"]
