"""The English catalogue is complete, and words that mean different things in English are told
apart by context (Indonesian is the source language, so one Indonesian word can need two)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.translation import gettext, pgettext

PO_FILE = Path(__file__).resolve().parents[2] / "locale" / "en" / "LC_MESSAGES" / "django.po"


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext tools are not installed")
def test_english_catalogue_has_no_untranslated_or_fuzzy_entries() -> None:
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(PO_FILE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "translated message" in result.stderr
    assert "untranslated" not in result.stderr, result.stderr
    assert "fuzzy" not in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("context", "word", "english"),
    [
        (None, "Masuk", "Sign in"),
        ("received at", "Masuk", "Received"),
        ("case count", "Masuk", "Opened"),
        ("message direction", "Masuk", "Incoming"),
        (None, "Selesai", "Resolved"),
        ("patrol status", "Selesai", "Completed"),
        ("report job status", "Selesai", "Done"),
        ("total row", "Jumlah", "Total"),
        (None, "Jumlah", "Count"),
    ],
)
def test_ambiguous_words_are_translated_by_context(
    context: str | None, word: str, english: str
) -> None:
    with translation.override("en"):
        translated = pgettext(context, word) if context else gettext(word)
    assert translated == english
    with translation.override("id"):
        assert (pgettext(context, word) if context else gettext(word)) == word
