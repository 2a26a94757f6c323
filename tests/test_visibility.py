"""Lists the public sees leave out an alias of a private page (home/visibility.py).

Wagtail serves an alias behind its source page's view restriction, but its ``public()`` looks
only at where a page sits: an alias of a private article, placed in the public blog, was listed
with the private article's title and summary."""

from django.db.models import OuterRef

from wagtail.models import Page, PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from blog.models import BlogPage
from home.visibility import public, restrictions_covering
from tests import factories


@pytest.fixture
def private_with_alias(blog_index):
    """A private article, and an alias of it in the (public) blog."""
    source = factories.BlogPageFactory(
        parent=blog_index, title="Staff only: sciatica protocol", summary="Internal notes."
    )
    alias = source.create_alias(update_slug="sciatica-protocol-alias")
    PageViewRestriction.objects.create(page=source, restriction_type="login")
    return source, alias


def test_the_alias_itself_asks_for_a_login_as_wagtail_serves_it(client, private_with_alias):
    _, alias = private_with_alias
    response = client.get(alias.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_search_leaves_out_an_alias_of_a_private_page(client, private_with_alias):
    html = client.get("/search/", {"q": "sciatica protocol"}).content.decode()
    assert "Staff only" not in html and "Internal notes" not in html
    assert "No pages match" in html


def test_the_blog_listing_and_its_feed_leave_out_an_alias_of_a_private_page(
    client, blog_index, private_with_alias
):
    factories.BlogPageFactory(parent=blog_index, title="A public article")
    listing = client.get(blog_index.url).content.decode()
    assert "A public article" in listing and "Staff only" not in listing
    feed = client.get("/blog/rss.xml").content.decode()
    assert "A public article" in feed and "Staff only" not in feed


def test_the_sitemap_leaves_out_an_alias_of_a_private_page(client, private_with_alias):
    source, alias = private_with_alias
    sitemap = client.get("/sitemap.xml").content.decode()
    assert alias.slug not in sitemap and source.slug not in sitemap
    assert "/blog/</loc>" in sitemap  # the public pages are still listed


def test_related_articles_leave_out_an_alias_of_a_private_page(client, blog_index):
    topic = factories.BlogCategoryFactory()
    article = factories.BlogPageFactory(parent=blog_index, categories=[topic])
    source = factories.BlogPageFactory(parent=blog_index, title="Staff only", categories=[topic])
    source.create_alias(update_slug="staff-only-alias")
    PageViewRestriction.objects.create(page=source, restriction_type="login")

    html = BeautifulSoup(client.get(article.url).content, "html.parser")
    assert "Staff only" not in html.get_text()


def test_a_section_aliased_from_a_private_one_leaves_the_menu_with_its_subpages(client, home):
    private = factories.StandardPageFactory(parent=home, title="Staff area", show_in_menus=True)
    factories.StandardPageFactory(parent=private, title="Rota")
    alias = private.create_alias(parent=home, update_slug="staff-area-alias", recursive=True)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    child_alias = alias.get_children().get()  # an alias of "Rota"

    pages = public(Page.objects.live())
    assert not pages.filter(pk__in=[private.pk, alias.pk, child_alias.pk]).exists()
    assert pages.filter(pk=home.pk).exists()
    menu = BeautifulSoup(client.get("/").content, "html.parser").find("nav")
    assert "Staff area" not in menu.get_text()


def test_an_alias_is_listed_again_once_its_source_is_public(client, private_with_alias):
    source, alias = private_with_alias
    PageViewRestriction.objects.filter(page=source).delete()
    assert set(public(BlogPage.objects.live()).values_list("pk", flat=True)) >= {
        source.pk,
        alias.pk,
    }


def test_lists_and_routing_follow_wagtails_own_rule_for_every_page(
    home, blog_index, private_with_alias
):
    """Wagtail's Page.get_view_restrictions decides who may open a page: every public list
    (the queryset rule) and routing (the subquery) must agree with it, page by page. The tree
    holds a private article and its alias, a private section with a subpage, an alias of
    that subpage (public: Wagtail only looks at an alias's source, not the source's section),
    an alias of the whole section (private, with its subpage's alias), and open pages."""
    section = factories.StandardPageFactory(parent=home, title="Private section")
    below = factories.StandardPageFactory(parent=section, title="Below it")
    PageViewRestriction.objects.create(page=section, restriction_type="password", password="x")
    open_page = factories.StandardPageFactory(parent=home, title="Open page")
    below.create_alias(parent=open_page, update_slug="below-it-alias")
    section.create_alias(parent=home, update_slug="section-alias", recursive=True)

    private_by_wagtail = {
        page.pk for page in Page.objects.all() if Page.get_view_restrictions(page).exists()
    }
    flagged = set(
        Page.objects.filter(restrictions_covering(OuterRef("path"))).values_list("pk", flat=True)
    )
    listed = set(public(Page.objects.all()).values_list("pk", flat=True))
    every_page = set(Page.objects.values_list("pk", flat=True))
    assert len(private_by_wagtail) == 6  # the article, its alias; section, below; their aliases
    assert flagged == private_by_wagtail
    assert listed == every_page - private_by_wagtail
    assert BlogPage.objects.private().count() == 2  # the page type's own queryset agrees
