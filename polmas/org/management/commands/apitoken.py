from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from polmas.org.services import issue_api_token


class Command(BaseCommand):
    help = "Print a new bearer token for USERNAME (the token alone on stdout)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="device name shown in the admin")

    def handle(self, *args: Any, **options: Any) -> None:
        User = get_user_model()
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(
                _("Pengguna '%(username)s' tidak ditemukan.") % {"username": options["username"]}
            )
        if not user.is_active:
            raise CommandError(
                _("Pengguna '%(username)s' tidak aktif.") % {"username": options["username"]}
            )
        self.stdout.write(issue_api_token(actor=None, user=user, name=options["name"]))
