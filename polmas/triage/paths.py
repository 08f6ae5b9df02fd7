"""Filesystem locations: committed artifacts and the shared training data."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ARTIFACTS_DIR = PACKAGE_DIR / "artifacts"
RULES_FILE = PACKAGE_DIR / "rules" / "category_rules.json"
REPO_ROOT = PACKAGE_DIR.parent.parent


def shared_data_dir() -> Path:
    """Return the shared data folder: env POLMAS_SHARED_DATA or ``<repo>/../shared/data``."""
    env = os.environ.get("POLMAS_SHARED_DATA")
    if env:
        return Path(env)
    return REPO_ROOT.parent / "shared" / "data"


def artifacts_dir() -> Path:
    """Return the artifact folder (env POLMAS_TRIAGE_ARTIFACTS overrides the committed one)."""
    env = os.environ.get("POLMAS_TRIAGE_ARTIFACTS")
    return Path(env) if env else ARTIFACTS_DIR
