"""Cross-document merging: does warlog group the articles that report the same incident?

    python -m bench.merge [--data DIR] [--json] [--limit N] [--no-extract] [--scale 10000,100000]
                          [--split all|train|dev] [--cache DIR] [--show N] [--embeddings] [--corpus NAME]
    python -m bench.merge --split train --cache DIR --fit warlog/data/merge_weights.yaml [--embeddings]

Corpora: gun_violence_gva_corpus (articles.jsonl, gold group = incident_id) and ecbplus (gold group = the
seminal event of a document: topic N, ``*ecb.xml`` vs ``*ecbplus.xml``). Each article runs through the real
extraction (slow: ~10 articles/s; use --limit while iterating) and the resolver; an article is placed in the
incident of its first foreground report. An article for which extraction finds no incident enters as one
document-level report (its title + lead, dated by its publication date), so every article is scored;
``--no-extract`` does that for all articles (text + date only: the floor the extracted fields must beat).

Figures: B³ precision/recall/F1 (per article, averaged) and pairwise P/R/F1 over same-incident article pairs.
``--split`` keeps half of the gold groups (by a hash of the group id): the merge model is fitted on
``train`` only (``--fit``, GVA) and checked on ``dev``; the default scores everything. ``--cache`` keeps each
article's extracted reports (and MiniLM vectors) between runs; ``--show N`` counts the split and merge
errors by cause (not blocked together, below threshold, which contradiction) and prints N of each.
``--scale`` times blocking + merging of synthetic reports (place, day, type, casualties, short text) at each
size and prints the curve (wall and CPU seconds, peak RSS); the default is a small smoke size.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import re
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from bench.common import emit_json, parse_args, prf, print_table, require_data
from warlog.resolve.items import ReportItem, report_key, report_text
from warlog.resolve.merge import Resolver
from warlog.resolve.scoring import compare
from warlog.schema import Report, TimeSpan


def _extra(parser) -> None:
    parser.add_argument("--no-extract", action="store_true", help="document-level reports only (text + date)")
    parser.add_argument("--scale", default="2000", help="comma-separated synthetic sizes, e.g. 10000,100000")
    parser.add_argument("--threshold", type=float, default=None, help="override the merge threshold")
    parser.add_argument(
        "--split",
        choices=("all", "train", "dev"),
        default="all",
        help="half of the gold groups (by a hash of the group id): tune on train, check on dev",
    )
    parser.add_argument("--cache", type=Path, default=None, help="folder caching extraction per article")
    parser.add_argument("--show", type=int, default=0, help="print N split and N merge errors, explained")
    parser.add_argument(
        "--fit", type=Path, default=None, help="fit the merge model on --split train and write it (YAML)"
    )
    parser.add_argument(
        "--embeddings", action="store_true", help="also compare MiniLM sentence vectors (warlog[embeddings])"
    )
    parser.add_argument("--corpus", choices=("all", "gva", "ecbplus"), default="all", help="which corpus")


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


_ARCHIVED = re.compile(r"web\.archive\.org/web/[^/]+/(.+)")


def publisher(url: str | None) -> str | None:
    """The site an article came from (the original site for an archive.org copy), e.g. ``wral.com``:
    sources are counted, and compared, by publisher, not by page."""
    if not url:
        return None
    archived = _ARCHIVED.search(url)
    inner = archived.group(1) if archived else url
    host = urlsplit(inner if "//" in inner else "//" + inner).hostname or ""
    return host.removeprefix("www.") or None


def document_item(doc: dict) -> ReportItem:
    published = _published(doc["published"])
    time_ = TimeSpan(start=published, end=published, fallback=True, date_prec=1) if published else None
    report = Report(document_id=doc["id"], time=time_)
    return ReportItem(
        key=report_key(doc["id"], 0),
        report=report,
        published=published,
        source=publisher(doc["url"]) or doc["id"],
        text=report_text(report, title=doc["title"], document_text=doc["text"]),
    )


def extracted_items(
    docs: Sequence[dict], cache: Path | None = None, name: str = ""
) -> tuple[list[ReportItem], int]:
    """Run the real extraction; returns the items and how many articles fell back to a document report.

    With ``cache``, the reports of each article are kept in ``cache/<name>.pkl`` (keyed by article id), so
    tuning the resolver does not re-run extraction (minutes per thousand articles)."""
    stored: dict[str, list] = {}
    path = cache / f"{name}.pkl" if cache else None
    if path is not None and path.exists():
        with open(path, "rb") as fh:
            stored = pickle.load(fh)
    todo = [d for d in docs if d["id"] not in stored]
    if todo:
        stored.update(zip((d["id"] for d in todo), _reports_of(todo), strict=True))
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "wb") as fh:
                pickle.dump(stored, fh)
    items, fallbacks = [], 0
    for doc in docs:
        reports = stored[doc["id"]]
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
                    source=publisher(doc["url"]) or doc["id"],
                    text=report_text(report, title=doc["title"], document_text=doc["text"]),
                )
            )
    return items, fallbacks


def cached_embeddings(items: Sequence[ReportItem], cache: Path | None, name: str) -> None:
    """Fill ``item.embedding`` (MiniLM, slow on CPU) from ``cache/<name>-embeddings.pkl``, computing and
    storing the missing ones."""
    from warlog.resolve.embeddings import Embedder

    path = cache / f"{name}-embeddings.pkl" if cache else None
    stored: dict[str, tuple] = {}
    if path is not None and path.exists():
        with open(path, "rb") as fh:
            stored = pickle.load(fh)
    todo = [i for i in items if (i.key, i.text) not in stored]
    if todo:
        for item, vector in zip(todo, Embedder().encode([i.text for i in todo]), strict=True):
            stored[(item.key, item.text)] = vector
        if path is not None:
            with open(path, "wb") as fh:
                pickle.dump(stored, fh)
    for item in items:
        item.embedding = stored[(item.key, item.text)]


def _reports_of(docs: Sequence[dict]) -> list[list]:
    """The extracted reports of each article ([] when extraction failed or found none)."""
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
    return [
        list(result.incidents) if isinstance(result, Extraction) else []
        for result in _extract_all(extractor, inputs)
    ]


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
    return {doc: number for doc, (number, _) in article_items(resolver).items()}


def article_items(resolver: Resolver) -> dict[str, tuple[int, ReportItem]]:
    """Article → (incident number, the report that places it): its first foreground report."""
    chosen: dict[str, tuple[tuple[bool, int], int, ReportItem]] = {}
    for number, cluster in enumerate(resolver.live()):
        for item in cluster.members:
            doc, pos = item.key.rsplit(":", 1)
            rank = (item.report.background, int(pos))
            if doc not in chosen or rank < chosen[doc][0]:
                chosen[doc] = (rank, number, item)
    return {doc: (number, item) for doc, (_, number, item) in chosen.items()}


def show_errors(resolver: Resolver, docs: Sequence[dict], n: int) -> None:
    """Split pairs (one gold incident, two predicted) and merge pairs (the reverse), each explained: was
    the pair blocked together, its features and contradictions. Prints counts of the causes, then ``n``
    examples of each kind."""
    placed = article_items(resolver)
    live = resolver.live()
    number_of = {id(c): k for k, c in enumerate(live)}
    titles = {d["id"]: d["title"][:60] for d in docs}
    by_gold: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        by_gold[d["gold"]].append(d["id"])
    gold = {d["id"]: d["gold"] for d in docs}

    def blocked(a: ReportItem, b_number: int) -> bool:
        return any(
            number_of.get(id(resolver.clusters[resolver._live(c)])) == b_number
            for c in resolver.blocks.candidates(a)
        )

    causes: Counter = Counter()
    splits, merges = [], []
    for ids in by_gold.values():
        for i, x in enumerate(ids):
            for y in ids[i + 1 :]:
                (nx, a), (ny, b) = placed[x], placed[y]
                if nx == ny:
                    continue
                feats = compare(a, b)
                if not (blocked(a, ny) or blocked(b, nx)):
                    cause = "not blocked together"
                elif feats.score < resolver.threshold:
                    cause = "below threshold" + (f" ({feats.veto.split(' (')[0]})" if feats.veto else "")
                else:
                    cause = "above threshold (order/cap)"
                causes[cause] += 1
                splits.append((cause, feats, x, y))
    members: dict[int, list[str]] = defaultdict(list)
    for doc, (number, _) in placed.items():
        members[number].append(doc)
    for docs_ in members.values():
        for i, x in enumerate(docs_):
            for y in docs_[i + 1 :]:
                if gold[x] != gold[y]:
                    merges.append(("merged", compare(placed[x][1], placed[y][1]), x, y))
    causes["merged, different gold"] = len(merges)
    print_table(
        "merge errors by cause (pairs)", ["cause", "pairs"], sorted(causes.items(), key=lambda kv: -kv[1])
    )
    rows = []
    for cause, feats, x, y in splits[:n] + merges[:n]:
        v = feats.values
        rows.append(
            [
                cause[:28],
                f"{feats.score:.2f}",
                *(f"{v.get(k, 0):.2f}" for k in ("text", "place", "time")),
                feats.veto or "",
                titles[x],
                titles[y],
            ]
        )
    print_table("example pairs", ["cause", "score", "text", "place", "time", "veto", "a", "b"], rows)


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


def in_split(group: str, split: str) -> bool:
    """Deterministic halves of the gold groups (whole groups, so no incident straddles them)."""
    if split == "all":
        return True
    half = hashlib.sha1(group.encode("utf-8")).digest()[0] % 2
    return half == (0 if split == "train" else 1)


def run_corpus(name: str, docs: list[dict], args) -> dict:
    docs = [d for d in docs if in_split(d["gold"], args.split)]
    started = time.perf_counter()
    if args.no_extract:
        items, fallbacks = [document_item(d) for d in docs], len(docs)
    else:
        items, fallbacks = extracted_items(docs, args.cache, name)
    if args.embeddings:
        cached_embeddings(items, args.cache, name)
    extracted = time.perf_counter()
    resolver = Resolver(
        embeddings=args.embeddings, **({"threshold": args.threshold} if args.threshold is not None else {})
    )
    resolver.add(items)
    resolved = time.perf_counter()
    pred = article_groups(resolver)
    gold = {d["id"]: d["gold"] for d in docs}
    if args.show:
        show_errors(resolver, docs, args.show)
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


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args("Cross-document merging: B³ and pairwise F1; synthetic scale curve.", argv, _extra)
    figures: dict = {}
    results = []
    gva, ecb = args.data / "gun_violence_gva_corpus", args.data / "ecbplus"
    if args.fit is not None:
        from bench.merge_fit import fit_model

        if require_data(gva / "articles.jsonl", "GVA articles"):
            fit_model("gva", load_gva(gva, args.limit), args)
        return
    if args.corpus in ("all", "gva") and require_data(gva / "articles.jsonl", "GVA articles"):
        results.append(run_corpus("gva", load_gva(gva, args.limit), args))
    if args.corpus in ("all", "ecbplus") and require_data(ecb / "ECB+", "ECB+ documents"):
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
        from bench.merge_scale import run_scale

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
