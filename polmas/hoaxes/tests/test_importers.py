from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from polmas.hoaxes import services
from polmas.hoaxes.importers import (
    ImportFileError,
    read_claimreview_json,
    title_from_url,
    verdict_from_label,
)
from polmas.hoaxes.models import FactCheck, FactCheckSource, Verdict
from polmas.hoaxes.tests.conftest import SAMPLE_CLAIMREVIEW, SAMPLE_CSV

pytestmark = pytest.mark.django_db


def test_title_comes_from_the_slug_without_number_and_verdict() -> None:
    url = "https://turnbackhoax.id/articles/35005-salah-penculikan-anak-dengan-mobil-putih"
    assert title_from_url(url) == "Penculikan anak dengan mobil putih"


@pytest.mark.parametrize(
    ("label", "verdict"),
    [
        ("SALAH", Verdict.SALAH),
        ("PENIPUAN", Verdict.PENIPUAN),
        ("SATIRE/SATIR", Verdict.SATIRE),
        ("Misleading", Verdict.MENYESATKAN),
        ("Benar", Verdict.BENAR),
        ("???", Verdict.LAINNYA),
    ],
)
def test_verdict_labels(label: str, verdict: str) -> None:
    assert verdict_from_label(label) == verdict


def test_turnbackhoax_import_then_reimport_updates_without_duplicates(tmp_path: Path) -> None:
    first = services.import_turnbackhoax(actor=None, path=SAMPLE_CSV)
    assert (first.created, first.updated, first.unchanged) == (8, 0, 0)
    fc = FactCheck.objects.get(source=FactCheckSource.TURNBACKHOAX, external_id="35002")
    assert fc.title == "Air pdam indramayu tercemar racun"
    assert fc.verdict == Verdict.SALAH and fc.category == "Kesehatan"
    assert fc.published_on is not None and fc.published_on.isoformat() == "2026-01-03"
    assert fc.is_published and fc.claim.startswith("Jangan minum")

    again = services.import_turnbackhoax(actor=None, path=SAMPLE_CSV)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 8)
    changed = tmp_path / "changed.csv"
    changed.write_text(
        SAMPLE_CSV.read_text(encoding="utf-8-sig").replace(
            "Air PDAM Indramayu aman diminum", "Air PDAM aman"
        ),
        encoding="utf-8-sig",
    )
    third = services.import_turnbackhoax(actor=None, path=changed)
    assert (third.created, third.updated, third.unchanged) == (0, 1, 7)
    assert FactCheck.objects.count() == 8
    fc.refresh_from_db()
    assert fc.conclusion.startswith("Air PDAM aman")


def test_claimreview_graph_and_single_object(tmp_path: Path) -> None:
    result = services.import_claimreview(actor=None, path=SAMPLE_CLAIMREVIEW)
    assert result.created == 2
    listrik = FactCheck.objects.get(title__startswith="Listrik padam")
    assert listrik.verdict == Verdict.SALAH and listrik.source == FactCheckSource.CLAIMREVIEW
    beras = FactCheck.objects.get(
        external_id="https://cekfakta.example.id/2026/01/harga-beras-naik"
    )
    assert beras.title.startswith("Harga beras") and beras.verdict == Verdict.MENYESATKAN
    single = tmp_path / "one.json"
    data = json.loads(SAMPLE_CLAIMREVIEW.read_text())["@graph"][0]
    single.write_text(json.dumps(data))
    assert services.import_claimreview(actor=None, path=single).unchanged == 1
    assert FactCheck.objects.count() == 2


def test_bad_files_are_refused_with_a_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{nope")
    with pytest.raises(ImportFileError, match="JSON tidak valid"):
        list(read_claimreview_json(bad))
    bad.write_text(json.dumps({"@type": "Article"}))
    with pytest.raises(ImportFileError, match="tidak ada objek ClaimReview"):
        list(read_claimreview_json(bad))
    csv_bad = tmp_path / "bad.csv"
    csv_bad.write_text("a,b\n1,2\n")
    with pytest.raises(ImportFileError, match="kolom tidak ada"):
        services.import_turnbackhoax(actor=None, path=csv_bad)
    with pytest.raises(ImportFileError, match="tidak ditemukan"):
        services.import_turnbackhoax(actor=None, path=tmp_path / "missing.csv")
    assert FactCheck.objects.count() == 0


def test_import_command(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("import_factchecks", turnbackhoax=SAMPLE_CSV, claimreview=SAMPLE_CLAIMREVIEW)
    out = capsys.readouterr().out
    assert "8 baru" in out and "2 baru" in out
    call_command("import_factchecks", turnbackhoax=SAMPLE_CSV)
    assert "0 baru, 0 diperbarui, 8 tidak berubah" in capsys.readouterr().out
    with pytest.raises(CommandError):
        call_command("import_factchecks")


def test_unreadable_files_are_refused_with_a_message_not_a_traceback(tmp_path: Path) -> None:
    """Latin-1 text, an over-long CSV field, deep nesting, a 5,000-digit integer and NaN used to
    end `polmas import-factchecks` with a traceback (or a 500 in the database on NaN)."""
    header = SAMPLE_CSV.read_text(encoding="utf-8-sig").splitlines()[0]
    cases = {
        "latin1.csv": ((header + "\ncaf\xe9\n").encode("latin-1"), "bukan teks UTF-8"),
        "field.csv": ((header + '\n"' + "x" * 200_000 + '"\n').encode(), "baris 2: CSV tidak"),
    }
    for name, (data, message) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(ImportFileError, match=message):
            services.import_turnbackhoax(actor=None, path=path)
    for text in ("[" * 40000 + "]" * 40000, '{"x": ' + "9" * 5000 + "}", '{"x": NaN}'):
        path = tmp_path / "bad.json"
        path.write_text(text)
        with pytest.raises(ImportFileError, match="JSON tidak valid"):
            list(read_claimreview_json(path))
    assert FactCheck.objects.count() == 0


def test_nul_in_a_csv_field_is_stored_as_u_fffd(tmp_path: Path) -> None:
    """PostgreSQL cannot store NUL in text: the import ended with a DataError traceback."""
    lines = SAMPLE_CSV.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "nul.csv"
    path.write_text(lines[0] + "\n" + lines[1].replace("a", "a\x00", 1) + "\n", encoding="utf-8")
    services.import_turnbackhoax(actor=None, path=path)
    (fact,) = FactCheck.objects.all()
    assert "\x00" not in "".join(str(v) for v in fact.__dict__.values())
    assert "\ufffd" in fact.url + fact.title + fact.claim + fact.explanation + fact.conclusion
