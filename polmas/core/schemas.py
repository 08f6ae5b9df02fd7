"""API schemas shared by several apps (no domain nouns)."""

from __future__ import annotations

from typing import Any

from ninja import Schema


class TriageLocationOut(Schema):
    code: str
    name: str
    level: str
    start: int
    end: int


class TriagePiiOut(Schema):
    type: str
    start: int
    end: int


class TriageOut(Schema):
    """The stored `polmas.triage` result of a text (the command-line contract's fields).

    Offsets are `str` indices into the text it was computed on. Fields a result stored by an
    older version lacks get their empty value."""

    sentiment: str
    emotion: str | None = None
    hate_speech: bool = False
    abusive: bool = False
    hate_targets: list[str] = []
    hate_strength: str | None = None
    category: str = ""
    urgency: str = ""
    locations: list[TriageLocationOut] = []
    pii: list[TriagePiiOut] = []
    masked_text: str = ""
    truncated: bool = False


def stored_triage(value: Any) -> dict[str, Any] | None:
    """A stored triage JSON value as `TriageOut` input, or None when it holds no triage."""
    if isinstance(value, dict) and isinstance(value.get("sentiment"), str):
        return value
    return None
