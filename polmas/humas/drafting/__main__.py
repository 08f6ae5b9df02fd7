"""``python -m polmas.humas.drafting draft --input activity.json``."""

import sys

from .cli import main

sys.exit(main())
