"""An EntityRuler fed from the knowledge base, placed before the statistical NER.

The small English model tags capitals as PERSON and demonyms or surnames as GPE/NORP; the
ruler pins every knowledge-base form first (countries and capitals -> GPE, demonyms ->
NORP, seats of government -> FAC, organisations and government bodies -> ORG), so the
NER only labels what is left. Each span's `ent_id_` is `kind:key` (`country:ARM`,
`metonym:RUS`, `organisation:IGO/NATO`, `body:foreign-ministry`), which the actor stage
reads back instead of looking the text up again. Titles are not entities.

Patterns are phrase patterns on LOWER (fast, case-insensitive); a small component right
after the ruler drops matches of proper names whose case shows ordinary words: "turkey",
"chad", a sentence-initial "Who" for the WHO, "us" for the US, "Russia today". Government
bodies ("the foreign ministry") may be written in lower case and are kept.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

RULER_NAME = "communique_ruler"
CASE_NAME = "communique_ruler_case"
LABELS = {
    "country": "GPE",
    "adjective": "NORP",
    "plural": "NORP",
    "capital": "GPE",
    "metonym": "FAC",
    "organisation": "ORG",
    "body": "ORG",
}
# Kinds whose forms are proper names: an all-lowercase match is an ordinary word.
PROPER = frozenset({"country", "adjective", "plural", "capital", "metonym", "organisation"})


def add_entity_ruler(nlp: Language) -> None:
    """Add the knowledge-base EntityRuler (and its case filter) before "ner". Idempotent."""
    if RULER_NAME in nlp.pipe_names:
        return
    before = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe(
        "entity_ruler",
        name=RULER_NAME,
        before=before,
        config={"phrase_matcher_attr": "LOWER", "validate": False, "overwrite_ents": True},
    )
    # Phrase patterns on LOWER need only the tokenizer: without this, add_patterns runs
    # every component before the ruler over ~3,000 patterns (seconds per process).
    others = [name for name in nlp.pipe_names if name != RULER_NAME]
    with nlp.select_pipes(disable=others):
        ruler.add_patterns(list(patterns()))
    nlp.add_pipe(CASE_NAME, after=RULER_NAME)


@lru_cache(maxsize=1)
def patterns() -> tuple[dict, ...]:
    """Phrase patterns for every knowledge-base surface form (built once per process)."""
    from . import kb

    seen: set[tuple[str, str]] = set()
    out: list[dict] = []
    for form, kind, key in kb.load().surface_forms():
        label = LABELS.get(kind)
        if label is None:
            continue
        for text in _variants(form, kind):
            if (text.lower(), kind) in seen or not text.strip():
                continue
            seen.add((text.lower(), kind))
            out.append({"label": label, "pattern": text, "id": f"{kind}:{key}"})
    return tuple(out)


def _variants(form: str, kind: str) -> list[str]:
    """The form, and without a leading article when what is left is distinctive
    ("the Kremlin" -> "Kremlin"; "the States" stays whole)."""
    form = form.strip()
    if form.lower().startswith("the "):
        rest = form[4:]
        if " " in rest or kind in ("metonym", "organisation", "body"):
            return [rest]
    return [form]


@lru_cache(maxsize=1)
def _casings() -> dict[str, tuple[str, ...]]:
    """Lowercased pattern text -> the knowledge base's spellings of it (case kept)."""
    out: dict[str, list[str]] = {}
    for pattern in patterns():
        text = pattern["pattern"]
        out.setdefault(text.lower(), []).append(text)
    return {k: tuple(v) for k, v in out.items()}


def _case_fits(form: str, text: str) -> bool:
    """Does the matched text keep the capitals the form has? "Russia Today" fits "RUSSIA
    TODAY" but not "Russia today"; "WHO" fits "WHO" but not "Who"; a mixed-case form fits
    itself or capitals only ("LeT" is not the "Let" opening a sentence)."""
    for want, got in zip(form.split(), text.split(), strict=False):
        letters = want.replace(".", "")
        if len(letters) > 1 and letters.isupper() and not got.isupper():
            return False
        mixed = any(c.isupper() for c in letters[1:]) and not letters.isupper()
        if mixed and got != want and not got.isupper():  # "LeT" is no "Let"
            return False
        if want[:1].isupper() and got[:1].islower():
            return False
    return True


@Language.component(CASE_NAME)
def drop_lowercase_matches(doc: Doc) -> Doc:
    """Remove ruler matches whose case shows an ordinary word ("us", "turkey", "Who")."""
    keep, dropped, trimmed = [], [], False
    for span in doc.ents:
        if not _ordinary_word(span):
            keep.append(span)
        elif _article_lowered(span):  # "the Maldives" for "The Maldives": the name stays
            keep.append(Span(doc, span.start + 1, span.end, span.label, span_id=span.id))
            span[0].ent_id_ = ""
            trimmed = True
        else:
            dropped.append(span)
    if dropped or trimmed:
        for span in dropped:
            for token in span:
                token.ent_id_ = ""  # or the NER's later span over it would inherit the id
        doc.ents = keep  # as the EntityRuler itself assigns: other tokens stay open to the NER
    return doc


def _ordinary_word(span: Span) -> bool:
    kind = span.ent_id_.partition(":")[0]
    if kind not in PROPER:
        return False
    text = span.text
    forms = _casings().get(text.lower(), (text,))
    return not any(_case_fits(form, text) for form in forms)


def _article_lowered(span: Span) -> bool:
    """A name whose listed form opens with "The" ("The Maldives", "The Gambia"), written
    with a lower-case article inside a sentence: the rest is the name."""
    if len(span) < 2 or span[0].text != "the":
        return False
    forms = _casings().get(span.text.lower(), ())
    rest = span[1:].text
    return any(f.startswith("The ") and _case_fits(f[4:], rest) for f in forms)
