"""The patrol briefing and its extension point.

Any app adds a section to the printable briefing of a unit for a date:

    from polmas.patrols.briefing import BriefingItem, register_briefing_section

    def open_cases(unit, day, user):          # returns a list of BriefingItem (or plain str)
        return [BriefingItem(title="Jalan rusak di Legok", detail="SLA 2 hari lagi")]

    register_briefing_section("cases.open", _("Perkara terbuka di wilayah"), open_cases, order=50)

Call it from your AppConfig.ready(). A provider sees the briefing's unit, the date (WIB) and the
requesting user and must keep to that user's scope. A provider that fails is shown as
"not available" instead of breaking the whole briefing.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class BriefingItem:
    title: str
    detail: str = ""
    url: str = ""


Provider = Callable[[Any, dt.date, Any], Sequence[BriefingItem | str]]


@dataclass(frozen=True)
class BriefingSection:
    key: str
    title: Any  # str or lazy translation
    provider: Provider
    order: int = 100


@dataclass
class RenderedSection:
    key: str
    title: str
    items: list[BriefingItem] = field(default_factory=list)
    failed: bool = False


_REGISTRY: dict[str, BriefingSection] = {}


def register_briefing_section(
    key: str, title: Any, provider: Provider, *, order: int = 100
) -> None:
    """Add (or replace, by key) a briefing section. Idempotent, so safe in AppConfig.ready()."""
    _REGISTRY[key] = BriefingSection(key=key, title=title, provider=provider, order=order)


def unregister_briefing_section(key: str) -> None:
    _REGISTRY.pop(key, None)


def registered_sections() -> list[BriefingSection]:
    return sorted(_REGISTRY.values(), key=lambda s: (s.order, s.key))


def build_briefing(unit: Any, day: dt.date, user: Any) -> list[RenderedSection]:
    result: list[RenderedSection] = []
    for section in registered_sections():
        rendered = RenderedSection(key=section.key, title=str(section.title))
        try:
            for item in section.provider(unit, day, user):
                rendered.items.append(
                    item if isinstance(item, BriefingItem) else BriefingItem(str(item))
                )
        except Exception:
            logger.exception("briefing section %s failed", section.key)
            rendered.failed = True
        result.append(rendered)
    return result


def register_default_sections() -> None:
    from polmas.patrols import selectors

    register_briefing_section(
        "patrols.campaign_messages",
        _("Pesan kamtibmas kampanye aktif"),
        selectors.briefing_campaign_messages,
        order=10,
    )
    register_briefing_section(
        "patrols.desa_not_visited",
        _("Desa yang paling lama tidak dikunjungi"),
        selectors.briefing_desa_not_visited,
        order=20,
    )
