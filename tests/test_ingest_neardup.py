"""Near-duplicate detection: a lightly edited wire copy is linked, another report is not."""

from __future__ import annotations

import pytest

from communique.ingest import NearDuplicateIndex

WIRE = (
    "The foreign ministers of Armenia and Azerbaijan met in Geneva on Tuesday and agreed to "
    "set up a joint commission on the demarcation of their shared border, officials from both "
    "delegations said after six hours of talks. The commission will hold its first session in "
    "March, and its members will be named by the two governments within a month. Mediators "
    "from the European Union and the United States attended the meeting as observers. Both "
    "sides said that the release of detainees and the reopening of transport links would be "
    "discussed at the next round, which is expected to take place in Brussels. Officials "
    "described the atmosphere as constructive but warned that difficult questions remained "
    "unresolved, including the status of several villages along the frontier."
)
COPY = (
    WIRE.replace("on Tuesday", "on Tuesday,")
    .replace("officials from both delegations said", "officials said")
    .replace("is expected to", "will")
)
OTHER = (
    "Brazil and Argentina signed a trade agreement in Buenos Aires on Friday covering steel, "
    "grain and automotive exports, the two governments announced in a joint statement. The "
    "deal cuts tariffs on more than two hundred products over five years and creates a "
    "committee to settle disputes. Business groups in both countries welcomed the accord, "
    "while farm unions said they would study its effect on local producers before the "
    "parliaments vote on it later this year."
)


def test_lightly_edited_wire_copy_is_linked_and_other_article_is_not():
    index = NearDuplicateIndex()
    assert index.add("wire", WIRE) is None
    assert index.add("copy", COPY) == "wire"
    assert index.add("other", OTHER) is None
    assert len(index) == 3


def test_earliest_copy_wins_and_re_adding_is_harmless():
    index = NearDuplicateIndex()
    index.add("first", WIRE)
    index.add("second", COPY)
    assert index.add("third", WIRE.upper()) == "first"
    assert index.add("first", WIRE) is None
    assert index.find(COPY) == "first"
    assert index.find(OTHER) is None


def test_signatures_rebuild_the_same_index_without_text():
    signatures = {
        name: NearDuplicateIndex.signature(text)
        for name, text in [("wire", WIRE), ("other", OTHER)]
    }
    assert all(len(sig) == 64 * 8 for sig in signatures.values())
    assert NearDuplicateIndex.signature(WIRE) == signatures["wire"]  # deterministic
    index = NearDuplicateIndex()
    for name, sig in signatures.items():
        assert index.add_signature(name, sig) is None
    assert index.add_signature("copy", NearDuplicateIndex.signature(COPY)) == "wire"
    assert index.add("copy2", COPY) == "wire"


def test_signature_size_must_match_the_index():
    index = NearDuplicateIndex(num_perm=128)
    with pytest.raises(ValueError, match="num_perm=128"):
        index.add_signature("x", NearDuplicateIndex.signature(WIRE))


def test_empty_text_is_never_a_duplicate():
    index = NearDuplicateIndex()
    assert index.add("a", "") is None
    assert index.add("b", "...") is None
    assert NearDuplicateIndex.signature("") == b""
    assert len(index) == 0
