from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from polmas.aspirations.services import issue_open311_key


class Command(BaseCommand):
    help = "Issue an Open311 api_key for a client application; prints the key alone on stdout."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", help="name of the client application")

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(issue_open311_key(actor=None, name=options["name"]))
