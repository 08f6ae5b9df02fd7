from django.urls import path

from polmas.hoaxes.views import public, staff

app_name = "hoaxes"

urlpatterns = [
    # public (no login)
    path("cek-hoaks/", public.check, name="public_check"),
    path("cek-hoaks/lacak/", public.track, name="public_track"),
    path("cek-hoaks/<str:reference>/", public.result, name="public_result"),
    path("hoaks/", public.clarifications, name="public_list"),
    path("hoaks/<int:pk>/", public.clarification, name="public_detail"),
    # staff
    path("hoaks/antrean/", staff.queue, name="queue"),
    path("hoaks/laporan/<int:pk>/", staff.report_detail, name="report_detail"),
    path("hoaks/laporan/<int:pk>/jawab/", staff.answer, name="answer"),
    path("hoaks/laporan/<int:pk>/tidak-relevan/", staff.irrelevant, name="irrelevant"),
    path("hoaks/laporan/<int:pk>/klarifikasi/", staff.clarify, name="clarify_report"),
    path("hoaks/klarifikasi/baru/", staff.clarify, name="clarify"),
    path("hoaks/cek-fakta/", staff.factchecks, name="factchecks"),
    path("hoaks/gelombang/", staff.waves, name="waves"),
    path("hoaks/peringatan/<int:pk>/terima/", staff.acknowledge, name="acknowledge"),
    path("hoaks/briefing/<slug:unit>/<str:date>/", staff.briefing, name="briefing"),
]
