"""The period and drill-down filter shared by the dashboard pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from polmas.insights.periods import Period, PeriodError, parse_period
from polmas.org.models import Unit


class FilterForm(forms.Form):
    date_from = forms.CharField(label=_("Dari"), required=False)
    to = forms.CharField(label=_("Sampai"), required=False)
    unit = forms.ChoiceField(label=_("Satuan"), required=False)

    def __init__(self, data: Any, *, units: list[Unit]) -> None:
        raw = {
            "date_from": data.get("from", ""),
            "to": data.get("to", ""),
            "unit": data.get("unit", ""),
        }
        super().__init__(raw)
        self.fields["date_from"].widget = forms.DateInput(attrs={"type": "date", "name": "from"})
        self.fields["to"].widget = forms.DateInput(attrs={"type": "date"})
        unit_field = self.fields["unit"]
        assert isinstance(unit_field, forms.ChoiceField)
        unit_field.choices = [("", _("Seluruh cakupan"))] + [(u.code, u.name) for u in units]
        self.period: Period | None = None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        try:
            self.period = parse_period(cleaned.get("date_from") or None, cleaned.get("to") or None)
        except PeriodError as exc:
            raise forms.ValidationError(str(exc)) from None
        return cleaned
