"""Site search over live, public pages."""

import re

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.crypto import salted_hmac
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.text import Truncator

from wagtail.models import Page

from cms.cache import from_page_store
from home.fields import plain_text
from home.routing import find_site
from home.visibility import public

from .stats import record_search

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
# The most results a search lists (100 pages of ten): what is kept in the store for one search
# stays small however large the site grows. A search that finds more says "more than".
MAX_RESULTS = 1000


def clean_query(raw: str) -> str:
    """Whatever a visitor types becomes a plain, bounded search string: control characters and
    runs of white space collapse to single spaces, and very long queries are cut."""
    text = "".join(ch if ch.isprintable() else " " for ch in raw)
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def search_terms(query: str) -> str:
    """The words of a query, without operators or quotes: the database backends (SQLite FTS5,
    PostgreSQL tsquery) each give such characters their own meaning, and a visitor's stray quote
    must not become a syntax error."""
    return " ".join(re.findall(r"\w+", query))


class SearchResults:
    """The ranked results for ``terms``, as the paginator reads them: their number (len) and
    one page of them at a time (a slice), each a small dict of what the results list shows.

    One query ranks every match and returns their ids and page types, best first: the
    number of results is the length of that list, and a page of results loads only its own
    pages (one query per page type). Ranking every match is most of a search's cost, and the
    backend's own count would repeat the match in a second query.

    With the fragment cache on, the ranked list and each page of results are kept in the page
    cache's store, so a search someone made a moment ago (a popular term, a shared results
    link) costs no query at all. Results are the same for every visitor (live, public pages
    only), and the store is cleared whenever content changes (cms.cache), so a publish shows at
    once. Keys hold an HMAC of the words (keyed with SECRET_KEY), not the words: a list of
    health terms cannot be hashed to find who searched what."""

    def __init__(self, terms: str, request):
        self.terms = terms
        self.request = request
        site = find_site(request)
        digest = salted_hmac("search.results", terms.lower(), algorithm="sha256").hexdigest()
        self.key = f"search:{site.pk if site else 0}:{digest[:32]}"

    @cached_property
    def ranked(self) -> list[tuple[int, int]]:
        """(page id, content type id) of the matches, best first: up to MAX_RESULTS, and one
        more when there are more (see ``more``)."""

        def rank():
            # Built on a miss only: public() reads the view restrictions when called.
            results = public(Page.objects.live()).search(self.terms)
            return ranked_rows(results, MAX_RESULTS + 1)

        return from_page_store(f"{self.key}:ranked", rank, when=settings.PAGE_FRAGMENT_CACHE)

    @property
    def more(self) -> bool:
        """Whether more than MAX_RESULTS pages match (only the best MAX_RESULTS are listed)."""
        return len(self.ranked) > MAX_RESULTS

    def __len__(self) -> int:
        return min(len(self.ranked), MAX_RESULTS)

    def __getitem__(self, window: slice) -> list[dict]:
        rows = self.ranked[window]
        if not rows:
            return []  # nothing found: only the (empty) ranking is kept
        return from_page_store(
            f"{self.key}:{window.start}:{window.stop}",
            lambda: [self.item(page) for page in specific_pages(rows)],
            when=settings.PAGE_FRAGMENT_CACHE,
        )

    def item(self, page) -> dict:
        summary = getattr(page, "summary", "") or page.search_description
        if not summary and getattr(page, "intro", ""):
            summary = Truncator(plain_text(page, "intro")).words(30, truncate=" …")
        return {"title": page.title, "url": page.get_url(self.request), "summary": summary}


def ranked_rows(results, limit: int) -> list[tuple[int, int]]:
    """The first ``limit`` search results as (id, content type) rows, in the backend's order
    (by relevance; the database fallback, without full-text search, keeps the queryset's).
    The database backends (PostgreSQL, SQLite FTS5, MySQL, the fallback) build their results
    as one queryset, which gives the rows alone in one query. Any other backend is read
    through its results, which load each page."""
    if hasattr(results, "get_queryset"):
        return list(results.get_queryset().values_list("pk", "content_type")[:limit])
    return [(page.pk, page.content_type_id) for page in results[:limit]]


def specific_pages(rows: list[tuple[int, int]]) -> list[Page]:
    """The pages of ``rows`` as their own types, in the rows' order: one query per page type,
    without their StreamFields (a results list shows none)."""
    by_type: dict[int, list[int]] = {}
    for pk, content_type in rows:
        by_type.setdefault(content_type, []).append(pk)
    pages = {}
    for content_type, pks in by_type.items():
        model = ContentType.objects.get_for_id(content_type).model_class() or Page
        for page in model._default_manager.live().filter(pk__in=pks).defer_streamfields():
            pages[page.pk] = page
    # A page deleted or unpublished since the ranking was stored is left out (the store is
    # cleared on every change, so only for a moment if ever).
    return [pages[pk] for pk, _ in rows if pk in pages]


def search(request):
    query = clean_query(request.GET.get("q", ""))
    results = results_page = paginator = None
    terms = search_terms(query)
    if query:
        record_search(terms or query)
        results = SearchResults(terms, request) if terms else None
        paginator = Paginator(results if results is not None else [], RESULTS_PER_PAGE)
        # Django's get_page: page 1 for anything not a number, the last page for a number out
        # of range (so odd page numbers never add entries to the store).
        results_page = paginator.get_page(request.GET.get("page"))

    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "search_querystring": urlencode({"q": query}),
            "results": results_page,
            "paginator": paginator,
            "more_results": results is not None and results.more,
            # Read only when nothing was found: the blog's address, whatever its slug.
            "blog_index_url": lambda: blog_index_url(request),
        },
    )


def blog_index_url(request) -> str:
    """The site's blog address (kept in the page store: a search with no results stays
    query-free)."""
    from blog.models import BlogIndexPage

    site = find_site(request)

    def find():
        index = BlogIndexPage.for_site(site) if site is not None else None
        return index.get_url(request) if index is not None else ""

    return from_page_store(
        f"blog-index-url:{site.pk if site else 0}", find, when=settings.PAGE_FRAGMENT_CACHE
    )
