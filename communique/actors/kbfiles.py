"""The knowledge base's records (Country, Organisation, Body, Title) and the reading of its
YAML data files under `communique/actors/data/` into them; `kb` builds the indexes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import CommuniqueError


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


SECTORS = _words("GOV MIL DIP LEG JUD SPY COP IGO NGO MED BUS CVL REB OPP EDU PTY REL")
STATUSES = frozenset({"member", "observer", "partial", "disputed", "territory", "unrecognised"})

# The data files hold only strings (rank is converted by the reader), so the base loader,
# which skips implicit typing, is enough; libyaml's C version halves the load time.
_Loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


class KnowledgeBaseError(CommuniqueError):
    """A data file under communique/actors/data is malformed; the message names the fix."""


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    plurals: tuple[str, ...]
    capitals: tuple[str, ...]
    metonyms: tuple[str, ...]
    region: str
    status: str = "member"  # member | observer | partial | disputed | territory | unrecognised
    parent: str | None = None  # sovereign of a territory; state an entity is recognised within


@dataclass(frozen=True, slots=True)
class Organisation:
    actor_id: str
    name: str
    aliases: tuple[str, ...]
    sector: str
    kind: str  # "igo" | "ngo" | "media" | "group" (armed or political group)
    parent: str | None
    country: str | None
    blocs: tuple[str, ...] = ()  # "West African": the region whose leaders meet as this body
    national: str | None = (
        None  # slug of the body states name alike ("Kazakhstan's Security Council")
    )


@dataclass(frozen=True, slots=True)
class Body:
    slug: str
    name: str
    aliases: tuple[str, ...]
    sector: str
    country: str | None
    # slug of the generic body that other states' bodies of this name are ("Pakistan's
    # foreign office" is Pakistan's foreign ministry, not the UK's Foreign Office)
    namesake: str | None = None


@dataclass(frozen=True, slots=True)
class Title:
    name: str
    aliases: tuple[str, ...]
    sector: str
    rank: int


def read(name: str, data_dir: Path) -> dict:
    path = data_dir / name
    try:
        with path.open(encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=_Loader)  # noqa: S506 - builds only str, list, dict
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeBaseError(f"cannot read {path}: {exc}; restore the file") from exc
    if not isinstance(data, dict):
        raise KnowledgeBaseError(f"{path} must hold a mapping at the top level")
    return data


def _tuple(entry: dict, field: str) -> tuple[str, ...]:
    return tuple(str(v) for v in entry.get(field) or ())


def _require(entry: dict, field: str, where: str) -> str:
    value = entry.get(field)
    if not value:
        raise KnowledgeBaseError(f"{where}: entry {entry!r} lacks {field!r}; add it")
    return str(value)


def _check_sector(sector: str, where: str) -> str:
    if sector not in SECTORS:
        raise KnowledgeBaseError(
            f"{where}: unknown sector {sector!r}; use one of {sorted(SECTORS)}"
        )
    return sector


def read_countries(data: dict) -> list[Country]:
    countries = []
    for region, entries in data["countries"].items():
        for e in entries:
            status = e.get("status", "member")
            if status not in STATUSES:
                raise KnowledgeBaseError(f"countries.yaml: {e.get('iso3')} has status {status!r}")
            countries.append(
                Country(
                    iso3=_require(e, "iso3", "countries.yaml"),
                    name=_require(e, "name", "countries.yaml"),
                    names=_tuple(e, "names"),
                    adjectives=_tuple(e, "adjectives"),
                    plurals=_tuple(e, "plurals"),
                    capitals=_tuple(e, "capitals"),
                    metonyms=_tuple(e, "metonyms"),
                    region=region,
                    status=status,
                    parent=e.get("parent"),
                )
            )
    return countries


def read_organisations(data: dict) -> list[Organisation]:
    orgs = []
    for kind, default_sector in (
        ("igo", "IGO"),
        ("ngo", "NGO"),
        ("media", "MED"),
        ("group", "REB"),
    ):
        for e in data.get(kind) or ():
            orgs.append(
                Organisation(
                    actor_id=_require(e, "id", "organisations.yaml"),
                    name=_require(e, "name", "organisations.yaml"),
                    aliases=_tuple(e, "aliases"),
                    sector=_check_sector(e.get("sector", default_sector), "organisations.yaml"),
                    kind=kind,
                    parent=e.get("parent"),
                    country=e.get("country"),
                    blocs=_tuple(e, "blocs"),
                    national=e.get("national"),
                )
            )
    return orgs


def read_bodies(data: dict) -> list[Body]:
    bodies = []
    for country, entries in (data.get("bodies") or {}).items():
        for e in entries:
            bodies.append(
                Body(
                    slug=_require(e, "slug", "bodies.yaml"),
                    name=_require(e, "name", "bodies.yaml"),
                    aliases=_tuple(e, "aliases"),
                    sector=_check_sector(_require(e, "sector", "bodies.yaml"), "bodies.yaml"),
                    country=None if country == "generic" else country,
                    namesake=e.get("namesake"),
                )
            )
    return bodies


def read_titles(data: dict) -> list[Title]:
    titles = []
    for sector, entries in (data.get("titles") or {}).items():
        for e in entries:
            titles.append(
                Title(
                    name=_require(e, "name", "titles.yaml"),
                    aliases=_tuple(e, "aliases"),
                    sector=_check_sector(str(e.get("sector", sector)), "titles.yaml"),
                    rank=int(e.get("rank", 4)),
                )
            )
    return titles
