"""Every change goes straight into the ``title || body`` index (no GIN pending list).

With PostgreSQL's default ``fastupdate``, new and changed index entries wait in a pending list
that every search reads through, unsorted, until a VACUUM merges it. After a bulk load (the
1,000-article demo, an import, ``update_index``) that list held 464 pages, and until autovacuum
ran, searching for "back pain" took 51 ms instead of 29 ms and a search with no results 19 ms
instead of 7 (README, "Benchmarks"). A clinic publishes a few pages a day, so making each
publish update the index at once costs nothing anyone notices. The pending list already there
is merged now.
"""

from django.db import migrations

INDEX = "search_indexentry_document_gin"


def without_pending_list(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        # Merge the pending list first: ALTER INDEX locks out searches and publishes until the
        # migration commits, so it should not wait on the merge.
        schema_editor.execute(
            "SELECT gin_clean_pending_list(oid) FROM pg_class WHERE relname = %s", [INDEX]
        )
        schema_editor.execute(f"ALTER INDEX IF EXISTS {INDEX} SET (fastupdate = off)")


def with_pending_list(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER INDEX IF EXISTS {INDEX} RESET (fastupdate)")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_index_entry_document_index")]

    operations = [migrations.RunPython(without_pending_list, with_pending_list)]
