from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from polmas.hoaxes.matching.cli import main


def run(argv: list[str], stdin_text: str = "") -> tuple[int, list[dict[str, Any]]]:
    out = io.StringIO()
    code = main(argv, stdin=io.StringIO(stdin_text), stdout=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    return code, lines


def q(qid: object, text: object) -> str:
    return json.dumps({"id": qid, "text": text}) + "\n"


def test_contract_order_and_shape(kb_file: Path) -> None:
    stdin = (
        q("a", "bendungan jatigede jebol, warga mengungsi")
        + q(2, "KPU: pemilu diundur tahun depan")
        + q("c", "mobil putih menculik anak di Indramayu")
    )
    code, lines = run(["match", "--kb", str(kb_file), "--k", "3"], stdin)
    assert code == 0
    assert [line["id"] for line in lines] == ["a", 2, "c"]
    assert [line["matches"][0]["id"] for line in lines] == ["kb-08", "kb-03", "kb-12"]
    for line in lines:
        matches = line["matches"]
        assert isinstance(matches, list) and 1 <= len(matches) <= 3
        scores = [m["score"] for m in matches]
        assert scores == sorted(scores, reverse=True)
        assert set(matches[0]) == {"id", "score"}


def test_leading_hoax_word_and_default_k(kb_file: Path) -> None:
    text = "anak warga desa di indramayu minggu depan, pemilu dan vaksin"
    code, lines = run(["hoax", "match", "--kb", str(kb_file)], q(1, text))
    assert code == 0 and 3 < len(lines[0]["matches"]) <= 10


def test_url_only_query(kb_file: Path) -> None:
    url = "https://turnbackhoax.id/articles/35352-salah-gunung-ciremai-bakal-meletus"
    code, lines = run(["match", "--kb", str(kb_file), "--k", "1"], q("u", url))
    assert code == 0 and len(lines) == 1
    assert [m["id"] for m in lines[0]["matches"]] == ["kb-11"]


def test_empty_and_missing_text(kb_file: Path) -> None:
    stdin = q("e", "") + json.dumps({"id": "m"}) + "\n" + q("w", "   ")
    code, lines = run(["match", "--kb", str(kb_file)], stdin)
    assert code == 0
    assert lines == [
        {"id": "e", "matches": []},
        {"id": "m", "matches": []},
        {"id": "w", "matches": []},
    ]


def test_malformed_query_line_in_place(kb_file: Path) -> None:
    stdin = q("a", "banjir cirebon") + "{not json\n" + "[1, 2]\n" + q("d", "vaksin anak mandul")
    code, lines = run(["match", "--kb", str(kb_file), "--k", "2"], stdin)
    assert code == 0 and len(lines) == 4
    assert lines[0]["id"] == "a" and lines[3]["id"] == "d"
    for bad, number in ((lines[1], 2), (lines[2], 3)):
        assert bad["id"] is None and bad["matches"] == []
        assert str(bad["error"]).startswith(f"line {number}: ")
    assert lines[3]["matches"][0]["id"] == "kb-10"


def test_non_string_text_reports_error_in_place(kb_file: Path) -> None:
    code, lines = run(["match", "--kb", str(kb_file)], q("n", 42))
    assert code == 0 and lines[0]["id"] == "n" and lines[0]["matches"] == []
    assert str(lines[0]["error"]).startswith("line 1: ")


def test_non_indonesian_query_answered(kb_file: Path) -> None:
    stdin = q("en", "Vaccine causes infertility in children") + q("ja", "これは日本語")
    code, lines = run(["match", "--kb", str(kb_file), "--k", "2"], stdin)
    assert code == 0 and [line["id"] for line in lines] == ["en", "ja"]
    assert all(isinstance(line["matches"], list) for line in lines)


def test_missing_kb_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = run(["match", "--kb", str(tmp_path / "nope.jsonl")], q(1, "x"))
    assert code == 2 and lines == []
    assert "tidak ditemukan" in capsys.readouterr().err


def test_empty_kb_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kb = tmp_path / "kb.jsonl"
    kb.write_text("\n  \n", encoding="utf-8")
    code, _ = run(["match", "--kb", str(kb)], q(1, "x"))
    assert code == 2 and "kosong" in capsys.readouterr().err


def test_duplicate_ids_name_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kb = tmp_path / "kb.jsonl"
    rows = [
        {"id": "a", "title": "satu"},
        {"id": "b", "title": "dua"},
        {"id": "a", "title": "x"},
    ]
    kb.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    code, _ = run(["match", "--kb", str(kb)], q(1, "satu"))
    err = capsys.readouterr().err
    assert code == 2 and "'a'" in err and "baris 1 dan 3" in err


def test_malformed_kb_line_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kb = tmp_path / "kb.jsonl"
    kb.write_text('{"id": "a", "title": "satu"}\n{"id": "b", "title": \n', encoding="utf-8")
    code, _ = run(["match", "--kb", str(kb)], q(1, "satu"))
    err = capsys.readouterr().err
    assert code == 2 and "baris 2" in err


@pytest.mark.parametrize("row", [{"title": "tanpa id"}, {"id": "x"}, {"id": "x", "title": 5}])
def test_kb_line_missing_fields(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], row: dict[str, object]
) -> None:
    kb = tmp_path / "kb.jsonl"
    kb.write_text('{"id": "a", "title": "satu"}\n' + json.dumps(row) + "\n", encoding="utf-8")
    code, _ = run(["match", "--kb", str(kb)], q(1, "satu"))
    assert code == 2 and "baris 2" in capsys.readouterr().err


def test_kb_optional_fields_and_int_ids(tmp_path: Path) -> None:
    kb = tmp_path / "kb.jsonl"
    rows = [
        {
            "id": 7,
            "title": "jembatan sewo ambruk",
            "claim": "c",
            "url": "https://x.id/a",
            "date": "2026-01-02",
        },
        {"id": 8, "title": "harga cabai naik"},
    ]
    kb.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    code, lines = run(["match", "--kb", str(kb), "--k", "1"], q("z", "jembatan sewo ambruk"))
    assert code == 0 and lines[0]["matches"][0]["id"] == 7


@pytest.mark.parametrize("argv", [["match"], ["match", "--kb", "x", "--k", "0"], ["nothing"], []])
def test_bad_usage_exits_2(argv: list[str]) -> None:
    code, _ = run(argv)
    assert code == 2


def test_half_an_emoji_escaped_in_json(
    kb_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A lone ``\\ud83d`` escape cannot be written as UTF-8: in a query text it stands for one
    unknown character; a query id or a knowledge-base id with one is refused by line."""
    out = io.StringIO()
    stdin = (
        '{"id": "a", "text": "bendungan jatigede jebol \\ud83d warga mengungsi"}\n'
        '{"id": "b\\ud83d", "text": "bendungan jatigede jebol"}\n'
    )
    assert main(["match", "--kb", str(kb_file)], stdin=io.StringIO(stdin), stdout=out) == 0
    out.getvalue().encode("utf-8")  # what failed on a real stdout
    first, second = (json.loads(line) for line in out.getvalue().splitlines())
    assert first["matches"][0]["id"] == "kb-08"
    assert second == {
        "id": None,
        "matches": [],
        "error": "line 2: 'id' berisi karakter Unicode tidak valid",
    }
    kb = tmp_path / "kb.jsonl"
    kb.write_text('{"id": "k\\udc4d", "title": "Judul"}\n', encoding="utf-8")
    code, _ = run(["match", "--kb", str(kb)], q("x", "judul"))
    assert code == 2
    assert "baris 1: 'id' berisi karakter Unicode tidak valid" in capsys.readouterr().err


@pytest.mark.parametrize(
    "line", ['{"id": 1, "x": ' + "9" * 5000 + "}", "[" * 40000 + "]" * 40000], ids=["int", "deep"]
)
def test_an_unreadable_line_is_an_error_in_place_not_a_crash(
    kb_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str
) -> None:
    """A 5,000-digit integer or deep nesting raised past the per-line handler: the run stopped
    with a traceback and every other answer was lost."""
    code, lines = run(["match", "--kb", str(kb_file)], line + "\n" + q("b", "bendungan jebol"))
    assert code == 0 and len(lines) == 2
    assert lines[0]["id"] is None and lines[0]["error"].startswith("line 1: JSON tidak dapat")
    assert lines[1]["id"] == "b" and lines[1]["matches"]
    kb = tmp_path / "kb.jsonl"
    kb.write_text(line + "\n", encoding="utf-8")
    code, _ = run(["match", "--kb", str(kb)], q("x", "judul"))
    assert code == 2 and "baris 1: JSON tidak dapat" in capsys.readouterr().err
