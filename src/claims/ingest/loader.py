"""Articles from files: one file (or one JSONL line) at a time, errors as records, never raised."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO, Any, Protocol

from claims import ids
from claims.ingest.common import IngestError
from claims.ingest.dates import find_date
from claims.ingest.decode import decode_bytes
from claims.ingest.discover import Skipped, discover
from claims.ingest.frontmatter import split_front_matter, validate_metadata
from claims.ingest.furniture import strip_furniture
from claims.ingest.language import language_warnings
from claims.ingest.normalize import normalize_text
from claims.ingest.title import find_title
from claims.models import Article, ErrorRecord
from claims.safeio import NotRegularFile, open_regular

DEFAULT_MAX_BYTES = 5_000_000
# The publication date is looked for in the head of the article (bylines, date lines); a date
# further down is an event in the story, not the day it was published.
DATE_WINDOW_CHARS = 2_000


@dataclass(frozen=True)
class DuplicateArticle:
    """The same ingested text seen again: it is analysed once and warned about once."""

    path: str  # the later file
    article_id: str  # id of the article already yielded

    @property
    def message(self) -> str:
        return f"same text as article {self.article_id}; analysed once"


LoadResult = Article | ErrorRecord | DuplicateArticle | Skipped


def article_from_text(
    raw: str,
    *,
    path: str,
    body_line: int = 1,
    meta: Mapping[str, Any] | None = None,
    warnings: Sequence[str] = (),
) -> Article:
    """Decoded text -> Article: normalise, front matter, date, furniture, title, language, ids.

    ``meta`` (JSONL keys) wins over front matter. Raises :class:`IngestError` for malformed front
    matter or metadata and for a text that is empty once furniture is removed.
    """
    text = normalize_text(raw)
    info, body, body_line = split_front_matter(text, path=path, body_line=body_line)
    if meta is not None:
        info = info.merged(validate_metadata(meta, path=path, code="metadata", line=body_line))
    published = info.published or find_date(body[:DATE_WINDOW_CHARS])
    cleaned = strip_furniture(body).rstrip()
    if not cleaned.strip():
        raise IngestError(
            "empty",
            "no article text (only front matter or page furniture)",
            path=path,
            line=body_line,
            hint="add the article text",
        )
    return Article(
        id=ids.article_id(cleaned),
        path=path,
        title=info.title or find_title(cleaned),
        published=published,
        source=info.source,
        sha256=ids.sha256_text(cleaned),
        warnings=[
            *warnings,
            *info.warnings,
            *_date_warnings(published),
            *language_warnings(cleaned, info.language),
        ],
        url=info.url,
        author=info.author,
        language=info.language,
        text=cleaned,
        body_line=body_line,
    )


# Publication dates outside these bounds are kept but warned about: a typo (`0001-01-01`,
# `2302-05-01`) would place every statement of the article before or after every action.
EARLIEST_PLAUSIBLE = dt.date(1900, 1, 1)
FUTURE_DAYS = 366


def _date_warnings(published: dt.date | None) -> list[str]:
    if published is None:
        return []
    if published < EARLIEST_PLAUSIBLE:
        return [f"publication date {published.isoformat()} is before 1900; check 'published'"]
    if published > dt.date.today() + dt.timedelta(days=FUTURE_DAYS):
        return [f"publication date {published.isoformat()} is in the future; check 'published'"]
    return []


def _too_large(path: str, size: str, max_bytes: int, line: int | None = None) -> ErrorRecord:
    return ErrorRecord(
        path=path,
        code="too-large",
        message=f"{size} is over the limit of {max_bytes:,} bytes"
        " — raise it with --max-bytes or split the file",
        line=line,
    )


def _unreadable(path: str, exc: OSError) -> ErrorRecord:
    reason = exc.strerror or str(exc)
    return ErrorRecord(
        path=path,
        code="unreadable",
        message=f"cannot read file ({reason}) — check that it exists and is readable",
    )


def read_article_bytes(path: Path, max_bytes: int) -> bytes | ErrorRecord:
    """The bytes of a regular file of at most ``max_bytes``, or the ErrorRecord saying why not.

    Only regular files are opened (a named pipe would block, a device never end)."""
    name = str(path)
    try:
        with open_regular(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                return _too_large(name, f"file is {size:,} bytes, which", max_bytes)
            data = handle.read(max_bytes + 1)
    except NotRegularFile as exc:
        return ErrorRecord(
            path=name,
            code="not-a-file",
            message=f"{exc.strerror}; not read — pass article files or directories",
        )
    except OSError as exc:
        return _unreadable(name, exc)
    if len(data) > max_bytes:  # grew after stat
        return _too_large(name, "file", max_bytes)
    return data


def articles_from_bytes(path: Path, data: bytes) -> list[Article | ErrorRecord]:
    """A text file's bytes -> its article, or the ErrorRecord of why it is none."""
    name = str(path)
    try:
        text, warnings = decode_bytes(data, path=name)
        return [article_from_text(text, path=name, warnings=warnings)]
    except IngestError as exc:
        return [exc.record()]


def _load_text_file(path: Path, max_bytes: int) -> list[Article | ErrorRecord]:
    data = read_article_bytes(path, max_bytes)
    return [data] if isinstance(data, ErrorRecord) else articles_from_bytes(path, data)


def _jsonl_lines(handle: IO[bytes], max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line; None for a line over ``max_bytes`` (skipped unread)."""
    number = 0
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


def _jsonl_article(name: str, number: int, line: bytes) -> Article:
    location = f"{name}:{number}"

    def fail(code: str, message: str, hint: str) -> IngestError:
        return IngestError(code, message, path=name, line=number, hint=hint)

    try:
        obj = json.loads(line.decode("utf-8-sig" if number == 1 else "utf-8"))
    except UnicodeDecodeError as exc:
        raise fail("decode-error", "line is not valid UTF-8", "save the file as UTF-8") from exc
    except (ValueError, RecursionError) as exc:
        detail = exc.msg if isinstance(exc, json.JSONDecodeError) else "too deeply nested"
        raise fail(
            "jsonl-invalid", f"line is not valid JSON ({detail})", "write one JSON object per line"
        ) from exc
    if not isinstance(obj, dict):
        raise fail("jsonl-invalid", "line is not a JSON object", "write one JSON object per line")
    if not isinstance(obj.get("text"), str):
        raise fail(
            "jsonl-no-text",
            "line has no string 'text' field",
            'add "text": "<article text>" to the object',
        )
    obj, replaced = _without_lone_surrogates(obj)
    warnings = ["lone UTF-16 surrogate escape replaced by U+FFFD"] if replaced else []
    validate_metadata(obj, path=name, code="jsonl-invalid", line=number)
    return article_from_text(
        obj["text"], path=location, body_line=number, meta=obj, warnings=warnings
    )


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_lone_surrogates(value: Any) -> tuple[Any, bool]:
    """JSON may escape half a UTF-16 pair (`"\\ud800"`): no valid text, and UTF-8 cannot encode
    it, so it becomes U+FFFD (one character for one, offsets hold) with a warning."""
    changed = False

    def fix(item: Any) -> Any:
        nonlocal changed
        if isinstance(item, str):
            fixed, count = _LONE_SURROGATE.subn("\ufffd", item)
            changed = changed or count > 0
            return fixed
        if isinstance(item, dict):
            return {fix(key): fix(val) for key, val in item.items()}
        if isinstance(item, list):
            return [fix(val) for val in item]
        return item

    return fix(value), changed


def _load_jsonl(path: Path, max_bytes: int) -> Iterator[Article | ErrorRecord]:
    """One article per line, streamed; ``max_bytes`` limits each line, not the file."""
    name = str(path)
    articles = 0
    try:
        with open_regular(path) as handle:
            for number, line in _jsonl_lines(handle, max_bytes):
                if line is None:
                    yield _too_large(name, "line", max_bytes, line=number)
                    continue
                if not line.strip():
                    continue
                articles += 1
                try:
                    yield _jsonl_article(name, number, line)
                except IngestError as exc:
                    record = exc.record()
                    yield record.model_copy(update={"path": name, "line": number})
    except OSError as exc:
        yield _unreadable(name, exc)
        return
    if articles == 0:
        yield ErrorRecord(
            path=name,
            code="empty",
            message="JSONL file has no article lines — remove it or add one JSON object per line",
        )


class FileMemo(Protocol):
    """Remembers what a file's bytes ingested to (the incremental cache implements it).

    Keyed on the path as given and a hash of the bytes read, never on size and time (an edit
    by ``cp -p`` keeps both); a file that could not be read is never remembered."""

    def get(self, path: Path, digest: str) -> list[Article | ErrorRecord] | None: ...

    def put(self, path: Path, digest: str, results: list[Article | ErrorRecord]) -> None: ...


def load_articles(
    paths: Sequence[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    memo: FileMemo | None = None,
    follow_symlinks: bool = False,
) -> Iterator[LoadResult]:
    """Articles of ``paths``, streamed; a bad input yields an ErrorRecord and the rest goes on.

    A text seen before (in any file) yields a DuplicateArticle instead of a second Article; a
    file the directory walk leaves out (see :func:`discover`) yields a :class:`Skipped` note.
    With ``memo``, a .txt/.md file whose bytes were seen before is not decoded and cleaned
    again (JSONL files are streamed).
    """
    text_file: TextLoader = _load_text_file if memo is None else partial(_remembered, memo=memo)
    return without_duplicates(file_results(paths, max_bytes, follow_symlinks, text_file))


#: What a .txt/.md file ingests to (given its path and the byte limit).
TextLoader = Callable[[Path, int], Iterable[Any]]


def file_results(
    paths: Sequence[str | Path], max_bytes: int, follow_symlinks: bool, text_file: TextLoader
) -> Iterator[Any]:
    """Each file's results in walk order: the walk's own records, a JSONL file's lines, and
    what ``text_file`` makes of a text file."""
    for found in discover(paths, follow_symlinks=follow_symlinks):
        if isinstance(found, (ErrorRecord, Skipped)):
            yield found
        elif found.suffix.lower() == ".jsonl":
            yield from _load_jsonl(found, max_bytes)
        else:
            yield from text_file(found, max_bytes)


def without_duplicates(results: Iterable[Any]) -> Iterator[LoadResult]:
    """The results with a text seen before (in any file) as a DuplicateArticle."""
    seen: dict[str, str] = {}
    for result in results:
        if isinstance(result, Article):
            if result.sha256 in seen:
                yield DuplicateArticle(path=result.path, article_id=seen[result.sha256])
                continue
            seen[result.sha256] = result.id
        yield result


def _remembered(path: Path, max_bytes: int, memo: FileMemo) -> list[Article | ErrorRecord]:
    data = read_article_bytes(path, max_bytes)
    if isinstance(data, ErrorRecord):
        return [data]  # a read error is never remembered: fixing the file must be seen
    digest = hashlib.sha256(data).hexdigest()
    results = memo.get(path, digest)
    if results is None:
        results = articles_from_bytes(path, data)
        memo.put(path, digest, results)
    return results
