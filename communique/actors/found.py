"""The detection record shared by the actor rules (token offsets, before resolution)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True, eq=False)
class Found:
    """A detected mention, before within-article resolution (token offsets)."""

    start: int
    end: int
    kind: str  # person | role | state | body | igo | group | place | unknown | pronoun
    role: str = "actor"
    country: str | None = None
    sector: str | None = None
    title: str | None = None
    key: str = ""
    name: tuple[str, ...] = ()
    plural: bool = False
    head: Found | None = None
    subject: bool = False
    batch: int = -1  # mentions introduced together ("A and B") share a batch number
    gender: str = ""  # m | f: from an honorific or a pronoun, or the given-name table
    named: bool = False  # gender comes only from the given-name table (a weaker hint)
    org: str | None = None
    sent: int = -1  # index into the article's sentences, set by `extract`
    patron: int = -1  # first token of the person this office serves ("adviser to X")
    owner: bool = False  # "its spokesman": the office of the earlier body or state
    body: bool = False  # qualified by a government body ("foreign ministry spokeswoman")
    pair: bool = False  # "the two leaders", "both ministers": two people named before
    named_as: Found | None = None  # "the leaders of A and B, X and Y": the office's holder
    alias_of: Found | None = None  # "X, better known as Y" / "the X Front (XF)": Y names X
    served: bool = False  # "his spokesman": the office serving a person, not its holder
    fresh: bool = False  # "an Israeli minister": an indefinite office names no earlier holder
    posting: bool = False  # "ambassador to France": the state an office serves in, no owner
    quoted: bool = False  # inside quotation marks: the speaker's words ("“... Mr X,” he said")
