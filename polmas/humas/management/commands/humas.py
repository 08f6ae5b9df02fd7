from polmas.core.management.passthrough import PassThroughCommand
from polmas.humas.drafting.cli import main


class Command(PassThroughCommand):
    help = "Press releases: `polmas humas draft --input activity.json` prints the release."
    entry_point = staticmethod(main)
