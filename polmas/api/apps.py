from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "polmas.api"
    label = "polmas_api"
    verbose_name = "API"
