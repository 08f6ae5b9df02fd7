"""`polmas channels add whatsapp|telegram|sms|web --unit CODE [--api-base URL]`,
`polmas channels list`, `polmas channels tick [--recover-after SECONDS]`."""

from __future__ import annotations

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from polmas.channels.models import Channel, ChannelKind
from polmas.channels.services.setup import channel_summary, create_channel
from polmas.org.models import Unit


class Command(BaseCommand):
    help = "Kanal warga: tambah kanal, daftar kanal, dan pekerjaan berkala (tick)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add", help="Tambah kanal untuk satuan; mencetak satu objek JSON.")
        add.add_argument("kind", choices=ChannelKind.values)
        add.add_argument("--unit", required=True, help="kode satuan, mis. polsek-lohbener")
        add.add_argument("--name", default="")
        add.add_argument(
            "--api-base", default="", help="alamat API penyedia (server tiruan saat uji)"
        )
        add.add_argument("--access-token", default="", help="WhatsApp: token akses")
        add.add_argument("--phone-number-id", default="", help="WhatsApp: phone number id")
        add.add_argument("--bot-token", default="", help="Telegram: token bot")
        add.add_argument("--api-key", default="", help="SMS: kunci API gateway")
        add.add_argument("--rate", type=int, default=0, help="batas kirim per detik")
        sub.add_parser("list", help="Daftar kanal (JSON per baris).")
        tick = sub.add_parser(
            "tick", help="Pulihkan kejadian tertunda, antrekan pesan jatuh tempo."
        )
        tick.add_argument("--recover-after", type=int, default=60)

    def handle(self, *args: Any, **opts: Any) -> None:
        action = opts["action"]
        if action == "add":
            unit = Unit.objects.filter(code=opts["unit"]).first()
            if unit is None:
                raise CommandError(_("Satuan tidak ditemukan: %(unit)s") % {"unit": opts["unit"]})
            channel = create_channel(
                actor=None,
                unit=unit,
                kind=opts["kind"],
                name=opts["name"],
                api_base=opts["api_base"],
                provider_secrets={
                    "access_token": opts["access_token"],
                    "phone_number_id": opts["phone_number_id"],
                    "bot_token": opts["bot_token"],
                    "api_key": opts["api_key"],
                },
            )
            if opts["rate"]:
                channel.rate_per_second = opts["rate"]
                channel.save(update_fields=["rate_per_second"])
            self.stdout.write(json.dumps(channel_summary(channel)))
        elif action == "list":
            for channel in Channel.objects.select_related("unit"):
                row = channel_summary(channel)
                self.stdout.write(
                    json.dumps({k: row[k] for k in ("channel_id", "kind", "unit", "webhook_url")})
                )
        else:
            from polmas.channels.tasks import tick

            self.stdout.write(json.dumps(tick.call(opts["recover_after"])))
