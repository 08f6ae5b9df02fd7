from django.urls import path

from polmas.reports import views

app_name = "reports"

urlpatterns = [
    path("laporan/", views.report_list, name="list"),
    path("laporan/<int:report_id>/", views.report_detail, name="detail"),
    path("laporan/<int:report_id>/status/", views.report_status, name="status"),
    path("laporan/<int:report_id>/buat-ulang/", views.report_refresh, name="refresh"),
    path("laporan/<int:report_id>/unduh.pdf", views.report_download, {"ext": "pdf"}, name="pdf"),
    path("laporan/<int:report_id>/unduh.xlsx", views.report_download, {"ext": "xlsx"}, name="xlsx"),
]
