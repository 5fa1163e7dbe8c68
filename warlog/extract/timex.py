"""Finding time expressions: the cheap rule layer that runs before any normalisation.

Why a grammar of precompiled regular expressions rather than dateparser over every token: dateparser costs
about a millisecond per call and reads "May" or "3.30" as dates wherever they stand. Each family here
("Oct. 23, 1998", "last week", "two days ago", "0340 GMT", ...) is one compiled pattern over the whole text;
the leftmost-longest non-overlapping matches become ``Candidate``s, which ``warlog.extract.timenorm``
turns into values. The vocabulary (months, zones, number words, parts of day) is data: ``times.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from re import _constants as _sre  # the parsed form of a pattern: read for _first_char_guard
from re import _parser as _sre_parser

from warlog.data import load_yaml
from warlog.errors import LexiconError
from warlog.geo.names import ascii_fold

LEXICON = "times.yaml"
_SECTIONS = (
    "months", "weekdays", "numbers", "ordinals", "units", "parts_of_day", "seasons", "zones",
    "references", "sets", "holidays",
)


@dataclass(frozen=True)
class TimeLexicon:
    """The validated contents of ``times.yaml``."""

    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int | None]
    ordinals: dict[str, int]
    units: dict[str, dict]
    parts_of_day: dict[str, dict]
    seasons: dict[str, dict]
    zones: dict[str, str | None]
    references: dict[str, str]
    sets: dict[str, str]
    holidays: dict[str, tuple[int, int]]
    floating_holidays: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    background_window_days: int = 10
    future_auxiliaries: frozenset[str] = frozenset()
    future_verbs: frozenset[str] = frozenset()
    scheduling_verbs: frozenset[str] = frozenset()
    ahead_cues: frozenset[str] = frozenset()
    spoken_centuries: dict[str, int] = field(default_factory=dict)
    stamp_cues: frozenset[str] = frozenset()
    same_form_past: frozenset[str] = frozenset()
    followup_verbs: frozenset[str] = frozenset()
    amount_words: frozenset[str] = frozenset()
    street_words: frozenset[str] = frozenset()
    stamp_heads: frozenset[str] = frozenset()


@cache
def time_lexicon(name: str = LEXICON) -> TimeLexicon:
    """Load and check ``times.yaml`` once per process; a malformed entry raises ``LexiconError``."""
    raw = load_yaml(name)
    if not isinstance(raw, dict):
        raise LexiconError(f"lexicon {name!r} must be a mapping of sections; see warlog/data/times.yaml")
    missing = [s for s in _SECTIONS if not isinstance(raw.get(s), dict)]
    if missing:
        raise LexiconError(
            f"lexicon {name!r} lacks the section(s) {', '.join(missing)}; add them as mappings"
        )
    for word, month in raw["months"].items():
        if not isinstance(month, int) or not 1 <= month <= 12:
            raise LexiconError(f"lexicon {name!r}: month {word!r} must map to 1..12, not {month!r}")
    for word, day in raw["weekdays"].items():
        if not isinstance(day, int) or not 0 <= day <= 6:
            raise LexiconError(f"lexicon {name!r}: weekday {word!r} must map to 0 (Monday)..6, not {day!r}")
    for word, unit in raw["units"].items():
        if not isinstance(unit, dict) or "code" not in unit:
            raise LexiconError(f"lexicon {name!r}: unit {word!r} needs a 'code' such as D, W, M or Y")
    for word, part in raw["parts_of_day"].items():
        if not isinstance(part, dict) or not {"code", "start", "end"} <= set(part):
            raise LexiconError(f"lexicon {name!r}: part of day {word!r} needs code, start and end hours")
    for word, season in raw["seasons"].items():
        if not isinstance(season, dict) or not {"code", "month"} <= set(season):
            raise LexiconError(f"lexicon {name!r}: season {word!r} needs a code and a first month")
    holidays: dict[str, tuple[int, int]] = {}
    for word, md in raw["holidays"].items():
        if not (isinstance(md, list) and len(md) == 2 and all(isinstance(v, int) for v in md)):
            raise LexiconError(f"lexicon {name!r}: holiday {word!r} must be [month, day], not {md!r}")
        holidays[word] = (md[0], md[1])
    floating: dict[str, tuple[int, int, int]] = {}
    for word, mwn in (raw.get("floating_holidays") or {}).items():
        if not (isinstance(mwn, list) and len(mwn) == 3 and all(isinstance(v, int) for v in mwn)):
            raise LexiconError(f"lexicon {name!r}: floating holiday {word!r} must be [month, weekday, n]")
        floating[word] = (mwn[0], mwn[1], mwn[2])
    for key in ("same_form_past", "followup_verbs", "amount_words", "street_words", "stamp_heads"):
        if not isinstance(raw.get(key) or [], list):
            raise LexiconError(f"lexicon {name!r}: {key} must be a list of words, not {raw[key]!r}")
    spoken: dict[str, int] = {}
    for word, first in (raw.get("spoken_centuries") or {}).items():
        if not isinstance(first, int) or first % 100:
            raise LexiconError(f"lexicon {name!r}: spoken century {word!r} must map to a year like 1900")
        spoken[" ".join(str(word).lower().split())] = first
    return TimeLexicon(
        months={k.lower(): v for k, v in raw["months"].items()},
        weekdays={k.lower(): v for k, v in raw["weekdays"].items()},
        numbers={k.lower(): v for k, v in raw["numbers"].items()},
        ordinals={str(k).lower(): v for k, v in raw["ordinals"].items()},
        units={k.lower(): v for k, v in raw["units"].items()},
        parts_of_day={k.lower(): v for k, v in raw["parts_of_day"].items()},
        seasons={k.lower(): v for k, v in raw["seasons"].items()},
        zones={k.lower(): v for k, v in raw["zones"].items()},
        references={k.lower(): v for k, v in raw["references"].items()},
        sets={k.lower(): v for k, v in raw["sets"].items()},
        holidays=holidays,
        floating_holidays=floating,
        background_window_days=int(raw.get("background_window_days", 10)),
        future_auxiliaries=frozenset(str(w).lower() for w in raw.get("future_auxiliaries") or ()),
        future_verbs=frozenset(str(w).lower() for w in raw.get("future_verbs") or ()),
        scheduling_verbs=frozenset(str(w).lower() for w in raw.get("scheduling_verbs") or ()),
        ahead_cues=frozenset(str(w).lower() for w in raw.get("ahead_cues") or ()),
        spoken_centuries=spoken,
        stamp_cues=frozenset(" ".join(str(w).lower().split()) for w in raw.get("stamp_cues") or ()),
        same_form_past=frozenset(str(w).lower() for w in raw.get("same_form_past") or ()),
        followup_verbs=frozenset(str(w).lower() for w in raw.get("followup_verbs") or ()),
        amount_words=frozenset(" ".join(str(w).lower().split()) for w in raw.get("amount_words") or ()),
        street_words=frozenset(str(w).lower() for w in raw.get("street_words") or ()),
        stamp_heads=frozenset(" ".join(str(w).lower().split()) for w in raw.get("stamp_heads") or ()),
    )


@dataclass
class Candidate:
    """One time expression found in the text: its family, char range and the named groups it matched."""

    kind: str
    start: int
    end: int
    groups: dict[str, str | None] = field(default_factory=dict)
    #: for a range joined from several expressions ("between 1990 and 1995"): each one with its own reading
    parts: list = field(default_factory=list)


def _alt(words) -> str:
    """A regex alternation of lexicon words, longest first (a space matches any run of white space)."""
    forms = set(words)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(forms, key=len, reverse=True))


@cache
def patterns(name: str = LEXICON) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The families of time expressions as ``(kind, compiled pattern)``, built once from the lexicon."""
    lex = time_lexicon(name)
    full_months = [m for m in lex.months if len(m) > 4 or m in ("may", "june", "july")]
    abbr_months = [m for m in lex.months if m not in full_months]
    mon = rf"(?:{_alt(full_months)}|(?:{_alt(abbr_months)})\.?)"
    full_mon = rf"(?:{_alt(full_months)})"
    wday = rf"(?:{_alt([w for w in lex.weekdays if len(w) > 4])})"
    tens = [w for w, v in lex.numbers.items() if isinstance(v, int) and 20 <= v <= 90 and v % 10 == 0]
    ones = [w for w, v in lex.numbers.items() if isinstance(v, int) and 1 <= v <= 9 and w not in ("a", "an")]
    num = rf"(?:\d+(?:\s+1/2|½)?|(?:{_alt(tens)})[\s-](?:{_alt(ones)})|{_alt(lex.numbers)})"
    units = rf"(?:{_alt(lex.units)})"
    units_s = rf"(?:{units})(?:s|ies)?"
    pod = rf"(?:{_alt([p for p in lex.parts_of_day if p not in ('overnight', 'tonight')])})"
    zone = rf"(?:{_alt(lex.zones)}|{_alt([z for z in lex.zones if len(z) <= 4])})"
    seasons = rf"(?:{_alt(lex.seasons)})"
    approx = r"(?:almost|nearly|about|some|more\s+than|over|less\s+than|roughly|around|just|only|at\s+least)"
    mod = r"(?:(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of" \
          r"|earlier|later)(?:\s+|-))"
    year = r"(?:1[89]\d\d|20\d\d)"
    teens = [w for w, v in lex.numbers.items() if isinstance(v, int) and 10 <= v <= 19]
    two_digits = rf"(?:(?:{_alt(tens)})(?:[\s-](?:{_alt(ones)}))?|{_alt(teens)}|{_alt(ones)})"
    centuries = _alt(lex.spoken_centuries) or r"(?!)"  # "nineteen", "two thousand"; none: never matches
    spoken = rf"(?:{centuries})[\s-]+(?:and\s+)?{two_digits}"
    year_or_spoken = rf"(?:{year}|{spoken})"
    # the parts of a day that lie within it (not the night, which runs into the next one)
    day_pod = rf"(?:{_alt([p for p, v in lex.parts_of_day.items() if v['end'] <= 24 and ' ' not in p])})"
    # "4 in the morning", "8 in the evening": the part of day says which half of the clock
    ampm = rf"(?:a\.m\.|p\.m\.|am\b|pm\b|a\.m|p\.m|in\s+the\s+{day_pod})"
    b, e = r"(?<![\w.$£€-])", r"(?![\w])"
    # "the morning of July 14", "early on the night of 3 May": the part of that day, one expression
    pod_of = rf"(?:(?:(?:early|late)\s+(?:on\s+|in\s+)?)?the\s+(?P<pod>{pod})\s+of\s+)?"
    families = {
        "date_mdy": rf"{pod_of}(?:(?P<wd>{wday}),?\s+)?(?P<mon>{mon})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
                    rf"(?:,?\s+(?P<year>{year}))?(?!\d)",
        "date_dmy": rf"{pod_of}(?:(?P<wd>{wday}),?\s+)?(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
                    rf"\s+(?:of\s+)?(?P<mon>{mon})(?:,?\s+(?P<year>{year}))?(?!\d)",
        "range_dmy": rf"(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*(?P<day>[0-3]?\d)"
                     rf"(?:st|nd|rd|th)?\s+"
                     rf"(?:of\s+)?(?P<mon>{mon})(?:,?\s+(?P<year>{year}))?(?!\d)",
        "range_mdy": rf"(?P<mon>{mon})\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–)\s*(?P<day>[0-3]?\d)"
                     rf"(?:st|nd|rd|th)?(?:,?\s+(?P<year>{year}))?(?!\d)",
        "month_year": rf"(?P<mod>{mod})?(?P<mon>{mon}),?\s+(?:of\s+)?(?P<year>{year_or_spoken}){e}",
        "month": rf"(?P<mod>{mod})?(?:(?P<rel>last|this|next|this\s+past|this\s+coming)\s+)?"
                 rf"(?P<mon>{full_mon})"
                 rf"(?:\s+(?P<rel2>last\s+year|this\s+year|next\s+year))?{e}",
        "iso": rf"(?P<year>{year})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)(?:T(?P<h>[0-2]\d):(?P<mi>[0-5]\d))?{e}",
        "numeric": r"(?P<num>[0-3]?\d[./][0-3]?\d[./](?:19|20)?\d\d)(?![\w.]\d)",
        "year": rf"(?P<mod>{mod})?(?:(?P<fiscal>fiscal(?:\s+year)?|the\s+year)\s+)?(?P<year>{year})"
                r"(?![\d,.]\d|%|'?s\b|\s*(?:hours|hrs|GMT|UTC)\b)",
        "spoken_year": rf"(?:(?:the\s+year\s+)?(?P<year>{spoken})|the\s+year\s+(?P<year2>{centuries})){e}"
                       r"(?!\s+(?:hundred|thousand))",
        "this_year": r"(?:(?P<mod>(?:the\s+)?(?:end|beginning|start|middle|rest)\s+of"
                     r"|(?:earlier|later)\s+in)\s+|(?:(?<=\bfor\s)|(?<=\bof\s)|(?<=\bduring\s)))"
                     r"the\s+(?:full\s+)?year(?!\s+(?:ended|ending|before|after|earlier|ago|\d)|[\w-])",
        "period_ended": r"the\s+(?:fiscal\s+)?(?P<unit>year)(?=\s+(?:ended|ending)\b)",
        "decade": rf"(?:the\s+)?(?P<mod>(?:early|mid|late)(?:\s+|-))?(?P<dec>(?:1[89]|20)\d0|'\d0)'?s{e}",
        "century": r"(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century",
        "weekday": rf"(?P<mod>(?:early|late)(?:\s+on)?\s+)?(?:(?P<rel>last|this|next|this\s+past"
                   rf"|this\s+coming)\s+)?(?P<wd>{wday})(?:\s+(?P<pod>{pod}))?{e}",
        "deictic": rf"(?:(?P<mod>early|late|earlier|later)\s+)?(?P<word>today|tonight|yesterday|tomorrow"
                   rf"|overnight|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|this\s+(?={pod})|last\s+"
                   rf"(?=night|evening))(?:\s*(?P<pod>{pod}))?{e}",
        "ago": rf"(?:(?P<approx>{approx})\s+)?(?P<num>{num})[\s-]+(?P<unit>{units_s})\s+(?P<dir>ago|earlier"
               rf"|before|later|from\s+now|hence){e}",
        "relative": rf"(?P<mod>{mod})?(?P<rel>last|this|next|past|coming|previous|current)\s+"
                    rf"(?:fiscal\s+(?=year))?(?P<unit>week|weekend|month|year|decade|century|{seasons}){e}",
        "half": rf"the\s+(?:(?P<ord>first|second|last|latter)\s+half|(?P<qord>first|last)\s+two\s+quarters)"
                rf"\s+of\s+(?:fiscal\s+)?(?P<year>{year}){e}",
        "weekend": r"(?P<rel>the|this|last|next)\s+weekend\b",
        "duration": rf"(?:(?P<det>the\s+(?:past|last|next|first|previous|coming|latest|final|following)\s+)"
                    rf"|(?P<approx>{approx})\s+|(?P<the>the\s+))?(?:(?P<num>{num})[\s-]+)?(?P<unit>{units_s})"
                    rf"(?![\s-]+old\b|\w)",  # "37 years old" is an age, not a time
        "quarter": rf"(?:the\s+)?(?:(?P<rel>latest|last|past|current|previous|same|corresponding|comparable"
                   rf"|year-earlier|year-ago|this\s+year's|last\s+year's|next\s+year's)\s+)?(?:fiscal\s+)?"
                   rf"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)?[\s-]*(?P<q>quarter|period)"
                   rf"(?:\s+of\s+(?:fiscal\s+)?(?P<year>{year}))?"
                   # "the quarter a year ago", "the corresponding period last year": that quarter a year back
                   rf"(?P<back>\s+(?:last\s+year|a\s+year\s+(?:ago|earlier)))?{e}",
        "year_quarter": rf"the\s+(?P<year>{year})\s+(?:fiscal\s+)?"
                        rf"(?:(?P<ord>first|second|third|fourth)[\s-]+)?(?:quarter|period){e}",
        "clock": rf"(?P<pre>(?:at|from|between|until|till|to|and|by|around|about|before|after)\s+)?"
                 rf"(?P<core>(?:(?P<h>[012]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>{ampm})|(?P<h2>[012]?\d)"
                 rf"(?P<sep>[:.])(?P<mi2>[0-5]\d)|(?P<hm>[012]\d[0-5]\d)(?:\s*(?:hours|hrs|h))?(?=\s+{zone})|(?P<word>noon"
                 rf"|midnight|midday))(?:\s+(?P<zone>{zone}))?){e}",
        "reference": rf"(?P<word>{_alt(lex.references)}){e}",
        "set": rf"(?P<word>{_alt(lex.sets)}|(?:every|each)\s+(?:{units}|{wday}|{pod}|{seasons}"
               rf"|{full_mon}))s?{e}",
        # "on Tuesdays", "Tuesday nights": a weekday in the plural recurs (TIMEX3 SET XXXX-WXX-2TNI)
        "weekday_set": rf"(?P<wd>{wday})(?:s|\s+(?P<pod>{pod})s){e}",
        # "by mid-afternoon", "mid-morning yesterday": the middle of a part of the day the story is on
        "part_of_day": rf"(?P<mid>mid)[\s-]?(?P<pod>{day_pod})"
                       rf"(?:\s+(?P<word>yesterday|today|tomorrow))?{e}",
        "holiday": rf"(?P<hol>{_alt(list(lex.holidays) + list(lex.floating_holidays))}){e}",
        "anaphor": r"(?:(?P<mod>later|earlier)\s+(?:(?:in|on)\s+)?)?"
                   r"(?:that|the\s+same|(?P<next>the\s+following))\s+(?P<unit>day|week|month|year)\b",
        "year_earlier": rf"(?P<word>year-earlier|year-ago){e}(?!\s+(?:quarter|period))",
        "season": rf"(?P<mod>{mod})?(?:(?P<rel>last|this|next|the)\s+)?(?P<season>{seasons})"
                  rf"(?:\s+(?:of\s+)?(?P<year>{year_or_spoken}))?{e}",
    }
    return tuple((kind, re.compile(_first_char_guard(b + body, re.I) + b + body, re.I))
                 for kind, body in families.items())


@cache
def families(name: str = LEXICON) -> tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...]:
    """``patterns`` with, for each family, words one of which every match contains (empty: none known).

    Why: most families match nothing in most texts ("the fiscal year ended", "the third quarter", holiday
    names), yet scanning a text costs each of them as much as a common one; a substring test on the
    case-folded text rules a family out for a fraction of that, and changes no match."""
    out = []
    for kind, pattern in patterns(name):
        try:
            needs = _required(_sre_parser.parse(pattern.pattern, pattern.flags).data) or ()
        except Exception:  # re's private parser changed shape: no shortcut, same matches
            needs = ()
        out.append((kind, pattern, needs))
    return tuple(out)


def _required(items) -> tuple[str, ...] | None:
    """Lower-case ASCII strings one of which every match of the parsed sequence ``items`` contains, the
    most telling such set found (longest shortest string); None when none can be told."""
    best: tuple[str, ...] | None = None

    def consider(options: tuple[str, ...] | None) -> None:
        nonlocal best
        if not options or not all(o.isascii() for o in options):
            return
        if best is None or min(map(len, options)) > min(map(len, best)):
            best = tuple(sorted(set(options)))

    run: list[str] = []
    for op, av in items:
        if op is _sre.LITERAL:
            run.append(chr(av).lower())
            continue
        consider(("".join(run),) if run else None)
        run = []
        if op is _sre.SUBPATTERN:
            consider(_required(av[3].data))
        elif op is _sre.BRANCH:
            alternatives = [_required(alternative.data) for alternative in av[1]]
            if all(alternatives):
                consider(tuple(word for words in alternatives for word in words))  # type: ignore[union-attr]
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            consider(_required(av[2].data))
        # anything else (a class, an optional part, an assertion) requires nothing this can tell
    consider(("".join(run),) if run else None)
    return best


def _first_char_guard(pattern: str, flags: int) -> str:
    """A lookahead for the characters a match of ``pattern`` can begin with, e.g. ``(?=[adfjmnos])``.

    Why: each family is tried at every position of the text and opens with a lookbehind and long
    alternations, which made the scan most of the time finder's cost. A one-character class fails at once
    where no match can begin, and being only a necessary condition it changes no match. Built from the
    parsed pattern; a pattern whose first character cannot be told (or that may match nothing) gets none."""
    chars: set[str] = set()
    try:
        nullable = _first_chars(_sre_parser.parse(pattern, flags).data, chars)
    except Exception:  # _NoGuard, or re's private parser changed shape: no guard, same matches
        return ""
    return "" if nullable or not chars else "(?=[" + "".join(sorted(chars)) + "])"


class _NoGuard(Exception):
    """A pattern element whose first characters ``_first_chars`` does not enumerate."""


def _first_chars(items, chars: set[str]) -> bool:
    """Add to ``chars`` (class syntax) every character a match of the parsed sequence ``items`` can begin
    with; return whether the sequence can match the empty string (then what follows it counts too)."""
    for op, av in items:
        if op is _sre.LITERAL:
            chars.add(re.escape(chr(av)))
            return False
        if op is _sre.IN:
            for member, value in av:
                if member is _sre.LITERAL:
                    chars.add(re.escape(chr(value)))
                elif member is _sre.RANGE:
                    chars.add(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
                elif member is _sre.CATEGORY and value in _CATEGORY_CLASSES:
                    chars.add(_CATEGORY_CLASSES[value])
                else:
                    raise _NoGuard(member)
            return False
        if op is _sre.SUBPATTERN:
            if not _first_chars(av[3].data, chars):
                return False
        elif op is _sre.BRANCH:
            nullable = False
            for alternative in av[1]:
                nullable = _first_chars(alternative.data, chars) or nullable
            if not nullable:
                return False
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            low, _, sub = av
            if not _first_chars(sub.data, chars) and low > 0:
                return False
        elif op not in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):  # zero-width: what follows starts the match
            raise _NoGuard(op)
    return True


_CATEGORY_CLASSES = {_sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_SPACE: r"\s"}


def _capitalised(groups: dict[str, str | None]) -> bool:
    """Month, weekday and holiday names count only capitalised ("May" the month, not "may" the verb)."""
    for key in ("mon", "wd", "hol"):
        value = groups.get(key)
        if value and not value[0].isdigit() and not value[0].isupper():
            return False
    return True


#: Kinds that win ties over the generic ones when two families match the same characters.
_PRIORITY = {
    "range_dmy": 0, "range_mdy": 0, "date_mdy": 0, "date_dmy": 0, "iso": 0, "period_ended": 0,
    "year_quarter": 0, "half": 0,
    "clock": 1, "ago": 1, "quarter": 1, "month_year": 1, "anaphor": 1,
}


_RANGE_WORDS = frozenset({"between", "from", "and", "to", "until", "till"})


def _valid(kind: str, groups: dict[str, str | None]) -> bool:
    """Cheap sanity checks that reject absurd readings before normalisation."""
    if not _capitalised(groups):
        return False
    if kind == "duration":  # a bare unit word ("the week", "days") is not a time expression
        if (groups.get("unit") or "").lower().startswith("quarter") and not groups.get("det"):
            return False  # "three-quarters" is a fraction
        if not (groups.get("num") or groups.get("det") or groups.get("approx") or groups.get("the")):
            return (groups.get("unit") or "").lower().endswith("s")  # "for years": checked in context
        return bool(groups.get("num") or groups.get("det"))
    if kind == "clock":
        if groups.get("h2") is not None:  # "3.30" is a clock time only after "at"/"between" or before a zone
            pre = (groups.get("pre") or "").strip().lower()
            return bool(pre in _RANGE_WORDS or groups.get("zone") or ":" in _sep(groups))
        hour = groups.get("h") or groups.get("hm")
        if groups.get("h") is not None and not 1 <= int(hour or 0) <= 12:
            return False
        if groups.get("hm") is not None and (int(hour[:2]) > 23):
            return False
    if kind == "quarter" and (groups.get("q") or "").lower() == "period":
        return bool(groups.get("rel"))  # "the latest period", not any "period"
    if kind in ("range_dmy", "range_mdy"):
        return 1 <= int(groups["d1"]) < int(groups["day"]) <= 31
    if kind == "date_mdy" or kind == "date_dmy":
        return 1 <= int(groups["day"] or 0) <= 31
    return True


def _sep(groups: dict[str, str | None]) -> str:
    return groups.get("sep") or ""


def find_candidates(text: str, name: str = LEXICON) -> list[Candidate]:
    """Every leftmost-longest non-overlapping time expression of ``text``, in text order."""
    found: list[Candidate] = []
    folded = ascii_fold(text)
    for kind, pattern, needs in families(name):
        if needs and not any(word in folded for word in needs):
            continue  # none of the words every match of this family contains: it cannot match
        for m in pattern.finditer(text):
            groups = m.groupdict()
            if m.end() == m.start() or not _valid(kind, groups):
                continue
            start = m.start("core") if "core" in groups and groups["core"] is not None else m.start()
            found.append(Candidate(kind, start, m.end(), groups))
    found.sort(key=lambda c: (c.start, -(c.end - c.start), _PRIORITY.get(c.kind, 5)))
    chosen: list[Candidate] = []
    for cand in found:
        if chosen and cand.start < chosen[-1].end:
            continue
        chosen.append(cand)
    return chosen
