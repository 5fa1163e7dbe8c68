"""Cross-document merging: does warlog group the articles that report the same incident?

    python -m bench.merge [--data DIR] [--json] [--limit N] [--no-extract] [--scale 10000,100000]

Corpora: gun_violence_gva_corpus (articles.jsonl, gold group = incident_id) and ecbplus (gold group = the
seminal event of a document: topic N, ``*ecb.xml`` vs ``*ecbplus.xml``). Each article runs through the real
extraction (slow: ~10 articles/s; use --limit while iterating) and the resolver; an article is placed in the
incident of its first foreground report. An article for which extraction finds no incident enters as one
document-level report (its title + lead, dated by its publication date), so every article is scored;
``--no-extract`` does that for all articles (text + date only: the floor the extracted fields must beat).

Figures: B³ precision/recall/F1 (per article, averaged) and pairwise P/R/F1 over same-incident article pairs.
``--scale`` times blocking + merging of synthetic reports (place, day, type, casualties, short text) at each
size and prints the curve (wall and CPU seconds, peak RSS); the default is a small smoke size.
"""

from __future__ import annotations

import json
import random
import resource
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.common import emit_json, parse_args, prf, print_table, require_data
from warlog.resolve.items import ReportItem, report_key, report_text
from warlog.resolve.merge import Resolver
from warlog.schema import Count, Place, Report, TimeSpan


def _extra(parser) -> None:
    parser.add_argument("--no-extract", action="store_true", help="document-level reports only (text + date)")
    parser.add_argument("--scale", default="2000", help="comma-separated synthetic sizes, e.g. 10000,100000")
    parser.add_argument("--threshold", type=float, default=None, help="override the merge threshold")


# --------------------------------------------------------------------------------------------- corpora


def load_gva(folder: Path, limit: int | None) -> list[dict]:
    docs = []
    with open(folder / "articles.jsonl", encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            docs.append(
                {
                    "id": a["doc_id"],
                    "gold": a["incident_id"],
                    "title": a.get("title") or "",
                    "text": a.get("content") or "",
                    "published": a.get("dct"),
                    "url": a.get("uri"),
                }
            )
            if limit and len(docs) >= limit:
                break
    return docs


def load_ecb(folder: Path, limit: int | None) -> list[dict]:
    docs = []
    for path in sorted((folder / "ECB+").glob("*/*.xml"), key=lambda p: (int(p.parent.name), p.name)):
        root = ET.parse(path).getroot()
        words, last = [], None
        for tok in root.iter("token"):
            if last is not None and tok.get("sentence") != last:
                words.append("\n")
            last = tok.get("sentence")
            words.append(tok.text or "")
        topic = path.parent.name
        sub = "ecbplus" if path.name.endswith("ecbplus.xml") else "ecb"
        docs.append(
            {
                "id": path.stem,
                "gold": f"{topic}/{sub}",
                "title": "",
                "text": " ".join(words),
                "published": None,
                "url": None,
            }
        )
        if limit and len(docs) >= limit:
            break
    return docs


# --------------------------------------------------------------------------------------------- items


def _published(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    except ValueError:
        return None


def document_item(doc: dict) -> ReportItem:
    published = _published(doc["published"])
    time_ = TimeSpan(start=published, end=published, fallback=True, date_prec=1) if published else None
    report = Report(document_id=doc["id"], time=time_)
    return ReportItem(
        key=report_key(doc["id"], 0),
        report=report,
        published=published,
        source=doc["url"] or doc["id"],
        text=report_text(report, title=doc["title"], document_text=doc["text"]),
    )


def extracted_items(docs: Sequence[dict]) -> tuple[list[ReportItem], int]:
    """Run the real extraction; returns the items and how many articles fell back to a document report."""
    from warlog.extract.pipeline import Extractor
    from warlog.ingest.reader import DocumentInput
    from warlog.schema import Extraction

    extractor = Extractor(language="en")
    inputs = [
        DocumentInput(
            text=d["text"] or d["title"] or "-",
            published=d["published"],
            url=d["url"],
            title=d["title"],
            name=d["id"],
        )
        for d in docs
    ]
    items, fallbacks = [], 0
    for doc, result in zip(docs, _extract_all(extractor, inputs), strict=True):
        reports = result.incidents if isinstance(result, Extraction) else []
        if not any(not r.background for r in reports):
            items.append(document_item(doc))
            fallbacks += 1
            continue
        published = _published(doc["published"])
        for n, report in enumerate(reports):
            report = report.model_copy(update={"document_id": doc["id"]})
            items.append(
                ReportItem(
                    key=report_key(doc["id"], n),
                    report=report,
                    published=published,
                    source=doc["url"] or doc["id"],
                    text=report_text(report, title=doc["title"], document_text=doc["text"]),
                )
            )
    return items, fallbacks


def _extract_all(extractor, inputs: list) -> list:
    """Results in input order; a component that crashes on one article costs that article only (it then
    enters as a document-level report), as in ``warlog ingest``."""
    results: list = []
    for start in range(0, len(inputs), 16):
        chunk = inputs[start : start + 16]
        try:
            done = list(extractor.extract_many(chunk))
        except Exception:  # a component bug: find the article one by one
            done = []
            for one in chunk:
                try:
                    done.extend(extractor.extract_many([one]))
                except Exception:
                    done.append(None)
        results.extend(done)
    return results


# --------------------------------------------------------------------------------------------- scoring


def article_groups(resolver: Resolver) -> dict[str, int]:
    """Article → incident number of its first foreground report (first report when all are background)."""
    chosen: dict[str, tuple[tuple[bool, int], int]] = {}
    for number, cluster in enumerate(resolver.live()):
        for item in cluster.members:
            doc, pos = item.key.rsplit(":", 1)
            rank = (item.report.background, int(pos))
            if doc not in chosen or rank < chosen[doc][0]:
                chosen[doc] = (rank, number)
    return {doc: number for doc, (_, number) in chosen.items()}


def b_cubed(pred: dict[str, object], gold: dict[str, object]) -> tuple[float, float, float]:
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for doc in gold:
        by_pred[pred[doc]].add(doc)
        by_gold[gold[doc]].add(doc)
    p = r = 0.0
    for doc in gold:
        both = len(by_pred[pred[doc]] & by_gold[gold[doc]])
        p += both / len(by_pred[pred[doc]])
        r += both / len(by_gold[gold[doc]])
    n = len(gold) or 1
    p, r = 100 * p / n, 100 * r / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pairwise(pred: dict[str, object], gold: dict[str, object]) -> tuple[float, float, float]:
    def pairs(assign: dict[str, object]) -> set[tuple[str, str]]:
        groups = defaultdict(list)
        for doc in sorted(gold):
            groups[assign[doc]].append(doc)
        return {(a, b) for g in groups.values() for i, a in enumerate(g) for b in g[i + 1 :]}

    p_pairs, g_pairs = pairs(pred), pairs(gold)
    tp = len(p_pairs & g_pairs)
    return prf(tp, len(p_pairs) - tp, len(g_pairs) - tp)


def run_corpus(name: str, docs: list[dict], args) -> dict:
    started = time.perf_counter()
    if args.no_extract:
        items, fallbacks = [document_item(d) for d in docs], len(docs)
    else:
        items, fallbacks = extracted_items(docs)
    extracted = time.perf_counter()
    resolver = Resolver(**({"threshold": args.threshold} if args.threshold is not None else {}))
    resolver.add(items)
    resolved = time.perf_counter()
    pred = article_groups(resolver)
    gold = {d["id"]: d["gold"] for d in docs}
    bp, br, bf = b_cubed(pred, gold)
    pp, pr, pf = pairwise(pred, gold)
    return {
        "corpus": name,
        "articles": len(docs),
        "reports": len(items),
        "fallback_articles": fallbacks,
        "incidents": len(set(pred.values())),
        "gold_incidents": len(set(gold.values())),
        "b3_p": bp,
        "b3_r": br,
        "b3_f1": bf,
        "pair_p": pp,
        "pair_r": pr,
        "pair_f1": pf,
        "extract_s": extracted - started,
        "resolve_s": resolved - extracted,
    }


# --------------------------------------------------------------------------------------------- scale


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


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args("Cross-document merging: B³ and pairwise F1; synthetic scale curve.", argv, _extra)
    figures: dict = {}
    results = []
    gva, ecb = args.data / "gun_violence_gva_corpus", args.data / "ecbplus"
    if require_data(gva / "articles.jsonl", "GVA articles"):
        results.append(run_corpus("gva", load_gva(gva, args.limit), args))
    if require_data(ecb / "ECB+", "ECB+ documents"):
        results.append(run_corpus("ecbplus", load_ecb(ecb, args.limit), args))
    if results:
        cols = [
            "corpus",
            "articles",
            "reports",
            "fallback_articles",
            "incidents",
            "gold_incidents",
            "b3_p",
            "b3_r",
            "b3_f1",
            "pair_p",
            "pair_r",
            "pair_f1",
            "extract_s",
            "resolve_s",
        ]
        print_table("merge: article grouping", cols, [[r[c] for c in cols] for r in results])
        for r in results:
            figures.update({f"{r['corpus']}_{k}": v for k, v in r.items() if k != "corpus"})
    sizes = [int(s) for s in str(args.scale).split(",") if s.strip()]
    if sizes:
        scale = run_scale(sizes)
        cols = ["reports", "seconds", "cpu_s", "reports_per_s", "incidents", "peak_rss_mb", "b3_f1"]
        print_table(
            "merge: synthetic scale (blocking + merge, one core)", cols, [[r[c] for c in cols] for r in scale]
        )
        figures.update({f"scale_{r['reports']}_s": r["seconds"] for r in scale})
        figures.update({f"scale_{r['reports']}_cpu_s": r["cpu_s"] for r in scale})
    emit_json(figures, args.json)


if __name__ == "__main__":
    main()
