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
