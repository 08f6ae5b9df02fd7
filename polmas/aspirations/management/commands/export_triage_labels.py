"""`polmas export-triage-labels [--out FILE]`: staff corrections as triage training lines.

Writes one JSONL line ``{"text", "category", "urgency"}`` per corrected case (its latest
correction), the input of ``polmas triage train --corrections``. ``polmas triage train`` runs
this itself when the database holds corrections. A database without the tables (a fresh machine
before ``migrate``) has no corrections: the command says so and writes nothing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import DatabaseError

from polmas.aspirations import selectors


class Command(BaseCommand):
    help = "Write staff corrections of case category/urgency as JSONL for polmas triage train."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", help="file to write (default: standard output)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            lines = [label.as_training_line() for label in selectors.latest_triage_labels()]
        except DatabaseError as exc:
            self.stderr.write(f"export-triage-labels: no corrections read ({exc})")
            lines = []
        text = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
        if options.get("out"):
            Path(options["out"]).write_text(text, encoding="utf-8")
        else:
            self.stdout.write(text, ending="")
        self.stderr.write(f"export-triage-labels: {len(lines)} corrected cases")
