"""Word lists and matchers the actor stage builds once per process (per vocabulary).

The knowledge base holds countries, organisations, bodies and titles; this module holds the
few closed-class English words the detection rules need (honorifics, pronouns, locative
prepositions, motion verbs) and the collective nouns that make a demonym an actor
("Turkish officials" -> TUR GOV). These are grammar of English news, not facts about any
country, so they live beside the rules that use them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en import English
from spacy.matcher import PhraseMatcher
from spacy.vocab import Vocab


def words(text: str) -> frozenset[str]:
    """A closed word class written as one string."""
    return frozenset(text.split())


HONORIFICS = words(
    "mr mr. mrs mrs. ms ms. dr dr. sir dame madam mme prince princess sheikh sheikha"
)
# Modifiers that change the office itself (an assistant secretary is not the secretary).
RANK_MODIFIERS = words("deputy assistant vice associate under junior")
# Modifiers that leave the office unchanged.
SOFT_MODIFIERS = words(
    "former acting interim senior top outgoing incoming new then late caretaker current "
    "chief principal ex retired sitting designate ousted exiled longtime veteran"
)
# Titles written as part of a person's name ("Mullah X", "Sheikh X", "Crown Prince X").
NAME_TITLES = words(
    "mullah mawlawi maulana mawlana sheikh sheikha shaikh sheik sayyed sayyid ayatollah "
    "hojatoleslam imam haji emir amir prince princess king queen sultan"
)
PARTICLES = words("al el bin ibn bint abu van von der den de del della di da dos du la le")
MALE = frozenset({"he", "him", "his"})
FEMALE = frozenset({"she", "her", "hers"})
PLURAL_PRONOUNS = frozenset({"they"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
LOCATIVE_PREPS = words(
    "in at near inside outside within throughout across around outside over along"
)
DIRECTIONAL_PREPS = words("to into from toward towards via through")
# Verbs and nouns after which a directional preposition introduces a place.
MOTION = words(
    "go travel fly return come arrive head move flee leave depart visit trip journey tour "
    "flight deploy send withdraw expel deport evacuate cross march drive sail land "
    "relocate migrate escape retreat pull"
)
# National capitals that are also seats of international organisations, where officials and
# ministers meeting are as often foreigners as hosts ("ministers in Brussels"): EU and NATO,
# IAEA/OPEC/OSCE, AU, ASEAN, UNEP/UN-Habitat, ECOWAS, Arab League, GCC, FAO (folded names).
ORGANISATION_SEATS = frozenset(
    {"brussels", "vienna", "addis ababa", "jakarta", "nairobi", "luxembourg", "abuja"}
    | {"cairo", "riyadh", "rome"}
)
VISIT = frozenset({"visit", "tour", "reach", "enter", "leave", "arrive", "land"})
# Collective nouns heading a demonym or a country, with the sector they give the actor.
GROUP_NOUNS: dict[str, str] = {
    "official": "GOV",
    "government": "GOV",
    "authority": "GOV",
    "leader": "GOV",
    "leadership": "GOV",
    "negotiator": "GOV",
    "delegation": "GOV",
    "side": "GOV",
    "administration": "GOV",
    "regime": "GOV",
    "cabinet": "GOV",
    "diplomat": "DIP",
    "envoy": "DIP",
    "force": "MIL",
    "troop": "MIL",
    "soldier": "MIL",
    "army": "MIL",
    "military": "MIL",
    "navy": "MIL",
    "warship": "MIL",
    "warplane": "MIL",
    "jet": "MIL",
    "vessel": "MIL",
    "aircraft": "MIL",
    "tank": "MIL",
    "helicopter": "MIL",
    "drone": "MIL",
    "police": "COP",
    "lawmaker": "LEG",
    "legislator": "LEG",
    "parliamentarian": "LEG",
    "senator": "LEG",
    "rebel": "REB",
    "militant": "REB",
    "insurgent": "REB",
    "separatist": "REB",
    "guerrilla": "REB",
    "protester": "OPP",
    "protestor": "OPP",
    "opposition": "OPP",
    "dissident": "OPP",
    "media": "MED",
    "journalist": "MED",
    "press": "MED",
    "refugee": "CVL",
    "civilian": "CVL",
    "citizen": "CVL",
    "national": "CVL",
    "resident": "CVL",
    "businessman": "BUS",
    "company": "BUS",
    "firm": "BUS",
    "court": "JUD",
    "judge": "JUD",
    "prosecutor": "JUD",
    "intelligence": "SPY",
    "analyst": "EDU",
    "expert": "EDU",
    "scholar": "EDU",
    "people": "CVL",
    "youth": "CVL",
    "student": "CVL",
    "worker": "CVL",
    "farmer": "CVL",
    "villager": "CVL",
    "settler": "CVL",
    "migrant": "CVL",
    "worshipper": "CVL",
    "fisherman": "CVL",
    "demonstrator": "OPP",
    "activist": "OPP",
    "militia": "REB",
    "fighter": "REB",
    "gunman": "REB",
    "extremist": "REB",
    "jihadist": "REB",
    "bomber": "REB",
    "faction": "REB",
    "group": "CVL",  # "armed groups" are REB (places.ARMED)
    "party": "PTY",
    "hacker": "CVL",
    "crowd": "CVL",
    "mob": "CVL",
    "inhabitant": "CVL",
}


@dataclass(frozen=True, slots=True)
class TitleForm:
    name: str  # the knowledge base's canonical title ("foreign minister")
    plural: bool


class Lexicon:
    """The title matcher for one vocabulary, built from the knowledge base."""

    def __init__(self, vocab: Vocab) -> None:
        from . import kb

        base = kb.load()
        self.kb = base
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        self.forms: dict[int, TitleForm] = {}
        tokenizer = English(vocab=vocab).tokenizer
        for title in sorted(base.titles, key=lambda t: t.name):
            value, plural = TitleForm(title.name, False), TitleForm(title.name, True)
            forms = sorted({title.name, *title.aliases})
            self._add(value, [tokenizer(f) for f in forms])
            self._add(plural, [tokenizer(pluralise(f)) for f in forms])

        self._fuzzy = _fuzzy_index(base)
        self._misspelt: dict[str, str | None] = {}

    def misspelt_country(self, text: str) -> str | None:
        """A country name or adjective one edit away ("Ethopia"), for names of 6+ letters."""
        from .names import distance, fold

        key = fold(text)
        if len(key) < 6:
            return None
        found = self._misspelt.get(key, "")
        if found == "":
            near = self._fuzzy.get(key[0], ())
            hits = {
                iso
                for form, iso in near
                if abs(len(form) - len(key)) <= 1 and distance(form, key) <= 1
            }
            found = self._misspelt[key] = hits.pop() if len(hits) == 1 else None
        return found

    def _add(self, value: TitleForm, docs: list) -> None:
        key = f"{value.name}|{int(value.plural)}"
        self.forms[self.matcher.vocab.strings.add(key)] = value
        self.matcher.add(key, docs)


def _fuzzy_index(base) -> dict[str, list[tuple[str, str]]]:
    from .names import fold

    index: dict[str, list[tuple[str, str]]] = {}
    for c in base.countries.values():
        for form in {c.name, *c.names, *c.adjectives}:
            key = fold(form)
            if len(key) >= 6:
                index.setdefault(key[0], []).append((key, c.iso3))
    return index


def pluralise(form: str) -> str:
    """'foreign minister' -> 'foreign ministers'; 'secretary of state' -> 'secretaries of state'."""
    head, sep, tail = form.partition(" of ")
    words = head.split()
    if not words:
        return form
    last = words[-1]
    if last.isupper():
        plural = last + "s"
    elif last.endswith("y") and last[-2:-1] not in tuple("aeiou"):
        plural = last[:-1] + "ies"
    elif last.endswith(("s", "sh", "ch", "x")):
        plural = last + "es"
    elif last.endswith("man"):
        plural = last[:-3] + "men"
    elif last.endswith("person"):
        plural = last[:-6] + "people"
    else:
        plural = last + "s"
    return " ".join([*words[:-1], plural]) + (sep + tail if sep else "")


_LEXICONS: dict[int, Lexicon] = {}


def lexicon(vocab: Vocab) -> Lexicon:
    """The lexicon for `vocab`, built on first use and kept for the process."""
    found = _LEXICONS.get(id(vocab))
    if found is None or found.matcher.vocab is not vocab:
        found = _LEXICONS[id(vocab)] = Lexicon(vocab)
    return found


@lru_cache(maxsize=4096)
def group_sector(lemma: str) -> str | None:
    return GROUP_NOUNS.get(lemma.lower())
