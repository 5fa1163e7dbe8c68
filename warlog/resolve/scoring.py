"""How alike a report is to an incident: wording, names, place, time, actors, weapons, casualties.

Why readable features under a fitted logistic combination (``weights.MergeModel``): each feature can be
shown to a reviewer on its own ("same town, same day, 30 % shared wording, a name in common"), while the
weights say how far each can be trusted, learnt from labelled pairs rather than guessed. Every feature is
0 when a report does not state what it needs, so an unstated field adds nothing; contradictions (two
precise places 200 km apart, a week between two day-precise dates, different event families) are
features too, never vetoes, because extraction errs: a misread date must not split an incident that
every word of two articles agrees on.

Text similarity is TF-IDF cosine over word tokens with the IDF learnt from the reports being resolved, so
words every report shares ("killed", "police") weigh little and names of streets and victims weigh a lot;
a second cosine over capitalised names alone tells two shootings in one city apart. Words in most of one
publisher's articles (its navigation and widgets) are dropped from that publisher's vectors. No stop-word
list is needed, and nothing is downloaded.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from warlog.resolve.embeddings import dot
from warlog.resolve.items import ReportItem
from warlog.resolve.weights import FEATURES, MergeModel, load_model
from warlog.schema import Count

_WORD = re.compile(r"[^\W\d_]{3,}|\d{2,}", re.UNICODE)
#: A capitalised word after a lowercase word: a name (street, victim, town), not a sentence start.
_NAME = re.compile(r"(?<=[a-z,] )[A-Z][^\W\d_]{2,}")
#: Names tell one incident from another better than common words of the same rarity. Tuned on GVA + ECB+
#: dev (B³ F1 without extraction): 1 → 88.6 / 45.0, 2.5 → 90.1 / 83.3, 4 → 90.2 / 85.3 (precision falls).
NAME_BOOST = 2.5

#: Event-type families: reports of different known families pay FAMILY_PENALTY.
FAMILIES = {
    "Battles": "violence",
    "Explosions/Remote violence": "violence",
    "Violence against civilians": "violence",
    "Protests": "demonstrations",
    "Riots": "demonstrations",
    "Strategic developments": "strategic",
}

NEUTRAL = 0.5
#: Added to every IDF so words in all texts keep a little weight (tuned on GVA dev: 0.1 beats 1 and 0.3).
IDF_FLOOR = 0.1
#: A word in more than this share of one publisher's documents (once it has this many) is its boilerplate.
BOILERPLATE_SHARE = 0.5
BOILERPLATE_MIN_DOCS = 4
MAX_PRECISE_KM = 200.0
MAX_GAP_DAYS = 7.0


def family(event_type: str | None) -> str | None:
    return FAMILIES.get(event_type) if event_type else None


def tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


class Vectorizer:
    """TF-IDF with document frequencies accumulated over every text it has seen (incremental).

    Also per publisher: a word in most of one publisher's articles (its navigation, "Share this story",
    its weather widget) is that site's boilerplate and is dropped from its articles' vectors; otherwise two
    articles of one site about different shootings look alike, and one incident swallows a dozen others."""

    def __init__(self) -> None:
        self.df: Counter[str] = Counter()
        self.n = 0
        self.publisher_df: dict[str, Counter[str]] = {}
        self.publisher_n: Counter[str] = Counter()

    def fit(self, texts: Iterable[str]) -> None:
        for text in texts:
            self.df.update(set(tokens(text)))
            self.n += 1

    def fit_items(self, items: Iterable[ReportItem]) -> None:
        """``fit`` on the reports' texts, counting each document once for its publisher's boilerplate."""
        documents = set()
        for item in items:
            words = set(tokens(item.text))
            self.df.update(words)
            self.n += 1
            if item.document_id not in documents:
                documents.add(item.document_id)
                self.publisher_df.setdefault(item.publisher, Counter()).update(words)
                self.publisher_n[item.publisher] += 1

    def vector(self, text: str, *, publisher: str | None = None, limit: int = 60) -> dict[str, float]:
        """Unit-length sparse vector of the ``limit`` heaviest terms (bounded cost per comparison).

        Floored IDF (``IDF_FLOOR + log((n + 1) / (df + 1))``): a word in every text still counts a little,
        so the first reports of an incremental run (tiny ``n``) are not all-zero vectors."""
        counts = Counter(tokens(text))
        if not counts:
            return {}
        own_n = self.publisher_n.get(publisher, 0) if publisher is not None else 0
        if own_n >= BOILERPLATE_MIN_DOCS:
            own_df, most = self.publisher_df[publisher], BOILERPLATE_SHARE * own_n
            counts = Counter({t: c for t, c in counts.items() if own_df.get(t, 0) <= most}) or counts
        names = {w.lower() for w in _NAME.findall(text)}
        n = max(self.n, 1)
        weights = {
            t: (1 + math.log(c))
            * (IDF_FLOOR + math.log((n + 1) / (self.df.get(t, 0) + 1)))
            * (NAME_BOOST if t in names else 1.0)
            for t, c in counts.items()
        }
        top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        return {t: w / norm for t, w in top if w > 0}

    @staticmethod
    def names(vector: dict[str, float], text: str) -> dict[str, float]:
        """The part of ``vector`` that is capitalised names, unit length: who and where, without the
        wording of the crime (which every shooting report shares)."""
        names = {w.lower() for w in _NAME.findall(text)}
        sub = {t: w for t, w in vector.items() if t in names}
        norm = math.sqrt(sum(w * w for w in sub.values())) or 1.0
        return {t: w / norm for t, w in sub.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


@dataclass
class Features:
    """Per-feature similarities in [0, 1], the contradictions found, and the model's log-odds score."""

    values: dict[str, float] = field(default_factory=dict)
    veto: str | None = None
    inputs: dict[str, float] = field(default_factory=dict)  # what the model weighed (weights.FEATURES)
    score: float = 0.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def time_range(item: ReportItem) -> tuple[datetime | None, datetime | None, int | None]:
    """Start, end and date precision of a report; the publication date stands in (as a 1-day range before
    it) when the report states no time."""
    t = item.report.time
    if t is not None and t.start is not None and not t.fallback:
        return t.start, t.end or t.start, t.date_prec
    if item.published is not None:
        return item.published, item.published, None
    return None, None, None


@dataclass(slots=True)
class Facts:
    """What scoring reads from a report, extracted once (pydantic attribute walks are slow at 1M)."""

    family: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None
    where_prec: int
    admin2: str | None
    country: str | None
    name: str | None
    start: float | None  # POSIX seconds
    end: float | None
    date_prec: int | None  # None: the publication date stands in
    published: float | None
    killed: int | None
    injured: int | None
    actors: frozenset[str]
    weapons: frozenset[str]
    publisher: str


def facts(item: ReportItem) -> Facts:
    if item.facts is None:
        r = item.report
        p = r.place
        start, end, prec = time_range(item)
        item.facts = Facts(
            family=family(r.event_type),
            geonameid=p.geonameid if p else None,
            lat=p.lat if p else None,
            lon=p.lon if p else None,
            where_prec=(p.where_prec or 9) if p else 9,
            admin2=p.admin2 if p else None,
            country=p.country if p else None,
            name=p.name.strip().lower() if p else None,
            start=start.timestamp() if start else None,
            end=end.timestamp() if end else None,
            date_prec=prec,
            published=item.published.timestamp() if item.published else None,
            killed=_value(r.killed),
            injured=_value(r.injured),
            actors=frozenset((x.entity or x.name).lower() for x in r.actors),
            weapons=frozenset(w.name for w in r.weapons),
            publisher=item.publisher,
        )
    return item.facts


def _value(count: Count) -> int | None:
    if count.best is not None:
        return count.best
    return count.low if count.low is not None else count.high


def place_similarity(a: Facts, b: Facts) -> tuple[float, str | None]:
    if a.name is None or b.name is None:
        return NEUTRAL, None
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return 1.0, None
    if a.lat is not None and b.lat is not None and a.lon is not None and b.lon is not None:
        km = haversine_km(a.lat, a.lon, b.lat, b.lon)
        if a.where_prec <= 2 and b.where_prec <= 2 and km > MAX_PRECISE_KM:
            return 0.0, f"places {km:.0f} km apart"
        if km <= 5:
            return 1.0, None
        if km <= 25:
            return 0.75, None
        if km <= 100:
            return 0.4, None
        return 0.1, None
    if a.admin2 and a.admin2 == b.admin2:
        return 0.75, None
    if a.country and b.country and a.country != b.country:
        return 0.0, "different countries"
    if a.name == b.name:
        return 0.9, None
    return NEUTRAL, None


def time_similarity(a: Facts, b: Facts) -> tuple[float, str | None]:
    """Agreement of the stated times; publication dates within a day also count as agreement, since news of
    one incident is published together and a misread "Monday" must not split it."""
    if a.start is None or b.start is None:
        return NEUTRAL, None
    if a.published is not None and b.published is not None and abs(a.published - b.published) <= 86400.0:
        return 1.0, None
    gap = max(b.start - a.end, a.start - b.end, 0.0) / 86400.0
    day_precise = a.date_prec is not None and b.date_prec is not None and max(a.date_prec, b.date_prec) <= 2
    if day_precise and gap > MAX_GAP_DAYS:  # both stated to the day in the text, a week apart
        return 0.0, f"{gap:.0f} days apart"
    if gap <= 1.0:
        return 1.0, None
    return max(0.0, 1.0 - gap / (MAX_GAP_DAYS * 2)), None


def count_similarity(va: int | None, vb: int | None) -> float | None:
    if va is None or vb is None:
        return None
    if va == vb:
        return 1.0
    lo, hi = min(va, vb), max(va, vb)
    return lo / hi if hi else 0.0


def set_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return NEUTRAL
    return len(a & b) / len(a | b)


def pair_features(a: ReportItem, b: ReportItem) -> tuple[float, ...]:
    """The model's inputs for a pair, in ``weights.FEATURES`` order (0 for what a report does not state)."""
    fa, fb = facts(a), facts(b)
    text = cosine(a.vector, b.vector)
    names = cosine(a.names, b.names) if a.names and b.names else 0.0
    family_veto = 1.0 if fa.family and fb.family and fa.family != fb.family else 0.0
    if fa.name is None or fb.name is None:
        place, place_veto = 0.0, 0.0
    else:
        sim, veto = place_similarity(fa, fb)
        place, place_veto = sim - NEUTRAL, 1.0 if veto else 0.0
    if fa.start is None or fb.start is None:
        time, time_veto = 0.0, 0.0
    else:
        sim, veto = time_similarity(fa, fb)
        time, time_veto = sim - NEUTRAL, 1.0 if veto else 0.0
    k, i = count_similarity(fa.killed, fb.killed), count_similarity(fa.injured, fb.injured)
    if k is None and i is None:
        casualties = 0.0
    elif k is None or i is None:
        casualties = (k if i is None else i) - NEUTRAL
    else:
        casualties = (k + i) / 2 - NEUTRAL
    actors = set_similarity(fa.actors, fb.actors) - NEUTRAL if fa.actors and fb.actors else 0.0
    weapons = set_similarity(fa.weapons, fb.weapons) - NEUTRAL if fa.weapons and fb.weapons else 0.0
    if fa.published is not None and fb.published is not None:
        gap = min(1.0, math.log1p(abs(fa.published - fb.published) / 86400.0) / _LOG_YEAR)
    else:
        gap = 0.0
    same = 1.0 if fa.publisher == fb.publisher else 0.0
    # fmt: off
    return (
        text, names, place, place_veto, time, time_veto, family_veto, casualties, actors, weapons,
        gap, text * gap, same, text * same, dot(a.embedding, b.embedding),
    )
    # fmt: on


_LOG_YEAR = math.log(366.0)


def compare(a: ReportItem, b: ReportItem, model: MergeModel | None = None) -> Features:
    """Features of the pair (a, b) with the reasons of any contradiction and the model's score; symmetric."""
    model = model or load_model()
    fa, fb = facts(a), facts(b)
    feats = Features()
    reasons = []
    if fa.family and fb.family and fa.family != fb.family:
        reasons.append(f"event families differ ({fa.family} / {fb.family})")
    feats.values["place"], veto = place_similarity(fa, fb)
    if veto:
        reasons.append(veto)
    feats.values["time"], veto = time_similarity(fa, fb)
    if veto:
        reasons.append(veto)
    feats.veto = "; ".join(reasons) or None
    ks = [
        x
        for x in (count_similarity(fa.killed, fb.killed), count_similarity(fa.injured, fb.injured))
        if x is not None
    ]
    feats.values["casualties"] = sum(ks) / len(ks) if ks else NEUTRAL
    feats.values["actors"] = set_similarity(fa.actors, fb.actors)
    feats.values["weapons"] = set_similarity(fa.weapons, fb.weapons)
    feats.values["text"] = cosine(a.vector, b.vector)
    inputs = pair_features(a, b)
    feats.inputs = dict(zip(FEATURES, inputs, strict=True))
    feats.score = model.score(inputs)
    return feats


def score(a: ReportItem, b: ReportItem, model: MergeModel | None = None) -> float:
    """``compare(a, b).score`` without building the explanation (the resolver's inner loop)."""
    return (model or load_model()).score(pair_features(a, b))
