"""E-mail page owners the health articles due for medical review (run daily by run_worker)."""

from django.core.management.base import BaseCommand

from seo.review import send_reminders


class Command(BaseCommand):
    help = "E-mail owners of articles overdue or due soon for medical review (once a day)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Send even if today's reminders already went out.",
        )

    def handle(self, *args, force=False, **options):
        sent = send_reminders(force=force)
        if options["verbosity"]:
            self.stdout.write(f"Review reminders: {sent} e-mail{'s' if sent != 1 else ''} sent.")
