"""The CLI contract: `polmas humas draft --input activity.json`."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from polmas.humas.drafting import draft_release
from polmas.humas.drafting.cli import main

REPO_ROOT = Path(__file__).resolve().parents[4]


def _run(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdout=out, stderr=err, stdin=io.StringIO(stdin))
    return code, out.getvalue(), err.getvalue()


def test_draft_prints_title_and_body(seed_path: Path, seed_input: dict[str, Any]) -> None:
    code, out, err = _run(["draft", "--input", str(seed_path)])
    release = draft_release(seed_input)
    assert code == 0
    assert err == ""
    assert out == release.text
    assert out.startswith(release.title + "\n\nIndramayu, - ")


def test_draft_reads_stdin(seed_path: Path) -> None:
    code, out, _ = _run(["draft", "--input", "-"], stdin=seed_path.read_text("utf-8"))
    assert code == 0
    assert out == _run(["draft", f"--input={seed_path}"])[1]


def test_json_output(seed_path: Path) -> None:
    code, out, _ = _run(["draft", "--input", str(seed_path), "--format", "json"])
    data = json.loads(out)
    assert code == 0
    assert set(data) == {"title", "body", "warnings"}
    assert data["body"].endswith("Pungkasnya.")


def test_missing_fields_exit_2_and_name_every_path(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"unit": {"parent": {"name": "Polres Indramayu"}}}), "utf-8")
    code, out, err = _run(["draft", "--input", str(path)])
    assert code == 2
    assert out == ""
    assert "Galat: Data kegiatan tidak lengkap atau tidak valid" in err
    for field in ("unit.name", "activity.type", "activity.start"):
        assert f"- {field}: wajib diisi" in err


def test_invalid_json_reports_line_and_column() -> None:
    code, out, err = _run(["draft", "--input", "-"], stdin='{\n  "unit": {"name": "A"},\n}')
    assert code == 2
    assert out == ""
    assert "JSON tidak valid di stdin pada baris 3, kolom 1" in err


def test_naive_date_warns_but_still_prints(seed_input: dict[str, Any]) -> None:
    seed_input["activity"]["start"] = "2024-01-23T20:00:00"
    code, out, err = _run(["draft", "--input", "-"], stdin=json.dumps(seed_input))
    assert code == 0
    assert "Selasa malam (23/1/2024)" in out
    assert err.startswith("Peringatan: activity.start:") and "dianggap WIB" in err


def test_usage_errors_exit_2() -> None:
    assert _run([])[0] == 2
    assert _run(["publish"])[0] == 2
    assert _run(["draft"])[0] == 2
    assert _run(["draft", "--input"])[0] == 2
    assert _run(["draft", "--input", "x.json", "--format", "pdf"])[0] == 2
    code, _, err = _run(["draft", "--input", "/nonexistent/activity.json"])
    assert code == 2 and "tidak ditemukan" in err
    code, out, _ = _run(["--help"])
    assert code == 0 and "--input" in out


def test_module_entry_point(seed_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    command = [sys.executable, "-m", "polmas.humas.drafting", "draft", "--input", "-"]
    result = subprocess.run(
        command, input="{}", capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 2
    assert "unit.name" in result.stderr
