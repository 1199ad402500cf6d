"""What "the two countries", "both sides" mean when the two actors named last are people.

A pair noun (`sequel.PAIR_NOUNS`: countries, governments, sides, ...) names two states or
organisations, never two persons: "X met Y ... relations between the two countries" are
the states X and Y serve. Each person of the pair stands for the state of their country;
when one of them has no known country the phrase names nobody safely (no mention).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

E = TypeVar("E")


def sides(batch: Sequence[E], state: Callable[[str], E]) -> list[E]:
    """The pair's members with each person replaced by the state of their country
    (`state(code)`: that state's entity); [] when a person has no country."""
    out: list[E] = []
    for e in batch:
        if getattr(e, "kind", "") == "person":
            code = getattr(e, "country", None)
            if not code:
                return []
            e = state(code)
        if e not in out:
            out.append(e)
    return out if len(out) == 2 else []
