"""The keyword index of the category / urgency rules: which rule keywords a text contains.

A keyword is an open word (found after an optional prefix, with any ending: ``tawur`` matches
``tawuran`` and ``ditawur``), an exact word (``=api``) or a phrase (a space or a hyphen in it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial

from polmas.triage.memo import Memo

PREFIXES: tuple[str, ...] = ("", "di", "ke", "ter", "me", "mem", "men", "meng", "meny", "ber")
PREFIXES += ("be", "pe", "pem", "pen", "peng", "se", "ng", "nge", "ka", "pa", "dipun")
_PREFIX_SET = frozenset(PREFIXES)
_PREFIX_LENGTHS = sorted({len(p) for p in PREFIXES})
WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
MEMO_LIMIT = 50_000
"""Words whose open-keyword hits an index remembers before it forgets them all."""


def open_keywords(word: str, open_words: frozenset[str], longest: int) -> frozenset[str]:
    """The open keywords in ``word``: a keyword after an optional prefix, with any ending."""
    found: set[str] = set()
    for plen in _PREFIX_LENGTHS:
        if plen and word[:plen] not in _PREFIX_SET:
            continue
        rest = word[plen:]
        for size in range(2, min(len(rest), longest) + 1):
            if rest[:size] in open_words:
                found.add(rest[:size])
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class KeywordIndex:
    """All keywords of the rules: open words (prefix + any suffix), exact words, phrases.

    Keywords are identified by their text as written in the rules file (``=word`` for exact).
    """

    exact_words: frozenset[str]
    phrases: dict[str, tuple[tuple[str, str, re.Pattern[str]], ...]]
    """first word -> (keyword, phrase, pattern) of each phrase starting with it."""
    open_hits: Memo[str, frozenset[str]]
    """word -> :func:`open_keywords` in it (a pure function of the word, so remembered)."""

    @classmethod
    def build(cls, keywords: set[str]) -> KeywordIndex:
        """Compile keywords (``=word`` exact; phrases contain a space or hyphen)."""
        open_words: set[str] = set()
        exact: set[str] = set()
        phrases: dict[str, list[tuple[str, str, re.Pattern[str]]]] = {}
        for kw in sorted(keywords):
            is_exact = kw.startswith("=")
            word = kw[1:] if is_exact else kw
            if "\n" in word:
                raise ValueError(f"a keyword cannot contain a line break: {kw!r}")
            if WORD_RE.fullmatch(word) is None:
                tail = r"(?![\w])" if is_exact else ""
                pattern = re.compile(rf"(?<![^\W\d_]){re.escape(word)}{tail}")
                first = WORD_RE.findall(word)[0]
                phrases.setdefault(first, []).append((kw, word, pattern))
            elif is_exact:
                exact.add(word)
            else:
                open_words.add(word)
        by_first = {first: tuple(found) for first, found in phrases.items()}
        longest = max((len(w) for w in open_words), default=0)
        find = partial(open_keywords, open_words=frozenset(open_words), longest=longest)
        return cls(frozenset(exact), by_first, Memo(find, MEMO_LIMIT))

    def hits(self, texts: tuple[str, ...]) -> set[str]:
        """Every keyword found in any of ``texts``.

        Phrases are searched in the texts joined by a newline: no phrase contains one, and the
        patterns' word boundaries treat it as they treat a text's start and end, so a phrase is
        found in the joined text exactly when it is found in one of the texts (one search instead
        of one per text; a message is read as two texts, raw and normalised)."""
        found: set[str] = set()
        words: set[str] = set()
        for text in texts:
            words.update(WORD_RE.findall(text))
        found.update("=" + w for w in words & self.exact_words)
        found.update(*map(self.open_hits.__getitem__, words))
        firsts = words & self.phrases.keys()
        if firsts:
            joined = "\n".join(texts)
            for first in firsts:
                for kw, phrase, pattern in self.phrases[first]:
                    if phrase in joined and pattern.search(joined):
                        found.add(kw)
        return found
