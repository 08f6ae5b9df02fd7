"""Home page and error pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from polmas.org import selectors
from polmas.org.access import role_required


@role_required()
def home(request: HttpRequest) -> HttpResponse:
    memberships = selectors.memberships_of(request.user)
    desa_count = selectors.desa_in_scope(request.user).count()
    context = {"memberships": memberships, "desa_count": desa_count, "today": timezone.localdate()}
    return render(request, "web/home.html", context)


def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")
