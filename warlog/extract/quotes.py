"""Quotation spans from quote-mark pairing, tolerant of the quotes real news text contains.

Why not the parser: spaCy attaches quote marks to the reporting verb and splits long quotations into
several sentences, so a quotation's extent is read from the marks themselves. Handles curly and straight
double quotes, guillemets, a quotation that runs on into the next paragraph (news style reopens it there
without closing it), and unbalanced marks (closed at the paragraph's end, never swallowing the document).
Single quotes are left alone: "’" is far more often an apostrophe.
"""

from __future__ import annotations

import re

Range = tuple[int, int]

OPEN = {"“": "”", "«": "»", "„": "“"}
STRAIGHT = '"'
MISUSED_OPEN = "”"
MAX_QUOTE_CHARS = 3000  # a longer run between marks is a stray mark, not a quotation
MAX_MIXED_GAP = 200  # characters from a mixed close to the next quotation it reopens ("A," he said. "B.”)
OPEN_OF = {'"': "“", "”": '"'}  # the mark a mixed close's next quotation opens with, besides its own kind
MAX_LINE_PREFIX = 400  # a labelled quotation ("... - Ann Lee: “...”") sits near its line's start


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Half-open ``(start, end)`` ranges of quotations, marks included, in text order, not nested."""
    quotes: list[tuple[int, int]] = []
    # typewriter style doubles the apostrophe for a quotation mark (''like this''): read the second of the
    # pair as a straight double quote; the string keeps its length so offsets stay those of ``text``
    text = text.replace("''", "'\"")
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == MISUSED_OPEN and _starts_paragraph(text, i):
            ch = "“"  # a closing mark typed where a paragraph opens a quotation: read it as an opener
        if ch in OPEN or ch == STRAIGHT:
            end = _close(text, i, OPEN.get(ch, STRAIGHT))
            if end is not None:
                if end - i <= MAX_QUOTE_CHARS:
                    quotes.append((i - 1 if ch == STRAIGHT and text[i - 1 : i] == "'" else i, end))
                i = end
                continue
        i += 1
    return quotes


def _starts_paragraph(text: str, i: int) -> bool:
    """Whether only spaces lie between the line's start (or the text's) and ``i``."""
    line = text.rfind("\n", 0, i) + 1
    return not text[line:i].strip()


def _close(text: str, start: int, closer: str) -> int | None:
    """End of the quotation opened at ``start``: its closing mark, or the paragraph's end when the next
    paragraph does not reopen it, or the close found in a reopened next paragraph."""
    i, n = start + 1, len(text)
    opener = "“" if text[start] == MISUSED_OPEN else text[start]
    # the other kind of closing mark ("...” after a straight open, '..."' after a curly one), taken when
    # the paragraph holds no proper close: scraped text mixes the two
    other = "”" if closer == STRAIGHT else STRAIGHT
    fallback: int | None = None
    while i < n:
        ch = text[i]
        if ch == closer or (closer == STRAIGHT and ch == STRAIGHT):
            return i + 1
        if ch in "”»" and closer != STRAIGHT:
            return i + 1  # mismatched curly close: accept it
        if ch == other and fallback is None and _ends_quote(text, i):
            if _closes_mixed(text, start, i, ch):
                return i + 1
            fallback = i + 1
        if ch == "“" and closer == "”" and _ends_quote(text, i) and i > start + 1 and text[i - 1] in ",.?!":
            return i + 1  # an opening mark typed for the closing one ("Not at all,“ he said)
        if ch == "\n":
            j = i
            while j < n and text[j].isspace():
                j += 1
            if j < n and text[j] == opener and "\n" in text[i:j] and _is_paragraph_break(text[i:j]):
                i = j + 1  # the quotation goes on in the next paragraph
                fallback = None
                continue
            if fallback is not None:
                return fallback
            end = i
            while end > start + 1 and text[end - 1].isspace():
                end -= 1
            return end if end - start > 1 else None
        i += 1
    return fallback


def _closes_mixed(text: str, start: int, i: int, mark: str) -> bool:
    """Whether a closing-like mark of the other kind ends the quotation opened at ``start`` even though
    the paragraph holds a proper close later: scraped text that mixes the kinds reopens the next quotation
    with the other kind too (“A," he said. "B.”), so a close right after punctuation, with no mark of its
    kind opened before it inside the quotation (a nested "term"), and a speech gap after it, ends it."""
    if text[i - 1] not in ",.?!" or mark in text[start + 1 : i]:
        return False
    rest = text[i + 1 : i + 1 + MAX_MIXED_GAP]
    line_end = rest.find("\n")
    rest = rest if line_end < 0 else rest[:line_end]
    return mark in rest or (OPEN_OF.get(mark, "") in rest)


def _ends_quote(text: str, i: int) -> bool:
    """Whether the mark at ``i`` can close a quotation: after a word or punctuation, before a space, a
    punctuation mark or the text's end."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ",.;:!?—–-)")


def _is_paragraph_break(gap: str) -> bool:
    return gap.count("\n") >= 1


def inner(text: str, span: tuple[int, int]) -> str:
    """The words of a quotation without its marks."""
    return text[span[0] + 1 : span[1] - 1] if span[1] - span[0] >= 2 else ""


# A speaker label opening a line ("PUTIN: ...", a headline "Governor: two dead in strike") and a byline
# closing a quotation ("“...” ― Name"): attributions without a verb, read from the line's layout.
_NAME = r"[A-Z][\w.'’-]*(?:[ \t]+[\w.'’][\w.'’-]*){0,5}"
_LABEL = re.compile(
    rf"^[ \t]*[\"“]?(?P<source>{_NAME}):[ \t]+(?P<content>\S[^\n]*?)[ \t]*$",
    re.MULTILINE,
)
# "... - Ann Lee: “quotation”": a name and a colon right before a quotation, inside a line
_INLINE = re.compile(rf"(?:^|[-–—―.]\s)[ \t]*(?P<source>{_NAME}):[ \t]*$")
# (``[^\S\n]``: any space but a line break, the no-break space web text puts after a dash included)
_BYLINE = re.compile(
    r"(?P<quote>[”\"])[^\S\n]*(?P<cue>[―—–])[^\S\n]*(?P<source>[A-Z][^\n]{0,60}?)[^\S\n]*$", re.MULTILINE
)


def layout_attributions(text: str, quotes: list[tuple[int, int]]) -> list[tuple[Range, Range, Range]]:
    """(source, cue, content) ranges of speaker labels and quotation bylines, in text order."""
    found: list[tuple[Range, Range, Range]] = []
    for m in _LABEL.finditer(text):
        colon = m.end("source")
        found.append(((m.start("source"), colon), (colon, colon + 1), (m.start("content"), m.end("content"))))
    labelled = {f[1][0] for f in found}
    for start, end in quotes:
        line = text.rfind("\n", 0, start) + 1
        m = _INLINE.search(text[line:start]) if start - line <= MAX_LINE_PREFIX else None
        if m is not None and line + m.end("source") not in labelled:
            colon = line + m.end("source")
            found.append(((line + m.start("source"), colon), (colon, colon + 1), (start, end)))
    ends = {end: start for start, end in quotes}
    for m in _BYLINE.finditer(text):
        start = ends.get(m.end("quote"))
        if start is not None:
            found.append(((m.start("source"), m.end("source")), (m.start("cue"), m.end("cue")),
                          (start, m.end("quote"))))
    found.sort(key=lambda f: f[1][0])
    return found
