from wagtail.models import Page, Site

import pytest

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

    for alias in ("default", "renditions"):
        caches[alias].clear()
    yield
