"""Optional YAML front matter between ``---`` lines at the top of an article file.

The YAML is loaded with ``SafeLoader``, limited in size and refused when it uses aliases (a YAML
bomb); front matter is a flat list of a few fields, so nothing legitimate needs either.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from claims.datafiles import too_deep
from claims.ingest.common import IngestError
from claims.textsafe import clean_metadata, display

MAX_FRONT_MATTER_CHARS = 65_536
FIELDS = ("title", "published", "source", "url", "author", "language")
IGNORED = frozenset({"id"})
_OPEN = "---"
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_HINT = "fix the YAML between the '---' lines or remove it"


@dataclass
class Metadata:
    """Validated article metadata (front matter or JSONL keys)."""

    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    language: str | None = None
    warnings: list[str] = field(default_factory=list)

    def merged(self, other: Metadata) -> Metadata:
        """``other``'s fields where set, else this one's; warnings of both."""
        values = {
            name: getattr(other, name) if getattr(other, name) is not None else getattr(self, name)
            for name in FIELDS
        }
        return Metadata(**values, warnings=[*self.warnings, *other.warnings])


def _date_value(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if len(text) > 10 and text[10] in "Tt ":  # a timestamp: its day is the date
            node = yaml.ScalarNode("tag:yaml.org,2002:timestamp", text)
            if not _TIMESTAMP.match(text):
                raise ValueError(f"not a date: {value!r}")
            stamp = yaml.SafeLoader("").construct_yaml_timestamp(node)  # checks the time too
            return stamp.date() if isinstance(stamp, dt.datetime) else stamp
        return dt.date.fromisoformat(text)
    raise ValueError(f"not a date: {value!r}")


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves dates as strings: :func:`validate_metadata` checks them and says
    which field is wrong (``published: 0000-01-01`` made the YAML constructor raise)."""


_TIMESTAMP = yaml.SafeLoader.timestamp_regexp
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
MAX_FRONT_MATTER_DEPTH = 4


def validate_metadata(
    data: Mapping[str, Any],
    *,
    path: str,
    code: str,
    lines: Mapping[str, int] | None = None,
    line: int | None = None,
) -> Metadata:
    """Check known fields, warn about unknown ones. ``lines`` gives the line of each key."""
    meta = Metadata()
    for key, value in data.items():
        where = (lines or {}).get(str(key), line)
        if key in IGNORED or key == "text":
            continue
        if key not in FIELDS:
            meta.warnings.append(f"unknown metadata key '{display(str(key))}' ignored")
            continue
        if value is None:
            continue
        if key == "published":
            try:
                meta.published = _date_value(value)
            except (ValueError, OverflowError) as exc:
                raise IngestError(
                    code,
                    f"'published' is not an ISO date (YYYY-MM-DD): {display(repr(value))}"
                    f" ({display(str(exc))})",
                    path=path,
                    line=where,
                    hint="write the date as YYYY-MM-DD",
                ) from exc
        elif isinstance(value, dt.date):  # YAML reads an unquoted date in any field
            setattr(meta, key, value.isoformat())
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            # untrusted: no terminal escapes, NUL or bidi controls reach any output
            setattr(meta, key, clean_metadata(str(value)) or None)
        else:
            raise IngestError(
                code,
                f"'{key}' must be a single value, not {type(value).__name__}",
                path=path,
                line=where,
                hint=f"write '{key}' as one line of text",
            )
    return meta


def _refuse_aliases(text: str, path: str, first_line: int) -> None:
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            mark = event.start_mark
            raise IngestError(
                "front-matter",
                "front matter uses YAML anchors or aliases",
                path=path,
                line=first_line + mark.line if mark is not None else first_line,
                hint="write the values out",
            )


def _parse(text: str, path: str, first_line: int) -> Metadata:
    try:
        _refuse_aliases(text, path, first_line)
        deep = too_deep(text, MAX_FRONT_MATTER_DEPTH)
        if deep is not None:
            raise IngestError(
                "front-matter",
                f"front matter field '{display(deep[1])}' is nested"
                f" more than {MAX_FRONT_MATTER_DEPTH} levels deep",
                path=path,
                line=first_line + deep[0],
                hint="write each field as one value: 'key: value'",
            )
        node = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if mark is None or mark.line >= text.count("\n"):  # at the end: where it began helps
            mark = getattr(exc, "context_mark", None) or mark
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise IngestError(
            "front-matter",
            f"invalid YAML in front matter: {problem}",
            path=path,
            line=first_line + mark.line if mark is not None else first_line,
            hint=_HINT,
        ) from exc
    if data is None:
        return Metadata()
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise IngestError(
            "front-matter",
            "front matter must be 'key: value' lines",
            path=path,
            line=first_line,
            hint=_HINT,
        )
    lines = {str(k.value): first_line + k.start_mark.line for k, _ in node.value}
    return validate_metadata(data, path=path, code="front-matter", lines=lines)


def split_front_matter(text: str, *, path: str, body_line: int = 1) -> tuple[Metadata, str, int]:
    """Split normalised text into front matter, body and the file line where the body starts.

    ``body_line`` is the file line of the first line of ``text``. Text whose first line is not
    ``---`` has no front matter and is returned whole.
    """
    first, _, rest = text.partition("\n")
    if first.rstrip() != _OPEN:
        return Metadata(), text, body_line
    close = _CLOSE.search(rest)
    if close is None:
        raise IngestError(
            "front-matter",
            "front matter is not closed by a '---' line",
            path=path,
            line=body_line,
            hint="add a '---' line after the front matter",
        )
    if close.start() > MAX_FRONT_MATTER_CHARS:
        raise IngestError(
            "front-matter",
            f"front matter is longer than {MAX_FRONT_MATTER_CHARS // 1024} KB",
            path=path,
            line=body_line,
            hint="keep only title, published, source, url, author and language there",
        )
    yaml_text = rest[: close.start()]
    meta = _parse(yaml_text, path, body_line + 1)
    body = rest[close.end() :].removeprefix("\n")
    return meta, body, body_line + yaml_text.count("\n") + 2
