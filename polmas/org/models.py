"""Regions (Kemendagri codes), units, people, memberships and device tokens."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from polmas.core.models import TimeStampedModel
from polmas.org.scope import ScopedQuerySet


class RegionLevel(models.TextChoices):
    PROVINSI = "provinsi", _("Provinsi")
    KABUPATEN = "kabupaten", _("Kabupaten/Kota")
    KECAMATAN = "kecamatan", _("Kecamatan")
    DESA = "desa", _("Desa/Kelurahan")


class Region(models.Model):
    """An administrative region identified by its dotted Kemendagri code (32.12.01.2007)."""

    code = models.CharField(_("kode"), max_length=13, primary_key=True)
    name = models.CharField(_("nama"), max_length=120, db_index=True)
    level = models.CharField(_("tingkat"), max_length=10, choices=RegionLevel.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("induk"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    is_kelurahan = models.BooleanField(_("kelurahan"), default=False)
    lat = models.FloatField(_("lintang"), null=True, blank=True)
    lng = models.FloatField(_("bujur"), null=True, blank=True)
    boundary = models.JSONField(_("batas wilayah (GeoJSON)"), null=True, blank=True)
    postal_code = models.CharField(_("kode pos"), max_length=5, blank=True)
    tps_count = models.PositiveIntegerField(_("jumlah TPS"), null=True, blank=True)

    objects: ClassVar[ScopedQuerySet[Region]] = ScopedQuerySet.as_manager()  # type: ignore[assignment]
    scope_region_field = "code"

    class Meta:
        ordering = ("code",)
        verbose_name = _("wilayah")
        verbose_name_plural = _("wilayah")
        indexes = [models.Index(fields=["level", "parent"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def kind_label(self) -> str:
        if self.level == RegionLevel.DESA:
            return str(_("Kelurahan") if self.is_kelurahan else _("Desa"))
        return str(self.get_level_display())

    def ancestor_codes(self) -> list[str]:
        return ancestor_codes(self.code)


def ancestor_codes(code: str) -> list[str]:
    """'32.12.01.2007' -> ['32', '32.12', '32.12.01']."""
    parts = code.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


class UnitLevel(models.TextChoices):
    POLDA = "polda", _("Polda")
    POLRES = "polres", _("Polres")
    POLSEK = "polsek", _("Polsek")
    POS = "pos", _("Pos Pol")


UNIT_LEVEL_ORDER = {UnitLevel.POLDA: 0, UnitLevel.POLRES: 1, UnitLevel.POLSEK: 2, UnitLevel.POS: 3}


class Unit(TimeStampedModel):
    """A police unit. `path` is the chain of codes from the root, used for scope queries."""

    code = models.SlugField(_("kode"), max_length=60, unique=True)
    name = models.CharField(_("nama"), max_length=120)
    level = models.CharField(_("tingkat"), max_length=8, choices=UnitLevel.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("induk"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(max_length=400, db_index=True, editable=False)
    jurisdiction = models.ManyToManyField(
        Region,
        verbose_name=_("wilayah hukum"),
        blank=True,
        related_name="units",
        help_text=_("Polsek: kecamatan; Polres: kabupaten; Polda: provinsi."),
    )
    address = models.CharField(_("alamat"), max_length=255, blank=True)
    phone = models.CharField(_("telepon"), max_length=32, blank=True)

    objects: ClassVar[ScopedQuerySet[Unit]] = ScopedQuerySet.as_manager()  # type: ignore[assignment]
    scope_unit_field = ""  # the unit itself

    class Meta:
        ordering = ("path",)
        verbose_name = _("satuan")
        verbose_name_plural = _("satuan")

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.path = f"{self.parent.path}{self.code}/" if self.parent else f"{self.code}/"
        super().save(*args, **kwargs)

    @property
    def depth(self) -> int:
        return self.path.count("/") - 1


class Rank(models.TextChoices):
    JENDERAL = "JENDERAL", "Jenderal Polisi"
    KOMJEN = "KOMJEN", "Komjen Pol"
    IRJEN = "IRJEN", "Irjen Pol"
    BRIGJEN = "BRIGJEN", "Brigjen Pol"
    KOMBES = "KOMBES", "Kombes Pol"
    AKBP = "AKBP", "AKBP"
    KOMPOL = "KOMPOL", "Kompol"
    AKP = "AKP", "AKP"
    IPTU = "IPTU", "Iptu"
    IPDA = "IPDA", "Ipda"
    AIPTU = "AIPTU", "Aiptu"
    AIPDA = "AIPDA", "Aipda"
    BRIPKA = "BRIPKA", "Bripka"
    BRIGPOL = "BRIGPOL", "Brigpol"
    BRIPTU = "BRIPTU", "Briptu"
    BRIPDA = "BRIPDA", "Bripda"
    PNS = "PNS", "PNS Polri"


class Person(TimeStampedModel):
    """Police personnel. A login account is optional (not every member uses Polmas)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("akun"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )
    nrp = models.CharField(_("NRP"), max_length=20, unique=True)
    full_name = models.CharField(_("nama lengkap"), max_length=120)
    rank = models.CharField(_("pangkat"), max_length=10, choices=Rank.choices)
    position = models.CharField(_("jabatan"), max_length=120, blank=True)
    unit = models.ForeignKey(
        Unit, verbose_name=_("satuan"), on_delete=models.PROTECT, related_name="people"
    )
    phone = models.CharField(_("telepon"), max_length=32, blank=True)
    is_demo = models.BooleanField(_("data demo"), default=False)

    objects: ClassVar[ScopedQuerySet[Person]] = ScopedQuerySet.as_manager()  # type: ignore[assignment]
    scope_unit_field = "unit"

    class Meta:
        ordering = ("unit__path", "full_name")
        verbose_name = _("personel")
        verbose_name_plural = _("personel")

    def __str__(self) -> str:
        return f"{self.get_rank_display()} {self.full_name}"


class Role(models.TextChoices):
    KAPOLRES = "kapolres", _("Kapolres")
    KABAG_OPS = "kabag_ops", _("Kabag Ops")
    KAPOLSEK = "kapolsek", _("Kapolsek")
    KASI_HUMAS = "kasi_humas", _("Kasi Humas")
    PERSONIL = "personil", _("Personil")
    BHABINKAMTIBMAS = "bhabinkamtibmas", _("Bhabinkamtibmas")
    OPERATOR = "operator", _("Operator")
    ADMIN = "admin", _("Admin")


class Membership(TimeStampedModel):
    """A role a person holds in a unit. Scope comes from here: the unit and everything below it."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(_("peran"), max_length=20, choices=Role.choices)
    is_active = models.BooleanField(_("aktif"), default=True)

    objects: ClassVar[ScopedQuerySet[Membership]] = ScopedQuerySet.as_manager()  # type: ignore[assignment]
    scope_unit_field = "unit"

    class Meta:
        verbose_name = _("keanggotaan")
        verbose_name_plural = _("keanggotaan")
        constraints = [
            models.UniqueConstraint(fields=["person", "unit", "role"], name="uniq_membership")
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_role_display()} {self.unit}"


class DesaAssignment(TimeStampedModel):
    """A Bhabinkamtibmas officer's desa."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="desa_assignments")
    desa = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="bhabin_assignments",
        limit_choices_to={"level": RegionLevel.DESA},
    )

    objects: ClassVar[ScopedQuerySet[DesaAssignment]] = ScopedQuerySet.as_manager()  # type: ignore[assignment]
    scope_region_field = "desa"

    class Meta:
        verbose_name = _("penugasan desa")
        verbose_name_plural = _("penugasan desa")
        constraints = [
            models.UniqueConstraint(fields=["person", "desa"], name="uniq_desa_assignment")
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.desa.name}"


class ApiToken(TimeStampedModel):
    """A bearer token for a device. Only the SHA-256 of the token is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("nama perangkat"), max_length=80, blank=True)
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("token API")
        verbose_name_plural = _("token API")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"
