from __future__ import annotations

import pytest
from shapely.geometry import shape

from polmas.org.models import Region, RegionLevel, Unit
from polmas.org.regions import find_by_name, locate_point, normalise_name
from polmas.org.selectors import responsible_unit_for_desa, responsible_unit_for_point

pytestmark = pytest.mark.django_db


def test_every_desa_is_found_from_a_point_inside_it(reference_data: None) -> None:
    desa = Region.objects.filter(code__startswith="32.12.", level=RegionLevel.DESA)
    wrong = []
    for d in desa:
        p = shape(d.boundary).representative_point()
        found = locate_point(p.y, p.x)
        if found.desa is None or found.desa.code != d.code:
            wrong.append(d.code)
    assert wrong == []
    assert desa.count() == 317


def test_point_outside_indramayu_gives_nearest_desa(reference_data: None) -> None:
    jakarta = locate_point(-6.2088, 106.8456)
    assert not jakarta.inside and jakarta.desa is None
    assert jakarta.nearest_desa is not None
    assert jakarta.distance_m is not None and jakarta.distance_m > 50_000


def test_responsible_unit_follows_jurisdiction(reference_data: None) -> None:
    desa = Region.objects.get(parent__name="Lohbener", name="Legok")
    assert responsible_unit_for_desa(desa.code) == Unit.objects.get(code="polsek-lohbener")
    # A Polsek given a second kecamatan in the admin becomes responsible for its desa.
    other = Region.objects.get(code="32.12.16")
    Unit.objects.get(code=f"polsek-{other.name.lower().replace(' ', '-')}").jurisdiction.clear()
    Unit.objects.get(code="polsek-lohbener").jurisdiction.add(other)
    child = Region.objects.filter(parent=other).first()
    assert child is not None
    assert responsible_unit_for_desa(child.code).code == "polsek-lohbener"  # type: ignore[union-attr]


def test_desa_without_polsek_falls_back_to_polres(reference_data: None) -> None:
    Unit.objects.get(code="polsek-lohbener").jurisdiction.clear()
    desa = Region.objects.get(parent__name="Lohbener", name="Legok")
    assert responsible_unit_for_desa(desa.code).code == "polres-indramayu"  # type: ignore[union-attr]


def test_point_to_unit(reference_data: None) -> None:
    legok = Region.objects.get(parent__name="Lohbener", name="Legok")
    p = shape(legok.boundary).representative_point()
    location, unit = responsible_unit_for_point(p.y, p.x)
    assert location.desa == legok and location.kecamatan and location.kecamatan.name == "Lohbener"
    assert unit is not None and unit.code == "polsek-lohbener"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("LOHBENER", "lohbener"),
        ("  Kec.  Lohbener ", "lohbener"),
        ("Desa Tjikedung", "cikedung"),
        ("Djatibarang", "jatibarang"),
        ("Sukamaju ", "sukamaju"),
    ],
)
def test_normalise_name(raw: str, expected: str) -> None:
    assert normalise_name(raw) == expected


def test_name_lookup_copes_with_spelling(reference_data: None) -> None:
    trisi = find_by_name("Trisi", level=RegionLevel.KECAMATAN)
    assert trisi and trisi[0].region.code == "32.12.26"  # officially "Terisi"
    cik = find_by_name("kec. Tjikedung", level=RegionLevel.KECAMATAN)
    assert cik and cik[0].region.name == "Cikedung"
    assert find_by_name("LOH BENER", level=RegionLevel.KECAMATAN)[0].region.name == "Lohbener"
    assert find_by_name("") == []
    assert find_by_name("zzzzqqq") == []


def test_name_in_several_kecamatan_returns_all(reference_data: None) -> None:
    names = Region.objects.filter(code__startswith="32.12.", level=RegionLevel.DESA).values_list(
        "name", flat=True
    )
    seen: dict[str, int] = {}
    for n in names:
        seen[n] = seen.get(n, 0) + 1
    repeated = next(n for n, c in sorted(seen.items()) if c > 1)
    matches = find_by_name(repeated, level=RegionLevel.DESA)
    assert len(matches) == seen[repeated]
    assert len({m.region.parent_id for m in matches}) == seen[repeated]
    within = matches[0].region.parent_id
    narrowed = find_by_name(repeated, level=RegionLevel.DESA, within=within)
    assert [m.region.parent_id for m in narrowed] == [within]
