"""Popular search terms for the marketing team, recorded off the request path.

With Redis, a search costs one HINCRBY on today's hash; the worker moves the counts into Wagtail's
search-promotions tables (Reports → Search terms) every minute. Without Redis (local development)
there is no shared store between the web and worker processes, so the hit is written directly.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string

logger = logging.getLogger(__name__)
DAY_PATTERN = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"  # Redis glob for an ISO date


def key_prefix() -> str:
    """Under the cache's key prefix (CACHE_KEY_PREFIX), so sites sharing a Redis keep their
    counts apart."""
    return f"{settings.CACHES['default'].get('KEY_PREFIX', '')}:search-stats:"


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
        key = f"{key_prefix()}{timezone.localdate().isoformat()}"
        pipe = client.pipeline()
        pipe.hincrby(key, term, 1)
        pipe.expire(key, 60 * 60 * 24 * 8)
        pipe.execute()
    except Exception:
        # Statistics are never worth failing a search for.
        logger.warning("Could not record a search term", exc_info=True)


def flush_search_stats() -> int:
    """Move the counts gathered in Redis into the database; return the number of terms. Each
    day's hash is claimed atomically (renamed), so two workers never count it twice; if the
    database write fails, the counts go back into the day's hash for the next flush."""
    client = redis_client()
    if client is None:
        return 0
    moved = 0
    prefix = key_prefix()
    for raw_key in client.scan_iter(match=f"{prefix}{DAY_PATTERN}"):
        key = raw_key.decode() if isinstance(raw_key, bytes) else raw_key
        date = key.removeprefix(prefix)
        claimed = f"{prefix}flushing:{date}:{timezone.now().timestamp()}"
        try:
            client.rename(key, claimed)
        except Exception:  # noqa: S112 - the key vanished: another worker took it
            continue
        counts = {
            (term.decode() if isinstance(term, bytes) else term): int(hits)
            for term, hits in client.hgetall(claimed).items()
        }
        try:
            save_counts(date, counts)
        except Exception:
            put_back(client, key, counts)
            client.delete(claimed)
            raise
        client.delete(claimed)
        moved += len(counts)
    return moved


def save_counts(date: str, counts: dict[str, int]) -> None:
    with transaction.atomic():
        for term, hits in counts.items():
            query = Query.get(term)
            daily, _ = QueryDailyHits.objects.get_or_create(query=query, date=date)
            QueryDailyHits.objects.filter(pk=daily.pk).update(hits=F("hits") + hits)


def put_back(client, key: str, counts: dict[str, int]) -> None:
    pipe = client.pipeline()
    for term, hits in counts.items():
        pipe.hincrby(key, term, hits)
    pipe.expire(key, 60 * 60 * 24 * 8)
    pipe.execute()
