"""Access checks for views and API routes: signed in, holds a role, and (via `restrict`) in scope.

anonymous -> login (views) / 401 (API); signed in without any role -> 403; out of scope -> 404.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from polmas.org.scope import get_scope

_V = TypeVar("_V", bound=Callable[..., HttpResponse])


def user_has_role(user: Any, *roles: str) -> bool:
    scope = get_scope(user)
    if scope.everything:
        return True
    return bool(scope.roles) if not roles else bool(scope.roles.intersection(roles))


def check_role(user: Any, *roles: str) -> None:
    if not user_has_role(user, *roles):
        raise PermissionDenied(
            _("Akun Anda belum memiliki peran yang diperlukan untuk halaman ini.")
        )


def role_required(*roles: str) -> Callable[[_V], _V]:
    """View decorator: redirect anonymous users to login, 403 for users without the role."""

    def decorator(view: _V) -> _V:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            check_role(request.user, *roles)
            return view(request, *args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorator
