"""HTML forms: the public rumour check, Humas answers and local clarifications."""

from __future__ import annotations

import re
import uuid
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from polmas.hoaxes.models import MAX_REPORT_CHARS, FactCheck, Verdict
from polmas.org.models import Region, RegionLevel
from polmas.org.regions import deployment_code

# Letters, digits and dashes only: what `new_reference` writes (HX-XXXXXXXX), and nothing the
# result URL cannot carry.
REFERENCE_RE = re.compile(r"[A-Z0-9][A-Z0-9-]{0,15}")


def _desa_choices() -> Any:
    return (
        Region.objects.filter(level=RegionLevel.DESA, code__startswith=deployment_code() + ".")
        .select_related("parent")
        .defer("boundary", "parent__boundary")
        .order_by("parent__name", "name")
    )


class DesaChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        parent = obj.parent.name if obj.parent else ""
        return f"{obj.name} — Kec. {parent}" if parent else str(obj.name)


class CheckForm(forms.Form):
    text = forms.CharField(
        label=_("Tempel isi kabar atau tautan yang ingin dicek"),
        widget=forms.Textarea(attrs={"rows": 6}),
        strip=True,
        max_length=MAX_REPORT_CHARS,
        error_messages={
            "required": _("Isi kabar yang ingin dicek tidak boleh kosong."),
            "max_length": _("Teks terlalu panjang: maksimal 5.000 karakter."),
        },
    )
    desa = DesaChoiceField(
        label=_("Desa/kelurahan tempat kabar ini beredar (opsional)"),
        queryset=Region.objects.none(),
        required=False,
        empty_label=_("— tidak tahu / tidak disebut —"),
    )
    name = forms.CharField(label=_("Nama (opsional)"), max_length=120, required=False)
    contact = forms.CharField(
        label=_("Nomor HP atau surel untuk jawaban (opsional)"), max_length=120, required=False
    )
    anonymous = forms.BooleanField(
        label=_("Rahasiakan identitas saya (hanya satuan penangan yang melihat)"), required=False
    )
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["desa"].queryset = _desa_choices()  # type: ignore[attr-defined]
        if not self.is_bound:
            self.initial.setdefault("idempotency_key", uuid.uuid4())


class TrackForm(forms.Form):
    """A tracking code typed by a resident: `HX-` and 8 letters/digits (`new_reference`)."""

    reference = forms.CharField(label=_("Kode lacak"), max_length=16)

    def clean_reference(self) -> str:
        reference = str(self.cleaned_data["reference"]).strip().upper()
        if not REFERENCE_RE.fullmatch(reference):
            raise forms.ValidationError(
                _("Kode lacak tidak dikenali; bentuknya seperti HX-AB12CD34."), code="invalid"
            )
        return reference


class AnswerForm(forms.Form):
    factcheck = forms.ModelChoiceField(
        label=_("Cek fakta"),
        queryset=FactCheck.objects.filter(is_published=True, deleted_at__isnull=True),
        error_messages={"invalid_choice": _("Cek fakta tidak ditemukan atau tidak terbit.")},
    )
    note = forms.CharField(label=_("Catatan"), max_length=500, required=False)


class ClarificationForm(forms.Form):
    title = forms.CharField(label=_("Judul klarifikasi (isu yang dibantah)"), max_length=300)
    claim = forms.CharField(
        label=_("Isi kabar yang beredar"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=MAX_REPORT_CHARS,
    )
    verdict = forms.ChoiceField(
        label=_("Hasil periksa"), choices=Verdict.choices, initial=Verdict.SALAH
    )
    conclusion = forms.CharField(
        label=_("Kesimpulan (satu-dua kalimat untuk warga)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
    explanation = forms.CharField(
        label=_("Penjelasan"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=MAX_REPORT_CHARS,
    )
    desa = DesaChoiceField(
        label=_("Wilayah (opsional)"), queryset=Region.objects.none(), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["desa"].queryset = _desa_choices()  # type: ignore[attr-defined]
