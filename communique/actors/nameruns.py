"""Name runs: where a person's name starts and ends (a part of `Detector`).

A name is a run of capitalised words, with particles inside it ("bin", "von der", "al-")
and hyphenated parts ("Amir-Abdollahian"); a month word is a name word only after another
one and outside a date ("Theresa May", not "in May").
"""

from __future__ import annotations

from spacy.tokens import Span

from .lexicon import PARTICLES, words

NAME_STOP = words(
    "i the a an and or but of in on at to for with by from as he she they we it this that "
    "these those his her their our its monday tuesday wednesday thursday friday saturday "
    "sunday today yesterday tomorrow"
)
# Month words are names too ("Theresa May", "April Ryan"): a name word only after another one
# and outside a date ("in May", "May 5").
MONTHS = words(
    "january february march april may june july august september october november december"
)


class NameRuns:
    """Mixed into `Detector`: uses its doc and scanner."""

    def _name_runs(self, i: int, sent: Span, *, many: bool) -> list[tuple[int, int]]:
        """Name runs right after a title: one, or several joined by "and"/"," when plural."""
        while i < sent.end and (self.doc[i].text in ("]", "[", ")") or self._honorific(i)):
            i += 1
        runs: list[tuple[int, int]] = []
        while True:
            end = self._name_end(i, sent)
            if end == i:
                break
            runs.append((i, end))
            j = end
            if not many or j >= sent.end or self.doc[j].lower_ not in ("and", ","):
                break
            i = j + 1 if self.doc[j].lower_ == "and" else j + 1
            if i < sent.end and self.doc[i].lower_ == "and":
                i += 1
        return runs

    def _name_end(self, i: int, sent: Span) -> int:
        """End of the name starting at `i`: capitalised words, particles inside a name
        ("bin", "von der", "al-"), hyphenated parts ("Amir-Abdollahian", "Tae-yul")."""
        j = i
        while j < sent.end and j - i < 8:
            tok = self.doc[j]
            if (
                self._name_token(j)
                or j > i
                and tok.lower_ in PARTICLES
                and self._continues_name(j + 1, sent)
            ):
                j += 1
            elif j > i and tok.text == "-" and self._hyphen_joins(j, sent):
                j += 2
            else:
                break
        while j > i and (self.doc[j - 1].lower_ in PARTICLES or self.doc[j - 1].text == "-"):
            j -= 1
        return j

    def _continues_name(self, j: int, sent: Span) -> bool:
        if j >= sent.end:
            return False
        tok = self.doc[j]
        return self._name_token(j) or tok.lower_ in PARTICLES or tok.text == "-"

    def _hyphen_joins(self, j: int, sent: Span) -> bool:
        """A hyphen written without spaces between two parts of one name."""
        if j + 1 >= sent.end or self.doc[j - 1].whitespace_ or self.doc[j].whitespace_:
            return False
        return self.doc[j + 1].is_alpha

    def _honorific(self, i: int) -> bool:
        unit = self.scan.by_start.get(i)
        return unit is not None and unit.kind == "honorific"

    def _name_token(self, i: int) -> bool:
        if i >= len(self.doc):
            return False
        tok = self.doc[i]
        text = tok.text
        if not text[:1].isupper() or tok.lower_ in NAME_STOP:
            return False
        if tok.lower_ in MONTHS and not self._month_in_name(i):
            return False
        unit = self.scan.by_start.get(i) or self.scan.by_end.get(i + 1)
        if unit is not None and unit.kind not in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"):
            return False
        if tok.is_alpha:
            return True
        return (len(text) == 2 and text[1] == ".") or (
            any(c in text for c in "'’") and text.replace("'", "").replace("’", "").isalpha()
        )

    def _month_in_name(self, i: int) -> bool:
        """ "Theresa May": a month word right after a given name, in no date entity."""
        tok = self.doc[i]
        if tok.ent_type_ == "DATE" or i == 0:
            return False
        if i + 1 < len(self.doc) and self.doc[i + 1].like_num:
            return False
        before = self.doc[i - 1]
        return before.text[:1].isupper() and before.is_alpha and before.lower_ not in NAME_STOP
