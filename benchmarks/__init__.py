"""Accuracy and speed benchmarks, kept apart from the test suite.

Run them all with `python -m benchmarks` (or `make bench`); it writes docs/benchmarks.md.
Each `bench_*.py` module exposes `run() -> list[dict]` with rows
{"benchmark", "metric", "value", "n", "note"} and returns [] when its data is absent.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
