"""Label cues: "Name: words" opening a paragraph (a transcript turn, a headline quoting
someone) gives the rest of the paragraph to the name, or to the poll, survey or report the
label names. A name in capitals that opens several paragraphs labels a transcript's turns;
a word tagged as a proper name elsewhere in the report is a name in a headline too.
"""

from __future__ import annotations

from spacy.tokens import Span

from .relayed import is_media
from .spans import EDGE, Attribution, end_of, trim
from .speakers import owner
from .tables import documents, not_labels


def label_cue(
    sent: Span, text: str, labels: frozenset[str], names: frozenset[str] = frozenset()
) -> Attribution | None:
    """ "Name: words" opening a paragraph (a transcript turn, a headline quoting someone):
    the label is a name (a person or an organisation, or a name in capitals that labels
    several paragraphs of the document) or a poll, survey or report."""
    if sent.start_char > 0 and text[sent.start_char - 1] != "\n":
        return None
    colon = next((t for t in sent[:5] if t.text == ":"), None)
    if colon is None or colon.i == sent.start or len(sent) - (colon.i - sent.start) < 5:
        return None
    first = next((t for t in sent if not t.is_punct and not t.is_space), sent[0])
    label = sent.doc[first.i : colon.i]
    if not label or not _is_label(label, labels, names):
        return None
    head = label[-1]
    found = Attribution(colon, ":", colon.idx, colon.idx + 1, owner(head))
    found.kind, found.speaker_span = "label", (label.start_char, label.end_char)
    found.contents = [trim(text, end_of(colon), _paragraph_end(text, colon.idx))]
    return found


def _is_label(label: Span, labels: frozenset[str], names: frozenset[str]) -> bool:
    if is_media(label[-1]):  # "Photo: X and Y shake hands": a caption, no one's words
        return False
    if len(label) == 1 and label[0].lemma_.lower() in documents():
        return True
    if label.text in labels:
        return True
    if label.text.lower() in not_labels():
        return False
    named = all((t.pos_ == "PROPN" or t.text in names) and not t.is_upper for t in label)
    if len(label) > 3 or not named:
        return False
    return not any(t.ent_type_ in ("GPE", "LOC", "NORP", "DATE", "EVENT") for t in label)


def proper_names(sents: list[Span]) -> frozenset[str]:
    """Words tagged as proper names inside a sentence, where capitals mark a name: a label
    opening a headline ("Ramaphosa: ...") that the tagger reads as a common noun is a name
    when the report names it elsewhere."""
    return frozenset(t.text for sent in sents for t in sent[1:] if t.pos_ == "PROPN")


def repeated_labels(text: str) -> frozenset[str]:
    """Labels in capitals that open two paragraphs or more: the turns of a transcript."""
    seen: dict[str, int] = {}
    for line in text.split("\n"):
        label, colon, _ = line.partition(":")
        label = label.strip(EDGE)
        if colon and label.isupper() and 0 < len(label.split()) <= 3:
            seen[label] = seen.get(label, 0) + 1
    return frozenset(label for label, n in seen.items() if n >= 2)


def _paragraph_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end
