"""What the incident assembler asks of the times found: which one dates an event sentence, which lie
before the news window, and which stamp the page itself.

Why apart from ``warlog.extract.times``: these read finished ``TimeSpan``s, never the text's candidates,
so the finder and its joins can change without touching them, and the incident modules import only this.
``page_stamps`` finds the "Posted: ..." / "Updated ..." times and datelines that date the page, never an
event; ``is_background_time`` the back-references ("In April" in a July article); ``governing_time`` the
expression that dates one sentence.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from functools import cache

from warlog.extract.time_joins import DAY_VALUE
from warlog.extract.timex import LEXICON, time_lexicon
from warlog.schema import DatePrec, Span, TimeSpan

__all__ = ["governing_time", "is_background_time", "page_stamps"]

_STAMP_CHAIN = re.compile(r"[\s,|\-–@]*(?:at\s+)?", re.I)


@cache
def _stamp_cue(lexicon: str) -> re.Pattern[str]:
    words = sorted(time_lexicon(lexicon).stamp_cues, key=len, reverse=True)
    if not words:
        return re.compile(r"(?!)")
    alts = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    heads = sorted(time_lexicon(lexicon).stamp_heads, key=len, reverse=True) or ["(?!)"]
    head_alts = "|".join(r"\s+".join(map(re.escape, w.split())) for w in heads)
    # "Posted: ...", "Updated at ..."; a head only with the stamp's punctuation: "UPDATE (1/3/17):"
    return re.compile(rf"\b(?:(?:{alts})\s*:?(?:\s*(?:at|on))?|(?:{head_alts})\s*(?:[:,(]\s*)+)\s*$", re.I)


def page_stamps(
    text: str,
    times: list[TimeSpan],
    published: datetime | None = None,
    lexicon: str = LEXICON,
) -> set[int]:
    """Evidence starts of the times that stamp the page itself ("Posted: Monday, May 4, 2015 5:29 PM",
    "(Published Sunday, July 13, 2014)"): they say when the page was written or edited, so they never
    date an event. A time right after a stamp ("... 2015" then "5:29 PM EDT") belongs to it.

    With ``published``, a dateline counts too: the publication day written out with its year and no
    preposition before it ("INDIANAPOLIS (July 3, 2015) --", "By Staff, August 17, 2015"). News dates an
    event of the publication day by its weekday or "today"; a full date with its year standing bare is
    the page's own -- unless no other day is told, where it is the best guess at the event's. So do a
    wire dateline ("NEW HAVEN, Conn., Oct. 27 (UPI) --", any day) and a dated link to another story (a
    full date closing a line after a dash). Update notes ("UPDATE (1/3/17):", "Update, 12:44 p.m., Jan.
    24:", "Updated at ...") are stamps by their cue, like "Posted:"."""
    cue = _stamp_cue(lexicon)
    found: set[int] = set()
    last_end = -1
    day = _local_day(published)
    for t in sorted((t for t in times if t.evidence is not None), key=lambda t: t.evidence.start):
        start = t.evidence.start
        chained = last_end >= 0 and start >= last_end and _STAMP_CHAIN.fullmatch(text, last_end, start)
        if chained or cue.search(text, max(0, start - 24), start):
            found.add(start)
            last_end = t.evidence.end
    datelines = {
        t.evidence.start for t in times
        if t.evidence is not None and (_dateline(text, t, day) or _wire_dateline(text, t) or _listed(text, t))
    }
    if any(
        t.evidence is not None
        and t.evidence.start not in found | datelines
        and DAY_VALUE.match(t.value or "")
        for t in times
    ):  # the dateline is the page's, unless it is the only day the report gives
        found |= datelines
    return found


_YEAR_WRITTEN = re.compile(r"\b(?:19|20)\d\d\b")
_PREPOSITION_BEFORE = re.compile(r"\b(?:on|at|in|of|since|by|until|till|before|after|from|through)\s+$", re.I)


def _local_day(published: datetime | None) -> date | None:
    if published is None:
        return None
    return published.date() if published.tzinfo is None else published.astimezone(published.tzinfo).date()


def _dateline(text: str, t: TimeSpan, day: date | None) -> bool:
    """The publication day written out with its year and no preposition before it: a dateline."""
    if day is None or not t.value or t.value[:10] != day.isoformat() or len(t.value) != 10:
        return False
    if not _YEAR_WRITTEN.search(t.evidence.text):
        return False
    return not _PREPOSITION_BEFORE.search(text, max(0, t.evidence.start - 12), t.evidence.start)


#: a dateline's head: place names and abbreviations in capitals, commas ("NEW HAVEN, Conn., ") on its line
_DATELINE_HEAD = re.compile(r"(?:^|\n)[ \t]*(?:[A-Z][\w.'&-]*[ \t,]*)*\(?$")
#: and its tail: an agency in brackets, then the dash that opens the story ("(UPI) --", " —")
_DATELINE_TAIL = re.compile(r"\)?[ \t]*(?:\([A-Za-z .&-]{1,30}\)[ \t]*)?(?:--|—|–|-)(?=\s)")


def _wire_dateline(text: str, t: TimeSpan) -> bool:
    """A date between a dateline's place and the dash that opens the story ("NEW HAVEN, Conn., Oct. 27
    (UPI) --"): when the story was filed, whatever day it was, not when anything in it happened."""
    start, end = t.evidence.start, t.evidence.end
    if not _DATELINE_TAIL.match(text, end):
        return False
    return _DATELINE_HEAD.search(text, max(0, start - 80), start) is not None


_LISTING_DASH = re.compile(r"[ \t][–—-][ \t]*$")
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")


def _listed(text: str, t: TimeSpan) -> bool:
    """A full date closing a line after a dash ("Charges dropped in teen shooting – August 12th, 2016"):
    a link to another story, stamped with the day it ran; the event of this one it never dates."""
    start, end = t.evidence.start, t.evidence.end
    return bool(_YEAR_WRITTEN.search(t.evidence.text)) and _LINE_END.match(text, end) is not None \
        and _LISTING_DASH.search(text, max(0, start - 4), start) is not None


def is_background_time(ts: TimeSpan, published: datetime | None) -> bool:
    """True when ``ts`` ends clearly before the report's news window ("In April" in a July article,
    "last year", "in 2014"); durations, vague references and undated expressions are never background."""
    if published is None or ts.end is None or ts.start is None or ts.fallback:
        return False
    if published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    window = timedelta(days=time_lexicon().background_window_days)
    return ts.end < published - window


def governing_time(
    times: list[TimeSpan], sentence_span: Span | tuple[int, int], published: datetime | None,
    anchor: int | None = None,
) -> TimeSpan:
    """The time that dates an event sentence.

    The dated expression in the sentence (nearest to ``anchor``, the event trigger's offset, when given;
    else the most precise, then the first), else the nearest earlier non-background one in previous
    sentences, else the publication day with ``fallback=True`` and date_prec 1 (none at all without a
    publication date)."""
    lo, hi = (sentence_span.start, sentence_span.end) if isinstance(sentence_span, Span) else sentence_span
    dated = [t for t in times if t.evidence is not None and t.start is not None and t.value
             and not t.value.startswith("P")]
    inside = [t for t in dated if lo <= t.evidence.start < hi]
    if inside:
        if anchor is not None:
            return min(inside, key=lambda t: abs(t.evidence.start - anchor))
        return min(inside, key=lambda t: (
            is_background_time(t, published), t.date_prec or 9, t.evidence.start))
    before = [t for t in dated if t.evidence.end <= lo and not is_background_time(t, published)
              and t.value not in ("PRESENT_REF",)]
    if before:
        return max(before, key=lambda t: t.evidence.start)
    if published is None:
        return TimeSpan(fallback=True)
    if published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    day = published.replace(hour=0, minute=0, second=0, microsecond=0)
    return TimeSpan(
        start=day.astimezone(UTC), end=(day + timedelta(days=1) - timedelta(seconds=1)).astimezone(UTC),
        date_prec=DatePrec.DAY, value=day.date().isoformat(), fallback=True,
    )
