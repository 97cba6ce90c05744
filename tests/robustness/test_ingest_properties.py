"""Property-based tests: ingest never raises on arbitrary input and ids are content hashes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.errors import InputError
from claims.ingest import article_from_text, decode_bytes

QUOTES = "„“”\"»«‚‘'"
news_text = st.lists(
    st.one_of(
        st.text(st.characters(codec="utf-8"), max_size=30),
        st.sampled_from([*QUOTES, "\n", "\n\n", "\r\n", " ", ".", ",", ":", "---\n", "\ufeff"]),
    ),
    max_size=80,
).map("".join)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(news_text)
def test_article_from_text_never_crashes_and_normalises(raw: str) -> None:
    try:
        article = article_from_text(raw, path="prop.txt")
    except InputError:
        return  # a clear, reportable error (e.g. malformed front matter) is fine
    text = article.text or ""
    assert "\r" not in text
    assert "\x00" not in text
    again = article_from_text(raw, path="other/place.txt")
    assert again.id == article.id, "the id depends on the text, not the path"


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=4000))
def test_decode_bytes_returns_text_or_a_clear_input_error(data: bytes) -> None:
    try:
        text, warnings = decode_bytes(data, path="blob.txt")
    except InputError as exc:
        assert exc.path == "blob.txt" or "blob.txt" in str(exc)
        return
    assert isinstance(text, str)
    assert all(isinstance(w, str) for w in warnings)
