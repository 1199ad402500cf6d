"""Measure communique against gold data: `load_gold` -> `evaluate` -> `format_text`/`to_json`.

The gold format and every figure are documented in docs/gold-format.md.
"""

from communique.evaluate.gold import (
    Gold,
    GoldActor,
    GoldAliasGroup,
    GoldDate,
    GoldEvent,
    GoldQuote,
    load_gold,
)
from communique.evaluate.report import format_text, to_json
from communique.evaluate.scoring import EvalReport, Ratio, Score, evaluate

__all__ = [
    "EvalReport",
    "Gold",
    "GoldActor",
    "GoldAliasGroup",
    "GoldDate",
    "GoldEvent",
    "GoldQuote",
    "Ratio",
    "Score",
    "evaluate",
    "format_text",
    "load_gold",
    "to_json",
]
