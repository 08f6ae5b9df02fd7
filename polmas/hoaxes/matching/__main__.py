"""``python -m polmas.hoaxes.matching match --kb ...``"""

from polmas.hoaxes.matching.cli import main

raise SystemExit(main())
