"""The seed-like input reproduces the house style of the reference release."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from polmas.humas.drafting import (
    draft_release,
    find_invented,
    grammar_problems,
    parse_activity,
)
from polmas.humas.drafting.textutil import quote_body

CHAIN = "Kapolres Indramayu, AKBP M. Fahri Siregar melalui Kapolsek Indramayu, AKP Indrie Hapsarie"
COMPANION = "didampingi Kasi Humas Polres Indramayu, AKP Saefullah"
MakeInput = Callable[..., dict[str, Any]]
REPO_ROOT = Path(__file__).resolve().parents[4]


def _variants(make_input: MakeInput) -> list[dict[str, Any]]:
    """The seed facts with a different place or hour: each gives a different phrasing draw."""
    places = ["permukiman warga", "Pasar Baru", "balai desa", "pos ronda", "alun-alun", "masjid"]
    out = [make_input()]
    for place in places:
        for minute in ("00", "15", "30"):
            out.append(
                make_input(
                    activity__place=place, activity__start=f"2024-01-23T20:{minute}:00+07:00"
                )
            )
    return out


def test_seed_release_has_the_house_style(seed_input: dict[str, Any]) -> None:
    release = draft_release(seed_input)
    body = release.body
    assert body.startswith("Indramayu, - ")
    assert CHAIN in body
    assert COMPANION in body
    assert "Selasa malam (23/1/2024)" in body
    assert "personil dari Polsek Indramayu jajaran Polres Indramayu Polda Jabar" in body
    assert "Pemilihan Umum 2024" in body
    assert body.endswith("Pungkasnya.")
    for quote in seed_input["quotes"]:
        words, _mark = quote_body(quote["text"])
        assert words in body
    assert release.warnings == ()
    assert release.title and "\n" not in release.title


def test_every_seed_variant_keeps_the_facts_and_invents_none(make_input: MakeInput) -> None:
    for data in _variants(make_input):
        release = draft_release(data)
        text = f"{release.title}\n{release.body}"
        assert CHAIN in release.body
        assert COMPANION in release.body
        assert "Selasa malam (23/1/2024)" in release.body
        assert release.body.endswith("Pungkasnya.")
        for message in data["messages"]:
            assert message in release.body
        for item in data["resident_input"]:
            assert item in release.body
        assert "25 orang" in release.body
        assert find_invented(text, data) == []
        assert grammar_problems(release.body, release.title) == []


def test_same_input_same_text(seed_input: dict[str, Any]) -> None:
    first = draft_release(seed_input)
    second = draft_release(seed_input)
    assert first == second
    parsed, _ = parse_activity(seed_input)
    assert draft_release(parsed).body == first.body


def test_text_does_not_depend_on_the_process_hash_seed(seed_path: Path) -> None:
    outputs = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(REPO_ROOT)}
        result = subprocess.run(
            [sys.executable, "-m", "polmas.humas.drafting", "draft", "--input", str(seed_path)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1
    assert draft_release(json.loads(seed_path.read_text("utf-8"))).text in outputs


def test_groups_are_joined_indonesian_style(make_input: MakeInput) -> None:
    groups = ["warga", "tokoh masyarakat", "tokoh agama"]
    for place in ("pasar", "balai desa", "pos ronda", "masjid"):
        body = draft_release(make_input(activity__place=place, audience__groups=groups)).body
        assert "warga, tokoh masyarakat, dan tokoh agama" in body


def test_hand_built_input_in_another_zone_is_shown_in_wib(seed_input: dict[str, Any]) -> None:
    parsed, _ = parse_activity(seed_input)
    utc = dataclasses.replace(parsed, start=parsed.start.astimezone(dt.UTC))
    assert "Selasa malam (23/1/2024)" in draft_release(utc).body


def test_docs_example_is_current(seed_input: dict[str, Any]) -> None:
    docs = (REPO_ROOT / "docs" / "humas-drafting.md").read_text("utf-8")
    example = docs.split("## Example (the seed-like fixture)", 1)[1]
    block = example.split("```text\n", 1)[1].split("\n```", 1)[0]
    assert block + "\n" == draft_release(seed_input).text
