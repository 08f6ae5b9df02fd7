"""Enqueue the periodic jobs of polmas.web.schedule at their intervals, until stopped."""

import logging
import signal
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from polmas.web.schedule import SCHEDULE, enqueue

logger = logging.getLogger("polmas.scheduler")


class Command(BaseCommand):
    help = "Run the periodic job schedule (enqueues idempotent tasks for the worker)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="enqueue every job once and exit")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["once"]:
            for job in SCHEDULE:
                enqueue(job)
                self.stdout.write(_("diantrekan: %(job)s") % {"job": job.name})
            return
        stopping = False

        def stop(*_signal: Any) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        due = {job.name: time.monotonic() + 5 for job in SCHEDULE}
        while not stopping:
            now = time.monotonic()
            for job in SCHEDULE:
                if now >= due[job.name]:
                    try:
                        enqueue(job)
                    except Exception:
                        logger.exception("could not enqueue %s", job.name)
                    due[job.name] = now + job.every_seconds
            time.sleep(1)
