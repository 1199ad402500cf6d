"""PLOVER types and modes, the CAMEO table and the trigger tables, loaded once from data/.

Every table is a tab-separated file with a provenance header (lines starting with `#`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    goldstein: float
    quad_class: int
    plover: str | None
    mode: str | None
    description: str

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True, slots=True)
class PloverType:
    name: str
    quad_class: int
    modes: tuple[str, ...]
    description: str


NOT_EVENT = "-"  # a table row's code for a sense that is no event ("released a report")


@dataclass(frozen=True, slots=True)
class Trigger:
    """One row of verbs.tsv / nouns.tsv: a lemma, an optional condition, the code and frame."""

    lemma: str
    cond_kind: str | None
    cond_values: frozenset[str]
    cameo: str
    frame: str
    slots: tuple[str, ...]
    min_participants: int
    strength: float = field(compare=False)  # the arbiter reweights it: same row, same trigger


@dataclass(frozen=True, slots=True)
class Ontology:
    types: dict[str, PloverType]
    cameo: dict[str, CameoCode]
    verbs: dict[str, tuple[Trigger, ...]]
    nouns: dict[str, tuple[Trigger, ...]]
    light: dict[str, str]
    modality: dict[tuple[str, str], frozenset[str]]
    complements: dict[str, tuple[tuple[frozenset[str], str], ...]]

    def code(self, code: str) -> CameoCode:
        """The entry for a CAMEO code, falling back to its 3- then 2-digit parent."""
        for key in (code, code[:3], code[:2]):
            if key in self.cameo:
                return self.cameo[key]
        raise KeyError(f"unknown CAMEO code {code!r}")

    def refine(self, code: str, complement: str) -> str:
        """A more specific code when the open complement says what is asked, offered..."""
        for lemmas, refined in self.complements.get(code, ()):
            if complement in lemmas:
                return refined
        return code

    def cues(self, modality: str, cue: str) -> frozenset[str]:
        return self.modality.get((modality, cue), frozenset())


def rows(name: str) -> list[list[str]]:
    """The non-comment rows of a data file, split on tabs."""
    text = resources.files(__package__).joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and line[0] != "#"]


def _none(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", "-") else value


def _cameo() -> dict[str, CameoCode]:
    table = {}
    for code, goldstein, quad, plover, mode, description in rows("cameo.tsv"):
        table[code] = CameoCode(
            code, float(goldstein), int(quad), _none(plover), _none(mode), description
        )
    return table


def _types() -> dict[str, PloverType]:
    table = {}
    for name, quad, modes, description in rows("plover.tsv"):
        table[name] = PloverType(
            name, int(quad), tuple(m for m in modes.split(",") if m != "-"), description
        )
    return table


def _trigger(row: list[str]) -> Trigger:
    lemma, cond, cameo, frame, slots, minimum, strength = row
    kind, _, values = cond.partition(":") if cond != "-" else (None, "", "")
    return Trigger(
        lemma,
        kind,
        frozenset(v for v in values.split("|") if v and v != "-"),
        cameo,
        frame,
        tuple(slots.split(",")),
        int(minimum),
        float(strength),
    )


def _triggers(name: str) -> dict[str, tuple[Trigger, ...]]:
    table: dict[str, list[Trigger]] = {}
    for row in rows(name):
        trigger = _trigger(row)
        table.setdefault(trigger.lemma, []).append(trigger)
    # Conditional rows are tried before the unconditional fallback of the same lemma.
    return {k: tuple(sorted(v, key=lambda t: t.cond_kind is None)) for k, v in table.items()}


def _modality() -> dict[tuple[str, str], frozenset[str]]:
    return {(m, cue): frozenset(words.split("|")) for m, cue, words in rows("modality.tsv")}


def _complements() -> dict[str, tuple[tuple[frozenset[str], str], ...]]:
    table: dict[str, list[tuple[frozenset[str], str]]] = {}
    for code, lemmas, refined in rows("complements.tsv"):
        table.setdefault(code, []).append((frozenset(lemmas.split("|")), refined))
    return {k: tuple(v) for k, v in table.items()}


@cache
def ontology() -> Ontology:
    """The loaded tables (cached: read once per process)."""
    onto = Ontology(
        types=_types(),
        cameo=_cameo(),
        verbs=_triggers("verbs.tsv"),
        nouns=_triggers("nouns.tsv"),
        light=dict(rows("light.tsv")),
        modality=_modality(),
        complements=_complements(),
    )
    _check(onto)
    return onto


def _check(onto: Ontology) -> None:
    """Fail loudly at load time if a table names an unknown code or type."""
    for entry in onto.cameo.values():
        if entry.plover is not None and entry.plover not in onto.types:
            raise ValueError(f"cameo.tsv: {entry.code} names unknown PLOVER type {entry.plover}")
    for table in (onto.verbs, onto.nouns):
        for triggers in table.values():
            for trigger in triggers:
                if trigger.cameo != NOT_EVENT:
                    onto.code(trigger.cameo)
    for options in onto.complements.values():
        for _, refined in options:
            onto.code(refined)
