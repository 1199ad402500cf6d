"""What a question names: countries and organisations (from the actor knowledge base) and
people or groups (from the corpus' actors and their aliases), and whether it asks for goals.

    parse(con, "What is the United States after from Azerbaijan and Armenia?")
    -> Question(keys=("USA", "AZE", "ARM"), intent=True)

Keys are iso3 country codes or actor ids, in the order the question names them: the first is
usually the one whose aims are asked about ("What does X want from Y?").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import duckdb

from ..actors import kb
from . import cues, tokens

MAX_WORDS = 6
# Actor kinds whose aliases are matched against the question (roles like "president" and
# bodies like "foreign ministry" are too generic to name anyone by themselves).
NAMED_KINDS = ("person", "group", "igo")
_TOKEN = re.compile(r"[\w][\w'’.\-]*")


@dataclass(frozen=True, slots=True)
class Question:
    text: str
    keys: tuple[str, ...]  # iso3 codes and actor ids, in order of appearance
    intent: bool  # asks for goals, motives or positions


def _aliases(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """folded alias -> actor id, for named actors (capitalised aliases only)."""
    index: dict[str, str] = {}
    for actor_id, name, aliases in con.execute(
        "SELECT actor_id, name, aliases FROM actors WHERE kind IN (SELECT unnest(?)) "
        "ORDER BY num_mentions DESC",
        [list(NAMED_KINDS)],
    ).fetchall():
        for form in (name, *json.loads(aliases or "[]")):
            if form and form[0].isupper():
                index.setdefault(kb.fold(form), actor_id)
    return index


def _lookup(phrase: str, aliases: dict[str, str]) -> str | None:
    knowledge = kb.load()
    country = knowledge.find_country(phrase)
    if country:
        return country.iso3
    organisation = knowledge.organisation(phrase)
    if organisation:
        return organisation.actor_id
    folded = kb.fold(phrase)
    if folded in tokens.stopwords() or len(folded) < 3:
        return None
    return aliases.get(folded) or aliases.get(folded.removesuffix("'s"))


def named_keys(con: duckdb.DuckDBPyConnection, text: str) -> tuple[str, ...]:
    """Countries, organisations and people named in `text`, longest phrase first."""
    words = [w.rstrip(".?!,;:") if not w.endswith("U.S.") else w for w in _TOKEN.findall(text)]
    aliases = _aliases(con)
    found: list[str] = []
    i = 0
    while i < len(words):
        for n in range(min(MAX_WORDS, len(words) - i), 0, -1):
            key = _lookup(" ".join(words[i : i + n]), aliases)
            if key:
                found.append(key)
                i += n
                break
        else:
            i += 1
    return tuple(dict.fromkeys(found))


def parse(con: duckdb.DuckDBPyConnection, text: str) -> Question:
    return Question(text, named_keys(con, text), cues.asks_for_intent(text))
