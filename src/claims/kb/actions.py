"""Documented actions of state actors (package data ``data/actions.yaml``), each with sources."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from claims.models import Action
from claims.rules.loading import load_merged

BUILTIN = "actions.yaml"


def load_actions(extra: Sequence[Path] = (), replace: bool = False) -> list[Action]:
    """Built-in actions plus those of ``--kb`` files (key ``actions``); same id overrides."""
    return load_merged(BUILTIN, Action, "actions", extra, replace)
