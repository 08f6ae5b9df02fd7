"""Shared fixtures: a small knowledge base of invented, hoax-like Indonesian headlines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from polmas.hoaxes.matching.index import HoaxIndex, KBEntry

FIXTURE_TITLES: dict[str, str] = {
    "kb-01": "video banjir bandang melanda kota cirebon pekan ini",
    "kb-02": "tautan pendaftaran bantuan sosial tunai rp600 ribu dari kemensos",
    "kb-03": "kpu umumkan pemilu diundur ke tahun depan",
    "kb-04": "air kelapa campur garam bisa sembuhkan demam berdarah",
    "kb-05": "lowongan kerja pt kereta api indonesia lewat whatsapp",
    "kb-06": "surat suara sudah dicoblos ditemukan di gudang kecamatan",
    "kb-07": "polisi razia kendaraan besar besaran di jalur pantura malam ini",
    "kb-08": "bendungan jatigede jebol warga diminta mengungsi",
    "kb-09": "pembagian sembako gratis dari calon bupati di balai desa",
    "kb-10": "vaksin baru menyebabkan kemandulan pada anak",
    "kb-11": "gunung ciremai bakal meletus minggu depan",
    "kb-12": "penculikan anak dengan mobil putih di indramayu",
}


@pytest.fixture(scope="session")
def entries() -> list[KBEntry]:
    return [KBEntry(id=k, title=v) for k, v in FIXTURE_TITLES.items()]


@pytest.fixture(scope="session")
def index(entries: list[KBEntry]) -> HoaxIndex:
    return HoaxIndex(entries)


@pytest.fixture()
def kb_file(tmp_path: Path) -> Path:
    path = tmp_path / "kb.jsonl"
    lines = [json.dumps({"id": k, "title": v}) for k, v in FIXTURE_TITLES.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
