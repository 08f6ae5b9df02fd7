from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from polmas.org.models import Region, Unit


class BroadcastForm(forms.Form):
    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("Satuan pengirim"))
    desa = forms.ModelMultipleChoiceField(
        queryset=Region.objects.none(),
        label=_("Desa tujuan"),
        widget=forms.SelectMultiple(attrs={"size": 10}),
    )
    text = forms.CharField(
        label=_("Pesan kamtibmas"), max_length=1000, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args: Any, units: Any, desa: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["desa"].queryset = desa  # type: ignore[attr-defined]
