"""Small Indonesian text helpers: list joining, capitalisation, clean-up."""

from __future__ import annotations

import re
from collections.abc import Sequence

# Words that keep their capital even when a phrase from the input starts with them.
KEEP_CAPITAL = frozenset(
    {"pemilu", "pilkada", "pilpres", "pileg", "polri", "indonesia", "pancasila", "tuhan"}
)


def join_list(items: Sequence[str], conjunction: str = "dan") -> str:
    """Indonesian list: 'a', 'a dan b', 'a, b, dan c'."""
    parts = [item for item in items if item]
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        return f"{parts[0]} {conjunction} {parts[1]}"
    return f"{', '.join(parts[:-1])}, {conjunction} {parts[-1]}"


def join_phrases(items: Sequence[str]) -> str:
    """Join input phrases; phrases that carry their own commas or 'dan' are separated by
    semicolons and the last by 'serta' ('a, b, dan c; d; serta e') so the list stays readable."""
    if not any("," in item or " dan " in item for item in items):
        return join_list(items)
    if len(items) == 2:
        return f"{items[0]} serta {items[1]}"
    return f"{'; '.join(items[:-1])}; serta {items[-1]}"


def capitalise_first(text: str) -> str:
    """Upper-case the first letter (skipping a leading quotation mark)."""
    for index, char in enumerate(text):
        if char.isalpha():
            return text[:index] + char.upper() + text[index + 1 :]
        if char not in "\"'“‘(":
            return text
    return text


def as_phrase(text: str) -> str:
    """An input phrase placed mid-sentence: no final full stop, first word lower-cased when it is
    an ordinary capitalised word ('Bahaya hoaks.' -> 'bahaya hoaks'); acronyms and names kept."""
    phrase = text.strip().rstrip(".;,:").strip()
    if not phrase:
        return phrase
    first = phrase.split(" ", 1)[0]
    ordinary = first[:1].isupper() and first[1:].islower() and first.isalpha()
    if ordinary and first.lower() not in KEEP_CAPITAL:
        return first.lower() + phrase[len(first) :]
    return phrase


def title_case(text: str) -> str:
    """Headline case (house style capitalises every word, even "Untuk" and "Di"); acronyms and
    mixed-case names are left alone."""
    words = []
    for word in text.split(" "):
        if word and word[0].islower():
            word = word[0].upper() + word[1:]
        words.append(word)
    return " ".join(words)


def with_prefix(name: str, prefix: str, *alternatives: str) -> str:
    """'Lemahabang' -> 'Desa Lemahabang'; 'Kelurahan Paoman' stays as written."""
    lowered = name.lower()
    for known in (prefix, *alternatives):
        if lowered.startswith(known.lower() + " ") or lowered.startswith(known.lower() + "."):
            return name
    return f"{prefix} {name}"


_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:])")
_MULTI_SPACE = re.compile(r"[ \t]{2,}")


def tidy(sentence: str) -> str:
    """Collapse spaces and remove spaces before punctuation."""
    sentence = _MULTI_SPACE.sub(" ", sentence)
    sentence = _SPACE_BEFORE_PUNCT.sub(r"\1", sentence)
    return sentence.strip()


def quote_body(text: str) -> tuple[str, str]:
    """Split a recorded statement into its words and its closing mark.

    'Kami siap.' -> ('Kami siap', '.'); 'Siapa?' -> ('Siapa', '?'). Used to write
    '"Kami siap," ujar ...' (Indonesian news turns a final full stop into a comma).
    """
    body = text.strip()
    mark = ""
    while body and body[-1] in ".!?,;:":
        if not mark and body[-1] in ".!?":
            mark = body[-1]
        body = body[:-1].rstrip()
    return body, mark
