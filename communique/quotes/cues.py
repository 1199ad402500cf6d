"""Cues of reported speech in a dependency parse: the cue word, its speaker and its words.

A cue is a speech verb from `data/cues.tsv` ("said", "warned", "point out") or the
preposition "according to". Its speaker comes from the parse: the subject of the verb
(inherited through "adding that ...", "... and warned", "who said", "answered by saying",
"stopped short of naming", "is determined to warn"), the agent of a passive (never its
subject: "X was told / accused" names whom the words were for or about), or the object of
"according to"; a written statement ("the ministry's readout said") gives way to its owner
(with none, to whoever issued it: "X issued a statement calling ..."), a dateline or a
fronted prepositional object misread as subject to the person named in apposition to it.
A participle that the parser hangs on the reported clause ("X said the talks had stalled,
arguing that ...") is the reporting speaker's act. Its words are the clausal complement
("said that ...", up to such a report of the speaker's own: "..., arguing that ..." and
"... and warned ..." are attributions of their own), the infinitive of verbs such as
"urge" ("urged X to leave"), the object with the cue's own preposition ("talked about X",
"accused X of Y") or with what the speaker makes of it ("described X as Y", "blasted X for
Y"; for beliefs, what the holder takes it for: "sees X as Y", "considers X Y"), a
pro-form ("said so", "said as much"), the clause the cue interrupts ("..., she said") or,
for "according to", the rest of its sentence. A preposition of time is not the cue's own
("spoke on Monday", "commented on Tuesday that ...").

Beliefs held as adjectives or in a phrase ("X is confident that", "in his view") are
in stances.py.

A noun of speech or position (`data/noun_cues.tsv`: "his claim that ...", "a pledge to
...", "an assessment of ...") is a cue too when its complement follows; its speaker is
its owner (possessive, "by/from X", the subject of a light verb: "X issued a warning
that ...", a name before it: "a Reuters report that ...", the subject of a verb the tagger
read as a noun: "the minister claims that", "Lee charges that"), else unresolved. A subject
inside quotation marks (a show title after "said on") is no speaker; the person's name
between the closing mark and ", said" is. "what he called Y" inside another cue's words
is part of them, not a cue of its own (attribute.py).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from ..nlp import says_when

Interval = tuple[int, int]

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_RELATIVE = {"who", "which", "that", "whom"}
EXPLETIVE = {"it", "there", "this", "that"}
_NOUN_RIGHT = {"compound", "flat", "nummod", "prep", "pobj"}
_EDGE = " \t\n,;:—–-\"“”„«»'‘’()"
_OWNER_DEPS = {"poss", "compound", "amod", "pobj", "nmod"}
_OWNER_PREPS = {"from", "by", "of"}
_NOUN_CLAUSES = ("acl", "ccomp", "relcl")
_CLOSING = {"”", '"', "''", "»"}
_JUDGING = {"as", "for"}  # "described X as Y", "blasted X for Y"
_NOT_OWNERS = {"DATE", "TIME", "EVENT", "LAW", "WORK_OF_ART", "FAC", "PRODUCT"}
_VERB_KINDS = ("speech", "belief", "relay", "according")


@dataclass(frozen=True, slots=True)
class CueWord:
    kind: str  # speech, belief, relay, according or document
    words: frozenset[str]  # clause, infinitive, object, predicate


@lru_cache(maxsize=1)
def _rows() -> list[tuple[str, CueWord]]:
    text = resources.files(__package__).joinpath("data", "cues.tsv").read_text("utf-8")
    rows = csv.reader(
        (line for line in text.splitlines() if line and line[0] != "#"), delimiter="\t"
    )
    return [(cue, CueWord(kind, frozenset(words.split(",")))) for cue, kind, words in rows]


@lru_cache(maxsize=1)
def lexicon() -> dict[str, CueWord]:
    """The cue verbs of data/cues.tsv, keyed by lemma or "lemma particle"."""
    return {cue: word for cue, word in _rows() if word.kind in _VERB_KINDS}


@lru_cache(maxsize=1)
def adjectives() -> dict[str, frozenset[str]]:
    """Adjectives of belief or stance with the complements that carry what is held
    ("confident that ...", "critical of X"), keyed by the word as written."""
    return {cue: word.words for cue, word in _rows() if word.kind == "adjective"}


@lru_cache(maxsize=1)
def viewpoints() -> frozenset[str]:
    """Nouns that make "in X's view, ...", "in a new poll, ..." an attribution."""
    return frozenset(cue for cue, word in _rows() if word.kind == "in")


@lru_cache(maxsize=1)
def documents() -> frozenset[str]:
    """Nouns for a written statement, whose owner speaks ("the ministry's readout")."""
    return frozenset(cue for cue, word in _rows() if word.kind == "document")


@dataclass(slots=True, eq=False)
class Attribution:
    """One cue with its speaker span and the spans of the words it introduces.

    Offsets index the article text. `relayed_by` is the attribution that relays this one
    ("X reaffirmed ..., the spokesman said"); `relays` marks that outer attribution.
    """

    token: Token
    cue: str
    start: int
    end: int
    speaker: Token | None = None
    speaker_span: Interval | None = None
    contents: list[Interval] = field(default_factory=list)
    quotes: list[Interval] = field(default_factory=list)
    introduces: bool = False  # ends in a colon: the words follow ("He wrote: ...")
    kind: str = "speech"  # the cue word's kind in data/cues.tsv
    relative: Interval | None = None  # "who" when the speaker came through a relative pronoun
    relayed_by: Attribution | None = None
    relays: bool = False

    @property
    def source_span(self) -> Interval | None:
        """The speaker as written in the cue's own clause: the relative pronoun of "the
        senator, who said ..." (its antecedent is `speaker`), else the speaker span."""
        return self.relative or self.speaker_span

    @property
    def content_heads(self) -> list[Token]:
        if self.kind == "noun":
            return []  # "his claim that X warned ...": the claim is his, not a relay of X
        if self.cue == "according to":
            return [self.token.head] if self.token.head.pos_ in ("VERB", "AUX") else []
        heads = [child for child in self.token.children if child.dep_ == "ccomp"]
        # "X spoke to Y and told him that ..., the ministry said": each act before the cue
        acts = [c for h in heads for c in h.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        return heads + [c for c in acts if c.i < self.token.i]


def find_cues(
    sent: Span,
    quoted,
    text: str,
    labels: frozenset[str] = frozenset(),
    names: frozenset[str] = frozenset(),
) -> list[Attribution]:
    """The cues of one sentence whose cue word is outside quotation marks."""
    label = label_cue(sent, text, labels, names)
    found = [label] if label is not None else []
    for token in sent:
        if quoted(token.idx):
            continue
        if (
            token.lower_ == "according"
            and token.i + 1 < len(token.doc)
            and token.nbor().lower_ == "to"
        ):
            found.append(_according(token, sent, text))
            continue
        if token.pos_ == "NOUN":
            noun = noun_cue(token, text)
            if noun is not None:
                found.append(noun)
            continue
        word = cue_word(token)
        if word is not None and word.kind in ("speech", "belief"):
            cue = verb_cue(token, word, text)
            if cue.speaker is None or quoted(cue.speaker.idx):
                _name_after_quote(cue, token)
            if word.kind == "speech" or (cue.contents and cue.speaker is not None):
                found.append(cue)  # a belief needs its holder and its complement
    return found


@lru_cache(maxsize=1)
def _noun_rows() -> list[tuple[str, str, frozenset[str]]]:
    text = resources.files(__package__).joinpath("data", "noun_cues.tsv").read_text("utf-8")
    rows = csv.reader(
        (line for line in text.splitlines() if line and line[0] != "#"), delimiter="\t"
    )
    return [(word, kind, frozenset(words.split(","))) for word, kind, words in rows]


@lru_cache(maxsize=1)
def noun_cues() -> dict[str, frozenset[str]]:
    """The noun cues of data/noun_cues.tsv with the complements that carry their words."""
    return {word: words for word, kind, words in _noun_rows() if kind == "noun"}


@lru_cache(maxsize=1)
def light_verbs() -> frozenset[str]:
    """Verbs that hand their subject to a noun cue object ("X issued a warning that")."""
    return frozenset(word for word, kind, _ in _noun_rows() if kind == "light")


def noun_cue(token: Token, text: str) -> Attribution | None:
    """ "his claim that ...", "a warning from X that ...", "X's decision to ...": a noun of
    speech or position with its complement; without one it is no cue ("the claim")."""
    words = noun_cues().get(token.lemma_.lower())
    if words is None:
        return None
    contents = noun_content(token, words, text)
    if not contents:
        return None
    found = Attribution(token, token.text, token.idx, end_of(token))
    found.kind, found.contents = "noun", contents
    found.speaker = noun_owner(token)
    found.speaker_span = noun_span(found.speaker) if found.speaker is not None else None
    return found


def noun_content(noun: Token, words: frozenset[str], text: str) -> list[Interval]:
    """The "that" clause, the infinitive or the object of the noun's own preposition."""
    for child in noun.rights:
        if child.dep_ in _NOUN_CLAUSES and "clause" in words and that_clause(child):
            return [strip_that(text, trim(text, child.left_edge.idx, end_of(child.right_edge)))]
        if child.dep_ in ("acl", "xcomp") and "infinitive" in words and _infinitive(child):
            return [trim(text, child.left_edge.idx, end_of(child.right_edge))]
        if child.dep_ == "prep" and child.lower_ in words:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                return [trim(text, objects[0].left_edge.idx, end_of(objects[0].right_edge))]
    return []


def that_clause(verb: Token) -> bool:
    """A complement clause opened by "that" as its conjunction; the parser may call it a
    relative clause, but in a true one "that" is the subject or object, not the mark."""
    return any(c.dep_ == "mark" and c.lower_ == "that" and c.i < verb.i for c in verb.children)


def _infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def noun_owner(noun: Token) -> Token | None:
    """Whose claim it is: the possessive ("his claim"), "by/from X", the subject of a
    light verb taking it as object ("X made the claim that ...") or of the verb it fills in
    with "in" ("X persisted in the claim that ..."), a name before it ("a Reuters report
    that ..."), or the subject of a verb the tagger read as a noun ("the minister claims that",
    "Lee charges that ..." with "Lee" a compound). No owner: None."""
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ == "nsubj" and noun.dep_ == "ROOT"):
            return child  # "his claim"; "the minister claims that ..." read as a noun
    if noun.dep_ == "ROOT" and noun.tag_ == "NNS" and noun.i > noun.sent.start:
        first = noun.doc[noun.i - 1]  # "Lee charges that ...": a verb read as a plural noun
        if first.dep_ == "compound" and first.head == noun and first.i == noun.sent.start:
            return first
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return owner(objects[0])
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in light_verbs():
        return speaker_of(noun.head)
    named = [c for c in noun.children if c.dep_ == "compound" and names_owner(c)]
    if named:
        return named[-1]  # "a Reuters report that ...", "the Kremlin statement that ..."
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "in" and prep.head.pos_ in ("VERB", "AUX"):
        return speaker_of(prep.head)  # "X persisted in the claim that", "in the hope that"
    return None


def names_owner(token: Token) -> bool:
    """A proper name before a noun cue that can own it (not "the May report")."""
    return token.pos_ == "PROPN" and token.ent_type_ not in _NOT_OWNERS


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
    if len(label) == 1 and label[0].lemma_.lower() in documents():
        return True
    if label.text in labels:
        return True
    if label.text.lower() in _not_labels():
        return False
    named = all((t.pos_ == "PROPN" or t.text in names) and not t.is_upper for t in label)
    if len(label) > 3 or not named:
        return False
    return not any(t.ent_type_ in ("GPE", "LOC", "NORP", "DATE", "EVENT") for t in label)


@lru_cache(maxsize=1)
def _not_labels() -> frozenset[str]:
    return frozenset(cue for cue, word in _rows() if word.kind == "notlabel")


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
        label = label.strip(_EDGE)
        if colon and label.isupper() and 0 < len(label.split()) <= 3:
            seen[label] = seen.get(label, 0) + 1
    return frozenset(label for label, n in seen.items() if n >= 2)


def _paragraph_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def cue_word(token: Token) -> CueWord | None:
    if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN"):
        return None
    table = lexicon()
    lemma = token.lemma_.lower()
    for child in token.rights:  # "On Friday X called ...": a preposition before is no particle
        if child.dep_ == "prt" or (child.dep_ == "prep" and not says_when(child)):
            word = table.get(f"{lemma} {child.lower_}")
            if word is not None:
                return word
    word = table.get(lemma)
    if word is None and token.lower_ in (f"{lemma}es", f"{lemma}ed", f"{lemma}ing"):
        word = table.get(f"{lemma}e")  # the lemmatizer's "hopes", "hoped", "hoping" -> "hop"
    return word


def verb_cue(token: Token, word: CueWord, text: str) -> Attribution:
    particle = [c for c in token.children if c.dep_ == "prt"]
    end = (
        particle[0]
        if particle and f"{token.lemma_.lower()} {particle[0].lower_}" in lexicon()
        else token
    )
    found = Attribution(token, token.doc[token.i : end.i + 1].text, token.idx, end.idx + len(end))
    found.kind = word.kind
    found.speaker = speaker_of(token)
    found.relative = relative_of(token)
    found.speaker_span = noun_span(found.speaker) if found.speaker is not None else None
    found.contents = verb_content(token, word, text)
    found.introduces = any(c.text == ":" and c.i > token.i for c in token.children)
    return found


def _according(token: Token, sent: Span, text: str) -> Attribution:
    to = token.nbor()
    found = Attribution(token, "according to", token.idx, to.idx + len(to))
    objects = [c for c in (*to.children, *token.children) if c.dep_ == "pobj"]
    if objects:
        found.speaker = owner(objects[0])
        found.speaker_span = noun_span(found.speaker)
    found.contents = _rest_of_sentence(token, sent, text)
    return found


def _rest_of_sentence(token: Token, sent: Span, text: str) -> list[Interval]:
    """The longer side of the sentence around the phrase `token` heads."""
    phrase = (token.left_edge.idx, end_of(token.right_edge))
    before = trim(text, sent.start_char, phrase[0])
    after = trim(text, phrase[1], sent.end_char)
    longest = max((before, after), key=lambda span: span[1] - span[0])
    return [longest] if longest[1] > longest[0] else []


def _name_after_quote(cue: Attribution, verb: Token) -> None:
    """'“...,” Flynn, a top adviser, said on “Fox and Friends.”': the parser may hang the
    name on the quote and take words after the verb as its subject. A speaker inside
    quotation marks is none; a person's name that opens the stretch between the closing
    mark and ", said" (with at most its apposition, no verb) is the speaker. Anything else
    leaves the speaker unresolved."""
    cue.speaker = cue.speaker_span = cue.relative = None
    doc, sent = verb.doc, verb.sent
    if verb.i - 1 <= sent.start or doc[verb.i - 1].text != ",":
        return
    i = verb.i - 2
    while i >= sent.start and doc[i].text not in _CLOSING:
        i -= 1
    phrase = list(doc[i + 1 : verb.i - 1])
    if i < sent.start or not phrase or any(t.pos_ in ("VERB", "AUX") for t in phrase):
        return
    first = phrase[0]
    if first.ent_iob_ != "B" or first.ent_type_ != "PERSON":
        return
    name = first
    while name.i + 1 < verb.i and doc[name.i + 1].ent_iob_ == "I":
        name = doc[name.i + 1]
    rest = phrase[name.i - first.i + 1 :]
    if rest and rest[0].text != ",":
        return  # more than a name and its apposition: ambiguous
    cue.speaker, cue.speaker_span = name, (first.idx, end_of(name))


def is_naming(cue: Attribution) -> bool:
    """ "condemned what he called a breach": a pronoun's name for the thing another cue's
    words are about. Inside that cue's words it is part of them, not an attribution."""
    token = cue.token
    return (
        token.lemma_.lower() == "call"
        and cue.speaker is not None
        and cue.speaker.pos_ == "PRON"
        and any(c.dep_ == "dobj" and c.lower_ == "what" for c in token.children)
    )


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
    if verb.dep_ == "acl":  # "a statement saying ...": only a written statement speaks
        return _document_owner(verb.head)
    if _own_report(verb):
        return speaker_of(verb.head.head, depth + 1)  # "X said A, arguing that B": X argues
    if depth < 3 and verb.dep_ in ("conj", "advcl", "xcomp", "relcl") and verb.head is not verb:
        if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return owner(verb.head)
        return speaker_of(_clause_head(verb.head), depth + 1)
    governing = _gerund_governor(verb)
    if depth < 3 and governing is not None:
        return speaker_of(governing, depth + 1)
    return None


def _own_report(verb: Token) -> bool:
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
    if noun.lemma_.lower() not in documents():
        return None
    found = owner(noun)
    if found is noun and noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX"):
        return speaker_of(noun.head, 1) or noun
    return found


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


def noun_span(head: Token) -> Interval:
    """The noun phrase of `head` without appositions, relative clauses or commas."""
    right = head
    for child in head.rights:
        if child.dep_ not in _NOUN_RIGHT:
            break
        right = child.right_edge
    left = head.left_edge
    for token in head.lefts:
        if token.dep_ in ("punct", "cc", "conj", "appos"):
            left = token.doc[token.right_edge.i + 1]
    return left.idx, end_of(right)


def verb_content(token: Token, word: CueWord, text: str) -> list[Interval]:
    """The spans of the words a cue verb introduces, by the complements its row allows."""
    clauses = [c for c in token.children if c.dep_ == "ccomp"]
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


def _before_own_report(clause: Token) -> Token | None:
    """The last token of a reported clause before a report of the speaker's own that the
    parser hangs on it (`_own_report`); None when there is none."""
    for child in clause.rights:
        if _own_report(child):
            end = child.left_edge.i - 1
            while end > clause.i and (child.doc[end].is_punct or child.doc[end].lower_ == "and"):
                end -= 1
            return child.doc[end] if end >= clause.i else None
    return None


def _object_span(token: Token, obj: Token, text: str) -> Interval:
    if obj.dep_ == "advmod":  # "as much" without what the parser hangs on it
        return trim(text, obj.left_edge.idx, end_of(obj))
    return trim(text, obj.left_edge.idx, end_of(_object_end(token, obj)))


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


def strip_that(text: str, span: Interval) -> Interval:
    if text[span[0] : span[0] + 5].lower() == "that ":
        return trim(text, span[0] + 5, span[1])
    return span


def trim(text: str, start: int, end: int) -> Interval:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE + ".":
        end -= 1
    return start, end


def end_of(token: Token) -> int:
    return token.idx + len(token)
