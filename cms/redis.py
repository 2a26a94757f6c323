"""A circuit breaker for the cache's Redis connections.

With Redis unreachable (packets dropped rather than refused), every cache call would wait for
the connect timeout, and redis-py retries the connect, so a page making several cache calls
could take seconds. After a failed connect, this process stops trying for a few seconds and
each cache call fails at once (django-redis then answers as a cache miss). A stopped Redis
refuses connections at once anyway; this is for the slow kind of outage.
"""

import time

from redis.connection import Connection, SSLConnection
from redis.exceptions import ConnectionError, TimeoutError

RETRY_AFTER_SECONDS = 5.0


class Breaker:
    """Per process: until when Redis is not tried again."""

    open_until = 0.0


class CircuitBreakerMixin:
    def connect(self):
        if time.monotonic() < Breaker.open_until:
            raise ConnectionError("Redis was unreachable moments ago; not trying again yet")
        try:
            return super().connect()
        except (ConnectionError, TimeoutError):
            Breaker.open_until = time.monotonic() + RETRY_AFTER_SECONDS
            raise


class BreakerConnection(CircuitBreakerMixin, Connection):
    pass


class BreakerSSLConnection(CircuitBreakerMixin, SSLConnection):
    pass


def pool_kwargs(url: str) -> dict:
    """django-redis CONNECTION_POOL_KWARGS for REDIS_URL: the breaker for redis:// and
    rediss:// (TLS); a unix socket keeps redis-py's own connection class."""
    if url.startswith("rediss://"):
        return {"connection_class": BreakerSSLConnection}
    if url.startswith("redis://"):
        return {"connection_class": BreakerConnection}
    return {}
