"""Shape validation of the report pages' forms."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from polmas.org.models import Unit
from polmas.reports.models import ReportKind
from polmas.reports.periods import day_problem


class ReportRequestForm(forms.Form):
    """`unit` is a unit code. An unknown code is a form error; an existing unit outside the
    user's scope is not decided here: the view answers 404 for it."""

    unit = forms.CharField(label=_("Satuan"), max_length=60, widget=forms.Select)
    kind = forms.ChoiceField(label=_("Jenis laporan"), choices=ReportKind.choices)
    day = forms.DateField(
        label=_("Tanggal"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Laporan mingguan mencakup Senin sampai Minggu pada pekan tanggal ini."),
    )
    refresh = forms.BooleanField(label=_("Buat ulang bila sudah ada"), required=False)

    def __init__(self, *args: Any, units: list[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        widget = self.fields["unit"].widget
        assert isinstance(widget, forms.Select)
        widget.choices = [(u.code, u.name) for u in units]

    def clean_unit(self) -> Unit:
        code = self.cleaned_data["unit"]
        unit = Unit.objects.filter(code=code).first()
        if unit is None:
            raise forms.ValidationError(_("Satuan tidak dikenal."))
        return unit

    def clean_day(self) -> Any:
        day = self.cleaned_data["day"]
        problem = day_problem(day, timezone.localdate())
        if problem:
            raise forms.ValidationError(problem)
        return day


class ReportFilterForm(forms.Form):
    start = forms.DateField(
        label=_("Dari"), required=False, widget=forms.DateInput({"type": "date"})
    )
    end = forms.DateField(
        label=_("Sampai"), required=False, widget=forms.DateInput({"type": "date"})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            raise forms.ValidationError(
                _("Tanggal awal harus sebelum atau sama dengan tanggal akhir.")
            )
        return data
