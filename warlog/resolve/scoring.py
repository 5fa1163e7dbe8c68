"""How alike a report is to an incident: place, time, actors, weapons, casualties and wording.

Why text similarity plus weighted evidence plus contradiction penalties: each feature is readable on
its own (a reviewer can be told "same town, same day, 30 % shared wording"). The score is the text cosine
plus, for every other feature, ``weight * (similarity - 0.5)``: agreement adds, disagreement subtracts, and
a feature one report does not state adds nothing. So the same settlement on the same day needs little
shared wording (ACLED codes one event per place, day and type), publication dates a week apart need a lot,
and the penalties mark what should not be the same incident (two precise places 200 km apart, two known
event families that differ, a week between two day-precise dates) without trusting extraction blindly.

Text similarity is TF-IDF cosine over word tokens with the IDF learnt from the reports being resolved, so
words every report shares ("killed", "police") weigh little and names of streets and victims weigh a lot.
No stop-word list is needed for that, and nothing is downloaded.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from warlog.resolve.items import ReportItem
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

#: Weights of the non-text features; each adds ``weight * (similarity - 0.5)`` to the text cosine.
WEIGHTS = {"time": 0.4, "place": 0.4, "casualties": 0.2, "actors": 0.1, "weapons": 0.1}

NEUTRAL = 0.5
#: Contradictions subtract these (on top of the feature's own weight). They are penalties, not vetoes,
#: because extraction errs: a misread event type or a mis-geocoded town must not split an incident that
#: every word of two articles agrees on (a syndicated copy). Tuned on GVA dev with real extraction:
#: 0.1/0.2/0.2 beat both 0.3/0.5/0.5 and no penalty.
FAMILY_PENALTY = 0.1
PLACE_PENALTY = 0.2
TIME_PENALTY = 0.2
#: Added to every IDF so words in all texts keep a little weight (tuned on GVA dev: 0.1 beats 1 and 0.3).
IDF_FLOOR = 0.1
MAX_PRECISE_KM = 200.0
MAX_GAP_DAYS = 7.0


def family(event_type: str | None) -> str | None:
    return FAMILIES.get(event_type) if event_type else None


def tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


class Vectorizer:
    """TF-IDF with document frequencies accumulated over every text it has seen (incremental)."""

    def __init__(self) -> None:
        self.df: Counter[str] = Counter()
        self.n = 0

    def fit(self, texts: Iterable[str]) -> None:
        for text in texts:
            self.df.update(set(tokens(text)))
            self.n += 1

    def vector(self, text: str, *, limit: int = 60) -> dict[str, float]:
        """Unit-length sparse vector of the ``limit`` heaviest terms (bounded cost per comparison).

        Floored IDF (``IDF_FLOOR + log((n + 1) / (df + 1))``): a word in every text still counts a little,
        so the first reports of an incremental run (tiny ``n``) are not all-zero vectors."""
        counts = Counter(tokens(text))
        if not counts:
            return {}
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


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


@dataclass
class Features:
    """Per-feature similarities in [0, 1], and the reason and size of a contradiction penalty."""

    values: dict[str, float] = field(default_factory=dict)
    veto: str | None = None

    penalty: float = 0.0

    @property
    def score(self) -> float:
        text = self.values.get("text", 0.0)
        weighted = sum(w * (self.values[k] - NEUTRAL) for k, w in WEIGHTS.items() if k in self.values)
        return text + weighted - self.penalty


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


def compare(a: ReportItem, b: ReportItem) -> Features:
    """Features of the pair (a, b), with the reason of a veto; symmetric. ``score`` is the fast path."""
    fa, fb = facts(a), facts(b)
    feats = Features()
    reasons = []
    if fa.family and fb.family and fa.family != fb.family:
        reasons.append(f"event families differ ({fa.family} / {fb.family})")
        feats.penalty += FAMILY_PENALTY
    feats.values["place"], veto = place_similarity(fa, fb)
    if veto:
        reasons.append(veto)
        feats.penalty += PLACE_PENALTY
    feats.values["time"], veto = time_similarity(fa, fb)
    if veto:
        reasons.append(veto)
        feats.penalty += TIME_PENALTY
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
    return feats


def score(a: ReportItem, b: ReportItem) -> float:
    """``compare(a, b).score`` without building the explanation (the resolver's inner loop)."""
    fa, fb = facts(a), facts(b)
    total = cosine(a.vector, b.vector)
    if fa.family and fb.family and fa.family != fb.family:
        total -= FAMILY_PENALTY
    place, veto = place_similarity(fa, fb)
    if veto:
        total -= PLACE_PENALTY
    time, veto = time_similarity(fa, fb)
    if veto:
        total -= TIME_PENALTY
    total += WEIGHTS["place"] * (place - NEUTRAL) + WEIGHTS["time"] * (time - NEUTRAL)
    k, i = count_similarity(fa.killed, fb.killed), count_similarity(fa.injured, fb.injured)
    if k is not None or i is not None:
        ks = [x for x in (k, i) if x is not None]
        total += WEIGHTS["casualties"] * (sum(ks) / len(ks) - NEUTRAL)
    if fa.actors and fb.actors:
        total += WEIGHTS["actors"] * (set_similarity(fa.actors, fb.actors) - NEUTRAL)
    if fa.weapons and fb.weapons:
        total += WEIGHTS["weapons"] * (set_similarity(fa.weapons, fb.weapons) - NEUTRAL)
    return total
