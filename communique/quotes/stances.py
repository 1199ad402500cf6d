"""Beliefs and stances held without a verb of speech or belief: an adjective ("X is
confident that ...", "X made clear that ...", "X has been critical of Y") and a phrase set
off by commas ("In his view, ...", "..., in the eyes of X, ...", "In a new poll, ...").

An adjective is a belief of the subject of the adjective or of the verb it completes, with
its clause or the object of its own preposition (`data/cues.tsv`, kind "adjective"); with no
holder ("it is clear that ...") or no complement it is no cue, nor is "make sure that" (to
ensure). A phrase "in X" (kind "in": "view", "eyes", "poll", ...) gives the rest of its
clause to the holder ("his view", "the view of X") or to the poll, its owner ("a Reuters
poll") or itself, unless the clause has a cue verb of its own ("In a statement, X said").
A setting of speech (kind "setting": "In a statement, X was cautious", "in an interview")
gives it to its owner, else to the clause's subject.
Both are beliefs: they need a holder, and inside another cue's words they are part of them.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .nouns import names_owner, that_clause
from .spans import Attribution, Interval, end_of, noun_span, strip_that, trim
from .speakers import EXPLETIVE, SUBJECTS, owner, relative_of, speaker_of
from .tables import adjectives, cue_word, documents, settings, viewpoints

_ENSURE = {"sure", "certain"}  # "make sure that" ensures; "make clear that" states


def find_stances(sent: Span, quoted, text: str) -> list[Attribution]:
    """The adjective and phrase cues of one sentence outside quotation marks."""
    found = []
    for token in sent:
        if quoted(token.idx):
            continue
        if token.lower_ == "in" and token.dep_ == "prep":
            found.append(viewpoint_cue(token, sent, text))
        elif token.lower_ in adjectives() and token.pos_ in ("ADJ", "VERB"):
            found.append(adjective_cue(token, text))
    return [cue for cue in found if cue is not None]


def viewpoint_cue(token: Token, sent: Span, text: str) -> Attribution | None:
    """ "In his view, ...", "..., in the eyes of the farmers.", "In a new poll, ...": a
    phrase set off by commas that gives the rest of the sentence as someone's view or a
    poll's finding. The holder is the possessive or "of X"; a poll or study with no owner
    speaks for itself. A clause whose verb is a cue of its own ("In a statement, X said")
    is that cue's."""
    nouns = [c for c in token.children if c.dep_ == "pobj"]
    if not nouns or not _set_off(token, sent):
        return None
    noun, verb = nouns[0], token.head
    if verb.dep_ in SUBJECTS and verb.head is not verb:
        verb = verb.head  # "The levy, in the eyes of the growers, is ...": on the subject
    lemma = noun.lemma_.lower()
    setting = lemma in settings()
    if noun.lower_ not in viewpoints() and lemma not in viewpoints() and not setting:
        return None
    if verb.pos_ not in ("VERB", "AUX") or cue_word(verb) is not None:
        return None
    holder = _holder(noun, lemma in documents())
    if setting and (holder is None or holder is noun):
        holder = speaker_of(verb)  # "In a statement, the ministry was more cautious"
    if holder is None:
        return None
    found = Attribution(token, text[token.idx : end_of(noun)], token.idx, end_of(noun), holder)
    found.kind, found.speaker_span = "belief", noun_span(holder)
    found.contents = _clause_around(token, verb, text)
    return found


def _clause_around(phrase: Token, verb: Token, text: str) -> list[Interval]:
    """The words of the verb's clause on either side of a phrase set off inside it."""
    spans = [
        trim(text, verb.left_edge.idx, phrase.left_edge.idx),
        trim(text, end_of(phrase.right_edge), end_of(verb.right_edge)),
    ]
    return [span for span in spans if span[1] > span[0]]


def _set_off(phrase: Token, sent: Span) -> bool:
    """A phrase opening its sentence or after a comma, and ending before a comma or the
    sentence's end."""
    doc = phrase.doc
    first, last = phrase.left_edge.i, phrase.right_edge.i
    opens = first == sent.start or doc[first - 1].text == ","
    after = doc[last + 1] if last + 1 < sent.end else None
    return opens and (after is None or after.text == "," or after.is_sent_end)


def _holder(noun: Token, document: bool) -> Token | None:
    """Whose view: "his view", "the view of the ministry". A poll or study is its
    owner's ("a Reuters poll", "a poll by X"), else speaks for itself."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in (("by", "from") if document else ("of",)):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    named = [c for c in noun.children if c.dep_ == "compound" and names_owner(c)]
    if document:
        return named[-1] if named else noun
    return None


def adjective_cue(token: Token, text: str) -> Attribution | None:
    """ "X is confident that ...", "X made clear that ...", "X was convinced that ...",
    "X has been critical of Y": a belief or stance held by the subject, with its
    complement. No holder ("it is clear that ...") or no complement: no cue."""
    words = adjectives()[token.lower_]
    contents = _adjective_content(token, words, text)
    holder = _adjective_holder(token)
    if not contents or holder is None:
        return None
    found = Attribution(token, token.text, token.idx, end_of(token), holder)
    found.kind, found.contents = "belief", contents
    found.speaker_span = noun_span(holder)
    if token.head is not token:
        found.relative = relative_of(token.head)
    return found


def _adjective_content(token: Token, words: frozenset[str], text: str) -> list[Interval]:
    """The clause or the object of the adjective's preposition; the parser may hang the
    clause on the verb the adjective completes ("made clear that ...")."""
    after = [c for c in token.head.rights if c.i > token.i] if token.head is not token else []
    for child in (*token.rights, *after):
        clause = child.dep_ == "ccomp" or (
            child.dep_ in ("advcl", "csubj") and child.i > token.i and that_clause(child)
        )  # "made it clear that ..." may read the clause as an adverbial or the subject
        if clause and "clause" in words:
            return [strip_that(text, trim(text, child.left_edge.idx, end_of(child.right_edge)))]
        if child.dep_ == "prep" and child.lower_ in words:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                return [trim(text, objects[0].left_edge.idx, end_of(objects[0].right_edge))]
    return []


def _adjective_holder(token: Token) -> Token | None:
    """The subject of the adjective ("the union was convinced") or of the verb it
    completes ("is confident", "made it clear", "seems sure"); never "it" or "there",
    nor anyone who makes sure (ensures) that something happens."""
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects and subjects[0].lower_ not in EXPLETIVE:
        return owner(subjects[0])
    head = token.head
    if head is token or head.pos_ not in ("VERB", "AUX"):
        return None
    if token.dep_ not in ("acomp", "ccomp", "oprd", "xcomp", "advcl"):
        return None
    if head.lemma_.lower() == "make" and token.lower_ in _ENSURE:
        return None  # "the plan makes sure that ...": an act, not a belief
    holder = speaker_of(head)
    return None if holder is None or holder.lower_ in EXPLETIVE else holder
