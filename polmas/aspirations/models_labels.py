"""Staff corrections of a case's category or urgency, kept as training labels for triage.

Every time staff change what the machine (or the intake) chose, the case's text and the new
choice are stored here: a correction on the case page or through the API, and a category or
urgency an officer chose while taking a case at the desk or by phone that differs from the
triage's suggestion for its text. ``polmas triage train`` reads them (through ``polmas
export-triage-labels``) and learns from them. The text is the triage's masked text when there is
one, so phone numbers, NIK and e-mail addresses do not end up in training files.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from polmas.aspirations.choices import Urgency


class LabelSource(models.TextChoices):
    """Where staff told the triage it was wrong."""

    CORRECTION = "koreksi", _("Koreksi pada halaman kasus")
    DESK_INTAKE = "pencatatan", _("Pilihan petugas saat mencatat laporan")


class TriageLabel(models.Model):
    """One correction: the text and the category / urgency staff settled on, and what they
    replaced (the case's previous values, or at desk intake the triage's suggestion)."""

    case = models.ForeignKey(
        "aspirations.Case", on_delete=models.CASCADE, related_name="triage_labels"
    )
    text = models.TextField(_("teks"))
    category_code = models.CharField(_("kategori"), max_length=40)
    urgency = models.CharField(_("urgensi"), max_length=8, choices=Urgency.choices)
    previous_category_code = models.CharField(_("kategori sebelumnya"), max_length=40)
    previous_urgency = models.CharField(
        _("urgensi sebelumnya"), max_length=8, choices=Urgency.choices
    )
    source = models.CharField(
        _("sumber"), max_length=12, choices=LabelSource.choices, default=LabelSource.CORRECTION
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        ordering = ("id",)
        verbose_name = _("label triase")
        verbose_name_plural = _("label triase")

    def __str__(self) -> str:
        return f"{self.case_id}: {self.category_code} / {self.urgency}"

    def as_training_line(self) -> dict[str, str]:
        """The JSONL line ``polmas triage train --corrections`` reads."""
        return {"text": self.text, "category": self.category_code, "urgency": self.urgency}
