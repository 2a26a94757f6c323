"""The background worker keeps going when one of its tasks fails, and search statistics are
never lost or mixed up on the way from Redis to the database."""

import io

import pytest

from contact.management.commands import run_worker
from search import stats


# --- the worker -------------------------------------------------------------------------------
@pytest.fixture
def worker(monkeypatch):
    """The worker with its tasks recorded (and made to fail on demand), for a few rounds."""
    calls, failing = [], {}

    def task(name):
        def run(*args, **kwargs):
            calls.append(name)
            if failing.get(name):
                failing[name] -= 1
                raise RuntimeError(f"{name} failed")
            return 0

        return run

    monkeypatch.setattr(run_worker, "call_command", lambda name, **kw: task(name)())
    monkeypatch.setattr(run_worker, "send_due", task("send_due"))
    monkeypatch.setattr(run_worker, "flush_search_stats", task("flush_search_stats"))
    command = run_worker.Command(stdout=io.StringIO())

    def rounds(count):
        slept = []

        def sleep(seconds):
            slept.append(seconds)
            if len(slept) == count:
                command.stop()

        monkeypatch.setattr(run_worker.time, "sleep", sleep)
        command.handle(once=False)
        return calls

    rounds.failing = failing
    return rounds


@pytest.mark.django_db
def test_a_failing_task_does_not_stop_the_others_in_the_same_round(worker):
    worker.failing["flush_search_stats"] = 1
    worker.failing["send_due"] = 1
    calls = worker(1)
    assert {"publish_scheduled", "purge_submissions", "send_review_reminders"} <= set(calls)


@pytest.mark.django_db
def test_a_failed_daily_task_is_tried_again_and_the_others_are_not_repeated(worker):
    worker.failing["purge_submissions"] = 1
    calls = worker(3)
    assert calls.count("purge_submissions") == 2  # failed, then done on the next round
    assert calls.count("send_review_reminders") == 1  # done once today: never sent twice


# --- search statistics ------------------------------------------------------------------------
@pytest.fixture
def stats_redis(monkeypatch, settings):
    """A real Redis (database 13) for the statistics, under a key prefix of this test's own."""
    import redis

    client = redis.Redis(host="127.0.0.1", port=6379, db=13, socket_connect_timeout=0.5)
    try:
        client.ping()
    except redis.ConnectionError:
        pytest.skip("needs Redis on 127.0.0.1:6379 (CI starts it)")
    monkeypatch.setattr(stats, "redis_client", lambda: client)
    settings.CACHES = {
        **settings.CACHES,
        "default": {**settings.CACHES["default"], "KEY_PREFIX": "site-a"},
    }
    for key in client.scan_iter(match="site-*"):
        client.delete(key)
    yield client
    for key in client.scan_iter(match="site-*"):
        client.delete(key)


def hits():
    from wagtail.contrib.search_promotions.models import Query

    return {q.query_string: sum(d.hits for d in q.daily_hits.all()) for q in Query.objects.all()}


@pytest.mark.django_db
def test_counts_survive_a_failed_database_write_and_arrive_once(stats_redis, monkeypatch):
    for term in ["back pain", "back pain", "knee"]:
        stats.record_search(term)

    save = stats.save_counts
    monkeypatch.setattr(stats, "save_counts", lambda *a: (_ for _ in ()).throw(RuntimeError))
    with pytest.raises(RuntimeError):
        stats.flush_search_stats()
    assert hits() == {}

    stats.record_search("knee")  # a search while the counts were out
    monkeypatch.setattr(stats, "save_counts", save)
    assert stats.flush_search_stats() == 2
    assert hits() == {"back pain": 2, "knee": 2}
    assert stats.flush_search_stats() == 0  # nothing left behind to count again
    assert list(stats_redis.scan_iter(match="site-a*")) == []


@pytest.mark.django_db
def test_sites_sharing_a_redis_keep_their_counts_apart(stats_redis, settings):
    stats.record_search("sciatica")
    settings.CACHES = {
        **settings.CACHES,
        "default": {**settings.CACHES["default"], "KEY_PREFIX": "site-b"},
    }
    assert stats.flush_search_stats() == 0  # site B's worker leaves site A's counts alone
    settings.CACHES = {
        **settings.CACHES,
        "default": {**settings.CACHES["default"], "KEY_PREFIX": "site-a"},
    }
    assert stats.flush_search_stats() == 1
    assert hits() == {"sciatica": 1}
