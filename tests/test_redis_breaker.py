"""The cache's Redis circuit breaker (cms/redis.py): after a failed connect, calls fail at once
for a few seconds instead of each waiting for the connect timeout."""

import socket
import time

from django.core.cache import caches

import pytest
from redis.connection import Connection
from redis.exceptions import ConnectionError

from cms import redis as breaker


@pytest.fixture
def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens once the socket is closed


@pytest.fixture(autouse=True)
def closed_breaker():
    breaker.Breaker.open_until = 0.0
    yield
    breaker.Breaker.open_until = 0.0


def test_after_a_failed_connect_redis_is_not_tried_again_for_a_while(closed_port, monkeypatch):
    connection = breaker.BreakerConnection(
        host="127.0.0.1", port=closed_port, socket_connect_timeout=0.2
    )
    with pytest.raises(ConnectionError):
        connection.connect()
    assert breaker.Breaker.open_until > time.monotonic()

    attempts = []
    monkeypatch.setattr(Connection, "_connect", lambda self: attempts.append(1))
    with pytest.raises(ConnectionError, match="not trying again yet"):
        connection.connect()
    assert attempts == []

    breaker.Breaker.open_until = 0.0  # the few seconds have passed
    with pytest.raises(Exception):  # noqa: B017 (the patched _connect returns no socket)
        connection.connect()
    assert attempts  # tried again


def test_the_breaker_is_used_for_redis_and_tls_urls_only():
    assert breaker.pool_kwargs("redis://h:6379/0") == {
        "connection_class": breaker.BreakerConnection
    }
    assert breaker.pool_kwargs("rediss://h:6380/0") == {
        "connection_class": breaker.BreakerSSLConnection
    }
    assert breaker.pool_kwargs("unix:///run/redis.sock") == {}


def test_the_configured_cache_still_stores_and_reads(settings):
    """On the Redis leg this goes through the breaker's connection class."""
    cache = caches["default"]
    cache.set("breaker-check", "ok", 10)
    assert cache.get("breaker-check") == "ok"
    if settings.CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache":
        pool = cache.client.get_client().connection_pool
        assert pool.connection_class is breaker.BreakerConnection
