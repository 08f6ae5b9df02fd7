"""`polmas triage < in.jsonl > out.jsonl`, `polmas triage train`, `polmas triage evaluate`.

The Django wrapper lives outside the library's import graph (management commands are loaded by
Django, never imported by polmas.triage)."""

from polmas.core.management.passthrough import PassThroughCommand
from polmas.triage.cli import main


class Command(PassThroughCommand):
    help = "Read Indonesian messages as JSONL on stdin and write their triage as JSONL on stdout."
    entry_point = staticmethod(main)
