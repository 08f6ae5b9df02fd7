from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HumasConfig(AppConfig):
    name = "polmas.humas"
    label = "humas"
    verbose_name = _("Humas")
