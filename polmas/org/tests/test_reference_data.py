from __future__ import annotations

import pytest
from django.db.models import Sum

from polmas.org.models import Region, RegionLevel, Unit, UnitLevel
from polmas.org.reference_data import build_region_rows, ensure_default_units, load_regions

pytestmark = pytest.mark.django_db


def test_indramayu_has_31_kecamatan_317_desa_and_5316_tps(reference_data: None) -> None:
    kab = Region.objects.get(code="32.12")
    assert kab.name == "Kabupaten Indramayu"
    assert Region.objects.filter(parent=kab, level=RegionLevel.KECAMATAN).count() == 31
    desa = Region.objects.filter(code__startswith="32.12.", level=RegionLevel.DESA)
    assert desa.count() == 317
    assert desa.filter(is_kelurahan=True).count() == 8
    assert desa.filter(boundary__isnull=True).count() == 0
    assert desa.aggregate(n=Sum("tps_count"))["n"] == 5316
    assert Region.objects.get(code="32").name == "Jawa Barat"


def test_load_regions_is_idempotent(reference_data: None) -> None:
    report = load_regions(only="32.12")
    assert report.created == 0 and report.updated == 0
    assert report.unchanged == 1 + 1 + 31 + 317  # provinsi, kabupaten, kecamatan, desa


def test_load_regions_repairs_a_changed_row(reference_data: None) -> None:
    Region.objects.filter(code="32.12.26").update(name="Salah Nama")
    report = load_regions(only="32.12")
    assert report.updated == 1
    assert Region.objects.get(code="32.12.26").name == "Terisi"


def test_national_file_has_every_level() -> None:
    rows = build_region_rows()
    levels = [r["level"] for r in rows.values()]
    assert levels.count(RegionLevel.PROVINSI) == 38
    assert levels.count(RegionLevel.KABUPATEN) == 514
    assert levels.count(RegionLevel.KECAMATAN) == 7285
    assert levels.count(RegionLevel.DESA) == 83762
    assert all(r["parent_id"] in rows for r in rows.values() if r["parent_id"])


def test_default_units_one_polsek_per_kecamatan(reference_data: None) -> None:
    polsek = Unit.objects.filter(level=UnitLevel.POLSEK)
    assert polsek.count() == 31
    lohbener = Unit.objects.get(code="polsek-lohbener")
    assert lohbener.name == "Polsek Lohbener"
    assert lohbener.parent and lohbener.parent.code == "polres-indramayu"
    assert lohbener.path == "polda-jabar/polres-indramayu/polsek-lohbener/"
    assert [r.name for r in lohbener.jurisdiction.all()] == ["Lohbener"]


def test_default_units_keep_admin_edits(reference_data: None) -> None:
    lohbener = Unit.objects.get(code="polsek-lohbener")
    extra = Region.objects.get(code="32.12.16")  # another kecamatan
    lohbener.jurisdiction.add(extra)
    report = ensure_default_units()
    assert report.created == []
    assert lohbener.jurisdiction.filter(code="32.12.16").exists()
