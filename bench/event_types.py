"""ACLED sub-event type of a snippet against CASE 2021 task 2 (fine-grained event classification).

``python -m bench.event_types [--data DIR] [--json] [--limit N] [--errors N]``

Each snippet of ``case2021_task2_event_types/task2/test_dataset/*.tsv`` (id, EventSnippet, SubType) runs
through the model plus the weapon and actor components, and ``warlog.extract.events.classify_outcome``
types it. Our outcome maps to the task's codes: ACLED sub-types to their CASE code (AIR_STRIKE, ...), the
non-conflict categories of ``event_other.yaml`` to the five "unseen" codes (NATURAL_DISASTER, ...), and
"no event" to NONE, a label the gold never uses (so it costs recall and no precision).

Figures: weighted F1 (the task's official measure: per-class F1 weighted by gold support), macro F1,
accuracy, and the same over the 25 ACLED classes only. A per-class table follows; ``--errors N`` prints
the N most frequent confusions (codes only, never snippet text).
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from bench.common import emit_json, parse_args, prf, print_table, require_data
from bench.parse_cache import pipe

CORPUS = Path("case2021_task2_event_types") / "task2" / "test_dataset"
NONE = "NONE"
#: Our outcome (ACLED sub-type or non-conflict category) -> CASE 2021 task 2 code.
CODES: dict[str, str] = {
    "Abduction/forced disappearance": "ABDUCT_DISSAP",
    "Agreement": "AGREEMENT",
    "Air/drone strike": "AIR_STRIKE",
    "Armed clash": "ARMED_CLASH",
    "Arrests": "ARREST",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK",
    "Attack": "ATTACK",
    "Change to group/activity": "CHANGE_TO_GROUP_ACT",
    "Chemical weapon": "CHEM_WEAP",
    "Disrupted weapons use": "DISR_WEAP",
    "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
    "Government regains territory": "GOV_REGAINS_TERIT",
    "Grenade": "GRENADE",
    "Headquarters or base established": "HQ_ESTABLISHED",
    "Mob violence": "MOB_VIOL",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER",
    "Other": "OTHER",
    "Peaceful protest": "PEACE_PROTEST",
    "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Protest with intervention": "PROTEST_WITH_INTER",
    "Remote explosive/landmine/IED": "REM_EXPLOS",
    "Sexual violence": "SEX_VIOL",
    "Suicide bomb": "SUIC_BOMB",
    "Violent demonstration": "VIOL_DEMONSTR",
    "natural disaster": "NATURAL_DISASTER",
    "man-made disaster": "MAN_MADE_DISASTER",
    "organized crime": "ORG_CRIME",
    "diplomacy": "DIPLO",
    "attribution": "ATTRIB",
}
UNSEEN = frozenset({"NATURAL_DISASTER", "MAN_MADE_DISASTER", "ORG_CRIME", "DIPLO", "ATTRIB"})


def load_snippets(folder: Path, limit: int | None) -> list[tuple[str, str, str]]:
    """``(id, text, code)`` rows of every TSV in the folder, in file then row order."""
    rows: list[tuple[str, str, str]] = []
    for path in sorted(folder.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            for row in reader:
                rows.append((row["id"], row["EventSnippet"] or "", (row["SubType"] or "").strip()))
    return rows[:limit] if limit is not None else rows


def per_class(gold: Sequence[str], pred: Sequence[str]) -> dict[str, tuple[int, float, float, float]]:
    """Per gold class: support, precision, recall, F1 (percent)."""
    out = {}
    for code in sorted(set(gold)):
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == code and p == code)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != code and p == code)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == code and p != code)
        out[code] = (tp + fn, *prf(tp, fp, fn))
    return out


def summary(gold: Sequence[str], pred: Sequence[str]) -> dict[str, float]:
    classes = per_class(gold, pred)
    total = sum(c[0] for c in classes.values()) or 1
    return {
        "weighted_f1": sum(c[0] * c[3] for c in classes.values()) / total,
        "macro_f1": sum(c[3] for c in classes.values()) / (len(classes) or 1),
        "accuracy": 100.0 * sum(g == p for g, p in zip(gold, pred, strict=True)) / (len(gold) or 1),
        "n": float(len(gold)),
    }


def predict(texts: Sequence[str]) -> list[str]:
    from warlog.extract.events import classify_outcome
    from warlog.extract.pipeline import load_pipeline

    nlp = load_pipeline(("warlog_weapons", "warlog_actors"))
    return [CODES.get(classify_outcome(doc), NONE) for doc in pipe(nlp, texts, batch_size=64)]


def _extra(parser) -> None:
    parser.add_argument("--errors", type=int, default=0, help="print the N most frequent confusions")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(__doc__.splitlines()[0], argv, extra=_extra)
    folder = args.data / CORPUS
    if not require_data(folder, "CASE 2021 task 2 snippets"):
        return 0
    rows = load_snippets(folder, args.limit)
    gold = [code for _, _, code in rows]
    pred = predict([text for _, text, _ in rows])
    overall = summary(gold, pred)
    acled = [(g, p) for g, p in zip(gold, pred, strict=True) if g not in UNSEEN]
    acled_only = summary([g for g, _ in acled], [p for _, p in acled])
    classes = per_class(gold, pred)
    print_table(
        "CASE 2021 task 2: per class",
        ["code", "support", "P", "R", "F1"],
        [[code, *vals] for code, vals in sorted(classes.items(), key=lambda kv: -kv[1][0])],
    )
    print_table(
        "CASE 2021 task 2: overall (best published system: weighted F1 83.9)",
        ["subset", "n", "weighted F1", "macro F1", "accuracy"],
        [
            [
                "all 30 classes",
                int(overall["n"]),
                overall["weighted_f1"],
                overall["macro_f1"],
                overall["accuracy"],
            ],
            [
                "25 ACLED classes",
                int(acled_only["n"]),
                acled_only["weighted_f1"],
                acled_only["macro_f1"],
                acled_only["accuracy"],
            ],
        ],
    )
    if args.errors:
        confusions = Counter((g, p) for g, p in zip(gold, pred, strict=True) if g != p)
        print_table(
            "most frequent confusions",
            ["gold", "predicted", "count"],
            [[g, p, n] for (g, p), n in confusions.most_common(args.errors)],
        )
    emit_json(
        {
            "weighted_f1": round(overall["weighted_f1"], 2),
            "macro_f1": round(overall["macro_f1"], 2),
            "accuracy": round(overall["accuracy"], 2),
            "acled_weighted_f1": round(acled_only["weighted_f1"], 2),
            "n": len(gold),
            "no_event": pred.count(NONE),
        },
        args.json,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
