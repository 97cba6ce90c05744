"""``--format json``: the Report as the contract's JSON document (schema_version "1")."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from claims.models import Report
from claims.report.common import ordered

if TYPE_CHECKING:
    from claims.report.options import RenderOptions


def report_data(report: Report, include_text: bool) -> dict[str, Any]:
    """Plain JSON data in canonical order; ``Article.text`` only when asked for (it is large)."""
    exclude: dict[str, Any] | None = None
    if not include_text:
        exclude = {"articles": {"__all__": {"text"}}}
    return ordered(report).model_dump(mode="json", exclude=exclude)


def dumps(data: Any, *, indent: int | None = 2) -> str:
    """JSON text as every claims output writes it: UTF-8 characters, key order kept."""
    if indent is None:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(data, ensure_ascii=False, indent=indent)


def render_json(report: Report, options: RenderOptions) -> str:
    # pydantic's own serializer: the same document as dumps(report_data(...)), several times faster.
    exclude: dict[str, Any] | None = None
    if not options.include_text:
        exclude = {"articles": {"__all__": {"text"}}}
    return ordered(report).model_dump_json(indent=2, exclude=exclude) + "\n"
