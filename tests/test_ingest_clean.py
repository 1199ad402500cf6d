"""Cleaning rules as tables: normalisation, boilerplate, paragraphs, headline, captions,
and the leading date line."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.ingest import clean_text
from communique.ingest.clean import is_boilerplate, is_caption
from communique.ingest.dateline import parse_date, take_dateline
from communique.ingest.normalise import normalise


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("Prime\u00a0Minister", "Prime Minister", id="nbsp"),
        pytest.param("Prime\u202fMinister\u2003said", "Prime Minister said", id="other-spaces"),
        pytest.param("nego\u00adtiations", "negotiations", id="soft-hyphen-in-word"),
        pytest.param("Nikol\u00adPashinyan", "Nikol Pashinyan", id="soft-hyphen-between-words"),
        pytest.param("Ilham\u200bAliyev", "Ilham Aliyev", id="zero-width-between-words"),
        pytest.param("Ali\u200byev", "Aliyev", id="zero-width-in-word"),
        pytest.param("\ufeffTalks", "Talks", id="bom"),
        pytest.param("a\u200eb\u202bc", "abc", id="bidi-marks"),
        pytest.param("one\r\ntwo\rthree", "one\ntwo\nthree", id="crlf"),
        pytest.param("a\n\n\n\n\nb", "a\n\nb", id="blank-runs"),
        pytest.param("bell\x07 and\x00 nul", "bell and nul", id="controls"),
        pytest.param("tab\tkept", "tab\tkept", id="tab-kept"),
        pytest.param("  spaced   out  \n  line ", "spaced out\nline", id="spaces"),
        pytest.param("Cafe\u0301", "Café", id="nfc"),
        pytest.param("para\u2029next", "para\n\nnext", id="paragraph-separator"),
    ],
)
def test_normalise(raw: str, expected: str):
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Share this:",
        "Share this:Click to share on Twitter (Opens in new window)Click to share on Facebook",
        "Like this:",
        "Like Loading...",
        "Share on Facebook",
        "Read more: Ministers meet again in the spring",
        "Read also",
        "Related: Earlier coverage of the talks",
        "Advertisement",
        "Subscribe to our newsletter for daily briefings",
        "Sign up for our weekly email",
        "We use cookies to improve your experience on our website.",
        "© 2024 Example Media Ltd. All rights reserved.",
        "Copyright 2023 The Example Post",
        "Follow us on Twitter and Facebook",
        "Your email address will not be published. Required fields are marked *",
        "Post Comment",
        "Tweet | Email | Print",
    ],
)
def test_boilerplate_lines(line: str):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "The ministers agreed to read more reports before the next meeting.",
        "Related talks are planned for May, the ministry said.",
        "She said the country would share its data with the agency.",
        "Subscribers to the treaty include forty states.",
        "The copyright dispute between the two firms went to court.",
    ],
)
def test_body_lines_are_not_boilerplate(line: str):
    assert not is_boilerplate(line)


def test_comment_section_is_cut_with_everything_after_it():
    text, _ = clean_text("Body sentence one.\n\nLeave a Reply\n\nGreat article, thanks!\n")
    assert text == "Body sentence one."


@pytest.mark.parametrize(
    "paragraph",
    [
        "Photo: The delegations at the start of the talks.",
        "(Photo by a staff photographer) Leaders pose for a picture.",
        "FILE - The foreign minister speaks to reporters in Ankara.",
        "FILE PHOTO: A view of the parliament building.",
        "Pictured: The president during his visit to Nairobi.",
        "The two leaders shake hands in Beijing. (Reuters)",
        "Soldiers stand guard at the border crossing. Getty Images",
        "The envoy arrives in Doha. (AP Photo/Jane Photographer)",
        "Protesters gather outside the embassy. REUTERS/John Photographer",
    ],
)
def test_captions(paragraph: str):
    assert is_caption(paragraph)


@pytest.mark.parametrize(
    "paragraph",
    [
        "The minister told Reuters that talks would resume.",
        "The photo of the meeting was released by the ministry on Monday.",
        "Officials said the file would be sent to the court.",
    ],
)
def test_body_paragraphs_are_not_captions(paragraph: str):
    assert not is_caption(paragraph)


def test_wire_photo_line_after_headline_is_a_caption():
    raw = (
        "Envoys Hold Talks On Grain Deal\n"
        "TR - The Turkish foreign minister speaks at a news conference in Ankara on May 2, 2023.\n"
        "TR - Turkish mediators said on Monday that talks on the grain deal would go on.\n"
    )
    text, blocks = clean_text(raw)
    assert [b.kind for b in blocks] == ["headline", "caption", "body"]


@pytest.mark.parametrize(
    ("raw", "kinds"),
    [
        pytest.param(
            "Summit Ends In Accord\nThe leaders signed.", ["headline", "body"], id="title"
        ),
        pytest.param(
            "Will the truce hold?\n\nObservers doubt it.", ["headline", "body"], id="question"
        ),
        pytest.param(
            "The leaders signed an accord.\nIt takes effect in June.", ["body", "body"], id="prose"
        ),
        pytest.param("Only one line here", ["body"], id="lone-line"),
    ],
)
def test_headline(raw: str, kinds: list[str]):
    assert [b.kind for b in clean_text(raw)[1]] == kinds


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param(
            "First sentence ends here.\nSecond paragraph starts.",
            "First sentence ends here.\n\nSecond paragraph starts.",
            id="single-newline-after-sentence",
        ),
        pytest.param(
            "A line wrapped in the middle of\na sentence stays together.",
            "A line wrapped in the middle of\na sentence stays together.",
            id="soft-wrap",
        ),
        pytest.param(
            "He cited the U.S.\nand its allies.",
            "He cited the U.S.\nand its allies.",
            id="lowercase-continuation",
        ),
        pytest.param("One.\n\n\n\nTwo.", "One.\n\nTwo.", id="blank-lines"),
        pytest.param(
            "The envoy said on Monday that the two governments\n\n“remain ready,” he added.",
            "The envoy said on Monday that the two governments\n“remain ready,” he added.",
            id="stray-blank-line-healed",
        ),
        pytest.param(
            "Talks End Without A Deal\n\nnegotiators left Geneva.",
            "Talks End Without A Deal\n\nnegotiators left Geneva.",
            id="short-title-not-healed",
        ),
    ],
)
def test_paragraphs(raw: str, expected: str):
    assert clean_text(raw)[0] == expected


def test_blocks_cover_every_paragraph_with_exact_offsets():
    text, blocks = clean_text("Title Line Here\nBody one.\nBody two.\n\nPhoto: A caption.")
    assert [text[b.start : b.end] for b in blocks] == [
        "Title Line Here",
        "Body one.",
        "Body two.",
        "Photo: A caption.",
    ]
    assert text.split("\n\n") == [text[b.start : b.end] for b in blocks]


@pytest.mark.parametrize(
    ("raw", "date", "rest"),
    [
        pytest.param(
            " date 2023-11-28 The minister spoke.",
            "2023-11-28",
            "The minister spoke.",
            id="date-prefix-same-line",
        ),
        pytest.param("Date: 28 November 2023\nBody.", "2023-11-28", "Body.", id="date-label"),
        pytest.param(
            "Published: Nov. 28, 2023 10:14 GMT\nBody.", "2023-11-28", "Body.", id="published-time"
        ),
        pytest.param(
            "Posted on Tuesday, 28th November 2023\nBody.", "2023-11-28", "Body.", id="posted-on"
        ),
        pytest.param("2023-11-28T09:00:00Z\nBody.", "2023-11-28", "Body.", id="iso-timestamp"),
        pytest.param(
            "Updated: 2023-11-29\nPublished: 27/11/2023\nBody.",
            "2023-11-27",
            "Body.",
            id="published-beats-updated",
        ),
        pytest.param(
            "Talks Resume\nPublished: 2024-01-05\n\nBody.",
            "2024-01-05",
            "Talks Resume\n\nBody.",
            id="after-headline",
        ),
        pytest.param(
            "Minister says the long-delayed border accord with its northern neighbour is finally"
            " ready to be signed\nPublished: 2024-01-05\n\nBody.",
            "2024-01-05",
            "Minister says the long-delayed border accord with its northern neighbour is finally"
            " ready to be signed\n\nBody.",
            id="after-long-headline",
        ),
        pytest.param(
            "The minister said on Friday that the long-delayed border accord with the northern neighbour was"
            " ready.\nPublished: 2024-01-05\n\nBody.",
            None,
            "The minister said on Friday that the long-delayed border accord with the northern neighbour was"
            " ready.\nPublished: 2024-01-05\n\nBody.",
            id="not-past-a-body-sentence",
        ),
        pytest.param(
            "28 November 2023 was a long day.",
            None,
            "28 November 2023 was a long day.",
            id="prose-not-taken",
        ),
        pytest.param(
            "Date: 31 February 2023\nBody.",
            None,
            "Date: 31 February 2023\nBody.",
            id="impossible-date",
        ),
    ],
)
def test_dateline(raw: str, date: str | None, rest: str):
    found, remaining = take_dateline(normalise(raw))
    assert found == (dt.date.fromisoformat(date) if date else None)
    assert remaining == rest


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-01-09", "2024-01-09"),
        ("2024-01-09T23:10:00+05:00", "2024-01-09"),
        ("Tue, 16 Jan 2024 08:00:00 GMT", "2024-01-16"),
        ("March 3, 2021", "2021-03-03"),
        ("not a date", None),
        ("", None),
    ],
)
def test_parse_date(value: str, expected: str | None):
    assert parse_date(value) == (dt.date.fromisoformat(expected) if expected else None)
