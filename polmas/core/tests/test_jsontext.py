from __future__ import annotations

import json

import pytest

from polmas.core import jsontext


def test_lone_surrogates_and_nul_become_replacement_characters_in_keys_and_values() -> None:
    raw = (
        '{"a\\ud800": ["x \\udc00 y", {"b": "\\ud83d"}], "n": 1, "z": "a\\u0000b",'
        ' "ok": "\\ud83d\\ude4f"}'
    )
    assert jsontext.loads(raw) == {
        "a\ufffd": ["x \ufffd y", {"b": "\ufffd"}],
        "n": 1,
        "z": "a\ufffdb",
        "ok": "\U0001f64f",
    }
    # what comes out can be encoded again, which is what failed before
    json.dumps(jsontext.loads(raw), ensure_ascii=False).encode("utf-8")


def test_malformed_json_still_raises() -> None:
    with pytest.raises(ValueError):
        jsontext.loads(b"{not json")


@pytest.mark.parametrize(
    "raw",
    [
        '{"x": NaN}',
        '{"x": [Infinity]}',
        '{"x": -Infinity}',
        '{"x": 1e999}',
        '{"x": ' + "9" * 5000 + "}",
        "[" * 40000 + "]" * 40000,
    ],
    ids=["nan", "infinity", "minus-infinity", "overflowing-float", "huge-int", "deep"],
)
def test_what_cannot_be_stored_is_a_value_error(raw: str) -> None:
    """SQLite's and PostgreSQL's JSON refuse NaN and Infinity; the others used to escape as
    RecursionError or a 500 from the integer-string limit."""
    with pytest.raises(ValueError):
        jsontext.loads(raw)
