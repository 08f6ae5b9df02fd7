"""`{% triage_facts result %}`: a stored `polmas.triage` result as rows of a facts list.

Cases and hoax reports keep the triage of their text as JSON; officers read it in Indonesian
(tone, emotion, provocation, abusive language, places named, personal data found). Values the
library does not produce are shown as they are, so a newer result never breaks the page.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from polmas.core.schemas import stored_triage

register = template.Library()

SENTIMENTS = {
    "positive": gettext_lazy("positif"),
    "neutral": gettext_lazy("netral"),
    "negative": gettext_lazy("negatif"),
}
EMOTIONS = {
    "anger": gettext_lazy("marah"),
    "fear": gettext_lazy("takut"),
    "happy": gettext_lazy("senang"),
    "love": gettext_lazy("sayang"),
    "sadness": gettext_lazy("sedih"),
}
HATE_TARGETS = {
    "religion": gettext_lazy("agama"),
    "race": gettext_lazy("ras/suku"),
    "group": gettext_lazy("golongan"),
    "individual": gettext_lazy("perorangan"),
    "gender": gettext_lazy("gender"),
    "physical": gettext_lazy("fisik"),
    "other": gettext_lazy("lainnya"),
}
STRENGTHS = {
    "weak": gettext_lazy("lemah"),
    "moderate": gettext_lazy("sedang"),
    "strong": gettext_lazy("kuat"),
}
PII_TYPES = {
    "nik": gettext_lazy("NIK"),
    "phone": gettext_lazy("nomor telepon"),
    "email": gettext_lazy("email"),
    "plate": gettext_lazy("pelat nomor"),
}


def _named(table: dict[str, Any], value: Any) -> str:
    return str(table.get(value, value)) if value else "—"


def triage_rows(triage: Any) -> list[tuple[str, str, bool]]:
    """(label, value, is_warning) rows; empty when there is no usable triage."""
    triage = stored_triage(triage)
    if triage is None:
        return []
    rows = [
        (_("Nada pesan"), _named(SENTIMENTS, triage.get("sentiment")), False),
        (_("Emosi"), _named(EMOTIONS, triage.get("emotion")), False),
    ]
    if triage.get("hate_speech"):
        targets = ", ".join(_named(HATE_TARGETS, t) for t in triage.get("hate_targets") or [])
        value = _("ya, sasaran: %(targets)s; kekuatan: %(strength)s") % {
            "targets": targets or "—",
            "strength": _named(STRENGTHS, triage.get("hate_strength")),
        }
        rows.append((_("Ujaran kebencian/provokasi"), value, True))
    else:
        rows.append((_("Ujaran kebencian/provokasi"), _("tidak terdeteksi"), False))
    abusive = bool(triage.get("abusive"))
    rows.append(
        (_("Bahasa kasar"), _("ya") if abusive else _("tidak terdeteksi"), abusive),
    )
    places = [str(p.get("name")) for p in triage.get("locations") or [] if isinstance(p, dict)]
    rows.append((_("Tempat disebut"), ", ".join(dict.fromkeys(places)) or "—", False))
    found = Counter(str(p.get("type")) for p in triage.get("pii") or [] if isinstance(p, dict))
    pii = ", ".join(f"{_named(PII_TYPES, kind)} ×{n}" for kind, n in found.items())
    rows.append((_("Data pribadi dalam teks"), pii or _("tidak ada"), bool(pii)))
    if triage.get("truncated"):
        rows.append(
            (_("Catatan triase"), _("teks terlalu panjang; hanya awalnya dianalisis"), False)
        )
    return rows


@register.inclusion_tag("core/_triage_facts.html")
def triage_facts(triage: Any) -> dict[str, Any]:
    return {"rows": triage_rows(triage)}
