"""Writes about cases. Every function validates, authorises, changes, audits and enqueues."""

from polmas.aspirations.services.actions import (
    add_reporter_info,
    rate_case,
    reply_to_case,
    transition_case,
)
from polmas.aspirations.services.common import CaseError, IdempotencyConflict
from polmas.aspirations.services.deadlines import check_deadlines
from polmas.aspirations.services.intake import create_case
from polmas.aspirations.services.keys import authenticate_open311_key, issue_open311_key
from polmas.aspirations.services.messages import notify_reporter
from polmas.aspirations.services.reclassify import reclassify_case
from polmas.aspirations.services.staff import STAFF_ORIGINS, take_case
from polmas.core.triage import triage_json as apply_triage

__all__ = [
    "STAFF_ORIGINS",
    "CaseError",
    "IdempotencyConflict",
    "add_reporter_info",
    "apply_triage",
    "authenticate_open311_key",
    "check_deadlines",
    "create_case",
    "issue_open311_key",
    "notify_reporter",
    "rate_case",
    "reclassify_case",
    "reply_to_case",
    "take_case",
    "transition_case",
]
