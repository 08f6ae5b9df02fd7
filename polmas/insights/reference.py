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


DEFAULT_REGION = "32.12"  # Kabupaten Indramayu


class RegionsNotLoadedError(LookupError):
    """The elections' region is not in the database yet (`polmas load-regions` loads it)."""

    def __init__(self, region_code: str) -> None:
        super().__init__(region_code)
        self.region_code = region_code


@transaction.atomic
def ensure_default_elections(region_code: str = DEFAULT_REGION) -> int:
    """Add the known elections once; :class:`RegionsNotLoadedError` (nothing written) when the
    region is missing."""
    region = Region.objects.filter(code=region_code).first()
    if region is None:
        raise RegionsNotLoadedError(region_code)
    created = 0
    for name, kind, date in DEFAULT_ELECTIONS:
        _, was_created = Election.objects.get_or_create(
            name=name, voting_date=date, defaults={"kind": kind, "region": region}
        )
        created += int(was_created)
    return created
