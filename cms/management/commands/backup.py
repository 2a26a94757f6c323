"""Back up the database and the media files into one folder.

PostgreSQL: `pg_dump --format=custom`; SQLite: SQLite's online backup. Media (filesystem storage)
is archived as media.tar.gz. manifest.json lists the row count of every table and the SHA-256 of
every media file, so a restore can be verified. S3 media is not copied: use bucket versioning
and replication (see the README).
"""

import datetime
import hashlib
import json
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection


def pg_env_and_args(settings_dict) -> tuple[dict, list[str]]:
    import os

    env = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = settings_dict["PASSWORD"]
    args = ["--dbname", settings_dict["NAME"]]
    if settings_dict.get("HOST"):
        args += ["--host", settings_dict["HOST"]]
    if settings_dict.get("PORT"):
        args += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        args += ["--username", settings_dict["USER"]]
    return env, args


def table_counts() -> dict[str, int]:
    counts = {}
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            table = model._meta.db_table
            if table in counts or model._meta.proxy or not model._meta.managed:
                continue
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - table names only
            counts[table] = cursor.fetchone()[0]
    return dict(sorted(counts.items()))


def media_manifest(root: Path) -> dict[str, str]:
    if not root.exists():
        return {}
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


class Command(BaseCommand):
    help = "Back up the database and media into backups/<timestamp>/ (or --output)."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="Folder to write (default backups/<timestamp>).")

    def handle(self, *args, output=None, **options):
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = Path(output or Path(settings.BASE_DIR) / "backups" / stamp)
        target.mkdir(parents=True, exist_ok=False)
        vendor = connection.vendor
        if vendor == "postgresql":
            env, args = pg_env_and_args(connection.settings_dict)
            subprocess.run(  # noqa: S603 - fixed argv, no shell
                ["pg_dump", "--format=custom", "--no-owner", "--file", str(target / "db.dump")]
                + args,
                env=env,
                check=True,
            )
        elif vendor == "sqlite":
            connection.ensure_connection()
            with sqlite3.connect(target / "db.sqlite3") as copy:
                connection.connection.backup(copy)
        else:
            raise CommandError(f"No backup method for the {vendor} database.")
        media_root = Path(settings.MEDIA_ROOT)
        with tarfile.open(target / "media.tar.gz", "w:gz") as archive:
            if media_root.exists():
                archive.add(media_root, arcname="media")
        manifest = {
            "created": stamp,
            "database": vendor,
            "tables": table_counts(),
            "media": media_manifest(media_root),
        }
        (target / "manifest.json").write_text(json.dumps(manifest, indent=1))
        self.stdout.write(self.style.SUCCESS(f"Backup written to {target}"))
        return None
