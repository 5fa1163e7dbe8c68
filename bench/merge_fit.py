"""Fit the merge model of ``warlog/data/merge_weights*.yaml`` on the train half (``bench.merge --fit``).

Kept apart from the harness: fitting needs scikit-learn and runs rarely; scoring runs every time.
"""

from __future__ import annotations

from bench.merge import (
    article_groups,
    b_cubed,
    cached_embeddings,
    document_item,
    extracted_items,
    in_split,
)
from warlog.resolve.items import ReportItem
from warlog.resolve.merge import Resolver


def training_pairs(
    items: list[ReportItem], gold: dict[str, str], embeddings=False
) -> tuple[list[tuple[float, ...]], list[int]]:
    """Features and labels of every pair the resolver could compare: each report against the earlier
    reports it is blocked with (blocking as in ``Resolver``, each report its own incident)."""
    from warlog.resolve.blocking import BlockIndex
    from warlog.resolve.merge import _order
    from warlog.resolve.scoring import pair_features

    resolver = Resolver(embeddings=embeddings)
    resolver.vectorizer.fit_items(items)
    for item in items:
        resolver._vectorise(item)
    resolver._embed(items)
    index = BlockIndex(df=resolver.vectorizer.df)
    ordered = sorted(items, key=_order)
    xs, ys = [], []
    for number, item in enumerate(ordered):
        doc = item.key.rsplit(":", 1)[0]
        for other in index.candidates(item):
            peer = ordered[other]
            peer_doc = peer.key.rsplit(":", 1)[0]
            if peer_doc == doc:
                continue
            xs.append(pair_features(item, peer))
            ys.append(int(gold[doc] == gold[peer_doc]))
        index.add(item, number)
    return xs, ys


#: Signs the weights must have: agreement is evidence for one incident, a contradiction against it. A
#: feature whose fitted weight has the wrong sign is dropped (weight 0) and the rest refitted: on one
#: corpus a contradiction can correlate with a match (GVA's far-apart pairs are blocked only when their
#: rare words agree), which must not carry over to corpora whose places are better read.
SIGNS = {
    "text": 1, "names": 1, "place": 1, "time": 1, "casualties": 1, "actors": 1, "weapons": 1, "embedding": 1,
    "place_veto": -1, "time_veto": -1, "family_veto": -1, "published_gap": -1,
}  # fmt: skip


def _fit_signed(xs: list, ys: list[int], model_class) -> tuple[list[float], float]:
    from warlog.resolve.weights import FEATURES

    active = list(range(len(FEATURES)))
    while True:
        clf = model_class(C=1.0, max_iter=2000).fit([[x[k] for k in active] for x in xs], ys)
        fitted = dict(zip(active, (float(w) for w in clf.coef_[0]), strict=True))
        wrong = [k for k, w in fitted.items() if SIGNS.get(FEATURES[k], 0) * w < 0]
        if not wrong:
            weights = [fitted.get(k, 0.0) for k in range(len(FEATURES))]
            return weights, float(clf.intercept_[0])
        worst = max(wrong, key=lambda k: abs(fitted[k]))
        active.remove(worst)


def fit_model(name: str, docs: list[dict], args) -> None:
    """Fit the logistic merge model on the train half, pick threshold and bridge by B³ F1 on the same
    half, and write ``args.fit``. Refuses any other split: nothing is fitted on what is scored."""
    import yaml
    from sklearn.linear_model import LogisticRegression

    from warlog.resolve.weights import FEATURES, MergeModel

    if args.split != "train":
        raise SystemExit("--fit needs --split train: fit on the train half only, score on dev")
    docs = [d for d in docs if in_split(d["gold"], "train")]
    gold = {d["id"]: d["gold"] for d in docs}
    items, _ = (
        extracted_items(docs, args.cache, name)
        if not args.no_extract
        else ([document_item(d) for d in docs], 0)
    )
    embedder = None
    if args.embeddings:
        from warlog.resolve.embeddings import Embedder

        embedder = Embedder()
        cached_embeddings(items, args.cache, name)
    xs, ys = training_pairs(items, gold, embedder or False)
    weights, bias = _fit_signed(xs, ys, LogisticRegression)
    print(f"{len(ys)} pairs, {sum(ys)} same-incident; weights {dict(zip(FEATURES, weights, strict=True))}")
    best = None
    for threshold in (-1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0):
        for bridge_gap in (0.5, 1.0):
            model = MergeModel(tuple(weights), bias, threshold, threshold + bridge_gap)
            fresh = [
                ReportItem(i.key, i.report, i.published, i.source, i.text, embedding=i.embedding)
                for i in items
            ]
            resolver = Resolver(model=model, embeddings=embedder or False)
            resolver.add(fresh)
            f1 = b_cubed(article_groups(resolver), gold)[2]
            print(f"threshold {threshold:+.2f} bridge +{bridge_gap}: B3 F1 {f1:.1f}")
            if best is None or f1 > best[0]:
                best = (f1, threshold, threshold + bridge_gap)
    f1, threshold, bridge = best
    out = {
        "fitted_on": f"{name} train half (sha1(group)[0] even), {len(docs)} articles, "
        f"{'text only' if args.no_extract else 'real extraction'}"
        f"{', embeddings' if args.embeddings else ''}; train B3 F1 {f1:.1f}",
        "bias": round(bias, 4),
        "threshold": threshold,
        "bridge": min(bridge, 50.0),
        "weights": {f: round(w, 4) for f, w in zip(FEATURES, weights, strict=True)},
    }
    header = (
        "# The merge model (warlog.resolve.weights): log-odds that two reports tell one incident =\n"
        "# bias + sum(weight * feature). Written by `python -m bench.merge --fit FILE --split train`.\n"
    )
    args.fit.write_text(header + yaml.safe_dump(out, sort_keys=False), encoding="utf-8")
    print(f"wrote {args.fit}")
