"""Site search: live public pages only, paginated, and robust to odd input."""

from django.db import connection, transaction

import pytest
from bs4 import BeautifulSoup

from search.views import MAX_QUERY_LENGTH, clean_query
from tests import factories
from tests.helpers import page_store_keys


@pytest.fixture
def articles(blog_index):
    live = factories.BlogPageFactory(
        parent=blog_index,
        title="Easing lower back spasms",
        summary="Gentle ways to ease a back spasm.",
    )
    draft = factories.BlogPageFactory(
        parent=blog_index, title="Back spasm draft notes", summary="Not ready.", live=False
    )
    return live, draft


def test_search_finds_a_published_article_and_not_a_draft(client, articles):
    live, draft = articles

    response = client.get("/search/", {"q": "spasm"})

    html = BeautifulSoup(response.content, "html.parser")
    titles = [a.get_text() for a in html.select(".search-results h2 a")]
    assert live.title in titles
    assert draft.title not in titles
    assert html.find(class_="result-count").get_text(strip=True).startswith(f"{len(titles)} result")


def test_search_results_page_is_not_indexed_by_search_engines(client, articles):
    html = BeautifulSoup(client.get("/search/", {"q": "spasm"}).content, "html.parser")
    assert html.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_no_results_gives_a_clear_empty_state(client, articles):
    html = BeautifulSoup(client.get("/search/", {"q": "zzzqqq"}).content, "html.parser")
    assert "No pages match" in html.find(class_="empty-state").get_text()


def test_the_empty_state_links_to_the_blog_wherever_it_lives(client, articles, blog_index):
    blog_index.slug = "health-articles"
    blog_index.save_revision().publish()

    html = BeautifulSoup(client.get("/search/", {"q": "zzzqqq"}).content, "html.parser")

    assert html.find(class_="empty-state").a["href"] == "/health-articles/"


def test_search_is_paginated_and_pagination_keeps_the_query(client, blog_index):
    for n in range(12):
        factories.BlogPageFactory(parent=blog_index, title=f"Knee pain guide {n}")

    first = BeautifulSoup(client.get("/search/", {"q": "knee"}).content, "html.parser")
    assert len(first.select(".search-results li")) == 10
    assert first.find("ol", class_="search-results")["start"] == "1"
    next_link = first.find("a", rel="next")["href"]
    assert "q=knee" in next_link and "page=2" in next_link
    second = BeautifulSoup(client.get("/search/" + next_link).content, "html.parser")
    assert len(second.select(".search-results li")) == 2
    assert second.find("ol", class_="search-results")["start"] == "11"  # numbering goes on


def test_a_rich_text_intro_is_summarised_as_text(client, home):
    factories.ContactPageFactory(
        parent=home, title="Booking", intro="<p>Physio &amp; sports <b>massage</b></p>"
    )

    html = BeautifulSoup(client.get("/search/", {"q": "booking"}).content, "html.parser")

    assert html.select_one(".search-results p").get_text() == "Physio & sports massage"


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 1000,
        '"back pain',
        "back\" OR '1'='1",
        "%",
        "100% relief",
        "ألم الظهر",
        "back AND OR NOT ( ) * ^ ~",
        "\x00\x01back",
        "<script>alert(1)</script>",
        "NEAR(back pain)",
        "-back +spasm",
    ],
)
def test_odd_queries_never_error(client, articles, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


def test_out_of_range_page_numbers_show_the_last_page(client, articles):
    assert client.get("/search/", {"q": "spasm", "page": "999"}).status_code == 200
    assert client.get("/search/", {"q": "spasm", "page": "abc"}).status_code == 200


def test_clean_query_bounds_and_normalises_input():
    assert clean_query("  back \n\t pain ") == "back pain"
    assert len(clean_query("y" * 5000)) == MAX_QUERY_LENGTH
    assert clean_query("\x00") == ""


def test_search_terms_drop_operators_and_quotes_but_keep_words_in_any_script():
    from search.views import search_terms

    assert search_terms('"back pain') == "back pain"
    assert search_terms("100% relief") == "100 relief"
    assert search_terms("ألم الظهر") == "ألم الظهر"
    assert search_terms("( ) * ^") == ""


def test_search_terms_are_counted_for_the_marketing_report(client, articles, settings):
    """With Redis the count is one cache operation per search and reaches the database when
    the worker flushes; without Redis it is written directly."""
    import io

    from django.core.management import call_command

    from wagtail.contrib.search_promotions.models import Query

    from search.stats import flush_search_stats, redis_client

    if redis_client() is not None:
        flush_search_stats()  # start from an empty Redis hash
    for _ in range(3):
        client.get("/search/", {"q": "Back Pain"})
    client.get("/search/", {"q": "knee"})

    if redis_client() is not None:
        assert not Query.objects.filter(query_string="back pain").exists()
        call_command("run_worker", once=True, stdout=io.StringIO())
    hits = {q.query_string: sum(d.hits for d in q.daily_hits.all()) for q in Query.objects.all()}
    assert hits == {"back pain": 3, "knee": 1}


def result_titles(response) -> list[str]:
    html = BeautifulSoup(response.content, "html.parser")
    return [a.get_text() for a in html.select(".search-results h2 a")]


def test_a_repeated_search_is_answered_from_the_store_without_queries(
    client, articles, django_assert_num_queries, monkeypatch
):
    """The results, that is: the search is still counted (without Redis, by a database write;
    test_search_terms_are_counted_for_the_marketing_report)."""
    from search import views

    counted = []
    monkeypatch.setattr(views, "record_search", counted.append)
    first = client.get("/search/", {"q": "spasm"})
    with django_assert_num_queries(0):
        again = client.get("/search/", {"q": "Spasm"})  # the words, whatever their case
    assert result_titles(again) == result_titles(first) == [articles[0].title]
    assert b"Gentle ways to ease a back spasm." in again.content
    assert counted == ["spasm", "Spasm"]


@pytest.fixture
def no_search_counts(monkeypatch):
    """Searches are not counted (without Redis, counting is a database write): the queries
    left are the search's own."""
    from search import views

    monkeypatch.setattr(views, "record_search", lambda terms: None)


def test_a_published_article_is_found_at_once_despite_the_store(client, articles, blog_index):
    assert result_titles(client.get("/search/", {"q": "spasm"})) == [articles[0].title]
    newer = factories.BlogPageFactory(parent=blog_index, title="Spasm relief stretches", live=False)
    newer.save_revision().publish()

    titles = result_titles(client.get("/search/", {"q": "spasm"}))
    assert sorted(titles) == sorted([newer.title, articles[0].title])


def test_an_unpublished_article_leaves_the_results_at_once(client, articles):
    assert result_titles(client.get("/search/", {"q": "spasm"})) == [articles[0].title]
    articles[0].unpublish()
    assert result_titles(client.get("/search/", {"q": "spasm"})) == []


def test_an_article_made_private_leaves_the_results_at_once(client, articles):
    from wagtail.models import PageViewRestriction

    assert result_titles(client.get("/search/", {"q": "spasm"})) == [articles[0].title]
    PageViewRestriction.objects.create(page=articles[0], restriction_type="login")
    assert result_titles(client.get("/search/", {"q": "spasm"})) == []


def test_each_page_of_results_is_stored_apart(
    client, blog_index, no_search_counts, django_assert_num_queries
):
    for n in range(12):
        factories.BlogPageFactory(parent=blog_index, title=f"Knee pain guide {n}")
    first = result_titles(client.get("/search/", {"q": "knee"}))
    second = result_titles(client.get("/search/", {"q": "knee", "page": "2"}))
    assert len(first) == 10 and len(second) == 2
    assert not set(first) & set(second)
    with django_assert_num_queries(0):
        assert result_titles(client.get("/search/", {"q": "knee", "page": "2"})) == second
        # Out of range or not a number: the last page or the first, from the same entries.
        assert result_titles(client.get("/search/", {"q": "knee", "page": "0"})) == second
        assert result_titles(client.get("/search/", {"q": "knee", "page": "abc"})) == first


def test_a_search_with_no_results_keeps_only_its_empty_ranking(
    client, articles, no_search_counts, django_assert_num_queries
):
    client.get("/search/", {"q": "zzzqqq"})
    with django_assert_num_queries(0):
        html = BeautifulSoup(client.get("/search/", {"q": "zzzqqq"}).content, "html.parser")
    assert "No pages match" in html.find(class_="empty-state").get_text()
    assert [key for key in store_keys() if key.endswith(":ranked")]
    assert not [key for key in store_keys() if not key.endswith(":ranked")]


def store_keys() -> list[str]:
    """The keys in the page store that hold search results."""
    return [key for key in page_store_keys() if "search:" in key]


def test_the_store_keys_do_not_hold_what_visitors_searched_for(client, articles):
    """Health searches are personal: the keys kept in Redis hold an HMAC of the words (keyed
    with SECRET_KEY), so neither the words nor a plain hash of them are there."""
    import hashlib

    client.get("/search/", {"q": "back spasm"})
    keys = store_keys()
    assert keys
    plain_hash = hashlib.sha256(b"back spasm").hexdigest()[:32]
    assert not [key for key in keys if "spasm" in key or plain_hash in key]


def test_the_store_keys_differ_between_sites(articles):
    """Result addresses are relative to the site searched, so each site keeps its own."""
    from django.test import RequestFactory

    from wagtail.models import Site

    from search.views import SearchResults

    Site.objects.create(hostname="localhost", root_page=articles[0].get_parent())
    here = SearchResults("spasm", RequestFactory().get("/search/"))
    there = SearchResults("spasm", RequestFactory().get("/search/", HTTP_HOST="localhost"))
    assert here.key != there.key


def test_without_the_fragment_cache_every_search_queries(
    client, articles, no_fragment_cache, no_search_counts, django_assert_num_queries
):
    client.get("/search/", {"q": "spasm"})
    with django_assert_num_queries(3) as queries:
        assert result_titles(client.get("/search/", {"q": "spasm"})) == [articles[0].title]
    # The view restrictions, the ranking (which also gives the number of results: no second
    # query counts them), and the page of results' own fields.
    assert "COUNT(" not in " ".join(query["sql"] for query in queries.captured_queries)


def test_the_number_of_results_and_every_page_agree_with_the_ranking(
    client, blog_index, no_fragment_cache, no_search_counts
):
    """Results come from one ranked list: the count is its length, page 2 continues where page 1
    stopped, and each result is shown as its own page type (an article with its summary)."""
    from wagtail.models import Page

    for n in range(13):
        factories.BlogPageFactory(
            parent=blog_index, title=f"Shoulder pain note {n}", summary=f"Shoulder summary {n}."
        )
    expected = [page.title for page in Page.objects.live().public().search("shoulder")]
    first = client.get("/search/", {"q": "shoulder"})
    second = client.get("/search/", {"q": "shoulder", "page": "2"})
    assert result_titles(first) + result_titles(second) == expected
    assert len(expected) == 13
    assert b"13 results" in first.content
    assert b"Shoulder summary" in second.content


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the expression index exists on PostgreSQL only"
)
def test_search_match_can_use_the_title_and_body_index_on_postgresql(client, articles):
    """search/migrations/0001 indexes ``title || body`` because that is the expression Wagtail's
    PostgreSQL backend matches. If an upgrade changes the query, the index silently stops
    helping (every search a sequential scan): this fails instead. Sequential scans are priced
    out so the small test table cannot hide the answer."""
    from wagtail.models import Page

    results = Page.objects.live().public().search("spasm")
    sql, params = results.get_queryset().query.sql_with_params()
    matched = '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body") @@'
    assert matched in sql, "the backend no longer matches title || body"
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM wagtailsearch_indexentry "
            "WHERE (title || body) @@ plainto_tsquery('spasm')"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute(
            "SELECT reloptions FROM pg_class WHERE relname = 'search_indexentry_document_gin'"
        )
        options = cursor.fetchone()[0]
    assert "search_indexentry_document_gin" in plan, plan
    # Each publish goes straight into the index: no pending list for searches to read through.
    assert options == ["fastupdate=off"]
    assert [page.title for page in results] == ["Easing lower back spasms"]


def test_search_uses_wagtails_backend_for_the_database_in_use():
    """search/backend.py changes one query on PostgreSQL; every other database gets Wagtail's
    own choice of backend, unchanged."""
    from wagtail.search.backends import get_search_backend

    from search.backend import ClinicPostgresSearchBackend

    backend = get_search_backend()
    if connection.vendor == "postgresql":
        assert type(backend) is ClinicPostgresSearchBackend
    else:
        assert type(backend).__module__.startswith("modelsearch.backends.database.")
        assert not isinstance(backend, ClinicPostgresSearchBackend)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the fix is to a PostgreSQL query")
def test_postgresql_search_finds_and_orders_as_wagtail_without_selecting_the_document(
    blog_index,
):
    from wagtail.models import Page
    from wagtail.search.query import Phrase

    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

    from search.backend import ClinicPostgresSearchBackend

    for title, summary in [
        ("Lower back spasm", "What a spasm in the lower back feels like."),
        ("Back pain at work", "Desk habits that ease back pain and spasm."),
        ("Neck stiffness", "Why a stiff neck follows a long drive."),
        ("Spasm, spasm, spasm", "A spasm explained."),
        ("Knee pain", "Pain in the knee after running, and what to do about it."),
    ]:
        factories.BlogPageFactory(parent=blog_index, title=title, summary=summary)
    ours, stock = ClinicPostgresSearchBackend({}), PostgresSearchBackend({})
    pages = Page.objects.live().public()

    for query in ["spasm", "back pain", "pain", Phrase("lower back"), "nothing matches"]:
        found = ours.search(query, pages)
        expected = [page.pk for page in stock.search(query, pages)]
        assert [page.pk for page in found] == expected
        assert found.count() == len(expected)
        sql = str(found.get_queryset().query)
        assert '"_vector_"' not in sql  # filtered on, never built for each row
        # The search view pages through results; listings may ask for date order instead.
        assert [page.pk for page in found[1:3]] == expected[1:3]
        by_id = ours.search(query, pages.order_by("id"), order_by_relevance=False)
        assert [page.pk for page in by_id] == sorted(expected)
    assert len(ours.search("spasm", pages)) == 3


def test_articles_are_found_by_their_topic_and_their_author(client, blog_index):
    from people.models import Person

    topic = factories.BlogCategoryFactory(name="Sports injuries", slug="sports-injuries")
    author = Person.objects.create(name="Dr Zainab Haddad")
    article = factories.BlogPageFactory(
        parent=blog_index, title="Getting back to the pitch", categories=[topic], author=author
    )
    article.save_revision().publish()  # as the editor does: indexed with its topic
    factories.BlogPageFactory(parent=blog_index, title="Sleeping well")

    assert result_titles(client.get("/search/", {"q": "injuries"})) == ["Getting back to the pitch"]
    assert result_titles(client.get("/search/", {"q": "Haddad"})) == ["Getting back to the pitch"]


def test_renaming_a_topic_or_author_finds_their_articles_by_the_new_name(client, blog_index):
    from people.models import Person

    topic = factories.BlogCategoryFactory(name="Sports injuries", slug="sports-injuries")
    author = Person.objects.create(name="Dr Zainab Haddad")
    article = factories.BlogPageFactory(
        parent=blog_index, title="Getting back to the pitch", categories=[topic], author=author
    )
    article.save_revision().publish()

    topic.name = "Athletes' knees"
    topic.save()
    author.name = "Dr Zainab Karimi"
    author.save()

    assert result_titles(client.get("/search/", {"q": "athletes"})) == ["Getting back to the pitch"]
    assert result_titles(client.get("/search/", {"q": "Karimi"})) == ["Getting back to the pitch"]


def test_a_search_lists_at_most_max_results_and_says_there_are_more(
    client, blog_index, no_search_counts, monkeypatch
):
    """However large the site, one search keeps a bounded list (MAX_RESULTS) in the store."""
    from search import views

    monkeypatch.setattr(views, "MAX_RESULTS", 3)
    monkeypatch.setattr(views, "RESULTS_PER_PAGE", 2)
    for n in range(5):
        factories.BlogPageFactory(parent=blog_index, title=f"Elbow pain note {n}")
    first = client.get("/search/", {"q": "elbow"})
    last = client.get("/search/", {"q": "elbow", "page": "9"})  # out of range: the last page

    status = BeautifulSoup(first.content, "html.parser").find(class_="result-count").get_text()
    assert status.startswith("More than 3 results")
    assert len(result_titles(first)) == 2 and len(result_titles(last)) == 1
    assert not set(result_titles(first)) & set(result_titles(last))


def test_a_search_within_the_limit_gives_its_exact_number(client, articles, no_search_counts):
    html = BeautifulSoup(client.get("/search/", {"q": "spasm"}).content, "html.parser")
    assert html.find(class_="result-count").get_text().startswith("1 result for")
