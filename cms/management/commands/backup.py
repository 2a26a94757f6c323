"""Back up the database and the media files into one folder.

PostgreSQL: `pg_dump --format=custom`; SQLite: SQLite's online backup. Media (filesystem storage)
is archived as media.tar.gz. manifest.json lists the row count of every table and the SHA-256 of
every media file, so a restore can be verified. The counts are of exactly what was dumped (the
same PostgreSQL snapshot, or the SQLite copy), and each file is hashed from the bytes archived,
so a site taking enquiries during the backup still restores to a verified match. The folder is
readable by its owner only: it holds patients' enquiries. S3 media is not copied: use bucket
versioning and replication (see the README).
"""

import datetime
import hashlib
import io
import json
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction


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


def table_counts(cursor) -> dict[str, int]:
    counts = {}
    for model in apps.get_models(include_auto_created=True):
        table = model._meta.db_table
        if table in counts or model._meta.proxy or not model._meta.managed:
            continue
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - table names only
        counts[table] = cursor.fetchone()[0]
    return dict(sorted(counts.items()))


def dump_postgresql(target: Path) -> dict[str, int]:
    """pg_dump of one snapshot, held open here while it runs; the counts come from the same
    snapshot, so they match the dump whatever the site writes meanwhile."""
    env, args = pg_env_and_args(connection.settings_dict)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        subprocess.run(  # noqa: S603 - fixed argv, no shell
            ["pg_dump", "--format=custom", "--no-owner", "--snapshot", snapshot]
            + ["--file", str(target / "db.dump"), *args],
            env=env,
            check=True,
        )
        return table_counts(cursor)


def dump_sqlite(target: Path) -> dict[str, int]:
    """SQLite's online backup; the counts are read from the copy itself."""
    connection.ensure_connection()
    copy = sqlite3.connect(target / "db.sqlite3")
    try:
        connection.connection.backup(copy)
        return table_counts(copy.cursor())
    finally:
        copy.close()


def media_manifest(root: Path) -> dict[str, str]:
    """The SHA-256 of every file under ``root`` (what a restore is checked against)."""
    if not root.exists():
        return {}
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def archive_media(root: Path, archive_path: Path) -> dict[str, str]:
    """media.tar.gz, and the SHA-256 of each file from the very bytes archived."""
    hashes = {}
    with tarfile.open(archive_path, "w:gz") as archive:
        if not root.exists():
            return hashes
        for path in sorted(root.rglob("*")):
            if not path.is_file():
                continue
            data = path.read_bytes()
            name = str(path.relative_to(root))
            info = archive.gettarinfo(str(path), arcname=f"media/{name}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
            hashes[name] = hashlib.sha256(data).hexdigest()
    return dict(sorted(hashes.items()))


class Command(BaseCommand):
    help = "Back up the database and media into backups/<timestamp>/ (or --output)."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="Folder to write (default backups/<timestamp>).")

    def handle(self, *args, output=None, **options):
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = Path(output or Path(settings.BASE_DIR) / "backups" / stamp)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.mkdir(mode=0o700, exist_ok=False)
        target.chmod(0o700)  # whatever the umask: patients' enquiries are in here
        vendor = connection.vendor
        if vendor == "postgresql":
            tables = dump_postgresql(target)
        elif vendor == "sqlite":
            tables = dump_sqlite(target)
        else:
            raise CommandError(f"No backup method for the {vendor} database.")
        manifest = {
            "created": stamp,
            "database": vendor,
            "tables": tables,
            "media": archive_media(Path(settings.MEDIA_ROOT), target / "media.tar.gz"),
        }
        (target / "manifest.json").write_text(json.dumps(manifest, indent=1))
        self.stdout.write(self.style.SUCCESS(f"Backup written to {target}"))
        return None
