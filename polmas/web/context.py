"""Template context shared by every page: the navigation for the signed-in user."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from polmas.org.access import user_has_role

# (url name, label) shown to any user with a role. Domain apps add entries here as they land.
NAV_ITEMS: list[tuple[str, Any]] = [
    ("web:home", _("Beranda")),
    ("insights:map", _("Situasi")),
    ("patrols:list", _("Patroli")),
    ("aspirations:inbox", _("Kasus")),
    ("hoaxes:queue", _("Hoaks")),
    ("humas:release_list", _("Humas")),
    ("org:map", _("Peta")),
    ("reports:list", _("Laporan")),
    ("channels:list", _("Kanal warga")),
    ("org:unit_tree", _("Satuan")),
]


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user_has_role(user):
        return {"nav_items": []}
    items = [
        {"url": reverse(name), "label": label, "active": request.path == reverse(name)}
        for name, label in NAV_ITEMS
    ]
    person = getattr(user, "person", None)
    return {"nav_items": items, "is_demo_account": bool(person and person.is_demo)}
