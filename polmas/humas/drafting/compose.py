"""Assemble a press release: title, dateline, paragraphs in one of several natural orders."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import paragraphs as para
from .facts import Facts, Picker, derive_facts, input_seed
from .model import ActivityInput, Release
from .parsing import parse_activity
from .textutil import capitalise_first, tidy, title_case

# Orders of the middle blocks: A = chain + first statement, M = messages, Q = further
# statements, R = residents' input. A always precedes Q ("tambah" needs a named speaker).
ORDERS = ("AMQR", "MAQR", "AQMR", "MRAQ")


def draft_release(activity: Mapping[str, Any] | ActivityInput) -> Release:
    """Draft the release for one recorded activity. Same input, same text.

    A mapping is validated first (:func:`parse_activity`, which raises
    :class:`ActivityInputError`); its warnings are returned on the release.
    """
    warnings: list[str] = []
    if isinstance(activity, ActivityInput):
        parsed = activity
    else:
        parsed, warnings = parse_activity(activity)
    facts, more_warnings = derive_facts(parsed)
    picker = Picker(input_seed(parsed))
    title = _title(facts, picker)
    body = _body(facts, picker)
    return Release(
        title=title,
        body=body,
        warnings=tuple(warnings + more_warnings),
        choices=tuple(picker.choices),
    )


def _body(f: Facts, p: Picker) -> str:
    a = f.attribution
    speaker_role = a.speaker.role if a else None
    quotes = list(f.activity.quotes)
    first = next((q for q in quotes if q.role is speaker_role), None)
    host = "" if a is None else "quote" if first else "messages" if f.messages else "why"
    groups_in_opening = bool(f.groups) and p.chance("groups_in_opening")

    opening = f"{f.dateline}, - " + para.opening(f, p, groups_in_opening=groups_in_opening)
    why = para.why(f, p, with_chain=host == "why")
    audience = para.audience(f, p, groups_in_opening=groups_in_opening)
    order = p.pick("layout.order", ORDERS)
    # "tambahnya" may refer back only when the statements follow the first one directly.
    last_speaker = first.role.value if first is not None and "AQ" in order else None
    introduced: set[str] = set()
    block_a: list[str] = []
    if first is not None:
        block_a = para.chain_quote(f, p, first)
        quotes.remove(first)
        introduced.add(first.role.value)
    blocks = {
        "A": block_a,
        "M": para.messages(f, p, chain_host=host == "messages"),
        "Q": para.more_quotes(f, p, quotes, introduced, last_speaker),
        "R": para.residents(f, p),
    }

    head = [opening]
    if p.chance("layout.why_merged"):
        head[0] += " " + why
    else:
        head.append(why)
    place = p.pick("layout.audience", ("opening", "own", "residents" if blocks["R"] else None))
    if audience and place == "opening":
        head[0] += " " + audience
    elif audience and place == "own":
        head.append(audience)
    elif audience:
        blocks["R"][0] = f"{audience} {blocks['R'][0]}"

    middle = [paragraph for key in order for paragraph in blocks[key]]
    return "\n\n".join(tidy(paragraph) for paragraph in [*head, *middle, para.closing(f, p)])


def _title(f: Facts, p: Picker) -> str:
    unit = f.activity.unit
    kind = title_case(f.type_text)
    desa = title_case(f.activity.desa) if f.activity.desa else ""
    desa_words = "" if not desa or desa.lower().startswith(("desa ", "kelurahan ")) else "Desa "
    in_desa = f" {desa_words}{desa}" if desa else ""
    election = f" {p.pick('title.election', f.election.title_suffix())}" if f.election else ""
    options: list[str | None] = [
        f"Personil {unit} Lakukan {kind} Untuk Meningkatkan Kesadaran Kamtibmas{election}",
        f"{unit} Gelar {kind} Bersama Warga{in_desa}{election}",
        f"{kind} {unit} Sampaikan Pesan Kamtibmas Kepada Warga{election}" if f.messages else None,
        f"Jaga Kamtibmas{election}, {unit} Gelar {kind}" + (f" Di{in_desa}" if desa else ""),
        f"{unit} Sambangi Warga{in_desa} Melalui {kind}" if "sambang" not in f.type_key else None,
        f"{unit} Dengarkan Aspirasi Warga Lewat {kind}{election}" if f.resident_input else None,
    ]
    return capitalise_first(tidy(p.pick("title", options)))


__all__ = ["draft_release"]
