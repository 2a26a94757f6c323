"""Graceful failure: the site keeps serving when Redis is down, and shows a branded 503 (never
a traceback) when the database is down."""

import datetime
import os
import subprocess
import sys
from pathlib import Path

from django.test import override_settings
from django.utils import timezone

import pytest
import time_machine

from contact.forms import make_token
from contact.models import Enquiry
from tests.helpers import run_python

ROOT = Path(__file__).resolve().parent.parent

DEAD_REDIS = "redis://127.0.0.1:1/0"
REDIS_OPTIONS = {
    "CLIENT_CLASS": "django_redis.client.DefaultClient",
    "IGNORE_EXCEPTIONS": True,
    "SOCKET_CONNECT_TIMEOUT": 0.2,
    "SOCKET_TIMEOUT": 0.2,
}
DEAD_CACHES = {
    alias: {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": DEAD_REDIS,
        "OPTIONS": REDIS_OPTIONS,
    }
    for alias in ("default", "renditions", "pages")
}


@pytest.fixture
def redis_down():
    from axes.handlers.proxy import AxesProxyHandler

    with override_settings(
        CACHES=DEAD_CACHES, WAGTAIL_CACHE=True, DJANGO_REDIS_IGNORE_EXCEPTIONS=True
    ):
        AxesProxyHandler.implementation = None  # it keeps a handle on the cache it started with
        yield
    AxesProxyHandler.implementation = None


@pytest.fixture(autouse=True)
def clear_caches():
    """Overrides the suite-wide fixture: the dead Redis cannot be cleared."""
    yield


def test_pages_still_render_with_redis_down(client, article, contact_page, redis_down):
    for url in ["/", "/blog/", article.url, contact_page.url, "/search/?q=back"]:
        assert client.get(url).status_code == 200, url


def test_enquiries_are_still_accepted_with_redis_down(client, contact_page, redis_down):
    with time_machine.travel(timezone.now() - datetime.timedelta(seconds=30)):
        token = make_token()
    response = client.post(
        contact_page.url,
        {
            "full_name": "Noura",
            "phone_number": "050 123 4567",
            "preferred_contact_method": "Phone call",
            "consent": "on",
            "form_token": token,
        },
    )
    assert response.status_code == 302
    assert Enquiry.objects.filter(is_spam=False).count() == 1


def test_staff_can_log_in_with_redis_down(client, django_user_model, redis_down):
    django_user_model.objects.create_superuser("lead", "l@example.com", "correct horse battery")
    with override_settings(AXES_ENABLED=True, AXES_HANDLER="axes.handlers.cache.AxesCacheHandler"):
        response = client.post(
            "/admin/login/", {"username": "lead", "password": "correct horse battery"}
        )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_readyz_reports_the_cache_outage(client, redis_down, db):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "ok", "cache": "unavailable"}


SCRIPT = """
import django
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
for url in ["/", "/blog/", "/contact/", "/search/?q=back"]:
    response = client.get(url)
    print(url, response.status_code, response.get("Retry-After"), "Traceback" in
          response.content.decode(), "back in a moment" in response.content.decode())
"""


def test_database_down_gives_a_branded_503_without_a_traceback():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL="postgres://postgres@127.0.0.1:1/unreachable",
        CLINIC_PHONE="+971 6 555 0100",
    )
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = [line.split() for line in result.stdout.splitlines() if line.startswith("/")]
    assert len(lines) == 4, result.stdout + result.stderr
    for url, status, retry_after, traceback, branded in lines:
        assert (status, retry_after, traceback, branded) == ("503", "60", "False", "True"), url


def test_a_stuck_postgresql_gives_up_in_seconds_not_at_the_worker_timeout():
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "o = settings.DATABASES['default']['OPTIONS']; print(o['connect_timeout'], o['options'])"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/clinic",
        DATABASE_STATEMENT_TIMEOUT_MS="7000",
    )
    env.pop("DATABASE_CONNECT_TIMEOUT", None)
    result = run_python(code, env)
    assert result.stdout.strip() == "5 -c statement_timeout=7000", result.stderr


@pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").split(":")[0] not in ("postgres", "postgresql"),
    reason="a PostgreSQL setting",
)
def test_postgresql_connections_carry_the_statement_timeout(db):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "25s"
