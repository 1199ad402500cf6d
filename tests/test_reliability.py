"""Crash safety and concurrency, with real subprocesses."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

COUNTRIES = [
    "Chile",
    "Peru",
    "Kenya",
    "Norway",
    "Japan",
    "Ghana",
    "Poland",
    "Egypt",
    "Brazil",
    "India",
]


def write_corpus(folder: Path, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        a, b = COUNTRIES[i % 10], COUNTRIES[(i * 3 + 1) % 10]
        if a == b:
            b = "Canada"
        text = (
            f"Date: {1 + i % 28} March 2024\n\n"
            f"The foreign minister of {a} met the ambassador of {b} on Monday to discuss trade. "
            f"Officials from {a} said the talks, number {i}, would continue next month."
        )
        (folder / f"report-{i:04d}.txt").write_text(text, encoding="utf-8")


def ingest_command(corpus: Path, db: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "communique.cli",
        "ingest",
        str(corpus),
        "--db",
        str(db),
        "--quiet",
        "--jobs",
        "1",
    ]


def test_kill_9_then_rerun_stores_every_article_once(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "c.duckdb"
    count = 2000
    write_corpus(corpus, count)
    process = subprocess.Popen(
        ingest_command(corpus, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    wal = db.with_name(db.name + ".wal")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not wal.exists() and process.poll() is None:
        time.sleep(0.1)  # wait until batches are being written, then kill mid-run
    time.sleep(3.0)
    still_running = process.poll() is None
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert still_running, "the ingest finished before it could be killed: make the corpus larger"

    rerun = subprocess.run(ingest_command(corpus, db), capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*), count(DISTINCT article_id) FROM articles").fetchone() == (
        count,
        count,
    )
    orphans = con.execute(
        "SELECT count(*) FROM sentences WHERE article_id NOT IN (SELECT article_id FROM articles)"
    ).fetchone()[0]
    assert orphans == 0
    mismatched = con.execute(
        "SELECT count(*) FROM articles a WHERE num_sentences != "
        "(SELECT count(*) FROM sentences s WHERE s.article_id = a.article_id)"
    ).fetchone()[0]
    assert mismatched == 0
    duplicated = con.execute(
        "SELECT count(*) FROM (SELECT mention_id FROM event_mentions GROUP BY 1 HAVING count(*) > 1)"
    ).fetchone()[0]
    assert duplicated == 0
    # corpus-level tables were recomputed after the interrupted run
    clustered = con.execute("SELECT count(*) FROM event_clusters").fetchone()[0]
    assert clustered == con.execute("SELECT count(*) FROM event_mentions").fetchone()[0]
    con.close()


def test_second_writer_gets_one_line(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "c.duckdb"
    write_corpus(corpus, 2)
    holder = duckdb.connect(str(db))  # another process would hold it the same way
    try:
        script = (
            "import duckdb, subprocess, sys\n"
            f"sys.exit(subprocess.run({ingest_command(corpus, db)!r}).returncode)\n"
        )
        # The lock is per process: run the CLI in a child while this process holds it.
        result = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, timeout=300
        )
    finally:
        holder.close()
    assert result.returncode == 1
    assert "in use by another process" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("command", [["timeline"], ["export", "events"], ["actors"]])
def test_reader_during_a_write_gets_one_line(tmp_path, command):
    db = tmp_path / "c.duckdb"
    holder = duckdb.connect(str(db))
    try:
        result = subprocess.run(
            [sys.executable, "-m", "communique.cli", *command, "--db", str(db)],
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:
        holder.close()
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
