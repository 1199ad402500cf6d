"""Readers: each format's happy path, and every kind of bad input becoming a Rejected
while the good articles of the same batch still come through."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from communique.errors import UsageError
from communique.ingest import article_id_for, read_inputs
from communique.records import Article, Rejected

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
GOOD_TEXT = "Ministers Meet In Oslo\n\nThe foreign ministers of Norway and Sweden met in Oslo.\n"


def run(*paths: Path, **options) -> tuple[list[Article], list[Rejected]]:
    results = list(read_inputs(list(paths), **options))
    assert all(isinstance(r, Article | Rejected) for r in results)
    return (
        [r for r in results if isinstance(r, Article)],
        [r for r in results if isinstance(r, Rejected)],
    )


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """A folder with one good report; tests add one bad file beside it."""
    (tmp_path / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    return tmp_path


def assert_one_rejection(folder: Path, reason: str, **options) -> Rejected:
    articles, rejected = run(folder, **options)
    assert [a.title for a in articles] == ["Ministers Meet In Oslo"]
    assert len(rejected) == 1, rejected
    assert rejected[0].stage == "read"
    assert reason in rejected[0].reason
    return rejected[0]


# --- happy paths ---------------------------------------------------------------------


def test_text_report_with_dateline_headline_caption_and_boilerplate():
    (article,) = run(FIXTURES / "report.txt")[0]
    assert article.published == dt.date(2024, 3, 5)
    assert article.title == "Neighbours Agree To Resume Border Talks"
    assert [b.kind for b in article.blocks] == ["headline", "caption", "body", "body", "body"]
    assert "Date:" not in article.text and "2024" not in article.text.split("\n")[0]
    for junk in ("Share this", "Advertisement", "Read more", "newsletter", "©", "comment"):
        assert junk not in article.text
    assert article.text.endswith("offered by the European Union.")
    for block in article.blocks:
        assert (
            article.text[block.start : block.end].strip() == article.text[block.start : block.end]
        )
    assert article.content_hash and article.article_id == article_id_for(article.text, None)


def test_markdown_front_matter_and_marks():
    (article,) = run(FIXTURES / "summit.md")[0]
    assert article.title == "Leaders Meet At Regional Summit"
    assert article.outlet == "Example Wire"
    assert article.published == dt.date(2024, 6, 12)
    assert "presidents of Kenya" in article.text and "regional trade and" in article.text
    assert not any(mark in article.text for mark in ("#", "**", "*Wednesday*", "](", "![", "> "))


def test_html_page_text_and_metadata():
    (article,) = run(FIXTURES / "page.html")[0]
    assert article.title == "Aid convoy reaches the capital"
    assert article.outlet == "Example Gazette"
    assert article.published == dt.date(2024, 2, 14)
    assert article.url == "https://gazette.example.org/world/aid-convoy"
    assert "forty trucks" in article.text and "Red Cross" in article.text
    assert "tracking" not in article.text and "Home" not in article.text
    assert "\n\nThe World Food Programme" in article.text  # paragraphs kept apart


def test_jsonl_good_lines_kept_and_bad_lines_rejected_with_line_numbers():
    articles, rejected = run(FIXTURES / "articles.jsonl")
    assert [a.article_id for a in articles] == ["wire-001", "wire-004"]
    first, second = articles
    assert (first.title, first.outlet, first.url) == (
        "Ceasefire announced",
        "Example Wire",
        "https://example.org/a",
    )
    assert first.published == dt.date(2024, 1, 9)
    assert first.metadata == {"language": "en", "section": "world"}
    assert second.published == dt.date(2024, 1, 16)
    assert "South Korea held talks" in second.text and "<p>" not in second.text
    assert [(r.line, r.reason.split(":")[0]) for r in rejected] == [
        (2, "line 2"),
        (3, "line 3"),
        (6, "line 6"),
    ]
    assert "invalid JSON" in rejected[0].reason
    assert "'text' must be a string" in rejected[1].reason
    assert "expected a JSON object" in rejected[2].reason


def test_rss_feed_entries():
    articles, rejected = run(FIXTURES / "news.rss")
    (article,) = articles
    assert article.title == "Foreign ministers meet in Oslo"
    assert article.outlet == "Example World Feed"
    assert article.url == "https://feed.example.org/oslo"
    assert article.published == dt.date(2024, 3, 7)
    assert article.text.count("\n\n") == 1 and "<p>" not in article.text
    assert [r.reason for r in rejected] == ["entry 2: empty: no text left after cleaning"]


def test_atom_feed_entry():
    (article,) = run(FIXTURES / "news.atom")[0]
    assert article.title == "Parliament approves aid package"
    assert article.published == dt.date(2024, 4, 1)
    assert article.text.startswith("The Canadian parliament approved")


def test_directory_walk_is_sorted_and_skips_hidden_and_other_types(batch: Path):
    (batch / "b.txt").write_text("Second Report Here\n\nIt says something else.", "utf-8")
    (batch / "expected.yaml").write_text("events: []\n", "utf-8")
    (batch / ".hidden.txt").write_text("A hidden draft.", "utf-8")
    (batch / "sub").mkdir()
    (batch / "sub" / "a.txt").write_text("Nested Report Here\n\nIt is nested.", "utf-8")
    articles, rejected = run(batch)
    assert rejected == []
    assert [Path(a.source_path).name for a in articles] == ["b.txt", "good.txt", "a.txt"]


def test_same_text_gives_same_id_wherever_it_is(tmp_path: Path):
    (tmp_path / "one.txt").write_text(GOOD_TEXT, "utf-8")
    (tmp_path / "two.txt").write_text(GOOD_TEXT.replace(" ", "\u00a0"), "utf-8")
    first, second = run(tmp_path)[0]
    assert first.article_id == second.article_id == article_id_for(first.text, None)
    assert len(first.article_id) == 16
    assert article_id_for(first.text, "given-7") == "given-7"
    assert article_id_for("other text", None) != first.article_id


def test_missing_path_is_a_usage_error_before_anything_is_read(batch: Path):
    with pytest.raises(UsageError, match="no such file"):
        read_inputs([batch, batch / "absent.txt"])


# --- bad input: one test per case -----------------------------------------------------


def test_binary_file(batch: Path):
    (batch / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    assert_one_rejection(batch, "binary file")


def test_undecodable_bytes(batch: Path):
    (batch / "bad.txt").write_bytes(b"The minister said \x81\x8d\x8f\x90\x9d in Vienna.")
    assert_one_rejection(batch, "undecodable")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        pytest.param(GOOD_TEXT.encode("utf-8-sig"), "utf-8-sig", id="utf8-bom"),
        pytest.param(GOOD_TEXT.encode("utf-16"), "utf-16", id="utf16-bom"),
        pytest.param("Café Talks In Zürich\n\nThey met.".encode("cp1252"), "cp1252", id="cp1252"),
    ],
)
def test_encodings_that_decode(tmp_path: Path, data: bytes, encoding: str):
    (tmp_path / "x.txt").write_bytes(data)
    (article,) = run(tmp_path)[0]
    assert article.text == data.decode(encoding).replace("\ufeff", "").strip()


def test_empty_file(batch: Path):
    (batch / "empty.txt").write_bytes(b"")
    assert_one_rejection(batch, "empty file")


def test_whitespace_only_file(batch: Path):
    (batch / "blank.md").write_text(" \n\t\n\u00a0\n", "utf-8")
    assert_one_rejection(batch, "empty")


def test_oversize_file(batch: Path):
    (batch / "huge.txt").write_bytes(b"word " * 3000)
    rejection = assert_one_rejection(
        batch, "too large: 15000 bytes > limit 10000", max_bytes=10_000
    )
    assert rejection.path.endswith("huge.txt")


def test_oversize_single_line_in_jsonl_is_skipped_and_next_line_kept(tmp_path: Path):
    good = '{"id": "ok", "text": "Ghana and Togo signed a border accord."}\n'
    (tmp_path / "big.jsonl").write_text('{"text": "' + "x" * 50_000 + '"}\n' + good, "utf-8")
    articles, rejected = run(tmp_path, max_bytes=1000)
    assert [a.article_id for a in articles] == ["ok"]
    assert rejected[0].line == 1 and "too large" in rejected[0].reason


def test_jsonl_wrong_types_and_huge_field(tmp_path: Path):
    lines = [
        '{"id": "a", "text": "Chile and Peru agreed to talks.", "title": ["list"]}',
        '{"id": {"x": 1}, "text": "Chile and Peru agreed to talks."}',
        '{"id": "c", "text": "Chile and Peru agreed to talks.", "title": "' + "t" * 5000 + '"}',
        '{"id": "d", "text": "Chile and Peru agreed to talks."}',
        "[" * 100_000,
    ]
    (tmp_path / "types.jsonl").write_text("\n".join(lines), "utf-8")
    articles, rejected = run(tmp_path)
    assert [a.article_id for a in articles] == ["d"]
    reasons = [r.reason for r in rejected]
    assert "'title' must be a string, not list" in reasons[0]
    assert "'id' must be a string or an integer" in reasons[1]
    assert "'title' too long" in reasons[2]
    assert reasons[3].startswith("line 5: invalid JSON")


def test_broken_feed(batch: Path):
    shutil.copy(FIXTURES / "broken.rss", batch)
    assert_one_rejection(batch, "broken feed")


@pytest.mark.parametrize("name", ["xxe.xml", "laughs.rss"])
def test_entity_attacks_are_refused_not_resolved(batch: Path, name: str):
    shutil.copy(FIXTURES / name, batch)
    assert_one_rejection(batch, "unsafe XML refused")


def test_xml_that_is_not_a_feed(batch: Path):
    (batch / "data.xml").write_text("<?xml version='1.0'?><doc><p>Hi</p></doc>", "utf-8")
    assert_one_rejection(batch, "not an RSS or Atom feed")


def test_symlink_loop(batch: Path):
    (batch / "sub").mkdir()
    os.symlink(batch, batch / "sub" / "back-to-top")
    os.symlink(batch / "self.txt", batch / "self.txt")
    articles, rejected = run(batch)
    assert [a.title for a in articles] == ["Ministers Meet In Oslo"]
    assert sorted(r.reason.split(":")[0] for r in rejected) == ["symbolic link loop"] * 2


def test_broken_symlink_named_explicitly(batch: Path):
    os.symlink(batch / "nowhere.txt", batch / "dangling.txt")
    assert_one_rejection(batch, "broken symbolic link")


@pytest.mark.parametrize(
    "name",
    ["with space.txt", "ünïcödé — report.txt", "new\nline.txt", "日本語.md", b"latin\xe9.txt"],
    ids=["spaces", "unicode", "newline", "cjk", "undecodable-name"],
)
def test_odd_file_names(batch: Path, name: str | bytes):
    path = os.path.join(os.fsencode(batch), name) if isinstance(name, bytes) else batch / name
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("Second Report Here\n\nIt says something else.")
    articles, rejected = run(batch)
    assert rejected == [] and len(articles) == 2
    stored = [a.source_path for a in articles]
    assert all(s.encode("utf-8") for s in stored)  # storable text, no lone surrogates


def test_unsupported_file_named_explicitly(batch: Path):
    (batch / "notes.docx").write_bytes(b"PK\x03\x04")
    articles, rejected = run(batch / "good.txt", batch / "notes.docx")
    assert len(articles) == 1
    assert [r.reason for r in rejected] == ["unsupported file type '.docx'"]


def test_fifo_is_not_read(batch: Path):
    os.mkfifo(batch / "pipe.txt")
    assert_one_rejection(batch, "not a regular file")


def test_html_of_only_script_and_style(batch: Path):
    (batch / "empty.html").write_text(
        "<html><head><style>p{}</style></head><body><script>var a=1;</script></body></html>",
        "utf-8",
    )
    assert_one_rejection(batch, "no main text found")


def test_deeply_nested_and_unclosed_html(batch: Path):
    nested = "<div>" * 3000 + "<p>Deep text about a summit in Lima." + "<span>" * 2000
    (batch / "deep.html").write_text(f"<html><body>{nested}", "utf-8")
    articles, rejected = run(batch)
    assert "Ministers Meet In Oslo" in [a.title for a in articles]
    assert len(articles) + len(rejected) == 2


def test_control_characters_in_html_are_dropped(batch: Path):
    page = "<html><body><p>Talks on the border resumed in Lima.</p>\x01\x0b</body></html>"
    (batch / "control.htm").write_bytes(page.encode("utf-8"))
    articles, rejected = run(batch)
    assert not [r for r in rejected if r.reason.startswith("internal error")]
    assert any("Talks on the border resumed in Lima." in a.text for a in articles)


def test_unexpected_failure_in_a_reader_becomes_internal_error(batch: Path, monkeypatch):
    from communique import ingest

    def explode(*_args):
        raise RuntimeError("boom")

    monkeypatch.setitem(ingest.READERS, ".md", explode)
    (batch / "x.md").write_text("Some text.", "utf-8")
    assert_one_rejection(batch, "internal error: RuntimeError: boom")


# --- the shared seed reports ----------------------------------------------------------


@pytest.mark.shared
def test_shared_seeds(shared: Path):
    articles, rejected = run(shared / "seeds")
    assert rejected == [] and len(articles) == 3
    (seed,) = [a for a in articles if Path(a.source_path).name.startswith("002_")]
    assert seed.published == dt.date(2023, 11, 28)
    assert "2023-11-28" not in seed.text and not seed.text.lower().startswith("date")
    assert seed.text[0].isupper()
    assert all(a.blocks and a.content_hash for a in articles)


@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".html", ".rss"])
def test_ten_megabyte_single_line_is_rejected_without_reading_it_all(batch: Path, suffix: str):
    (batch / f"line{suffix}").write_bytes(b"a" * 10_000_000)
    assert_one_rejection(batch, "too large")
