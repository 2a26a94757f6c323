"""Site search over live, public pages."""

import re

from django.conf import settings
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

from .stats import record_search

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


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

    With the fragment cache on, both are kept in the page cache's store, so a search someone
    made a moment ago (a popular term, a shared results link) costs no query and no ranking:
    ranking every match is most of a search's cost. Results are the same for every visitor
    (live, public pages only), and the store is cleared whenever content changes (cms.cache),
    so a publish shows at once. Keys hold an HMAC of the words (keyed with SECRET_KEY), not the
    words: a list of health terms cannot be hashed to find who searched what."""

    def __init__(self, terms: str, request):
        self.terms = terms
        self.request = request
        site = find_site(request)
        digest = salted_hmac("search.results", terms.lower(), algorithm="sha256").hexdigest()
        self.key = f"search:{site.pk if site else 0}:{digest[:32]}"

    @cached_property
    def queryset(self):
        # Built on the first miss only: public() reads the view restrictions when called.
        return Page.objects.live().public().defer_streamfields().specific().search(self.terms)

    def __len__(self) -> int:
        return from_page_store(
            f"{self.key}:count", lambda: self.queryset.count(), when=settings.PAGE_FRAGMENT_CACHE
        )

    def __getitem__(self, window: slice) -> list[dict]:
        if not len(self):
            return []  # nothing found: only the count is kept
        return from_page_store(
            f"{self.key}:{window.start}:{window.stop}",
            lambda: [self.item(page) for page in self.queryset[window]],
            when=settings.PAGE_FRAGMENT_CACHE,
        )

    def item(self, page) -> dict:
        summary = getattr(page, "summary", "") or page.search_description
        if not summary and getattr(page, "intro", ""):
            summary = Truncator(plain_text(page, "intro")).words(30, truncate=" …")
        return {"title": page.title, "url": page.get_url(self.request), "summary": summary}


def search(request):
    query = clean_query(request.GET.get("q", ""))
    results_page = None
    paginator = None
    terms = search_terms(query)
    if query:
        record_search(terms or query)
        paginator = Paginator(SearchResults(terms, request) if terms else [], RESULTS_PER_PAGE)
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
