from django.urls import path

from polmas.aspirations import views

app_name = "aspirations"

urlpatterns = [
    path("kasus/", views.inbox, name="inbox"),
    path("kasus/massal/", views.bulk_action, name="bulk"),
    path("kasus/ekspor.<str:fmt>", views.export, name="export"),
    path("kasus/<int:pk>/", views.case_detail, name="case"),
    path("kasus/<int:pk>/tindakan/", views.case_action, name="action"),
    path("kasus/<int:pk>/balas/", views.case_reply, name="reply"),
]
