"""Delete enquiries older than the retention period. Dry run unless --apply is given."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from contact.models import Enquiry


class Command(BaseCommand):
    help = "Delete enquiries (and their notifications) older than ENQUIRY_RETENTION_DAYS."

    def add_arguments(self, parser):
        parser.add_argument("--apply", action="store_true", help="Delete (default: dry run).")
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Override the retention period in days (default: ENQUIRY_RETENTION_DAYS).",
        )

    def handle(self, *args, apply=False, days=None, **options):
        days = settings.ENQUIRY_RETENTION_DAYS if days is None else days
        cutoff = timezone.now() - datetime.timedelta(days=days)
        old = Enquiry.objects.filter(submit_time__lt=cutoff)
        count = old.count()
        if apply:
            old.delete()
            self.stdout.write(f"Deleted {count} enquiries submitted before {cutoff:%Y-%m-%d}.")
        else:
            self.stdout.write(
                f"Dry run: {count} enquiries submitted before {cutoff:%Y-%m-%d} would be "
                "deleted. Run again with --apply to delete them."
            )
        return None
