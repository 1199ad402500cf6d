"""Reading the gold event-coreference sets for bench_dedup: MEANTIME (English) and the
SemEval-2015 Task 4 gold timelines. Both come as CAT XML: one `<token>` per word with a
sentence number, and no character offsets.

A document becomes an article text by joining its tokens: one sentence per paragraph
(paragraphs separated by a blank line, the way communique stores text), tokens separated by
one space except before closing punctuation and clitics ("," "." "'s" "n't" ...) and after
opening brackets and "$". `GoldDoc.spans` keeps the character offsets of every token in
that text; a gold mention is the spans of its tokens (a few mentions are discontinuous).

Gold clusters:
- MEANTIME: each EVENT_MENTION is linked by REFERS_TO to an EVENT; an EVENT with an
  `instance_id` is a corpus-level (cross-document) instance, and that id is the cluster.
  An EVENT without one is a chain inside its document: the cluster is (doc, EVENT m_id).
- SemEval-2015: each row of a gold timeline file lists the mentions ("doc-sentence-word")
  of one event; mentions on one row corefer. The same mention may sit in several entities'
  timelines, so rows sharing a mention are united (union-find). The word is located in its
  sentence; when it occurs more than once there, the occurrence that is an EVENT_MENTION
  of the Track B annotation of the same document is taken, else the first.

Data is read in place from ../shared/data and never copied.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

import defusedxml.ElementTree as ET

NO_SPACE_BEFORE = frozenset(
    [
        ",",
        ".",
        ";",
        ":",
        "!",
        "?",
        ")",
        "]",
        "}",
        "%",
        "'s",
        "'",
        "n't",
        "''",
        "'re",
        "'ve",
        "'ll",
        "'d",
        "'m",
    ]
)
NO_SPACE_AFTER = frozenset(["(", "[", "{", "$", "``", "#"])
SHOWN = {"``": '"', "''": '"'}  # PTB quote tokens are written as plain quotes


@dataclass(slots=True)
class GoldMention:
    doc_id: str
    key: str  # unique within the corpus, e.g. "meantime-11716:m25"
    t_ids: tuple[str, ...]
    pieces: tuple[tuple[int, int], ...]  # character span of each token (may be discontinuous)
    text: str
    cluster: str


@dataclass(slots=True)
class GoldDoc:
    doc_id: str
    title: str
    published: dt.date | None
    text: str
    tokens: list[tuple[str, str, int]]  # (t_id, word, sentence)
    spans: dict[str, tuple[int, int]]  # t_id -> (start, end) in `text`
    mentions: list[GoldMention] = field(default_factory=list)

    def article(self) -> dict:
        """The JSONL record communique ingests."""
        published = self.published.isoformat() if self.published else None
        return {"id": self.doc_id, "title": self.title, "published": published, "text": self.text}


def detokenize(tokens: list[tuple[str, str, int]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """The text of (t_id, word, sentence) tokens and each token's character span in it."""
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    at, sentence, glue = 0, None, True
    for t_id, token, sent in tokens:
        word = SHOWN.get(token, token)
        if sentence is not None and sent != sentence:
            parts.append("\n\n")
            at, glue = at + 2, True
        elif not glue and token not in NO_SPACE_BEFORE:
            parts.append(" ")
            at += 1
        spans[t_id] = (at, at + len(word))
        parts.append(word)
        at += len(word)
        sentence, glue = sent, token in NO_SPACE_AFTER
    return "".join(parts), spans


def _tokens(root) -> list[tuple[str, str, int]]:
    return [(t.get("t_id"), t.text or "", int(t.get("sentence"))) for t in root.iter("token")]


def _creation_time(root) -> dt.date | None:
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            try:
                return dt.date.fromisoformat(timex.get("value", "")[:10])
            except ValueError:
                return None
    return None


def _doc(root, doc_id: str) -> GoldDoc:
    tokens = _tokens(root)
    text, spans = detokenize(tokens)
    title = text.split("\n\n", 1)[0]
    return GoldDoc(doc_id, title, _creation_time(root), text, tokens, spans)


def _anchors(markable) -> list[str]:
    return [a.get("t_id") for a in markable.findall("token_anchor")]


def _mention(doc: GoldDoc, key: str, t_ids: list[str], cluster: str) -> GoldMention | None:
    t_ids = [t for t in t_ids if t in doc.spans]
    if not t_ids:
        return None
    pieces = tuple(sorted(doc.spans[t] for t in t_ids))
    text = " ".join(doc.text[s:e] for s, e in pieces)
    return GoldMention(doc.doc_id, key, tuple(t_ids), pieces, text, cluster)


# ---------------------------------------------------------------- MEANTIME


def _meantime_clusters(root, doc_id: str) -> dict[str, str]:
    """EVENT_MENTION m_id -> gold cluster id."""
    events = {e.get("m_id"): e.get("instance_id") for e in root.iter("EVENT")}
    found = {}
    for relation in root.iter("REFERS_TO"):
        target = relation.find("target").get("m_id")
        if target not in events:
            continue
        cluster = events[target] or f"{doc_id}:chain{target}"
        for source in relation.findall("source"):
            found[source.get("m_id")] = cluster
    return found


def read_meantime_doc(path: Path) -> GoldDoc:
    root = ET.parse(path).getroot()
    doc = _doc(root, f"meantime-{root.get('doc_id')}")
    clusters = _meantime_clusters(root, doc.doc_id)
    for markable in root.iter("EVENT_MENTION"):
        m_id = markable.get("m_id")
        cluster = clusters.get(m_id, f"{doc.doc_id}:single{m_id}")
        mention = _mention(doc, f"{doc.doc_id}:m{m_id}", _anchors(markable), cluster)
        if mention:
            doc.mentions.append(mention)
    return doc


def read_meantime(root: Path) -> list[GoldDoc]:
    return [read_meantime_doc(p) for p in sorted(root.glob("intra_cross-doc_annotation/*/*.xml"))]


# ---------------------------------------------------------------- SemEval-2015 Task 4


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def timeline_rows(corpus: Path) -> list[list[str]]:
    """Each gold timeline row's mentions ("doc-sentence-word"), over every timeline file."""
    rows = []
    for path in sorted((corpus / "TimeLines_Gold_Standard").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 3:
                rows.append([f.strip() for f in fields[2:] if f.strip()])
    return rows


def _event_tokens(path: Path) -> set[str]:
    """t_ids anchored by an EVENT_MENTION of a Track B CAT file (empty when absent)."""
    if not path.exists():
        return set()
    root = ET.parse(path).getroot()
    return {t for m in root.iter("EVENT_MENTION") for t in _anchors(m)}


def _locate(doc: GoldDoc, sentence: int, word: str, events: set[str]) -> list[str]:
    """The t_ids of `word` in `sentence` ("push_back": "push", then the next "back" of the
    sentence); among several occurrences, the annotated event token, else the first."""
    tokens = [(t, w) for t, w, s in doc.tokens if s == sentence]
    found = []
    for i, (t_id, w) in enumerate(tokens):
        parts = word.split("_")
        if w != parts[0]:
            continue
        chosen, rest = [t_id], parts[1:]
        for later, w2 in tokens[i + 1 :]:
            if rest and w2 == rest[0]:
                chosen.append(later)
                rest = rest[1:]
        if not rest:
            found.append(chosen)
    preferred = [ids for ids in found if ids[0] in events]
    return (preferred or found or [[]])[0]


def read_semeval_corpus(corpus: Path) -> list[GoldDoc]:
    docs: dict[str, GoldDoc] = {}
    events: dict[str, set[str]] = {}
    for path in sorted((corpus / "corpus_trackA_CAT").glob("*.xml")):
        root = ET.parse(path).getroot()
        number = root.get("doc_id")
        docs[number] = _doc(root, f"semeval-{number}")
        events[number] = _event_tokens(corpus / "corpus_trackB_CAT" / path.name)
    uf = _UnionFind()
    rows = timeline_rows(corpus)
    for row in rows:
        for other in row[1:]:
            uf.union(row[0], other)
    seen: set[str] = set()
    for ref in (r for row in rows for r in row):
        number, sentence, word = (ref.split("-", 2) + ["", ""])[:3]
        if ref in seen or number not in docs or not sentence.isdigit():
            continue
        seen.add(ref)
        doc = docs[number]
        t_ids = _locate(doc, int(sentence), word, events[number])
        mention = _mention(doc, ref, t_ids, uf.find(ref)) if t_ids else None
        if mention:
            doc.mentions.append(mention)
    return list(docs.values())


def read_semeval(root: Path) -> list[GoldDoc]:
    docs = []
    for corpus in sorted((root / "SemEval_Task4_data").glob("corpus_*")):
        docs.extend(read_semeval_corpus(corpus))
    return docs


def write_jsonl(docs: list[GoldDoc], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for doc in docs:
            out.write(json.dumps(doc.article(), ensure_ascii=False) + "\n")
