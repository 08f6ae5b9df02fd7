"""``python -m polmas.triage``."""

import sys

from polmas.triage.cli import main

sys.exit(main())
