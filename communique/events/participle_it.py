"""The object "it" of a participle clause is the object of the act it comments on.

"X suspended the broadcaster RFI, accusing it of relaying a threat": the participle clause
(parsed as an adverbial clause on "suspended") says why X acted, and its "it" is what X
acted on. Only for "it": "him" and "her" are persons, told apart in participants.py.

    participle_it(token, index, context) -> list[str]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from . import participants as args

if TYPE_CHECKING:  # participants calls this module: its names are read at call time
    from .participants import Context, MentionIndex


def participle_it(token: Token, index: MentionIndex, context: Context) -> list[str]:
    """The actors named by the object of the verb a participle clause hangs on, or []."""
    verb = token.head
    if token.lower_ != "it" or token.dep_ != "dobj" or verb.dep_ != "advcl" or verb.tag_ != "VBG":
        return []
    objects = [c for c in verb.head.children if c.dep_ == "dobj"]
    return args.group(objects, index, context)
