"""`python -m benchmarks [NAME ...]`: run the benchmarks and write docs/benchmarks.md."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import pkgutil
import platform
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

from . import ROOT


def available() -> list[str]:
    here = Path(__file__).parent
    return sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))


def machine() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores, {memory:.0f} GiB, Python {platform.python_version()}, {platform.machine()}"


def commit() -> str:
    try:
        sha = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout.strip()
        return sha + ("+uncommitted" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def fmt(value) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 100 else f"{value:,.0f}"
    return str(value)


def write_markdown(rows: list[dict], path: Path, names: list[str], seconds: float) -> None:
    lines = [
        "# Benchmarks",
        "",
        f"Written by `python -m benchmarks` on {dt.date.today().isoformat()}, commit `{commit()}`,",
        f"machine: {machine()}. Benchmarks run: {', '.join(names)} ({seconds:.0f} s).",
        "Figures on sets the rules were adjusted on say so in the note column.",
        "",
        "| benchmark | metric | value | n | note |",
        "|---|---|---|---|---|",
    ]
    for r in rows:
        note = str(r.get("note", "")).replace("|", "/")
        lines.append(
            f"| {r['benchmark']} | {r['metric']} | {fmt(r['value'])} | {r.get('n', '')} | {note} |"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


CHILD = (
    "import importlib, json, sys; "
    "rows = importlib.import_module('benchmarks.' + sys.argv[1]).run(); "
    "open(sys.argv[2], 'w', encoding='utf-8').write(json.dumps(rows, default=str))"
)


def run_isolated(name: str) -> list[dict]:
    """Run one benchmark in a fresh interpreter: its peak memory and timings must not
    include what the benchmarks before it loaded or allocated."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "rows.json"
        subprocess.run([sys.executable, "-c", CHILD, name, str(out)], cwd=ROOT, check=True)
        return json.loads(out.read_text(encoding="utf-8"))


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("names", nargs="*", help=f"some of: {', '.join(available())}")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args()
    names = [n if n.startswith("bench_") else f"bench_{n}" for n in args.names] or available()
    rows: list[dict] = []
    started = time.perf_counter()
    failed = 0
    for name in names:
        print(f"== {name}", flush=True)
        t0 = time.perf_counter()
        try:
            got = run_isolated(name)
        except Exception:  # noqa: BLE001 - one broken benchmark must not hide the others
            traceback.print_exc()
            failed += 1
            got = [
                {
                    "benchmark": name,
                    "metric": "error",
                    "value": "failed",
                    "n": "",
                    "note": "see log",
                }
            ]
        for r in got:
            print(
                f"   {r['benchmark']:<28} {r['metric']:<40} {fmt(r['value']):>10}  n={r.get('n', '')}  {r.get('note', '')}"
            )
        print(f"   ({time.perf_counter() - t0:.0f} s)", flush=True)
        rows.extend(got)
    write_markdown(rows, args.output, names, time.perf_counter() - started)
    print(f"wrote {args.output}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
