from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HoaxesConfig(AppConfig):
    name = "polmas.hoaxes"
    label = "hoaxes"
    verbose_name = _("Hoaks")
