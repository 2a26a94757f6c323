"""Every page type renders with realistic content, and the page tree keeps its shape."""

from wagtail.models import Page

import pytest
from bs4 import BeautifulSoup

from blog.models import BlogIndexPage, BlogPage
from contact.models import ContactPage
from home.models import HomePage, StandardPage
from tests import factories


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_home_page_shows_hero_and_latest_live_articles_newest_first(client, blog_index):
    import datetime

    older = factories.BlogPageFactory(
        parent=blog_index, title="Older article", date=datetime.date(2026, 1, 1)
    )
    newer = factories.BlogPageFactory(
        parent=blog_index, title="Newer article", date=datetime.date(2026, 6, 1)
    )
    draft = factories.BlogPageFactory(parent=blog_index, title="Draft article", live=False)

    response = client.get("/")

    assert response.status_code == 200
    html = soup(response)
    assert html.h1.get_text(strip=True) == "Physiotherapy and family care, 7 days a week"
    titles = [a.get_text(strip=True) for a in html.select(".card--article .card__title a")]
    assert titles == [newer.title, older.title]
    assert draft.title not in response.content.decode()


def test_every_page_has_one_h1_a_skip_link_and_landmarks(client, article, contact_page):
    for url in ["/", "/blog/", article.url, contact_page.url, "/search/?q=back"]:
        html = soup(client.get(url))
        assert len(html.find_all("h1")) == 1, url
        skip = html.find("a", class_="skip-link")
        assert skip["href"] == "#main", url
        assert html.find("main", id="main") is not None, url
        assert html.find("header") is not None and html.find("footer") is not None, url
        assert html.find("nav", attrs={"aria-label": "Main"}) is not None, url


def test_standard_page_renders_intro_body_and_child_pages(client, home):
    services = factories.StandardPageFactory(parent=home, title="Services", slug="services")
    factories.StandardPageFactory(parent=services, title="Physiotherapy", intro="Move better.")

    response = client.get(services.url)

    assert response.status_code == 200
    assert b"Standard page text." in response.content
    assert b"Physiotherapy" in response.content and b"Move better." in response.content


def test_article_shows_author_reviewer_dates_and_body(client, article):
    response = client.get(article.url)

    assert response.status_code == 200
    html = soup(response)
    byline = html.find("dl", class_="byline").get_text(" ", strip=True)
    assert f"Written by {article.author.display_name}" in byline
    assert f"Medically reviewed by {article.reviewer.display_name}" in byline
    assert article.last_reviewed.strftime("%Y-%m-%d") in str(html.find("dl", class_="byline"))
    assert html.find("h2", id="causes").get_text() == "Causes"
    assert html.find("meta", attrs={"name": "description"})["content"] == article.summary


def test_article_is_served_at_blog_slug(client, article):
    assert article.url == "/blog/test-article/"
    assert client.get("/blog/test-article/").status_code == 200


def test_contact_page_renders_labelled_form_fields(client, contact_page):
    response = client.get(contact_page.url)

    assert response.status_code == 200
    html = soup(response)
    form = html.find("form", class_="form")
    assert form["method"] == "post" and form["action"] == contact_page.url
    for field in form.find_all(["input", "textarea", "select"]):
        if field.get("type") in {"hidden", "radio"}:
            continue
        assert form.find("label", attrs={"for": field["id"]}) is not None, field
    assert (
        form.find("fieldset")
        .find("legend")
        .get_text(strip=True)
        .startswith("Preferred contact method")
    )


def test_unknown_address_gets_the_branded_404(client, home):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    html = soup(response)
    assert html.h1.get_text() == "Sorry, we can’t find that page"
    assert html.find("a", class_="skip-link") is not None


def test_500_page_is_static_and_standalone():
    from django.template.loader import get_template

    html = get_template("500.html").render({})
    assert "Sorry, something went wrong" in html
    assert "Traceback" not in html


@pytest.mark.parametrize(
    ("model", "allowed_parents"),
    [
        (HomePage, {Page}),
        (StandardPage, {HomePage, StandardPage}),
        (BlogIndexPage, {HomePage}),
        (BlogPage, {BlogIndexPage}),
        (ContactPage, {HomePage}),
    ],
)
def test_page_tree_rules(model, allowed_parents):
    assert set(model.allowed_parent_page_models()) == allowed_parents


def test_articles_are_leaves_and_singletons_are_single(home, blog_index):
    assert BlogPage.allowed_subpage_models() == []
    assert ContactPage.allowed_subpage_models() == []
    assert not BlogIndexPage.can_create_at(home)  # one blog index already exists
    assert not HomePage.can_create_at(Page.get_first_root_node())
    assert BlogPage.can_create_at(blog_index)
    assert not BlogPage.can_create_at(home)


def test_headings_never_skip_a_level(client, home):
    """Screen-reader users navigate by headings: after an h1 comes an h2, never an h3."""
    import io

    from django.core.management import call_command

    call_command("load_demo", stdout=io.StringIO())
    urls = ["/", "/blog/", "/blog/muscle-spasm-and-back-pain/", "/contact/", "/about/"]
    for url in urls + ["/search/?q=back", "/missing/"]:
        html = soup(client.get(url))
        levels = [int(h.name[1]) for h in html.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
        assert levels and levels[0] == 1, url
        for before, after in zip(levels, levels[1:], strict=False):
            assert after <= before + 1, (url, levels)


def test_a_topic_or_tag_that_does_not_exist_is_a_404_and_keeps_nothing(client, blog_index):
    from tests.helpers import page_store_keys

    category = factories.BlogCategoryFactory(name="Back pain", slug="back-pain")
    article = factories.BlogPageFactory(parent=blog_index, categories=[category])
    article.tags.add("posture")
    article.save_revision().publish()
    keys_before = set(page_store_keys())

    for query in ("?tag=clinic-closed-call-0501234567", "?category=call-us-now"):
        response = client.get(blog_index.url + query)
        assert response.status_code == 404, query
        assert b"clinic-closed" not in response.content and b"call-us-now" not in response.content

    assert not [key for key in set(page_store_keys()) - keys_before if "listing" in key]
    assert client.get(blog_index.url + "?category=back-pain").status_code == 200


def test_a_tag_listing_is_headed_with_the_tags_name(client, blog_index):
    article = factories.BlogPageFactory(parent=blog_index)
    article.tags.add("Desk posture")
    article.save_revision().publish()
    slug = article.tags.get().slug

    response = client.get(f"{blog_index.url}?tag={slug}")

    assert response.status_code == 200
    h1 = BeautifulSoup(response.content, "html.parser").h1.get_text()
    assert h1.endswith("tagged “Desk posture”")


def test_the_home_button_is_left_out_while_its_page_is_unpublished(client, home, contact_page):
    home.hero_cta_page = contact_page
    home.hero_cta_text = "Book a free evaluation"
    home.save_revision().publish()
    assert BeautifulSoup(client.get("/").content, "html.parser").select_one(".hero a.button")

    contact_page.unpublish()

    html = BeautifulSoup(client.get("/").content, "html.parser")
    assert html.select_one(".hero a.button") is None


def test_the_logo_is_sharp_on_high_density_screens(client, home):
    from wagtail.models import Site

    from home.models import ClinicSettings

    clinic = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    clinic.logo = factories.ImageFactory(file__width=400, file__height=200)
    clinic.save()

    logo = BeautifulSoup(client.get("/").content, "html.parser").select_one(
        ".site-header__brand img"
    )

    one, two = (candidate.split() for candidate in logo["srcset"].split(", "))
    assert (one[1], two[1]) == ("1x", "2x")
    assert logo["src"] == one[0] and one[0] != two[0]
    assert (logo["width"], logo["height"]) == ("96", "48")
    assert logo["alt"] == clinic.name
