"""The service worker of the field pages: keeps their shell so the session form opens offline.

Served from /patroli/sw.js so that its scope is /patroli/ (a script under /static/ could not
control the field pages). Its version is a hash of its own text and of the static files it keeps,
so a deploy that changes any of them installs a new worker, which deletes the old caches."""

from __future__ import annotations

import hashlib
from functools import lru_cache

from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

ASSETS = (
    "web/polmas.css",
    "patrols/patrols.css",
    "patrols/outbox.js",
    "patrols/session_form.js",
    "vendor/htmx/htmx.min.js",
)


def _file_digest(path: str) -> str:
    found = finders.find(path)
    if not found or isinstance(found, list):
        return "missing"
    with open(found, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


@lru_cache(maxsize=4)
def _worker_source(language: str) -> str:
    context = {
        "assets": [static(a) for a in ASSETS],
        "offline_text": _("Halaman ini belum tersimpan di ponsel. Buka kembali saat ada sinyal."),
        "list_label": _("Daftar patroli"),
        "list_url": reverse("patrols:list"),
    }
    text = render_to_string("patrols/sw.js", context)
    digest = hashlib.sha256(text.encode())
    for asset in ASSETS:
        digest.update(_file_digest(asset).encode())
    return text.replace('"VERSION"', f'"{digest.hexdigest()[:16]}"')


def service_worker(request: HttpRequest) -> HttpResponse:
    """Public: the script holds no user data (pages are cached in the browser as they load)."""
    response = HttpResponse(
        _worker_source(get_language() or "id"), content_type="application/javascript"
    )
    response["Cache-Control"] = "no-cache"
    return response
