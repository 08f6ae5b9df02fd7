"""Writes for the hoaxes app (fact-checks, reports, rumour waves)."""

from polmas.hoaxes.services.factchecks import (
    ImportResult,
    create_local_clarification,
    import_claimreview,
    import_turnbackhoax,
    set_factcheck_published,
    upsert_factchecks,
)
from polmas.hoaxes.services.reports import (
    Reporter,
    answer_report,
    mark_irrelevant,
    report_hoax,
)
from polmas.hoaxes.services.waves import acknowledge_alert, detect_rumour_waves

__all__ = [
    "ImportResult",
    "Reporter",
    "acknowledge_alert",
    "answer_report",
    "create_local_clarification",
    "detect_rumour_waves",
    "import_claimreview",
    "import_turnbackhoax",
    "mark_irrelevant",
    "report_hoax",
    "set_factcheck_published",
    "upsert_factchecks",
]
