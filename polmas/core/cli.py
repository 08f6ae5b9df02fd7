"""Argument types shared by the `polmas` management commands."""

from __future__ import annotations

import argparse
import datetime as dt

from django.utils.translation import gettext as _


def iso_date(raw: str) -> dt.date:
    """`type=` for a YYYY-MM-DD option: a bad value stops the command before it does anything,
    with one clear message (a CommandError under call_command, usage and exit 2 in a shell)."""
    try:
        return dt.date.fromisoformat(raw.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("Tanggal tidak valid: '%(raw)s'; gunakan format TTTT-BB-HH.") % {"raw": raw[:20]}
        ) from None
