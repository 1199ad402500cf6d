"""Statements of goals, motives and positions: the cue phrases of data/cues.tsv.

`cue_score("Russia seeks to limit ...")` -> 1.0 (the weight of the strongest cue found).
One compiled alternation per process; a sentence costs one regex scan.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..actors.kb import fold

DATA = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern[str], dict[str, float]]:
    weights: dict[str, float] = {}
    for line in (DATA / "cues.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        phrase, _kind, weight = line.split("\t")
        weights[phrase] = float(weight)
    alternation = "|".join(re.escape(p) for p in sorted(weights, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation})\b"), weights


@lru_cache(maxsize=1)
def _intent_words() -> frozenset[str]:
    lines = (DATA / "intent.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


def cue_score(text: str) -> float:
    """Weight of the strongest goal/motive/position cue in `text`, 0.0 without one."""
    pattern, weights = _cues()
    return max((weights[m] for m in pattern.findall(fold(text))), default=0.0)


def asks_for_intent(question: str) -> bool:
    """True when the question asks what someone wants, aims at, or stands for."""
    return bool(_intent_words() & set(re.findall(r"[a-z]+", fold(question))))
