"""The keyword lists of the rules file, walked the same way by the structure tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def any_hit_lists(data: dict[str, Any]) -> Iterator[tuple[str, list[str]]]:
    """The keyword lists of the rules file where one word found is as good as several: every
    urgency list and word group, the combos' groups, courtesy and story words. Not a category's
    ``strong``/``keywords``, where each word found adds its points, and not ``negations``, which
    are whole words compared as they are, outside the keyword index."""
    yield from rule_groups(data)
    for key, value in data["urgency"].items():
        skip = key == "negations" or key.endswith(("_combos", "categories"))
        if isinstance(value, list) and not skip:
            yield f"urgency.{key}", value
    for section, keys in (
        ("courtesy", ("thanks", "reports")),
        ("stories", ("words", "interruptions")),
    ):
        for key in keys:
            yield f"{section}.{key}", data[section].get(key, [])


def rule_groups(data: dict[str, Any]) -> Iterator[tuple[str, list[str]]]:
    """Every word group of a rule: the urgency word groups and the combos' groups."""
    for key, value in data["urgency"].items():
        if key.endswith("_combos"):
            for number, groups in enumerate(value):
                for place, group in enumerate(groups):
                    yield f"urgency.{key}[{number}][{place}]", group
    for number, combo in enumerate(data["combos"]):
        for place, group in enumerate(combo["all"]):
            yield f"combos[{number}][{place}]", group
