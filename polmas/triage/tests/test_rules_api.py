from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from polmas.triage import CATEGORIES, URGENCIES, analyse
from polmas.triage.normalise import load_slang_dictionary
from polmas.triage.paths import artifacts_dir
from polmas.triage.pipeline import Models, analyse_many
from polmas.triage.training.corrections import (
    STAFF_WEIGHT,
    read_all,
    read_corrections,
    train_corrections,
)
from polmas.triage.training.fixtures import rules_only_artifacts


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
    assert not models.corrections.may_doubt  # 400 labels, none darurat: it cannot doubt one


def test_the_seed_model_lowers_only_a_darurat_it_doubts(
    rules_only: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from polmas.triage import correct

    figure_of_speech = "lagu Cidro kuen ngena pisan, ati isun kaya dibacok 😭"  # a song "cuts"
    emergency = "Tolong ada yang dibacok di kebun, orangnya masih di sana"
    texts = [figure_of_speech, emergency]
    assert [r.urgency for r in analyse_many(texts, directory=rules_only)] == ["darurat"] * 2
    shipped = analyse_many(texts)
    assert shipped[0].urgency == "rendah" and shipped[1].urgency == "darurat"
    monkeypatch.setattr(correct, "DARURAT_DOUBT", 0.0)  # no doubt: every darurat of the rules
    assert [r.urgency for r in analyse_many(texts)] == ["darurat"] * 2


def test_open_keyword_memo_is_bounded_and_consistent(monkeypatch: pytest.MonkeyPatch) -> None:
    from polmas.triage import keyword_index

    monkeypatch.setattr(keyword_index, "MEMO_LIMIT", 5)
    index = keyword_index.KeywordIndex.build({"tawur", "bakar", "=api", "kebakaran hutan"})
    text = "terjadi tawuran dan pembakaran, api dari kebakaran hutan"
    expected = {"tawur", "bakar", "=api", "kebakaran hutan"}
    for i in range(40):  # new words fill and empty the memo between the checks
        assert index.hits((f"kata{i} lain{i}",)) == set()
        assert index.hits((text,)) == expected
        assert len(index.open_hits) <= 5


def test_staff_corrections_outweigh_seed_labels(tmp_path: Path) -> None:
    herd = [f"kambing tetangga masuk kebun {i}" for i in range(60)]
    roads = [f"jalan rusak dekat balai {i}" for i in range(60)]
    seed, staff = tmp_path / "seed.jsonl", tmp_path / "staff.jsonl"
    # The seed labels each of these messages twice; the staff correct each once.
    seed_lines = [{"text": t, "category": "ketertiban_umum"} for t in herd + herd]
    seed_lines += [{"text": t, "category": "non_kepolisian"} for t in roads]
    seed.write_text("\n".join(json.dumps(x) for x in seed_lines) + "\n")
    staff_lines = [{"text": t, "category": "non_kepolisian"} for t in herd]
    staff.write_text("\n".join(json.dumps(x) for x in staff_lines) + "\n")
    slang = load_slang_dictionary(artifacts_dir())
    text = "kambing tetangga masuk kebun terus"

    level = rules_only_artifacts(tmp_path / "level")
    info = train_corrections([seed, staff], level, slang, weights=[1.0, 1.0])
    assert info["n"]["category"] == 240
    assert analyse_many([text], directory=level)[0].category == "ketertiban_umum"

    weighted = rules_only_artifacts(tmp_path / "weighted")
    info = train_corrections([seed, staff], weighted, slang, weights=[1.0, STAFF_WEIGHT])
    assert info["weights"] == {"seed.jsonl": 1.0, "staff.jsonl": STAFF_WEIGHT}
    assert info["n"]["category"] == 240  # labels are counted, not weighed
    assert analyse_many([text], directory=weighted)[0].category == "non_kepolisian"


@pytest.mark.parametrize(
    "weights", [[1.0], [1.0, 0.0], [1.0, -2.0], [1.0, float("nan")], [1.0, float("inf")]]
)
def test_label_file_weights_are_checked(tmp_path: Path, weights: list[float]) -> None:
    files = [tmp_path / "a.jsonl", tmp_path / "b.jsonl"]
    for path in files:
        path.write_text(json.dumps({"text": "x", "category": "non_kepolisian"}) + "\n")
    with pytest.raises(ValueError, match="positive weight"):
        read_all(files, weights)


def test_phrases_are_found_in_one_text_never_across_the_two() -> None:
    """The index searches phrases in the raw and normalised texts joined by a line break: a
    phrase must be found inside either text, never across their boundary."""
    from polmas.triage.keyword_index import KeywordIndex

    index = KeywordIndex.build({"di rel", "=bom ikan"})
    assert index.hits(("mobil mogok di rel", "lain")) == {"di rel"}
    assert index.hits(("lain", "mobil mogok di rel")) == {"di rel"}
    assert index.hits(("mobil mogok di", "rel kereta")) == set()
    assert index.hits(("pake bom ikan", "x")) == {"=bom ikan"}
    assert index.hits(("pake bom", "ikan")) == set()
    assert index.hits(("bom ikannya", "x")) == set()  # exact: no ending
    with pytest.raises(ValueError, match="line break"):
        KeywordIndex.build({"di\nrel"})


def test_a_word_is_strong_or_a_keyword_of_a_category_never_both(tmp_path: Path) -> None:
    """Listed twice, a word would count 2 + 1 points without anyone choosing 3."""
    from polmas.triage.paths import RULES_FILE
    from polmas.triage.rules_file import read_rules
    from polmas.triage.ruleset import RuleSet

    data = read_rules(RULES_FILE)
    data["categories"]["narkoba"]["keywords"].append(data["categories"]["narkoba"]["strong"][0])
    broken = tmp_path / "rules.json"
    broken.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValueError, match="narkoba: both strong and keyword"):
        RuleSet.from_file(broken)
