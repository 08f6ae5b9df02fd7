"""Command line: ``polmas humas draft --input activity.json`` prints the release.

The lead's Django management command passes its arguments to :func:`main`; it is also runnable
without Django as ``python -m polmas.humas.drafting draft --input activity.json``.

Exit codes: 0 drafted (warnings, if any, on stderr), 2 bad input or bad usage.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any, TextIO

from .compose import draft_release
from .model import ActivityInputError, Release

USAGE = (
    "Penggunaan: polmas humas draft --input BERKAS.json [--format text|json]\n"
    "  --input BERKAS   data kegiatan dalam JSON ('-' untuk membaca dari stdin)\n"
    "  --format         'text' (bawaan) mencetak judul dan isi rilis; 'json' mencetak\n"
    "                   objek {title, body, warnings}\n"
)
# Indonesian wording of the json module's messages (the original is kept when not listed).
JSON_MESSAGES = {
    "Expecting value": "nilai JSON diharapkan di sini",
    "Expecting property name enclosed in double quotes": (
        "nama properti harus diapit tanda kutip ganda (atau ada koma berlebih)"
    ),
    "Expecting ',' delimiter": "tanda koma ',' diharapkan",
    "Expecting ':' delimiter": "tanda titik dua ':' diharapkan",
    "Extra data": "ada data tambahan setelah akhir dokumen JSON",
    "Unterminated string starting at": "teks (string) tidak ditutup tanda kutip",
    "Invalid control character at": "karakter kontrol tidak sah di dalam teks",
    "Invalid \\escape": "urutan escape '\\' tidak sah",
}
EXIT_OK = 0
EXIT_BAD_INPUT = 2


class UsageError(Exception):
    pass


def _parse_args(argv: list[str]) -> tuple[str, str] | None:
    """Returns (input, format), or None when help was asked for."""
    if not argv:
        raise UsageError("perintah belum diberikan")
    if argv[0] in ("-h", "--help"):
        return None
    command, *rest = argv
    if command != "draft":
        raise UsageError(f"perintah '{command}' tidak dikenal (yang tersedia: draft)")
    source: str | None = None
    output = "text"
    index = 0
    while index < len(rest):
        arg = rest[index]
        if arg in ("-h", "--help"):
            return None
        name, eq, value = arg.partition("=")
        if name not in ("--input", "-i", "--format"):
            raise UsageError(f"argumen '{arg}' tidak dikenal")
        if not eq:
            index += 1
            if index >= len(rest):
                raise UsageError(f"{name} memerlukan nilai")
            value = rest[index]
        if name == "--format":
            if value not in ("text", "json"):
                raise UsageError("--format harus 'text' atau 'json'")
            output = value
        else:
            source = value
        index += 1
    if source is None:
        raise UsageError("--input wajib diisi")
    return source, output


def _read(source: str, stdin: TextIO) -> Any:
    if source == "-":
        raw = stdin.read()
        label = "stdin"
    else:
        path = Path(source)
        label = str(path)
        try:
            raw = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError as exc:
            raise UsageError(f"berkas '{source}' tidak ditemukan") from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"berkas '{source}' tidak dapat dibaca: {exc}") from exc
    try:
        return json.loads(raw, parse_constant=_no_constant, parse_float=_finite_float)
    except json.JSONDecodeError as exc:
        raise UsageError(
            f"JSON tidak valid di {label} pada baris {exc.lineno}, kolom {exc.colno}: "
            f"{JSON_MESSAGES.get(exc.msg, exc.msg)}"
        ) from exc
    except (ValueError, RecursionError) as exc:
        # An integer past Python's 4,300-digit limit (ValueError), NaN/Infinity or a float too
        # large (refused below, as the web form refuses them), nesting that exhausts recursion.
        raise UsageError(
            f"JSON di {label} tidak dapat diterima: angka NaN/Infinity, angka terlalu besar, "
            "atau susunan bertingkat terlalu dalam"
        ) from exc


def _no_constant(name: str) -> Any:
    raise ValueError(f"JSON constant {name} is not allowed")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError("a JSON number must be finite")
    return value


def _render(release: Release, output: str) -> str:
    if output == "json":
        data = {"title": release.title, "body": release.body, "warnings": list(release.warnings)}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return release.text


def main(
    argv: list[str] | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    stdin: TextIO | None = None,
) -> int:
    """Run ``draft``; ``argv`` excludes the program name, e.g. ["draft", "--input", "a.json"]."""
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        parsed = _parse_args(args)
        if parsed is None:
            out.write(USAGE)
            return EXIT_OK
        source, output = parsed
        release = draft_release(_read(source, stdin if stdin is not None else sys.stdin))
    except UsageError as exc:
        err.write(f"Galat: {exc}\n")
        if "JSON" not in str(exc) and "berkas" not in str(exc):
            err.write(USAGE)
        return EXIT_BAD_INPUT
    except ActivityInputError as exc:
        err.write(f"Galat: {exc}\n")
        return EXIT_BAD_INPUT
    for warning in release.warnings:
        err.write(f"Peringatan: {warning}\n")
    out.write(_render(release, output))
    return EXIT_OK
