"""Why an article yields no incident, or a first incident that is not the one it is about.

Read by ``bench.casualties --show-empty N`` (and runnable alone: ``python -m bench.incident_misses
[--data DIR] [--json] [--limit N] [--show N]``). Every article of the GVA corpus is run through the full
pipeline; an article whose first current (non-background) report is missing is put down to the first stage
that lost it:

* ``invalid input``: ``Extractor.prepare`` refused the text (``InputError``);
* ``no cue``: no sentence scores any conflict cue at all;
* ``non-conflict wins``: a conflict cue is there but a non-conflict category outscores it in every
  sentence that has one (crime, disaster: "robbery", "accident");
* ``weak cue``: the best conflict cue of every sentence is below ``sentence_min_score``;
* ``filtered cue``: a sentence's conflict type won but the EventFinder dropped its cue (hypothetical,
  negated, a clause that only dates another happening, history);
* ``unreal/reference``: every segment sat in a hypothetical/negated claim or was a bare noun reference;
* ``ungrounded``: ``_grounded`` dropped every draft (no place finer than a country, no figure);
* ``all background``: reports exist, but all are back-references.

Articles whose first current report exists are grouped by its sub-event type; ``wrong first`` counts
those whose first report's figures miss the gold while a later report's figures match it exactly (the
right incident was found, but not first). Pure diagnosis: it changes no figure of ``bench.casualties``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from bench.common import emit_json, parse_args, print_table, require_data

CAUSES = (
    "invalid input",
    "no cue",
    "non-conflict wins",
    "weak cue",
    "filtered cue",
    "unreal/reference",
    "ungrounded",
    "all background",
)


def _sentence_verdicts(doc) -> set[str]:
    """What the event classifier made of each sentence with a conflict cue (no EventMention came out)."""
    from warlog.extract.events import SUB_EVENT_TYPES, classifier_for

    clf = classifier_for(doc.vocab)
    hits = clf.cue_hits(doc)
    weapons, actors = clf.weapons_of(doc), clf.actors_of(doc)
    verdicts: set[str] = set()
    for sent in doc.sents:
        ranked = clf.ranked(clf.score(doc, sent.start, sent.end, hits, weapons, actors), overlay=False)
        conflict = [(label, v) for label, v in ranked if label in SUB_EVENT_TYPES]
        if not conflict:
            continue
        if ranked[0][0] not in SUB_EVENT_TYPES:
            verdicts.add(f"non-conflict wins ({ranked[0][0]})")
        elif ranked[0][1] < clf.lexicon.sentence_min_score:
            verdicts.add("weak cue")
        else:
            verdicts.add("filtered cue")
    return verdicts


def empty_cause(doc, reports, invalid: bool) -> str:
    """The first stage of the assembly that lost every current report of ``doc`` ('' when one exists)."""
    from warlog.extract.drafts import Sentences
    from warlog.extract.extensions import get_list
    from warlog.extract.incidents import _reference, _segments, _unreal

    if invalid:
        return "invalid input"
    if any(not r.background for r in reports):
        return ""
    if reports:
        return "all background"
    events = get_list(doc, "events")
    if not events:
        verdicts = _sentence_verdicts(doc)
        for cause in ("filtered cue", "weak cue"):
            if cause in verdicts:
                return cause
        wins = sorted(v for v in verdicts if v.startswith("non-conflict"))
        return wins[0] if wins else "no cue"
    claims = get_list(doc, "claims")
    segments = [
        s for s in _segments(doc, events, Sentences(doc)) if not _unreal(s, claims) and not _reference(doc, s)
    ]
    return "ungrounded" if segments else "unreal/reference"


def _figures(report) -> tuple[int, int]:
    from bench.casualties import figure

    return figure(report.killed), figure(report.injured)


def diagnose(articles: list[dict], gold: dict[str, dict]) -> list[dict]:
    """One row per article: its cause ('' when it has a current report), first type, wrong-first flag."""
    from bench.casualties import article_text
    from bench.parse_cache import pipe
    from warlog.errors import InputError
    from warlog.extract.extensions import get_list
    from warlog.extract.pipeline import Extractor
    from warlog.ingest.reader import DocumentInput

    extractor = Extractor(language="en")
    docs, invalid = [], []
    for a in articles:
        try:
            docs.append(extractor.prepare(DocumentInput(text=article_text(a), published=a["dct"]))[1])
            invalid.append(False)
        except InputError:
            docs.append(extractor.nlp.make_doc(article_text(a)))
            invalid.append(True)
    rows = []
    for article, doc, bad in zip(articles, pipe(extractor.nlp, docs, batch_size=32), invalid, strict=True):
        truth = gold[str(article["incident_id"])]
        reports = [] if bad else get_list(doc, "reports")
        current = [r for r in reports if not r.background]
        want = (truth["num_killed"], truth["num_injured"])
        wrong_first = (
            bool(current) and _figures(current[0]) != want and any(_figures(r) == want for r in current[1:])
        )
        rows.append(
            {
                "doc": article.get("doc_id") or article["incident_id"],
                "cause": empty_cause(doc, reports, bad),
                "first_type": current[0].sub_event_type if current else "",
                "wrong_first": wrong_first,
                "reports": len(reports),
                "title": (article.get("title") or "").strip(),
                "head": article["content"][:300].replace("\n", " "),
            }
        )
    return rows


def print_diagnosis(rows: list[dict], show: int) -> dict:
    """Tables of causes and first types, then up to ``show`` examples of each; returns the counts."""
    causes = Counter(r["cause"] for r in rows if r["cause"])
    firsts = Counter(r["first_type"] for r in rows if r["first_type"])
    wrong = sum(r["wrong_first"] for r in rows)
    print_table(
        f"GVA articles with no current incident: {sum(causes.values())} of {len(rows)}",
        ("cause", "articles"),
        sorted(causes.items(), key=lambda kv: -kv[1]),
    )
    print_table(
        f"First current incident's sub-event type ({wrong} wrong first: a later report has the gold figures)",
        ("sub-event type", "articles"),
        sorted(firsts.items(), key=lambda kv: -kv[1]),
    )
    if show:
        for cause in sorted(causes):
            for r in [r for r in rows if r["cause"] == cause][:show]:
                print(f"[{cause}] doc {r['doc']} | {r['title'][:100]}\n    {r['head']}")
        odd = [r for r in rows if r["first_type"] and r["first_type"] != "Attack"]
        for r in odd[:show]:
            print(f"[first {r['first_type']}] doc {r['doc']} | {r['title'][:100]}\n    {r['head']}")
        for r in [r for r in rows if r["wrong_first"]][:show]:
            print(f"[wrong first] doc {r['doc']} | {r['title'][:100]}\n    {r['head']}")
    return {
        "articles": len(rows),
        "empty": sum(causes.values()),
        "wrong_first": wrong,
        "causes": dict(causes),
        "first_types": dict(firsts),
    }


def _extra_args(parser) -> None:
    parser.add_argument("--show", type=int, default=0, help="print up to N articles per cause")


def main(argv: Sequence[str] | None = None) -> int:
    from bench.casualties import CORPUS, load_articles, load_gold

    args = parse_args(__doc__.splitlines()[0], argv, extra=_extra_args)
    folder = args.data / CORPUS
    if not require_data(folder / "articles.jsonl", CORPUS):
        return 0
    gold = load_gold(folder)
    figures = print_diagnosis(diagnose(load_articles(folder, gold, args.limit), gold), args.show)
    emit_json(figures, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
