"""What every harness shares: the command line, the data folder, the table and the JSON line.

Convention: ``python -m bench.NAME [--data DIR] [--json]``; DIR defaults to ``../shared/benchmarks``;
with ``--json`` the last line printed is one JSON object of the figures; without data the harness says
so and exits 0 (the same harness runs on held-back halves, so keep it stable).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks"


def parse_args(description: str, argv: Sequence[str] | None = None, extra: Callable | None = None):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="benchmarks folder")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON on the last line")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N items (smoke runs)")
    if extra is not None:
        extra(parser)
    return parser.parse_args(argv)


def require_data(path: Path, what: str) -> bool:
    """True when ``path`` exists; otherwise say so (harness then exits 0)."""
    if path.exists():
        return True
    print(f"no data: {what} not found at {path}; nothing to measure")
    return False


def print_table(title: str, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    table = Table(title=title)
    for col in columns:
        table.add_column(str(col), justify="right" if col != columns[0] else "left")
    for row in rows:
        table.add_row(*(_fmt(v) for v in row))
    Console(file=sys.stdout, width=140).print(table)


def emit_json(figures: dict, as_json: bool) -> None:
    if as_json:
        print(json.dumps(figures, sort_keys=True))


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1 in percent."""
    p = 100.0 * tp / (tp + fp) if tp + fp else 0.0
    r = 100.0 * tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)
