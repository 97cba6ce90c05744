"""What every ingest step shares: the error that carries an ErrorRecord code."""

from __future__ import annotations

from claims.errors import InputError
from claims.models import ErrorRecord

ARTICLE_SUFFIXES = (".txt", ".md", ".jsonl")


class IngestError(InputError):
    """An article that cannot be ingested; ``code`` becomes ``ErrorRecord.code``."""

    def __init__(
        self,
        code: str,
        message: str,
        *,
        path: str,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message, path=path, line=line, hint=hint)
        self.code = code

    def record(self) -> ErrorRecord:
        """One-line ErrorRecord: what is wrong, then what to do."""
        message = f"{self.message} — {self.hint}" if self.hint else self.message
        return ErrorRecord(path=self.path or "", code=self.code, message=message, line=self.line)
