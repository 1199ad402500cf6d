"""Bodies whose name several states use ("the Senate") take the state the article names."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        pytest.param(
            "US President Joe Biden met Chinese leaders in Beijing. Washington protested after "
            "Nancy Pelosi, the speaker of the House of Representatives, visited Taipei.",
            "Nancy Pelosi",
            "USA",
            id="speaker-of-shared-chamber-name",
        ),
        pytest.param(
            "Nancy Pelosi, the speaker of the House of Representatives, visited Taipei.",
            "Nancy Pelosi",
            None,
            id="no-state-named-stays-unknown",
        ),
        pytest.param(
            "Australian Prime Minister Anthony Albanese spoke in Canberra. The Senate rejected "
            "the bill on Tuesday.",
            "Senate",
            "AUS",
            id="senate-of-the-state-named",
        ),
        pytest.param(
            "The French and Italian leaders met in Rome. The Senate rejected the bill.",
            "Senate",
            None,
            id="tie-stays-unknown",
        ),
    ],
)
def test_body_names_shared_by_states_take_the_state_the_article_names(nlp, text, name, country):
    import datetime as dt

    from communique.pipeline import analyse
    from communique.records import Article

    result = analyse(nlp(text), Article("a", text, published=dt.date(2022, 11, 14)))
    (mention,) = [m for m in result.mentions if m.text == name and m.role == "actor"]
    assert mention.country == country
    assert (mention.reason is None) == (country is not None)
