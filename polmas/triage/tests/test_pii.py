from __future__ import annotations

import pytest

from polmas.triage.pii import find_pii, is_valid_nik, mask_pii


@pytest.mark.parametrize(
    "nik",
    ["3212015708900003", "3212014708900001", "1101010101010001", "9601017112990001"],
)
def test_valid_niks(nik: str) -> None:
    assert is_valid_nik(nik)


@pytest.mark.parametrize(
    "nik",
    [
        "9912015708900003",  # province 99 does not exist
        "2012015708900003",  # province 20 does not exist
        "3200015708900003",  # regency 00
        "3212013208900003",  # day 32
        "3212017308900003",  # day 73 (women: 33)
        "3212011513900003",  # month 13
        "3212011500900003",  # month 00
        "3212011508900000",  # serial 0000
        "321201150890000",  # 15 digits
    ],
)
def test_invalid_niks(nik: str) -> None:
    assert not is_valid_nik(nik)
    assert not [p for p in find_pii(f"nik {nik} ok") if p.type == "nik"]


def test_all_types_and_offsets() -> None:
    text = "NIK 3212015708900003, hp 0812-3456-7890, a.b@desa.id, motor E 1234 ABC"
    found = find_pii(text)
    assert [p.type for p in found] == ["nik", "phone", "email", "plate"]
    assert [text[p.start : p.end] for p in found] == [
        "3212015708900003",
        "0812-3456-7890",
        "a.b@desa.id",
        "E 1234 ABC",
    ]
    assert mask_pii(text) == "NIK [NIK], hp [TELEPON], [EMAIL], motor [PLAT]"


@pytest.mark.parametrize("phone", ["+62 812 3456 7890", "6281234567890", "081234567890"])
def test_phone_forms(phone: str) -> None:
    assert [p.type for p in find_pii(f"wa {phone}")] == ["phone"]


def test_grouped_nik_and_no_false_positives() -> None:
    assert [p.type for p in find_pii("3212 0157 0890 0003")] == ["nik"]
    assert find_pii("RT 03 RW 05, jam 10 pagi, harga 10 rb, tahun 2024") == []


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("tolong hubungi warga.desa@contoh.id ya pak", ["email"]),  # no digit at all
        ("hp 0812 3456 7890 tanpa surel", ["phone"]),  # no "@"
        ("ada motor plat E 4321 XY", ["plate"]),
        ("tidak ada data pribadi di sini", []),
        ("nomor ٠٨١٢ bukan angka latin", []),  # a digit of another script is still looked at
    ],
)
def test_messages_without_an_at_sign_or_a_digit_skip_only_what_cannot_match(
    text: str, kinds: list[str]
) -> None:
    assert [span.type for span in find_pii(text)] == kinds
