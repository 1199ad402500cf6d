from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def nlp():
    """The real pipeline, loaded once per test session."""
    from communique import nlp as nlp_module

    return nlp_module.load()


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared beside the checkout; tests that need it skip cleanly without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def example_db(tmp_path_factory) -> Path:
    """The bundled example corpus, ingested once per test session (in process)."""
    from communique import api

    db = tmp_path_factory.mktemp("example") / "example.duckdb"
    summary = api.ingest([EXAMPLES / "corpus"], db, jobs=1)
    assert summary.ingested >= 10, summary
    return db


def analyse_text(nlp, text: str, published: str):
    """The per-article pipeline over one text of our own, published on an ISO day."""
    import datetime as dt

    from communique.pipeline import analyse
    from communique.records import Article

    return analyse(nlp(text), Article("t", text, published=dt.date.fromisoformat(published)))
