"""claims: check what politicians say against what their governments are documented to have done."""

from importlib.metadata import PackageNotFoundError, version

#: The distribution name on package indexes (``claims`` there is an unrelated project).
DISTRIBUTION = "claims-check"

try:
    __version__ = version(DISTRIBUTION)
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+unknown"

__all__ = ["DISTRIBUTION", "__version__"]
