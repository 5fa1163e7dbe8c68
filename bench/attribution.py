"""Attribution accuracy on PolNeAR: source / cue / content spans, exact and overlap, and speaker match.

    python -m bench.attribution [--data DIR] [--json] [--limit N] [--split dev] [--show N]

Reads ``DIR/polnear/data/<split>/{text,attributions}`` (brat standoff: ``Source``, ``Cue``, ``Content``
text-bound annotations tied by ``Attribution`` events). Every split folder present is scored unless
``--split`` names some. Where an article has several annotators' files, the first in name order is gold.

Scoring, per span type: *exact* counts a predicted span equal to a gold span (discontinuous gold spans are
taken as their hull); *overlap* pairs predicted and gold spans one-to-one when they share a character.
Predictions sharing one cue (a quotation continued after "he said") are merged into one attribution, as
the gold annotates one attribution with a discontinuous content. *Speaker match*: of the gold
attributions with a source whose cue we found, the share where our source overlaps the gold source.
textacy's ``direct_quotations`` runs over the same parsed documents and is printed beside warlog; where
textacy is not installed (it is an optional ``bench`` extra) the harness says so.

``--show N`` prints up to N missed gold attributions (no predicted cue overlaps the gold cue) and N false
positives (no gold cue overlaps ours), in corpus order, for error analysis; the figures are unchanged.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path

from bench.common import emit_json, parse_args, prf, print_table, require_data
from bench.parse_cache import pipe

KINDS = ("source", "cue", "content")
ANN_NAME = re.compile(r"^(?P<base>.+)_(?P<annotator>[0-9a-f]{4})\.ann$")
Range = tuple[int, int]
Attribution = dict[str, Range | None]


# --------------------------------------------------------------------------------------------- gold


def read_gold(path: Path) -> list[Attribution]:
    """Attributions of one brat file: each a dict of source / cue / content hulls (or None)."""
    spans: dict[str, tuple[str, Range]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            kind, _, offsets = parts[1].partition(" ")
            pieces = [tuple(int(x) for x in frag.split()) for frag in offsets.split(";") if frag.strip()]
            if pieces:
                spans[parts[0]] = (kind, (min(p[0] for p in pieces), max(p[1] for p in pieces)))
        elif parts[0].startswith("E"):
            args = dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg)
            events.append(args)
    found: list[Attribution] = []
    for args in events:
        attribution: Attribution = {kind: None for kind in KINDS}
        for role, ref in args.items():
            key = role.lower()
            if key in KINDS and ref in spans:
                attribution[key] = spans[ref][1]
        if attribution["cue"] is not None or attribution["content"] is not None:
            found.append(attribution)
    return found


def corpus(root: Path, splits: Sequence[str] | None) -> list[tuple[str, str, list[Attribution]]]:
    """(name, text, gold attributions) for every annotated article, in a stable order."""
    items: list[tuple[str, str, list[Attribution]]] = []
    names = splits or sorted(p.name for p in root.iterdir() if (p / "attributions").is_dir())
    for split in names:
        folder = root / split
        first: dict[str, Path] = {}
        for ann in sorted((folder / "attributions").glob("*.ann")):
            match = ANN_NAME.match(ann.name)
            if match and match["base"] not in first:
                first[match["base"]] = ann
        for base, ann in sorted(first.items()):
            text_path = folder / "text" / f"{base}.txt"
            if text_path.exists():
                items.append((f"{split}/{base}", text_path.read_text(encoding="utf-8"), read_gold(ann)))
    return items


# --------------------------------------------------------------------------------------------- scoring


def _strip(text: str, span: Range) -> Range:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def merge_by_cue(predicted: list[Attribution]) -> list[Attribution]:
    """One attribution per cue: contents of a continued quotation become one hull."""
    merged: dict[Range | None, Attribution] = {}
    ordered: list[Attribution] = []
    for attribution in predicted:
        cue = attribution["cue"]
        if cue is not None and cue in merged:
            first, content = merged[cue], attribution["content"]
            if content is not None and first["content"] is not None:
                old = first["content"]
                first["content"] = (min(old[0], content[0]), max(old[1], content[1]))
            continue
        copy = dict(attribution)
        ordered.append(copy)
        if cue is not None:
            merged[cue] = copy
    return ordered


class Tally:
    """True/false positives and negatives per span type, exact and overlap, plus speaker match."""

    def __init__(self) -> None:
        self.counts = {(k, m): [0, 0, 0] for k in KINDS for m in ("exact", "overlap")}
        self.speaker = [0, 0]

    def add(self, text: str, gold: list[Attribution], predicted: list[Attribution]) -> None:
        for kind in KINDS:
            g = [_strip(text, a[kind]) for a in gold if a[kind] is not None]
            p = [_strip(text, a[kind]) for a in predicted if a[kind] is not None]
            exact = len(set(g) & set(p))
            self._count(kind, "exact", exact, len(p), len(g))
            self._count(kind, "overlap", len(_pair(g, p)), len(p), len(g))
        for attribution in gold:
            if attribution["source"] is None or attribution["cue"] is None:
                continue
            ours = next((a for a in predicted if a["cue"] and _overlap(a["cue"], attribution["cue"])), None)
            if ours is None:
                continue
            self.speaker[1] += 1
            if ours["source"] is not None and _overlap(ours["source"], attribution["source"]):
                self.speaker[0] += 1

    def _count(self, kind: str, mode: str, tp: int, n_pred: int, n_gold: int) -> None:
        row = self.counts[(kind, mode)]
        row[0] += tp
        row[1] += n_pred - tp
        row[2] += n_gold - tp

    def figures(self, prefix: str) -> dict[str, float]:
        out: dict[str, float] = {}
        for (kind, mode), (tp, fp, fn) in self.counts.items():
            p, r, f = prf(tp, fp, fn)
            out[f"{prefix}_{kind}_{mode}_p"], out[f"{prefix}_{kind}_{mode}_r"] = round(p, 2), round(r, 2)
            out[f"{prefix}_{kind}_{mode}_f1"] = round(f, 2)
        hit, total = self.speaker
        out[f"{prefix}_speaker_match"] = round(100.0 * hit / total, 2) if total else 0.0
        return out


def _overlap(a: Range, b: Range) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _pair(gold: list[Range], predicted: list[Range]) -> list[tuple[Range, Range]]:
    """Greedy one-to-one pairing of overlapping spans, largest shared length first."""
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            shared = min(g[1], p[1]) - max(g[0], p[0])
            if shared > 0:
                candidates.append((-shared, i, j))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in sorted(candidates):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((gold[i], predicted[j]))
    return pairs


# --------------------------------------------------------------------------------------------- errors


def errors(text: str, gold: list[Attribution], predicted: list[Attribution]) -> tuple[list, list]:
    """(missed gold, false positive predictions): attributions whose cue no cue of the other side overlaps."""
    def cue_found(a: Attribution, others: list[Attribution]) -> bool:
        return a["cue"] is not None and any(o["cue"] and _overlap(a["cue"], o["cue"]) for o in others)

    missed = [a for a in gold if a["cue"] is not None and not cue_found(a, predicted)]
    false = [a for a in predicted if a["cue"] is not None and not cue_found(a, gold)]
    return missed, false


def describe(text: str, attribution: Attribution, width: int = 90) -> list[str]:
    """One attribution as source / cue / content excerpts (content cut to ``width`` characters)."""
    def part(kind: str) -> str:
        span = attribution[kind]
        if span is None:
            return "-"
        words = " ".join(text[span[0] : span[1]].split())
        return words if len(words) <= width else words[: width - 1] + "…"

    return [part(kind) for kind in KINDS]


def show_errors(shown: dict[str, list], limit: int) -> None:
    for label, rows in (("missed gold attributions", shown["missed"]), ("false positives", shown["false"])):
        print_table(f"{label} (first {min(limit, len(rows))} of {len(rows)})",
                    ["article", "source", "cue", "content"], rows[:limit])


# --------------------------------------------------------------------------------------------- systems


def warlog_attributions(doc) -> list[Attribution]:
    found = []
    for claim in doc._.claims or []:
        found.append({kind: _range(getattr(claim, kind)) for kind in KINDS})
    return merge_by_cue(found)


def _range(span) -> Range | None:
    return (span.start, span.end) if span is not None else None


def textacy_quotations():
    """textacy's direct_quotations as a function Doc -> attributions, or None where not installed."""
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None

    def run(doc) -> list[Attribution]:
        found: list[Attribution] = []
        try:
            triples = list(direct_quotations(doc))
        except Exception:  # noqa: BLE001 - a third-party failure on one article must not stop the bench
            return found
        for triple in triples:
            found.append({
                "source": _tokens_range(triple.speaker),
                "cue": _tokens_range(triple.cue),
                "content": _tokens_range(triple.content),
            })
        return found

    return run


def _tokens_range(tokens) -> Range | None:
    tokens = list(tokens)
    if not tokens:
        return None
    return min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)


# --------------------------------------------------------------------------------------------- main


def _extra_args(parser) -> None:
    parser.add_argument("--split", action="append", help="split folder(s); default all")
    parser.add_argument("--show", type=int, default=0, metavar="N",
                        help="print N missed gold attributions and N false positives")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(
        __doc__.splitlines()[0],
        argv,
        extra=_extra_args,
    )
    root = args.data / "polnear" / "data"
    if not require_data(root, "PolNeAR"):
        return 0
    items = corpus(root, args.split)
    if args.limit is not None:
        items = items[: args.limit]
    from warlog.extract.pipeline import load_pipeline

    nlp = load_pipeline(("warlog_claims",))
    textacy_run = textacy_quotations()
    ours, theirs = Tally(), Tally()
    n_gold = 0
    shown: dict[str, list] = {"missed": [], "false": []}
    for (name, text, gold), doc in zip(items, pipe(nlp, (t for _, t, _ in items)), strict=True):
        n_gold += len(gold)
        predicted = warlog_attributions(doc)
        ours.add(text, gold, predicted)
        if args.show:
            missed, false = errors(text, gold, predicted)
            shown["missed"].extend([name, *describe(text, a)] for a in missed)
            shown["false"].extend([name, *describe(text, a)] for a in false)
        if textacy_run is not None:
            theirs.add(text, gold, textacy_run(doc))
    figures = {"articles": len(items), "gold_attributions": n_gold, **ours.figures("warlog")}
    systems = [("warlog", ours)]
    if textacy_run is not None:
        figures.update(theirs.figures("textacy"))
        systems.append(("textacy direct_quotations", theirs))
    else:
        print("textacy is not installed: install the bench extra (pip install -e '.[bench]') to compare")
    rows = []
    for label, tally in systems:
        for kind in KINDS:
            row: list[object] = [label, kind]
            for mode in ("exact", "overlap"):
                row.extend(prf(*tally.counts[(kind, mode)]))
            rows.append(row)
    columns = ["system", "span", "exact P", "exact R", "exact F1", "overlap P", "overlap R", "overlap F1"]
    print_table(f"PolNeAR attribution ({len(items)} articles, {n_gold} gold attributions)", columns, rows)
    print_table(
        "Speaker match (gold source overlapped, of gold attributions whose cue was found)",
        ["system", "speaker match %"],
        [[label, figures[f"{'warlog' if label == 'warlog' else 'textacy'}_speaker_match"]]
         for label, _ in systems],
    )
    if args.show:
        show_errors(shown, args.show)
    emit_json(figures, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
