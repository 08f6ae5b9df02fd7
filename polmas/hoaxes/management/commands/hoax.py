from polmas.core.management.passthrough import PassThroughCommand
from polmas.hoaxes.matching.cli import main


class Command(PassThroughCommand):
    help = "Fact-check matching: `polmas hoax match --kb KB.jsonl --k 10 < queries.jsonl`."
    entry_point = staticmethod(main)
