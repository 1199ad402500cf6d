"""Near-duplicate articles (wire copies): MinHash over word shingles, LSH to find them.

A text becomes the set of its overlapping 3-word shingles (lower-cased words, so
punctuation, case and spacing edits do not count); two texts whose estimated Jaccard
similarity is at least the threshold are near-duplicates. The earliest article added wins:
later copies point to it. Signatures are plain bytes so the store can keep them and
rebuild the index without the texts.
"""

from __future__ import annotations

import functools
import re

import numpy as np
from datasketch import MinHash, MinHashLSH

_WORD = re.compile(r"\w+")
_SHINGLE = 3
_SCHEME = "affine32"
_DTYPE = np.dtype("<u8")


@functools.cache
def _template(num_perm: int) -> MinHash:
    """A MinHash whose permutations are shared by every signature of this size."""
    return MinHash(num_perm=num_perm, scheme=_SCHEME)


def shingles(text: str) -> set[bytes]:
    """The 3-word shingles of a text (single words for a text shorter than that)."""
    words = _WORD.findall(text.lower())
    if len(words) < _SHINGLE:
        return {word.encode() for word in words}
    return {" ".join(words[i : i + _SHINGLE]).encode() for i in range(len(words) - 2)}


def _minhash(text: str, num_perm: int) -> MinHash | None:
    grams = shingles(text)
    if not grams:
        return None
    template = _template(num_perm)
    minhash = MinHash(num_perm=num_perm, scheme=_SCHEME, permutations=template.permutations)
    minhash.update_batch(grams)
    return minhash


def _from_bytes(signature: bytes) -> MinHash:
    values = np.frombuffer(signature, dtype=_DTYPE)
    template = _template(len(values))
    return MinHash(scheme=_SCHEME, hashvalues=values, permutations=template.permutations)


class NearDuplicateIndex:
    """Finds an earlier near-duplicate of each article added."""

    def __init__(self, threshold: float = 0.8, num_perm: int = 64) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._minhashes: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._minhashes)

    @staticmethod
    def signature(text: str, num_perm: int = 64) -> bytes:
        """The MinHash signature of a text as bytes (8 per permutation; empty text: b"")."""
        minhash = _minhash(text, num_perm)
        return b"" if minhash is None else minhash.hashvalues.astype(_DTYPE).tobytes()

    def find(self, text: str) -> str | None:
        """The id of the earliest indexed near-duplicate of `text`, without adding it."""
        minhash = _minhash(text, self.num_perm)
        return None if minhash is None else self._earliest(minhash, exclude=None)

    def add(self, article_id: str, text: str) -> str | None:
        """Index the article; return the id of an earlier near-duplicate, or None."""
        minhash = _minhash(text, self.num_perm)
        if minhash is None:
            return None
        return self._add(article_id, minhash)

    def add_signature(self, article_id: str, sig: bytes) -> str | None:
        """Index an article from a stored signature; returns what `add` would."""
        if not sig:
            return None
        if len(sig) != self.num_perm * _DTYPE.itemsize:
            raise ValueError(
                f"signature of {len(sig) // _DTYPE.itemsize} permutations given to an index "
                f"of {self.num_perm}: rebuild the signatures with num_perm={self.num_perm}"
            )
        return self._add(article_id, _from_bytes(sig))

    def _add(self, article_id: str, minhash: MinHash) -> str | None:
        earlier = self._earliest(minhash, exclude=article_id)
        if article_id not in self._minhashes:
            self._lsh.insert(article_id, minhash)
            self._minhashes[article_id] = minhash
            self._order[article_id] = len(self._order)
        return earlier

    def _earliest(self, minhash: MinHash, exclude: str | None) -> str | None:
        """The first-added candidate whose estimated similarity reaches the threshold."""
        before = self._order.get(exclude, len(self._order)) if exclude else len(self._order)
        matches = [
            key
            for key in self._lsh.query(minhash)
            if self._order[key] < before and self._minhashes[key].jaccard(minhash) >= self.threshold
        ]
        return min(matches, key=self._order.__getitem__, default=None)
