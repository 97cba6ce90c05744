"""claims: check what politicians say against what their governments are documented to have done."""

from __future__ import annotations

#: The distribution name on package indexes (``claims`` there is an unrelated project).
DISTRIBUTION = "claims-check"

__all__ = ["DISTRIBUTION", "__version__"]


def __getattr__(name: str) -> str:
    # The version is looked up when first asked for: importlib.metadata costs start-up time
    # that `claims --help` does not need.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version(DISTRIBUTION)
        except PackageNotFoundError:  # running from a source tree without installation
            found = "0.0.0+unknown"
        globals()["__version__"] = found
        return found
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _defer_spacy_cli() -> None:
    # spaCy's CLI is imported only when something uses it (claims.spacy_cli: 0.15 s a start)
    from claims.spacy_cli import install

    install()


_defer_spacy_cli()
