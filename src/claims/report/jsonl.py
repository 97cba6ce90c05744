"""``--format jsonl``: one JSON object per line with a ``type`` field, for streaming tools.

Lines come in the order article, statement, finding, error, each group in the order of the JSON
report, so ``grep '"type":"finding"'`` or ``jq 'select(.type=="finding")'`` work line by line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claims.models import Report
from claims.report.json_ import dumps, report_data

if TYPE_CHECKING:
    from claims.report.options import RenderOptions

GROUPS = (
    ("articles", "article"),
    ("statements", "statement"),
    ("findings", "finding"),
    ("errors", "error"),
)


def render_jsonl(report: Report, options: RenderOptions) -> str:
    data = report_data(report, options.include_text)
    lines = []
    for group, kind in GROUPS:
        for item in data[group]:
            record: dict[str, Any] = {"type": kind, **item}
            lines.append(dumps(record, indent=None))
    return "".join(line + "\n" for line in lines)
