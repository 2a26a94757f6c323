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
        last_purge_day = None
        self.stdout.write("Worker started")
        while self.running:
            try:
                counts = send_due()
                if counts:
                    logger.info("Notifications: %s", counts)
                now = timezone.now()
                minute = now.replace(second=0, microsecond=0)
                if minute != last_minute:
                    call_command("publish_scheduled", verbosity=0)
                    flush_search_stats()
                    last_minute = minute
                if now.date() != last_purge_day:
                    call_command("purge_submissions", apply=True, verbosity=0)
                    call_command("send_review_reminders", verbosity=0)
                    last_purge_day = now.date()
            except Exception:
                logger.exception("Worker round failed; trying again shortly")
            if once:
                break
            # Between rounds, drop connections that broke or outlived CONN_MAX_AGE (as Django
            # does between requests), so a database restart heals on its own.
            close_old_connections()
            time.sleep(settings.WORKER_POLL_SECONDS)
        self.stdout.write("Worker stopped")

    def stop(self, *args):
        self.running = False
