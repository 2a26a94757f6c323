"""Create (once) a local development superuser and print its login. Refuses without DEBUG."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "clinic-dev"
PASSWORD_FILE = Path(settings.BASE_DIR) / ".local-admin-password"


class Command(BaseCommand):
    help = "Create a local development superuser (never in production) and print its login."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_local_admin only runs with DEBUG on (development).")
        User = get_user_model()
        password = PASSWORD_FILE.read_text().strip() if PASSWORD_FILE.exists() else ""
        user = User.objects.filter(username=USERNAME).first()
        if user is None or not password or not user.check_password(password):
            password = secrets.token_urlsafe(12)
            PASSWORD_FILE.write_text(password + "\n")
            PASSWORD_FILE.chmod(0o600)
            if user is None:
                user = User(username=USERNAME, email="dev@example.com")
            user.is_staff = user.is_superuser = user.is_active = True
            user.set_password(password)
            user.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"Local admin login: username {USERNAME!r}, password {password!r} "
                f"(stored in {PASSWORD_FILE.name}, development only)"
            )
        )
