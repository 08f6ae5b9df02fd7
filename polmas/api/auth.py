"""API authentication: device bearer tokens, or the browser session (with CSRF)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import HttpBearer
from ninja.security.session import SessionAuth

from polmas.org.access import user_has_role
from polmas.org.services import authenticate_token


def _with_role(request: HttpRequest, user: Any) -> Any:
    request.user = user
    if not user_has_role(user):
        raise HttpError(403, _("Akun Anda belum memiliki peran di satuan mana pun."))
    return user


class BearerTokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any | None:
        user = authenticate_token(token)
        return _with_role(request, user) if user is not None else None


class SessionRoleAuth(SessionAuth):
    def authenticate(self, request: HttpRequest, key: str | None) -> Any | None:
        user = super().authenticate(request, key)
        return _with_role(request, user) if user else None
