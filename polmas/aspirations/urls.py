from django.urls import path

from polmas.aspirations import views, views_staff

app_name = "aspirations"

urlpatterns = [
    path("kasus/", views.inbox, name="inbox"),
    path("kasus/baru/", views_staff.new_case, name="new"),
    path("kasus/baru/saran/", views_staff.triage_suggestion, name="triage_suggestion"),
    path("kasus/lampiran/<int:pk>/", views_staff.attachment, name="attachment"),
    path("kasus/massal/", views.bulk_action, name="bulk"),
    path("kasus/ekspor.<str:fmt>", views.export, name="export"),
    path("kasus/<int:pk>/", views.case_detail, name="case"),
    path("kasus/<int:pk>/tindakan/", views.case_action, name="action"),
    path("kasus/<int:pk>/balas/", views.case_reply, name="reply"),
    path("kasus/<int:pk>/kategori/", views.case_reclassify, name="reclassify"),
]
