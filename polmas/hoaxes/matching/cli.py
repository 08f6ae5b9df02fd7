"""Command line: ``hoax match | train | evaluate``.

Stable contract::

    hoax match --kb KB.jsonl --k 10 < queries.jsonl > out.jsonl

KB lines: ``{"id", "title"}`` plus optional ``claim``, ``explanation``, ``date``, ``url``.
Query lines: ``{"id", "text"}``. Output: one line per query line, in order:
``{"id", "matches": [{"id", "score"}]}`` best first; a query line that cannot be read gives
``{"id": null, "matches": [], "error": "line N: ..."}`` in its place.
Exit codes: 0 ok, 2 bad usage or unusable knowledge base (message on stderr).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any, TextIO

from polmas.hoaxes.matching.index import HoaxIndex, KBEntry
from polmas.hoaxes.matching.model import MatcherModel

EXIT_OK = 0
EXIT_USAGE = 2
_OPTIONAL = ("claim", "explanation", "date", "url")
UNREADABLE = "JSON tidak dapat dibaca (angka lebih dari 4.300 digit atau bersarang terlalu dalam)"
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
"""Half of a UTF-16 pair, left by a JSON escape of a cut emoji; UTF-8 cannot encode it."""


class KBError(Exception):
    """The knowledge-base file cannot be used; the message is shown to the operator."""


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"bukan bilangan bulat: {value!r}") from exc
    if number < 1:
        raise argparse.ArgumentTypeError("--k harus minimal 1")
    return number


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hoax", description="Pencocokan klaim hoaks.")
    sub = parser.add_subparsers(dest="command", required=True)
    match = sub.add_parser("match", help="cocokkan kueri (JSONL di stdin) dengan basis fakta")
    match.add_argument("--kb", required=True, type=Path, help="berkas JSONL basis pengetahuan")
    match.add_argument("--k", type=_positive_int, default=10, help="jumlah kandidat (10)")
    match.add_argument("--model", type=Path, default=None, help="folder artefak model")
    train = sub.add_parser("train", help="latih ulang komponen dari data bersama")
    train.add_argument("--out", type=Path, default=None, help="folder tujuan artefak")
    evaluate = sub.add_parser("evaluate", help="nilai pada split validasi beserta baseline")
    evaluate.add_argument("--model", type=Path, default=None, help="folder artefak model")
    return parser


def read_kb(path: Path) -> tuple[list[KBEntry], dict[str, Any]]:
    """Parse a KB JSONL file; returns entries and the original JSON value of each id."""
    if not path.exists():
        raise KBError(f"berkas basis pengetahuan tidak ditemukan: {path}")
    if not path.is_file():
        raise KBError(f"basis pengetahuan bukan berkas: {path}")
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise KBError(f"berkas basis pengetahuan tidak dapat dibaca: {path}: {exc}") from exc
    entries: list[KBEntry] = []
    original: dict[str, Any] = {}
    first_line: dict[str, int] = {}
    duplicates: list[str] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise KBError(f"{path} baris {number}: JSON tidak valid ({exc.msg})") from exc
        except (ValueError, RecursionError) as exc:
            raise KBError(f"{path} baris {number}: {UNREADABLE}") from exc
        if not isinstance(obj, dict):
            raise KBError(f"{path} baris {number}: harus berupa objek JSON")
        raw_id = obj.get("id")
        if raw_id is None or isinstance(raw_id, bool) or not isinstance(raw_id, str | int):
            raise KBError(f"{path} baris {number}: 'id' wajib diisi (teks atau angka)")
        if isinstance(raw_id, str) and _LONE_SURROGATE.search(raw_id):
            raise KBError(f"{path} baris {number}: 'id' berisi karakter Unicode tidak valid")
        title = obj.get("title")
        if not isinstance(title, str) or not title.strip():
            raise KBError(f"{path} baris {number}: 'title' wajib diisi (teks)")
        key = str(raw_id)
        if key in first_line:
            duplicates.append(f"id {key!r} pada baris {first_line[key]} dan {number}")
            continue
        first_line[key] = number
        original[key] = raw_id
        extra = {f: obj[f] for f in _OPTIONAL if isinstance(obj.get(f), str)}
        entries.append(KBEntry(id=key, title=title, **extra))
    if duplicates:
        raise KBError(f"{path}: id ganda: " + "; ".join(duplicates))
    if not entries:
        raise KBError(f"berkas basis pengetahuan kosong: {path}")
    return entries, original


def _answer_line(
    number: int, line: str, index: HoaxIndex, original: dict[str, Any], k: int
) -> dict[str, Any]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return {
            "id": None,
            "matches": [],
            "error": f"line {number}: JSON tidak valid ({exc.msg})",
        }
    except (ValueError, RecursionError):
        return {"id": None, "matches": [], "error": f"line {number}: {UNREADABLE}"}
    if not isinstance(obj, dict):
        return {
            "id": None,
            "matches": [],
            "error": f"line {number}: harus berupa objek JSON",
        }
    query_id = obj.get("id")
    if isinstance(query_id, str) and _LONE_SURROGATE.search(query_id):
        return {
            "id": None,
            "matches": [],
            "error": f"line {number}: 'id' berisi karakter Unicode tidak valid",
        }
    text = obj.get("text")
    if text is None:
        return {"id": query_id, "matches": []}
    if not isinstance(text, str):
        return {
            "id": query_id,
            "matches": [],
            "error": f"line {number}: 'text' harus berupa teks",
        }
    # half an emoji escaped in JSON ("\\ud83d") cannot be encoded; it stands for one character
    matches = index.search(_LONE_SURROGATE.sub("\ufffd", text), k)
    return {
        "id": query_id,
        "matches": [{"id": original.get(m.id, m.id), "score": m.score} for m in matches],
    }


def run_match(args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    try:
        entries, original = read_kb(args.kb)
        model = MatcherModel.load(args.model) if args.model else MatcherModel.load_default()
    except KBError as exc:
        stderr.write(f"galat: {exc}\n")
        return EXIT_USAGE
    except (OSError, ValueError, KeyError) as exc:
        stderr.write(f"galat: artefak model tidak dapat dimuat: {exc}\n")
        return EXIT_USAGE
    index = HoaxIndex(entries, model)
    for number, line in enumerate(stdin, start=1):
        if not line.strip():
            continue
        answer = _answer_line(number, line.lstrip("\ufeff"), index, original, args.k)
        stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
    stdout.flush()
    return EXIT_OK


def main(
    argv: list[str] | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
) -> int:
    """Entry point; ``argv`` excludes the program name (``["match", "--kb", ...]``)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["hoax"]:
        args_list = args_list[1:]
    stdin = stdin if stdin is not None else sys.stdin
    stdout = stdout if stdout is not None else sys.stdout
    stderr = sys.stderr
    try:
        args = _parser().parse_args(args_list)
    except SystemExit as exc:
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    if args.command == "match":
        return run_match(args, stdin, stdout, stderr)
    from polmas.hoaxes.matching.train import run_evaluate, run_train

    try:
        if args.command == "train":
            return run_train(args.out, stdout)
        return run_evaluate(args.model, stdout)
    except FileNotFoundError as exc:
        stderr.write(f"galat: data bersama tidak ditemukan: {exc}\n")
        return EXIT_USAGE


if __name__ == "__main__":
    raise SystemExit(main())
