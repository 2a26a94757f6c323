"""Empty the page cache's store (pages, fragments, routes, the cached site and settings): run it
after each deploy, so no page object pickled by the previous release is served."""

from django.core.management.base import BaseCommand

from cms.cache import clear_store


class Command(BaseCommand):
    help = "Empty the page cache's store (run after a deploy)."

    def handle(self, *args, **options):
        clear_store()
        self.stdout.write("Page cache cleared.")
