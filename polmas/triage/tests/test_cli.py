from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from polmas.triage.cli import main
from polmas.triage.pipeline import MAX_CHARS

CONTRACT = {
    "id",
    "sentiment",
    "emotion",
    "hate_speech",
    "abusive",
    "hate_targets",
    "category",
    "urgency",
    "locations",
    "pii",
    "masked_text",
}


def run(data: bytes) -> list[dict[str, Any]]:
    out = io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    assert main([], stdin=stdin, stdout=out) == 0
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_contract_and_order() -> None:
    lines = [
        {
            "id": "a",
            "text": "Tolong ada tawuran bawa celurit di desa Tugu kec Sliyeg, hp 081234567890",
        },
        {"id": "b", "text": "terima kasih pak polisi"},
    ]
    rows = run("".join(json.dumps(x) + "\n" for x in lines).encode())
    assert [r["id"] for r in rows] == ["a", "b"]
    assert set(rows[0]) >= CONTRACT
    first = rows[0]
    assert first["urgency"] == "darurat"
    assert first["pii"] == [{"type": "phone", "start": 60, "end": 72}]
    assert first["masked_text"].endswith("hp [TELEPON]")
    assert [loc["name"] for loc in first["locations"]] == ["Tugu", "Sliyeg"]
    assert first["sentiment"] in {"positive", "neutral", "negative"}


def test_bad_input_one_line_each_never_shifted() -> None:
    big = "a" * (1024 * 1024)
    data = b"".join(
        [
            b'{"text": "tanpa id"}\n',
            b"not json\n",
            b'{"id": "x", "text": "caf\xff"}\n',
            b"\n",
            b'{"id": "e", "text": ""}\n',
            '{"id": "emo", "text": "😀🙏"}\n'.encode(),
            json.dumps({"id": "big", "text": big}).encode() + b"\n",
            b'{"id": 7, "text": "angka id"}\n',
            b"[1, 2]\n",
            b'{"id": "nt", "text": null}\n',
            b'{"id": "last", "text": "ok"}',
        ]
    )
    rows = run(data)
    assert len(rows) == 11
    assert rows[0] == {"line": 1, "error": "field 'id' tidak ada atau bukan string"}
    assert rows[1]["line"] == 2 and "JSON" in rows[1]["error"]
    assert rows[2]["line"] == 3 and "UTF-8" in rows[2]["error"]
    assert rows[3]["line"] == 4
    assert rows[4]["id"] == "e" and rows[4]["emotion"] is None and rows[4]["truncated"] is False
    assert rows[5]["id"] == "emo" and rows[5]["category"] == "lainnya"
    assert rows[6]["id"] == "big" and rows[6]["truncated"] is True
    assert len(rows[6]["masked_text"]) == MAX_CHARS
    assert rows[7]["id"] == "7"
    assert rows[8]["line"] == 9
    assert rows[9] == {"line": 10, "id": "nt", "error": "field 'text' tidak ada atau bukan string"}
    assert rows[10]["id"] == "last"


def test_offsets_refer_to_original_text() -> None:
    text = "Tolooong!!! yg di Ds. Tugu kec Sliyeg NIK 3212015708900003"
    rows = run((json.dumps({"id": "o", "text": text}) + "\n").encode())
    for loc in rows[0]["locations"]:
        assert text[loc["start"] : loc["end"]].lower() == loc["name"].lower()
    (pii,) = rows[0]["pii"]
    assert text[pii["start"] : pii["end"]] == "3212015708900003"


def test_half_an_emoji_escaped_in_json() -> None:
    """A lone ``\\ud83d`` escape decodes to a code point UTF-8 cannot write. In the text it
    becomes U+FFFD (offsets unchanged); an id cannot be echoed, so that line is an error."""
    data = (
        b'{"id": "t", "text": "rumah \\ud83d dibobol, hp 081234567890"}\n'
        b'{"id": "x\\udc4d", "text": "halo"}\n'
        b'{"id": "pair", "text": "\\ud83d\\ude4f terima kasih"}\n'
    )
    rows = run(data)
    assert rows[0]["masked_text"] == "rumah \ufffd dibobol, hp [TELEPON]"
    assert rows[0]["pii"] == [{"type": "phone", "start": 20, "end": 32}]
    assert rows[1] == {"line": 2, "error": "field 'id' berisi karakter Unicode tidak valid"}
    assert rows[2]["id"] == "pair" and rows[2]["masked_text"] == "\U0001f64f terima kasih"


def test_deeply_nested_or_huge_number_lines_are_error_lines() -> None:
    """Very deep nesting raised RecursionError past the per-line handler and stopped the run."""
    data = (
        ("[" * 40000 + "]" * 40000 + "\n").encode()
        + b'{"id": "n", "text": "x", "k": '
        + b"9" * 5000
        + b"}\n"
        + b'{"id": "ok", "text": "halo"}\n'
    )
    rows = run(data)
    assert rows[0] == {"line": 1, "error": "bukan JSON yang valid"}
    assert rows[1] == {"line": 2, "error": "bukan JSON yang valid"}
    assert rows[2]["id"] == "ok"


@pytest.mark.parametrize("weight", ["0", "-1", "abc", "nan", "inf", ""])
def test_train_refuses_a_bad_correction_weight(
    weight: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "artifacts"
    with pytest.raises(SystemExit) as exit_info:
        main(["train", "--out", str(out), "--correction-weight", weight])
    assert exit_info.value.code == 2
    assert "--correction-weight" in capsys.readouterr().err
    assert not out.exists()  # refused before anything was written
