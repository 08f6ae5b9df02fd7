"""Reads for patrols: catalog, patrols and sessions, coverage, briefing providers."""

from polmas.patrols.selectors.briefing import briefing_campaign_messages, briefing_desa_not_visited
from polmas.patrols.selectors.catalog import (
    active_campaigns_for_unit,
    campaign_area_choices,
    campaign_desa_codes,
    campaign_messages_for_unit,
    campaigns,
    catalog_messages,
    catalog_units,
    editable_campaigns,
    editable_messages,
    valid_messages,
)
from polmas.patrols.selectors.coverage import (
    CoverageMap,
    Period,
    coverage_geojson,
    coverage_map,
    desa_figures,
    last_visits,
    not_visited,
)
from polmas.patrols.selectors.patrols import (
    default_unit_for,
    patrol_for,
    patrols_for,
    people_of_unit,
    session_for,
    sessions_of,
    units_for_patrols,
    unlinked_resident_inputs,
)
from polmas.patrols.selectors.progress import campaign_progress

__all__ = [
    "CoverageMap",
    "Period",
    "active_campaigns_for_unit",
    "briefing_campaign_messages",
    "briefing_desa_not_visited",
    "campaign_area_choices",
    "campaign_desa_codes",
    "campaign_messages_for_unit",
    "campaign_progress",
    "campaigns",
    "catalog_messages",
    "catalog_units",
    "coverage_geojson",
    "coverage_map",
    "default_unit_for",
    "desa_figures",
    "editable_campaigns",
    "editable_messages",
    "last_visits",
    "not_visited",
    "patrol_for",
    "patrols_for",
    "people_of_unit",
    "session_for",
    "sessions_of",
    "units_for_patrols",
    "unlinked_resident_inputs",
    "valid_messages",
]
