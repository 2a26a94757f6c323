"""Shared fixtures for the browser, accessibility and HTML-validity tests.

* ``require()`` skips a test when a tool (Chromium, Java) is missing, or fails it when the
  environment variable ``REQUIRE_BROWSER=1`` is set (CI), so a broken CI image can never pass
  by silently skipping.
* ``browser`` is one headless Debian Chromium per test module, driven by Playwright's sync API.
* ``demo_site`` builds the full demo site with ``load_demo`` and returns the live server's URL.

Playwright's sync API runs an asyncio event loop in the main thread, so Django would refuse ORM
calls made from the test body (SynchronousOnlyOperation); DJANGO_ALLOW_ASYNC_UNSAFE is the
documented way around that for Playwright + live_server tests. The test body only uses the ORM
synchronously, between browser steps.
"""

import importlib
import io
import os
import shutil
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connections
from django.test import RequestFactory

from wagtail.models import Site

import pytest

# The live server reads the database from its own thread, so tests that use it need real
# commits (transaction=True). The test database is then flushed after each test, which also
# removes what Wagtail's migrations created (root page, default Site, locale, collection);
# serialized_rollback restores that before the next test.
LIVE_SERVER_DB = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Debian's Chromium (never a browser downloaded by Playwright) and the Java that runs vnu.jar;
# both can be pointed elsewhere, e.g. to check that a missing tool skips (or fails under CI).
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
JAVA = os.environ.get("JAVA_PATH") or shutil.which("java") or "/usr/bin/java"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


def required_by_ci() -> bool:
    return os.environ.get("REQUIRE_BROWSER") == "1"


def missing(reason: str, module_level: bool = False):
    """Skip with the reason, or fail with it when CI demands the browser tooling."""
    if required_by_ci():
        pytest.fail(f"{reason} (REQUIRE_BROWSER=1, so this is a failure, not a skip)")
    pytest.skip(reason, allow_module_level=module_level)


def require(tool_path: str, reason: str) -> str:
    """Return ``tool_path`` if it is an executable file; otherwise skip (or fail under CI)."""
    if tool_path and os.path.isfile(tool_path) and os.access(tool_path, os.X_OK):
        return tool_path
    missing(f"{reason}: {tool_path or 'tool'} not found")
    return tool_path  # unreachable: skip/fail raise


def require_module(name: str, reason: str, module_level: bool = False):
    """Import a module the tests need; skip (or fail under CI) when it is not installed."""
    try:
        return importlib.import_module(name)
    except ImportError:
        missing(f"{reason}: Python package {name!r} is not installed", module_level)


@pytest.fixture(scope="module")
def playwright_api():
    require(CHROMIUM, "Debian's Chromium is needed for the browser tests")
    sync_api = require_module("playwright.sync_api", "Playwright drives Chromium")
    # Django keeps database connections in an asgiref Local: thread-local while no event loop
    # runs, but per-context once one does, as it does for as long as Playwright's sync API is
    # active. Without this, tests would get a second connection object that lacks the test
    # database's serialized contents (serialized_rollback) and is not the one shared with the
    # live server thread. So the connections the thread already has are kept in use.
    outside = {alias: connections[alias] for alias in connections}
    with sync_api.sync_playwright() as playwright:
        for alias, connection in outside.items():
            connections[alias] = connection
        yield playwright


@pytest.fixture(scope="module")
def browser(playwright_api):
    """One headless Chromium for every test in the module (never a downloaded browser)."""
    browser = playwright_api.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


def route_requests(base_url: str):
    """Keep the browser on the live server: other hosts (Wagtail's release check, Gravatar)
    are aborted at once instead of timing out offline. /media/ files (image renditions) are
    served from MEDIA_ROOT, as the production web server does; the live server only serves
    static files, so without this every image would be broken."""
    media_prefix = f"{base_url}{settings.MEDIA_URL}"
    root = Path(settings.MEDIA_ROOT).resolve()

    def handle(route):
        url = route.request.url
        if url.startswith(media_prefix):
            path = (root / unquote(urlsplit(url).path)[len(settings.MEDIA_URL) :]).resolve()
            if path.is_relative_to(root) and path.is_file():
                route.fulfill(path=path)
            else:
                route.fulfill(status=404, body="Not found")
        elif url.startswith(f"{base_url}/"):
            route.continue_()
        else:
            route.abort("blockedbyclient")

    return handle


def wait_for_live_server_requests(timeout: float = 10.0):
    """Wait until the live server has finished every request the browser started.

    The server thread shares the test's database connection, so a request still running
    (e.g. the Wagtail editor's background "editing session" ping) while the test database is
    flushed makes the flush fail with "database table is locked"."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        busy = [t for t in threading.enumerate() if "process_request_thread" in t.name]
        if not busy:
            return
        time.sleep(0.05)


@pytest.fixture
def new_page(browser, demo_site):
    """Open a page in a fresh browser context (cookies, viewport); all closed after the test."""
    contexts = []

    def open_page(device=PHONE):
        context = browser.new_context(base_url=demo_site, locale="en-GB", **device)
        context.set_default_timeout(10_000)
        context.route("**/*", route_requests(demo_site))
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()
    wait_for_live_server_requests()


def build_demo_site() -> Site:
    # Caches outlive the flushed test database: stale renditions, form rate-limit counters.
    for cache in caches.all():
        cache.clear()
    call_command("load_demo", stdout=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific_class.__name__ == "HomePage"
    return site


@pytest.fixture
def demo_site(live_server):
    """The demo clinic site, served by the live server; returns its base URL.

    Wagtail's default Site (hostname 'localhost', port 80, is_default_site=True) is the only
    site, so requests to the live server's host:port fall back to it. That is checked here
    rather than assumed."""
    site = build_demo_site()
    host = urlsplit(live_server.url).netloc
    request = RequestFactory().get("/", HTTP_HOST=host)
    assert Site.find_for_request(request) == site, f"{host} does not resolve to the demo site"
    return live_server.url
