"""Search-engine controls: meta description, canonical, noindex, social tags, sitemap, robots.txt,
feeds and redirects."""

import json
import xml.etree.ElementTree as ET

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from tests import factories

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
ATOM_NS = {"atom": "http://www.w3.org/2005/Atom"}


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def meta(html, **attrs):
    tag = html.find("meta", attrs=attrs)
    return tag["content"] if tag else None


def test_meta_description_prefers_search_description_then_summary(client, blog_index):
    plain = factories.BlogPageFactory(parent=blog_index, summary="The article summary.")
    written = factories.BlogPageFactory(
        parent=blog_index, summary="Summary.", search_description="Written for search."
    )
    assert meta(soup(client.get(plain.url)), name="description") == "The article summary."
    assert meta(soup(client.get(written.url)), name="description") == "Written for search."


def test_seo_title_replaces_the_title_in_head_and_social_tags(client, blog_index):
    article = factories.BlogPageFactory(parent=blog_index, title="Long title", seo_title="Short")
    html = soup(client.get(article.url))
    assert html.title.get_text().startswith("Short |")
    assert meta(html, property="og:title") == "Short"
    assert meta(html, name="twitter:title") == "Short"
    assert html.h1.get_text() == "Long title"


def test_canonical_is_absolute_and_can_be_overridden(client, blog_index):
    own = factories.BlogPageFactory(parent=blog_index, slug="own")
    moved = factories.BlogPageFactory(
        parent=blog_index, slug="moved", canonical_url="https://partner.example/original/"
    )
    assert soup(client.get(own.url)).find("link", rel="canonical")["href"] == (
        "http://testserver/blog/own/"
    )
    html = soup(client.get(moved.url))
    assert html.find("link", rel="canonical")["href"] == "https://partner.example/original/"
    assert meta(html, property="og:url") == "https://partner.example/original/"


def test_noindex_toggle_adds_robots_meta_and_leaves_the_sitemap(client, blog_index):
    hidden = factories.BlogPageFactory(parent=blog_index, slug="hidden", noindex=True)
    shown = factories.BlogPageFactory(parent=blog_index, slug="shown")
    assert meta(soup(client.get(hidden.url)), name="robots") == "noindex"
    assert meta(soup(client.get(shown.url)), name="robots") is None
    locations = sitemap_locations(client)
    assert "http://testserver/blog/shown/" in locations
    assert "http://testserver/blog/hidden/" not in locations


def test_search_results_are_noindex(client, home):
    assert meta(soup(client.get("/search/?q=back")), name="robots") == "noindex"


def test_social_tags_use_the_social_image_else_the_main_image(client, blog_index):
    image = factories.ImageFactory()
    social = factories.ImageFactory()
    main_only = factories.BlogPageFactory(parent=blog_index, slug="main-only", image=image)
    with_social = factories.BlogPageFactory(
        parent=blog_index, slug="social", image=image, social_image=social
    )
    html = soup(client.get(main_only.url))
    og_image = meta(html, property="og:image")
    assert og_image.startswith("http://testserver/") and og_image.endswith(".jpg")
    assert meta(html, name="twitter:card") == "summary_large_image"
    assert meta(html, property="og:type") == "article"
    assert client.get(og_image.replace("http://testserver", "")).status_code in (200, 404)
    other = meta(soup(client.get(with_social.url)), property="og:image")
    assert other != og_image
    assert meta(soup(client.get("/")), name="twitter:card") == "summary"
    assert meta(soup(client.get("/")), property="og:type") == "website"


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    return {
        url.find("sm:loc", SITEMAP_NS).text: url.find("sm:lastmod", SITEMAP_NS)
        for url in root.findall("sm:url", SITEMAP_NS)
    }


def test_sitemap_lists_live_public_pages_with_lastmod(client, blog_index, contact_page):
    live = factories.BlogPageFactory(parent=blog_index, slug="live")
    live.save_revision().publish()
    live.refresh_from_db()
    factories.BlogPageFactory(parent=blog_index, slug="draft", live=False)
    private = factories.BlogPageFactory(parent=blog_index, slug="private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    locations = sitemap_locations(client)

    assert set(locations) == {
        "http://testserver/",
        "http://testserver/blog/",
        "http://testserver/contact/",
        "http://testserver/blog/live/",
    }
    lastmod = locations["http://testserver/blog/live/"].text
    assert lastmod[:10] == live.last_published_at.date().isoformat()


def test_robots_txt_names_the_sitemap_and_disallows_the_admin(client, home):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


@pytest.mark.parametrize("path", ["/blog/rss.xml", "/blog/atom.xml"])
def test_feeds_are_valid_xml_with_live_public_articles_only(client, blog_index, path):
    factories.BlogPageFactory(parent=blog_index, title="Published one", slug="published-one")
    factories.BlogPageFactory(parent=blog_index, title="Draft one", live=False)
    private = factories.BlogPageFactory(parent=blog_index, title="Private one")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    response = client.get(path)

    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    if path.endswith("rss.xml"):
        titles = [item.find("title").text for item in root.iter("item")]
        links = [item.find("link").text for item in root.iter("item")]
    else:
        entries = root.findall("atom:entry", ATOM_NS)
        titles = [entry.find("atom:title", ATOM_NS).text for entry in entries]
        links = [entry.find("atom:link", ATOM_NS).get("href") for entry in entries]
    assert titles == ["Published one"]
    assert links == ["http://testserver/blog/published-one/"]


def test_feeds_are_advertised_in_the_page_head(client, home):
    head = soup(client.get("/")).head
    types = {link["type"]: link["href"] for link in head.find_all("link", rel="alternate")}
    assert types == {
        "application/rss+xml": "/blog/rss.xml",
        "application/atom+xml": "/blog/atom.xml",
    }


def test_redirects_are_enabled(client, blog_index):
    article = factories.BlogPageFactory(parent=blog_index, slug="new-address")
    Redirect.objects.create(old_path="/old-address", redirect_page=article)
    response = client.get("/old-address/")
    assert response.status_code in (301, 302)
    assert response["Location"].endswith("/blog/new-address/")


def test_promote_tab_explains_lengths_to_editors(admin_client, blog_index):
    article = factories.BlogPageFactory(parent=blog_index)
    content = admin_client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert "Aim for 50–60 characters" in content
    assert "Aim for 120–155 characters" in content
    assert "Hide from search engines" in content


def test_a_page_whose_image_file_is_lost_is_served_without_it(client, blog_index, home):
    """Media lost, or a database restored without its media: no 500 on every page."""
    from django.core.cache import caches

    from wagtail.models import Site

    from home.models import ClinicSettings

    image = factories.ImageFactory()
    logo = factories.ImageFactory()
    clinic = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    clinic.logo = logo
    clinic.save()
    article = factories.BlogPageFactory(parent=blog_index, slug="lost-image", image=image)
    for lost in (image, logo):
        lost.renditions.all().delete()
        lost.file.storage.delete(lost.file.name)
    caches["renditions"].clear()

    for url in (article.url, "/"):
        response = client.get(url)
        assert response.status_code == 200, url
        html = soup(response)
        assert meta(html, property="og:image") is None
        assert meta(html, name="twitter:card") == "summary"
        graph = json.loads(html.find("script", type="application/ld+json").string)["@graph"]
        assert not any("image" in node or "logo" in node for node in graph)


def test_the_share_image_states_its_real_size(client, blog_index):
    small = factories.ImageFactory(file__width=640, file__height=400)
    article = factories.BlogPageFactory(parent=blog_index, slug="small-image", image=small)

    html = soup(client.get(article.url))

    width = int(meta(html, property="og:image:width"))
    height = int(meta(html, property="og:image:height"))
    assert (width, height) != (1200, 630)
    assert width <= 640 and height <= 400


def test_a_rich_text_intro_becomes_a_plain_description(client, home):
    page = factories.ContactPageFactory(
        parent=home, slug="booking", intro="<p>Tell us &amp; we call back.</p><p>Open daily.</p>"
    )

    html = soup(client.get(page.url))

    assert meta(html, name="description") == "Tell us & we call back. Open daily."
    assert meta(html, property="og:description") == "Tell us & we call back. Open daily."


def test_a_draft_section_is_named_not_linked_in_the_breadcrumbs(client, home):
    services = factories.StandardPageFactory(parent=home, slug="services", title="Services")
    physio = factories.StandardPageFactory(parent=services, slug="physio", title="Physio")
    services.unpublish()

    html = soup(client.get(physio.url))

    crumbs = html.select("nav.breadcrumbs li")
    assert [li.get_text() for li in crumbs] == ["Home", "Services", "Physio"]
    assert crumbs[1].a is None and crumbs[0].a["href"] == "/"
    graph = json.loads(html.find("script", type="application/ld+json").string)["@graph"]
    trail = next(node for node in graph if node["@type"] == "BreadcrumbList")["itemListElement"]
    assert "item" not in trail[1] and trail[0]["item"] == "http://testserver/"
