"""Label cues: "Name: words" opening a paragraph (a transcript turn, a headline quoting
someone) gives the rest of the paragraph to the name, or to the poll, survey or report the
label names. A name in capitals that opens several paragraphs labels a transcript's turns;
a word tagged as a proper name elsewhere in the report is a name in a headline too.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .relayed import is_media
from .spans import EDGE, Attribution, end_of, trim
from .speakers import owner
from .tables import documents, inverted, not_labels

OPENING, CLOSING = "“‘\"'«", "”’\"'»"


def label_cue(
    sent: Span, text: str, labels: frozenset[str], names: frozenset[str] = frozenset()
) -> Attribution | None:
    """ "Name: words" opening a paragraph (a transcript turn, a headline quoting someone):
    the label is a name (a person or an organisation, or a name in capitals that labels
    several paragraphs of the document) or a poll, survey or report. "Said Name: words"
    opening any sentence is the name's; so is a headline in capitals whose words after
    the colon are a quotation ("Name Verb X: “...”")."""
    colon = next((t for t in sent[:8] if t.text == ":"), None)
    if colon is None or colon.i == sent.start:
        return None
    end = _paragraph_end(text, colon.idx)
    if len(text[end_of(colon) : end].split()) < 3:
        return None
    first = next((t for t in sent if not t.is_punct and not t.is_space), sent[0])
    label = sent.doc[first.i : colon.i]
    opens = sent.start_char == 0 or text[sent.start_char - 1] == "\n"
    if label and _said(label[0]):
        label = label[1:]  # "Said Ellis: ..."
    elif not opens:
        return None
    if not label or len(label) > 8:
        return None
    if not _is_label(label, labels, names):
        label = _headline_speaker(label, text[end_of(colon) : end], text[end:])
        if label is None:
            return None
    head = label[-1]
    found = Attribution(colon, ":", colon.idx, colon.idx + 1, owner(head))
    found.kind, found.speaker_span = "label", (label.start_char, label.end_char)
    found.contents = [trim(text, end_of(colon), end)]
    return found


def _said(token: Token) -> bool:
    """ "Said", "Says", "Added" opening a label: the verb of an inverted report."""
    return token.is_title and token.lower_ in inverted()


def _headline_speaker(label: Span, words: str, below: str) -> Span | None:
    """A headline in capitals quoting someone ("Name Verb X: “...”"): the person opening
    it, when all the words after the colon are between quotation marks; the name ends at
    its last word that the report repeats below (the tagger may take in the verb)."""
    words = words.strip()
    if len(words) < 2 or words[0] not in OPENING or words[-1] not in CLOSING:
        return None
    if not all(t.is_title or t.is_upper or not t.is_alpha or t.is_stop for t in label):
        return None
    first = label[0]
    if first.ent_iob_ != "B" or first.ent_type_ != "PERSON":
        return None
    last = first
    while last.i + 1 < label.end and label.doc[last.i + 1].ent_iob_ == "I":
        last = label.doc[last.i + 1]
    while last.i > first.i and last.text not in below:
        last = label.doc[last.i - 1]
    return label.doc[first.i : last.i + 1]


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
