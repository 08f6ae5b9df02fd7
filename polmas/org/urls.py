from django.urls import path

from polmas.org import views

app_name = "org"

urlpatterns = [
    path("satuan/", views.unit_tree, name="unit_tree"),
    path("satuan/<slug:code>/", views.unit_detail, name="unit_detail"),
    path("desa/<str:code>/", views.desa_detail, name="desa_detail"),
    path("peta/", views.region_map, name="map"),
]
