"""Open keywords of the category/urgency rules that also match unrelated words.

An open keyword matches after a prefix and before any ending (``bacok`` finds ``dibacok``). That
also finds words that merely contain it: ``tanya`` in ``katanya`` (ka- + tanya), ``ganja`` in
``Ganjar``, ``luka`` in ``pelukan``. This script lists, for every open keyword, the words of the
unlabelled training texts (SmSA, EmoT, the hate-speech tweets, NusaX) and of the development
message files (``polmas/triage/labels/``) that it matches without being equal to them, most
frequent first. Read the list, and turn a keyword with false friends into exact forms
(``=luka``, ``terluka``, ``lukanya``).

    PYTHONPATH=. .venv/bin/python benchmarks/triage/keyword_audit.py [--min-count 5]

The held-out message files are not read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from polmas.triage.keyword_index import WORD_RE, open_keywords
from polmas.triage.normalise import normalise_fast, slang_dictionary
from polmas.triage.paths import RULES_FILE, SEED_LABEL_FILES, shared_data_dir
from polmas.triage.rules_file import read_rules
from polmas.triage.training.data import load_emot, load_hate, load_nusax, load_smsa


def training_texts(data: Path) -> list[str]:
    """Every unlabelled text we may read: training splits and development messages."""
    texts = list(load_smsa(data, "train").texts) + list(load_emot(data, "train").texts)
    texts += [row.text for row in load_hate(data)[0]]
    for lang in ("indonesian", "javanese", "sundanese"):
        texts += load_nusax(data, lang, "train").texts
    for path in SEED_LABEL_FILES:
        lines = path.read_text(encoding="utf-8").splitlines()
        texts += [json.loads(line)["text"] for line in lines if line]
    return texts


def rule_keywords() -> dict[str, set[str]]:
    """Every keyword of the rules file -> the lists it is in (category, combo or urgency)."""
    data = read_rules(RULES_FILE)
    where: dict[str, set[str]] = defaultdict(set)
    for category, spec in data["categories"].items():
        for keyword in spec["strong"] + spec["keywords"]:
            where[keyword].add(category)
    for combo in data["combos"]:
        for group in combo["all"]:
            for keyword in group:
                where[keyword].add(f"combo:{combo['category']}")

    def walk(name: str, node: object) -> None:
        if isinstance(node, str):
            where[node].add(f"urgency:{name}")
        elif isinstance(node, list):
            for item in node:
                walk(name, item)

    for name, node in data["urgency"].items():
        if name != "negations":  # compared as whole words, never as open keywords
            walk(name, node)
    return where


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-count", type=int, default=1, help="hide rarer matched words")
    args = parser.parse_args()
    slang = slang_dictionary()
    words: Counter[str] = Counter()
    for text in training_texts(shared_data_dir()):
        lowered = text.lower()
        words.update(WORD_RE.findall(lowered))
        words.update(WORD_RE.findall(normalise_fast(lowered, slang)))
    where = rule_keywords()
    open_words = frozenset(k for k in where if not k.startswith("=") and WORD_RE.fullmatch(k))
    longest = max(map(len, open_words))
    matched: dict[str, Counter[str]] = defaultdict(Counter)
    for word, count in words.items():
        for keyword in open_keywords(word, open_words, longest):
            if word != keyword and count >= args.min_count:
                matched[keyword][word] += count
    for keyword in sorted(matched, key=lambda k: -sum(matched[k].values())):
        shown = " ".join(f"{w}:{c}" for w, c in matched[keyword].most_common(10))
        print(f"{keyword} [{', '.join(sorted(where[keyword]))}] {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
