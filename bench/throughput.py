"""Throughput of warlog beside raw spaCy: same model, same texts, same run; peak RSS of each.

    python -m bench.throughput [--data DIR] [--json] [--limit N] [--repeat K] [--batch-size B]

Each measurement runs in its own child process so its peak RSS is its own. Timing starts after the
pipeline is loaded and warmed up on a few texts, so it measures steady-state processing.
"""

from __future__ import annotations

import multiprocessing as mp
import resource
import time

from bench.common import emit_json, parse_args, print_table, require_data
from bench.corpora import GDELT, gdelt_articles

WARMUP = 5


def _raw_spacy(texts: list[str], batch_size: int, queue) -> None:
    from warlog.extract.pipeline import load_model

    nlp = load_model()
    list(nlp.pipe(texts[:WARMUP]))
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    queue.put((time.perf_counter() - start, 0, 0, _peak_mb()))


def _warlog(items: list[dict], batch_size: int, queue) -> None:
    from warlog.extract.pipeline import Extractor
    from warlog.ingest.reader import DocumentInput
    from warlog.schema import Extraction

    extractor = Extractor()
    inputs = [DocumentInput(**item) for item in items]
    list(extractor.extract_many(inputs[:WARMUP]))
    start = time.perf_counter()
    incidents = claims = 0
    for result in extractor.extract_many(inputs, batch_size=batch_size):
        if isinstance(result, Extraction):
            incidents += len(result.incidents)
            claims += sum(len(r.claims) for r in result.incidents)
    queue.put((time.perf_counter() - start, incidents, claims, _peak_mb()))


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _measure(target, *args) -> tuple[float, int, int, float]:
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=target, args=(*args, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def main(argv=None) -> None:
    def extra(parser):
        parser.add_argument("--repeat", type=int, default=1, help="repeat the corpus K times")
        parser.add_argument("--batch-size", type=int, default=32)

    args = parse_args(__doc__.splitlines()[0], argv, extra)
    if not require_data(args.data / GDELT, "the GDELT war-news articles"):
        return
    items = list(gdelt_articles(args.data))
    if args.limit:
        items = items[: args.limit]
    items = items * args.repeat
    texts = [i["text"] for i in items]
    words = sum(len(t.split()) for t in texts)

    raw_s, _, _, raw_mb = _measure(_raw_spacy, texts, args.batch_size)
    wl_s, incidents, claims, wl_mb = _measure(_warlog, items, args.batch_size)
    rows = [
        ("raw spaCy (en_core_web_sm)", len(texts) / raw_s, words / raw_s, raw_mb, "", ""),
        ("warlog extract", len(texts) / wl_s, words / wl_s, wl_mb, incidents, claims),
    ]
    print_table(
        f"Throughput on {len(texts)} articles, {words:,} words (1 process)",
        ["pipeline", "articles/s", "words/s", "peak RSS MB", "incidents", "claims"],
        rows,
    )
    ratio = raw_s / wl_s
    print(f"warlog / raw spaCy speed: {ratio:.2f} (goal >= 0.80)")
    emit_json(
        {
            "articles": len(texts),
            "words": words,
            "raw_words_per_s": round(words / raw_s, 1),
            "warlog_words_per_s": round(words / wl_s, 1),
            "warlog_articles_per_s": round(len(texts) / wl_s, 2),
            "speed_ratio": round(ratio, 3),
            "raw_peak_rss_mb": round(raw_mb, 1),
            "warlog_peak_rss_mb": round(wl_mb, 1),
            "incidents": incidents,
            "claims": claims,
        },
        args.json,
    )


if __name__ == "__main__":
    main()
