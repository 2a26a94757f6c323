"""Structured data: each JSON-LD node is parsed from the rendered page and checked field by field
against what the same page shows, and hostile text cannot break out of the data block."""

import datetime
import json

from wagtail.models import Site

import pytest
from bs4 import BeautifulSoup

from home.models import ClinicSettings
from tests import factories

HOSTILE = "</script><script>alert(1)</script>"
# For fields of at most 30 characters (PostgreSQL enforces the length).
HOSTILE_SHORT = "</script><b>+971 6</b>"
ALL_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def jsonld_nodes(response) -> dict:
    scripts = soup(response).find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org"
    return {node["@type"]: node for node in data["@graph"]}


def clinic_settings(**fields):
    clinic = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in fields.items():
        setattr(clinic, name, value)
    clinic.save()
    return clinic


def hours(days, opens, closes):
    return {"type": "hours", "value": {"days": days, "opens": opens, "closes": closes}}


@pytest.fixture
def rich_article(blog_index):
    category = factories.BlogCategoryFactory(name="Back & neck pain")
    article = factories.BlogPageFactory(
        parent=blog_index,
        title="Muscle spasm and back pain",
        summary="Why back muscles lock up and what helps.",
        date=datetime.date(2026, 3, 1),
        last_reviewed=datetime.date(2026, 3, 5),
        categories=[category],
        body=[
            {"type": "heading", "value": {"text": "Causes", "level": "h2", "anchor": ""}},
            {"type": "paragraph", "value": "<p>Body text.</p>"},
            factories.faq_block([("Should I rest?", "<p>Usually <b>not</b> for long.</p>")]),
            factories.references_block(
                [
                    {"title": "Back pain", "publisher": "NHS", "url": "https://www.nhs.uk/x/"},
                    {"title": "A trial", "doi": "10.1000/xyz123"},
                ]
            ),
        ],
    )
    article.tags.add("back pain")
    article.save_revision().publish()
    return article


def test_article_medical_web_page_matches_the_visible_article(client, rich_article):
    response = client.get(rich_article.url)
    html = soup(response)
    page = jsonld_nodes(response)["MedicalWebPage"]
    clinic = jsonld_nodes(response)["MedicalClinic"]

    assert page["name"] == page["headline"] == html.h1.get_text() == rich_article.title
    assert page["url"] == html.find("link", rel="canonical")["href"]
    assert page["url"] == "http://testserver/blog/muscle-spasm-and-back-pain/"
    assert page["description"] == html.find("meta", attrs={"name": "description"})["content"]
    byline = html.find("dl", class_="byline")
    assert rich_article.author.name in byline.get_text() and page["author"]["name"] == (
        rich_article.author.name
    )
    assert page["author"]["honorificSuffix"] == rich_article.author.credentials
    assert page["reviewedBy"]["name"] == rich_article.reviewer.name
    reviewed = byline.find_all("time")[0]["datetime"]
    assert page["lastReviewed"] == reviewed == "2026-03-05"
    assert page["datePublished"] == "2026-03-01"
    rich_article.refresh_from_db()
    updated = byline.find_all("time")[2]["datetime"]
    assert page["dateModified"][:10] == updated
    assert datetime.datetime.fromisoformat(page["dateModified"]) == rich_article.last_published_at
    assert page["publisher"] == {"@id": clinic["@id"]}
    topics = [a.get_text() for a in byline.select("dd a")]
    assert [thing["name"] for thing in page["about"]] == topics == ["Back & neck pain"]
    assert page["keywords"] == "back pain"
    visible_refs = [a["href"] for a in html.select(".references__list a")]
    assert [c["url"] for c in page["citation"]] == visible_refs
    assert visible_refs == ["https://www.nhs.uk/x/", "https://doi.org/10.1000/xyz123"]
    assert page["citation"][0]["publisher"]["name"] == "NHS"


def test_faq_schema_lists_exactly_the_visible_questions_of_marked_blocks(client, blog_index):
    article = factories.BlogPageFactory(
        parent=blog_index,
        body=[
            factories.faq_block(
                [
                    ("Is heat or ice better?", "<p>Either; <i>choose</i> what helps.</p>"),
                    ("Do I need a scan?", "<ul><li>Usually not.</li></ul>"),
                ]
            ),
            factories.faq_block([("Hidden from schema?", "<p>Yes.</p>")], emit_schema=False),
        ],
    )
    response = client.get(article.url)
    faq = jsonld_nodes(response)["FAQPage"]
    marked_section = soup(response).find_all("section", class_="faq")[0]
    visible = [
        (d.summary.get_text(), d.find(class_="faq__answer").get_text())
        for d in marked_section.find_all("details")
    ]
    schema = [
        (q["name"], BeautifulSoup(q["acceptedAnswer"]["text"], "html.parser").get_text())
        for q in faq["mainEntity"]
    ]
    assert schema == visible
    assert "Hidden from schema?" not in json.dumps(faq)
    assert all(q["@type"] == "Question" for q in faq["mainEntity"])


def test_no_faq_schema_when_every_faq_block_is_unmarked(client, blog_index):
    article = factories.BlogPageFactory(
        parent=blog_index, body=[factories.faq_block([("Q?", "<p>A.</p>")], emit_schema=False)]
    )
    assert "FAQPage" not in jsonld_nodes(client.get(article.url))


def test_clinic_open_seven_days_a_week_is_one_specification_with_all_days(client, home):
    clinic_settings(
        name="Corniche Wellness Clinic",
        phone="+971 6 555 0142",
        address="Ground Floor, Marina Pearl\nCorniche Road\nAjman, United Arab Emirates",
        opening_hours=[hours(ALL_DAYS, "08:00:00", "22:00:00")],
        medical_specialties=["Physiotherapy", "PrimaryCare"],
    )
    clinic = jsonld_nodes(client.get("/"))["MedicalClinic"]

    assert clinic["name"] == "Corniche Wellness Clinic"
    assert clinic["telephone"] == "+971 6 555 0142"
    assert clinic["openingHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [f"https://schema.org/{day}" for day in ALL_DAYS],
            "opens": "08:00",
            "closes": "22:00",
        }
    ]
    assert clinic["address"]["streetAddress"] == "Ground Floor, Marina Pearl, Corniche Road"
    assert clinic["address"]["addressLocality"] == "Ajman"
    assert clinic["address"]["addressCountry"] == "AE"
    assert clinic["medicalSpecialty"] == [
        "https://schema.org/Physiotherapy",
        "https://schema.org/PrimaryCare",
    ]


def test_clinic_split_hours_give_one_specification_per_period(client, home):
    weekdays = ALL_DAYS[:5]
    clinic_settings(
        opening_hours=[
            hours(weekdays, "08:00:00", "13:00:00"),
            hours(weekdays, "16:00:00", "21:00:00"),
            hours(["Saturday"], "10:00:00", "14:00:00"),
        ]
    )
    specs = jsonld_nodes(client.get("/"))["MedicalClinic"]["openingHoursSpecification"]

    as_tuples = [(tuple(s["dayOfWeek"]), s["opens"], s["closes"]) for s in specs]
    weekday_urls = tuple(f"https://schema.org/{day}" for day in weekdays)
    assert sorted(as_tuples) == sorted(
        [
            (weekday_urls, "08:00", "13:00"),
            (weekday_urls, "16:00", "21:00"),
            (("https://schema.org/Saturday",), "10:00", "14:00"),
        ]
    )
    assert not any("Sunday" in day for spec in specs for day in spec["dayOfWeek"])


def test_breadcrumb_list_matches_the_visible_breadcrumbs(client, rich_article):
    response = client.get(rich_article.url)
    trail = jsonld_nodes(response)["BreadcrumbList"]["itemListElement"]
    nav = soup(response).find("nav", attrs={"aria-label": "Breadcrumb"})
    visible = [li.get_text(strip=True) for li in nav.find_all("li")]
    assert (
        [item["name"] for item in trail]
        == visible
        == ["Home", "Health articles", rich_article.title]
    )
    assert [item["position"] for item in trail] == [1, 2, 3]
    links = [a["href"] for a in nav.find_all("a")]
    assert [item["item"] for item in trail[:2]] == ["http://testserver" + h for h in links]
    assert trail[-1]["item"] == "http://testserver" + rich_article.url


def test_website_has_a_search_action_that_works(client, home):
    website = jsonld_nodes(client.get("/"))["WebSite"]
    template = website["potentialAction"]["target"]["urlTemplate"]
    assert template == "http://testserver/search/?q={search_term_string}"
    assert website["potentialAction"]["query-input"] == "required name=search_term_string"
    assert (
        client.get(
            template.replace("http://testserver", "").replace("{search_term_string}", "back")
        ).status_code
        == 200
    )


def test_hostile_text_cannot_break_out_of_structured_data_or_meta_tags(client, blog_index):
    clinic_settings(name=HOSTILE, tagline=HOSTILE, phone=HOSTILE_SHORT, address=HOSTILE)
    person = factories.PersonFactory(name=HOSTILE, credentials=HOSTILE, speciality=HOSTILE)
    category = factories.BlogCategoryFactory(name=HOSTILE + " topic")
    article = factories.BlogPageFactory(
        parent=blog_index,
        title=HOSTILE,
        summary=HOSTILE,
        seo_title=HOSTILE,
        author=person,
        reviewer=person,
        categories=[category],
        body=[
            {"type": "heading", "value": {"text": HOSTILE, "level": "h2", "anchor": ""}},
            factories.faq_block([(HOSTILE, "<p>" + HOSTILE.replace("<", "&lt;") + "</p>")]),
            factories.references_block(
                [{"title": HOSTILE, "publisher": HOSTILE, "url": "https://example.com/a"}]
            ),
        ],
    )
    article.tags.add(HOSTILE)
    article.save_revision().publish()

    response = client.get(article.url)
    raw = response.content.decode()

    assert "<script>alert(1)" not in raw
    html = soup(response)
    scripts = html.find_all("script")
    assert [s.get("type") for s in scripts] == ["application/ld+json"]
    nodes = jsonld_nodes(response)
    assert nodes["MedicalWebPage"]["name"] == HOSTILE
    assert nodes["MedicalWebPage"]["author"]["name"] == HOSTILE
    assert nodes["MedicalClinic"]["name"] == HOSTILE
    assert nodes["FAQPage"]["mainEntity"][0]["name"] == HOSTILE
    assert nodes["MedicalWebPage"]["citation"][0]["name"] == HOSTILE
    assert HOSTILE in nodes["MedicalWebPage"]["keywords"]
    json_text = scripts[0].string
    assert "<" not in json_text and ">" not in json_text
    assert "\\u003c/script\\u003e" in json_text
    for prop in ("og:title", "og:description"):
        assert html.find("meta", property=prop)["content"] == HOSTILE
    assert html.find("meta", attrs={"name": "description"})["content"] == HOSTILE
    assert html.title.get_text().startswith(HOSTILE)
