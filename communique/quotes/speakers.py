"""The speaker of a cue, found in the parse.

The subject of the verb (inherited through "adding that ...", "... and warned", "who said",
"answered by saying", "stopped short of naming", "is determined to warn"), or the agent of
a passive (never its subject: "X was told / accused" names whom the words were for or
about). A written statement ("the ministry's readout said") gives way to its owner (with
none, to whoever issued it: "X issued a statement calling ..."), a dateline or a fronted
prepositional object misread as subject to the person named in apposition to it. A
participle that the parser hangs on the reported clause ("X said the talks had stalled,
arguing that ...") is the reporting speaker's own act, not part of the words reported.
"""

from __future__ import annotations

from spacy.tokens import Token

from .spans import Interval, end_of
from .tables import cue_word, documents, settings

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_RELATIVE = {"who", "which", "that", "whom"}
EXPLETIVE = {"it", "there", "this", "that"}
_OWNER_DEPS = {"poss", "compound", "amod", "pobj", "nmod"}
_OWNER_PREPS = {"from", "by", "of"}
_ADVERBS = ("advmod", "neg")


def relative_of(verb: Token, depth: int = 0) -> Interval | None:
    """The relative pronoun subject of "..., who said ...", the speaker as written in the
    cue's clause, also for a verb that inherits it ("who refused to endorse", "who met and
    called for")."""
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return child.idx, end_of(child)
            return None
    if depth < 3 and verb.dep_ in ("conj", "xcomp") and verb.head is not verb:
        return relative_of(verb.head, depth + 1)
    return None


def speaker_of(verb: Token, depth: int = 0) -> Token | None:
    """The head token of whoever speaks through `verb`, or None. Of two subjects the one
    nearer the verb speaks ("MOSCOW (Reuters) - Russia said": the parser makes the
    dateline a subject too)."""
    for child in sorted(verb.children, key=lambda c: (c.dep_ not in SUBJECTS, -c.i)):
        if child.dep_ == "nsubjpass" and depth == 0:
            continue  # "X was told / accused / urged ...": X is spoken to or of, not speaking
        if child.dep_ in SUBJECTS:
            if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return owner(verb.head)
            if child.lower_ == "there" or (
                child.lower_ in EXPLETIVE and child.dep_ != "nsubj"
            ):  # "it is said that ..." has no speaker; "it said" (an agency) has one
                continue
            return owner(_misread_subject(child))
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return owner(objects[0])
    reporter = _reporting_before(verb)
    if reporter is not None and depth < 3:
        return speaker_of(reporter, depth + 1)
    if verb.dep_ == "acl":  # "a statement saying ...": only a written statement speaks
        return _document_owner(verb.head)
    if own_report(verb):
        return speaker_of(verb.head.head, depth + 1)  # "X said A, arguing that B": X argues
    if depth < 3 and verb.dep_ in ("conj", "advcl", "xcomp", "relcl") and verb.head is not verb:
        if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return owner(verb.head)
        return speaker_of(_clause_head(verb.head), depth + 1)
    governing = _gerund_governor(verb)
    if depth < 3 and governing is not None:
        return speaker_of(governing, depth + 1)
    return None


def own_report(verb: Token) -> bool:
    """A speech verb with no subject that the parser hangs on the words of a cue: "X said
    the talks had stalled, arguing that ...", "X said it was opposed and warned ...". It is
    the reporting speaker's next act, not part of the words reported. Not so before the
    reporting verb: in "X met Y and told him that ..., the ministry said" X tells."""
    clause = verb.head
    if clause.dep_ != "ccomp" or not _reporting(clause.head) or not _reporting(verb, "speech"):
        return False
    if clause.head.i > verb.i:
        return False
    if any(c.dep_ in SUBJECTS for c in verb.children):
        return False
    before = verb.doc[verb.left_edge.i - 1].lower_
    if verb.dep_ == "advcl":  # a participle after a comma, not "if asked", "when pressed"
        marked = any(c.dep_ == "mark" for c in verb.children)
        return verb.tag_ == "VBG" and before == "," and not marked
    return verb.dep_ == "conj" and before in (",", "and")


def _reporting_before(verb: Token) -> Token | None:
    """ "“...,” Sanders said, going on to say ...", "“...,” he said, not even needing to
    mention ...": a participle right after a speech verb and its comma is that speaker's
    next act, whatever the parser hung it on (often a verb inside the quote)."""
    if verb.tag_ != "VBG" or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    i = verb.i - 1
    while i > verb.sent.start and verb.doc[i].head == verb and verb.doc[i].dep_ in _ADVERBS:
        i -= 1
    if i <= verb.sent.start or verb.doc[i].text != ",":
        return None
    before = verb.doc[i - 1]
    for candidate in (before, before.head):
        if candidate.i < verb.i and _reporting(candidate, "speech"):
            return candidate
    return None


def _reporting(verb: Token, *kinds: str) -> bool:
    word = cue_word(verb)
    return word is not None and word.kind in (kinds or ("speech", "belief"))


def _misread_subject(subject: Token) -> Token:
    """ "WASHINGTON -- President Obama, ..., said", "With 50 days until the election, Jane
    Roe, an adviser, said": the parser takes a dateline or the object of a fronted
    preposition as the subject and hangs the speaker on it in apposition. Then the named
    person in apposition speaks; any other subject stands."""
    before = subject.doc[subject.left_edge.i - 1] if subject.left_edge.i > 0 else None
    dateline = subject.is_upper and len(subject) > 1 and subject.i == subject.sent.start
    fronted = before is not None and before.pos_ == "ADP" and before.i >= subject.sent.start
    if not (dateline or fronted):
        return subject
    named = [c for c in subject.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
    return named[0] if named else subject


def _clause_head(head: Token) -> Token:
    """ "X is determined to warn ...": an infinitive under an adjective speaks for the
    subject of the adjective's verb."""
    if head.pos_ == "ADJ" and head.dep_ == "acomp":
        return head.head
    return head


def _gerund_governor(verb: Token) -> Token | None:
    """The verb whose subject does the act of a gerund in its prepositional phrase: "she
    answered by announcing ...", "he was criticized for saying ...". Not under a noun
    ("the practice of saying ..." has no one speaker)."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.dep_ != "prep":
        return None
    governor = prep.head
    if governor.pos_ in ("ADV", "ADJ") and governor.dep_ in ("advmod", "acomp"):
        governor = governor.head  # "stopped short of naming", "apart from saying"
    return governor if governor.pos_ in ("VERB", "AUX") else None


def _document_owner(noun: Token) -> Token | None:
    """The owner of a written statement; with none named, whoever issued it: "the council
    issued a statement calling ..." -> the council."""
    lemma = noun.lemma_.lower()
    if lemma in settings() and lemma not in documents():
        return _occasion_speaker(noun)
    if lemma not in documents():
        return None
    found = owner(noun)
    if found is noun and noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX"):
        return speaker_of(noun.head, 1) or noun
    return found


def _occasion_speaker(noun: Token) -> Token | None:
    """Whoever speaks at an occasion of speech: "she said at a news conference announcing
    that ..." -> she; its owner when it has one ("his speech calling for ...")."""
    found = owner(noun)
    if found is not noun:
        return found
    prep = noun.head
    if noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.pos_ in ("VERB", "AUX"):
        return speaker_of(prep.head, 1)
    return None


def owner(noun: Token) -> Token:
    """A written statement speaks for its owner: "the ministry's statement" -> ministry."""
    if noun.lemma_.lower() not in documents():
        return noun
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in _OWNER_PREPS:
            for grand in child.children:
                if grand.dep_ == "pobj" and grand.lower_ not in ("call", "meeting", "talks"):
                    return grand
    for child in noun.children:
        if child.dep_ in _OWNER_DEPS and child.pos_ in ("PROPN", "NOUN", "PRON", "ADJ"):
            return child
    return noun
