"""CI smoke run of every harness: each must exit 0 and end with one JSON line (or say it has no data).

    python -m bench.smoke [--limit N]

Accuracy is not judged here (that is what the harnesses print); this only keeps them runnable.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

SKIP = {"smoke"}


def harnesses() -> list[str]:
    """Every module of bench/ that runs as ``python -m bench.NAME`` (it has a ``main``); the helpers it
    imports (``common``, ``parse_cache``, ``merge_fit``, ...) have none."""
    here = Path(__file__).resolve().parent
    return sorted(
        p.stem
        for p in here.glob("*.py")
        if p.stem not in SKIP and "\ndef main(" in p.read_text(encoding="utf-8")
    )


def main() -> int:
    limit = sys.argv[sys.argv.index("--limit") + 1] if "--limit" in sys.argv else "3"
    failures = []
    for name in harnesses():
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", f"bench.{name}", "--json", "--limit", limit],
            capture_output=True, text=True, timeout=600,
        )
        lines = [line for line in proc.stdout.splitlines() if line.strip()]
        last = lines[-1] if lines else ""
        ok = proc.returncode == 0 and (last.startswith("no data") or _is_json(last))
        print(f"bench.{name}: {'ok' if ok else 'FAILED'} ({time.perf_counter() - start:.1f}s) {last[:160]}")
        if not ok:
            failures.append(name)
            print(proc.stdout[-2000:], proc.stderr[-3000:], sep="\n")
    if failures:
        print(f"smoke: {len(failures)} harness(es) failed: {', '.join(failures)}")
        return 1
    return 0


def _is_json(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


if __name__ == "__main__":
    sys.exit(main())
