"""Forms for editing the message catalog and campaigns (shape only; rules live in services).

Plain forms, not ModelForms: a ModelForm writes into the instance while validating, which
would spoil the "before" snapshot the service records in the audit trail."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from polmas.org.models import Region, Unit
from polmas.patrols.models import Campaign, KamtibmasMessage, Topic

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MessageForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Satuan pemilik"), queryset=Unit.objects.none())
    title = forms.CharField(label=_("Judul"), max_length=120)
    topic = forms.ChoiceField(label=_("Topik"), choices=Topic.choices)
    text = forms.CharField(
        label=_("Isi pesan (disampaikan dalam sekitar satu menit)"),
        max_length=700,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 700}),
    )
    valid_from = forms.DateField(label=_("Berlaku mulai"), widget=DATE)
    valid_until = forms.DateField(
        label=_("Berlaku sampai (kosong: tanpa batas)"), required=False, widget=DATE
    )

    def __init__(
        self, *args: Any, units: Any, message: KamtibmasMessage | None = None, **kwargs: Any
    ) -> None:
        if message is not None:
            kwargs.setdefault(
                "initial",
                {
                    "title": message.title,
                    "topic": message.topic,
                    "text": message.text,
                    "valid_from": message.valid_from,
                    "valid_until": message.valid_until,
                },
            )
        super().__init__(*args, **kwargs)
        if message is not None:
            del self.fields["unit"]  # the owner does not change
        else:
            self.fields["unit"].queryset = units  # type: ignore[attr-defined]


class CampaignForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Satuan pemilik"), queryset=Unit.objects.none())
    name = forms.CharField(label=_("Nama kampanye"), max_length=120)
    description = forms.CharField(
        label=_("Keterangan"), required=False, max_length=2000, widget=forms.Textarea({"rows": 2})
    )
    starts_on = forms.DateField(label=_("Mulai"), widget=DATE)
    ends_on = forms.DateField(label=pgettext_lazy("end date", "Selesai"), widget=DATE)
    areas = forms.ModelMultipleChoiceField(
        label=_("Wilayah sasaran (kosong: seluruh wilayah hukum satuan pemilik)"),
        queryset=Region.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    messages = forms.ModelMultipleChoiceField(
        label=_("Pesan kamtibmas"),
        queryset=KamtibmasMessage.objects.none(),
        required=False,  # the service refuses an empty set with its own message
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self,
        *args: Any,
        units: Any,
        areas: Any,
        messages: Any,
        campaign: Campaign | None = None,
        **kwargs: Any,
    ) -> None:
        if campaign is not None:
            kwargs.setdefault(
                "initial",
                {
                    "name": campaign.name,
                    "description": campaign.description,
                    "starts_on": campaign.starts_on,
                    "ends_on": campaign.ends_on,
                    "areas": [a.pk for a in campaign.areas.all()],
                    "messages": [m.pk for m in campaign.messages.all()],
                },
            )
        super().__init__(*args, **kwargs)
        if campaign is not None:
            del self.fields["unit"]
        else:
            self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["areas"].queryset = areas  # type: ignore[attr-defined]
        self.fields["messages"].queryset = messages  # type: ignore[attr-defined]
