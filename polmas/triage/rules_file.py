"""Reading the rules file (``rules/category_rules.json``) and its named word groups.

The same words often make a group in several rules: the words of a fishing boat and of not being
back yet give ``lainnya`` points and make darurat; the words of hearsay ask whether a rumour is
true and calm a message. Such a group is written once, under ``word_groups``, and used by name:
an item ``"@name"`` in any keyword list stands for the words of that group. A list may add its
own words to a group (``["@hearsay", "berantai"]``), and a group may build on another. Without
names, a round that added a word to one copy left the other behind.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

WORD_GROUPS = "word_groups"
REFERENCE = "@"


def read_rules(path: Path) -> dict[str, Any]:
    """The rules file as data, with every ``"@name"`` replaced by the words of that group and
    without the ``word_groups`` section. Refuses an unknown or unused name, a group that builds
    on itself and a list that names a word twice (once through a group)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return resolve_word_groups(data)


def resolve_word_groups(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` (a parsed rules file) with its named word groups put in place."""
    named: dict[str, list[str]] = data.get(WORD_GROUPS, {})
    resolved: dict[str, list[str]] = {}
    used: set[str] = set()

    def words_of(name: str, path: tuple[str, ...]) -> list[str]:
        if name not in named:
            raise ValueError(f"unknown word group: {REFERENCE}{name}")
        if name in path:
            raise ValueError(f"word group builds on itself: {' -> '.join((*path, name))}")
        used.add(name)
        if name not in resolved:
            resolved[name] = expand(named[name], f"{WORD_GROUPS}.{name}", (*path, name))
        return resolved[name]

    def expand(items: list[str], where: str, path: tuple[str, ...] = ()) -> list[str]:
        words: list[str] = []
        for item in items:
            if item.startswith(REFERENCE):
                words += words_of(item[len(REFERENCE) :], path)
            else:
                words.append(item)
        repeated = sorted(word for word, n in Counter(words).items() if n > 1)
        if repeated:
            raise ValueError(f"{where}: words listed twice: {repeated}")
        return words

    def walk(node: Any, where: str) -> Any:
        if isinstance(node, dict):
            return {k: walk(v, f"{where}.{k}") for k, v in node.items() if k != WORD_GROUPS}
        if isinstance(node, list):
            if all(isinstance(item, str) for item in node):
                return expand(node, where)
            return [walk(item, f"{where}[{n}]") for n, item in enumerate(node)]
        return node

    out = {k: (v if k == "_doc" else walk(v, k)) for k, v in data.items() if k != WORD_GROUPS}
    unused = sorted(set(named) - used)
    if unused:
        raise ValueError(f"word groups never used: {unused}")
    return out
