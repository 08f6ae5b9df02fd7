"""Registered as a Django app only so that `polmas triage` exists as a command; the library
itself imports nothing from Django or the rest of Polmas."""

from django.apps import AppConfig


class TriageConfig(AppConfig):
    name = "polmas.triage"
    label = "triage"
    verbose_name = "Triage"
