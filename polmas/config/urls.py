"""Top-level URL map."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from polmas.api.api import api
from polmas.web.urls import auth_urlpatterns

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    *auth_urlpatterns,
    path("", include("polmas.web.urls")),
    path("", include("polmas.org.urls")),
    path("", include("polmas.humas.urls")),
    path("", include("polmas.aspirations.urls")),
    path("", include("polmas.aspirations.urls_public")),
    path("open311/v2/", include("polmas.aspirations.open311.urls")),
    path("", include("polmas.hoaxes.urls")),
    path("", include("polmas.channels.urls")),
    path("", include("polmas.patrols.urls")),
    path("", include("polmas.insights.urls")),
    path("", include("polmas.reports.urls")),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
