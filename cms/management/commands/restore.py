"""Restore a backup made by `manage.py backup` into the configured database and MEDIA_ROOT, then
check the row counts and media checksums against its manifest."""

import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from .backup import media_manifest, pg_env_and_args, table_counts


class Command(BaseCommand):
    help = "Restore a backup folder (database and media) and verify it against its manifest."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="A folder written by `manage.py backup`.")

    def handle(self, *args, folder, **options):
        source = Path(folder)
        manifest = json.loads((source / "manifest.json").read_text())
        vendor = connection.vendor
        if manifest["database"] != vendor:
            raise CommandError(f"Backup is of {manifest['database']}, target is {vendor}.")
        if vendor == "postgresql":
            env, args = pg_env_and_args(connection.settings_dict)
            connection.close()
            subprocess.run(  # noqa: S603 - fixed argv, no shell
                ["pg_restore", "--clean", "--if-exists", "--no-owner", "--exit-on-error"]
                + args
                + [str(source / "db.dump")],
                env=env,
                check=True,
            )
        else:
            target = Path(connection.settings_dict["NAME"])
            connection.close()
            shutil.copyfile(source / "db.sqlite3", target)
        media_root = Path(settings.MEDIA_ROOT)
        with (
            tempfile.TemporaryDirectory() as scratch,
            tarfile.open(source / "media.tar.gz") as archive,
        ):
            archive.extractall(scratch, filter="data")
            extracted = Path(scratch) / "media"
            if extracted.exists():
                shutil.copytree(extracted, media_root, dirs_exist_ok=True)

        from cms.cache import clear_page_cache

        clear_page_cache()  # nothing cached from before the restore may be served
        problems = []
        with connection.cursor() as cursor:
            counts = table_counts(cursor)
        for table, expected in manifest["tables"].items():
            if counts.get(table) != expected:
                problems.append(f"{table}: {counts.get(table)} rows, backup had {expected}")
        files = media_manifest(media_root)
        for name, digest in manifest["media"].items():
            if files.get(name) != digest:
                problems.append(f"media {name} missing or different")
        if problems:
            raise CommandError("Restore does not match the backup:\n" + "\n".join(problems))
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {len(counts)} tables and {len(manifest['media'])} media files; "
                "all match the backup."
            )
        )
        return None
