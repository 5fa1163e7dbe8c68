"""Synthetic reports for timing blocking + merging at 10k to 1M (``bench.merge --scale``).

Synthetic because no gold corpus is that large; density is held as real coverage would hold it.
"""

from __future__ import annotations

import random
import resource
import time
from datetime import UTC, datetime, timedelta

from bench.merge import article_groups, b_cubed
from warlog.resolve.items import ReportItem
from warlog.resolve.merge import Resolver
from warlog.schema import Count, Place, Report, TimeSpan


def synthetic(n: int, seed: int = 7) -> tuple[list[ReportItem], dict[str, int]]:
    """``n`` reports of ~n/3 incidents over 3 years, with noisy times and counts.

    Density is held constant as ``n`` grows (one place per 25 reports, spread over the conflict belt
    35°S-60°N, 20°W-150°E), as it does when more reports mean more coverage: at 1M that is ~300 incidents a
    day, ACLED's global rate. Reports of one incident share its place record (as the gazetteer would)."""
    rng = random.Random(seed)
    places = [
        Place(
            name=f"p{i}",
            geonameid=i,
            lat=rng.uniform(-35, 60),
            lon=rng.uniform(-20, 150),
            where_prec=1,
            country="ZZ",
        )
        for i in range(max(200, n // 25))
    ]
    types = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests"]
    vocab = [f"w{i}" for i in range(50_000)]
    common = ["killed", "attack", "reported", "officials", "said", "region", "city", "people"]
    base = datetime(2022, 1, 1, tzinfo=UTC)
    items, gold = [], {}
    incident = 0
    while len(items) < n:
        place = places[rng.randrange(len(places))]
        day = base + timedelta(days=rng.randrange(3 * 365))
        etype = rng.choice(types)
        killed = rng.randrange(0, 20)
        words = rng.sample(vocab, 6)
        for _ in range(min(1 + int(rng.expovariate(0.5)), n - len(items))):
            key = f"s{len(items)}:0"
            start = day + timedelta(hours=rng.randrange(-12, 12))
            report = Report(
                document_id=key[:-2],
                event_type=etype,
                place=place,
                time=TimeSpan(start=start, end=start, date_prec=1),
                killed=Count(best=max(0, killed + rng.choice((0, 0, 1, -1)))),
            )
            text = " ".join(rng.sample(words, 4) + rng.sample(common, 4))
            source = f"src{rng.randrange(50)}"
            items.append(ReportItem(key=key, report=report, published=start, source=source, text=text))
            gold[key[:-2]] = incident
        incident += 1
    return items, gold


def run_scale(sizes: list[int]) -> list[dict]:
    rows = []
    for n in sizes:
        items, gold = synthetic(n)
        started, cpu_started = time.perf_counter(), time.process_time()
        resolver = Resolver()
        resolver.add(items)
        merged = time.perf_counter() - started
        cpu = time.process_time() - cpu_started  # what one core spent (the box may be shared)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        pred = {doc: number for doc, number in article_groups(resolver).items()}
        _, _, f1 = b_cubed(pred, gold)
        rows.append(
            {
                "reports": n,
                "seconds": merged,
                "cpu_s": cpu,
                "reports_per_s": n / cpu if cpu else 0.0,
                "incidents": len(resolver.live()),
                "peak_rss_mb": peak,
                "b3_f1": f1,
            }
        )
    return rows
