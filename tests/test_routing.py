"""Routing in one query (home/routing.py) finds exactly the page Wagtail's own routing finds, and
keeps Wagtail's privacy rules."""

from time import time

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction, Site

import pytest
from bs4 import BeautifulSoup

from home import routing
from home.models import HomePage
from tests import factories
from tests.helpers import page_store_keys


@pytest.fixture
def services(home):
    services = factories.StandardPageFactory(parent=home, title="Services", slug="services")
    physio = factories.StandardPageFactory(parent=services, title="Physio", slug="physio")
    sports = factories.StandardPageFactory(parent=physio, title="Sports", slug="sports")
    return services, physio, sports


def wagtail_route(home, path):
    """What Wagtail's own Page.route answers for the same path."""
    request = None
    components = [part for part in path.split("/") if part]
    return Page.route(home, request, components).page


@pytest.mark.parametrize("path", ["/services/", "/services/physio/", "/services/physio/sports/"])
def test_nested_pages_route_to_the_same_page_as_wagtail(client, home, services, path):
    response = client.get(path)

    assert response.status_code == 200
    assert response.context["page"].pk == wagtail_route(home, path).pk
    assert type(response.context["page"]) is type(wagtail_route(home, path).specific)


def test_an_article_routes_with_its_parent_and_breadcrumbs_known(client, article, blog_index):
    response = client.get(article.url)

    page = response.context["page"]
    assert page.pk == article.pk
    assert [ancestor.pk for ancestor in page.breadcrumb_ancestors] == [
        blog_index.get_parent().pk,
        blog_index.pk,
    ]
    assert b'<nav class="breadcrumbs"' in response.content


@pytest.mark.parametrize(
    "path", ["/services/nope/", "/nope/physio/", "/services/sports/", "/physio/", "/services/x/y/"]
)
def test_paths_that_are_not_a_chain_of_children_are_not_found(client, services, path):
    assert client.get(path).status_code == 404


def test_a_same_slug_elsewhere_in_the_tree_is_not_confused_with_the_child(client, home, services):
    _, physio, _ = services
    about = factories.StandardPageFactory(parent=home, slug="about")
    factories.StandardPageFactory(parent=about, slug="sports", title="Elsewhere")

    response = client.get("/about/sports/")
    assert response.context["page"].title == "Elsewhere"
    assert client.get("/services/physio/sports/").context["page"].get_parent().pk == physio.pk


def test_a_draft_page_is_not_found_but_its_live_children_are(client, services):
    services_page, physio, _ = services
    physio.unpublish()

    assert client.get("/services/physio/").status_code == 404
    assert client.get("/services/physio/sports/").status_code == 200  # as in Wagtail


@pytest.fixture(params=["from the store", "routed in full"])
def fragment_cache(request, settings):
    """Both ways a request is routed: the route kept in the page store (its restrictions read
    on every request), or the routing query, which also says whether any restriction covers
    the page."""
    settings.PAGE_FRAGMENT_CACHE = request.param == "from the store"


def restriction_queries(queries) -> list[str]:
    """The restriction check's own query (get_view_restrictions), not the routing query."""
    check = 'FROM "wagtailcore_pageviewrestriction" WHERE "wagtailcore_pageviewrestriction"'
    return [q["sql"] for q in queries.captured_queries if check in q["sql"]]


def test_a_private_ancestor_still_asks_for_a_login(
    client, services, django_user_model, fragment_cache
):
    services_page, _, _ = services
    PageViewRestriction.objects.create(page=services_page, restriction_type="login")

    response = client.get("/services/physio/sports/")
    assert response.status_code == 302
    assert "next=/services/physio/sports/" in response["Location"]

    user = django_user_model.objects.create_user("reader", password="a-long-password-1")
    client.force_login(user)
    assert client.get("/services/physio/sports/").status_code == 200


def test_a_password_on_an_aliased_source_page_protects_the_alias(
    client, home, services, fragment_cache
):
    services_page, physio, _ = services
    about = factories.StandardPageFactory(parent=home, slug="about")
    alias = physio.create_alias(parent=about, update_slug="physio-alias")
    PageViewRestriction.objects.create(page=physio, restriction_type="password", password="x")

    response = client.get("/about/physio-alias/")
    assert response.status_code == 200
    assert b"password" in response.content.lower()
    assert list(alias.get_view_restrictions()) == list(Page.get_view_restrictions(alias))
    assert list(Page.get_view_restrictions(alias)) == list(physio.get_view_restrictions())


def test_a_restriction_on_the_page_itself_asks_for_a_login(client, article, fragment_cache):
    assert client.get(article.url).status_code == 200
    PageViewRestriction.objects.create(page=article, restriction_type="login")

    response = client.get(article.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_page_under_an_aliased_section_still_checks_the_aliases_source(
    client, home, services, fragment_cache
):
    """Routed through an alias of a private section, a child keeps Wagtail's rule: the path
    holds the alias, not its source, so routing cannot say "no restriction" there."""
    services_page, physio, _ = services
    about = factories.StandardPageFactory(parent=home, slug="about")
    alias = physio.create_alias(parent=about, update_slug="physio-alias")
    factories.StandardPageFactory(parent=alias, slug="child", title="Under the alias")
    PageViewRestriction.objects.create(page=physio, restriction_type="login")

    response = client.get("/about/physio-alias/child/")
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_page_under_a_public_alias_needs_no_restriction_query(
    client, home, services, no_fragment_cache
):
    """The routing query's subquery follows aliases to their source (home/visibility.py), so
    a page under an alias of a public section is served without Wagtail's separate check."""
    _, physio, _ = services
    about = factories.StandardPageFactory(parent=home, slug="about")
    alias = physio.create_alias(parent=about, update_slug="physio-alias")
    factories.StandardPageFactory(parent=alias, slug="child", title="Under the alias")

    with CaptureQueriesContext(connection) as queries:
        assert client.get("/about/physio-alias/child/").status_code == 200
    assert restriction_queries(queries) == []


def test_routing_in_full_reads_no_restrictions_for_a_public_page(
    client, article, no_fragment_cache
):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(article.url).status_code == 200
    assert restriction_queries(queries) == []
    assert len(routing_queries(queries)) == 1  # the routing query answered it


def test_a_page_from_the_store_reads_its_restrictions_on_each_request(client, article):
    client.get(article.url)  # the route is kept
    with CaptureQueriesContext(connection) as queries:
        assert client.get(article.url).status_code == 200
    assert routing_queries(queries) == []
    assert len(restriction_queries(queries)) == 1


def test_routing_an_article_costs_two_queries_after_the_site_root(client, article):
    request = client.get("/").wsgi_request
    home = HomePage.objects.get()
    with CaptureQueriesContext(connection) as queries:
        result = home.route(request, ["blog", article.slug])
    assert result.page.pk == article.pk
    assert len(queries) == 2  # every page on the path, then the article with its image/authors


def test_a_page_type_with_its_own_route_falls_back_to_wagtails_routing(
    client, services, monkeypatch
):
    class Routable(Page):
        class Meta:
            abstract = True

    monkeypatch.setattr(routing, "custom_routers", lambda: frozenset({HomePage, Routable}))
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/services/physio/sports/")
    assert response.status_code == 200
    assert any("\"slug\" = 'sports'" in query["sql"] for query in queries.captured_queries)


def test_the_site_and_its_home_page_come_from_the_cache_until_the_site_changes(client, home):
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    assert not any("wagtailcore_site" in query["sql"] for query in queries.captured_queries)

    new_home = factories.HomePageFactory(
        parent=Page.get_first_root_node(), slug="new-home", hero_heading="A new front page"
    )
    site = Site.objects.get(is_default_site=True)
    site.root_page = new_home
    site.save()

    assert b"A new front page" in client.get("/").content


def test_health_probes_do_not_touch_the_cache(client, home, monkeypatch):
    monkeypatch.setattr(routing, "find_site", lambda request: pytest.fail("cache used"))
    assert client.get("/healthz").status_code == 200


def test_without_a_shared_cache_the_site_is_read_on_every_request(client, home, settings):
    settings.SHARED_PAGE_STORE = False
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            client.get("/")
        assert any("wagtailcore_site" in query["sql"] for query in queries.captured_queries)


def test_without_a_shared_cache_menu_and_clinic_settings_are_never_kept(client, home, settings):
    # Each gunicorn worker would otherwise keep its own copy, and a change would reach only
    # the worker that saved it: the others would show the old menu or phone number.
    settings.SHARED_PAGE_STORE = False
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            client.get("/")
        tables = " ".join(query["sql"] for query in queries.captured_queries)
        assert "home_clinicsettings" in tables and "show_in_menus" in tables
    assert not [key for key in page_store_keys() if "main-menu" in key or "clinic-settings" in key]


def routing_queries(queries) -> list[str]:
    return [
        q["sql"] for q in queries.captured_queries if '"wagtailcore_page"."slug" IN' in q["sql"]
    ]


def test_a_known_path_is_routed_from_the_cache_until_the_page_is_unpublished(client, article):
    assert client.get(article.url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(article.url).status_code == 200
    assert routing_queries(queries) == []
    assert len(queries) == 1  # its view restrictions, checked on every request

    article.unpublish()

    assert client.get(article.url).status_code == 404


def test_a_moved_page_is_served_at_its_new_address_only(client, home, services):
    services_page, physio, sports = services
    old_url = sports.url
    assert client.get(old_url).status_code == 200

    sports.move(services_page, pos="last-child")

    moved = client.get(old_url)  # Wagtail's automatic redirect, not the cached page
    assert (moved.status_code, moved["Location"]) == (301, "/services/sports/")
    assert client.get("/services/sports/").status_code == 200


def test_an_unknown_path_is_looked_up_each_time_and_never_kept(client, home):
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/no-such-page/").status_code == 404
        assert len(routing_queries(queries)) == 1


def test_without_the_fragment_cache_every_request_routes_in_the_database(client, article, settings):
    settings.PAGE_FRAGMENT_CACHE = False
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(article.url).status_code == 200
        assert len(routing_queries(queries)) == 1


def test_a_restriction_added_after_the_route_was_kept_is_still_enforced(client, article):
    assert client.get(article.url).status_code == 200  # the route is in the store now
    # bulk_create sends no signal, so the store is not cleared: only the per-request check
    # can catch the new restriction.
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=article, restriction_type=PageViewRestriction.LOGIN)]
    )

    response = client.get(article.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_draft_pages_address_is_never_kept(client, blog_index):
    draft = factories.BlogPageFactory(parent=blog_index, slug="draft", live=False)
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/blog/draft/").status_code == 404
        assert len(routing_queries(queries)) == 1
    assert draft.pk


def test_kept_routes_leave_the_home_page_out_and_get_it_back(client, home, services):
    services_page, physio, sports = services
    client.get(sports.url)  # kept
    response = client.get(sports.url)  # from the store

    page = response.context["page"]
    assert [p.pk for p in page.route_ancestors] == [home.pk, services_page.pk, physio.pk]
    assert page.get_parent().pk == physio.pk
    assert page.route_ancestors[1].get_parent().pk == home.pk
    breadcrumbs = BeautifulSoup(response.content, "html.parser").select("nav.breadcrumbs a")
    assert [a.get_text() for a in breadcrumbs] == ["Home", "Services", "Physio"]


def test_a_value_found_missing_is_kept_so_it_is_not_looked_for_again():
    from cms.cache import from_page_store

    looked_for = []

    def find():
        looked_for.append(1)

    assert from_page_store("missing-check", find) is None
    assert from_page_store("missing-check", find) is None
    assert len(looked_for) == 1


def test_with_the_store_off_nothing_is_kept(settings):
    from cms.cache import from_page_store

    assert from_page_store("off-check", lambda: "computed", when=False) == "computed"
    assert from_page_store("off-check", lambda: "again", when=False) == "again"
    assert not [key for key in page_store_keys() if "off-check" in key]


def test_entries_in_the_page_store_expire_with_the_page_cache(settings):
    from django.core.cache import caches

    from cms.cache import from_page_store

    store = caches[settings.WAGTAIL_CACHE_BACKEND]
    from_page_store("lifetime-check", lambda: "value")
    if hasattr(store, "ttl"):  # django-redis
        remaining = store.ttl("lifetime-check")
    else:  # local memory
        remaining = store._expire_info[store.make_and_validate_key("lifetime-check")] - time()
    assert 0 < remaining <= settings.PAGE_CACHE_SECONDS
