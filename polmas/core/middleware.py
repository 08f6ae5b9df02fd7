"""Request middleware: refuses NUL in the address, sets the language, carries the client IP and
channel into audit events."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.translation import gettext as _

from polmas.core.audit import audit_context


def client_ip(request: HttpRequest) -> str | None:
    # Behind a reverse proxy, configure it to set REMOTE_ADDR (e.g. gunicorn --forwarded-allow-ips).
    ip = request.META.get("REMOTE_ADDR")
    return ip or None


class NulRefusalMiddleware:
    """400 for a NUL character in the path or the query string (``/desa/%00/``, ``?q=%00``).

    PostgreSQL cannot hold NUL in text, so a filter or lookup with one failed with a server
    error on many pages and API routes; SQLite let it through. Refused once here, before the
    fast paths, instead of in every view. (Form fields already refuse NUL; JSON bodies turn it
    into U+FFFD, see :mod:`polmas.core.jsontext`.)"""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        query = request.META.get("QUERY_STRING", "")
        if "\x00" in request.path_info or "%00" in query or "\x00" in query:
            return HttpResponseBadRequest(
                _("Alamat berisi karakter NUL yang tidak diizinkan."),
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


class AuditContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        source = "api" if request.path.startswith("/api/") else "web"
        with audit_context(ip=client_ip(request), source=source):
            return self.get_response(request)


class DefaultLanguageMiddleware(LocaleMiddleware):
    """Bahasa Indonesia unless the user chose another language with the switch (the language
    cookie). The browser's Accept-Language is ignored: officers' phones are often set to
    English, and Polmas speaks Indonesian first."""

    def process_request(self, request: HttpRequest) -> None:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
