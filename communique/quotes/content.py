"""The words a cue verb introduces, by the complements its row in `data/cues.tsv` allows.

The clausal complement ("said that ...", up to a report of the speaker's own: "...,
arguing that ..." and "... and warned ..." are attributions of their own), the infinitive
of verbs such as "urge" ("urged X to leave"), the object with the cue's own preposition
("talked about X", "accused X of Y") or with what the speaker makes of it ("described X as
Y", "blasted X for Y"; for beliefs, what the holder takes it for: "sees X as Y", "considers
X Y"), a pro-form ("said so", "said as much") or the clause the cue interrupts ("..., she
said"). A preposition of time is not the cue's own ("spoke on Monday", "commented on
Tuesday that ..."). A reported clause the parser hangs elsewhere is still the cue's ("told
reporters that ...", "said after the vote he would ...", "has not said when they would
..."), and so is a gerund right after a speech verb ("admitted taking the money").
"""

from __future__ import annotations

from spacy.tokens import Token

from ..nlp import says_when
from .spans import Interval, end_of, strip_that, trim
from .speakers import own_report
from .tables import CueWord, cue_word, lexicon

_JUDGING = {"as", "for"}  # "described X as Y", "blasted X for Y"


def verb_content(token: Token, word: CueWord, text: str) -> list[Interval]:
    """The spans of the words a cue verb introduces, by the complements its row allows."""
    clauses = [c for c in token.children if c.dep_ == "ccomp" and not _apart(c, token)]
    if not clauses and "clause" in word.words:
        clauses = _misread_clause(token)
    if clauses:  # several clauses of one verb are one clause split by the parser
        first, last = clauses[0].left_edge, clauses[-1].right_edge
        if first.i < token.i < last.i:  # "Y, he said, Z" parsed as clauses of "said"
            return [trim(text, c.left_edge.idx, end_of(c.right_edge)) for c in clauses]
        last = _before_own_report(clauses[-1]) or last
        return [strip_that(text, trim(text, first.idx, end_of(last)))]
    predicate = _predicate_object(token) if "predicate" in word.words else None
    if predicate is not None:
        return [predicate_span(text, predicate)]
    judged = _judged_object(token) if "as" in word.words else None
    if judged is not None:
        return [predicate_span(text, judged)]
    gerund = _gerund(token) if word.kind == "speech" and "clause" in word.words else None
    if gerund is not None:
        return [trim(text, gerund.left_edge.idx, end_of(gerund.right_edge))]
    infinitive = (
        [c for c in token.children if c.dep_ == "xcomp"] if "infinitive" in word.words else []
    )
    if infinitive:
        objects = [
            c for c in token.children if c.dep_ in ("dobj", "pobj") and c.i < infinitive[0].i
        ]
        first = objects[0].left_edge if objects else infinitive[0].left_edge
        return [trim(text, first.idx, end_of(infinitive[0].right_edge))]
    if token.dep_ == "parataxis":
        return _around(token, text)
    objects = _objects(token) if "object" in word.words else []
    return [_object_span(token, o, text) for o in objects[:1]]


def _misread_clause(token: Token) -> list[Token]:
    """A reported clause the parser hangs elsewhere: on the hearer as a relative clause
    whose "that" is no argument of it ("told reporters that the talks had stalled"), or
    as an adverbial clause with a subject and no conjunction after a phrase of time or
    place ("said after the meeting he would resign")."""
    for child in token.rights:
        if child.dep_ == "dobj":
            for clause in child.rights:
                marks = [c for c in clause.lefts if c.dep_ == "mark" and c.lower_ == "that"]
                if clause.dep_ == "relcl" and marks and _has_subject(clause):
                    return [clause]
        if child.dep_ == "advcl" and _has_subject(child) and _bare_finite(child):
            return [child]
        if child.dep_ == "advcl" and child.left_edge.i == token.i + 1 and _question(child):
            return [child]
    return []


def _gerund(token: Token) -> Token | None:
    """A gerund right after the verb is what the speaker says of an act: "admitted using
    the tax code", "suggested looking at X", "denied taking part"; not another cue's own
    ("continued speaking")."""
    for child in token.rights:
        if child.dep_ in ("xcomp", "ccomp") and child.tag_ == "VBG" and child.i == token.i + 1:
            return None if cue_word(child) is not None else child
    return None


def _has_subject(clause: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.lefts)


def _question(clause: Token) -> bool:
    """A reported question the parser reads as an adverbial clause: "have not said whether
    / how / why ...", and "when ..." or "where ..." with a modal ("said when they would
    vote"), not a time ("said when he arrived that ...")."""
    words = [c.lower_ for c in clause.lefts if c.dep_ in ("advmod", "mark")]
    if any(w in ("whether", "how", "why") for w in words):
        return True
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.lefts)
    return modal and any(w in ("when", "where") for w in words)


def _bare_finite(clause: Token) -> bool:
    """A finite clause with no conjunction or wh-word of its own: a clause on its own."""
    if any(c.dep_ in ("mark", "advmod") and c.i < clause.i for c in clause.children):
        return False
    auxes = [c for c in clause.lefts if c.dep_ in ("aux", "auxpass")]
    return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in (clause, *auxes))


def _before_own_report(clause: Token) -> Token | None:
    """The last token of a reported clause before a report of the speaker's own that the
    parser hangs on it (`own_report`); None when there is none."""
    for child in clause.rights:
        if own_report(child):
            end = child.left_edge.i - 1
            while end > clause.i and (child.doc[end].is_punct or child.doc[end].lower_ == "and"):
                end -= 1
            return child.doc[end] if end >= clause.i else None
    return None


def _object_span(token: Token, obj: Token, text: str) -> Interval:
    if obj.dep_ == "advmod":  # "as much" without what the parser hangs on it
        return trim(text, obj.left_edge.idx, end_of(obj))
    return trim(text, obj.left_edge.idx, end_of(_object_end(token, obj)))


def _apart(clause: Token, verb: Token) -> bool:
    """A clause before the cue that a colon or semicolon ends is no part of its words: "Y
    is a term with a definition: it refers to Z", "Y; X said Z"."""
    if clause.i > verb.i:
        return False
    between = verb.doc[clause.right_edge.i + 1 : verb.i]
    return any(t.text in (":", ";") for t in between)


def _around(token: Token, text: str) -> list[Interval]:
    """The clause a parenthetical cue interrupts or ends: "Y, he said, Z" -> Y and Z."""
    head = token.head
    spans = [
        trim(text, head.left_edge.idx, token.left_edge.idx),
        trim(text, end_of(token.right_edge), end_of(head.right_edge)),
    ]
    return [span for span in spans if span[1] > span[0]]


def _predicate_object(token: Token) -> tuple[Token, Token] | None:
    """The object and its predicate: "called the plan a disgrace"; the parser may read
    the two as a small clause, the object the predicate's subject ("consider the offer
    a realistic option")."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    predicates = [c for c in token.children if c.dep_ in ("oprd", "xcomp") and c.i > token.i]
    if objects and predicates and objects[0].i < predicates[0].i:
        return objects[0], predicates[0]
    small = [o for o in objects if any(c.dep_ == "nsubj" for c in o.children)]
    return (small[0], small[0]) if small else None


def _judged_object(token: Token) -> tuple[Token, Token] | None:
    """The object and what it is taken for: "sees the plan as a threat"; the parser may
    hang "as" on the object."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if not objects:
        return None
    for child in (*token.rights, *objects[0].rights):
        after = child.dep_ == "prep" and child.lower_ == "as" and child.i > objects[0].i
        if after and any(not c.is_punct for c in child.children):  # "as a threat", "as void"
            return objects[0], child
    return None


def predicate_span(text: str, pair: tuple[Token, Token]) -> Interval:
    return trim(text, pair[0].left_edge.idx, end_of(pair[1].right_edge))


def _objects(token: Token) -> list[Token]:
    """The direct object, or the object of the cue's own preposition ("called for talks")."""
    direct = [c for c in token.children if c.dep_ == "dobj"]
    if direct:
        return direct
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ == "prep" and f"{lemma} {child.lower_}" in lexicon() and not says_when(child):
            return [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
    return [c for c in token.rights if _pro_form(token, c)][:1]


def _pro_form(token: Token, child: Token) -> bool:
    """ "said so", "said as much": the parser makes the words stood for an adverb."""
    if child.dep_ != "advmod" or child.i > token.i + 2:
        return False
    if child.lower_ == "so":
        return child.i == token.i + 1 and not list(child.children)
    return child.lower_ == "much" and any(c.lower_ == "as" for c in child.lefts)


def _object_end(token: Token, obj: Token) -> Token:
    """The object runs on over the cue's own preposition after it ("accused X of lying",
    "asked her about the emails") and over what the words make of it: "described the
    plan as a disgrace", "mocked him for his taxes", "endorsed her for president"."""
    lemma = token.lemma_.lower()
    end = obj.right_edge
    for child in token.rights:
        if child.i <= obj.i or child.dep_ != "prep":
            continue
        if f"{lemma} {child.lower_}" in lexicon() or _judging(child):
            end = child.right_edge
    return end


def _judging(prep: Token) -> bool:
    """ "as Y" or "for Y" naming what the speaker makes of the object ("as a disgrace",
    "for failing to act"), not when or how long ("for an hour")."""
    if prep.lower_ not in _JUDGING:
        return False
    objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    if not objects:
        return False
    head = objects[0]
    return head.ent_type_ not in ("DATE", "TIME") and not any(
        c.dep_ == "nummod" for c in head.children
    )
