"""Property: whatever bytes a file of any supported type holds, read_inputs yields only
Article or Rejected records and never raises."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.ingest import read_inputs
from communique.ingest.walk import SUPPORTED
from communique.records import Article, Rejected

_FRAGMENTS = st.sampled_from(
    [
        b"<html>",
        b"<p>",
        b"</p>",
        b"<script>",
        b"<div>" * 50,
        b"<?xml version='1.0'?>",
        b"<rss><channel><item><title>",
        b"<!DOCTYPE x [<!ENTITY e 'x'>]>",
        b"&e;",
        b"{",
        b'"text":',
        b'{"text": "A minister spoke."}\n',
        b"\n",
        b"\r\n",
        b"\x00",
        b"\xff\xfe",
        b"\xef\xbb\xbf",
        b"Date: 5 March 2024\n",
        b"Share this:",
        b"\xc2\xa0",
        b"\xe2\x80\x8b",
        b"Talks Resume\n",
    ]
)
_CONTENT = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.lists(st.one_of(_FRAGMENTS, st.binary(max_size=20)), max_size=30).map(b"".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(suffix=st.sampled_from(sorted(SUPPORTED)), content=_CONTENT)
def test_any_bytes_in_any_supported_file_never_raise(suffix: str, content: bytes):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(content)
        results = list(read_inputs([path], max_bytes=1500))
    assert results
    assert all(isinstance(r, Article | Rejected) for r in results)
    for result in results:
        if isinstance(result, Article):
            assert result.text and result.text == result.text.strip()
            assert all(0 <= b.start < b.end <= len(result.text) for b in result.blocks)
        else:
            assert result.reason and not result.reason.startswith("internal error"), result
