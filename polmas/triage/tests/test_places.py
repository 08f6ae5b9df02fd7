from __future__ import annotations

from polmas.triage.gazetteer import Gazetteer, Place
from polmas.triage.places import find_places


def names(text: str) -> list[tuple[str, str, str, str]]:
    return [(p.name, p.level, p.code, text[p.start : p.end]) for p in find_places(text)]


def test_desa_in_two_kecamatan_resolved_by_kecamatan_mention() -> None:
    text = "ada tawuran di desa Tugu kec. Sliyeg"
    assert names(text) == [
        ("Tugu", "desa", "32.12.12.2013", "Tugu"),
        ("Sliyeg", "kecamatan", "32.12.12", "Sliyeg"),
    ]
    other = find_places("ds Tugu kecamatan Lelea")
    assert other[0].code.startswith("32.12.05.") and not other[0].ambiguous


def test_unresolved_name_returns_all_candidates_flagged() -> None:
    found = find_places("warga ds tugu mengeluh")
    assert {p.kecamatan_code for p in found} == {"32.12.05", "32.12.12"}
    assert all(p.ambiguous for p in found)
    assert len({(p.start, p.end) for p in found}) == 1


def test_context_selects_level() -> None:
    assert names("maling di Haurgeulis")[0][1] == "kecamatan"
    assert names("desa Haurgeulis")[0][1] == "desa"


def test_fuzzy_with_cue_and_multiword() -> None:
    assert names("kec lohbner rt 02")[0][:2] == ("Lohbener", "kecamatan")
    assert names("ning Gabus Kulon")[0][3] == "Gabus Kulon"


def test_common_words_need_context() -> None:
    assert find_places("patroli polisi di jalan, tugu monas") == []


def test_custom_gazetteer() -> None:
    gaz = Gazetteer([Place("99.01", "Sukamaju", "kecamatan", "99.01", "Sukamaju")])
    found = find_places("rame di Sukamaju", gaz)
    assert [(p.code, p.start, p.end) for p in found] == [("99.01", 8, 16)]


def test_message_without_a_place_word_or_a_cue_finds_nothing_and_a_cue_alone_still_fuzzes() -> None:
    assert find_places("terima kasih pak polisi sudah patroli tiap malam") == []
    # A misspelt kecamatan after a cue: no word of the text is a place's first word.
    found = find_places("kejadiannya di kecamatan Jatibarag kemarin")
    assert [loc.name for loc in found] == ["Jatibarang"]
