from django.urls import path

from polmas.patrols import catalog_views, offline, views

app_name = "patrols"

urlpatterns = [
    path("patroli/", views.patrol_list, name="list"),
    path("patroli/sw.js", offline.service_worker, name="service_worker"),
    path("patroli/baru/", views.patrol_new, name="new"),
    path("patroli/<int:patrol_id>/", views.patrol_detail, name="detail"),
    path("patroli/<int:patrol_id>/aksi/<str:action>/", views.patrol_action, name="action"),
    path("patroli/<int:patrol_id>/sesi/baru/", views.session_new, name="session_new"),
    path("patroli/sesi/<int:session_id>/", views.session_detail, name="session"),
    path("patroli/sesi/<int:session_id>/foto/", views.session_photo, name="session_photo"),
    path("patroli/cakupan/", views.coverage, name="coverage"),
    path("patroli/kampanye/<int:campaign_id>/", views.campaign_progress, name="campaign"),
    path("patroli/briefing/", views.briefing_page, name="briefing"),
    path("patroli/pesan/", catalog_views.message_list, name="catalog"),
    path("patroli/pesan/baru/", catalog_views.message_new, name="message_new"),
    path("patroli/pesan/<int:message_id>/ubah/", catalog_views.message_edit, name="message_edit"),
    path("patroli/kampanye/", catalog_views.campaign_list, name="campaigns"),
    path("patroli/kampanye/baru/", catalog_views.campaign_new, name="campaign_new"),
    path(
        "patroli/kampanye/<int:campaign_id>/ubah/",
        catalog_views.campaign_edit,
        name="campaign_edit",
    ),
]
