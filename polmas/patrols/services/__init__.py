"""Writes for patrols. Every function takes the acting user as `actor=`."""

from polmas.patrols.services.catalog import (
    create_campaign,
    create_message,
    retire_message,
    update_campaign,
    update_message,
)
from polmas.patrols.services.common import (
    CATALOG_ROLES,
    FIELD_ROLES,
    Conflict,
    InvalidInput,
    NotAllowed,
    PatrolServiceError,
    request_hash,
)
from polmas.patrols.services.patrols import create_patrol, transition_patrol, update_patrol
from polmas.patrols.services.photos import MAX_PHOTO_BYTES, PhotoTooLarge, attach_photo
from polmas.patrols.services.rollup import rebuild_coverage
from polmas.patrols.services.sessions import (
    InputItem,
    Recorded,
    SessionData,
    delete_session,
    mark_resident_input_linked,
    record_session,
)

__all__ = [
    "CATALOG_ROLES",
    "FIELD_ROLES",
    "MAX_PHOTO_BYTES",
    "Conflict",
    "InputItem",
    "InvalidInput",
    "NotAllowed",
    "PatrolServiceError",
    "PhotoTooLarge",
    "Recorded",
    "SessionData",
    "attach_photo",
    "create_campaign",
    "create_message",
    "create_patrol",
    "delete_session",
    "mark_resident_input_linked",
    "rebuild_coverage",
    "record_session",
    "request_hash",
    "retire_message",
    "transition_patrol",
    "update_campaign",
    "update_message",
    "update_patrol",
]
