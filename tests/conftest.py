from wagtail.models import Page, Site

import pytest

from home.models import ClinicSettings
from tests import factories


@pytest.fixture
def home(db):
    """A site whose root is our HomePage, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    home = factories.HomePageFactory(parent=root)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.hostname = "testserver"
    site.save()
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    ClinicSettings.for_site(site)  # as load_demo does; otherwise the first request creates them
    return home


@pytest.fixture
def blog_index(home):
    return factories.BlogIndexPageFactory(parent=home)


@pytest.fixture
def contact_page(home):
    return factories.ContactPageFactory(parent=home)


@pytest.fixture
def article(blog_index):
    return factories.BlogPageFactory(parent=blog_index, slug="test-article")


@pytest.fixture(autouse=True)
def clear_caches():
    """Tests share the cache server in the PostgreSQL + Redis run: start each one clean."""
    from django.core.cache import caches

    for alias in ("default", "renditions", "pages"):
        caches[alias].clear()
    yield


@pytest.fixture
def no_fragment_cache(settings):
    """Render every part of every page (no pagefragment, and no route, from the page store): for
    tests that count what an uncached render costs."""
    settings.PAGE_FRAGMENT_CACHE = False


class SMTPSink:
    """A real SMTP server on loopback (aiosmtpd) that keeps what it receives; it can be stopped
    and started again on the same port to simulate an outage."""

    def __init__(self):
        import socket

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.messages = []
        self.controller = None
        self.gate = None  # a threading.Event: when set up, each message waits for it
        import threading

        self.receiving = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        import asyncio
        import email

        self.receiving.set()
        if self.gate is not None:
            await asyncio.get_running_loop().run_in_executor(None, self.gate.wait, 15)
        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 Message accepted"

    def start(self):
        from aiosmtpd.controller import Controller

        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def smtp_server(settings):
    sink = SMTPSink()
    sink.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = sink.port
    settings.EMAIL_TIMEOUT = 2
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    yield sink
    sink.stop()
