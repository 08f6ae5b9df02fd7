"""`polmas triage < in.jsonl > out.jsonl`, `polmas triage train`, `polmas triage evaluate`.

The Django wrapper lives outside the library's import graph (management commands are loaded by
Django, never imported by polmas.triage). Its one addition to the library's command line: `polmas
triage train` without `--corrections` first exports the staff corrections stored in the database
(`polmas export-triage-labels`) and trains on them, so every correction made in the case pages
reaches the category and urgency models."""

import sys
import tempfile
from pathlib import Path

from django.core.management import call_command

from polmas.core.management.passthrough import PassThroughCommand
from polmas.triage.cli import main


def _has_corrections_option(args: list[str]) -> bool:
    return any(a == "--corrections" or a.startswith("--corrections=") for a in args)


class Command(PassThroughCommand):
    help = "Read Indonesian messages as JSONL on stdin and write their triage as JSONL on stdout."
    entry_point = staticmethod(main)

    def run_from_argv(self, argv: list[str]) -> None:
        args = argv[2:]
        if args[:1] == ["train"] and not _has_corrections_option(args):
            code = _train_with_stored_corrections(args)
        else:
            code = main(args)
        sys.stdout.flush()
        raise SystemExit(code)


def _train_with_stored_corrections(args: list[str]) -> int:
    with tempfile.TemporaryDirectory() as folder:
        labels = Path(folder) / "corrections.jsonl"
        call_command("export_triage_labels", out=str(labels))
        if labels.stat().st_size:
            args = [*args, "--corrections", str(labels)]
        return main(args)
