"""Demo accounts for trying Polmas: clearly marked (`Person.is_demo`, `demo.` user names)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from polmas.org import services
from polmas.org.models import DesaAssignment, Person, Rank, Region, Role, Unit

# Printed by `make run` and written in the README: these accounts exist only in demo installs.
DEMO_PASSWORD = "polmas-demo-2024"  # noqa: S105


@dataclass(frozen=True)
class DemoAccount:
    username: str
    full_name: str
    rank: str
    position: str
    unit_code: str
    role: str
    nrp: str
    desa: tuple[str, ...] = ()


DEMO_ACCOUNTS = (
    DemoAccount(
        "demo.kapolres",
        "Hendra Wijaya",
        Rank.AKBP,
        "Kapolres Indramayu",
        "polres-indramayu",
        Role.KAPOLRES,
        "DEMO0001",
    ),
    DemoAccount(
        "demo.kapolsek.indramayu",
        "Rina Kartika",
        Rank.AKP,
        "Kapolsek Indramayu",
        "polsek-indramayu",
        Role.KAPOLSEK,
        "DEMO0002",
    ),
    DemoAccount(
        "demo.kapolsek.lohbener",
        "Agus Salim",
        Rank.AKP,
        "Kapolsek Lohbener",
        "polsek-lohbener",
        Role.KAPOLSEK,
        "DEMO0003",
    ),
    DemoAccount(
        "demo.humas",
        "Dedi Kurniawan",
        Rank.AKP,
        "Kasi Humas Polres Indramayu",
        "polres-indramayu",
        Role.KASI_HUMAS,
        "DEMO0004",
    ),
    DemoAccount(
        "demo.bhabin",
        "Slamet Riyadi",
        Rank.AIPDA,
        "Bhabinkamtibmas",
        "polsek-lohbener",
        Role.BHABINKAMTIBMAS,
        "DEMO0005",
        desa=("Lohbener", "Legok"),
    ),
)


@transaction.atomic
def ensure_demo_accounts() -> list[DemoAccount]:
    """Create the demo accounts that do not exist yet; returns the ones created now."""
    User = get_user_model()
    created: list[DemoAccount] = []
    for acc in DEMO_ACCOUNTS:
        if User.objects.filter(username=acc.username).exists():
            continue
        unit = Unit.objects.get(code=acc.unit_code)
        person = services.create_person(
            actor=None,
            unit=unit,
            nrp=acc.nrp,
            full_name=acc.full_name,
            rank=acc.rank,
            position=acc.position,
            username=acc.username,
            password=DEMO_PASSWORD,
            is_demo=True,
        )
        services.grant_role(actor=None, person=person, unit=unit, role=acc.role)
        kecamatan_codes = list(unit.jurisdiction.values_list("code", flat=True))
        for name in acc.desa:
            desa = Region.objects.filter(parent_id__in=kecamatan_codes, name__iexact=name).first()
            if desa is not None:
                services.assign_desa(actor=None, person=person, desa=desa)
        created.append(acc)
    if not User.objects.filter(username="demo.admin").exists():
        User.objects.create_superuser("demo.admin", password=DEMO_PASSWORD)
        created.append(
            DemoAccount(
                "demo.admin", "Admin demo", "", "Admin sistem", "polda-jabar", Role.ADMIN, ""
            )
        )
    return created


@transaction.atomic
def remove_demo_accounts() -> int:
    User = get_user_model()
    people = Person.objects.filter(is_demo=True)
    user_ids = list(people.values_list("user_id", flat=True))
    DesaAssignment.objects.filter(person__in=people).delete()
    count = people.count()
    people.delete()
    User.objects.filter(id__in=[u for u in user_ids if u]).delete()
    User.objects.filter(username="demo.admin").delete()
    return count
