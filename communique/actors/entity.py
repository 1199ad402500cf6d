"""The records of within-article resolution: an article-local entity and a resolved mention."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .found import Found

UNKNOWN = "XXX"


@dataclass(slots=True, eq=False)
class Entity:
    kind: str
    key: str
    country: str | None = None
    sector: str | None = None
    title: str | None = None
    org: str | None = None
    forms: list[str] = field(default_factory=list)
    name: tuple[str, ...] = ()
    gender: str = ""
    named: bool = False  # the gender is only the given-name table's hint
    reason: str | None = None

    def settle(self, code: str) -> None:
        """Give an entity of no known country its country, in its key too."""
        self.country = code
        if self.key.startswith(f"{UNKNOWN}/"):
            self.key = code + self.key.removeprefix(UNKNOWN)

    def absorb(self, f: Found) -> None:
        self.country = self.country or f.country
        self.sector = self.sector or f.sector
        self.title = self.title or f.title
        self.org = self.org or f.org
        if f.gender and (not self.gender or (self.named and not f.named)):
            self.gender, self.named = f.gender, f.named  # an honorific beats a given name
        if len(f.name) > len(self.name):
            self.name = f.name


@dataclass(slots=True)
class Link:
    """One resolved mention: the detection record and the entity (None: unresolved)."""

    found: Found
    entity: Entity | None
    reason: str | None = None


def move_mention(link: Link, country: str, keyed: dict[str, Entity]) -> None:
    """Only this mention of a countryless body or role moves, to the entity of that country
    (made once per key in `keyed`): the countryless entity may stand for other mentions."""
    e = link.entity
    assert e is not None
    key = country + e.key.removeprefix(UNKNOWN)
    if key not in keyed:
        keyed[key] = replace(e, key=key, country=country, forms=list(e.forms))
    link.entity, link.reason = keyed[key], None
