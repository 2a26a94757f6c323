"""Helpers shared by tests: driving the Wagtail admin, and reading settings in a fresh
process."""

import subprocess
import sys
from pathlib import Path

from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield


def post_preview(client, page, title, summary, body_html):
    """Send unsaved edits of an article to the admin's preview, as the editor's preview panel
    does; return the preview's address. ``client`` must be logged in as an editor."""
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = client.get(edit_url).context["form"]
    data = {k: v for k, v in form.initial.items() if isinstance(v, str | int)}
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    payload = nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "summary": summary,
            "date": str(page.date),
            "tags": "",
            "body": streamfield([("paragraph", rich_text(body_html))]),
        }
    )
    payload.update({k: v for k, v in data.items() if k not in payload and k != "body"})
    assert client.post(preview_url, payload).json()["is_valid"] is True
    return preview_url


def run_python(code, env) -> subprocess.CompletedProcess:
    """``python -c code`` in the project with ``env``: settings are read once per process, so
    a test of what an environment variable does needs a process of its own."""
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def page_store_keys() -> list[str]:
    """Every key in the page store, local memory or Redis (with the cache's prefix)."""
    from django.conf import settings

    return cache_keys(settings.WAGTAIL_CACHE_BACKEND)


def cache_keys(alias: str = "default") -> list[str]:
    """Every key in the cache ``alias``, local memory or Redis (with the cache's prefix)."""
    from django.core.cache import caches

    store = caches[alias]
    return store.keys("*") if hasattr(store, "keys") else list(store._cache)
