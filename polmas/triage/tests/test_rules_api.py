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


def test_corrections_change_the_category(tmp_path: Path) -> None:
    text = "kambing tetangga masuk kebun terus"
    before = analyse_many([text])[0].category
    assert before != "ketertiban_umum"
    corrections = tmp_path / "corr.jsonl"
    lines = [
        {"text": f"kambing tetangga masuk kebun {i}", "category": "ketertiban_umum"}
        for i in range(300)
    ]
    lines += [
        {"text": f"jalan rusak dekat balai {i}", "category": "non_kepolisian"} for i in range(300)
    ]
    lines.append({"text": "x", "category": "bukan_kategori"})
    corrections.write_text("\n".join(json.dumps(x) for x in lines) + "\nnot json\n")
    texts, _cats, problems = read_corrections(corrections)
    assert len(texts) == 600 and len(problems) == 2
    out = tmp_path / "art"
    out.mkdir()
    for name in ("models.npz", "stack.json", "slang.json", "gazetteer.json"):
        (out / name).write_bytes((artifacts_dir() / name).read_bytes())
    info = train_corrections(corrections, out, load_slang_dictionary(artifacts_dir()))
    assert info["n"] == 600
    assert Models(out).n_corrections == 600
    assert analyse_many([text], directory=out)[0].category == "ketertiban_umum"
