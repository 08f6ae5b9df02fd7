"""HTML forms of the field screens (shape validation only; rules live in services)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from polmas.org.models import Person
from polmas.patrols.models import AudienceGroup, InputKind, KamtibmasMessage, PatrolType, Topic
from polmas.patrols.services import InputItem, SessionData
from polmas.patrols.validators import check_moment

INPUT_SLOTS = 4


def _bounded(value: dt.datetime) -> dt.datetime:
    """A datetime-local value (aware in the current time zone) within the accepted range."""
    try:
        return check_moment(value if timezone.is_aware(value) else timezone.make_aware(value))
    except ValueError as exc:
        raise forms.ValidationError(str(exc), code="out_of_range") from exc


class PatrolForm(forms.Form):
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)
    patrol_type = forms.ChoiceField(label=_("Jenis kegiatan"), choices=PatrolType.choices)
    area_note = forms.CharField(label=_("Sasaran wilayah"), max_length=200, required=False)
    members = forms.ModelMultipleChoiceField(
        label=_("Anggota tim"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    start_now = forms.BooleanField(label=_("Mulai sekarang"), required=False, initial=True)
    planned_start = forms.DateTimeField(
        label=_("Rencana mulai (jika tidak mulai sekarang)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )

    def __init__(self, *args: Any, people: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if people is not None:
            self.fields["members"].queryset = people  # type: ignore[attr-defined]
        self.fields["idempotency_key"].initial = uuid.uuid4()

    def clean_planned_start(self) -> dt.datetime | None:
        value: dt.datetime | None = self.cleaned_data.get("planned_start")
        return None if value is None else _bounded(value)


class SessionForm(forms.Form):
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)
    occurred_at = forms.DateTimeField(
        label=_("Waktu"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    lat = forms.FloatField(required=False, widget=forms.HiddenInput, min_value=-90, max_value=90)
    lng = forms.FloatField(required=False, widget=forms.HiddenInput, min_value=-180, max_value=180)
    accuracy_m = forms.FloatField(required=False, widget=forms.HiddenInput, min_value=0)
    place_name = forms.CharField(
        label=_("Nama tempat/desa (bila GPS tidak ada)"), max_length=160, required=False
    )
    messages = forms.ModelMultipleChoiceField(
        label=_("Pesan kamtibmas yang disampaikan"),
        queryset=KamtibmasMessage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    notes = forms.CharField(
        label=_("Catatan"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    quote_speaker = forms.CharField(label=_("Pembicara kutipan"), required=False, max_length=120)
    quote_text = forms.CharField(
        label=_("Kutipan"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, messages: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if messages is not None:
            self.fields["messages"].queryset = messages  # type: ignore[attr-defined]
        self.fields["idempotency_key"].initial = uuid.uuid4()
        self.fields["occurred_at"].initial = timezone.localtime().strftime("%Y-%m-%dT%H:%M")
        for group in AudienceGroup:
            self.fields[f"aud_{group.value}"] = forms.IntegerField(
                label=group.label, min_value=0, max_value=100_000, required=False, initial=0
            )
        for i in range(1, INPUT_SLOTS + 1):
            self.fields[f"input_{i}"] = forms.CharField(
                label=_("Masukan warga %(n)s") % {"n": i}, max_length=2000, required=False
            )
            self.fields[f"input_{i}_kind"] = forms.ChoiceField(
                label=_("Jenis"), choices=InputKind.choices, initial=InputKind.MASUKAN
            )

    def audience_fields(self) -> list[Any]:
        return [self[f"aud_{g.value}"] for g in AudienceGroup]

    def input_fields(self) -> list[tuple[Any, Any]]:
        return [(self[f"input_{i}"], self[f"input_{i}_kind"]) for i in range(1, INPUT_SLOTS + 1)]

    def message_groups(self) -> list[tuple[str, list[Any]]]:
        """Checkboxes grouped by topic label."""
        labels = dict(Topic.choices)
        groups: dict[str, list[Any]] = {}
        for choice in self["messages"]:
            message = choice.data["value"].instance
            groups.setdefault(str(labels.get(message.topic, message.topic)), []).append(choice)
        return list(groups.items())

    def clean_occurred_at(self) -> dt.datetime:
        return _bounded(self.cleaned_data["occurred_at"])

    def to_data(self) -> SessionData:
        c = self.cleaned_data
        quotes = []
        if c.get("quote_speaker") and c.get("quote_text"):
            quotes.append((c["quote_speaker"], c["quote_text"]))
        return SessionData(
            occurred_at=c["occurred_at"],
            lat=c.get("lat"),
            lng=c.get("lng"),
            accuracy_m=c.get("accuracy_m"),
            place_name=c.get("place_name") or "",
            audience_groups={g.value: c.get(f"aud_{g.value}") or 0 for g in AudienceGroup},
            message_ids=[m.pk for m in c.get("messages") or []],
            notes=c.get("notes") or "",
            quotes=quotes,
            inputs=[
                InputItem(c[f"input_{i}"], c.get(f"input_{i}_kind") or InputKind.MASUKAN)
                for i in range(1, INPUT_SLOTS + 1)
                if (c.get(f"input_{i}") or "").strip()
            ],
        )


class PhotoForm(forms.Form):
    photo = forms.FileField(label=_("Foto"))
    caption = forms.CharField(label=_("Keterangan"), max_length=200, required=False)
