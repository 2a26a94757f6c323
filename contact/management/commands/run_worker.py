"""The background worker: sends enquiry e-mails, publishes scheduled pages, purges old enquiries.

Run one (or more) beside the web servers: ``python manage.py run_worker``. Everything it works
on is in the database, so it can be stopped and restarted at any time without losing anything.
"""

import logging
import signal
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone

from contact.notifications import send_due
from search.stats import flush_search_stats

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Send due enquiry notifications, publish scheduled pages, purge old enquiries."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Do one round, then exit.")

    def handle(self, *args, once=False, **options):
        self.running = True
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        last_minute = None
        done_on = {}  # daily task -> the day it last succeeded
        daily = {
            "purge old enquiries": lambda: call_command(
                "purge_submissions", apply=True, verbosity=0
            ),
            "review reminders": lambda: call_command("send_review_reminders", verbosity=0),
        }
        self.stdout.write("Worker started")
        while self.running:
            self.attempt("notifications", self.send_notifications)
            now = timezone.now()
            minute = now.replace(second=0, microsecond=0)
            if minute != last_minute:
                self.attempt(
                    "scheduled publishing", lambda: call_command("publish_scheduled", verbosity=0)
                )
                self.attempt("search statistics", flush_search_stats)
                last_minute = minute
            for name, task in daily.items():
                # Once a day each; one failing does not hold the others back, and it is tried
                # again next round (a success is never repeated the same day).
                if done_on.get(name) != now.date() and self.attempt(name, task):
                    done_on[name] = now.date()
            if once:
                break
            # Between rounds, drop connections that broke or outlived CONN_MAX_AGE (as Django
            # does between requests), so a database restart heals on its own.
            close_old_connections()
            time.sleep(settings.WORKER_POLL_SECONDS)
        self.stdout.write("Worker stopped")

    @staticmethod
    def attempt(name, task) -> bool:
        """Run one task; a failure is logged and the others still run."""
        try:
            task()
        except Exception:
            logger.exception("Worker task failed (%s); trying again next round", name)
            return False
        return True

    @staticmethod
    def send_notifications():
        counts = send_due()
        if counts:
            logger.info("Notifications: %s", counts)

    def stop(self, *args):
        self.running = False
