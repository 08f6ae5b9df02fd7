"""Property tests over many generated activities: no invented fact, clean grammar, determinism,
and a parser that never fails with anything but a clear ActivityInputError."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from polmas.humas.drafting import (
    ActivityInputError,
    draft_release,
    find_invented,
    grammar_problems,
)

SYLLABLES = ["ka", "ran", "su", "me", "dang", "li", "wa", "jo", "ter", "bu", "ang", "si", "lo"]
RANKS = ["AKBP", "AKP", "IPTU", "IPDA", "AIPTU", "KOMPOL", "BRIPKA"]
TYPES = [
    "patroli dialog",
    "patroli dialogis",
    "sambang",
    "cooling system",
    "jumat curhat",
    "penyuluhan kamtibmas",
    "Patroli Dialog",
]
GROUPS = ["warga", "tokoh masyarakat", "tokoh agama", "pemuda", "pedagang pasar", "pelajar"]
PHRASES = [
    "bahaya hoaks menjelang pemungutan suara",
    "pentingnya menjaga ketertiban, keamanan, dan kerukunan",
    "larangan politik uang",
    "ajakan menolak provokasi SARA",
    "Netralitas aparat dalam pemilu.",
    "keamanan lingkungan di malam hari",
]
INPUTS = [
    "lampu penerangan jalan yang padam",
    "kemacetan di depan sekolah pada pagi hari",
    "balap liar di jalan desa",
    "Permintaan pos ronda baru.",
    "keluhan suara knalpot bising",
    "antrean di pangkalan gas elpiji",
]
SENTENCES = [
    "Kami mengajak warga menjaga lingkungan",
    "Mari bersama menjaga kerukunan",
    "Jangan mudah percaya kabar yang belum jelas",
    "Kami hadir untuk mendengar warga",
    "Apakah warga sudah merasa aman",
]


@st.composite
def pseudo_name(draw: st.DrawFn, words: int = 1) -> str:
    parts = []
    for _ in range(words):
        syllables = draw(st.lists(st.sampled_from(SYLLABLES), min_size=2, max_size=3))
        parts.append("".join(syllables).capitalize())
    return " ".join(dict.fromkeys(parts))


@st.composite
def activity_inputs(draw: st.DrawFn) -> dict[str, Any]:
    area = draw(pseudo_name())
    district = draw(pseudo_name())
    shape = draw(st.sampled_from(["polsek", "polres", "alone"]))
    if shape == "polsek":
        unit: dict[str, Any] = {
            "name": f"Polsek {area}",
            "parent": {"name": f"Polres {district}", "parent": {"name": "Polda Jabar"}},
        }
    elif shape == "polres":
        unit = {"name": f"Polres {district}", "parent": {"name": "Polda Jabar"}}
    else:
        unit = {"name": f"Polsek {area}"}
    roles = draw(
        st.lists(st.sampled_from(["kapolres", "kapolsek", "kasi_humas", "kapolda"]), unique=True)
    )
    officials = [
        {"role": role, "rank": draw(st.sampled_from(RANKS)), "name": draw(pseudo_name(2))}
        for role in roles
    ]
    moment = draw(
        st.datetimes(min_value=dt.datetime(2023, 6, 1), max_value=dt.datetime(2025, 6, 1))
    )
    zone = draw(st.sampled_from(["+07:00", "+08:00", "Z", "", "date"]))
    start = moment.date().isoformat() if zone == "date" else moment.isoformat() + zone
    activity: dict[str, Any] = {"type": draw(st.sampled_from(TYPES)), "start": start}
    if draw(st.booleans()):
        activity["place"] = draw(st.sampled_from(["balai desa", "Pasar ", "pos ronda"]))
        if activity["place"] == "Pasar ":
            activity["place"] += draw(pseudo_name())
    if draw(st.booleans()):
        activity["desa"] = draw(pseudo_name())
    if draw(st.booleans()):
        activity["kecamatan"] = draw(pseudo_name())
    data: dict[str, Any] = {"unit": unit, "officials": officials, "activity": activity}
    if draw(st.booleans()):
        data["audience"] = {
            "count": draw(st.integers(0, 400)),
            "groups": draw(st.lists(st.sampled_from(GROUPS), unique=True, max_size=3)),
        }
    data["messages"] = draw(st.lists(st.sampled_from(PHRASES), unique=True, max_size=4))
    data["resident_input"] = draw(st.lists(st.sampled_from(INPUTS), unique=True, max_size=6))
    quotes: list[dict[str, str]] = []
    for _ in range(draw(st.integers(0, 3))):
        known = bool(roles) and draw(st.integers(0, 4)) > 0
        role: str = draw(st.sampled_from(roles)) if known else "x"
        text = draw(st.sampled_from(SENTENCES)) + draw(st.sampled_from([".", "!", "?", ""]))
        quotes.append({"role": role, "text": text})
    data["quotes"] = quotes
    if draw(st.booleans()):
        name = draw(st.sampled_from(["Pemilihan Umum 2024", "Pilkada Serentak 2024"]))
        offset = dt.timedelta(days=draw(st.integers(-30, 90)))
        data["election"] = {"name": name, "date": (moment.date() + offset).isoformat()}
    return data


@settings(max_examples=300, deadline=None, derandomize=True)
@given(activity_inputs())
def test_generated_releases_invent_nothing_and_read_cleanly(data: dict[str, Any]) -> None:
    release = draft_release(data)
    assert find_invented(f"{release.title}\n{release.body}", data) == []
    assert grammar_problems(release.body, release.title) == []
    assert release.body.endswith("Pungkasnya.")
    assert draft_release(data) == release


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(["unit", "name", "parent", "activity", "type", "start", "quotes"]),
            children,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(JSON)
def test_arbitrary_json_gives_a_release_or_a_clear_error(data: Any) -> None:
    try:
        draft_release(data)
    except ActivityInputError as error:
        assert error.problems
        assert all(problem.path and problem.message for problem in error.problems)
