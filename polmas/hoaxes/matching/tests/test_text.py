from __future__ import annotations

import pytest

from polmas.hoaxes.matching.stem import stem
from polmas.hoaxes.matching.text import (
    analyse,
    clean_narration,
    strip_verdict,
    url_words,
)


@pytest.mark.parametrize(
    ("url", "words"),
    [
        (
            "https://turnbackhoax.id/articles/35352-salah-gunung-lawu-bakal-erupsi-besar",
            "gunung lawu bakal erupsi besar",
        ),
        ("turnbackhoax.id/articles/123-penipuan-tautan-bansos", "tautan bansos"),
        (
            "https://example.com/news/2026/01/jalan-tol-ambles.html?ref=x",
            "jalan tol ambles",
        ),
        ("https://example.com/", ""),
    ],
)
def test_url_words(url: str, words: str) -> None:
    assert url_words(url) == words


def test_clean_narration_drops_frame() -> None:
    text = (
        "Akun Facebook “Budi” pada Rabu (17/6/2026) mengunggah narasi [arsip] sebagai berikut:"
        " Jembatan Sewo ambruk tadi pagi, jangan lewat jalur pantura. Hingga Kamis (18/6/2026),"
        " unggahan tersebut telah mendapatkan 2.500-an tanda suka dan 12 komentar."
    )
    cleaned = clean_narration(text)
    assert "Jembatan Sewo ambruk" in cleaned
    assert "Akun" not in cleaned and "tanda suka" not in cleaned


def test_clean_narration_keeps_plain_text() -> None:
    assert clean_narration("Jembatan Sewo ambruk, hati-hati") == "Jembatan Sewo ambruk, hati-hati"


@pytest.mark.parametrize(
    ("word", "root"),
    [
        ("mengunggah", "unggah"),
        ("pendaftaran", "daftar"),
        ("membantu", "bantu"),
        ("jalan", "jalan"),
    ],
)
def test_stem(word: str, root: str) -> None:
    assert stem(word) == root


def test_analyse_styled_unicode_and_stopwords() -> None:
    assert analyse("𝐁𝐚𝐧𝐭𝐮𝐚𝐧 yang 𝐆𝐑𝐀𝐓𝐈𝐒") == ["bantu", "gratis"]


def test_strip_verdict() -> None:
    assert strip_verdict("[SALAH] Gempa besar") == "Gempa besar"
    assert strip_verdict("[VIDEO] Gempa besar") == "[VIDEO] Gempa besar"
