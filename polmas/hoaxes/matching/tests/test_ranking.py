from __future__ import annotations

import pytest

from polmas.hoaxes.matching.index import HoaxIndex, KBEntry
from polmas.hoaxes.matching.model import MatcherModel

PARAPHRASES = [
    (
        "Awas!! bendungan Jatigede sudah jebol, warga sekitar harus segera mengungsi",
        "kb-08",
    ),
    ("Info penting: pemilu ditunda sampai tahun depan kata KPU, sebarkan!", "kb-03"),
    ("Hati2 ada mobil putih yg menculik anak2 di Indramayu, jaga anak kalian", "kb-12"),
    ("Obat DBD alami: minum air kelapa dicampur garam, pasti sembuh", "kb-04"),
    ("Dibuka loker PT KAI, kirim CV lewat WA ke nomor ini", "kb-05"),
    ("Gunung Ciremai diprediksi meletus minggu depan, warga diminta waspada", "kb-11"),
    (
        (
            "Akun Facebook “Info Warga” pada Rabu (17/6/2026) mengunggah narasi: ditemukan surat"
            " suara yang sudah dicoblos di gudang kecamatan. Hingga Kamis (18/6/2026) unggahan"
            " tersebut telah mendapatkan 300 tanda suka dan 20 komentar."
        ),
        "kb-06",
    ),
]


@pytest.mark.parametrize(("text", "expected"), PARAPHRASES)
def test_paraphrase_ranks_first(index: HoaxIndex, text: str, expected: str) -> None:
    matches = index.search(text, 5)
    assert matches[0].id == expected


def test_scores_sorted_and_bounded(index: HoaxIndex) -> None:
    matches = index.search("banjir bandang di cirebon", 12)
    scores = [m.score for m in matches]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert matches[0].id == "kb-01"


def test_k_limits_and_only_related_entries(index: HoaxIndex) -> None:
    text = "anak warga desa di indramayu minggu depan, pemilu dan vaksin"
    assert len(index.search(text, 3)) == 3
    many = index.search(text, 100)
    assert 3 < len(many) < len(index)  # entries sharing no (related) word are never returned
    assert {m.id for m in index.search("anak", 100)} == {"kb-10", "kb-12"}


@pytest.mark.parametrize("text", ["", "   ", "!!! ???"])
def test_empty_queries_give_nothing(index: HoaxIndex, text: str) -> None:
    assert index.search(text, 5) == []


def test_turnbackhoax_url_only_query(index: HoaxIndex) -> None:
    url = "https://turnbackhoax.id/articles/35999-salah-bendungan-jatigede-jebol"
    assert index.search(url, 3)[0].id == "kb-08"


def test_generic_url_only_query(index: HoaxIndex) -> None:
    url = "https://www.contoh-berita.com/read/2026/02/01/penculikan-anak-mobil-putih.html"
    assert index.search(url, 3)[0].id == "kb-12"


def test_non_indonesian_text_is_answered(index: HoaxIndex) -> None:
    english = index.search("Jatigede dam collapsed, residents must evacuate", 3)
    assert english and english[0].id == "kb-08"
    assert isinstance(index.search("これは日本語のテキストです", 3), list)


def test_incremental_add_remove_replace(entries: list[KBEntry]) -> None:
    index = HoaxIndex(entries[:3])
    index.add([KBEntry(id="new", title="harga beras naik sepuluh kali lipat besok")])
    assert index.search("beras naik 10 kali lipat", 1)[0].id == "new"
    with pytest.raises(ValueError, match="duplicate"):
        index.add([KBEntry(id="new", title="lain")])
    index.replace([KBEntry(id="new", title="listrik padam total se jawa")])
    assert index.search("listrik padam total", 1)[0].id == "new"
    index.remove(["new"])
    assert all(m.id != "new" for m in index.search("listrik padam total", 5))
    assert len(index) == 3


def test_untrained_fallback_still_ranks(entries: list[KBEntry]) -> None:
    index = HoaxIndex(entries, MatcherModel.untrained())
    assert index.search("bendungan jatigede jebol", 1)[0].id == "kb-08"


def test_verdict_prefix_in_titles_is_ignored() -> None:
    index = HoaxIndex(
        [
            KBEntry(id="a", title="[SALAH] Salah satu jembatan putus"),
            KBEntry(id="b", title="x y"),
        ]
    )
    assert index.search("jembatan putus", 1)[0].id == "a"
