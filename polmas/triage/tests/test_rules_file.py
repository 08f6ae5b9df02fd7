"""The rules file's named word groups: a group written once and used by name in several rules
(``rules_file.py``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from polmas.triage.paths import RULES_FILE
from polmas.triage.rules_file import WORD_GROUPS, resolve_word_groups
from polmas.triage.ruleset import RuleSet
from polmas.triage.tests.rule_lists import any_hit_lists


def _raw() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(RULES_FILE.read_text(encoding="utf-8"))
    return data


def test_a_word_added_to_a_named_group_reaches_every_rule_that_names_it(tmp_path: Path) -> None:
    data = _raw()
    assert data["combos"][16]["all"][0] == ["@fishing_boats"]  # lainnya points
    assert data["urgency"]["darurat_combos"][3][0] == ["@fishing_boats"]  # and darurat
    data[WORD_GROUPS]["fishing_boats"].append("=sampan")
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    rules = RuleSet.from_file(path)
    assert "=sampan" in rules.combos[16].groups[0]
    assert "=sampan" in rules.darurat_combos[3][0]
    # a group built on another gets its words too: still_missing builds on missing_or_not_back,
    # which builds on missing, and the missing-child words build on still_missing
    data[WORD_GROUPS]["missing"].append("raib")
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    rules = RuleSet.from_file(path)
    assert "raib" in rules.combos[15].groups[1]
    assert "raib" in rules.darurat_combos[0][1]
    assert "raib" in rules.darurat_combos[2][1]


def test_the_committed_file_resolves_to_plain_word_lists() -> None:
    resolved = resolve_word_groups(_raw())
    assert WORD_GROUPS not in resolved
    assert resolved["urgency"]["calm_combos"][0][1][-1] == "berantai"  # hearsay + its own word
    text = json.dumps({k: v for k, v in resolved.items() if k != "_doc"}, ensure_ascii=False)
    assert '"@' not in text


def test_a_repeated_word_group_is_written_once_and_named() -> None:
    # two keyword lists with the same words (rules' groups, urgency lists, courtesy and story
    # words) must name one group, so a new word cannot reach only one
    data = _raw()
    resolved = resolve_word_groups(data)
    by_words: dict[frozenset[str], list[tuple[str, list[str]]]] = {}
    for (name, raw), (_, words) in zip(any_hit_lists(data), any_hit_lists(resolved), strict=True):
        by_words.setdefault(frozenset(words), []).append((name, raw))
    copies = [
        [name for name, _ in places]
        for places in by_words.values()
        if len(places) > 1
        and not (
            len(places[0][1]) == 1
            and places[0][1][0].startswith("@")
            and all(raw == places[0][1] for _, raw in places)
        )
    ]
    assert copies == []


@pytest.mark.parametrize(
    ("groups", "combo_groups", "message"),
    [
        ({}, [["@nowhere"], ["=jare"]], "unknown word group: @nowhere"),
        ({"a": ["@b"], "b": ["@a"]}, [["@a"], ["=jare"]], "builds on itself: a -> b -> a"),
        ({"a": ["bener"], "b": ["asli"]}, [["@a"], ["=jare"]], r"never used: \['b'\]"),
        ({"a": ["bener", "asli"]}, [["@a", "asli"], ["=jare"]], r"listed twice: \['asli'\]"),
        ({"a": ["bener", "bener"]}, [["@a"], ["=jare"]], r"word_groups.a: words listed twice"),
    ],
)
def test_a_broken_word_group_is_refused(
    tmp_path: Path, groups: dict[str, list[str]], combo_groups: list[list[str]], message: str
) -> None:
    data = resolve_word_groups(_raw())
    data[WORD_GROUPS] = groups
    data["combos"] = [{"category": "hoaks", "points": 5, "all": combo_groups}]
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        RuleSet.from_file(path)
