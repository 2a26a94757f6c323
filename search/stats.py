"""Popular search terms for the marketing team, recorded off the request path.

With Redis, a search costs one HINCRBY on today's hash; the worker moves the counts into Wagtail's
search-promotions tables (Reports → Search terms) every minute. Without Redis (local development)
there is no shared store between the web and worker processes, so the hit is written directly.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string

logger = logging.getLogger(__name__)
KEY_PREFIX = "search-stats:"


def redis_client():
    if not settings.REDIS_URL:
        return None
    from django_redis import get_redis_connection

    return get_redis_connection("default")


def record_search(query: str) -> None:
    term = normalise_query_string(query)[:255]
    if not term:
        return
    client = redis_client()
    if client is None:
        Query.get(term).add_hit()
        return
    try:
        key = f"{KEY_PREFIX}{timezone.localdate().isoformat()}"
        pipe = client.pipeline()
        pipe.hincrby(key, term, 1)
        pipe.expire(key, 60 * 60 * 24 * 8)
        pipe.execute()
    except Exception:
        # Statistics are never worth failing a search for.
        logger.warning("Could not record a search term", exc_info=True)


def flush_search_stats() -> int:
    """Move the counts gathered in Redis into the database; return the number of terms."""
    client = redis_client()
    if client is None:
        return 0
    moved = 0
    for raw_key in client.scan_iter(match=f"{KEY_PREFIX}*"):
        key = raw_key.decode() if isinstance(raw_key, bytes) else raw_key
        date = key.removeprefix(KEY_PREFIX)
        # Take the counts atomically: rename, then read and delete the renamed hash.
        claimed = f"{key}:flushing:{timezone.now().timestamp()}"
        try:
            client.rename(key, claimed)
        except Exception:  # noqa: S112 - the key vanished: another worker took it
            continue
        counts = client.hgetall(claimed)
        with transaction.atomic():
            for raw_term, raw_hits in counts.items():
                term = raw_term.decode() if isinstance(raw_term, bytes) else raw_term
                query = Query.get(term)
                daily, _ = QueryDailyHits.objects.get_or_create(query=query, date=date)
                QueryDailyHits.objects.filter(pk=daily.pk).update(hits=daily.hits + int(raw_hits))
                moved += 1
        client.delete(claimed)
    return moved
