"""``claims check``: compare a run with a baseline of accepted findings, for CI.

A baseline entry is a *fingerprint* of what was said, by whom, under which rule - not of where it
stands. Rewrapping an article, changing its quote marks, moving the quote to another paragraph or
another file keeps the fingerprint, so a reviewed finding stays accepted; a new speaker, rule or
wording makes a new one.

Each entry has a review status - ``accepted`` (the contradiction is right and on record) or
``false-positive`` (the tool is wrong here) - with the reason, who set it and when. Both keep the
finding out of the gate; SARIF reports them as suppressed results. Baselines written before
statuses existed read as ``accepted`` entries without reason.

Updating a baseline touches only the *scope* of the run: the articles it analysed and the speakers
it selected. Entries of other articles (a run on one file, ``--speaker X``, an article that failed
to load) are kept as they are; only entries in scope that are no longer found are removed (they
are reported as *stale* by a check).
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import re
import stat
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from claims.errors import InputError, InternalError, UsageError
from claims.ids import digest, normalise
from claims.models import ErrorRecord, Finding, Report, Statement
from claims.safeio import read_regular

FINGERPRINT_VERSION = "v1"
CHECK_FORMATS = ("text", "json", "github", "sarif")
MAX_BASELINE_BYTES = 50_000_000
MAX_BASELINE_DEPTH = 100  # a baseline is 3 levels deep; json.loads overflows near 1,000
EXCERPT_CHARS = 160

_SPACE = re.compile(r"\s+")


def fingerprint(finding: Finding, statement: Statement) -> str:
    """Stable id of an accepted finding: rule, speaker and normalised statement text."""
    return (
        FINGERPRINT_VERSION
        + ":"
        + digest(
            "claims-fingerprint",
            FINGERPRINT_VERSION,
            finding.rule_id,
            statement.speaker or "",
            normalise(statement.text),
            length=32,
        )
    )


Status = Literal["accepted", "false-positive"]
STATUSES: tuple[Status, ...] = ("accepted", "false-positive")
# Optional review fields: left out of the file while unset, so old baselines stay as they were.
REVIEW_FIELDS = ("reason", "by", "at", "finding_id")


class BaselineEntry(BaseModel):
    """One reviewed finding. Only ``fingerprint`` is compared; ``status`` says how it was
    reviewed; the rest is for the human reading a diff."""

    model_config = ConfigDict(extra="ignore")

    fingerprint: str = Field(min_length=1)
    rule_id: str
    speaker: str | None = None
    text: str = Field(default="", description="Excerpt of the statement.")
    article: str = Field(default="", description="Path of the article it was accepted in.")
    status: Status = Field(
        default="accepted",
        description="accepted: a right contradiction, on record; false-positive: the tool is "
        "wrong here. Both keep the finding out of the gate.",
    )
    reason: str | None = Field(default=None, description="Why, in the reviewer's words.")
    by: str | None = Field(default=None, description="Who reviewed it.")
    at: str | None = Field(default=None, description="When (ISO 8601, UTC).")
    finding_id: str | None = Field(
        default=None, description="The finding's id when it was recorded (for reference only)."
    )


class Baseline(BaseModel):
    """The accepted findings of a corpus (``claims-baseline.json``)."""

    model_config = ConfigDict(extra="ignore")

    version: int = 1
    findings: list[BaselineEntry] = Field(default_factory=list)

    def fingerprints(self) -> set[str]:
        return {entry.fingerprint for entry in self.findings}


# A JSON string, or one bracket: what nesting depth is made of (strings may hold brackets).
_JSON_NESTING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


def json_too_deep(text: str, limit: int) -> int | None:
    """1-based line of the first array or object nested deeper than ``limit``, or None.

    A linear scan without recursion, for a document that ``json.loads`` could not read
    because of its depth (a 5,000-deep array overflows the recursive decoder)."""
    depth = 0
    for match in _JSON_NESTING.finditer(text):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
            if depth > limit:
                return text.count("\n", 0, match.start()) + 1
        elif token in ("]", "}"):
            depth -= 1
    return None


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file; any problem is an :class:`InputError` that names the file."""
    where = str(path)
    hint = "fix the file, or recreate it with `claims check PATH --update-baseline`"
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise InputError(
                "the baseline is a directory, not a file",
                path=where,
                hint="remove or rename the directory, or pass --baseline FILE",
            )
        # only a regular file: a named pipe would block, a device never end
        data_bytes = read_regular(path, MAX_BASELINE_BYTES + 1)
        if len(data_bytes) > MAX_BASELINE_BYTES:
            raise InputError(
                f"baseline is over the limit of {MAX_BASELINE_BYTES:,} bytes",
                path=where,
                hint=hint,
            )
        raw = data_bytes.decode("utf-8-sig")
    except FileNotFoundError as exc:
        raise InputError(
            "baseline file not found",
            path=where,
            hint="create it with `claims check PATH --update-baseline`",
        ) from exc
    except UnicodeDecodeError as exc:
        raise InputError("baseline is not UTF-8 text", path=where, hint=hint) from exc
    except OSError as exc:
        raise InputError(f"cannot read baseline ({exc.strerror})", path=where) from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"baseline is not valid JSON: {exc.msg}", path=where, line=exc.lineno, hint=hint
        ) from exc
    except RecursionError as exc:
        line = json_too_deep(raw, MAX_BASELINE_DEPTH)
        raise InputError(
            f"baseline is nested more than {MAX_BASELINE_DEPTH} levels deep",
            path=where,
            line=line,
            hint=hint,
        ) from exc
    if not isinstance(data, dict):
        raise InputError(
            "baseline must be a JSON object with a 'findings' list", path=where, hint=hint
        )
    try:
        baseline = Baseline.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        raise InputError(
            f"invalid baseline at {loc}: {first['msg']}", path=where, hint=hint
        ) from exc
    if baseline.version != 1:
        raise InputError(
            f"baseline version {baseline.version} is not supported (this claims reads 1)",
            path=where,
            hint="upgrade claims, or recreate the baseline with --update-baseline",
        )
    return baseline


def _article_key(path: str) -> str:
    """An article path as scopes compare it: the file (not a JSONL line), absolute, normalised."""
    from claims.report.common import split_path

    return os.path.normcase(os.path.abspath(split_path(path)[0])) if path else ""


@dataclass(frozen=True)
class RunScope:
    """What a run looked at: the files of its articles and the speakers it selected.

    A baseline entry is in scope when its article was analysed, or was deleted from a folder
    the run searched (a file that is gone can have no findings); and its speaker was selected.
    Entries outside the scope are neither stale nor removed by an update: the run could not have
    found them (an article that failed to load is still there, so it is outside).
    """

    articles: frozenset[str]
    speakers: tuple[str, ...] = ()
    roots: tuple[str, ...] = ()

    @classmethod
    def of(
        cls, report: Report, speakers: Sequence[str] = (), paths: Sequence[str | Path] = ()
    ) -> RunScope:
        return cls(
            frozenset(_article_key(a.path) for a in report.articles),
            tuple(speakers),
            tuple(_article_key(str(p)) for p in paths),
        )

    def _deleted_under_root(self, key: str) -> bool:
        if not key or os.path.lexists(key):
            return False
        return any(
            key == root or key.startswith(root.rstrip(os.sep) + os.sep) for root in self.roots
        )

    def covers(self, entry: BaselineEntry) -> bool:
        from claims.app import speaker_selected

        key = _article_key(entry.article)
        in_run = key in self.articles or self._deleted_under_root(key)
        return in_run and speaker_selected(entry.speaker, self.speakers)


def _statements(report: Report) -> dict[str, Statement]:
    return {s.id: s for s in report.statements}


def _statement_of(finding: Finding, statements: dict[str, Statement]) -> Statement:
    try:
        return statements[finding.statement_id]
    except KeyError:
        raise InternalError(
            f"finding {finding.id} refers to statement {finding.statement_id}, "
            "which is not in the report"
        ) from None


def _excerpt(text: str) -> str:
    text = _SPACE.sub(" ", text).strip()
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1].rstrip() + "…"


def baseline_from_report(report: Report) -> Baseline:
    """The contradictions of ``report`` as a baseline (one entry per fingerprint)."""
    statements = _statements(report)
    paths = {a.id: a.path for a in report.articles}
    entries: dict[str, BaselineEntry] = {}
    for finding in report.findings:
        if finding.verdict != "contradiction":
            continue
        statement = _statement_of(finding, statements)
        fp = fingerprint(finding, statement)
        if fp in entries:
            continue
        entries[fp] = BaselineEntry(
            fingerprint=fp,
            rule_id=finding.rule_id,
            speaker=statement.speaker,
            text=_excerpt(statement.text),
            article=paths.get(statement.article_id, ""),
            finding_id=finding.id,
        )
    ordered = sorted(
        entries.values(), key=lambda e: (e.article, e.rule_id, e.speaker or "", e.fingerprint)
    )
    return Baseline(findings=ordered)


def dump_baseline(baseline: Baseline) -> str:
    """Deterministic JSON text: entries sorted, keys in model order, one entry per few lines;
    review fields that are unset are left out."""
    data = baseline.model_dump(mode="json")
    for entry in data["findings"]:
        for key in REVIEW_FIELDS:
            if entry.get(key) is None:
                entry.pop(key, None)
    data["findings"] = sorted(
        data["findings"],
        key=lambda e: (e["article"], e["rule_id"], e["speaker"] or "", e["fingerprint"]),
    )
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def default_reviewer() -> str:
    """Who is reviewing: ``git config user.name``, else the login name, else "unknown"."""
    try:
        done = subprocess.run(
            ["git", "config", "user.name"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
        name = done.stdout.strip()
        if done.returncode == 0 and name:
            return name
    except (OSError, subprocess.SubprocessError):
        pass
    for var in ("USER", "USERNAME", "LOGNAME"):
        if os.environ.get(var, "").strip():
            return os.environ[var].strip()
    try:
        return getpass.getuser()
    except Exception:  # no login name (a container without passwd entry)
        return "unknown"


def now_utc() -> str:
    """The current time as ISO 8601 UTC, to the second (``2024-05-01T12:00:00Z``)."""
    return (
        dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    )


@dataclass
class BaselineChange:
    """What writing a baseline changed, for the message that says so."""

    added: list[BaselineEntry] = field(default_factory=list)
    removed: list[BaselineEntry] = field(default_factory=list)
    found_again: int = 0  # entries of this run's findings, kept (path and excerpt refreshed)
    outside: int = 0  # entries of articles or speakers this run did not look at, kept as is
    marked: list[BaselineEntry] = field(default_factory=list)  # --accept / --reject
    updated: bool = False  # --update-baseline ran (else only marks were set)


def update_baseline(
    old: Baseline | None,
    report: Report,
    scope: RunScope,
    *,
    by: str,
    at: str,
    reason: str | None = None,
) -> tuple[Baseline, BaselineChange]:
    """Accept every current contradiction, keeping what the run could not see.

    Entries found again keep their review (status, reason, who, when) and get the current path
    and excerpt; new ones are added as ``accepted``; entries in ``scope`` that are no longer found
    are removed; entries outside it are kept untouched.
    """
    current = {e.fingerprint: e for e in baseline_from_report(report).findings}
    change = BaselineChange(updated=True)
    entries: dict[str, BaselineEntry] = {}
    for entry in old.findings if old else []:
        if entry.fingerprint in current:
            now = current[entry.fingerprint]
            entries[entry.fingerprint] = entry.model_copy(
                update={"article": now.article, "text": now.text, "finding_id": now.finding_id}
            )
            change.found_again += 1
        elif scope.covers(entry):
            change.removed.append(entry)
        else:
            entries[entry.fingerprint] = entry
            change.outside += 1
    for fp, entry in current.items():
        if fp not in entries:
            added = entry.model_copy(update={"status": "accepted", "by": by, "at": at})
            if reason:
                added = added.model_copy(update={"reason": reason})
            entries[fp] = added
            change.added.append(added)
    return Baseline(findings=list(entries.values())), change


def _matches(wanted: str, *candidates: str | None) -> bool:
    """An id as given (``f-…`` or a fingerprint ``v1:…``), or a unique-enough prefix of one."""
    wanted = wanted.strip()
    return any(
        c and (c == wanted or (len(wanted) >= 8 and c.startswith(wanted))) for c in candidates
    )


def mark_findings(
    baseline: Baseline,
    result: CheckResult,
    ids: Sequence[tuple[str, Status]],
    *,
    reason: str,
    by: str,
    at: str,
) -> tuple[Baseline, list[BaselineEntry]]:
    """Set the review status of findings by id: a contradiction of this run (finding id or
    fingerprint, or a prefix of 8+ characters) or an entry already in the baseline."""
    current = {e.fingerprint: e for e in baseline_from_report(result.report).findings}
    entries = {e.fingerprint: e for e in baseline.findings}
    marked: list[BaselineEntry] = []
    for wanted, status in ids:
        hits = {fp for fp, e in current.items() if _matches(wanted, fp, e.finding_id)}
        hits |= {fp for fp, e in entries.items() if _matches(wanted, fp, e.finding_id)}
        if not hits:
            raise UsageError(
                f"no contradiction with id {wanted!r} in this run or in the baseline",
                hint="the ids are the `finding_id` (f-…) or `fingerprint` (v1:…) of "
                "`claims check PATH --format json`, also shown at the end of each text line",
            )
        if len(hits) > 1:
            raise UsageError(
                f"id {wanted!r} matches {len(hits)} findings", hint="give more of the id"
            )
        fp = hits.pop()
        entry = entries.get(fp) or current[fp]
        if fp in current:  # refresh what the reviewer sees
            now = current[fp]
            entry = entry.model_copy(
                update={"article": now.article, "text": now.text, "finding_id": now.finding_id}
            )
        entry = entry.model_copy(update={"status": status, "reason": reason, "by": by, "at": at})
        entries[fp] = entry
        marked.append(entry)
    return Baseline(findings=list(entries.values())), marked


@dataclass(frozen=True)
class Review:
    """What a ``claims check`` run should write into the baseline (``--update-baseline``,
    ``--accept``, ``--reject``) and as whom."""

    update: bool = False
    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    reason: str | None = None
    by: str | None = None
    force: bool = False

    @property
    def writes(self) -> bool:
        return bool(self.update or self.accept or self.reject)

    def check_options(self) -> None:
        """Options that do not fit together are a :class:`UsageError` (before any analysis)."""
        if (self.accept or self.reject) and not (self.reason and self.reason.strip()):
            raise UsageError(
                "--accept and --reject need --reason",
                hint='say why, e.g. --reason "checked against the UN resolution"',
            )
        both = set(self.accept) & set(self.reject)
        if both:
            raise UsageError(f"{sorted(both)[0]!r} is given to both --accept and --reject")
        if not self.writes:
            for name, value in (("--reason", self.reason), ("--by", self.by)):
                if value is not None:
                    raise UsageError(f"{name} goes with --accept, --reject or --update-baseline")
        if self.force and not self.update:
            raise UsageError("--force goes with --update-baseline")


def apply_review(
    old: Baseline | None,
    result: CheckResult,
    scope: RunScope,
    review: Review,
    *,
    at: str | None = None,
) -> tuple[Baseline, BaselineChange]:
    """The baseline after ``review``; refuses (InputError, exit 2) to update it from a run in
    which articles failed to load, unless forced: their reviewed entries would be unknown."""
    if review.update and result.errors and not review.force:
        first = result.errors[0]
        where = f"{first.path}:{first.line}" if first.line else first.path
        raise InputError(
            f"{len(result.errors)} article(s) could not be analysed (first: {where}: "
            f"{first.message}); the baseline was not changed",
            path=result.baseline_path,
            hint="fix the articles, or add --force to update anyway (entries of the articles "
            "that failed are kept)",
        )
    by = review.by or default_reviewer()
    at = at or now_utc()
    baseline = old or Baseline()
    change = BaselineChange()
    if review.update:
        baseline, change = update_baseline(
            baseline, result.report, scope, by=by, at=at, reason=review.reason
        )
    marks: list[tuple[str, Status]] = [(i, "accepted") for i in review.accept]
    marks += [(i, "false-positive") for i in review.reject]
    if marks:
        baseline, change.marked = mark_findings(
            baseline, result, marks, reason=review.reason or "", by=by, at=at
        )
    return baseline, change


def describe_change(change: BaselineChange, target: str) -> list[str]:
    """What a baseline write did, for stderr: counts, then one line per added, removed or
    marked entry."""

    def line(sign: str, entry: BaselineEntry, note: str = "") -> str:
        who = entry.speaker or "unknown speaker"
        return (
            f"  {sign} {entry.rule_id} {who} {entry.article}: “{_excerpt(entry.text)[:80]}”{note}"
        )

    kept = change.found_again + change.outside
    parts = []
    if change.updated:
        parts.append(
            f"{len(change.added)} added, {len(change.removed)} removed, {kept} kept "
            f"({change.outside} outside the articles and speakers of this run)"
        )
    if change.marked:
        parts.append(f"{len(change.marked)} reviewed")
    lines = [f"claims: wrote {target}: " + ", ".join(parts)]
    lines += [line("+", e) for e in change.added]
    lines += [line("-", e, " (no longer found)") for e in change.removed]
    lines += [line("=", e, f" -> {e.status}: {e.reason}") for e in change.marked]
    return lines


@dataclass
class CheckResult:
    """Outcome of ``claims check``: what is new, what was accepted, what could not be read."""

    new: list[Finding]
    known: list[Finding]
    errors: list[ErrorRecord]
    report: Report
    stale: list[BaselineEntry] = field(default_factory=list)
    fingerprints: dict[str, str] = field(default_factory=dict)  # finding id -> fingerprint
    reviews: dict[str, BaselineEntry] = field(default_factory=dict)  # fingerprint -> entry
    baseline_path: str | None = None

    def review(self, finding: Finding) -> BaselineEntry | None:
        """The baseline entry of a known finding (its status, reason, who, when)."""
        return self.reviews.get(self.fingerprints.get(finding.id, ""))

    @property
    def false_positives(self) -> list[Finding]:
        return [f for f in self.known if (r := self.review(f)) and r.status == "false-positive"]

    @property
    def failed(self) -> bool:
        return bool(self.new or self.errors)


def compare(
    report: Report,
    baseline: Baseline | None,
    scope: RunScope | None = None,
    baseline_path: str | None = None,
) -> CheckResult:
    """Split the contradictions of ``report`` into new and known; consistent ones never fail.

    Stale entries are those in ``scope`` (default: the report's articles, every speaker) that
    were not found.
    """
    statements = _statements(report)
    scope = scope or RunScope.of(report)
    accepted = baseline.fingerprints() if baseline else set()
    new: list[Finding] = []
    known: list[Finding] = []
    seen: set[str] = set()
    prints: dict[str, str] = {}
    for finding in report.findings:
        if finding.verdict != "contradiction":
            continue
        fp = fingerprint(finding, _statement_of(finding, statements))
        prints[finding.id] = fp
        seen.add(fp)
        (known if fp in accepted else new).append(finding)
    entries = baseline.findings if baseline else []
    stale = [e for e in entries if e.fingerprint not in seen and scope.covers(e)]
    return CheckResult(
        new=new,
        known=known,
        errors=list(report.errors),
        report=report,
        stale=stale,
        fingerprints=prints,
        reviews={e.fingerprint: e for e in entries if e.fingerprint in seen},
        baseline_path=baseline_path,
    )
