"""Loading YAML data files safely, with errors that name the file, line and field.

Every data file (speakers, knowledge base, claim types, rules, word lists) goes through
:func:`load_models`, so size limits, safe loading and error messages are the same everywhere.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from claims.errors import DataFileError
from claims.safeio import read_regular

MAX_DATA_FILE_BYTES = 2_000_000
#: libyaml's parser when PyYAML has it (several times faster; same data, same line numbers);
#: an error is reported from a second parse with the pure-Python one, whose messages are better.
_FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_YAML_NODES = 200_000

M = TypeVar("M", bound=BaseModel)


def package_data(name: str) -> Path:
    """Path of a file shipped in ``claims/data``."""
    return Path(str(resources.files("claims.data").joinpath(name)))


def _count_nodes(node: yaml.Node, limit: int) -> int:
    """Count nodes of the composed tree, aliases included, so a YAML bomb is refused early."""
    seen = 0
    stack: list[yaml.Node] = [node]
    while stack:
        current = stack.pop()
        seen += 1
        if seen > limit:
            return seen
        if isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
        elif isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack.append(key)
                stack.append(value)
    return seen


MAX_YAML_DEPTH = 64
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_STRING = "tag:yaml.org,2002:str"


def too_deep(text: str, limit: int) -> tuple[int, str] | None:
    """(0-based line, field path) of the first collection nested deeper than ``limit``, or None.

    Reads the event stream (no recursion), so a 5,000-deep document is refused before the
    recursive composer would overflow the stack. libyaml stops at its own depth limit (1,000)
    with an error: then the pure-Python parser reads the events again and finds the field."""
    try:
        return _too_deep(text, limit, _FAST_LOADER)
    except yaml.YAMLError:
        if _FAST_LOADER is yaml.SafeLoader:
            raise
        return _too_deep(text, limit, yaml.SafeLoader)


def _too_deep(text: str, limit: int, loader: type[yaml.SafeLoader]) -> tuple[int, str] | None:
    # per open collection: [is a mapping, the next scalar is a key, the current key]
    stack: list[list[Any]] = []
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if stack and stack[-1][0]:
                stack[-1][1] = True  # this collection was a value: a key comes next
            if len(stack) >= limit:
                mark = event.start_mark
                keys = [str(e[2]) for e in stack if e[0] and e[2] is not None]
                field = ".".join(keys[:3]) + (".…" if len(keys) > 3 else "")
                return (mark.line if mark is not None else 0), field or "(top)"
            stack.append([isinstance(event, yaml.MappingStartEvent), True, None])
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
        elif isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent)) and stack and stack[-1][0]:
            top = stack[-1]
            if top[1]:
                top[2] = getattr(event, "value", "*")
            top[1] = not top[1]
    return None


def bad_scalar(node: yaml.Node, where: tuple[str, ...] = ()) -> tuple[int, str, str] | None:
    """(0-based line, field path, problem) of a scalar YAML would read as an impossible date
    or time (``2022-02-30``, ``0000-01-01``, ``T25:61``), or None."""
    return next(bad_scalars(node, where), None)


def bad_scalars(
    node: yaml.Node, where: tuple[str, ...] = (), *, as_text: bool = False
) -> Iterator[tuple[int, str, str]]:
    """Each scalar that YAML would read as an impossible date or time, in document order, as
    (0-based line, field path, problem); ``as_text`` retags each as a string as it goes, so
    the document can be built (its fields then fail validation as what they are)."""
    stack: list[tuple[yaml.Node, tuple[str, ...]]] = [(node, where)]
    while stack:
        current, at = stack.pop()
        if isinstance(current, yaml.ScalarNode) and current.tag == _TIMESTAMP:
            try:
                yaml.SafeLoader("").construct_yaml_timestamp(current)
            except (ValueError, OverflowError) as exc:
                field = ".".join(at) or "(top)"
                if as_text:
                    current.tag = _STRING
                yield current.start_mark.line, field, f"{current.value!r} is not a date ({exc})"
        elif isinstance(current, yaml.SequenceNode):
            items = [(item, (*at, str(i))) for i, item in enumerate(current.value)]
            stack.extend(reversed(items))
        elif isinstance(current, yaml.MappingNode):
            pairs = [(value, (*at, str(key.value))) for key, value in current.value]
            stack.extend(reversed(pairs))


def read_yaml(path: Path) -> tuple[Any, yaml.Node | None]:
    """Parse a YAML file safely; return the data and its node tree (for line numbers)."""
    return _read_yaml(path, None)


def read_yaml_all(path: Path) -> tuple[Any, yaml.Node | None, list[DataFileError]]:
    """:func:`read_yaml` for ``claims validate``: an impossible date is one problem among
    others (it is read as text and returned as a problem) instead of ending the reading."""
    dates: list[DataFileError] = []
    data, node = _read_yaml(path, dates)
    return data, node, dates


def _read_yaml(path: Path, dates: list[DataFileError] | None) -> tuple[Any, yaml.Node | None]:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DataFileError(f"cannot read data file ({exc.strerror})", path=str(path)) from exc
    if size > MAX_DATA_FILE_BYTES:
        raise DataFileError(
            f"data file is {size:,} bytes, over the limit of {MAX_DATA_FILE_BYTES:,}",
            path=str(path),
            hint="split it into several files",
        )
    try:
        raw = read_regular(path, MAX_DATA_FILE_BYTES + 1)
    except OSError as exc:
        raise DataFileError(f"cannot read data file ({exc.strerror})", path=str(path)) from exc
    if len(raw) > MAX_DATA_FILE_BYTES:
        raise DataFileError(
            f"data file is over the limit of {MAX_DATA_FILE_BYTES:,} bytes",
            path=str(path),
            hint="split it into several files",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataFileError("data file is not UTF-8", path=str(path)) from exc
    try:
        deep = too_deep(text, MAX_YAML_DEPTH)
    except yaml.YAMLError:
        deep = None  # reported with its line by the parse below
    if deep is not None:
        raise DataFileError(
            f"field '{deep[1]}' is nested more than {MAX_YAML_DEPTH} levels deep",
            path=str(path),
            line=deep[0] + 1,
            hint="data files are flat lists of entries",
        )
    loader = _FAST_LOADER(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as fast_exc:
        loader.dispose()
        error: yaml.YAMLError = fast_exc
        loader = yaml.SafeLoader(text)
        try:
            loader.get_single_node()
        except yaml.YAMLError as slow_exc:
            error = slow_exc
        loader.dispose()
        line = getattr(getattr(error, "problem_mark", None), "line", None)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise DataFileError(
            f"invalid YAML: {problem}",
            path=str(path),
            line=line + 1 if line is not None else None,
        ) from error
    try:
        if node is None:
            return None, None
        if _count_nodes(node, MAX_YAML_NODES) > MAX_YAML_NODES:
            raise DataFileError(
                f"data file expands to more than {MAX_YAML_NODES:,} YAML nodes (aliases?)",
                path=str(path),
                hint="write the data out instead of using YAML anchors",
            )
        for line, field, problem in bad_scalars(node, as_text=dates is not None):
            bad_date = DataFileError(
                f"field '{field}': {problem}",
                path=str(path),
                line=line + 1,
                hint="write dates as YYYY-MM-DD (a real day)",
            )
            if dates is None:
                raise bad_date
            dates.append(bad_date)
        # Build the data from the node tree already parsed (and checked): one parse, not two.
        try:
            data = loader.construct_document(node)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise DataFileError(
                f"invalid YAML: {getattr(exc, 'problem', None) or exc}",
                path=str(path),
                line=mark.line + 1 if mark is not None else None,
            ) from exc
        return data, node
    finally:
        loader.dispose()


def line_of(node: yaml.Node | None, loc: Sequence[str | int]) -> int | None:
    """1-based line of the YAML node at a pydantic error location (best effort)."""
    current = node
    line = current.start_mark.line + 1 if current is not None else None
    for key in loc:
        if isinstance(current, yaml.MappingNode):
            found = None
            for k, v in current.value:
                if getattr(k, "value", None) == str(key):
                    found = v
                    line = k.start_mark.line + 1
                    break
            current = found
        elif isinstance(current, yaml.SequenceNode) and isinstance(key, int):
            current = current.value[key] if key < len(current.value) else None
            if current is not None:
                line = current.start_mark.line + 1
        else:
            break
        if current is None:
            break
    return line


def load_models(path: Path, model: type[M], *, key: str) -> list[M]:
    """Load a list of ``model`` entries stored under ``key`` (or as a top-level list)."""
    data, node = read_yaml(path)
    entries_node = node
    loc_prefix: list[str | int] = []
    if isinstance(data, dict):
        if key not in data:
            raise DataFileError(
                f"no '{key}:' list in this file",
                path=str(path),
                hint=f"a {model.__name__} file has a top-level '{key}:' list",
            )
        data = data[key]
        loc_prefix = [key]
    if data is None:
        return []
    if not isinstance(data, list):
        raise DataFileError(
            f"'{key}' must be a list", path=str(path), line=line_of(node, loc_prefix)
        )
    items: list[M] = []
    for index, raw in enumerate(data):
        try:
            items.append(model.model_validate(raw))
        except ValidationError as exc:
            err = exc.errors()[0]
            loc = [*loc_prefix, index, *err["loc"]]
            field = ".".join(str(part) for part in err["loc"]) or "(entry)"
            raise DataFileError(
                f"{model.__name__} #{index + 1}, field '{field}': {err['msg']}",
                path=str(path),
                line=line_of(entries_node, loc),
            ) from exc
    return items


def entry_problems(
    path: Path, model: type[BaseModel], key: str, data: Any, node: yaml.Node | None
) -> list[DataFileError]:
    """Every problem of the ``key`` list of an already read file (all fields of all entries,
    duplicate ids), each naming file, line and field; for ``claims validate``."""
    entries_node = node
    loc_prefix: list[str | int] = []
    if isinstance(data, dict):
        data = data.get(key)
        loc_prefix = [key]
    if data is None:
        return []
    if not isinstance(data, list):
        return [DataFileError(f"'{key}' must be a list", path=str(path), line=line_of(node, [key]))]
    problems: list[DataFileError] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(data):
        try:
            item = model.model_validate(raw)
        except ValidationError as exc:
            for err in exc.errors():
                field = ".".join(str(part) for part in err["loc"]) or "(entry)"
                problems.append(
                    DataFileError(
                        f"{model.__name__} #{index + 1}, field '{field}': {err['msg']}",
                        path=str(path),
                        line=line_of(entries_node, [*loc_prefix, index, *err["loc"]]),
                    )
                )
            continue
        item_id = getattr(item, "id", None)
        if item_id is not None:
            if str(item_id) in seen:
                problems.append(
                    DataFileError(
                        f"duplicate {model.__name__} id '{item_id}' (also #{seen[str(item_id)]})",
                        path=str(path),
                        line=line_of(entries_node, [*loc_prefix, index]),
                    )
                )
            seen.setdefault(str(item_id), index + 1)
    return problems


def entry_line(node: yaml.Node | None, key: str, entry_id: str) -> int | None:
    """Line of the entry with ``id: entry_id`` in the ``key`` list (best effort)."""
    if not isinstance(node, yaml.MappingNode):
        return None
    for k, v in node.value:
        if getattr(k, "value", None) == key and isinstance(v, yaml.SequenceNode):
            for item in v.value:
                if isinstance(item, yaml.MappingNode):
                    for ik, iv in item.value:
                        if (
                            getattr(ik, "value", None) == "id"
                            and getattr(iv, "value", None) == entry_id
                        ):
                            return int(item.start_mark.line) + 1
    return None


def top_level_flag(path: Path, flag: str) -> bool:
    """Whether a data file sets a boolean top-level key such as ``replace: true``."""
    data, _ = read_yaml(path)
    return isinstance(data, dict) and bool(data.get(flag))
