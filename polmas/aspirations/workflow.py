"""The case workflow as a transition table. Services ask it; views never decide transitions.

baru -> diverifikasi -> ditugaskan -> ditindaklanjuti -> selesai, plus ditolak (reason required),
duplikat (merged into another case), diteruskan (disposisi to another agency, with what was sent),
ditunda (waiting on the reporter; the SLA clock pauses), eskalasi (to the parent unit; the status
stays), lanjutkan (back from ditunda to where it was) and buka_kembali (reopen a closed case).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from polmas.aspirations.models import Status
from polmas.org.models import Role

# Roles that may act on cases at all; Kasi Humas reads only.
ACTING_ROLES = frozenset(
    {
        Role.KAPOLRES,
        Role.KABAG_OPS,
        Role.KAPOLSEK,
        Role.OPERATOR,
        Role.PERSONIL,
        Role.BHABINKAMTIBMAS,
        Role.ADMIN,
    }
)
# Roles that may assign, reject, merge, forward and escalate.
COMMAND_ROLES = frozenset({Role.KAPOLRES, Role.KABAG_OPS, Role.KAPOLSEK, Role.OPERATOR, Role.ADMIN})

S = Status
_ACTIVE = frozenset({S.BARU, S.DIVERIFIKASI, S.DITUGASKAN, S.DITINDAKLANJUTI})


@dataclass(frozen=True)
class Transition:
    name: str
    label: Promise
    sources: frozenset[str]
    target: str | None  # None: keep the status (eskalasi) or return to `paused_from` (lanjutkan)
    roles: frozenset[str]
    requires: tuple[str, ...] = ()  # fields the caller must supply (non-empty)

    def allowed_from(self, status: str) -> bool:
        return status in self.sources


TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in (
        Transition(
            "verifikasi", _("Verifikasi"), frozenset({S.BARU}), S.DIVERIFIKASI, ACTING_ROLES
        ),
        Transition(
            "tugaskan",
            _("Tugaskan"),
            frozenset({S.BARU, S.DIVERIFIKASI, S.DITUGASKAN}),
            S.DITUGASKAN,
            COMMAND_ROLES,
            ("assignee",),
        ),
        Transition(
            "tindak_lanjut",
            _("Mulai tindak lanjut"),
            frozenset({S.DITUGASKAN}),
            S.DITINDAKLANJUTI,
            ACTING_ROLES,
        ),
        Transition(
            "selesaikan",
            _("Selesaikan"),
            frozenset({S.DITUGASKAN, S.DITINDAKLANJUTI}),
            S.SELESAI,
            ACTING_ROLES,
            ("note",),
        ),
        Transition(
            "tolak",
            _("Tolak"),
            frozenset({S.BARU, S.DIVERIFIKASI, S.DITUGASKAN}),
            S.DITOLAK,
            COMMAND_ROLES,
            ("note",),
        ),
        Transition(
            "gabungkan",
            _("Gabungkan sebagai duplikat"),
            _ACTIVE | {S.DITUNDA},
            S.DUPLIKAT,
            COMMAND_ROLES,
            ("target",),
        ),
        Transition(
            "teruskan",
            _("Teruskan ke instansi lain (disposisi)"),
            frozenset({S.BARU, S.DIVERIFIKASI, S.DITUGASKAN}),
            S.DITERUSKAN,
            COMMAND_ROLES,
            ("agency", "sent_text"),
        ),
        Transition(
            "tunda",
            _("Tunda: minta keterangan pelapor"),
            _ACTIVE,
            S.DITUNDA,
            ACTING_ROLES,
            ("note",),
        ),
        Transition("lanjutkan", _("Lanjutkan"), frozenset({S.DITUNDA}), None, ACTING_ROLES),
        Transition(
            "eskalasi",
            _("Eskalasi ke satuan induk"),
            _ACTIVE | {S.DITUNDA},
            None,
            COMMAND_ROLES | {Role.PERSONIL, Role.BHABINKAMTIBMAS},
            ("note",),
        ),
        Transition(
            "buka_kembali",
            _("Buka kembali"),
            frozenset({S.SELESAI, S.DITOLAK, S.DITERUSKAN}),
            S.DIVERIFIKASI,
            COMMAND_ROLES,
            ("note",),
        ),
    )
}


class TransitionError(Exception):
    """A transition that is not allowed, or misses a required field (message in Indonesian)."""


def get(name: str) -> Transition:
    try:
        return TRANSITIONS[name]
    except KeyError:
        raise TransitionError(_("Tindakan tidak dikenal.")) from None


def available(status: str, roles: frozenset[str], *, everything: bool = False) -> list[Transition]:
    """Transitions a user holding `roles` may take from `status` (for buttons on the case page)."""
    return [
        t
        for t in TRANSITIONS.values()
        if t.allowed_from(status) and (everything or t.roles & roles)
    ]


def target_status(transition: Transition, current: str, paused_from: str) -> str:
    if transition.target is not None:
        return transition.target
    if transition.name == "lanjutkan":
        return paused_from or S.DIVERIFIKASI
    return current
