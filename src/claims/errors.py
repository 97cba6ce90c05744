"""Exit codes and the one error hierarchy the CLI turns into short messages."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes of the contract."""

    OK = 0
    NEW_FINDINGS = 1  # `check`: new contradictions or invalid articles
    USAGE_ERROR = 2  # bad path, invalid data file, no article found
    INTERNAL_ERROR = 3


class ClaimsError(Exception):
    """Base of every error the user should see as a message rather than a traceback."""

    exit_code: ExitCode = ExitCode.USAGE_ERROR
    code: str = "error"

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.hint = hint

    def location(self) -> str:
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}" if self.line else self.path

    def describe(self, clean: Callable[[str], str] = str) -> str:
        """``file:line: message`` and the hint on a second line; ``clean`` is applied to each
        part (the CLI passes :func:`claims.textsafe.display`: paths and messages quote
        untrusted input)."""
        where = self.location()
        text = f"{clean(where)}: {clean(self.message)}" if where else clean(self.message)
        return f"{text}\n  hint: {clean(self.hint)}" if self.hint else text

    def __str__(self) -> str:
        return self.describe()


class UsageError(ClaimsError):
    """Options that do not fit together or cannot be understood (exit 2, like click's own)."""

    code = "usage-error"


class InputError(ClaimsError):
    """An article or path that cannot be read or parsed."""

    code = "input-error"


class DataFileError(ClaimsError):
    """A knowledge-base, rule, claim-type or speaker file that is invalid."""

    code = "data-error"


class OutputError(ClaimsError):
    """A report or cache that cannot be written."""

    code = "output-error"


class NotAvailableError(ClaimsError):
    """A feature that this version does not provide (yet)."""

    code = "not-available"


class InternalError(ClaimsError):
    """A bug: reported with exit code 3."""

    exit_code = ExitCode.INTERNAL_ERROR
    code = "internal-error"


#: set by ``claims --debug`` for the command's duration: an article whose analysis fails
#: raises with its traceback instead of becoming an error record of the run
DEBUG_ENV = "CLAIMS_DEBUG"
