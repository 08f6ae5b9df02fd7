"""Shape validation for the press-release forms."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from polmas.core import jsontext
from polmas.humas.services import MAX_BODY, MAX_TITLE

MAX_ACTIVITY_BYTES = 100_000


class ActivityJsonForm(forms.Form):
    activity = forms.CharField(
        label=_("Data kegiatan (JSON)"),
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Struktur yang sama dengan masukan `polmas humas draft`."),
    )

    def clean_activity(self) -> dict[str, Any]:
        raw = self.cleaned_data["activity"]
        if len(raw.encode()) > MAX_ACTIVITY_BYTES:
            raise forms.ValidationError(_("Data kegiatan terlalu besar (maksimal 100 KB)."))
        try:
            data = jsontext.loads(raw)
        except json.JSONDecodeError as exc:
            raise forms.ValidationError(
                _("JSON tidak valid pada baris %(line)s, kolom %(col)s.")
                % {"line": exc.lineno, "col": exc.colno}
            ) from exc
        except ValueError as exc:
            # jsontext refuses what no database can store or the parser cannot survive:
            # NaN/Infinity (or a number too large for a float), an integer of more than
            # 4,300 digits, nesting too deep.
            raise forms.ValidationError(
                _(
                    "JSON tidak dapat diterima: angka NaN/Infinity, angka terlalu besar, "
                    "atau susunan bertingkat terlalu dalam."
                )
            ) from exc
        if not isinstance(data, dict):
            raise forms.ValidationError(_("Data kegiatan harus berupa objek JSON."))
        return data


class ReleaseEditForm(forms.Form):
    title = forms.CharField(label=_("Judul"), max_length=MAX_TITLE)
    body = forms.CharField(
        label=_("Isi"), max_length=MAX_BODY, widget=forms.Textarea(attrs={"rows": 20})
    )
    note = forms.CharField(label=_("Catatan perubahan"), max_length=250, required=False)


class TransitionForm(forms.Form):
    action = forms.CharField(max_length=20)
    note = forms.CharField(label=_("Alasan / catatan"), max_length=500, required=False)
