"""Human-readable tables of an extraction for the terminal (``--format table``).

Article text is untrusted: every value is escaped before rich renders it, so "[bold]" or "[link=...]" in a
report prints as written instead of being interpreted as markup.
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from warlog.schema import Count, Extraction, Report


def render_extraction_table(result: Extraction, console: Console) -> None:
    doc = result.document
    label = doc.title or doc.source or doc.url or doc.id
    published = doc.published.isoformat() if doc.published else "unknown date"
    table = Table(
        title=escape(f"{label} — {published} — {len(result.incidents)} incident(s)"),
        show_lines=True,
        title_justify="left",
    )
    for column in ("#", "event", "where", "when", "killed", "injured", "weapons", "claims", "grading"):
        table.add_column(column, overflow="fold")
    for number, report in enumerate(result.incidents, 1):
        table.add_row(*(escape(cell) for cell in _cells(number, report)))
    console.print(table)


def _cells(number: int, report: Report) -> list[str]:
    event = report.sub_event_type or report.event_type or "?"
    if report.background:
        event += " (background)"
    place = report.place
    where = "?"
    if place is not None:
        where = place.name
        if place.country:
            where += f" [{place.country}, prec {place.where_prec}]"
        elif place.reason:
            where += f" (unresolved: {place.reason})"
    when = "?"
    if report.time is not None:
        day = report.time.local_date()  # the day where it happened, as the ACLED export writes it
        when = f"{day.isoformat() if day else '?'} (prec {report.time.date_prec})"
        if report.time.text:
            when += f" «{report.time.text}»"
    weapons = ", ".join(w.name for w in report.weapons)
    claims = "\n".join(
        f"{c.claimant.entity or c.claimant.name}: {c.stance}" + (" (caveat)" if c.caveats else "")
        for c in report.claims
    )
    grading = report.grading or ""
    return [str(number), event, where, when, _count(report.killed), _count(report.injured), weapons, claims,
            grading]


def _count(count: Count) -> str:
    if count.is_empty():
        return ""
    parts = [str(v) if v is not None else "–" for v in (count.low, count.best, count.high)]
    text = "/".join(parts)
    if count.category and count.category != "unknown":
        text += f" {count.category}"
    return text
