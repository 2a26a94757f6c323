"""Page-cache invalidation (and rendition warming): when content changes, cached pages are dropped.

Pages show each other (menus, latest articles, related articles, cards), snippets (people,
categories) and the clinic settings, so any publish, unpublish, move or delete, and any change
to those, clears the whole page cache. That is simple and always right; the cache refills on
the next visit. (The CDN, if configured, is purged by wagtail.contrib.frontend_cache.)
"""

import logging

from django.apps import apps
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.signals import page_published, page_unpublished, post_page_move

logger = logging.getLogger(__name__)


def clear_page_cache(**kwargs):
    """Clear now and, inside a transaction, again once it commits: a request between the two
    could otherwise read the old rows and store them again."""
    clear_store()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(clear_store)


def clear_store():
    from django.conf import settings

    cache = caches[settings.WAGTAIL_CACHE_BACKEND]
    try:
        if hasattr(cache, "delete_pattern"):  # django-redis: only this alias's keys
            cache.delete_pattern("*")
        else:
            cache.clear()
    except Exception:
        # A cache outage must not break publishing; entries expire on their own.
        logger.warning("Could not clear the page cache", exc_info=True)


# What a ``compute`` that found nothing is kept as: a deleted page or an unknown host is then not
# looked for again on every request. (A string, so it unpickles whatever the code becomes.)
MISSING = "cms.cache:missing"


def from_page_store(key, compute, *, when=True, timeout=DEFAULT_TIMEOUT):
    """The value kept under ``key`` in the page cache's store (cleared on any content change),
    computed and kept on a miss, for the store's lifetime (PAGE_CACHE_SECONDS) unless
    ``timeout`` says otherwise: a clear that failed (Redis unreachable) heals by then. ``None``
    is kept too, as MISSING. An entry that no longer unpickles (a class changed in a deploy)
    counts as a miss. When ``when`` is false (the setting that governs the entry is off, see
    SHARED_PAGE_STORE and PAGE_FRAGMENT_CACHE), the value is computed and nothing is kept."""
    from django.conf import settings

    if not when:
        return compute()
    store = caches[settings.WAGTAIL_CACHE_BACKEND]
    try:
        value = store.get(key)
    except Exception:
        logger.warning("Unreadable entry %s in the page store", key, exc_info=True)
        value = None
    if value is None:
        value = compute()
        store.set(key, MISSING if value is None else value, timeout)
    return None if isinstance(value, str) and value == MISSING else value


def clear_after_page_delete(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        clear_page_cache()


def clear_after_alias_created(sender, instance, created=False, **kwargs):
    """A new live alias appears in lists at once, but creating one sends no publish signal."""
    from wagtail.models import Page

    if created and isinstance(instance, Page) and instance.alias_of_id and instance.live:
        clear_page_cache()


def connect_signals():
    from .renditions import warm_renditions

    # Clear first, then render the pages again: the renditions they use are made now.
    page_published.connect(clear_page_cache, dispatch_uid="clear-page-cache-published")
    page_published.connect(warm_renditions, dispatch_uid="warm-renditions-published")
    page_unpublished.connect(clear_page_cache, dispatch_uid="clear-page-cache-unpublished")
    post_page_move.connect(clear_page_cache, dispatch_uid="clear-page-cache-moved")
    post_delete.connect(clear_after_page_delete, dispatch_uid="clear-page-cache-page-deleted")
    post_save.connect(clear_after_alias_created, dispatch_uid="clear-page-cache-alias-created")
    watched = [
        apps.get_model("people", "Person"),
        apps.get_model("blog", "BlogCategory"),
        apps.get_model("wagtailredirects", "Redirect"),
        apps.get_model("wagtailcore", "Site"),
        apps.get_model("wagtailcore", "PageViewRestriction"),  # private pages leave lists
        apps.get_model("taggit", "Tag"),  # renamed tags
        apps.get_model("wagtailimages", "Image"),
        *[m for m in apps.get_models() if issubclass(m, BaseSiteSetting)],
    ]
    for model in watched:
        uid = f"clear-page-cache-{model._meta.label_lower}"
        post_save.connect(clear_page_cache, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(clear_page_cache, sender=model, dispatch_uid=uid + "-delete")
