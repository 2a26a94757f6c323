"""The fragment cache (pagefragment) on articles, home and standard pages: the same page for less
work, never stale after a change, never shared where a visitor's own data is shown."""

import datetime
import io
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

from bs4 import BeautifulSoup

from blog.models import BlogPage
from tests import factories
from tests.helpers import page_store_keys, post_preview


def without_form_tokens(response) -> str:
    """The page with its forms' per-visitor hidden values (CSRF token, signed start time)
    blanked."""
    html = response.content.decode()
    return re.sub(r'(<input type="hidden" name="[^"]+" value=")[^"]*"', r'\1"', html)


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(queries)


def test_a_second_view_is_the_same_page_for_fewer_queries(client, blog_index):
    topic = factories.BlogCategoryFactory()
    article = factories.BlogPageFactory(
        parent=blog_index, categories=[topic], image=factories.ImageFactory()
    )
    factories.BlogPageFactory(parent=blog_index, categories=[topic], title="Related one")
    client.get("/")  # the site and the menu in the cache, as on a running site

    first, rendered = queries_for(client, article.url)
    second, cached = queries_for(client, article.url)

    assert second.content == first.content
    assert b"Related one" in second.content
    assert cached < rendered
    assert cached <= 1  # its view restrictions; the route and the fragments come from the store


def test_publishing_an_article_updates_the_related_list_at_once(client, blog_index):
    topic = factories.BlogCategoryFactory()
    author = factories.PersonFactory()
    article = factories.BlogPageFactory(
        parent=blog_index, categories=[topic], author=author, reviewer=author
    )
    draft = factories.BlogPageFactory(
        parent=blog_index,
        categories=[topic],
        title="Brand new related",
        author=author,
        reviewer=author,
        live=False,
    )
    assert b"Brand new related" not in client.get(article.url).content  # cached now

    draft.save_revision().publish()  # only the publish can clear the cache here

    assert b"Brand new related" in client.get(article.url).content


def test_making_a_related_article_private_removes_it_at_once(client, blog_index):
    topic = factories.BlogCategoryFactory()
    article = factories.BlogPageFactory(parent=blog_index, categories=[topic])
    other = factories.BlogPageFactory(parent=blog_index, categories=[topic], title="Soon private")
    assert b"Soon private" in client.get(article.url).content

    PageViewRestriction.objects.create(page=other, restriction_type="login")

    assert b"Soon private" not in client.get(article.url).content


def test_editing_the_author_updates_the_byline(client, blog_index):
    author = factories.PersonFactory(name="Dr. Old Name")
    article = factories.BlogPageFactory(parent=blog_index, author=author)
    assert b"Dr. Old Name" in client.get(article.url).content

    author.name = "Dr. New Name"
    author.save()

    assert b"Dr. New Name" in client.get(article.url).content


def test_an_inline_form_gets_each_visitors_own_csrf_token(client, blog_index, contact_page):
    from django.test import Client

    article = factories.BlogPageFactory(
        parent=blog_index,
        body=[
            {"type": "paragraph", "value": "<p>Text.</p>"},
            factories.contact_form_block(contact_page),
        ],
    )
    segments = BlogPage.objects.get(pk=article.pk).body_segments
    assert [segment["per_visitor"] for segment in segments] == [False, True]

    def token(visitor):
        html = visitor.get(article.url).content.decode()
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    assert token(client) != token(Client())


def test_a_preview_never_shows_the_cached_live_article(client, article, admin_user):
    assert b"Previewed title" not in client.get(article.url).content  # fragments cached
    client.force_login(admin_user)
    preview_url = post_preview(
        client, article, "Previewed title", "Previewed summary", "<p>Previewed body</p>"
    )

    preview = client.get(preview_url).content
    assert b"Previewed title" in preview and b"Previewed body" in preview


def test_staff_see_their_review_notice_on_a_cached_article(client, blog_index, admin_user):
    article = factories.BlogPageFactory(parent=blog_index, last_reviewed=None)
    assert b"Staff only" not in client.get(article.url).content

    client.force_login(admin_user)
    assert b"Staff only" in client.get(article.url).content


def test_the_blocks_around_an_inline_form_come_from_the_cache(client, blog_index, contact_page):
    from django.test import Client

    article = factories.BlogPageFactory(
        parent=blog_index,
        body=[
            {"type": "heading", "value": {"text": "Before", "level": "h2", "anchor": ""}},
            factories.cta_block(contact_page, show_phone=False, show_whatsapp=False),
            factories.contact_form_block(contact_page),
            {"type": "paragraph", "value": "<p>After the form.</p>"},
            factories.image_block(factories.ImageFactory(), alt_text="A stretch"),
        ],
    )
    client.get("/")

    first, rendered = queries_for(client, article.url)
    second, cached = queries_for(Client(), article.url)

    assert cached < rendered
    # Its view restrictions only: the form's page comes from the store with its fields, and
    # the call to action's page and the image belong to cached segments, so none is loaded.
    assert cached == 1
    assert without_form_tokens(second) == without_form_tokens(first)
    assert b"After the form." in second.content and b'id="before"' in second.content


def test_a_field_published_on_the_contact_page_shows_in_every_inline_form_at_once(
    client, blog_index, contact_page
):
    from django.test import Client

    from contact.models import FormField

    article = factories.BlogPageFactory(
        parent=blog_index, body=[factories.contact_form_block(contact_page)]
    )
    assert b"Best time to call" not in client.get(article.url).content  # form page stored
    assert b"Best time to call" not in client.get(contact_page.url).content  # route stored

    page = contact_page.get_latest_revision_as_object()
    page.form_fields.add(
        FormField(label="Best time to call", field_type="singleline", required=False, sort_order=10)
    )
    page.save_revision().publish()

    for url in (article.url, contact_page.url):
        html = BeautifulSoup(Client().get(url).content, "html.parser")
        labels = [label.get_text(strip=True) for label in html.find_all("label")]
        assert "Best time to call" in labels, url


def test_an_inline_form_whose_contact_page_was_deleted_is_not_looked_for_again(
    client, blog_index, contact_page
):
    article = factories.BlogPageFactory(
        parent=blog_index, body=[factories.contact_form_block(contact_page)]
    )
    assert b'name="full_name"' in client.get(article.url).content
    contact_page.delete()

    first, _ = queries_for(client, article.url)
    second, count = queries_for(client, article.url)
    assert b'name="full_name"' not in first.content
    assert count == 1  # its view restrictions only: the missing page is known to be missing


def test_a_contact_page_from_the_store_builds_its_form_without_a_query(client, contact_page):
    client.get("/")
    client.get(contact_page.url)  # the route, with the form's fields, in the store
    response, count = queries_for(client, contact_page.url)
    assert count == 1  # its view restrictions, read on every request
    assert b'name="full_name"' in response.content


def fragment_names() -> set[str]:
    """The names of the template fragments in the page store."""
    return {
        re.search(r"template\.cache\.(.+)\.[0-9a-f]+$", key).group(1).strip('"')
        for key in page_store_keys()
        if "template.cache." in key
    }


def test_an_article_without_a_form_is_kept_as_one_fragment(client, blog_index):
    article = factories.BlogPageFactory(parent=blog_index)
    first = client.get(article.url)
    assert fragment_names() == {"head", "content"}
    assert client.get(article.url).content == first.content


def test_an_article_with_a_form_is_kept_in_parts_around_it(client, blog_index, contact_page):
    article = factories.BlogPageFactory(
        parent=blog_index, body=[factories.contact_form_block(contact_page)]
    )
    client.get(article.url)
    names = fragment_names()
    assert "content" not in names  # the form is per visitor: the parts around it are kept
    assert {"head", "article-header", "article-end"} <= names


def test_image_addresses_in_meta_tags_follow_the_requested_host(client, blog_index):
    article = factories.BlogPageFactory(parent=blog_index, image=factories.ImageFactory())

    def og_image(host):
        html = client.get(article.url, HTTP_HOST=host).content.decode()
        return re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)

    assert og_image("localhost").startswith("http://localhost/")
    assert og_image("127.0.0.1").startswith("http://127.0.0.1/")


def csrf_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_home_from_the_cache_is_the_same_page_for_fewer_queries(client, home, blog_index):
    factories.BlogPageFactory(parent=blog_index, title="Newest advice", image=None)
    home.hero_image = factories.ImageFactory()
    home.save_revision().publish()

    first, rendered = queries_for(client, "/")
    second, cached = queries_for(client, "/")

    assert second.content == first.content
    assert b"Newest advice" in second.content
    assert cached < rendered
    assert cached <= 1  # its view restrictions; the site and the page come from the cache


def test_publishing_an_article_shows_it_on_home_at_once(client, home, blog_index):
    draft = factories.BlogPageFactory(parent=blog_index, title="Just published", live=False)
    assert b"Just published" not in client.get("/").content  # home's fragments cached

    draft.save_revision().publish()  # only the publish can clear the cache here

    assert b"Just published" in client.get("/").content


def test_a_form_in_homes_body_is_each_visitors_own_and_the_rest_is_cached(
    client, home, contact_page
):
    from django.test import Client

    home.body = [
        {"type": "paragraph", "value": "<p>Before the form.</p>"},
        factories.contact_form_block(contact_page),
        {"type": "paragraph", "value": "<p>After the form.</p>"},
    ]
    home.save_revision().publish()

    first, rendered = queries_for(client, "/")
    second, cached = queries_for(Client(), "/")

    assert csrf_token(first.content.decode()) != csrf_token(second.content.decode())
    assert without_form_tokens(second) == without_form_tokens(first)
    assert b"Before the form." in second.content and b"After the form." in second.content
    assert cached < rendered


def test_a_standard_page_lists_a_newly_published_child_at_once(client, home):
    services = factories.StandardPageFactory(parent=home, title="Services")
    factories.StandardPageFactory(parent=services, title="Physiotherapy")
    draft = factories.StandardPageFactory(parent=services, title="Sports massage", live=False)
    client.get("/")

    first, rendered = queries_for(client, services.url)
    second, cached = queries_for(client, services.url)
    assert second.content == first.content and b"Physiotherapy" in second.content
    assert cached < rendered
    assert b"Sports massage" not in second.content

    draft.save_revision().publish()

    assert b"Sports massage" in client.get(services.url).content


def test_renaming_a_parent_updates_a_standard_pages_breadcrumbs(client, home):
    services = factories.StandardPageFactory(parent=home, title="Services")
    child = factories.StandardPageFactory(parent=services, title="Physiotherapy")

    def breadcrumbs():
        html = BeautifulSoup(client.get(child.url).content, "html.parser")
        return [a.get_text() for a in html.select("nav.breadcrumbs a")]

    assert breadcrumbs() == ["Home", "Services"]

    services.title = "Our services"
    services.save_revision().publish()

    assert breadcrumbs() == ["Home", "Our services"]


def test_a_segmented_home_body_keeps_heading_anchors_unique(client, home, contact_page):
    home.body = [
        {"type": "heading", "value": {"text": "Causes", "level": "h2", "anchor": ""}},
        factories.contact_form_block(contact_page),
        {"type": "heading", "value": {"text": "Causes", "level": "h2", "anchor": ""}},
    ]
    home.save_revision().publish()

    for _ in range(2):  # rendered, then from the store
        html = BeautifulSoup(client.get("/").content, "html.parser")
        assert [h["id"] for h in html.select("h2.block-heading")] == ["causes", "causes-2"]


def test_a_medical_review_recorded_outside_a_publish_shows_at_once(
    client, blog_index, django_user_model
):
    from seo.models import record_review

    article = factories.BlogPageFactory(parent=blog_index, reviewer=None)
    clinician = django_user_model.objects.create_user("sara", "s@example.com", "x" * 12)
    factories.PersonFactory(name="Dr Sara Ali", user=clinician)  # (saving a person clears)
    assert b"Dr Sara Ali" not in client.get(article.url).content  # fragments and route kept

    record_review(article.pk, clinician)  # a live revision: the page row is updated directly

    assert b"Dr Sara Ali" in client.get(article.url).content


def test_the_clear_page_cache_command_empties_the_store(client, article):
    from django.core.management import call_command

    client.get(article.url)
    with CaptureQueriesContext(connection) as kept:
        client.get(article.url)

    call_command("clear_page_cache", stdout=io.StringIO())

    with CaptureQueriesContext(connection) as cleared:
        client.get(article.url)
    assert len(cleared) > len(kept)


def test_a_new_alias_is_listed_on_its_parent_at_once(client, home):
    services = factories.StandardPageFactory(parent=home, title="Services")
    about = factories.StandardPageFactory(parent=home, title="About us", slug="about")
    assert b"About us" not in client.get(services.url).content  # the child list is kept

    about.create_alias(parent=services, update_slug="about-us")

    assert b"About us" in client.get(services.url).content


def listing_titles(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [link.get_text(strip=True) for link in soup.select(".card__title a")]


def test_each_blog_listing_is_cached_apart_for_one_query(client, blog_index):
    back = factories.BlogCategoryFactory(name="Back pain", slug="back-pain")
    neck = factories.BlogCategoryFactory(name="Neck pain", slug="neck-pain")
    for n in range(12):
        article = factories.BlogPageFactory(
            parent=blog_index,
            title=f"Article {n:02}",
            date=datetime.date(2026, 1, 1) + datetime.timedelta(days=n),
            categories=[topic for topic, on in ((back, n % 3 == 0), (neck, n % 4 == 1)) if on],
        )
        if n in (2, 5):
            article.tags.add("posture")
            article.save_revision().publish()
    client.get("/")
    expected = {
        "": [f"Article {n:02}" for n in range(11, 1, -1)],
        "?page=2": ["Article 01", "Article 00"],
        "?category=back-pain": ["Article 09", "Article 06", "Article 03", "Article 00"],
        "?category=neck-pain": ["Article 09", "Article 05", "Article 01"],
        "?tag=posture": ["Article 05", "Article 02"],
    }
    first = {query: queries_for(client, blog_index.url + query) for query in expected}
    second = {query: queries_for(client, blog_index.url + query) for query in expected}

    for query, titles in expected.items():
        (rendered_page, rendered), (cached_page, cached) = first[query], second[query]
        assert cached_page.content == rendered_page.content
        assert cached < rendered
        assert cached <= 1  # its view restrictions; the listing comes from the store
        assert listing_titles(cached_page) == titles, query

    # Page numbers are read as numbers: these are page 1, already in the store.
    for query in ("?page=01", "?page=abc", "?page="):
        response, queries = queries_for(client, blog_index.url + query)
        assert queries <= 1
        assert response.content == first[""][0].content


def test_publishing_an_article_puts_it_at_the_top_of_the_listing_at_once(client, blog_index):
    factories.BlogPageFactory(parent=blog_index, title="Older advice")
    draft = factories.BlogPageFactory(
        parent=blog_index, title="Fresh advice", date=datetime.date(2030, 1, 1), live=False
    )
    assert listing_titles(client.get(blog_index.url)) == ["Older advice"]  # cached now

    draft.save_revision().publish()  # only the publish can clear the cache here

    assert listing_titles(client.get(blog_index.url)) == ["Fresh advice", "Older advice"]


def test_pagination_links_keep_the_filter_and_drop_tracking_parameters(client, blog_index):
    back = factories.BlogCategoryFactory(name="Back pain", slug="back-pain")
    for _ in range(11):
        factories.BlogPageFactory(parent=blog_index, categories=[back])

    # The first visitor arrived from a campaign; the second did not. Both get the same links.
    campaign = client.get(blog_index.url + "?category=back-pain&utm_source=newsletter")
    direct = client.get(blog_index.url + "?category=back-pain")

    for response in (campaign, direct):
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.select_one('a[rel="next"]')["href"] == "?category=back-pain&page=2"
