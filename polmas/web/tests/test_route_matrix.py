"""Every staff route is declared in some app's permission matrix (polmas.org.testing).

The matrix tests are generated from each app's declared routes; this test is what makes a new
view or API operation fail CI until it is declared there (or listed below as public, with the
reason). HTML views count by URL pattern; API operations by pattern and HTTP method.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator, Sequence
from urllib.parse import urlsplit

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve

import polmas
from polmas.org.testing import PermissionMatrix, Route, World

# Routes anyone may call, each with the reason: residents, providers and browsers reach them
# without an account, or they only sign in and out.
PUBLIC = {
    "": "home page: a landing page or the user's start page",
    "masuk/": "sign in",
    "keluar/": "sign out",
    "healthz": "health check for the process supervisor",
    "i18n/setlang/": "language switch",
    "api/v1/": "API index",
    "api/v1/openapi.json": "API description",
    "api/v1/docs": "API documentation page",
    "patroli/sw.js": "the field pages' service worker script",
    "lapor/": "residents' report form",
    "lapor/terkirim/": "residents' report receipt",
    "lacak/": "tracking-code lookup",
    "lacak/<str:code>/": "a report followed by its tracking code",
    "lacak/<str:code>/tambah/": "the reporter adds information by tracking code",
    "lacak/<str:code>/nilai/": "the reporter rates the answer by tracking code",
    "cek-hoaks/": "public hoax check",
    "cek-hoaks/lacak/": "public hoax check lookup",
    "cek-hoaks/<str:reference>/": "public hoax check result",
    "hoaks/": "published clarifications",
    "hoaks/<int:pk>/": "a published clarification",
    "berita/": "published press releases",
    "berita/rss.xml": "news feed",
    "berita/atom.xml": "news feed",
    "berita/feed.json": "news feed",
    "berita/satuan/<slug:unit_code>/": "a unit's published press releases",
    "berita/<slug:slug>/": "a published press release",
    "channels/web/<int:channel_id>/": "residents' web channel form",
    "channels/web/<int:channel_id>/tanda-terima/<uuid:session>/": "web channel receipt",
    "channels/<str:kind>/<int:channel_id>/webhook": "provider webhooks (signature-checked)",
}
PUBLIC_PREFIXES = ("admin/", "open311/v2/")  # Django admin (staff flag); Open311 (public API)
API_PREFIX = "api/v1/"


def _patterns(patterns: Sequence[URLPattern | URLResolver], prefix: str = "") -> Iterator[str]:
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from _patterns(p.url_patterns, prefix + str(p.pattern))
        else:
            yield prefix + str(p.pattern)


def _api_operations() -> set[tuple[str, str]]:
    """(URL pattern, method) of every operation in the OpenAPI description."""
    from polmas.api.api import api

    schema = api.get_openapi_schema()
    return {
        (re.sub(r"\{(\w+)\}", r"<\1>", path.lstrip("/")), method.upper())
        for path, item in schema["paths"].items()
        for method in item
    }


def _matrices() -> list[type[PermissionMatrix]]:
    """Every PermissionMatrix declared in the test modules of every app."""
    for module in pkgutil.walk_packages(polmas.__path__, "polmas."):
        if ".tests.test_" in module.name:
            importlib.import_module(module.name)
    found: list[type[PermissionMatrix]] = []
    pending = list(PermissionMatrix.__subclasses__())
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.__subclasses__())
    return found


def _declared(world: World) -> tuple[set[str], set[tuple[str, str]]]:
    views: set[str] = set()
    operations: set[tuple[str, str]] = set()
    routes: list[Route] = [r for cls in _matrices() for r in cls.routes]
    assert len(routes) > 50  # the apps' matrices were found
    for route in routes:
        pattern = resolve(urlsplit(route.url(world, "in")).path).route
        if route.is_api:
            operations.add((pattern, route.method.upper()))
        else:
            views.add(pattern)
    return views, operations


@pytest.mark.django_db
def test_every_staff_route_is_in_a_permission_matrix(world: World) -> None:
    views, operations = _declared(world)
    undeclared = [
        pattern
        for pattern in sorted(set(_patterns(get_resolver().url_patterns)))
        if not pattern.startswith((API_PREFIX, *PUBLIC_PREFIXES))
        and pattern not in PUBLIC
        and pattern not in views
    ]
    undeclared += [
        f"{method} {pattern}"
        for pattern, method in sorted(_api_operations() - operations)
        if pattern not in PUBLIC
    ]
    assert not undeclared, "routes in no permission matrix:\n" + "\n".join(undeclared)


def test_the_public_list_names_only_existing_routes() -> None:
    patterns = set(_patterns(get_resolver().url_patterns))
    assert not set(PUBLIC) - patterns
