"""Management commands that hand their raw arguments to a pure library's command line.

`polmas hoax match --kb KB.jsonl` runs `polmas.hoaxes.matching.cli.main(["match", "--kb", ...])`
with the real stdin/stdout, and exits with its return code. Django's own option parsing is skipped
so the library's contract (options, output, exit codes) stays exactly its own.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from django.core.management.base import BaseCommand


class PassThroughCommand(BaseCommand):
    entry_point: Callable[[list[str]], int]

    def run_from_argv(self, argv: list[str]) -> None:
        code = type(self).entry_point(argv[2:])
        sys.stdout.flush()
        raise SystemExit(code)

    def handle(self, *args: Any, **options: Any) -> None:  # called via call_command only
        code = type(self).entry_point(list(args))
        if code:
            raise SystemExit(code)
