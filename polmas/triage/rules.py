"""Category and urgency decisions from the keyword rules: which keywords a message has, the
category points they give, and the urgency they tell. The rules themselves are compiled in
:mod:`polmas.triage.ruleset`."""

from __future__ import annotations

import re

from polmas.triage.keyword_index import WORD_RE
from polmas.triage.ruleset import RuleSet, all_of

_ACCENTED = "àáâäèéêëìíîïòóôöùúûü"
_ACCENTS = str.maketrans(_ACCENTED, "aaaaeeeeiiiioooouuuu")
_HAS_ACCENT = re.compile(f"[{_ACCENTED}]")


def fold_accents(text: str) -> str:
    """The text with accented vowels as plain ones. Sundanese writers mark the e sounds
    (``manéh``, ``éta``, ``ditéang``) or not, as they please; the keywords are written
    without marks, so the texts matched against them are folded first. Most texts have no
    accent: looking first costs about 1 µs, translating a text with an emoji about 13 µs."""
    return text.translate(_ACCENTS) if _HAS_ACCENT.search(text) else text


def keyword_hits(texts: tuple[str, ...], rules: RuleSet) -> frozenset[str]:
    """All rule keywords found in the texts (compute once per message)."""
    return frozenset(rules.index.hits(texts))


def without_courtesy(found: frozenset[str], rules: RuleSet) -> frozenset[str]:
    """``found`` without the thanks words when the message reports or asks for something:
    "... Mohon ditindaklanjuti. Terima kasih." closes a report politely; it is neither a
    thank-you (rendah, the thanks-to-the-police combo) nor the message's concern."""
    if found & rules.reports:
        return found - rules.courtesy
    return found


def tells_a_story(found: frozenset[str], rules: RuleSet) -> bool:
    """True when the message tells of a film, a game, a joke or news from elsewhere and nothing
    breaks into it: "nonton film horor semalem, banyak yang dibunuh" is small talk
    (``lainnya``, no danger), "lagi nonton film, tiba-tiba ada tawuran, tolong" is not."""
    return not found.isdisjoint(rules.stories) and found.isdisjoint(rules.story_breaks)


NEGATION_WINDOW = 3
"""Words after a negation whose darurat keywords it cancels ("tidak ada yang luka"); a
punctuation mark ends the window ("sikile bli bisa digerakaken, getihen": the blood is not
negated)."""

_WORD_OR_STOP = re.compile(r"[^\W_]+|[.,!?;:\n]", re.UNICODE)


def _blank_after_negations(text: str, negations: frozenset[str]) -> str:
    """``text`` with the ``NEGATION_WINDOW`` words after each negation, up to the next
    punctuation mark, replaced by ``_``; all else, hyphens and punctuation included, stays as it
    was, so that a phrase ("pukul-pukulan") is found in it exactly when it was found in ``text``
    and not negated."""
    quiet = 0

    def blank(match: re.Match[str]) -> str:
        nonlocal quiet
        word = match.group()
        if word in negations:
            quiet = NEGATION_WINDOW
            return word
        if not quiet:
            return word
        if WORD_RE.fullmatch(word) is None:  # a punctuation mark ends the window
            quiet = 0
            return word
        quiet -= 1
        return "_"

    return _WORD_OR_STOP.sub(blank, text)


def negated_keywords(
    texts: tuple[str, ...], found: frozenset[str], rules: RuleSet
) -> frozenset[str]:
    """The darurat keywords of ``found`` that occur only right after a negation ("tidak ada yang
    luka", "gk ada korban"): they do not make a message darurat. Empty when no negation word
    occurs, which is most messages (then nothing is searched again)."""
    if not (found & rules.darurat and rules.negations):
        return frozenset()
    blanked: list[str] = []
    negated_any = False
    for text in texts:
        if not rules.negations.intersection(WORD_RE.findall(text)):
            blanked.append(text)
            continue
        negated_any = True
        blanked.append(_blank_after_negations(text, rules.negations))
    if not negated_any:
        return frozenset()
    still = rules.index.hits(tuple(blanked))
    return frozenset(
        kw
        for kw in found & rules.darurat
        if kw not in still and not rules.negations.intersection(WORD_RE.findall(kw))
    )  # a keyword that says the negation itself ("bli obah", "tidak sadar") stays


def category_scores(found: frozenset[str], rules: RuleSet) -> dict[str, float]:
    """Points per category (2 per strong keyword, 1 per keyword; each keyword counted once),
    plus the points of every combo that fires, and ``story_points`` for ``lainnya`` when the
    message tells a story (:func:`tells_a_story`)."""
    totals: dict[str, float] = {}
    candidates: set[int] = set()
    for keyword in found:
        for cat, points in rules.keyword_points.get(keyword, ()):
            totals[cat] = totals.get(cat, 0.0) + points
        candidates.update(rules.combos_by_keyword.get(keyword, ()))
    if tells_a_story(found, rules):
        totals["lainnya"] = totals.get("lainnya", 0.0) + rules.story_points
    scores = {cat: totals[cat] for cat in rules.strong if cat in totals}  # category order
    for number in sorted(candidates):
        combo = rules.combos[number]
        if combo.fires(found):
            scores[combo.category] = scores.get(combo.category, 0.0) + combo.points
    return scores


def best_category(scores: dict[str, float], rules: RuleSet) -> str:
    """The highest-scoring category (ties by priority), or ``lainnya``."""
    if not scores:
        return "lainnya"
    order = {c: i for i, c in enumerate(rules.priority)}
    return min(scores, key=lambda c: (-scores[c], order.get(c, 99)))


def _call_for_help(found: frozenset[str], now: frozenset[str], rules: RuleSet) -> bool:
    """A call word with a word of now, and no `requests` verb: "tolong, sekarang ada yang
    tenggelam" calls for help, "tolong ditertibkan, musiknya sampai sekarang" asks for an
    action."""
    return bool(now and found & rules.calls) and found.isdisjoint(rules.requests)


def calmed(found: frozenset[str], rules: RuleSet) -> bool:
    """A calm combo holds (a question whether a rumour is true, thanks for a quick response)
    and no `calm_breaks` phrase says the rumour came true ("sy kira hoaks, tapi barusan ...").
    Asked only of a message with a danger, like :func:`tells_a_story`."""
    return found.isdisjoint(rules.calm_breaks) and any(all_of(g, found) for g in rules.calm_combos)


def urgency_for(found: frozenset[str], category: str, rules: RuleSet) -> str:
    """Urgency, first rule that holds (pass ``found`` without :func:`negated_keywords`):

    0. a retraction combo ("ternyata ..., maaf") and no `reports` or `calls` word: rendah;
    1. a darurat keyword, a call for help with a word of "now" (not a call that asks for an
       action, a `requests` verb: "tolong ditertibkan"), a darurat combo or an
       in-progress combo (a theft word with a word of now): darurat (recall first), unless a
       calm combo holds (:func:`calmed`: a question whether a rumour is true, unless a
       `calm_breaks` word says the rumour came true) or the message tells a story
       (:func:`tells_a_story`); or
       tinggi when the message tells of the past, a habit or a threat for later and of nothing
       going on now, except for a darurat combo (a child taken this afternoon is still gone,
       unless a `lasting_over` word says the child is found, or that what is missing is the
       child's motorbike); a
       present told as safe ("kemarin dipukuli, sekarang dirawat", "masih aman", "sudah
       dipisah") is not "going on now", whether its words are of now or of something still
       going on, and tells by itself that the danger is over (tinggi, like a past word);
    2. a tinggi keyword, unless the category is one of `normal_categories`: tinggi;
    3. a rendah keyword ("mau tanya", "terima kasih"): rendah;
    4. the category's own level (`tinggi_categories`, `rendah_categories`); 5. normal.
    Keywords come before the category's level: thanks for an arrest of drug dealers is rendah.
    """
    if any(all_of(g, found) for g in rules.retraction_combos) and found.isdisjoint(
        rules.retraction_breaks
    ):  # the rare combo first: most messages stop at its first group
        return "rendah"
    now = found & rules.now
    safe = found & rules.safe
    going_on_now = bool(now or found & rules.ongoing) and not safe
    lasting = any(all_of(groups, found) for groups in rules.darurat_combos) and not (
        found & rules.lasting_over
    )
    in_progress = any(all_of(groups, found) for groups in rules.progress_combos)
    danger = lasting or in_progress or found & rules.darurat or _call_for_help(found, now, rules)
    if danger and not (tells_a_story(found, rules) or calmed(found, rules)):
        if not lasting and (found & rules.past or safe) and not going_on_now:
            return "tinggi"
        return "darurat"
    if found & rules.tinggi and category not in rules.normal_categories:
        return "tinggi"
    if found & rules.rendah:
        return "rendah"
    if category in rules.tinggi_categories:
        return "tinggi"
    if category in rules.rendah_categories:
        return "rendah"
    return "normal"


def settled_category(category: str, urgency: str, rules: RuleSet) -> str:
    """The category once the urgency is known: a darurat message of a category listed in
    ``darurat_category`` moves to its counterpart (a flood with people in danger is not a
    matter for the public-works office alone)."""
    if urgency == "darurat":
        return rules.darurat_category.get(category, category)
    return category
