"""The reporting period of a dashboard request: `from`/`to` ISO dates, validated."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from polmas.core.bounds import EARLIEST_DAY
from polmas.patrols.selectors.coverage import Period

MAX_DAYS = 366
DEFAULT_DAYS = 30

__all__ = ["DEFAULT_DAYS", "MAX_DAYS", "Period", "PeriodError", "parse_period"]


class PeriodError(ValueError):
    """A period the user must correct; the message is Indonesian and shown as is."""


def _parse(raw: str, label: str) -> dt.date:
    try:
        return dt.date.fromisoformat(raw.strip())
    except ValueError:
        raise PeriodError(
            _("Tanggal %(label)s '%(raw)s' tidak valid; gunakan format TTTT-BB-HH.")
            % {"label": label, "raw": raw[:20]}
        ) from None


def parse_period(start: str | None, end: str | None, *, today: dt.date | None = None) -> Period:
    """Both blank: the last 30 days. One blank: 30 days from/to the other. Raises PeriodError
    for malformed, reversed, future or too long periods."""
    today = today or timezone.localdate()
    to = _parse(end, _("akhir")) if end else None
    frm = _parse(start, _("awal")) if start else None
    # The range checks that date arithmetic needs come first: 9999-12-31 + 29 days or
    # 0001-01-01 - 29 days would overflow `date`.
    if to is None:
        if frm is not None and frm > today:
            raise PeriodError(
                _("Tanggal awal %(frm)s masih di masa depan; pilih paling lambat hari ini.")
                % {"frm": frm.isoformat()}
            )
        to = min(today, frm + dt.timedelta(days=DEFAULT_DAYS - 1)) if frm else today
    if frm is None:
        if to < EARLIEST_DAY:
            raise PeriodError(_("Tanggal akhir paling awal adalah 1 Januari 2000."))
        frm = to - dt.timedelta(days=DEFAULT_DAYS - 1)
    if frm > to:
        raise PeriodError(
            _("Tanggal awal (%(frm)s) setelah tanggal akhir (%(to)s); tukar urutannya.")
            % {"frm": frm.isoformat(), "to": to.isoformat()}
        )
    if to > today:
        raise PeriodError(
            _("Tanggal akhir %(to)s masih di masa depan; pilih paling lambat hari ini.")
            % {"to": to.isoformat()}
        )
    if frm < EARLIEST_DAY:
        raise PeriodError(_("Tanggal awal paling awal adalah 1 Januari 2000."))
    if (to - frm).days + 1 > MAX_DAYS:
        raise PeriodError(
            _("Rentang paling panjang %(max)s hari; rentang ini %(days)s hari.")
            % {"max": MAX_DAYS, "days": (to - frm).days + 1}
        )
    return Period(frm, to)
