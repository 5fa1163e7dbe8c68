"""Throughput of warlog beside raw spaCy: same model, same texts, same run; peak RSS of each; Dask scale-out.

    python -m bench.throughput [--data DIR] [--json] [--limit N] [--repeat K] [--batch-size B]
                               [--workers 1,2] [--partition-size P] [--components]

Each measurement runs in its own child process so its peak RSS is its own. Timing starts after the
pipeline is loaded and warmed up on a few texts, so it measures steady-state processing.

``--workers 1,2`` adds one row per cluster size: the same texts through ``warlog.scale`` on a local Dask
cluster (one single-threaded worker process each, the extractor loaded once per worker by the plugin).
Cluster start-up (processes + model load) is reported apart and not in the rate; peak RSS is the largest
worker's, sampled with psutil; driver CPU is what the client process spent (pickling, scheduling) while
the workers ran, and "commit docs/s" is how fast the driver then writes those results to a fresh SQLite
store in partition batches (what ``warlog ingest --workers`` adds on the driver).
"words/CPU-s" divides by the CPU seconds the pipeline's own processes used (all workers together for
Dask): on a shared machine wall-clock rates stretch with other people's load, CPU cost per word does not,
so it shows whether a second worker does the same work per CPU second (the scaling a quiet machine gets).
The issue-8 run (~5,000 documents): ``python -m bench.throughput --repeat 10 --workers 1,2``.

``--components`` prints the CPU seconds of each pipeline component (spaCy's and warlog's) over the texts:
the profile to look at before optimising anything outside spaCy.
"""

from __future__ import annotations

import multiprocessing as mp
import resource
import tempfile
import threading
import time
from pathlib import Path

from bench.common import emit_json, parse_args, print_table, require_data
from bench.corpora import GDELT, gdelt_articles

WARMUP = 5
RSS_EVERY_S = 0.2


def _raw_spacy(texts: list[str], batch_size: int, queue) -> None:
    from warlog.extract.pipeline import load_model

    nlp = load_model()
    list(nlp.pipe(texts[:WARMUP]))
    cpu, start = _cpu_s(), time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    queue.put((time.perf_counter() - start, 0, 0, _peak_mb(), _cpu_s() - cpu))


def _warlog(items: list[dict], batch_size: int, queue) -> None:
    from warlog.extract.pipeline import Extractor
    from warlog.ingest.reader import DocumentInput
    from warlog.schema import Extraction

    extractor = Extractor()
    inputs = [DocumentInput(**item) for item in items]
    list(extractor.extract_many(inputs[:WARMUP]))
    cpu, start = _cpu_s(), time.perf_counter()
    incidents = claims = 0
    for result in extractor.extract_many(inputs, batch_size=batch_size):
        if isinstance(result, Extraction):
            incidents += len(result.incidents)
            claims += sum(len(r.claims) for r in result.incidents)
    queue.put((time.perf_counter() - start, incidents, claims, _peak_mb(), _cpu_s() - cpu))


def _dask(items: list[dict], workers: int, partition_size: int, unique: int, queue) -> None:
    """One cluster size: start-up, steady-state rate, worker RSS, driver CPU, then the commit rate."""
    from warlog.ingest.reader import DocumentInput
    from warlog.scale import connect, partitions, run_partitions, worker_pids
    from warlog.schema import Extraction
    from warlog.store.repo import open_db

    inputs = [DocumentInput(**item) for item in items]
    began = time.perf_counter()
    with connect(workers=workers, memory_limit="3GiB") as client:
        startup = time.perf_counter() - began
        list(run_partitions(client, [inputs[:WARMUP]] * workers))
        sampler = _RssSampler(worker_pids(client))
        sampler.start()
        cpu, start, worker_cpu = _cpu_s(), time.perf_counter(), sampler.cpu_s()
        incidents = claims = failed = 0
        kept: list[list[tuple[Extraction, str]]] = []
        for done in run_partitions(client, partitions(inputs, partition_size)):
            if done.results is None:
                failed += len(done.items)
                continue
            batch = [(r, i.name or "") for i, r in zip(done.items, done.results, strict=True)
                     if isinstance(r, Extraction)]
            incidents += sum(len(r.incidents) for r, _ in batch)
            claims += sum(len(rep.claims) for r, _ in batch for rep in r.incidents)
            kept.append(batch)
        seconds, driver_cpu = time.perf_counter() - start, _cpu_s() - cpu
        worker_cpu = sampler.cpu_s() - worker_cpu
        peak = sampler.stop()
    commit = _commit_rate(open_db, kept, unique)
    queue.put((seconds, incidents, claims, peak, startup, driver_cpu, commit, failed, worker_cpu))


def _commit_rate(open_db, batches: list, unique: int) -> float:
    """Documents/s of ``Store.save_extractions`` on the first ``unique`` results (fresh SQLite file)."""
    seen: set[str] = set()
    todo = []
    for batch in batches:
        fresh = [(e, n) for e, n in batch if e.document.id not in seen]
        seen.update(e.document.id for e, _ in fresh)
        if fresh:
            todo.append(fresh)
    docs = sum(len(b) for b in todo)
    with tempfile.TemporaryDirectory() as folder:
        store = open_db(f"sqlite:///{Path(folder) / 'bench.db'}")
        start = time.perf_counter()
        for batch in todo:
            store.save_extractions(batch)
        seconds = time.perf_counter() - start
        store.close()
    return docs / seconds if seconds else 0.0


class _RssSampler(threading.Thread):
    """Largest resident set of any worker process, sampled while the workers run."""

    def __init__(self, pids: dict[str, int]) -> None:
        super().__init__(daemon=True)
        import psutil

        self.procs = [psutil.Process(pid) for pid in pids.values()]
        self.peak = 0
        self.halt = threading.Event()

    def run(self) -> None:
        while not self.halt.is_set():
            self._sample()
            self.halt.wait(RSS_EVERY_S)

    def _sample(self) -> None:
        for proc in self.procs:
            try:
                self.peak = max(self.peak, proc.memory_info().rss)
            except Exception:  # noqa: BLE001  (a worker restarting: skip this sample)
                continue

    def cpu_s(self) -> float:
        """CPU seconds all workers have used so far (contention-proof: a busy machine stretches wall time)."""
        total = 0.0
        for proc in self.procs:
            try:
                times = proc.cpu_times()
            except Exception:  # noqa: BLE001  (a worker restarting)
                continue
            total += times.user + times.system
        return total

    def stop(self) -> float:
        self._sample()
        self.halt.set()
        self.join()
        return self.peak / 2**20


def _components(items: list[dict], batch_size: int, queue) -> None:
    """CPU seconds per pipeline component, each run over all docs in turn (spaCy's own pipe batching)."""
    from warlog.extract.pipeline import Extractor
    from warlog.ingest.reader import DocumentInput

    extractor = Extractor()
    inputs = [DocumentInput(**item) for item in items]
    list(extractor.extract_many(inputs[:WARMUP]))
    cpu = time.process_time()
    docs = [extractor.prepare(i)[1] for i in inputs]
    spent = [("(prepare: validate, tokenise)", time.process_time() - cpu)]
    for name, proc in extractor.nlp.pipeline:
        cpu = time.process_time()
        piped = proc.pipe(docs, batch_size=batch_size) if hasattr(proc, "pipe") else map(proc, docs)
        docs = list(piped)
        spent.append((name, time.process_time() - cpu))
    queue.put(spent)


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _measure(target, *args):
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=target, args=(*args, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def _worker_counts(text: str) -> list[int]:
    return [int(n) for n in text.split(",") if n.strip()] if text else []


def main(argv=None) -> None:
    def extra(parser):
        parser.add_argument("--repeat", type=int, default=1, help="repeat the corpus K times")
        parser.add_argument("--batch-size", type=int, default=32)
        parser.add_argument("--workers", default="", help="Dask cluster sizes to measure, e.g. 1,2")
        parser.add_argument("--partition-size", type=int, default=100, help="documents per Dask task")
        parser.add_argument("--components", action="store_true", help="CPU seconds per component")

    args = parse_args(__doc__.splitlines()[0], argv, extra)
    if not require_data(args.data / GDELT, "the GDELT war-news articles"):
        return
    items = list(gdelt_articles(args.data))
    if args.limit:
        items = items[: args.limit]
    unique = len(items)
    items = items * args.repeat
    texts = [i["text"] for i in items]
    words = sum(len(t.split()) for t in texts)

    raw_s, _, _, raw_mb, raw_cpu = _measure(_raw_spacy, texts, args.batch_size)
    wl_s, incidents, claims, wl_mb, wl_cpu = _measure(_warlog, items, args.batch_size)
    rows = [
        ("raw spaCy (en_core_web_sm)", len(texts) / raw_s, words / raw_s, words / raw_cpu, raw_mb, "", "",
         "", "", ""),
        ("warlog extract", len(texts) / wl_s, words / wl_s, words / wl_cpu, wl_mb, incidents, claims, "", "",
         ""),
    ]
    figures = {
        "articles": len(texts),
        "words": words,
        "raw_words_per_s": round(words / raw_s, 1),
        "warlog_words_per_s": round(words / wl_s, 1),
        "warlog_articles_per_s": round(len(texts) / wl_s, 2),
        "speed_ratio": round(raw_s / wl_s, 3),
        "raw_peak_rss_mb": round(raw_mb, 1),
        "warlog_peak_rss_mb": round(wl_mb, 1),
        "raw_words_per_cpu_s": round(words / raw_cpu, 1),
        "warlog_words_per_cpu_s": round(words / wl_cpu, 1),
        "incidents": incidents,
        "claims": claims,
    }
    rates = {}
    for n in _worker_counts(args.workers):
        seconds, d_inc, d_claims, peak, startup, driver_cpu, commit, failed, worker_cpu = _measure(
            _dask, items, n, args.partition_size, unique
        )
        rates[n] = words / seconds
        rows.append((f"warlog on Dask, {n} worker(s)", len(texts) / seconds, words / seconds,
                     words / worker_cpu, peak, d_inc, d_claims, startup, 100 * driver_cpu / seconds, commit))
        figures.update({
            f"dask_{n}_words_per_s": round(words / seconds, 1),
            f"dask_{n}_articles_per_s": round(len(texts) / seconds, 2),
            f"dask_{n}_worker_peak_rss_mb": round(peak, 1),
            f"dask_{n}_words_per_worker_cpu_s": round(words / worker_cpu, 1),
            f"dask_{n}_startup_s": round(startup, 1),
            f"dask_{n}_driver_cpu_share": round(driver_cpu / seconds, 3),
            f"dask_{n}_commit_docs_per_s": round(commit, 1),
            f"dask_{n}_incidents": d_inc,
            f"dask_{n}_failed": failed,
        })
    print_table(
        f"Throughput on {len(texts)} articles, {words:,} words",
        ["pipeline", "articles/s", "words/s", "words/CPU-s", "peak RSS MB", "incidents", "claims",
         "start-up s", "driver CPU %", "commit docs/s"],
        rows,
    )
    print(f"warlog / raw spaCy speed: {raw_s / wl_s:.2f} (goal >= 0.80)")
    if 1 in rates and 2 in rates:
        figures["dask_speedup_2_vs_1"] = round(rates[2] / rates[1], 3)
        print(f"Dask 2 workers / 1 worker: {rates[2] / rates[1]:.2f}x (goal >= 1.7)")
    if args.components:
        spent = _measure(_components, items, args.batch_size)
        total = sum(s for _, s in spent)
        print_table("CPU seconds per pipeline component", ["component", "CPU s", "share %"],
                    [(name, s, 100 * s / total) for name, s in spent])
        figures["components_cpu_s"] = {name: round(s, 2) for name, s in spent}
    emit_json(figures, args.json)


if __name__ == "__main__":
    main()
