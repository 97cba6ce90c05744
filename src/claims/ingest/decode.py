"""Bytes to text: UTF-8 first, a short list of legacy encodings second, binary files refused."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from claims.ingest.common import IngestError

# Legacy encodings German text files come in when they are not UTF-8. Anything wider (all the
# encodings charset-normalizer knows) guesses wrong on short German texts.
LEGACY_ENCODINGS = ("cp1252", "latin_1")
# Share of control bytes (other than tab, newline, carriage return, form feed) above which a
# file is taken for binary data.
MAX_CONTROL_SHARE = 0.05
_SAMPLE = 65_536
_TEXT_CONTROLS = frozenset(b"\t\n\r\f")
# every byte but the control bytes that do not occur in text (for bytes.translate)
_NOT_CONTROL = bytes(b for b in range(256) if b >= 0x20 or b in _TEXT_CONTROLS)
# (byte order mark, name for the warning, codec for the bytes after the mark); UTF-32 first,
# since its little-endian mark starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "utf_32_le"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf_32_be"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf_16_le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf_16_be"),
)


def looks_binary(data: bytes) -> bool:
    """Many control bytes (NUL included): an image, archive or office file, not text. A stray
    NUL in a text is not binary: it becomes a space, as it does in JSONL text."""
    sample = data[:_SAMPLE]
    controls = len(sample.translate(None, _NOT_CONTROL))  # only control bytes are kept
    return bool(sample) and controls / len(sample) > MAX_CONTROL_SHARE


# Share of the byte pairs with a NUL in one half (and almost none in the other) from which a
# file without byte order mark is taken for UTF-16: ASCII letters, digits, spaces and German
# umlauts are all U+00xx, so German UTF-16 text is mostly such pairs.
UTF16_NUL_SHARE = 0.3


def utf16_codec(data: bytes) -> str | None:
    """``utf_16_le`` or ``utf_16_be`` when bytes without a BOM look like UTF-16 text."""
    sample = data[: _SAMPLE - _SAMPLE % 2]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    for codec, zeros, others in (("utf_16_le", odd, even), ("utf_16_be", even, odd)):
        if zeros / pairs >= UTF16_NUL_SHARE and others <= pairs * 0.01:
            try:
                text = sample.decode(codec)
            except UnicodeDecodeError:
                return None
            controls = sum(1 for ch in text if ord(ch) < 0x20 and ch not in "\t\n\r\f")
            return codec if controls <= len(text) * MAX_CONTROL_SHARE else None
    return None


def _utf8_error(data: bytes, exc: UnicodeDecodeError, path: str) -> IngestError:
    line = data.count(b"\n", 0, exc.start) + 1
    return IngestError(
        "decode-error",
        f"invalid UTF-8 at byte {exc.start:,} (mixed encodings?)",
        path=path,
        line=line,
        hint="re-save the file as UTF-8",
    )


def _has_utf8_multibyte(data: bytes) -> bool:
    """Whether the bytes hold valid multi-byte UTF-8 sequences (so the file is meant as UTF-8)."""
    text = data.decode("utf-8", errors="replace")
    return any(ord(ch) > 0x7F and ch != "\ufffd" for ch in text)


def decode_bytes(data: bytes, *, path: str) -> tuple[str, list[str]]:
    """Decode a file's bytes; return the text and warnings (for a non-UTF-8 file).

    Raises :class:`IngestError` with code ``empty``, ``binary`` or ``decode-error``.
    """
    if not data.strip():
        raise IngestError(
            "empty", "file is empty", path=path, hint="remove it or add the article text"
        )
    for bom, encoding, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise IngestError(
                    "decode-error",
                    f"file starts with a {encoding} byte order mark but is not valid {encoding}",
                    path=path,
                    hint="re-save the file as UTF-8",
                ) from exc
            return _non_empty(text, path), [f"decoded as {encoding}, not UTF-8"]
    utf16 = utf16_codec(data)
    if utf16 is not None:
        try:
            text = data[: len(data) - len(data) % 2].decode(utf16)
        except UnicodeDecodeError as exc:
            raise IngestError(
                "decode-error",
                f"file looks like UTF-16 but is not valid UTF-16 at byte {exc.start:,}",
                path=path,
                hint="re-save the file as UTF-8",
            ) from exc
        return _non_empty(text, path), ["decoded as utf-16 (no byte order mark), not UTF-8"]
    if looks_binary(data):
        raise IngestError(
            "binary",
            "file looks binary (NUL or control bytes), not text",
            path=path,
            hint="pass only plain-text articles (.txt, .md, .jsonl)",
        )
    try:
        return _non_empty(data.decode("utf-8-sig"), path), []
    except UnicodeDecodeError as exc:
        if data.startswith(codecs.BOM_UTF8) or _has_utf8_multibyte(data):
            raise _utf8_error(data, exc, path) from exc
    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is None:
        raise IngestError(
            "decode-error",
            "file is not UTF-8 and no legacy encoding (cp1252, latin-1) fits",
            path=path,
            hint="re-save the file as UTF-8",
        )
    encoding = "latin-1" if best.encoding == "latin_1" else best.encoding
    return _non_empty(str(best), path), [f"decoded as {encoding}, not UTF-8"]


def _non_empty(text: str, path: str) -> str:
    if not text.strip():
        raise IngestError(
            "empty",
            "file holds only whitespace",
            path=path,
            hint="remove it or add the article text",
        )
    return text
