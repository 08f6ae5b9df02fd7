from django.urls import path

from polmas.insights import views

app_name = "insights"

urlpatterns = [
    path("situasi/", views.command_map, name="map"),
    path("situasi/desa/<str:code>/", views.desa, name="desa"),
    path("situasi/peringatan/", views.alert_list, name="alerts"),
    path("situasi/peringatan/<int:pk>/tanggapi/", views.acknowledge, name="acknowledge"),
    path("situasi/grafik/", views.charts, name="charts"),
    path("pemilu/", views.election, name="election"),
]
