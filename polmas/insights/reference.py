"""The elections Polmas knows out of the box (admins add new ones in the admin)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from polmas.insights.models import Election, ElectionKind
from polmas.org.models import Region

DEFAULT_ELECTIONS = (
    ("Pemilu 2024", ElectionKind.PEMILU, dt.date(2024, 2, 14)),
    ("Pilkada Serentak 2024", ElectionKind.PILKADA, dt.date(2024, 11, 27)),
)


@transaction.atomic
def ensure_default_elections(region_code: str = "32.12") -> int:
    region = Region.objects.get(code=region_code)
    created = 0
    for name, kind, date in DEFAULT_ELECTIONS:
        _, was_created = Election.objects.get_or_create(
            name=name, voting_date=date, defaults={"kind": kind, "region": region}
        )
        created += int(was_created)
    return created
