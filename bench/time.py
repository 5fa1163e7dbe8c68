"""Time-expression extraction and normalisation on TempEval-3 (TimeBank + AQUAINT TimeML).

Run: ``python -m bench.time [--data DIR] [--json] [--limit N] [--show N] [--half even|odd]``.

Each ``.tml`` file under ``DIR/tempeval3`` gives a text (the ``<TEXT>`` element without its tags), gold
TIMEX3 spans with their ``value`` and the document creation time (DCT), which becomes ``doc._.published``.
Docs are built with the statistical model and only the ``warlog_times`` component runs.

Scores, after TempEval-3 task A (UzZaman et al. 2013): a system timex matches a gold one *strictly* when
the character spans are equal, *relaxed* when they overlap (one-to-one, in text order). Value F1 counts
relaxed matches whose values are equal: P = correct / system timexes, R = correct / gold timexes. The DCT
itself is not scored (it is given, not found), as in the official scorer (TE3-evaluation.py reads only
the ``<TEXT>`` element, where TBAQ has no DCT). Ranges that warlog joins ("between 1990 and 1995") are
scored as their two expressions, as TimeML annotates them (``find_times(..., split_ranges=True)``). A
leading signal word that warlog keeps in its text as written ("since", "between", "from") is dropped from
the system span before comparing, as TimeML leaves signals outside TIMEX3.

``--half even|odd`` scores only the documents at even or odd positions (after ``--limit``, in sorted file
order), so a change can be checked on both halves: tuned on one, it should help the other too.
"""

from __future__ import annotations

import html
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import emit_json, parse_args, prf, print_table, require_data

_TOKEN = re.compile(r"<[^>]+>|&#?\w+;|[^<&]+|&")
_TIMEX_OPEN = re.compile(r"<TIMEX3\b([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_SIGNAL = re.compile(r"^(?:since|between|from)\s+", re.I)


@dataclass
class Gold:
    start: int
    end: int
    value: str
    kind: str


@dataclass
class TimeMLDoc:
    name: str
    part: str
    text: str
    dct: str
    timexes: list[Gold] = field(default_factory=list)


def read_tml(path: Path) -> TimeMLDoc:
    """Plain text and gold TIMEX3s of one TimeML file (offsets into the plain text)."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r"<DCT>\s*<TIMEX3\b([^>]*)>", raw)
    dct = dict(_ATTR.findall(dct_match.group(1)))["value"] if dct_match else ""
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    parts: list[str] = []
    length = 0
    open_timex: tuple[int, dict] | None = None
    timexes: list[Gold] = []
    for m in _TOKEN.finditer(body):
        token = m.group(0)
        if token.startswith("<"):
            opened = _TIMEX_OPEN.match(token)
            if opened:
                open_timex = (length, dict(_ATTR.findall(opened.group(1))))
            elif token.startswith("</TIMEX3") and open_timex is not None:
                start, attrs = open_timex
                timexes.append(Gold(start, length, attrs.get("value", ""), attrs.get("type", "")))
                open_timex = None
            continue
        piece = html.unescape(token) if token.startswith("&") else token
        parts.append(piece)
        length += len(piece)
    return TimeMLDoc(path.stem, path.parent.name, "".join(parts), dct, timexes)


def load_corpus(root: Path, limit: int | None) -> list[TimeMLDoc]:
    files = sorted(root.rglob("*.tml"))
    if limit is not None:
        files = files[:limit]
    return [read_tml(f) for f in files]


@dataclass
class Tally:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0

    def add(self, other: Tally) -> None:
        for name in ("gold", "system", "strict", "relaxed", "value"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def row(self, label: str) -> list[object]:
        strict = prf(self.strict, self.system - self.strict, self.gold - self.strict)
        relaxed = prf(self.relaxed, self.system - self.relaxed, self.gold - self.relaxed)
        value = prf(self.value, self.system - self.value, self.gold - self.value)
        accuracy = 100.0 * self.value / self.relaxed if self.relaxed else 0.0
        return [label, self.gold, self.system, *strict[2:], *relaxed, *value, accuracy]


def score(doc: TimeMLDoc, found: list[tuple[int, int, str | None]], show: list) -> Tally:
    """Match system (start, end, value) triples to the gold timexes of one document."""
    tally = Tally(gold=len(doc.timexes), system=len(found))
    used: set[int] = set()
    for start, end, value in found:
        for i, gold in enumerate(doc.timexes):
            if i in used or gold.end <= start or end <= gold.start:
                continue
            used.add(i)
            tally.relaxed += 1
            tally.strict += (start, end) == (gold.start, gold.end)
            if value == gold.value:
                tally.value += 1
            else:
                show.append(("value", doc.text[gold.start:gold.end], gold.value, doc.text[start:end], value))
            break
        else:
            show.append(("spurious", "", "", doc.text[start:end], value))
    for i, gold in enumerate(doc.timexes):
        if i not in used:
            show.append(("missed", doc.text[gold.start:gold.end], gold.value, "", ""))
    return tally


def system_timexes(nlp, doc: TimeMLDoc) -> tuple[list[tuple[int, int, str | None]], float]:
    from warlog.extract.times import find_times
    from warlog.ingest.dates import parse_published

    spacy_doc = nlp.make_doc(doc.text)
    spacy_doc._.published = parse_published(doc.dct) if doc.dct else None
    for _name, proc in nlp.pipeline[:-1]:
        spacy_doc = proc(spacy_doc)
    began = time.perf_counter()
    spacy_doc = nlp.pipeline[-1][1](spacy_doc)
    spent = time.perf_counter() - began
    # TimeML marks each end of a range as its own TIMEX3: score the component's reading with its joined
    # ranges split back into their expressions (``doc._.times`` keeps them joined for incidents)
    found = []
    for ts in find_times(spacy_doc, spacy_doc._.published, split_ranges=True):
        start, end = ts.evidence.start, ts.evidence.end
        signal = _SIGNAL.match(doc.text[start:end])
        if signal:
            start += signal.end()
        found.append((start, end, ts.value))
    return found, spent


def main(argv=None) -> int:
    def extra(parser) -> None:
        parser.add_argument("--show", type=int, default=0,
                            help="print the first N errors (missed, spurious, wrong value)")
        parser.add_argument("--half", choices=("even", "odd"), default=None,
                            help="score only the documents at even or odd positions")

    args = parse_args(__doc__.splitlines()[0], argv, extra=extra)
    root = args.data / "tempeval3"
    if not require_data(root, "tempeval3 (TimeML)"):
        return 0
    from warlog.extract import factories  # noqa: F401  (registers warlog_times)
    from warlog.extract.pipeline import load_pipeline

    nlp = load_pipeline(("warlog_times",))
    docs = load_corpus(root, args.limit)
    if args.half is not None:
        docs = docs[0 if args.half == "even" else 1 :: 2]
    parts: dict[str, Tally] = {}
    total, spent, chars, show = Tally(), 0.0, 0, []
    for doc in docs:
        found, seconds = system_timexes(nlp, doc)
        tally = score(doc, found, show)
        parts.setdefault(doc.part, Tally()).add(tally)
        total.add(tally)
        spent += seconds
        chars += len(doc.text)
    columns = ["part", "gold", "system", "strict F1", "relaxed P", "relaxed R", "relaxed F1",
               "value P", "value R", "value F1", "value acc"]
    rows = [parts[name].row(name) for name in sorted(parts)] + [total.row("all")]
    print_table(f"TempEval-3 task A on {len(docs)} TimeML documents (DCT given, not scored)", columns, rows)
    kchars = chars / spent / 1000 if spent else 0.0
    print(f"warlog_times alone: {spent:.2f} s for {chars:,} characters ({kchars:,.0f} k chars/s)")
    for entry in show[: args.show]:
        print(" | ".join(str(x) for x in entry))
    row = total.row("all")
    emit_json({
        "documents": len(docs), "gold": total.gold, "system": total.system,
        "strict_f1": round(row[3], 2), "relaxed_p": round(row[4], 2), "relaxed_r": round(row[5], 2),
        "relaxed_f1": round(row[6], 2), "value_p": round(row[7], 2), "value_r": round(row[8], 2),
        "value_f1": round(row[9], 2), "value_accuracy": round(row[10], 2),
    }, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
