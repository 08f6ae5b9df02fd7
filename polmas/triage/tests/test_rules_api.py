from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from polmas.triage import CATEGORIES, URGENCIES, analyse
from polmas.triage.normalise import load_slang_dictionary
from polmas.triage.paths import artifacts_dir
from polmas.triage.pipeline import Models, analyse_many
from polmas.triage.training.corrections import read_corrections, train_corrections


def test_result_is_frozen_and_uses_taxonomy() -> None:
    result = analyse("Ada yang bagi-bagi amplop serangan fajar di RT 02")
    assert result.category == "pemilu_politik_uang"
    assert result.category in CATEGORIES and result.urgency in URGENCIES
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.category = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    "text",
    [
        "Omah tanggane isun kobong, tulung",  # Javanese: fire
        "Aya nu dibacok di pasar",  # Sundanese: stabbing
        "ada yg bawa sajam mau nyerang kampung sebelah",
    ],
)
def test_darurat(text: str) -> None:
    assert analyse(text).urgency == "darurat"


def test_no_darurat_for_power_cut() -> None:
    assert analyse("mati lampu dari pagi di desa kami").urgency != "darurat"


def test_corrections_change_category_and_urgency(tmp_path: Path) -> None:
    text = "kambing tetangga masuk kebun terus"
    before = analyse_many([text])[0]
    assert before.category != "ketertiban_umum" and before.urgency != "tinggi"
    corrections = tmp_path / "corr.jsonl"
    lines = [
        {"text": f"kambing tetangga masuk kebun {i}", "category": "ketertiban_umum"}
        for i in range(300)
    ]
    lines += [
        {"text": f"jalan rusak dekat balai {i}", "category": "non_kepolisian"} for i in range(300)
    ]
    lines += [{"text": f"kambing masuk kebun lagi {i}", "urgency": "tinggi"} for i in range(200)]
    lines += [{"text": f"lampu jalan mati {i}", "urgency": "rendah"} for i in range(200)]
    lines.append({"text": "x", "category": "bukan_kategori"})
    lines.append({"text": "y", "urgency": "segera"})
    corrections.write_text("\n".join(json.dumps(x) for x in lines) + "\nnot json\n")
    found = read_corrections(corrections)
    assert len(found.texts["category"]) == 600 and len(found.texts["urgency"]) == 400
    assert len(found.problems) == 3
    out = tmp_path / "art"
    out.mkdir()
    for name in ("models.npz", "stack.json", "slang.json", "gazetteer.json"):
        (out / name).write_bytes((artifacts_dir() / name).read_bytes())
    info = train_corrections([corrections], out, load_slang_dictionary(artifacts_dir()))
    assert info["n"] == {"category": 600, "urgency": 400}
    models = Models(out)
    assert models.corrections is not None and models.corrections.alpha("urgency") > 0.5
    after = analyse_many([text, "Tolong ada yang dibacok di kebun"], directory=out)
    assert after[0].category == "ketertiban_umum"
    assert after[0].urgency == "tinggi"
    assert after[1].urgency == "darurat"  # corrections never silence an emergency keyword


def test_open_keyword_memo_is_bounded_and_consistent(monkeypatch: pytest.MonkeyPatch) -> None:
    from polmas.triage import rules

    monkeypatch.setattr(rules, "MEMO_LIMIT", 5)
    index = rules.KeywordIndex.build({"tawur", "bakar", "=api", "kebakaran hutan"})
    text = "terjadi tawuran dan pembakaran, api dari kebakaran hutan"
    expected = {"tawur", "bakar", "=api", "kebakaran hutan"}
    for i in range(40):  # new words fill and empty the memo between the checks
        assert index.hits((f"kata{i} lain{i}",)) == set()
        assert index.hits((text,)) == expected
        assert len(index.open_hits) <= 5
