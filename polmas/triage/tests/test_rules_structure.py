"""The rules file and its engine as structures: combos need every group, unknown categories are
refused, open keywords have no false friends, the keyword index adds up the plain sums, accents
are folded, thanks count only beside a report, and ``darurat_category`` moves only darurat
messages. The messages a resident could send are in ``test_rules_engine.py``."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from polmas.triage.keyword_index import PREFIXES, WORD_RE, KeywordIndex
from polmas.triage.paths import RULES_FILE
from polmas.triage.rules import (
    category_scores,
    fold_accents,
    keyword_hits,
    settled_category,
    urgency_for,
    without_courtesy,
)
from polmas.triage.rules_file import read_rules
from polmas.triage.ruleset import RuleSet, default_rules
from polmas.triage.tests.rule_lists import any_hit_lists


def test_a_combo_needs_every_group_and_unknown_categories_are_refused(tmp_path: Path) -> None:
    data = read_rules(RULES_FILE)
    data["combos"] = [{"category": "hoaks", "points": 5, "all": [["bener"], ["=jare"]]}]
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    rules = RuleSet.from_file(path)
    both = keyword_hits(("iki bener, jare tanggane",), rules)
    only_rumour = keyword_hits(("jare tanggane",), rules)
    assert category_scores(both, rules)["hoaks"] == category_scores(only_rumour, rules)["hoaks"] + 5
    assert "hoaks" not in category_scores(keyword_hits(("iki bener",), rules), rules)
    assert urgency_for(frozenset(), "lainnya", rules) == "rendah"
    data["combos"][0]["category"] = "tidak_ada"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="unknown categories in combos"):
        RuleSet.from_file(path)


# Words that contain an open keyword after a prefix or before an ending, but are other words.
FALSE_FRIENDS = [
    "ganjar",
    "menginap",
    "pelanggaran",
    "kacamata",
    "bidang",
    "pesona",
    "sepupuku",
    "serangga",
    "berobat",
    "mengurus",
    "kebutuhan",
    "demokrasi",
    "bandara",
    "sabun",
    "disarankan",
    "pelukan",
    "meninggalkan",
    "mengkritisi",
    "tenggelamkan",
    "berpaling",
    "kepalaku",
    "perangkat",
    "mengolok",
]


@pytest.mark.parametrize("word", FALSE_FRIENDS)
def test_words_that_only_contain_a_keyword_match_nothing(word: str) -> None:
    # "ganjar" is not "ganja", "pelanggaran" not the Javanese "langgar" (a prayer house),
    # "meninggalkan" (to leave) not "meninggal", "pelukan" (a hug) not "luka"
    assert keyword_hits((word,), default_rules()) == frozenset()


def _reference_scores(found: frozenset[str], rules: RuleSet) -> dict[str, float]:
    """Category points as first written: every category's sets, every combo."""
    scores: dict[str, float] = {}
    for cat in rules.strong:
        points = 2.0 * len(found & rules.strong[cat]) + len(found & rules.weak[cat])
        if points:
            scores[cat] = points
    for combo in rules.combos:
        if combo.fires(found):
            scores[combo.category] = scores.get(combo.category, 0.0) + combo.points
    return scores


def test_indexed_category_points_equal_the_plain_sums() -> None:
    rules = default_rules()
    vocabulary = sorted(
        set(rules.keyword_points) | {w for c in rules.combos for g in c.groups for w in g}
    )
    rng = random.Random(0)
    fired = 0
    for _ in range(3000):
        found = frozenset(rng.sample(vocabulary, rng.randint(0, 12)))
        got = category_scores(found, rules)
        assert got == _reference_scores(found, rules)
        assert list(got) == list(_reference_scores(found, rules))  # same order
        fired += any(c.fires(found) for c in rules.combos)
    assert fired > 0  # the sample reaches the combos too


def test_a_combo_without_groups_is_refused(tmp_path: Path) -> None:
    data = read_rules(RULES_FILE)
    data["combos"] = [{"category": "hoaks", "points": 5, "all": []}]
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="no keyword group"):
        RuleSet.from_file(path)


def test_accents_are_folded_before_matching_and_no_keyword_carries_one() -> None:
    assert fold_accents("manéh éta ditéang kèné") == "maneh eta diteang kene"
    rules = default_rules()
    assert "ngagantung maneh" in keyword_hits((fold_accents("ngagantung manéh"),), rules)
    accented = [kw for kw in _strings(read_rules(RULES_FILE)) if fold_accents(kw) != kw]
    assert accented == []  # a keyword with an accent could never match a folded text


def _strings(node: object) -> list[str]:
    """Every string in the rules file except its prose (``_doc``, category labels)."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for k, v in node.items() if k not in ("_doc", "label") for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def test_thanks_count_for_nothing_only_beside_a_report_or_a_request() -> None:
    rules = default_rules()
    thanks = keyword_hits(("terima kasih pak",), rules)
    assert without_courtesy(thanks, rules) == thanks
    report = keyword_hits(("saya ingin melaporkan pencurian, terima kasih",), rules)
    assert "terima kasih" in report
    assert "terima kasih" not in without_courtesy(report, rules)
    assert "melaporkan" in without_courtesy(report, rules)


def test_darurat_category_moves_only_darurat_and_names_known_categories(tmp_path: Path) -> None:
    rules_set = default_rules()
    assert settled_category("non_kepolisian", "darurat", rules_set) == "lainnya"
    assert settled_category("non_kepolisian", "rendah", rules_set) == "non_kepolisian"
    assert settled_category("kriminalitas", "darurat", rules_set) == "kriminalitas"
    data = read_rules(RULES_FILE)
    data["urgency"]["darurat_category"] = {"non_kepolisian": "pemadam"}
    broken = tmp_path / "rules.json"
    broken.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValueError, match="unknown categories in darurat_category"):
        RuleSet.from_file(broken)


def _forms(keyword: str) -> list[str]:
    """Texts a keyword can match: an exact word itself; a phrase with any ending; an open word
    after every prefix, with and without an ending."""
    if keyword.startswith("="):
        return [keyword[1:]]
    if WORD_RE.fullmatch(keyword) is None:
        return [keyword, keyword + "zq"]
    return [prefix + keyword + end for prefix in PREFIXES for end in ("", "zq")]


def _covered(words: list[str], negations: frozenset[str] = frozenset()) -> list[str]:
    """The words of a list that another word of it matches in every form (:func:`_forms`).
    With ``negations`` (the darurat list): a word that says a negation itself ("bli obah") stays
    darurat after a negation, so only another such word can stand in for it."""

    def says_negation(keyword: str) -> bool:
        return not negations.isdisjoint(WORD_RE.findall(keyword))

    index = KeywordIndex.build(set(words))
    covered = []
    for word in words:
        negated = says_negation(word)
        if all(
            any(not negated or says_negation(other) for other in index.hits((form,)) - {word})
            for form in _forms(word)
        ):
            covered.append(word)
    return covered


def test_no_word_of_an_any_hit_list_is_already_matched_by_another_of_its_list() -> None:
    # "dipatuk ular" beside "dipatuk ula": wherever the first matches, the second does too, so
    # the first changes no decision and only costs the index an entry. (In a category's lists
    # such a pair is a weight: both words add their points.)
    data = read_rules(RULES_FILE)
    negations = frozenset(data["urgency"]["negations"])
    covered = [
        f"{name}: {word}"
        for name, words in any_hit_lists(data)
        for word in _covered(words, negations if name == "urgency.darurat" else frozenset())
    ]
    assert covered == []


def test_the_covered_word_check_finds_a_covered_word() -> None:
    words = ["dipatuk ula", "dipatuk ular", "=api", "kebakaran", "obah", "bli obah"]
    assert _covered(words) == ["dipatuk ular", "bli obah"]
    assert _covered(words, frozenset({"bli"})) == ["dipatuk ular"]
