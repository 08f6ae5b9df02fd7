from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from polmas.aspirations import tracking
from polmas.aspirations.masking import mask_email, mask_name, mask_phone, mask_text


def test_code_shape_and_alphabet() -> None:
    for _ in range(200):
        code = tracking.new_code()
        assert code.startswith("PM-") and len(code) == 12 and code[7] == "-"
        body = code[3:7] + code[8:]
        assert not set(body) & set("01OIL")
        assert tracking.normalise(code) == code


def test_normalise_forgives_case_and_dashes() -> None:
    code = tracking.new_code()
    assert tracking.normalise(code.lower().replace("-", " ")) == code
    assert tracking.normalise(code.replace("PM-", "")) == code
    assert tracking.normalise("PM-0000-0000") is None
    assert tracking.normalise("") is None


@given(st.integers(min_value=0, max_value=7), st.sampled_from(tracking.ALPHABET))
def test_any_single_character_error_is_caught(pos: int, ch: str) -> None:
    code = tracking.new_code()
    body = list(code[3:7] + code[8:])
    if body[pos] == ch:
        return
    body[pos] = ch
    assert tracking.normalise("".join(body)) is None


@given(st.integers(min_value=0, max_value=6))
def test_neighbour_swaps_are_caught(pos: int) -> None:
    code = tracking.new_code()
    body = list(code[3:7] + code[8:])
    if body[pos] == body[pos + 1]:
        return
    body[pos], body[pos + 1] = body[pos + 1], body[pos]
    assert tracking.normalise("".join(body)) is None


def test_masking() -> None:
    assert mask_phone("0812-3456-7890") == "0812****7890"
    assert mask_phone("") == ""
    assert mask_name("Siti Aminah") == "S*** A*****"
    assert mask_email("budi@example.org") == "b***@example.org"
    text = "Hubungi 081234567890 atau +62 812 3456 7890, NIK 3212010101010001, budi@mail.id"
    masked = mask_text(text)
    assert "081234567890" not in masked and "3456 7890" not in masked
    assert "3212010101010001" not in masked and "3212********0001" in masked
    assert "budi@mail.id" not in masked
