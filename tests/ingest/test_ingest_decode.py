"""Bytes to text: UTF-8, legacy encodings with a warning, binary and empty files refused."""

from __future__ import annotations

import codecs
import os

import pytest

from claims.ingest import IngestError, decode_bytes

GERMAN = "Der Präsident äußerte sich über die Größe der Übung – „klar“ und für 5 €.\n"


def test_utf8_decodes_without_warning() -> None:
    assert decode_bytes(GERMAN.encode("utf-8"), path="a.txt") == (GERMAN, [])


def test_utf8_bom_is_removed() -> None:
    text, warnings = decode_bytes(codecs.BOM_UTF8 + GERMAN.encode(), path="a.txt")
    assert text == GERMAN
    assert warnings == []


def test_cp1252_is_detected_and_warned_about() -> None:
    text, warnings = decode_bytes((GERMAN * 3).encode("cp1252"), path="a.txt")
    assert text == GERMAN * 3
    assert warnings == ["decoded as cp1252, not UTF-8"]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(encoding: str) -> None:
    bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
    text, warnings = decode_bytes(bom + GERMAN.encode(encoding), path="a.txt")
    assert text == GERMAN
    assert warnings == ["decoded as utf-16, not UTF-8"]


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", codecs.BOM_UTF8 + b"\n\n"])
def test_empty_or_whitespace_only(data: bytes) -> None:
    with pytest.raises(IngestError) as info:
        decode_bytes(data, path="e.txt")
    assert info.value.code == "empty"
    assert "remove it or add the article text" in info.value.record().message


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        b"PK\x03\x04" + b"\x00" * 40,
        bytes([1, 2, 3, 4, 5, 6, 7, 8, 11, 14]) * 20 + b"some text",
    ],
)
def test_binary_files_are_refused(data: bytes) -> None:
    with pytest.raises(IngestError) as info:
        decode_bytes(data, path="b.txt")
    assert info.value.code == "binary"


def test_random_high_bytes_are_undecodable() -> None:
    data = bytes((b | 0x80) for b in os.urandom(2000))
    # a fixed prefix, so the bytes are never plausible cp1252 by chance
    with pytest.raises(IngestError) as info:
        decode_bytes(b"\x81\x8d\x8f\x90\x9d" + data, path="u.txt")
    assert info.value.code == "decode-error"


def test_mixed_utf8_and_latin1_is_a_decode_error_with_line() -> None:
    data = "Grüße aus München\n".encode() + "zweite Zeile mit Öl\n".encode("latin-1")
    with pytest.raises(IngestError) as info:
        decode_bytes(data, path="m.txt")
    assert info.value.code == "decode-error"
    assert info.value.line == 2
    assert "UTF-8" in info.value.record().message


def test_utf8_bom_with_invalid_bytes_is_a_decode_error() -> None:
    with pytest.raises(IngestError) as info:
        decode_bytes(codecs.BOM_UTF8 + b"Stra\xdfe und Br\xfccke\n", path="x.txt")
    assert info.value.code == "decode-error"
