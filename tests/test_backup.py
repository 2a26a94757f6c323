"""A backup restores into a fresh database and the restored site serves the same pages."""

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from django.core.management import call_command
from django.db import connection

import pytest

ROOT = Path(__file__).resolve().parent.parent
URLS = ["/", "/blog/", "/blog/muscle-spasm-and-back-pain/", "/contact/", "/about/"]

SCRIPT = """
import re, sys, django
django.setup()
from django.test import Client
client = Client()
for url in sys.argv[1:]:
    response = client.get(url)
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S)
    print(url, response.status_code, " ".join(h1.group(1).split()) if h1 else "-")
"""


def summary(client) -> list[str]:
    lines = []
    for url in URLS:
        response = client.get(url)
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S)
        lines.append(f"{url} {response.status_code} {' '.join(h1.group(1).split())}")
    return lines


def fresh_database_url(tmp_path) -> str:
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    import psycopg

    name = "clinic_restore_check"
    admin = psycopg.connect(
        host=settings_dict["HOST"],
        port=settings_dict["PORT"] or 5432,
        user=settings_dict["USER"],
        password=settings_dict["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    with admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    user = settings_dict["USER"]
    host, port = settings_dict["HOST"] or "127.0.0.1", settings_dict["PORT"] or 5432
    return f"postgres://{user}@{host}:{port}/{name}"


def restore_into_a_fresh_database(folder, tmp_path):
    """`manage.py restore` of ``folder`` into a new, empty database and media folder, in a
    process of its own; returns that process's environment and its result."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL=fresh_database_url(tmp_path),
        MEDIA_ROOT=str(tmp_path / "restored-media"),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(folder)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return env, result


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_restores_into_a_fresh_database_and_serves_the_same_pages(client, tmp_path):
    call_command("load_demo", stdout=io.StringIO())
    before = summary(client)
    backup = tmp_path / "backup"
    call_command("backup", output=str(backup), stdout=io.StringIO())
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["tables"]["blog_blogpage"] >= 3
    assert manifest["media"], "the demo images are in the backup"

    env, restore = restore_into_a_fresh_database(backup, tmp_path)
    assert restore.returncode == 0, restore.stdout + restore.stderr
    assert "all match the backup" in restore.stdout
    served = subprocess.run(
        [sys.executable, "-c", SCRIPT, *URLS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    after = [line for line in served.stdout.splitlines() if line.startswith("/")]
    assert after == before, served.stderr
    restored_files = {p.name for p in (tmp_path / "restored-media").rglob("*") if p.is_file()}
    assert {Path(name).name for name in manifest["media"]} <= restored_files


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_taken_while_the_site_writes_still_verifies_on_restore(
    home, tmp_path, monkeypatch
):
    """The counts in the manifest are of what was dumped, not of the live tables a moment
    later: a row written during the backup (here, while the media are archived) would
    otherwise fail every restore's check. The folder is for its owner's eyes only."""
    from taggit.models import Tag

    from cms.management.commands import backup as backup_command

    archive = backup_command.archive_media

    def archive_while_the_site_writes(*args):
        Tag.objects.create(name="written during the backup", slug="late")
        return archive(*args)

    monkeypatch.setattr(backup_command, "archive_media", archive_while_the_site_writes)
    folder = tmp_path / "backup"
    call_command("backup", output=str(folder), stdout=io.StringIO())
    assert (folder.stat().st_mode & 0o777) == 0o700

    _, restore = restore_into_a_fresh_database(folder, tmp_path)
    assert restore.returncode == 0, restore.stdout + restore.stderr
    assert "all match the backup" in restore.stdout
    assert Tag.objects.filter(slug="late").exists()  # it was written, after the snapshot
