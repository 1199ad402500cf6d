"""The bundled actor knowledge base: countries, organisations, government bodies and titles.

Knowledge lives in YAML files under `communique/actors/data/` (each with a provenance header),
read into records by `kbfiles`; this module is the one loader. `load()` reads them once per
process and builds dict indexes keyed by `fold(text)`, so every lookup is a few dictionary
probes.

    from communique.actors import kb
    KB = kb.load()
    KB.country("the U.S.").iso3            # "USA"
    KB.country_by_adjective("Azeri").iso3  # "AZE"
    KB.title("Deputy Foreign Minister")    # Title(name="foreign minister", ...)
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from .. import picklecache
from .kbfiles import (
    SECTORS,  # noqa: F401 - re-exported: kb.SECTORS, the sectors a data file may name
    Body,
    Country,
    KnowledgeBaseError,
    Organisation,
    Title,
    read,
    read_bodies,
    read_countries,
    read_organisations,
    read_titles,
)

DATA_DIR = Path(__file__).resolve().parent / "data"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


KINDS = ("country", "adjective", "capital", "metonym", "organisation", "body", "title")
ORGANISATION_KINDS = ("igo", "ngo", "media", "group")

# Words before a title that qualify it without changing the office ("Deputy Foreign Minister").
TITLE_MODIFIERS = _words(
    "deputy assistant vice acting former ex interim first second senior outgoing incoming "
    "caretaker then late newly appointed elected designate designated new current top chief "
    "principal associate junior retired sitting"
)

# --------------------------------------------------------------------------- folding

_FOLD_TABLE = str.maketrans(
    {
        "\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u2013": " ", "\u2014": " ", "\u2010": " ",
        "\u2011": " ", "-": " ", ".": "", "\u00a0": " ", "\u0131": "i", "\u00f8": "o",
        "\u00d8": "o", "\u00e6": "ae", "\u00c6": "ae", "\u0153": "oe", "\u0152": "oe",
        "\u00df": "ss", "\u0111": "d", "\u0110": "d", "\u0142": "l", "\u0141": "l",
        "\u00fe": "th", "\u00de": "th", "\u00f0": "d", "\u00d0": "d",
        "\u0259": "e", "\u018f": "e",
    }
)  # fmt: skip


def fold(text: str) -> str:
    """Lookup key: lowercase, diacritics folded, periods dropped, hyphens and dashes as spaces,
    leading "the " dropped, whitespace collapsed ("the U.S." -> "us", "İlham" -> "ilham")."""
    folded = text.translate(_FOLD_TABLE).lower()
    if not folded.isascii():
        folded = "".join(
            c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c)
        )
    folded = " ".join(folded.split())
    return folded[4:] if folded.startswith("the ") else folded


def _strip_possessive(key: str) -> str:
    if key.endswith("'s"):
        return key[:-2]
    return key[:-1] if key.endswith("'") else key


def _is_acronym(form: str) -> bool:
    letters = form.replace(".", "").replace(" ", "").replace("&", "")
    return len(letters) <= 6 and letters.isalpha() and letters.isupper()


def _upper_enough(text: str) -> bool:
    """True when every letter in `text` (minus a leading "the") is upper case."""
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    letters = [c for c in "".join(words) if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


# --------------------------------------------------------------------------- index


class _Index:
    """folded form -> key, refusing silent collisions; `ambiguous` holds declared ones."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.keys: dict[str, str] = {}
        self.ambiguous: dict[str, tuple[str, ...]] = {}
        self.case_sensitive: set[str] = set()
        self._plain: set[str] = set()

    def add(self, form: str, key: str) -> None:
        folded = fold(form)
        if not folded:
            raise KnowledgeBaseError(f"{self.label}: empty form for {key}; remove it")
        previous = self.keys.get(folded)
        if previous is not None and previous != key:
            raise KnowledgeBaseError(
                f"{self.label}: {form!r} names both {previous} and {key}; keep it in one "
                f"entry or list it under `ambiguous`"
            )
        self.keys[folded] = key
        if _is_acronym(form):
            self.case_sensitive.add(folded)
        else:
            self._plain.add(folded)

    def declare_ambiguous(self, form: str, keys: Iterable[str]) -> None:
        self.ambiguous[fold(form)] = tuple(keys)

    def finish(self) -> None:
        self.case_sensitive -= self._plain
        clash = set(self.ambiguous) & set(self.keys)
        if clash:
            raise KnowledgeBaseError(
                f"{self.label}: {sorted(clash)} are declared ambiguous but also belong to one "
                f"entry; remove them from one place"
            )

    def get(self, text: str) -> str | None:
        key = fold(text)
        found = self.keys.get(key)
        if found is None:
            key = _strip_possessive(key)
            found = self.keys.get(key)
        if found is not None and key in self.case_sensitive and not _upper_enough(text):
            return None
        return found

    def get_folded(self, key: str) -> str | None:
        return self.keys.get(key)


# --------------------------------------------------------------------------- knowledge base


class KnowledgeBase:
    """Countries, organisations, bodies and titles with O(1) lookups by any surface form."""

    def __init__(
        self,
        countries: Iterable[Country],
        organisations: Iterable[Organisation],
        bodies: Iterable[Body],
        titles: Iterable[Title],
        ambiguous: dict[str, dict[str, list[str]]] | None = None,
        shared_names: dict[str, list[str]] | None = None,
    ) -> None:
        self.countries: dict[str, Country] = {c.iso3: c for c in countries}
        self.shared_names: dict[str, tuple[str, ...]] = {
            fold(name): tuple(codes) for name, codes in (shared_names or {}).items()
        }
        self.organisations: dict[str, Organisation] = {o.actor_id: o for o in organisations}
        self.bodies: tuple[Body, ...] = tuple(bodies)
        self.titles: tuple[Title, ...] = tuple(titles)
        self._bodies_by_slug = {b.slug: b for b in self.bodies}
        self._titles_by_name = {t.name: t for t in self.titles}
        self._names, self._adjectives, self._capitals = _country_indexes(
            self.countries.values(), ambiguous or {}
        )
        self._orgs = _build_index("organisations", _org_forms(self.organisations.values()))
        self._blocs = {
            fold(region): o.actor_id for o in self.organisations.values() for region in o.blocs
        }
        self._body_index = _build_index("bodies", _body_forms(self.bodies))
        self._title_index = _build_index("titles", _title_forms(self.titles))

    # -- countries
    def country(self, text: str) -> Country | None:
        """A country by any of its names ("Armenia", "the U.S.", "Côte d'Ivoire")."""
        return self._country(self._names.get(text))

    def country_by_adjective(self, text: str) -> Country | None:
        """A country by adjective, demonym or plural demonym ("Azeri", "Americans")."""
        return self._country(self._adjectives.get(text))

    def country_by_capital(self, text: str) -> Country | None:
        """A country by capital, seat of government or metonym ("Yerevan", "the Kremlin")."""
        return self._country(self._capitals.get(text))

    def find_country(self, text: str) -> Country | None:
        """Any of the three: name, then adjective, then capital or metonym."""
        return (
            self.country(text) or self.country_by_adjective(text) or self.country_by_capital(text)
        )

    def ambiguous(self, text: str) -> tuple[str, ...]:
        """Candidate iso3 codes of a form declared ambiguous ("Korean" -> ("KOR", "PRK"))."""
        key = fold(text)
        for index in (self._names, self._adjectives, self._capitals):
            found = index.ambiguous.get(key) or index.ambiguous.get(_strip_possessive(key))
            if found:
                return found
        return ()

    def split_country(self, text: str) -> tuple[Country | None, str]:
        """Split a leading country name, adjective or possessive off a phrase:
        "Armenian Prime Minister" -> (Armenia, "prime minister"). The rest is folded."""
        code, rest = self._split_prefix(fold(text), countries_only=True)
        return (self.countries.get(code) if code else None), rest

    # -- organisations, bodies, titles
    def organisation(self, text: str) -> Organisation | None:
        actor_id = self._orgs.get(text)
        return self.organisations[actor_id] if actor_id else None

    def bloc(self, region: str) -> Organisation | None:
        """The organisation in which the leaders of a region act together: "West African"
        -> ECOWAS (organisations.yaml, `blocs`); None for a region with several or none."""
        actor_id = self._blocs.get(fold(region))
        return self.organisations[actor_id] if actor_id else None

    def body(self, text: str) -> Body | None:
        """A government body ("the State Department", "Russia's Foreign Ministry"); a leading
        country is skipped, so "Russian Foreign Ministry" gives the generic foreign ministry."""
        slug = self._body_index.get(text)
        if slug is None:
            slug = self._lookup_phrase(fold(text), self._body_index, _BODY_HEADS)
        return self._bodies_by_slug[slug] if slug else None

    def body_by_slug(self, slug: str) -> Body | None:
        return self._bodies_by_slug.get(slug)

    def states_sharing(self, text: str) -> tuple[str, ...]:
        """The states that give a body this name ("the Senate" -> USA, AUS, ITA, ...)."""
        key = fold(text)
        return self.shared_names.get(key.removeprefix("the ")) or ()

    def title(self, text: str) -> Title | None:
        """The base office of a title phrase: "U.S. Secretary of State" -> secretary of state,
        "Deputy Foreign Minister" -> foreign minister, "agriculture minister" -> minister."""
        name = self._title_index.get(text)
        if name is None:
            name = self._lookup_phrase(fold(text), self._title_index, _TITLE_HEADS)
        return self._titles_by_name[name] if name else None

    def title_modifiers(self, text: str) -> tuple[str, ...]:
        """Qualifiers found before the office: ("deputy",), ("former", "acting"), ()."""
        key = self._split_prefix(_strip_possessive(fold(text)), countries_only=False)[1]
        found: list[str] = []
        while self._title_index.get_folded(key) is None:
            stripped = _strip_modifier(key)
            if stripped == key:
                break
            if key.split()[0] not in _CONNECTORS:
                found.append(key.split()[0])
            key = self._split_prefix(stripped, countries_only=False)[1]
        return tuple(found)

    def surface_forms(self) -> Iterator[tuple[str, str, str]]:
        """(surface form, kind, key) for an EntityRuler; ambiguous forms are left out (see
        `ambiguous_forms`). kind is one of KINDS; key is iso3, actor_id, slug or title name."""
        for c in self.countries.values():
            yield from ((form, "country", c.iso3) for form in (c.name, *c.names))
            yield from ((form, "adjective", c.iso3) for form in (*c.adjectives, *c.plurals))
            yield from ((form, "capital", c.iso3) for form in c.capitals)
            yield from ((form, "metonym", c.iso3) for form in c.metonyms)
        for o in self.organisations.values():
            yield from ((form, "organisation", o.actor_id) for form in (o.name, *o.aliases))
        for b in self.bodies:
            yield from ((form, "body", b.slug) for form in (b.name, *b.aliases))
        for t in self.titles:
            yield from ((form, "title", t.name) for form in (t.name, *t.aliases))

    def ambiguous_forms(self) -> Iterator[tuple[str, str, tuple[str, ...]]]:
        """(folded form, kind, candidate iso3 codes) for every declared ambiguous form."""
        for kind, index in (
            ("country", self._names),
            ("adjective", self._adjectives),
            ("capital", self._capitals),
        ):
            yield from ((form, kind, codes) for form, codes in index.ambiguous.items())

    def is_case_sensitive(self, form: str) -> bool:
        """True for acronyms ("US", "WHO", "AU") that match only when written in capitals."""
        key = fold(form)
        return any(
            key in index.case_sensitive
            for index in (self._names, self._adjectives, self._capitals, self._orgs)
            + (self._body_index, self._title_index)
        )

    # -- helpers
    def _country(self, iso3: str | None) -> Country | None:
        return self.countries[iso3] if iso3 else None

    def _split_prefix(self, key: str, *, countries_only: bool) -> tuple[str | None, str]:
        """Longest leading country (or organisation) form of `key`, and what follows it."""
        words = key.split()
        indexes = [self._names, self._adjectives]
        if not countries_only:
            indexes.append(self._orgs)
        for n in range(min(len(words) - 1, 6), 0, -1):
            head = _strip_possessive(" ".join(words[:n]))
            for index in indexes:
                code = index.get_folded(head)
                if code is None and head in index.ambiguous:
                    code = ""
                if code is not None:
                    return code, " ".join(words[n:])
        return None, key

    def _lookup_phrase(
        self, key: str, index: _Index, heads: frozenset[str], depth: int = 0
    ) -> str | None:
        """Try the phrase without a leading country/organisation and modifiers, then without
        a trailing complement ("adviser to the president"), in the singular, then its head."""
        key = _strip_possessive(key)
        for _ in range(6):
            for candidate in (key, *_without_complement(key)):
                if (found := index.get_folded(candidate)) is not None:
                    return found
            stripped = _strip_modifier(key)
            if stripped == key:
                stripped = self._split_prefix(key, countries_only=False)[1]
            if stripped == key:
                break
            key = stripped
        if depth < 3:
            shorter = [c for c in (*_singulars(key), *_without_complement(key)) if c != key]
            for candidate in shorter:  # breadth first: a direct hit beats a deeper guess
                if (found := index.get_folded(candidate)) is not None:
                    return found
            for candidate in shorter:
                if found := self._lookup_phrase(candidate, index, heads, depth + 1):
                    return found
        return _head_lookup(key, index, heads)


def _without_complement(key: str) -> tuple[str, ...]:
    """ "adviser to the president" -> "adviser"; "minister of foreign affairs of x" ->
    "minister of foreign affairs"."""
    found = []
    for cut, right in ((" to ", False), (", ", False), (" of ", True), (" for ", True)):
        if cut in key:
            found.append(key.rpartition(cut)[0] if right else key.partition(cut)[0])
    return tuple(found)


def _singular_word(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _singulars(key: str) -> tuple[str, ...]:
    """The phrase with its last word, or the word before "of", in the singular
    ("foreign ministers" -> "foreign minister", "ministers of defence" -> "minister of defence")."""
    words = key.split()
    found = []
    if "of" in words[1:]:
        at = words.index("of") - 1
        found.append(" ".join([*words[:at], _singular_word(words[at]), *words[at + 1 :]]))
    found.append(" ".join([*words[:-1], _singular_word(words[-1])]))
    return tuple(found)


# --------------------------------------------------------------------------- title heads

# Head words that name an office on their own: "agriculture minister" -> minister,
# "Minister for Energy" -> minister, "army general" -> general.
_TITLE_HEADS = _words(
    "minister secretary ambassador envoy spokesperson spokesman spokeswoman adviser advisor "
    "commander general director chief official diplomat lawmaker legislator analyst professor "
    "judge governor mayor president chairman chairwoman chair premier senator "
    "representative officer prosecutor negotiator admiral colonel researcher"
)
_CONNECTORS = frozenset({"and", "&", "both"})  # "Armenian and Azerbaijani foreign ministers"
_BODY_HEADS = _words("ministry department office agency service council")


def _strip_modifier(key: str) -> str:
    word, _, rest = key.partition(" ")
    if rest and (word in TITLE_MODIFIERS or word in _CONNECTORS):
        return rest
    return key


def _head_lookup(key: str, index: _Index, heads: frozenset[str]) -> str | None:
    words = key.split()
    if len(words) < 2:
        return None
    for candidate in (words[-1], words[0]):
        if candidate in heads:
            found = index.get_folded(candidate)
            if found is not None and (candidate == words[-1] or words[1] in {"of", "for"}):
                return found
    return None


# --------------------------------------------------------------------------- building


def _build_index(label: str, forms: Iterable[tuple[str, str]]) -> _Index:
    index = _Index(label)
    for form, key in forms:
        index.add(form, key)
    index.finish()
    return index


def _country_indexes(
    countries: Iterable[Country], ambiguous: dict[str, dict[str, list[str]]]
) -> tuple[_Index, _Index, _Index]:
    names, adjectives, capitals = _Index("names"), _Index("adjectives"), _Index("capitals")
    for c in countries:
        for form in (c.name, *c.names):
            names.add(form, c.iso3)
        for form in (*c.adjectives, *c.plurals):
            adjectives.add(form, c.iso3)
        for form in (*c.capitals, *c.metonyms):
            capitals.add(form, c.iso3)
    for section, index in (("names", names), ("adjectives", adjectives), ("capitals", capitals)):
        for form, codes in (ambiguous.get(section) or {}).items():
            index.declare_ambiguous(form, codes)
        index.finish()
    return names, adjectives, capitals


def _org_forms(orgs: Iterable[Organisation]) -> Iterator[tuple[str, str]]:
    for o in orgs:
        yield from ((form, o.actor_id) for form in (o.name, *o.aliases))


def _body_forms(bodies: Iterable[Body]) -> Iterator[tuple[str, str]]:
    for b in bodies:
        yield from ((form, b.slug) for form in (b.name, *b.aliases))


def _title_forms(titles: Iterable[Title]) -> Iterator[tuple[str, str]]:
    for t in titles:
        yield from ((form, t.name) for form in (t.name, *t.aliases))


def _check_references(kb: KnowledgeBase) -> None:
    codes = kb.countries
    for c in codes.values():
        if c.parent and c.parent not in codes:
            raise KnowledgeBaseError(f"countries.yaml: {c.iso3} has unknown parent {c.parent}")
    for o in kb.organisations.values():
        if o.parent and o.parent not in kb.organisations:
            raise KnowledgeBaseError(f"organisations.yaml: {o.actor_id} parent {o.parent}?")
        if o.country and o.country not in codes:
            raise KnowledgeBaseError(f"organisations.yaml: {o.actor_id} country {o.country}?")
        if o.national and o.national not in kb._bodies_by_slug:
            raise KnowledgeBaseError(f"organisations.yaml: {o.actor_id} national {o.national}?")
    for b in kb.bodies:
        if b.country and b.country not in codes:
            raise KnowledgeBaseError(f"bodies.yaml: {b.slug} under unknown country {b.country}")
        if b.namesake and b.namesake not in kb._bodies_by_slug:
            raise KnowledgeBaseError(f"bodies.yaml: {b.slug} namesake {b.namesake}?")
    for name, shared in kb.shared_names.items():
        if unknown := [code for code in shared if code not in codes]:
            raise KnowledgeBaseError(f"bodies.yaml: shared name {name!r}: unknown {unknown}")
    if len(kb._bodies_by_slug) != len(kb.bodies):
        raise KnowledgeBaseError("bodies.yaml: two bodies share a slug; make slugs unique")


def build(data_dir: Path = DATA_DIR) -> KnowledgeBase:
    """Read every data file under `data_dir` and build a fresh knowledge base."""
    countries = read("countries.yaml", data_dir)
    bodies = read("bodies.yaml", data_dir)
    kb = KnowledgeBase(
        read_countries(countries),
        read_organisations(read("organisations.yaml", data_dir)),
        read_bodies(bodies),
        read_titles(read("titles.yaml", data_dir)),
        countries.get("ambiguous"),
        bodies.get("shared_names"),
    )
    _check_references(kb)
    return kb


@lru_cache(maxsize=1)
def load() -> KnowledgeBase:
    """The bundled knowledge base, built once per process. Parsing the YAML takes ~0.2 s, so
    the built object is also pickled under the user cache directory (COMMUNIQUE_CACHE_DIR,
    else ~/.cache/communique), keyed by a hash of the data files and of this module; a missing,
    stale or unwritable cache just means building again."""
    return picklecache.cached(
        "kb", _fingerprint(DATA_DIR), build, lambda found: isinstance(found, KnowledgeBase)
    )


def _fingerprint(data_dir: Path) -> str:
    digest = hashlib.sha1(Path(__file__).read_bytes(), usedforsecurity=False)
    for path in sorted(data_dir.glob("*.yaml")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]
