"""Releases vary between inputs: count the distinct sentence templates over 20 activities."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

from polmas.humas.drafting import draft_release

MakeInput = Callable[..., dict[str, Any]]
PLACES = ["permukiman warga", "pasar", "balai desa", "pos ronda", "alun-alun"]
DESAS = ["Lemahmekar", "Karanganyar", "Paoman", "Margadadi"]
_SENTENCE_END = re.compile(r'(?<=[.!?])"?\s+(?=["A-Z])')


def twenty_inputs(make_input: MakeInput) -> list[dict[str, Any]]:
    inputs = []
    for index in range(20):
        inputs.append(
            make_input(
                activity__place=PLACES[index % len(PLACES)],
                activity__desa=DESAS[index // len(PLACES)],
                activity__start=f"2024-01-{15 + index % 7:02d}T{8 + index % 12:02d}:00:00+07:00",
            )
        )
    return inputs


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def sentence_templates(text: str, data: dict[str, Any]) -> list[str]:
    """Sentences of ``text`` with every input value masked and numbers replaced."""
    masked = text
    for value in sorted(set(_strings(data)), key=len, reverse=True):
        if len(value) > 2:
            masked = masked.replace(value.rstrip("."), "<F>")
    masked = re.sub(r"\d+", "N", masked)
    masked = re.sub(r"\b(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)\b", "<HARI>", masked)
    masked = re.sub(r"\b(pagi|siang|sore|malam) \(", "<WAKTU> (", masked)
    sentences: list[str] = []
    for paragraph in masked.split("\n\n"):
        sentences.extend(part.strip() for part in _SENTENCE_END.split(paragraph) if part.strip())
    return sentences


def test_phrasing_varies_across_twenty_inputs(make_input: MakeInput) -> None:
    inputs = twenty_inputs(make_input)
    releases = [draft_release(data) for data in inputs]
    per_slot: dict[str, set[str]] = defaultdict(set)
    for release in releases:
        for choice in release.choices:
            slot, _, option = choice.rpartition(".")
            per_slot[slot].add(option)
    for slot in ("opening", "why", "chain_quote", "closing", "title", "layout.order"):
        assert len(per_slot[slot]) >= 3, (slot, per_slot[slot])
    assert len({release.choices for release in releases}) == 20

    templates = [sentence_templates(r.body, data) for r, data in zip(releases, inputs, strict=True)]
    distinct = {sentence for sentences in templates for sentence in sentences}
    largest_single = max(len(set(sentences)) for sentences in templates)
    assert len(distinct) >= 3 * largest_single, (len(distinct), largest_single)
    openings = {sentences[0] for sentences in templates}
    assert len(openings) >= 4
    assert len({r.title for r in releases}) >= 10


def test_paragraph_order_varies(make_input: MakeInput) -> None:
    """Where the messages (M), the first statement (Q) and residents' input (R) appear."""
    orders = set()
    for data in twenty_inputs(make_input):
        body = draft_release(data).body
        anchors = {
            "M": data["messages"][0],
            "Q": data["quotes"][0]["text"][:40],
            "R": data["resident_input"][0],
        }
        orders.add("".join(sorted(anchors, key=lambda key: body.index(anchors[key]))))
    assert len(orders) >= 3, orders
