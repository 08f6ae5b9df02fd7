"""The one NinjaAPI instance: mounts each app's router under /api/v1/."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.parser import Parser
from ninja.types import DictStrAny

from polmas.api.auth import BearerTokenAuth, SessionRoleAuth
from polmas.aspirations.api import router as cases_router
from polmas.core import jsontext
from polmas.hoaxes.api import router as hoaxes_router
from polmas.insights.api import router as insights_router
from polmas.org.api import router as org_router
from polmas.patrols.api import router as patrols_router


class BodyNotAnObjectError(ValueError):
    """The body is valid JSON but not an object (``null``, a list, a number, a string)."""


class TextSafeParser(Parser):
    """Request bodies through :func:`polmas.core.jsontext.loads`: half an emoji or a NUL escaped
    in JSON is stored as U+FFFD instead of failing the save with a server error. A body that is
    not a JSON object is refused: django-ninja read it as ``{}``, so ``POST /patrols`` with
    ``null`` created a patrol with every field defaulted and no idempotency key."""

    def parse_body(self, request: HttpRequest) -> DictStrAny:
        body = jsontext.loads(request.body)
        if not isinstance(body, dict):
            raise BodyNotAnObjectError
        return body


api = NinjaAPI(
    title="Polmas API",
    version="1",
    description=_(
        "API Polmas untuk perangkat lapangan dan integrasi. Autentikasi: token bearer "
        "(`polmas apitoken USERNAME`) atau sesi peramban."
    ),
    auth=[BearerTokenAuth(), SessionRoleAuth()],
    urls_namespace="api",
    parser=TextSafeParser(),
)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    fields = sorted({str(e["loc"][-1]) for e in exc.errors if e.get("loc")})
    return api.create_response(
        request,
        {
            "detail": exc.errors,
            "message": _("Data tidak valid pada kolom: %(fields)s") % {"fields": ", ".join(fields)},
        },
        status=422,
    )


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    """As django-ninja's own handler, with an Indonesian message for an unreadable body
    (django-ninja wraps the parser's exception in ``HttpError(400, "Cannot parse ...")``)."""
    detail = str(exc)
    if detail.startswith("Cannot parse request body"):
        if isinstance(exc.__cause__, BodyNotAnObjectError):
            detail = _("Isi permintaan harus berupa objek JSON.")
        else:  # malformed JSON or invalid UTF-8
            detail = _("Isi permintaan bukan JSON yang valid.")
    return api.create_response(request, {"detail": detail}, status=exc.status_code)


@api.exception_handler(AuthenticationError)
def authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return api.create_response(
        request, {"detail": _("Autentikasi diperlukan: kirim token bearer yang sah.")}, status=401
    )


api.add_router("/", org_router)
api.add_router("/", hoaxes_router)
api.add_router("/", patrols_router)
api.add_router("/", insights_router)
api.add_router("/", cases_router)
