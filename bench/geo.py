"""Geocoding accuracy and speed: GeoWebNews, LGL, GeoVirus and the Ukraine events.

    python -m bench.geo [--data DIR] [--json] [--limit N] [--corpus gwn,lgl,geovirus,ukraine]

Measures (the same as Mordecai 3's README where they overlap):
- resolution of the gold toponyms (the gold spans are given; the rest of the document is context):
  exact GeoNames id (%), acc@161 km (%), mean error (km), toponyms resolved per second;
- end to end (find + resolve): precision / recall / F1, a found place counting when it overlaps a gold
  toponym and lies within 161 km of it; "+adj" adds the adjectival toponyms ("Russian", "European") the
  finder reports apart from doc._.places (``PlaceFinder.adjectival``), which GWN and LGL annotate as
  toponyms and GeoVirus does not; "+emb" (``e2e_full_*``) adds too the toponyms inside organisations'
  names (``PlaceFinder.embedded``: "Air Zimbabwe"), which GWN annotates; the headline (``e2e_conv_*``)
  follows each corpus' convention (``CONVENTION``), ``e2e_*`` counts doc._.places alone;
- Ukraine events (title + description of each geolocated event): the event place is the most precise place
  found (ties: the first); % within 25 km of the gold point, % naming the gold town, % with no place; and,
  as half the texts name no place at all, the same figures split by whether the text names the gold town
  (``named_*`` / ``unnamed_*``), and for texts naming the province but not the town, % where the province
  is among the places found; and, apart from the texts, the gold town typed as a user would
  ("Town, Province, Country") and resolved: % within 25 km (gazetteer coverage); and ``focus_*``, the
  same texts with the collection's country as every text's focus (``PlaceFinder.focus = ('UA',)``, what a
  monitor of one war would set; the headline figures use no focus);
- the gazetteer: open time and the memory its look-ups add.
GWN toponyms count when they carry a GeoNames id (as in Mordecai 3's evaluation; the others are buildings
and streets). Gold coordinates of GWN toponyms that carry only a GeoNames id are read from the gazetteer;
gold ids it lacks count as misses (``gold_unknown``). GeoVirus has no ids, so only distances are scored.
"""

from __future__ import annotations

import csv
import json
import statistics
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import emit_json, parse_args, prf, print_table, require_data
from bench.parse_cache import pipe

GEO = "geoparsing_gritta/data"
UKRAINE = "ukraine_cir_bellingcat_events/events.csv"
KM = 161.0
UA_KM = 25.0


@dataclass
class Gold:
    start: int
    end: int
    geonameid: int | None
    lat: float | None
    lon: float | None


@dataclass
class Article:
    text: str
    gold: list[Gold] = field(default_factory=list)
    other: list[tuple[int, int]] = field(default_factory=list)  # annotated, unscored: neutral in end to end


def _align(text: str, start: int, end: int, name: str | None) -> tuple[int, int]:
    """Some corpora count offsets from 1 or after a stripped prefix: find the name within a few characters."""
    if not name or text[start:end] == name:
        return start, end
    for shift in (-1, 1, -2, 2, -3, 3, -4, 4, -5, 5):
        s = start + shift
        if s >= 0 and text[s : s + len(name)] == name:
            return s, s + len(name)
    return start, end


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


def read_gwn(path: Path) -> list[Article]:
    articles = []
    for art in ET.parse(path).getroot().iter("article"):
        gold, other = [], []
        for t in art.iter("toponym"):
            gid, lat, lon = (
                _int(t.findtext("geonamesID")),
                _float(t.findtext("latitude")),
                _float(t.findtext("longitude")),
            )
            text = art.findtext("text") or ""
            s, e = _align(text, int(t.findtext("start")), int(t.findtext("end")), t.findtext("extractedName"))
            if gid is None:  # buildings, streets, non-toponyms: not scored, and not false positives either
                other.append((s, e))
                continue
            gold.append(Gold(s, e, gid, lat, lon))
        articles.append(Article(art.findtext("text") or "", gold, other))
    return articles


def read_lgl(path: Path) -> list[Article]:
    articles = []
    for art in ET.parse(path).getroot().iter("article"):
        gold = []
        for t in art.iter("toponym"):
            tag = t.find("gaztag")
            if tag is None:
                continue
            s, e = _align(
                art.findtext("text") or "",
                int(t.findtext("start")),
                int(t.findtext("end")),
                t.findtext("phrase"),
            )
            gold.append(
                Gold(
                    s, e, _int(tag.get("geonameid")), _float(tag.findtext("lat")), _float(tag.findtext("lon"))
                )
            )
        articles.append(Article(art.findtext("text") or "", gold))
    return articles


def read_geovirus(path: Path) -> list[Article]:
    articles = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        gold = []
        for loc in art.iter("location"):
            s, e = _align(text, int(loc.findtext("start")), int(loc.findtext("end")), loc.findtext("name"))
            gold.append(Gold(s, e, None, _float(loc.findtext("lat")), _float(loc.findtext("lon"))))
        articles.append(Article(art.findtext("text") or "", gold))
    return articles


READERS = {
    "gwn": ("GWN.xml", read_gwn),
    "lgl": ("Corpora/lgl.xml", read_lgl),
    "geovirus": ("Corpora/GeoVirus.xml", read_geovirus),
}
#: What each corpus counts as a toponym, which gives its headline end-to-end figure (``e2e_conv_*``):
#: GeoWebNews counts adjectival toponyms (Literal_Modifier / Non_Literal_Modifier with modifierType
#: "Adjective": "Iraqi", "European") and toponyms inside other names (Embedded_Literal / Embedded_Non_Lit:
#: "The Washington Post", "Air Zimbabwe"), all with GeoNames ids; demonyms naming people ("Americans")
#: carry none and are not scored. LGL's gold holds adjectival toponyms ("American", "Canadian"); whether it
#: holds embedded ones is not documented, so they are left out. GeoVirus annotates places only.
CONVENTION = {"gwn": "e2e_full", "lgl": "e2e_adj", "geovirus": "e2e"}


def score_corpus(nlp, finder, articles: list[Article]) -> dict:
    from warlog.geo.ranking import haversine_km

    gaz = finder.gazetteer
    n = exact = within = unknown = 0
    errors: list[float] = []
    tp = fp = fn = 0
    resolve_s = 0.0
    adj = {"tp": 0, "fp": 0, "fn": 0}  # end to end counting adjectival toponyms ("Russian") as GWN does
    full = {"tp": 0, "fp": 0, "fn": 0}  # ... and toponyms inside organisations' names ("Air Zimbabwe")
    texts = [a.text for a in articles]
    for art, doc in zip(articles, pipe(nlp, texts, batch_size=16), strict=True):
        gold = []
        for g in art.gold:
            lat, lon = g.lat, g.lon
            if lat is None and g.geonameid is not None:
                entry = gaz.get(g.geonameid)
                if entry is not None:
                    lat, lon = entry.lat, entry.lon
            gold.append((g, lat, lon))
        spans = [(g.start, g.end) for g, _, _ in gold]
        t0 = time.perf_counter()
        resolved = finder.resolve_spans(doc, spans)
        resolve_s += time.perf_counter() - t0
        for (g, lat, lon), place in zip(gold, resolved, strict=True):
            n += 1
            if lat is None:
                unknown += 1
                continue
            if g.geonameid is not None and place.geonameid == g.geonameid:
                exact += 1
            if place.lat is not None:
                d = haversine_km(lat, lon, place.lat, place.lon)
                errors.append(d)
                within += d <= KM
            else:
                errors.append(20000.0)
        # end to end: what the component found on its own
        found = [p for p in doc._.places if p.lat is not None and p.evidence is not None]
        located = [(g, lat, lon) for g, lat, lon in gold if lat is not None]
        adjectival_all = finder.adjectival(doc)
        adjectival = [p for p in adjectival_all if p.lat is not None]
        counts = _match_found(found + adjectival, located, art.other)
        for k, v in zip(("tp", "fp", "fn"), counts, strict=True):
            adj[k] += v
        embedded = [p for p in finder.embedded(doc, list(doc._.places) + adjectival_all) if p.lat is not None]
        counts = _match_found(found + adjectival + embedded, located, art.other)
        for k, v in zip(("tp", "fp", "fn"), counts, strict=True):
            full[k] += v
        found_tp, found_fp, found_fn = _match_found(found, located, art.other)
        tp, fp, fn = tp + found_tp, fp + found_fp, fn + found_fn
    with_ids = sum(1 for a in articles for g in a.gold if g.geonameid is not None)
    p, r, f = prf(tp, fp, fn)
    pa, ra, fa = prf(adj["tp"], adj["fp"], adj["fn"])
    pf, rf, ff = prf(full["tp"], full["fp"], full["fn"])
    return {
        "toponyms": n,
        "exact_id": 100.0 * exact / with_ids if with_ids else None,
        "acc161": 100.0 * within / n if n else 0.0,
        "mean_km": statistics.fmean(errors) if errors else 0.0,
        "gold_unknown": unknown,
        "toponyms_per_s": n / resolve_s if resolve_s else 0.0,
        "e2e_p": p,
        "e2e_r": r,
        "e2e_f1": f,
        "e2e_adj_p": pa,
        "e2e_adj_r": ra,
        "e2e_adj_f1": fa,
        "e2e_full_p": pf,
        "e2e_full_r": rf,
        "e2e_full_f1": ff,
    }


def _match_found(found: list, located: list, other: list[tuple[int, int]]) -> tuple[int, int, int]:
    """(tp, fp, fn) of found places against located gold toponyms: a hit overlaps a gold span and lies
    within 161 km of it; a found place overlapping an unscored annotation counts neither way."""
    from warlog.geo.ranking import haversine_km

    tp = fp = 0
    matched: set[int] = set()
    for p in found:
        s, e = p.evidence.end - len(p.name), p.evidence.end
        hit = next(
            (
                k
                for k, (g, lat, lon) in enumerate(located)
                if k not in matched
                and g.start < e
                and s < g.end
                and haversine_km(lat, lon, p.lat, p.lon) <= KM
            ),
            None,
        )
        if hit is not None:
            matched.add(hit)
            tp += 1
        elif not any(os < e and s < oe for os, oe in other):
            fp += 1
    return tp, fp, len(located) - len(matched)


def score_ukraine(nlp, path: Path, limit: int | None) -> dict:
    from warlog.geo.names import lookup_key
    from warlog.geo.ranking import haversine_km

    with path.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if _float(r.get("lat")) is not None]
    if limit:
        rows = rows[:limit]
    texts = [_event_text(r) for r in rows]
    near = town = none = named = named_near = named_none = 0
    province_named = province_found = unnamed_any = 0
    for row, text, doc in zip(rows, texts, pipe(nlp, texts, batch_size=32), strict=True):
        key = lookup_key(text)
        gold_town = lookup_key(row.get("town/city") or "")
        says_town = bool(gold_town) and gold_town in key
        named += says_town
        places = [p for p in doc._.places if p.lat is not None]
        province = _province_key(row.get("province") or "")
        if not says_town and province and province in key:
            province_named += 1
            province_found += any(province in lookup_key(p.admin1 or p.resolved_name or "") for p in places)
        unnamed_any += bool(places) and not says_town
        if not places:
            none += 1
            named_none += says_town
            continue
        best = min(places, key=lambda p: p.where_prec or 9)
        close = haversine_km(float(row["lat"]), float(row["lon"]), best.lat, best.lon) <= UA_KM
        near += close
        named_near += close and says_town
        town += bool(gold_town) and lookup_key(best.resolved_name or "") == gold_town
    n = len(rows) or 1
    unnamed = len(rows) - named
    typed = score_typed(nlp, rows)
    return {
        "events": len(rows),
        "within25": 100.0 * near / n,
        "town": 100.0 * town / n,
        "no_place": 100.0 * none / n,
        "named": named,
        "named_within25": 100.0 * named_near / named if named else 0.0,
        "named_no_place": 100.0 * named_none / named if named else 0.0,
        "unnamed": unnamed,
        "unnamed_within25": 100.0 * (near - named_near) / unnamed if unnamed else 0.0,
        "unnamed_no_place": 100.0 * (none - named_none) / unnamed if unnamed else 0.0,
        "unnamed_some_place": 100.0 * unnamed_any / unnamed if unnamed else 0.0,
        "province_named": province_named,
        "province_found": 100.0 * province_found / province_named if province_named else 0.0,
        **typed,
    }


def _province_key(province: str) -> str:
    """'Kharkiv Oblast', 'Donetsk oblast', 'Krasnodar Krai' -> the key of the name without its unit word."""
    from warlog.geo.names import lookup_key

    words = [
        w for w in province.split() if w.lower() not in ("oblast", "region", "krai", "kray", "republic", "of")
    ]
    return lookup_key(" ".join(words))


def typed_query(row: dict) -> tuple[str, int] | None:
    """What a user would type to find the event's town: 'Town, Province, Country' (the columns that are
    filled), and the length of the town name, which is the span resolved; None when the row has no town."""
    town = (row.get("town/city") or "").strip()
    if not town:
        return None
    parts = [town] + [(row.get(k) or "").strip() for k in ("province", "country")]
    return ", ".join(p for p in parts if p), len(town)


def score_typed(nlp, rows: list[dict]) -> dict:
    """Gazetteer coverage: resolve each event's gold town typed with its province and country as context,
    and count it within 25 km of the gold point. This measures the gazetteer and the ranking apart from
    whether the event's text names a place at all."""
    from warlog.geo.ranking import haversine_km

    finder = nlp.get_pipe("warlog_places")
    queries = [(row, typed_query(row)) for row in rows]
    queries = [(row, q) for row, q in queries if q is not None]
    near = resolved = 0
    for (row, (_text, town_len)), doc in zip(queries, pipe(nlp, [q[0] for _, q in queries]), strict=True):
        [place] = finder.resolve_spans(doc, [(0, town_len)])
        if place.lat is None:
            continue
        resolved += 1
        near += haversine_km(float(row["lat"]), float(row["lon"]), place.lat, place.lon) <= UA_KM
    n = len(queries) or 1
    return {
        "typed_towns": len(queries),
        "typed_resolved": 100.0 * resolved / n,
        "typed_within25": 100.0 * near / n,
    }


def _event_text(row: dict) -> str:
    """Title and description, once each (the description often repeats the title)."""
    title = (row.get("title") or "").strip()
    desc = (row.get("brief description") or "").strip()
    if not desc or desc in title:
        return title
    return f"{title}. {desc}"


_COST_PROBE = """
import json, os, time
from warlog.geo.gazetteer import Gazetteer
from warlog.geo.build import default_path
def rss():
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
before = rss()
t0 = time.perf_counter()
gaz = Gazetteer(default_path())
for name in ("Kyiv", "Bakhmut", "Springfield", "Alexandria", "Donetsk Oblast", "Paris", "Krasnohorivka"):
    gaz.lookup(name)
load_s = time.perf_counter() - t0
print(json.dumps({"load_s": load_s, "load_rss_mb": rss() - before, "places": len(gaz)}))
"""


def gazetteer_cost() -> dict:
    """Open time and resident memory the gazetteer adds, in a fresh process (this one holds spaCy)."""
    from warlog.geo import Gazetteer

    Gazetteer.default()  # built here if missing: building is not part of the load time
    out = subprocess.run([sys.executable, "-c", _COST_PROBE], capture_output=True, text=True, check=False)
    try:
        return json.loads(out.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return {"load_s": None, "load_rss_mb": None, "error": out.stderr[-300:]}


def main(argv: list[str] | None = None) -> int:
    def extra(parser):
        parser.add_argument("--corpus", default="gwn,lgl,geovirus,ukraine", help="comma-separated corpora")

    args = parse_args("Geocoding accuracy and speed", argv, extra)
    base = args.data / GEO
    if not require_data(base, "the geoparsing corpora"):
        emit_json({}, args.json)
        return 0
    from warlog.extract.pipeline import load_pipeline

    nlp = load_pipeline(("warlog_places",))
    finder = nlp.get_pipe("warlog_places")
    figures: dict = {"gazetteer": gazetteer_cost()}
    rows = []
    wanted = [c.strip() for c in args.corpus.split(",") if c.strip()]
    for name in wanted:
        if name not in READERS:
            continue
        rel, reader = READERS[name]
        path = base / rel
        if not path.exists():
            print(f"no data: {path}")
            continue
        articles = reader(path)[: args.limit] if args.limit else reader(path)
        res = score_corpus(nlp, finder, articles)
        conv = CONVENTION.get(name, "e2e")
        res.update({f"e2e_conv_{m}": res[f"{conv}_{m}"] for m in ("p", "r", "f1")})
        figures[name] = res
        rows.append(
            (
                name,
                res["toponyms"],
                res["exact_id"] if res["exact_id"] is not None else "-",
                res["acc161"],
                res["mean_km"],
                res["e2e_conv_p"],
                res["e2e_conv_r"],
                res["e2e_conv_f1"],
                res["e2e_f1"],
                res["e2e_adj_f1"],
                res["e2e_full_f1"],
                res["toponyms_per_s"],
            )
        )
    if rows:
        print_table(
            "Toponym resolution (gold spans) and end to end (found + resolved, 161 km; e2e P/R/F1 as the "
            "corpus counts toponyms: GWN with adjectival and embedded ones, LGL with adjectival ones, "
            "GeoVirus places only)",
            [
                "corpus",
                "toponyms",
                "exact id %",
                "acc@161 %",
                "mean km",
                "e2e P",
                "e2e R",
                "e2e F1",
                "F1 places",
                "F1 +adj",
                "F1 +adj +emb",
                "toponyms/s",
            ],
            rows,
        )
    if "ukraine" in wanted:
        path = args.data / UKRAINE
        if path.exists():
            res = score_ukraine(nlp, path, args.limit)
            finder.focus = ("UA",)  # the collection is about one war: its country as every text's focus
            focused = score_ukraine(nlp, path, args.limit)
            finder.focus = ()
            res.update({f"focus_{k}": focused[k] for k in ("within25", "named_within25", "town")})
            figures["ukraine"] = res
            print_table(
                "Ukraine events (title + description)",
                [
                    "events",
                    "within 25 km %",
                    "gold town %",
                    "no place %",
                    "naming the town",
                    "those within 25 km %",
                ],
                [
                    (
                        res["events"],
                        res["within25"],
                        res["town"],
                        res["no_place"],
                        res["named"],
                        res["named_within25"],
                    )
                ],
            )
            print_table(
                "Ukraine events with the collection's country as focus (PlaceFinder.focus = ('UA',))",
                ["within 25 km %", "gold town %", "naming the town: within 25 km %"],
                [(res["focus_within25"], res["focus_town"], res["focus_named_within25"])],
            )
            print_table(
                "Ukraine events split: does the text name the gold settlement?",
                ["text", "events", "within 25 km %", "no place found %", "some place found %"],
                [
                    ("names it", res["named"], res["named_within25"], res["named_no_place"], "-"),
                    (
                        "does not",
                        res["unnamed"],
                        res["unnamed_within25"],
                        res["unnamed_no_place"],
                        res["unnamed_some_place"],
                    ),
                ],
            )
            print_table(
                "Ukraine events naming the province but not the settlement",
                ["events", "province found %"],
                [(res["province_named"], res["province_found"])],
            )
            print_table(
                "Ukraine events: gold town typed as 'Town, Province, Country' (gazetteer coverage)",
                ["towns", "resolved %", "within 25 km %"],
                [(res["typed_towns"], res["typed_resolved"], res["typed_within25"])],
            )
        else:
            print(f"no data: {path}")
    g = figures["gazetteer"]
    print_table(
        "Gazetteer (fresh process)",
        ["places", "open + 7 look-ups s", "RSS added MB"],
        [(g.get("places"), g.get("load_s"), g.get("load_rss_mb"))],
    )
    emit_json(figures, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
