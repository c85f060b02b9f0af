"""Queues scheduled jobs (reminders, retention, clean-up) when they are due, for the task
worker to run. Runs beside the worker until stopped; `--once` queues what is due and
exits (for cron or a systemd timer instead). Safe to run on several machines at once."""

import logging
import signal
import threading
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections

from coproduce.lib import jobs

logger = logging.getLogger(__name__)

# Wake at least this often, so a changed clock or a database that was away is noticed.
LONGEST_SLEEP_SECONDS = 60


class Command(BaseCommand):
    help = "Queue each scheduled job once per period, for the task worker to run."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="Queue what is due, then stop.")

    def handle(self, *args: Any, once: bool = False, **options: Any) -> None:
        stopping = threading.Event()
        if not once:
            for signal_number in (signal.SIGINT, signal.SIGTERM):
                signal.signal(signal_number, lambda *_: stopping.set())
            names = ", ".join(f"{job.name} every {job.every}" for job in jobs.jobs())
            self.stdout.write(f"Scheduling {names}")
            self.stdout.flush()
        while True:
            try:
                for run in jobs.queue_due():
                    self.stdout.write(f"Queued {run.job} for {run.due_at:%Y-%m-%d %H:%M:%S}")
                    self.stdout.flush()
            except Exception:
                # A database restart or a full disk: say so, and try again at the next wake.
                if once:
                    raise
                logger.exception("Could not queue scheduled jobs")
            if once:
                return
            until_next = jobs.seconds_until_next()
            wait = LONGEST_SLEEP_SECONDS if until_next is None else until_next
            if stopping.wait(min(max(wait, 0.1), LONGEST_SLEEP_SECONDS)):
                return
            # After a long sleep the connection may be stale (a database restart); not
            # before the first pass, which may run inside a caller's transaction.
            close_old_connections()
