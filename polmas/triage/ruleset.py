"""The compiled keyword rules for case category and urgency: the rules file
(``rules/category_rules.json``, read by :mod:`polmas.triage.rules_file`) as sets and one keyword
index. The decisions made with them are in :mod:`polmas.triage.rules`."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from polmas.triage.keyword_index import KeywordIndex
from polmas.triage.paths import RULES_FILE
from polmas.triage.rules_file import read_rules

CATEGORIES = (
    "kriminalitas",
    "narkoba",
    "lalu_lintas",
    "ketertiban_umum",
    "konflik_sara",
    "pemilu_politik_uang",
    "pemilu_intimidasi",
    "pemilu_netralitas",
    "pemilu_logistik_tps",
    "hoaks",
    "kdrt_perlindungan_anak",
    "pelayanan_kepolisian",
    "non_kepolisian",
    "lainnya",
)
URGENCIES = ("darurat", "tinggi", "normal", "rendah")


def all_of(groups: tuple[frozenset[str], ...], found: frozenset[str]) -> bool:
    """Whether ``found`` has a keyword of every group (a combo fires)."""
    # A plain loop over isdisjoint: about 180 ns against 730 ns for all() over a generator
    # (timeit, two groups); urgency_for checks every lasting and in-progress combo per message.
    for group in groups:  # noqa: SIM110
        if found.isdisjoint(group):
            return False
    return True


URGENCY_WORD_LISTS = (
    "calls",
    "requests",
    "rumour_came_true",
    "now",
    "past",
    "ongoing",
    "safe",
    "found_again",
    "others_missing",
)
"""The plain word lists of the rules file's ``urgency`` section (besides the darurat, tinggi and
rendah words, the combos and the category lists)."""


@dataclass(frozen=True, slots=True)
class Combo:
    """Points for a category when the message has a keyword of every group (e.g. a threat word
    and an election word make intimidation of voters)."""

    category: str
    points: float
    groups: tuple[frozenset[str], ...]

    def fires(self, found: frozenset[str]) -> bool:
        return all_of(self.groups, found)


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Compiled rules: keyword sets per category/urgency and one shared index."""

    strong: dict[str, frozenset[str]]
    weak: dict[str, frozenset[str]]
    priority: tuple[str, ...]
    darurat: frozenset[str]
    tinggi: frozenset[str]
    rendah: frozenset[str]
    tinggi_categories: frozenset[str]
    rendah_categories: frozenset[str]
    index: KeywordIndex
    combos: tuple[Combo, ...] = ()
    calls: frozenset[str] = frozenset()
    """A call for help ("tolong"): darurat only together with a `now` word."""
    requests: frozenset[str] = frozenset()
    """Verbs asking the police to deal with something ("ditertibkan", "ditegor", "dibubarin"):
    with one of them, "tolong" asks for an action, not for help, and does not make darurat with
    a `now` word (loud music going on now, "tolong ditertibkan")."""
    now: frozenset[str] = frozenset()
    negations: frozenset[str] = frozenset()
    """Words that cancel a darurat keyword in the next `NEGATION_WINDOW` words."""
    past: frozenset[str] = frozenset()
    """Words of a time gone by ("semalam", "kemarin"): danger words told with one of them and no
    word of `now` or `ongoing` make `tinggi`, not darurat."""
    ongoing: frozenset[str] = frozenset()
    """Words of a state that goes on ("belum pulang", "masih", "kritis")."""
    safe: frozenset[str] = frozenset()
    """Words of a present without danger ("sudah aman", "dirawat", "semua selamat"): with a word
    of the past, the message's words of `now` tell of that safe present, not of danger."""
    darurat_combos: tuple[tuple[frozenset[str], ...], ...] = ()
    """Word groups that together make darurat, and a state that lasts: neither a past nor a safe
    word ends it (a child + missing: taken this afternoon, still gone); a `lasting_over` word
    does."""
    lasting_over: frozenset[str] = frozenset()
    """Words that end a lasting `darurat_combos` state: the rules file's ``found_again`` (the
    missing person is found: "udah ketemu", "tos kapendak") and ``others_missing`` (what went
    missing is a thing or someone else: "motor anak", "calone ilang"). Not `safe` words: "udah
    ketemu" also says two gangs have met."""
    progress_combos: tuple[tuple[frozenset[str], ...], ...] = ()
    """Word groups that together tell of an act in progress (a theft word + a word of now):
    darurat like a darurat keyword, so a safe word ends it ("dibegal, skrg udh di rumah aman")."""
    calm_combos: tuple[tuple[frozenset[str], ...], ...] = ()
    """Word groups that together mean no present danger (a question whether a rumour is true):
    darurat keywords then do not count."""
    calm_breaks: frozenset[str] = frozenset()
    """The rules file's ``rumour_came_true``: words that say a rumour or a joke turned out real
    ("sy kira hoaks", "isun kira guyon"). With one of them a calm combo does not cancel the
    danger the message tells of next, and a story word does not calm it (`story_breaks`)."""
    retraction_combos: tuple[tuple[frozenset[str], ...], ...] = ()
    """Word groups that together take back an earlier alarm ("ternyata" with "maaf" or "wis
    ketemu"): rendah before any other urgency rule, unless a `retraction_breaks` word is present."""
    courtesy: frozenset[str] = frozenset()
    """Thanks words ("terima kasih"): they close a message that has a `reports` word politely
    and then count for nothing (:func:`polmas.triage.rules.without_courtesy`)."""
    reports: frozenset[str] = frozenset()
    """Words of a report or a request ("melaporkan", "mohon ditindak", "memohon")."""
    stories: frozenset[str] = frozenset()
    """Words of a film, a game, a joke or news from elsewhere ("sinetron", "free fire",
    "bercanda", "liat berita"): the message tells a story, not an event
    (:func:`polmas.triage.rules.tells_a_story`)."""
    interruptions: frozenset[str] = frozenset()
    """Words of something breaking into the story ("tiba-tiba", "pas lagi"): with one of them, or
    a call for help, a story word does not calm the message."""
    story_points: float = 0.0
    """Points for ``lainnya`` when a message tells a story."""
    darurat_category: dict[str, str] = field(default_factory=dict)
    """Category -> the category a darurat message of it belongs to: matters for other agencies
    are never darurat, so a flood or a fallen cable with people in danger is ``lainnya`` (the
    guide's disasters with people in danger); see :func:`polmas.triage.rules.settled_category`."""
    normal_categories: frozenset[str] = frozenset()
    """Categories that `tinggi` keywords do not raise: a rumour to check or a slow police report
    is normal whatever it is about (a report of a theft two months ago with no news)."""
    keyword_points: dict[str, tuple[tuple[str, float], ...]] = field(
        init=False, repr=False, compare=False
    )
    """keyword -> (category, points) for each category listing it (2 strong, 1 weak): a
    message's few keywords are looked up instead of every category's sets."""
    combos_by_keyword: dict[str, tuple[int, ...]] = field(init=False, repr=False, compare=False)
    """keyword of a combo's first group -> the indices of those combos: only they can fire."""
    story_breaks: frozenset[str] = field(init=False, repr=False, compare=False)
    """`calls`, `interruptions` and `calm_breaks` ("isun kira guyon": the joke came true): the
    words after which a story word no longer calms."""
    retraction_breaks: frozenset[str] = field(init=False, repr=False, compare=False)
    """`reports` and `calls`: with one of them, a retraction combo does not make rendah."""

    def __post_init__(self) -> None:
        points: dict[str, list[tuple[str, float]]] = {}
        for cat, words in self.strong.items():
            for word in words:
                points.setdefault(word, []).append((cat, 2.0))
        for cat, words in self.weak.items():
            for word in words:
                points.setdefault(word, []).append((cat, 1.0))
        by_keyword: dict[str, list[int]] = {}
        for number, combo in enumerate(self.combos):
            if not combo.groups:
                raise ValueError(f"combo for {combo.category} has no keyword group")
            for word in combo.groups[0]:
                by_keyword.setdefault(word, []).append(number)
        # A frozen dataclass: derived fields are set once, here.
        object.__setattr__(self, "keyword_points", {k: tuple(v) for k, v in points.items()})
        object.__setattr__(self, "combos_by_keyword", {k: tuple(v) for k, v in by_keyword.items()})
        object.__setattr__(self, "story_breaks", self.calls | self.interruptions | self.calm_breaks)
        object.__setattr__(self, "retraction_breaks", self.reports | self.calls)

    @classmethod
    def from_file(cls, path: Path) -> RuleSet:
        """Compile a rules JSON file."""
        data = read_rules(path)
        cats = data["categories"]
        unknown = set(cats) - set(CATEGORIES)
        if unknown:
            raise ValueError(f"unknown categories in rules: {sorted(unknown)}")
        for cat, v in cats.items():  # a word in both lists would silently count 3 points
            twice = set(v.get("strong", [])) & set(v.get("keywords", []))
            if twice:
                raise ValueError(f"{cat}: both strong and keyword: {sorted(twice)}")
        urg = data["urgency"]
        combos = tuple(
            Combo(c["category"], float(c["points"]), tuple(frozenset(g) for g in c["all"]))
            for c in data.get("combos", [])
        )
        unknown = {c.category for c in combos} - set(CATEGORIES)
        if unknown:
            raise ValueError(f"unknown categories in combos: {sorted(unknown)}")
        darurat_category = dict(urg.get("darurat_category", {}))
        unknown = (set(darurat_category) | set(darurat_category.values())) - set(CATEGORIES)
        if unknown:
            raise ValueError(f"unknown categories in darurat_category: {sorted(unknown)}")
        darurat_combos, calm_combos, progress_combos, retraction_combos = (
            tuple(tuple(frozenset(g) for g in groups) for groups in urg.get(key, []))
            for key in ("darurat_combos", "calm_combos", "progress_combos", "retraction_combos")
        )
        courtesy = data.get("courtesy", {})
        thanks = frozenset(courtesy.get("thanks", []))
        reports = frozenset(courtesy.get("reports", []))
        stories = data.get("stories", {})
        story_words = frozenset(stories.get("words", []))
        interruptions = frozenset(stories.get("interruptions", []))
        every: set[str] = set(thanks | reports | story_words | interruptions)
        for groups in darurat_combos + calm_combos + progress_combos + retraction_combos:
            every.update(*groups)
        for v in cats.values():
            every.update(v.get("strong", []), v.get("keywords", []))
        every.update(urg["darurat"], urg["tinggi"], urg["rendah"])
        for key in URGENCY_WORD_LISTS:
            every.update(urg.get(key, []))
        for combo in combos:
            every.update(*combo.groups)
        return cls(
            strong={c: frozenset(v.get("strong", [])) for c, v in cats.items()},
            weak={c: frozenset(v.get("keywords", [])) for c, v in cats.items()},
            priority=tuple(data["priority"]),
            darurat=frozenset(urg["darurat"]),
            tinggi=frozenset(urg["tinggi"]),
            rendah=frozenset(urg["rendah"]),
            tinggi_categories=frozenset(urg["tinggi_categories"]),
            rendah_categories=frozenset(urg["rendah_categories"]),
            index=KeywordIndex.build(every),
            combos=combos,
            calls=frozenset(urg.get("calls", [])),
            requests=frozenset(urg.get("requests", [])),
            now=frozenset(urg.get("now", [])),
            negations=frozenset(urg.get("negations", [])),
            past=frozenset(urg.get("past", [])),
            ongoing=frozenset(urg.get("ongoing", [])),
            safe=frozenset(urg.get("safe", [])),
            lasting_over=frozenset(urg.get("found_again", []) + urg.get("others_missing", [])),
            darurat_combos=darurat_combos,
            progress_combos=progress_combos,
            calm_combos=calm_combos,
            calm_breaks=frozenset(urg.get("rumour_came_true", [])),
            retraction_combos=retraction_combos,
            courtesy=thanks,
            reports=reports,
            stories=story_words,
            interruptions=interruptions,
            story_points=float(stories.get("points", 0.0)),
            normal_categories=frozenset(urg.get("normal_categories", [])),
            darurat_category=darurat_category,
        )


@lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    """The committed rules (compiled once per process)."""
    return RuleSet.from_file(RULES_FILE)
