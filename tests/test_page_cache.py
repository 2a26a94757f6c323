"""The page cache: anonymous visitors get stored pages; any content change clears them."""

from django.test import override_settings

from wagtail.models import Site

import pytest

from home.models import ClinicSettings
from tests import factories
from tests.helpers import run_python

pytestmark = pytest.mark.usefixtures("page_cache_on")

HEADER = "X-Page-Cache"


@pytest.fixture
def page_cache_on():
    with override_settings(WAGTAIL_CACHE=True):
        yield


def test_second_anonymous_visit_is_served_from_the_cache_without_queries(
    client, article, django_assert_num_queries
):
    first = client.get(article.url)
    assert first[HEADER] == "miss"
    with django_assert_num_queries(0):
        second = client.get(article.url)
    assert second[HEADER] == "hit"
    assert second.content == first.content
    assert "max-age=" in second["Cache-Control"]


def test_publishing_a_change_clears_the_cache(client, article):
    client.get(article.url)
    article.title = "Updated title for visitors"
    article.save_revision().publish()

    response = client.get(article.url)
    assert response[HEADER] == "miss"
    assert b"Updated title for visitors" in response.content


def test_unpublishing_clears_the_cache(client, article):
    client.get(article.url)
    article.unpublish()
    assert client.get(article.url).status_code == 404


def test_clinic_settings_and_snippet_changes_clear_the_cache(client, article):
    client.get("/")
    clinic = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    clinic.phone = "+971 6 555 0177"
    clinic.save()
    home = client.get("/")
    assert home[HEADER] == "miss" and b"+971 6 555 0177" in home.content

    client.get(article.url)
    article.author.name = "Dr Renamed Author"
    article.author.save()
    page = client.get(article.url)
    assert page[HEADER] == "miss" and b"Dr Renamed Author" in page.content


def test_logged_in_editors_always_see_fresh_pages(client, admin_user, article):
    client.force_login(admin_user)
    client.get(article.url)
    assert client.get(article.url)[HEADER] == "skip"


def test_a_first_visit_to_a_form_page_is_not_shared_with_others(client, contact_page):
    """The form carries a CSRF cookie for this visitor: that response is never stored."""
    response = client.get(contact_page.url)
    assert "csrftoken" in response.cookies
    assert response[HEADER] == "skip"


@pytest.mark.parametrize("with_form", ["contact page", "article with the inline form"])
def test_a_returning_visitors_form_page_is_private_and_never_stored(
    client, blog_index, contact_page, with_form
):
    """The page holds this visitor's CSRF token: a second visit (the cookie now sent) is not
    stored either, and the header keeps CDNs and shared proxies from storing it."""
    if with_form == "contact page":
        url = contact_page.url
    else:
        body = [factories.contact_form_block(contact_page)]
        url = factories.BlogPageFactory(parent=blog_index, slug="with-form", body=body).url
    for _ in range(3):
        response = client.get(url)
        assert response.status_code == 200
        assert response[HEADER] == "skip"
        assert {"private", "no-cache"} <= {d.strip() for d in response["Cache-Control"].split(",")}


def test_a_returning_visitor_gets_shared_pages_without_a_form_from_the_cache(
    client, article, contact_page
):
    client.get(contact_page.url)  # now holds a CSRF cookie
    client.get(article.url)
    response = client.get(article.url)
    assert response[HEADER] == "hit"
    assert "private" not in response["Cache-Control"]


def test_search_results_are_not_served_stale(client, blog_index):
    client.get("/search/", {"q": "shoulder"})
    factories.BlogPageFactory(parent=blog_index, title="Shoulder pain").save_revision().publish()
    response = client.get("/search/", {"q": "shoulder"})
    assert b"Shoulder pain" in response.content


def test_publishing_makes_the_renditions_before_any_visitor_arrives(client, blog_index):
    from wagtail.images.models import Rendition

    image = factories.ImageFactory(width=1600, height=900)
    article = factories.BlogPageFactory(parent=blog_index, image=image, live=False)
    assert not Rendition.objects.filter(image=image).exists()

    article.save_revision().publish()

    specs = set(Rendition.objects.filter(image=image).values_list("filter_spec", flat=True))
    hero = {f"fill-{size}|format-webp" for size in ("480x270", "800x450", "1200x675")}
    card = {f"fill-{size}|format-webp" for size in ("400x225", "800x450")}
    assert hero | card <= specs  # the article's hero sizes and the blog index's card sizes
    made = len(specs)
    client.get(article.url)
    client.get(blog_index.url)
    assert Rendition.objects.filter(image=image).count() == made  # none made on first view


def test_the_menu_follows_published_changes(client, home):
    about = factories.StandardPageFactory(parent=home, title="About us", show_in_menus=True)
    assert b">About us</a>" in client.get("/").content
    about.title = "About the clinic"
    about.save_revision().publish()
    assert b">About the clinic</a>" in client.get("/").content
    about.unpublish()
    assert b">About the clinic</a>" not in client.get("/").content


def test_every_search_is_counted_even_with_the_page_cache_on(client, article, monkeypatch):
    from search import views

    counted = []
    monkeypatch.setattr(views, "record_search", counted.append)
    for _ in range(3):
        response = client.get("/search/", {"q": "back pain"})
    assert response[HEADER] == "skip"
    assert counted == ["back pain"] * 3


def test_health_probes_are_never_answered_from_the_page_cache(client, home):
    client.get("/healthz")
    assert client.get("/healthz")[HEADER] == "skip"


def test_a_change_clears_the_store_again_when_its_transaction_commits(
    db, django_capture_on_commit_callbacks
):
    from django.conf import settings
    from django.core.cache import caches

    store = caches[settings.WAGTAIL_CACHE_BACKEND]
    with django_capture_on_commit_callbacks() as callbacks:
        factories.PersonFactory(name="Dr Saved In A Transaction")
    store.set("read-before-commit", "old rows")  # a request between the save and the commit

    for callback in callbacks:
        callback()

    assert store.get("read-before-commit") is None


@pytest.mark.parametrize("redis, expected", [("redis://127.0.0.1:6379/0", "True"), ("", "False")])
def test_the_page_cache_is_on_by_default_only_with_a_shared_store(redis, expected):
    """In local memory every process would keep its own copy and a publish would clear one."""
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("PAGE_CACHE", "REDIS_URL")}
    env.update(DJANGO_SETTINGS_MODULE="cms.settings.dev", REDIS_URL=redis)
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.WAGTAIL_CACHE)"
    )
    result = run_python(code, env)
    assert result.stdout.strip() == expected, result.stderr


@pytest.mark.parametrize(
    "store, expected",
    [
        ("redis://127.0.0.1:6379/7", "redis://127.0.0.1:6379/7"),
        ("", "redis://127.0.0.1:6379/0"),
    ],
)
def test_the_page_store_can_have_a_redis_of_its_own(store, expected):
    """What can be rebuilt may go to a Redis that evicts; the counters stay on REDIS_URL."""
    import os

    env = {k: v for k, v in os.environ.items() if not k.endswith("REDIS_URL")}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        REDIS_URL="redis://127.0.0.1:6379/0",
        PAGE_STORE_REDIS_URL=store,
    )
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(*[settings.CACHES[a]['LOCATION'] for a in ('default', 'pages', 'renditions')])"
    )
    result = run_python(code, env)
    assert result.stdout.split() == ["redis://127.0.0.1:6379/0", expected, expected], result.stderr
