from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from polmas.triage.normalise import normalise


def test_slang_abbreviations_and_repeats() -> None:
    result = normalise("sy gak tau yg bangettt s4y4")
    words = result.text.split()
    assert words[:4] == ["saya", "tidak", "tau", "yang"] and words[5] == "saya"
    assert words[4] in {"banget", "sekali"}


def test_offsets_map_changed_tokens_to_original_words() -> None:
    text = "Tolooong!! gak ada yg di Ds. Tugu"
    result = normalise(text)
    start = result.text.index("tidak")
    o_start, o_end = result.to_original(start, start + len("tidak"))
    assert text[o_start:o_end] == "gak"
    start = result.text.index("tugu")
    o_start, o_end = result.to_original(start, start + 4)
    assert text[o_start:o_end] == "Tugu"


def test_offsets_exact_inside_unchanged_token() -> None:
    text = "warga  kecamatan   lohbener"
    result = normalise(text)
    start = result.text.index("bener")
    assert result.to_original(start, start + 5) == (text.index("bener"), len(text))


def test_numbers_are_not_deleeted() -> None:
    assert normalise("rt03 tahun 2024 k212").text == "rt03 tahun 2024 k212"


def test_empty_and_emoji() -> None:
    assert normalise("").text == ""
    assert normalise("😀😀").spans[0].orig_start == 0


@given(st.text(max_size=80))
def test_spans_always_inside_original(text: str) -> None:
    result = normalise(text)
    for span in result.spans:
        assert 0 <= span.orig_start < span.orig_end <= len(text)
        assert result.text[span.norm_start : span.norm_end]
