from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from polmas.core.models import AuditEvent
from polmas.hoaxes import services
from polmas.hoaxes.kb import match_text
from polmas.hoaxes.models import FactCheck, HoaxReport, ReportStatus
from polmas.hoaxes.tests.conftest import CONFIDENT_TEXT, UNCERTAIN_TEXT, UNMATCHED_TEXT
from polmas.org.testing import World

pytestmark = pytest.mark.django_db


def test_confident_match_is_answered_automatically(world: World, kb: dict[str, Any]) -> None:
    report = services.report_hoax(
        actor=None, text=CONFIDENT_TEXT, channel="web", desa=world.desa_in
    )
    assert report.confidence == "confident"
    assert report.status == ReportStatus.TERJAWAB_OTOMATIS
    assert report.answer == kb["35004"] and report.suggested == kb["35004"]
    assert report.handling_unit == world.unit_in
    assert report.cluster_key == f"fc:{kb['35004'].pk}"
    assert report.reference.startswith("HX-") and len(report.reference) == 11
    assert report.matches.first().factcheck == kb["35004"]  # type: ignore[union-attr]
    verbs = list(AuditEvent.objects.for_object(report).values_list("verb", flat=True))
    assert sorted(verbs) == ["hoax_report.create", "hoax_report.status"]


def test_uncertain_goes_to_humas_with_candidates(world: World, kb: dict[str, Any]) -> None:
    report = services.report_hoax(actor=None, text=UNCERTAIN_TEXT, channel="whatsapp")
    assert report.confidence == "uncertain"
    assert report.status == ReportStatus.MENUNGGU_HUMAS and report.answer is None
    assert report.suggested == kb["35002"]
    assert report.matches.count() >= 1
    assert report.handling_unit is not None and report.handling_unit.level == "polres"


def test_unmatched_is_a_new_item_to_investigate(world: World, kb: dict[str, Any]) -> None:
    report = services.report_hoax(actor=None, text=UNMATCHED_TEXT, channel="sms")
    assert report.confidence == "none"
    assert report.status == ReportStatus.MENUNGGU_HUMAS
    assert report.suggested is None and report.cluster_key == ""


def test_url_only_text_uses_the_slug_words(world: World, kb: dict[str, Any]) -> None:
    url = "https://example.com/berita/2026/01/penculikan-anak-dengan-mobil-putih-di-jatibarang.html"
    result = match_text(url)
    assert result.best == kb["35005"]


@pytest.mark.parametrize(
    ("text", "message"), [("   ", "tidak boleh kosong"), ("x" * 5001, "maksimal")]
)
def test_bad_text_is_refused_and_changes_nothing(world: World, text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        services.report_hoax(actor=None, text=text, channel="web")
    assert HoaxReport.objects.count() == 0


def test_origin_ref_makes_retries_safe(world: World, kb: dict[str, Any]) -> None:
    first = services.report_hoax(
        actor=None, text=UNCERTAIN_TEXT, channel="whatsapp", origin_ref="wamid.1"
    )
    again = services.report_hoax(
        actor=None, text=UNCERTAIN_TEXT, channel="whatsapp", origin_ref="wamid.1"
    )
    assert again.pk == first.pk and HoaxReport.objects.count() == 1
    with pytest.raises(ValidationError, match="sudah dipakai"):
        services.report_hoax(actor=None, text="lain", channel="whatsapp", origin_ref="wamid.1")


def test_point_locates_the_desa(world: World, kb: dict[str, Any]) -> None:
    from shapely.geometry import shape

    p = shape(world.desa_in.boundary).representative_point()  # type: ignore[arg-type]
    report = services.report_hoax(
        actor=None,
        text=UNCERTAIN_TEXT,
        channel="dialog",
        point=(p.y, p.x),
        reporter="Bu Sari",
        anonymous=True,
    )
    assert report.desa == world.desa_in and report.handling_unit == world.unit_in
    assert report.reporter_name == "Bu Sari"
    events = AuditEvent.objects.for_object(report)
    assert all("Bu Sari" not in str(e.after) for e in events)


def test_humas_answers_and_the_factcheck_becomes_public(world: World, kb: dict[str, Any]) -> None:
    report = services.report_hoax(
        actor=None, text=UNCERTAIN_TEXT, channel="web", desa=world.desa_in
    )
    services.answer_report(actor=world.user_in, report=report, factcheck=kb["35002"])
    report.refresh_from_db()
    assert report.status == ReportStatus.DIJAWAB and report.answer == kb["35002"]
    assert report.answered_by == world.user_in
    kb["35002"].refresh_from_db()
    assert kb["35002"].approved_at is not None
    with pytest.raises(PermissionDenied):
        services.answer_report(actor=world.user_out, report=report, factcheck=kb["35001"])


def test_local_clarification_answers_a_report(world: World, kb: dict[str, Any]) -> None:
    report = services.report_hoax(
        actor=None, text=UNMATCHED_TEXT, channel="web", desa=world.desa_in
    )
    fc = services.create_local_clarification(
        actor=world.user_in,
        title="Pembagian sembako gratis di balai desa Lohbener",
        conclusion="Pemerintah desa tidak mengadakan pembagian sembako.",
        region=world.desa_in,
    )
    assert fc.source == "humas-local" and fc.unit == world.unit_in and fc.approved_at
    services.answer_report(actor=world.user_in, report=report, factcheck=fc)
    # the new clarification is in the index at once (cache rebuilt on change)
    assert match_text("sembako gratis balai desa Lohbener").best == fc
    with pytest.raises(PermissionDenied):
        services.create_local_clarification(actor=world.user_no_role, title="x", conclusion="y")


def test_unpublishing_removes_from_matching(world: World, kb: dict[str, Any]) -> None:
    assert match_text(CONFIDENT_TEXT).best == kb["35004"]
    services.set_factcheck_published(
        actor=world.user_polres, factcheck=kb["35004"], published=False
    )
    assert match_text(CONFIDENT_TEXT).best != kb["35004"]


def test_workflow_refuses_bad_transitions(world: World, kb: dict[str, Any]) -> None:
    report = services.report_hoax(
        actor=None, text=UNCERTAIN_TEXT, channel="web", desa=world.desa_in
    )
    services.mark_irrelevant(actor=world.user_in, report=report)
    with pytest.raises(ValidationError):
        services.mark_irrelevant(actor=world.user_in, report=report)
    assert FactCheck.objects.filter(approved_at__isnull=False).count() == 0
