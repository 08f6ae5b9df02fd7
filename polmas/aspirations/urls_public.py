from django.urls import path

from polmas.aspirations import views_public

app_name = "aspirations_public"

urlpatterns = [
    path("lapor/", views_public.report_form, name="report"),
    path("lapor/terkirim/", views_public.report_sent, name="sent"),
    path("lacak/", views_public.track_lookup, name="lookup"),
    path("lacak/<str:code>/", views_public.track, name="track"),
    path("lacak/<str:code>/tambah/", views_public.track_add_info, name="add_info"),
    path("lacak/<str:code>/nilai/", views_public.track_rate, name="rate"),
]
