"""Quote attribution against PolNeAR (Newell, Margolin & Ruths, LREC 2018).

Data: ../shared/data/polnear/{dev,test}: news texts with brat standoff annotations of
attribution relations (Source, Cue and Content spans tied by an event line). No licence is
stated, so the data is read for evaluation only and nothing of it is copied. Articles
annotated by several annotators count once per annotation file (micro-average).

Matching (our definition; the corpus paper gives none for span overlap):
- two spans overlap when they share at least one letter or digit (at least one token);
  discontinuous gold spans are the union of their fragments;
- content: predicted attributions (`communique.quotes.attributions`: each cue with the
  union of its indirect content and the direct quotes attached to it, overlapping spans
  merged so that a quote inside the indirect content counts once) are paired one to
  one with gold attributions by content overlap, largest overlap first; precision =
  pairs / predictions, recall = pairs / gold attributions;
- source: a predicted speaker span is correct when its attribution is paired with a gold
  attribution whose Source overlaps it; precision over predictions with a speaker span,
  recall over gold attributions with a Source;
  the speaker span is the speaker as written in the cue's clause (`Attribution.source_span`):
  the relative pronoun of "the senator, who said ..." (as PolNeAR marks it), else the
  speaker's noun phrase;
- source_antecedent: the same, but with the antecedent ("the senator") for the relative
  pronoun: the words the Quote record gives as `speaker_mention`;
- source (spans only): speaker spans against gold Source spans, paired one to one by
  overlap, regardless of which attribution they belong to.

Cue coverage (data/cues.tsv: speech verbs, then beliefs, positions and findings with
their complement, "Name: ..." paragraph labels, doubled-apostrophe quotation marks) was
widened after reading dev errors, so dev figures are tuned; the test split was run once
per round of changes, untuned. A second round added objects of speech verbs ("said
as much", "noted the drop"), "verb preposition" cues ("talked about", "accused X of"),
bylines under quotes ("“...” ― Name"), speakers of gerunds ("by announcing that") and of
infinitives under adjectives ("is determined to warn"), and dropped the subject of a
passive cue as speaker ("X was accused of"): dev content F1 0.720 -> 0.737, source F1
0.649 -> 0.670; test (untuned, run once) content F1 0.722, source F1 0.667. The
remaining recall gap is a long tail of cues PolNeAR counts that are not reports of words
or beliefs ("attacked", "supports", "seems", "did not respond to"), noun cues ("his
claim that", "an estimate of"), one cue collecting several quotes that PolNeAR splits
into several attributions, and parse errors. A third round added noun cues
(data/noun_cues.tsv: "his claim that ...", "X issued a warning that ...", "her pledge to
..."; the owner speaks, else the speaker is unresolved), rejected subjects inside quotation
marks (a show title after "said on": the person named between the closing mark and ",
said" speaks), took the person in apposition to a misread dateline or fronted
prepositional object, read "said as much" as an object, and fixed quotation marks (a
closing mark opening a line opens a quote; no-break spaces before a byline): dev content
F1 0.737 -> 0.747, source F1 0.675 -> 0.689; test (untuned, run once) content F1 0.728,
source F1 0.670. One attribution per direct quote of a cue
was tried and dropped: PolNeAR more often keeps a speaker's run of quotes as one
attribution (dev content F1 0.743 -> 0.712; splitting only quotes outside the cue's
sentence: no gain, source F1 lower). A fourth round scored the speaker as written in the
cue's clause (`Attribution.source_span`: the relative pronoun of "the senator, who said"
and of verbs inheriting it, "who met X and called for"; the Quote keeps the antecedent as
`speaker_mention`), folded "what he called Y" into the cue whose words hold it, gave a
written statement with no owner to whoever issued it ("the council issued a statement
calling ..."; "paper", "filing" are written statements), and dropped "refuse" (an act,
not a report of words): dev content P/R/F1 0.842/0.671/0.747 -> 0.848/0.668/0.748,
source 0.770/0.624/0.689 -> 0.789/0.631/0.702 (source_antecedent, the old convention,
0.692); test (untuned, run once) content F1 0.728, source F1 0.688 (source_antecedent
0.673). The bars (content F1 0.80, source F1 0.85) stay out of reach: source recall is
capped by content recall, whose misses are a long tail of cues PolNeAR counts that are not
reports of words or beliefs. A fifth round first fixed the scorer: predicted fragments
were not merged, so a direct quote inside its cue's indirect content counted twice and
could win a gold attribution from the cue whose words held it (the old code scores dev
content 0.849/0.669/0.748, source 0.793/0.634/0.705 with the fix). It then grouped the dev
errors by kind and fixed general ones: a belief, noun cue or diplomatic act inside
another cue's words is no attribution of its own (as `extract` already treated beliefs
and noun cues); a speech participle or conjunct that the parser hangs on the reported
clause ("said the talks had stalled, arguing that ...", "... and warned ...") ends that
clause and is the reporting speaker's own attribution; "X added:" ending its paragraph
takes the unquoted paragraph below (a block quote); a quote that the parser ends as a
sentence ("“... this district?” the mayor said.") goes to the cue right after it; a
straight mark set off by a space from a single mark ("the term 'X,' ") closes the quote;
a noun cue is owned by a name before it ("a Reuters report that"), by the subject of
"persisted in the claim that", or by the subject of a verb tagged as a noun ("the
minister claims that"); gerunds under an adverb ("stopped short of naming") take the
verb's subject; a one-word headline label tagged as a common noun ("Ramaphosa: ...") is a
name when the report names it elsewhere; new cues of speech: "bemoan", "dispute", "mock",
"chastise", "liken (to)", "reference", "rail against", "warn against", "wonder" (belief),
nouns "criticism", "remark", "testimony", and an object for verbs of emphasis ("stressed
her support for X"). Dev content P/R/F1 0.849/0.669/0.748 -> 0.882/0.681/0.768, source
0.793/0.634/0.705 -> 0.829/0.654/0.731 (source_antecedent 0.722); test (untuned, run
once) content 0.880/0.653/0.750, source 0.813/0.632/0.711 (source_antecedent 0.696;
earlier rounds' test figures used the old scorer). The bars stay out of reach for the
same reason: of the dev gold attributions still missed, nearly all (about 695 of 740)
have no predicted content near them, and their cues are mostly not reports of words or
beliefs. A sixth round grouped the dev errors again (source wrong or missing on paired
attributions, unpaired predictions by cue and complement, paired contents with small
overlap). The one large general group was content boundaries: an object cue's words run on
over what the speaker makes of the object ("described X as Y", "blasted X for Y",
"referred to X as Y"; not "for three hours"), as PolNeAR marks them. A noun cue read by the
tagger in place of a verb takes the compound before it as owner ("Lee charges that ...").
The other groups were each one or two sentences, annotation slips ("said" marked as the
source) or parse errors, and were left alone, as were unpaired predictions that are
reports PolNeAR did not mark (inner reports, headlines) and cues such as "question X" that
are right about as often as wrong. Dev content P/R/F1 0.882/0.681/0.768 ->
0.886/0.684/0.772, source 0.829/0.654/0.731 -> 0.834/0.658/0.736 (source_antecedent
0.726); test (untuned, run once) content 0.882/0.654/0.751, source 0.814/0.632/0.712
(source_antecedent 0.697). The bars stay out of reach, for the reason above. A seventh
round re-checked that claim: of 732 dev gold attributions missed, 688 have no predicted
content near them (44 lose their overlap in the pairing); grouped by the lemma and part of
speech of the gold cue they are a tail with no group above 15 (459 verbs, 168 nouns, 27
adjectives, 19 prepositions), mostly acts ("attack", "support", "identify", "seem"). The
source errors on paired attributions (88 wrong span, 29 missing) and the 202 unpaired
predictions were read too: mostly pairing with a neighbouring attribution, annotation
slips and reports some annotators left unmarked. What was general was fixed: adjectives of
belief or stance with their holder ("X is confident / convinced / sure that ...", "X made
clear that ...", "X has been critical of Y"; not "it is clear", not "make sure"), a phrase
set off by commas giving its clause to a view or a poll ("In his view, ...", "..., in the
eyes of X, ...", "In a new poll, ..."; not when the clause has a cue verb), what a belief
takes a thing for ("saw X as Y", "regards X as Y", "consider X Y"), a court's ruling
("ruled that ..."), "hoped" and "hoping" (lemmatized "hop"), and a preposition of time
that is no cue's own ("spoke on Monday" is no "speak on" cue with "Monday" as its words).
Dev content P/R/F1 0.887/0.684/0.773 -> 0.886/0.693/0.778, source 0.835/0.658/0.736 ->
0.833/0.666/0.740 (source_antecedent 0.726 -> 0.730; the "before" figures re-measured at
the start of the round); test (untuned, run once) content 0.880/0.660/0.754, source
0.811/0.637/0.714 (source_antecedent 0.698). The bars stay out of reach: the misses left
are not reports of words or beliefs, or need a parse we do not get. An eighth round
(fifth session of 2026-12-03) added feelings with a that-clause as stances ("X were
frustrated that ..."), "plan"/"intend" with an infinitive, "as" hung on the object ("saw
the comment as a dig"), a stance of readiness relayed by an office or spokesman ("X was
ready to ..., his office said"), and left media content ("footage showed") without a
speaker: dev content P/R/F1 0.886/0.693/0.778 -> 0.885/0.701/0.782, source 0.833/0.666/0.740
-> 0.832/0.674/0.745 (source_antecedent 0.731); test (untuned, run once) content
0.879/0.662/0.755, source 0.809/0.639/0.714 (source_antecedent 0.698). Of 712 dev gold
attributions missed, 668 have no predicted content near them.

Run: `python benchmarks/bench_quotes.py [--split dev|test]`. The test split is for final,
untuned figures only.
"""

from __future__ import annotations

import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
_WORD = re.compile(r"\w")

Spans = list[tuple[int, int]]


@dataclass
class Gold:
    content: Spans
    source: Spans = field(default_factory=list)


@dataclass
class Predicted:
    content: Spans
    source: Spans = field(default_factory=list)
    antecedent: Spans = field(default_factory=list)  # "the senator" for "the senator, who"


def read_ann(path: Path) -> list[Gold]:
    spans: dict[str, tuple[str, Spans]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, offsets = parts[1].partition(" ")
            fragments = [tuple(int(x) for x in frag.split()) for frag in offsets.split(";")]
            spans[parts[0]] = (kind, fragments)
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    gold = []
    for event in events:
        content = spans.get(event.get("Content", ""), ("", []))[1]
        source = spans.get(event.get("Source", ""), ("", []))[1]
        if content:
            gold.append(Gold(list(content), list(source)))
    return gold


def overlap(text: str, a: Spans, b: Spans) -> int:
    """Letters and digits shared by two span sets."""
    shared = 0
    for s1, e1 in a:
        for s2, e2 in b:
            lo, hi = max(s1, s2), min(e1, e2)
            if hi > lo:
                shared += len(_WORD.findall(text[lo:hi]))
    return shared


def pair(text: str, predicted: list[Spans], gold: list[Spans]) -> dict[int, int]:
    """One-to-one pairs (predicted index -> gold index), largest overlap first."""
    scored = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            shared = overlap(text, p, g)
            if shared:
                scored.append((shared, i, j))
    pairs: dict[int, int] = {}
    used = set()
    for _, i, j in sorted(scored, reverse=True):
        if i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    return pairs


def predict(doc, text: str) -> list[Predicted]:
    from communique.quotes import attributions

    found = []
    for cue in attributions(doc, text):
        content = _union(cue.contents + cue.quotes)
        if content:
            source = [cue.source_span] if cue.source_span else []
            antecedent = [cue.speaker_span] if cue.speaker_span else []
            found.append(Predicted(content, source, antecedent))
    return found


def _union(spans: Spans) -> Spans:
    """Overlapping spans merged: a direct quote inside the cue's indirect content counts once."""
    merged: Spans = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


@dataclass
class Tally:
    pred: int = 0
    gold: int = 0
    hit: int = 0

    def f1(self) -> tuple[float, float, float]:
        p = self.hit / self.pred if self.pred else 0.0
        r = self.hit / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(
    text: str, predicted: list[Predicted], gold: list[Gold], tallies: dict[str, Tally]
) -> None:
    pairs = pair(text, [p.content for p in predicted], [g.content for g in gold])
    content, source, spans = tallies["content"], tallies["source"], tallies["source_spans"]
    content.pred += len(predicted)
    content.gold += len(gold)
    content.hit += len(pairs)
    source.pred += sum(1 for p in predicted if p.source)
    source.gold += sum(1 for g in gold if g.source)
    source.hit += sum(
        1 for i, j in pairs.items() if overlap(text, predicted[i].source, gold[j].source)
    )
    convention = tallies["source_antecedent"]
    convention.pred, convention.gold = source.pred, source.gold
    convention.hit += sum(
        1 for i, j in pairs.items() if overlap(text, predicted[i].antecedent, gold[j].source)
    )
    ours = [p.source for p in predicted if p.source]
    theirs = [g.source for g in gold if g.source]
    spans.pred += len(ours)
    spans.gold += len(theirs)
    spans.hit += len(pair(text, ours, theirs))


def evaluate(split: str = "dev") -> tuple[dict[str, Tally], int, int, float, float]:
    """Tallies per metric, texts, annotation files, seconds in attributions(), sentences."""
    from communique import nlp as nlp_module

    nlp = nlp_module.load(ruler=False)  # speaker spans come from the parse alone
    base = POLNEAR / split
    names = ("content", "source", "source_antecedent", "source_spans")
    tallies = {name: Tally() for name in names}
    files = sorted((base / "attributions").glob("*.ann"))
    by_text: dict[str, list[Path]] = {}
    for path in files:
        by_text.setdefault(path.stem.rsplit("_", 1)[0], []).append(path)
    seconds, sentences = 0.0, 0
    for name, anns in sorted(by_text.items()):
        text = (base / "text" / f"{name}.txt").read_text(encoding="utf-8")
        doc = nlp(text)
        started = time.perf_counter()
        predicted = predict(doc, text)
        seconds += time.perf_counter() - started
        sentences += sum(1 for _ in doc.sents)
        for ann in anns:
            score(text, predicted, read_ann(ann), tallies)
    return tallies, len(by_text), len(files), seconds, sentences


def run(split: str = "dev") -> list[dict]:
    if not (POLNEAR / split).is_dir():
        print(f"skipped: {POLNEAR / split} is absent", file=sys.stderr)
        return []
    tallies, texts, files, seconds, sentences = evaluate(split)
    note = f"PolNeAR {split}, {texts} texts / {files} annotation files, overlap >= 1 token"
    rows = []
    for name, tally in tallies.items():
        p, r, f = tally.f1()
        for metric, value in (("precision", p), ("recall", r), ("f1", f)):
            rows.append(
                {
                    "benchmark": f"polnear-{split}",
                    "metric": f"{name}_{metric}",
                    "value": round(value, 3),
                    "n": tally.gold,
                    "note": note,
                }
            )
    per_sentence = 1000 * seconds / max(sentences, 1)
    rows.append(
        {
            "benchmark": f"polnear-{split}",
            "metric": "ms_per_sentence",
            "value": round(per_sentence, 3),
            "n": sentences,
            "note": "attributions() only, parse excluded",
        }
    )
    return rows


def main(argv: list[str]) -> None:
    split = argv[argv.index("--split") + 1] if "--split" in argv else "dev"
    rows = run(split)
    for row in rows:
        head = f"{row['benchmark']:<14} {row['metric']:<30} {row['value']:>8}"
        print(f"{head} n={row['n']:<6} {row['note']}")


if __name__ == "__main__":
    main(sys.argv[1:])
