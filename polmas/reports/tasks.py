"""Background jobs for reports (django-tasks). Jobs take ids and are idempotent."""

from __future__ import annotations

from django_tasks import task

from polmas.reports import services


@task()
def build_report(report_id: int) -> str:
    """Build a queued report's PDF and XLSX; returns the final status."""
    report = services.build(report_id)
    return report.status if report is not None else "hilang"
