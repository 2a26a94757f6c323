"""Article furniture: table of contents, reading time, references, related articles, the medical
disclaimer and the "last updated" date."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.blocks import StructBlockValidationError
from wagtail.models import PageViewRestriction, Site

import pytest
from bs4 import BeautifulSoup

from home.blocks import ReferenceBlock
from home.models import ClinicSettings
from tests import factories


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level, "anchor": ""}}


def test_table_of_contents_links_to_every_heading_with_h3_nested(client, blog_index):
    article = factories.BlogPageFactory(
        parent=blog_index,
        body=[
            heading("Causes"),
            heading("In the gym", "h3"),
            heading("Treatment"),
            factories.faq_block([("Q?", "<p>A.</p>")], heading="Questions"),
        ],
    )
    html = soup(client.get(article.url))
    nav = html.find("nav", attrs={"aria-labelledby": "toc-heading"})
    assert nav.find(id="toc-heading").get_text() == "On this page"
    top = nav.ol.find_all("li", recursive=False)
    assert [li.a.get_text() for li in top] == ["Causes", "Treatment", "Questions"]
    assert [a.get_text() for a in top[0].ol.find_all("a")] == ["In the gym"]
    for link in nav.find_all("a"):
        target = link["href"].removeprefix("#")
        assert html.find(id=target) is not None, target
        assert html.find(id=target).name in ("h2", "h3")


def test_blocks_inside_a_section_take_an_h3_and_nest_in_the_contents(client, blog_index):
    """An FAQ or callout placed under a sub-heading keeps the outline (no jump back to H2)."""
    callout = {
        "type": "callout",
        "value": {
            "style": "warning",
            "heading": "Stop if it hurts",
            "heading_level": "h3",
            "text": "<p>Sharp pain means stop.</p>",
        },
    }
    article = factories.BlogPageFactory(
        parent=blog_index,
        body=[
            heading("Exercises"),
            callout,
            factories.faq_block([("How often?", "<p>Daily.</p>")], heading="Questions", level="h3"),
            heading("Treatment"),
        ],
    )
    html = soup(client.get(article.url))
    body = html.find("div", class_="article__body")
    outline = [(h.name, h.get_text(" ", strip=True)) for h in body.find_all(["h2", "h3"])]
    assert outline[1:] == [
        ("h2", "Exercises"),
        ("h3", "Caution: Stop if it hurts"),
        ("h3", "Questions"),
        ("h2", "Treatment"),
    ]  # (the first is the contents' own heading)
    nav = html.find("nav", class_="toc")
    top = nav.ol.find_all("li", recursive=False)
    assert [li.a.get_text() for li in top] == ["Exercises", "Treatment"]
    assert [a.get_text() for a in top[0].ol.find_all("a")] == ["Questions"]


def test_blocks_saved_before_heading_levels_existed_keep_their_h2(client, blog_index):
    old_faq = factories.faq_block([("Q?", "<p>A.</p>")], heading="Questions")
    del old_faq["value"]["heading_level"]
    article = factories.BlogPageFactory(parent=blog_index, body=[heading("Intro"), old_faq])
    assert soup(client.get(article.url)).find(id=lambda i: i and i.startswith("faq-")).name == "h2"


def test_no_table_of_contents_for_a_single_heading(client, article):
    assert soup(client.get(article.url)).find("nav", class_="toc") is None


def test_reading_time_counts_the_words_of_summary_and_body(client, blog_index):
    words = " ".join(["word"] * 440)
    article = factories.BlogPageFactory(
        parent=blog_index,
        summary="Five words in this summary.",
        body=[{"type": "paragraph", "value": f"<p>{words}</p>"}],
    )
    assert article.reading_time == 3  # 445 words at 200 a minute, rounded up
    byline = soup(client.get(article.url)).find("dl", class_="byline").get_text(" ", strip=True)
    assert "Reading time 3 minutes" in byline


def test_references_render_as_a_numbered_list_with_doi_links(client, blog_index):
    article = factories.BlogPageFactory(
        parent=blog_index,
        body=[
            factories.references_block(
                [
                    {
                        "title": "Back pain",
                        "publisher": "NHS",
                        "url": "https://www.nhs.uk/conditions/back-pain/",
                        "accessed": datetime.date(2026, 5, 1),
                    },
                    {"title": "A trial", "doi": "doi:10.1000/xyz"},
                ]
            )
        ],
    )
    section = soup(client.get(article.url)).find("section", class_="references")
    assert section.h2.get_text() == "References"
    items = section.find("ol").find_all("li")
    assert [li.a["href"] for li in items] == [
        "https://www.nhs.uk/conditions/back-pain/",
        "https://doi.org/10.1000/xyz",
    ]
    assert "NHS" in items[0].get_text() and "1 May 2026" in items[0].get_text()


@pytest.mark.parametrize(
    "typed",
    [
        "10.1000/xyz",
        "doi:10.1000/xyz",
        "doi: 10.1000/xyz",
        "DOI 10.1000/xyz",
        "https://doi.org/10.1000/xyz",
        "https://dx.doi.org/10.1000/xyz",
        "dx.doi.org/10.1000/xyz",
        "https://www.doi.org/10.1000/xyz",
        " 10.1000/xyz ",
    ],
)
def test_a_doi_however_pasted_links_to_doi_org_and_shows_once(client, blog_index, typed):
    article = factories.BlogPageFactory(
        parent=blog_index,
        body=[factories.references_block([{"title": "A trial", "doi": typed}])],
    )
    item = soup(client.get(article.url)).select_one("section.references li")

    assert item.a["href"] == "https://doi.org/10.1000/xyz"
    assert "DOI: 10.1000/xyz." in item.get_text()


def test_something_that_is_not_a_doi_is_refused():
    block = ReferenceBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"title": "T", "url": "", "doi": "see the paper"}))


def test_a_reference_needs_a_url_or_a_doi():
    block = ReferenceBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"title": "No link", "publisher": "", "url": "", "doi": ""}))
    assert block.clean(block.to_python({"title": "T", "url": "", "doi": "10.1/x"}))


def test_related_articles_share_a_topic_and_exclude_drafts_private_and_self(client, blog_index):
    topic = factories.BlogCategoryFactory()
    article = factories.BlogPageFactory(parent=blog_index, categories=[topic])
    by_category = factories.BlogPageFactory(
        parent=blog_index, title="Same topic", categories=[topic]
    )
    by_tag = factories.BlogPageFactory(parent=blog_index, title="Same tag")
    by_tag.tags.add("posture")
    by_tag.save()
    article.tags.add("posture")
    article.save()
    factories.BlogPageFactory(parent=blog_index, title="Draft", categories=[topic], live=False)
    private = factories.BlogPageFactory(parent=blog_index, title="Private", categories=[topic])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    factories.BlogPageFactory(parent=blog_index, title="Unrelated")

    html = soup(client.get(article.url))
    related = html.find("aside", attrs={"aria-labelledby": "related-heading"})
    titles = sorted(a.get_text() for a in related.select(".related__title a"))
    assert titles == sorted([by_category.title, by_tag.title])


def test_related_articles_cost_the_same_queries_however_many_there_are(
    client, blog_index, no_fragment_cache
):
    topic = factories.BlogCategoryFactory()
    article = factories.BlogPageFactory(parent=blog_index, categories=[topic])
    factories.BlogPageFactory(parent=blog_index, categories=[topic])

    def count():
        client.get(article.url)
        with CaptureQueriesContext(connection) as queries:
            client.get(article.url)
        return len(queries)

    one = count()
    for _ in range(4):
        factories.BlogPageFactory(parent=blog_index, categories=[topic])
    assert count() == one
    assert len(soup(client.get(article.url)).select(".related__title")) == 3


def test_medical_disclaimer_comes_from_the_clinic_settings(client, article):
    assert soup(client.get(article.url)).find("aside", class_="disclaimer") is None
    clinic = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    clinic.medical_disclaimer = "<p>General information, not a diagnosis.</p>"
    clinic.save()
    aside = soup(client.get(article.url)).find("aside", class_="disclaimer")
    assert aside.get_text(strip=True) == "General information, not a diagnosis."


def test_last_updated_shows_the_last_publication_date(client, article):
    article.save_revision().publish()
    article.refresh_from_db()
    byline = soup(client.get(article.url)).find("dl", class_="byline")
    labels = [dt.get_text() for dt in byline.find_all("dt")]
    assert "Last updated" in labels
    updated = byline.find_all("div")[labels.index("Last updated")].time["datetime"]
    assert updated == timezone.localtime(article.last_published_at).date().isoformat()
