"""The "Content health" admin report: one row per live page with a column per check, filters,
export, permissions, a flat query count, and the dashboard count."""

import csv
import datetime
import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from seo import health
from tests import factories

URL = "/admin/reports/content-health/"


@pytest.fixture(autouse=True)
def review_interval(settings):
    settings.REVIEW_INTERVAL_MONTHS = 12
    settings.REVIEW_DUE_SOON_DAYS = 30


def described_image(**kwargs):
    return factories.ImageFactory(
        title=kwargs.pop("title", "Physiotherapist"),
        description=kwargs.pop("description", "A physiotherapist stretching a patient's back"),
        **kwargs,
    )


def healthy_article(blog_index, **kwargs):
    """An article that passes every check."""
    fields = {
        "title": "Healthy article",
        "search_description": "What to do about back pain, from our physiotherapists.",
        "image": described_image(),
        "body": [
            {"type": "paragraph", "value": "<p>Text.</p>"},
            factories.image_block(described_image(), alt_text="A stretch for the lower back"),
            factories.image_block(described_image(), decorative=True),
        ],
    }
    fields.update(kwargs)
    return factories.BlogPageFactory(parent=blog_index, **fields)


def rows(response) -> dict[str, dict[str, str]]:
    """Report rows by page title: {column heading: cell text}."""
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    table = html.select_one("table.listing")
    if table is None:
        return {}
    headings = [th.get_text(strip=True) for th in table.select("thead th")]
    result = {}
    for tr in table.select("tbody tr"):
        cells = [" ".join(td.get_text(" ", strip=True).split()) for td in tr.find_all("td")]
        result[cells[0]] = dict(zip(headings, cells, strict=True))
    return result


def problems(response, title) -> str:
    return rows(response)[title]["Problems"]


# --- each check ----------------------------------------------------------------------------


def test_healthy_article_is_not_listed_but_shows_with_all_pages(admin_client, blog_index):
    healthy_article(blog_index)
    assert "Healthy article" not in rows(admin_client.get(URL))
    row = rows(admin_client.get(URL + "?show=all"))["Healthy article"]
    assert row["Problems"] == "None"
    assert row["Search description"] == "Written"
    assert row["Social image"] == "Using the main image"
    assert row["Alt text"] == "OK"
    assert row["Reviewer"] == "Set"
    assert row["Review"].startswith("Up to date (due ")


def test_missing_search_description_is_a_problem_even_with_a_fallback(admin_client, blog_index):
    healthy_article(blog_index)
    healthy_article(blog_index, title="No description", search_description="")
    healthy_article(blog_index, title="Blank description", search_description="   ")
    report = rows(admin_client.get(URL))
    assert "Healthy article" not in report
    assert report["No description"]["Problems"] == "No search description"
    assert report["No description"]["Search description"] == "Not written (using the summary)"
    assert report["Blank description"]["Problems"] == "No search description"


def test_description_without_any_fallback(admin_client, home):
    page = factories.StandardPageFactory(
        parent=home, title="Bare page", intro="", social_image=described_image()
    )
    row = rows(admin_client.get(URL))[page.title]
    assert row["Search description"] == "Not written (none shown)"
    assert row["Problems"] == "No search description"


def test_missing_social_image_only_when_there_is_no_main_image_either(admin_client, blog_index):
    healthy_article(blog_index)
    healthy_article(blog_index, title="No image at all", image=None)
    healthy_article(
        blog_index, title="Social image only", image=None, social_image=described_image()
    )
    report = rows(admin_client.get(URL + "?show=all"))
    assert report["No image at all"]["Problems"] == "No social image"
    assert report["No image at all"]["Social image"] == "None"
    assert report["Social image only"]["Problems"] == "None"
    assert report["Social image only"]["Social image"] == "Set"
    assert report["Healthy article"]["Problems"] == "None"


def test_home_page_falls_back_to_its_hero_image(admin_client, home):
    home.search_description = "The clinic."
    home.hero_image = described_image()
    home.save()
    row = rows(admin_client.get(URL + "?show=all"))["Home"]
    assert row["Social image"] == "Using the hero image"
    assert row["Problems"] == "None"


def test_image_block_without_alt_text_and_not_decorative(admin_client, blog_index):
    healthy_article(blog_index)
    missing = described_image(title="Knee brace")
    healthy_article(
        blog_index,
        title="Missing alt",
        body=[
            factories.image_block(described_image(), alt_text="Fine"),
            factories.image_block(described_image(), decorative=True),
            factories.image_block(missing, alt_text="  "),
        ],
    )
    row = rows(admin_client.get(URL))["Missing alt"]
    assert row["Problems"] == "Alt text missing"
    assert row["Alt text"] == "Body image 3 (Knee brace): no alt text and not marked decorative"


def test_image_blocks_in_standard_and_home_page_bodies_are_checked(admin_client, home):
    home.search_description = "The clinic."
    home.hero_image = described_image()
    home.body = [factories.image_block(described_image(title="Reception"))]
    home.save()
    report = rows(admin_client.get(URL))
    assert report["Home"]["Alt text"] == (
        "Body image 1 (Reception): no alt text and not marked decorative"
    )


def test_legacy_image_block_uses_the_images_default_alt_text(admin_client, blog_index):
    titled = described_image(title="Treatment room", description="")
    untitled = described_image(title="", description="")
    healthy_article(blog_index, title="Legacy titled", body=[factories.legacy_image_block(titled)])
    healthy_article(
        blog_index, title="Legacy untitled", body=[factories.legacy_image_block(untitled)]
    )
    report = rows(admin_client.get(URL + "?show=all"))
    assert report["Legacy titled"]["Problems"] == "None"
    assert report["Legacy untitled"]["Alt text"] == (
        f"Body image 1 (#{untitled.pk}): no title or description"
    )


def test_share_image_without_a_description(admin_client, blog_index):
    healthy_article(blog_index, title="Main image", image=described_image(description=""))
    healthy_article(
        blog_index,
        title="Social image",
        image=described_image(description=""),  # not the share image: not checked
        social_image=described_image(title="Team photo", description=""),
    )
    report = rows(admin_client.get(URL))
    assert report["Main image"]["Alt text"] == (
        "Share image (Physiotherapist): no description in the image library"
    )
    assert report["Social image"]["Alt text"] == (
        "Share image (Team photo): no description in the image library"
    )


def test_missing_reviewer_is_checked_on_articles_only(admin_client, blog_index, home):
    healthy_article(blog_index)
    healthy_article(blog_index, title="No reviewer", reviewer=None)
    factories.StandardPageFactory(
        parent=home, title="About", search_description="About us.", social_image=described_image()
    )
    report = rows(admin_client.get(URL + "?show=all"))
    assert report["No reviewer"]["Problems"] == "No medical reviewer"
    assert report["No reviewer"]["Reviewer"] == "Missing"
    assert report["About"]["Reviewer"] == "—" and report["About"]["Review"] == "—"
    assert report["About"]["Problems"] == "None"


def test_overdue_review_uses_the_review_lifecycle(admin_client, blog_index):
    today = timezone.localdate()
    healthy_article(blog_index)
    overdue = healthy_article(
        blog_index, title="Overdue", last_reviewed=today - datetime.timedelta(days=400)
    )
    healthy_article(
        blog_index, title="Due soon", last_reviewed=today - datetime.timedelta(days=350)
    )
    healthy_article(blog_index, title="Never reviewed", last_reviewed=None)
    report = rows(admin_client.get(URL + "?show=all"))
    assert report["Overdue"]["Problems"] == "Overdue for review"
    assert report["Overdue"]["Review"] == f"Overdue (due {overdue.next_review_due.isoformat()})"
    assert report["Due soon"]["Problems"] == "None"
    assert report["Due soon"]["Review"].startswith("Due soon")
    # Never reviewed is the review report's business; it is not "overdue".
    assert report["Never reviewed"]["Problems"] == "None"
    assert report["Never reviewed"]["Review"] == "Never reviewed"


def test_several_problems_on_one_page(admin_client, blog_index):
    healthy_article(blog_index, title="Neglected", search_description="", image=None, reviewer=None)
    assert problems(admin_client.get(URL), "Neglected") == (
        "No search description, No social image, No medical reviewer"
    )


def test_draft_pages_are_not_listed(admin_client, blog_index):
    healthy_article(blog_index, title="Draft", search_description="", live=False)
    assert "Draft" not in rows(admin_client.get(URL + "?show=all"))


# --- filters -------------------------------------------------------------------------------


@pytest.fixture
def mix(home, blog_index):
    healthy_article(blog_index)
    healthy_article(blog_index, title="No reviewer", reviewer=None)
    healthy_article(blog_index, title="No description", search_description="")
    factories.StandardPageFactory(parent=home, title="About", social_image=described_image())
    home.search_description = "The clinic."
    home.hero_image = described_image()
    home.save()
    blog_index.search_description = "Articles."
    blog_index.social_image = described_image()
    blog_index.save()


def test_default_lists_every_page_with_problems_in_site_order(admin_client, mix):
    assert list(rows(admin_client.get(URL))) == ["No reviewer", "No description", "About"]


def test_filter_by_problem(admin_client, mix):
    response = admin_client.get(URL + "?problem=missing_description")
    assert list(rows(response)) == ["No description", "About"]
    assert list(rows(admin_client.get(URL + "?problem=missing_reviewer"))) == ["No reviewer"]
    assert rows(admin_client.get(URL + "?problem=overdue_review")) == {}


def test_filter_by_page_type(admin_client, mix):
    assert list(rows(admin_client.get(URL + "?page_type=home.standardpage"))) == ["About"]
    response = admin_client.get(URL + "?page_type=blog.blogpage&show=all")
    assert list(rows(response)) == ["Healthy article", "No reviewer", "No description"]


def test_filter_by_section(admin_client, mix):
    blog = rows(admin_client.get(URL + "?section=blog&show=all"))
    assert list(blog) == ["Health articles", "Healthy article", "No reviewer", "No description"]
    assert all(row["Type"] in ("Blog index page", "Blog page") for row in blog.values())
    assert list(rows(admin_client.get(URL + "?section=other&show=all"))) == ["Home", "About"]
    assert list(rows(admin_client.get(URL + "?section=other"))) == ["About"]


def test_filters_are_offered_and_the_results_view_filters_too(admin_client, mix):
    html = BeautifulSoup(admin_client.get(URL).content, "html.parser")
    for name in ("show", "problem", "page_type", "section"):
        assert html.select(f"[name={name}]"), name
    options = [o["value"] for o in html.select("select[name=page_type] option")]
    assert {"blog.blogpage", "home.standardpage", "contact.contactpage"} <= set(options)
    response = admin_client.get(URL + "results/?problem=missing_reviewer")
    assert list(rows(response)) == ["No reviewer"]


def test_show_all_pages(admin_client, mix):
    assert list(rows(admin_client.get(URL + "?show=all"))) == [
        "Home",
        "Health articles",
        "Healthy article",
        "No reviewer",
        "No description",
        "About",
    ]


# --- export, permissions, menu, dashboard --------------------------------------------------


def test_csv_export_contains_the_rows(admin_client, mix):
    response = admin_client.get(URL + "?export=csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    body = b"".join(response.streaming_content).decode()
    table = list(csv.reader(io.StringIO(body)))
    assert table[0] == [
        "Page",
        "Type",
        "Section",
        "Problems",
        "Search description",
        "Social image",
        "Alt text",
        "Medical reviewer",
        "Review",
        "Address",
    ]
    by_title = {row[0]: row for row in table[1:]}
    assert list(by_title) == ["No reviewer", "No description", "About"]
    assert by_title["No reviewer"][1:5] == [
        "Blog page",
        "Blog",
        "No medical reviewer",
        "Written",
    ]
    assert by_title["No reviewer"][7] == "Missing"
    assert by_title["About"][2] == "Other pages"
    assert by_title["About"][7:9] == ["", ""]
    assert by_title["About"][9].startswith("http://testserver/")


def test_csv_export_respects_filters(admin_client, mix):
    response = admin_client.get(URL + "?export=csv&problem=missing_reviewer")
    body = b"".join(response.streaming_content).decode()
    assert [row[0] for row in csv.reader(io.StringIO(body))] == ["Page", "No reviewer"]


def test_xlsx_export(admin_client, mix):
    response = admin_client.get(URL + "?export=xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "content-health-" in response["Content-Disposition"]


def test_report_is_refused_to_users_without_admin_access(client, mix, django_user_model):
    user = django_user_model.objects.create_user("visitor", password="x" * 12)
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code in (302, 403)
    assert b"No reviewer" not in response.content
    assert client.get(URL + "?export=csv").status_code in (302, 403)


def test_report_is_in_the_reports_menu(admin_client, home):
    response = admin_client.get("/admin/")
    assert URL.encode() in response.content


def test_dashboard_counts_pages_with_problems(admin_client, mix):
    html = BeautifulSoup(admin_client.get("/admin/").content, "html.parser")
    line = html.select_one("section[aria-labelledby=review-due-heading] .content-health-count")
    assert "2 pages with content problems" not in line.get_text()
    assert "3 pages with content problems" in " ".join(line.get_text(" ").split())
    assert line.find("a")["href"] == URL


def test_count_pages_with_problems_matches_the_report(mix):
    assert health.count_pages_with_problems() == 3


# --- queries -------------------------------------------------------------------------------


def add_pages(home, blog_index, count, start=0):
    """``count`` pages of both body-bearing types, with image blocks, problems and not."""
    for n in range(start, start + count):
        if n % 3 == 2:
            factories.StandardPageFactory(
                parent=home,
                title=f"Standard {n}",
                body=[factories.image_block(described_image())],
            )
        else:
            healthy_article(
                blog_index,
                title=f"Article {n}",
                reviewer=None if n % 2 else factories.PersonFactory(),
                social_image=described_image(description=""),
                # Wagtail converts a stream's image blocks together: old bare-id values and
                # ImageBlock values do not mix in one stream, so each article has one kind.
                body=[factories.legacy_image_block(described_image()) for _ in range(2)]
                if n % 2
                else [
                    factories.image_block(described_image(), alt_text="Alt"),
                    factories.image_block(described_image(), decorative=True),
                ],
            )


def report_queries(client, url):
    client.get(url)  # warm the content type and site caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize("query", ["?show=all", "?export=csv&show=all", ""])
def test_query_count_does_not_grow_with_the_number_of_pages(admin_client, home, blog_index, query):
    add_pages(home, blog_index, 3)
    few, response = report_queries(admin_client, URL + query)
    add_pages(home, blog_index, 9, start=3)
    many, response = report_queries(admin_client, URL + query)
    assert few == many
    if not query:
        # and the home page and blog index (no search description)
        assert len(rows(response)) == 12 + 2


def test_checks_run_in_a_fixed_number_of_queries(home, blog_index, django_assert_num_queries):
    add_pages(home, blog_index, 12)
    # The page list, one query per page type (home, blog index, article, standard), images.
    with django_assert_num_queries(6):
        pages = health.check_pages(health.live_pages())
    assert len(pages) == 14
