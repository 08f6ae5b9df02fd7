from django.contrib.auth import views as auth_views
from django.urls import path

from polmas.web import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
]

# Login/logout live outside the namespace so LOGIN_URL = "login" works everywhere.
auth_urlpatterns = [
    path("masuk/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
]
