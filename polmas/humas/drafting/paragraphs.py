"""Paragraph builders. Each picks its phrasing through the :class:`Picker`.

Every fixed word here is generic house-style vocabulary; every fact comes from :class:`Facts`.
"""

from __future__ import annotations

from .facts import Facts, Picker
from .model import Quote
from .textutil import capitalise_first, join_list, join_phrases, quote_body, tidy

MAX_LISTED_INPUTS = 4
_VERBS = ("melaksanakan", "menggelar", "melakukan")


def _sentence(text: str) -> str:
    return capitalise_first(tidy(text))


def opening(f: Facts, p: Picker, *, groups_in_opening: bool) -> str:
    """Who did what with whom, where and when, and (if any) the election it leads up to."""
    verb = p.pick("verb", _VERBS)
    with_whom = join_list(f.groups) if groups_in_opening else "warga"
    core = f"{f.personnel} {verb} {f.type_text} dengan {with_whom} {f.location}"
    clock = f.clock if f.clock_required or (f.clock and p.chance("clock")) else ""
    when = f"{f.day} {clock}".strip()
    e = f.election
    form = p.pick("opening", (0 if e else None, 1, 2, 3))
    if form == 0:
        assert e is not None
        return _sentence(f"{p.pick('election.lead', e.leads())}, {core}, {when}.")
    clause = ""
    if e is not None:
        clause = {
            "before": f", menjelang {e.name} yang akan digelar pada {e.date_text}",
            "day": f", bertepatan dengan hari pelaksanaan {e.name}",
            "after": f", usai pelaksanaan {e.name}",
        }[e.phase]
    if form == 1:
        return _sentence(f"{core} pada {when}{clause}.")
    if form == 2:
        return _sentence(f"Pada {when}, {core}." + (f" {e.when_sentence()}" if e else ""))
    return _sentence(f"{when}, {core}{clause}.")


def why(f: Facts, p: Picker, *, with_chain: bool) -> str:
    """The purpose: from the input, else the generic purpose of this kind of activity."""
    purpose = p.pick("purpose", f.purposes())
    suffix = f" {p.pick('election.suffix', f.election.suffixes())}" if f.election else ""
    if with_chain and f.attribution is not None:
        text = f"Menurut {f.attribution.chain}, kegiatan ini bertujuan untuk {purpose}{suffix}."
        p.choices.append("why.chain")
        return _sentence(text)
    options = [
        f"Kegiatan ini bertujuan untuk {purpose}{suffix}.",
        f"{f.type_cap} tersebut dilaksanakan guna {purpose}{suffix}.",
        f"Adapun tujuan kegiatan ini adalah {purpose}{suffix}.",
        f"Melalui {f.type_text} ini, personil berupaya {purpose}{suffix}.",
    ]
    return _sentence(p.pick("why", options))


def audience(f: Facts, p: Picker, *, groups_in_opening: bool) -> str:
    count = f.activity.audience_count
    groups = "" if groups_in_opening else join_list(f.groups)
    if count and groups:
        options: list[str | None] = [
            f"Kegiatan tersebut diikuti oleh {count} orang yang terdiri atas {groups}.",
            f"Sebanyak {count} orang dari kalangan {groups} mengikuti kegiatan tersebut.",
        ]
    elif count:
        options = [
            f"Kegiatan tersebut diikuti oleh {count} orang.",
            f"Sebanyak {count} orang mengikuti kegiatan tersebut.",
            f"Tercatat {count} orang hadir dalam kegiatan tersebut.",
        ]
    elif groups:
        options = [f"Kegiatan tersebut diikuti oleh {groups}."]
    else:
        return ""
    return _sentence(p.pick("audience", options))


def _comma_form(quote: Quote) -> str:
    body, mark = quote_body(quote.text)
    return f'"{body}{"," if mark in ("", ".") else mark}"'


def _stop_form(quote: Quote) -> str:
    body, mark = quote_body(quote.text)
    return f'"{body}{mark or "."}"'


def chain_quote(f: Facts, p: Picker, quote: Quote) -> list[str]:
    """The first statement of the speaker, introduced by the full attribution chain."""
    a = f.attribution
    assert a is not None
    with_companion = f" didampingi {a.companion}" if a.companion else ""
    between = f", didampingi {a.companion}," if a.companion else ","
    choice = p.pick("chain_quote", range(4))
    if choice == 0:
        explain = p.pick("explain", ("memberikan keterangan", "memberikan penjelasan"))
        return [
            _sentence(f"{a.chain}, {explain} terkait kegiatan tersebut."),
            _sentence(f"{_comma_form(quote)} ujar {a.speaker.rank_name}{with_companion}."),
        ]
    if choice == 1:
        return [_sentence(f"{_comma_form(quote)} ujar {a.chain}{with_companion}.")]
    if choice == 2:
        return [_sentence(f"{a.chain}{between} mengatakan, {_stop_form(quote)}")]
    return [_sentence(f"Dalam keterangannya, {a.chain}{between} menyampaikan, {_stop_form(quote)}")]


def more_quotes(
    f: Facts, p: Picker, quotes: list[Quote], introduced: set[str], last: str | None
) -> list[str]:
    """Further statements: 'tambah'/'jelas'/'lanjut' for a speaker already named; the short
    'tambahnya' only right after the same speaker's statement. ``last`` is that speaker's role."""
    a = f.attribution
    assert a is not None or not quotes
    out: list[str] = []
    for quote in quotes:
        assert a is not None
        person = f.activity.official(quote.role)
        assert person is not None
        same_as_last = quote.role.value == last
        last = quote.role.value
        if quote.role.value in introduced:
            verb = p.pick("quote.more", ("tambah", "jelas", "lanjut"))
            if same_as_last and p.chance("quote.short"):
                out.append(_sentence(f"{_comma_form(quote)} {verb}nya."))
            else:
                out.append(_sentence(f"{_comma_form(quote)} {verb} {person.rank_name}."))
            continue
        introduced.add(quote.role.value)
        title_name = a.title_name(person)
        options = [
            f"{_comma_form(quote)} ujar {title_name}.",
            f"{_comma_form(quote)} kata {title_name}.",
            f"Sementara itu, {title_name}, mengatakan, {_stop_form(quote)}",
        ]
        out.append(_sentence(p.pick("quote.other", options)))
    return out


def messages(f: Facts, p: Picker, *, chain_host: bool) -> list[str]:
    """The kamtibmas messages delivered (noun phrases from the input)."""
    if not f.messages:
        return []
    a = f.attribution
    intro = p.pick(
        "messages.intro",
        (
            "dalam kesempatan tersebut",
            "dalam dialog tersebut" if "dialog" in f.type_key or "curhat" in f.type_key else None,
            "dalam kegiatan tersebut",
        ),
    )
    subject = f"personil {f.activity.unit}"
    verb = p.pick(
        "messages.verb",
        (
            "memberikan informasi terkait",
            "menyampaikan pesan kamtibmas tentang",
            "memberikan imbauan terkait",
            "mengingatkan warga tentang",
        ),
    )
    first = f"{intro}, {subject} {verb} {f.messages[0]}."
    if chain_host and a is not None:
        between = f", didampingi {a.companion}," if a.companion else ","
        first = f"{a.chain}{between} menjelaskan bahwa {intro} {subject} {verb} {f.messages[0]}."
        p.choices.append("messages.chain")
    rest = f.messages[1:]
    if not chain_host and len(f.messages) > 1 and p.chance("messages.as_list"):
        listed = join_phrases(f.messages)
        return [_sentence(f"Pesan kamtibmas yang disampaikan {intro} meliputi {listed}.")]
    paragraphs = [_sentence(first)]
    if rest:
        second = p.pick(
            "messages.second",
            (
                f"Selain itu, warga juga diberikan pemahaman tentang {rest[0]}.",
                f"Selain itu, personil juga mengimbau warga terkait {rest[0]}.",
                f"Personil juga mengingatkan warga tentang {rest[0]}."
                if not verb.startswith("mengingatkan")
                else None,
            ),
        )
        paragraphs.append(_sentence(second))
    if len(rest) > 1:
        paragraphs[-1] += " " + _sentence(
            f"Pesan lain yang disampaikan menyangkut {join_phrases(rest[1:])}."
        )
    return paragraphs


def residents(f: Facts, p: Picker) -> list[str]:
    """Residents' input in summary, with a generic framing sentence."""
    items = f.resident_input
    if not items:
        return []
    shown = items[:3] if len(items) > MAX_LISTED_INPUTS else items
    partial = len(shown) < len(items)
    listed = join_phrases(shown)
    several = len(shown) > 1
    frame = p.pick(
        "residents.frame",
        (
            f"{f.type_cap} ini tidak hanya menjadi sarana untuk menyampaikan pesan dari "
            "kepolisian, tetapi juga kesempatan bagi warga untuk menyampaikan masukan, keluhan, "
            "atau aspirasi mereka.",
            "Kegiatan tersebut juga menjadi kesempatan bagi warga untuk menyampaikan masukan, "
            "keluhan, maupun aspirasi secara langsung kepada personil.",
            "",
        ),
    )
    summary = p.pick(
        "residents.summary",
        (
            f"Dalam kesempatan itu, warga menyampaikan masukan terkait {listed}."
            if not partial
            else None,
            f"Sejumlah hal yang disampaikan warga di antaranya {listed}." if several else None,
            f"Adapun masukan yang disampaikan warga meliputi {listed}." if not partial else None,
            f"Warga juga menyampaikan beberapa hal, antara lain {listed}." if several else None,
        ),
    )
    closing = p.pick(
        "residents.after",
        (
            "Hal ini diharapkan dapat membangun hubungan yang lebih baik antara aparat kepolisian "
            "dan masyarakat.",
            "",
        ),
    )
    first = " ".join(part for part in (frame, _sentence(summary)) if part)
    return [first, closing] if closing else [first]


def closing(f: Facts, p: Picker) -> str:
    """The hope of the speaker (house-style formula), ending with 'Pungkasnya.'"""
    e = f.election
    suffix = ""
    if e is not None and e.phase == "before":
        suffix = f" {p.pick('closing.election', ('dalam menyambut', 'menjelang'))} {e.name}"
    elif e is not None:
        suffix = f" {e.suffixes()[0]}"
    positive = (
        "dapat memberikan dampak positif, meningkatkan kesadaran masyarakat akan pentingnya "
        f"menjaga kamtibmas, dan menciptakan kondisi yang aman serta kondusif{suffix}"
    )
    calm = f"situasi kamtibmas di wilayah hukum {f.activity.unit} tetap aman dan kondusif{suffix}"
    synergy = (
        "sinergi antara kepolisian dan masyarakat terus terjaga demi terciptanya situasi yang "
        f"aman dan kondusif{suffix}"
    )
    a = f.attribution
    if a is not None:
        options = [
            f"{a.speaker_title} berharap agar kegiatan {f.type_text} ini {positive}.",
            f"{a.speaker_title} berharap agar {calm}.",
            f"{a.speaker_title} berharap agar {synergy}.",
        ]
    else:
        options = [
            f"Kegiatan {f.type_text} ini diharapkan {positive}.",
            f"Melalui kegiatan ini, diharapkan {calm}.",
            f"Melalui kegiatan ini, diharapkan {synergy}.",
        ]
    text = p.pick("closing", options)
    return _sentence(text) + " Pungkasnya."
