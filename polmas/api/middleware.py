"""Device API calls (bearer token, no cookie) skip the browser middleware.

A field device posting sessions sends `Authorization: Bearer ...` and no cookie: it has no
session, no CSRF token, no flash messages, no language cookie, is never framed and never logs in
through a form (axes). `ApiFastPathMiddleware` resolves such `/api/` requests and calls the view
directly, doing only what still applies: Bahasa Indonesia activated (the default; the language
cookie cannot be there), the audit context (client IP, source "api"), an anonymous `request.user`
until the API's own authentication sets the token's user, and the response headers the skipped
middleware would have added (Content-Language, Vary, X-Frame-Options, Content-Length). Anything
else (a cookie, no bearer token, another path) takes the ordinary path. Place it right after
SecurityMiddleware (and the webhook fast path).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import patch_vary_headers

from polmas.core.audit import audit_context
from polmas.core.middleware import client_ip


class ApiFastPathMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        meta = request.META
        if (
            not request.path_info.startswith("/api/")
            or "HTTP_COOKIE" in meta
            or not meta.get("HTTP_AUTHORIZATION", "").startswith("Bearer ")
        ):
            return self.get_response(request)
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return self.get_response(request)
        request.resolver_match = match
        request.user = AnonymousUser()
        translation.activate(settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = translation.get_language()
        with audit_context(ip=client_ip(request), source="api"):
            response: HttpResponse = match.func(request, *match.args, **match.kwargs)
        patch_vary_headers(response, ("Accept-Language",))
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        response.headers.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
        if not response.streaming and "Content-Length" not in response:
            response.headers["Content-Length"] = str(len(response.content))
        return response
