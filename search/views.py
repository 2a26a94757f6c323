"""Site search over live, public pages."""

import re

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.http import urlencode

from wagtail.models import Page

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


def search(request):
    query = clean_query(request.GET.get("q", ""))
    results_page = None
    paginator = None
    terms = search_terms(query)
    if query:
        record_search(terms or query)
        results = (
            Page.objects.live().public().defer_streamfields().specific().search(terms)
            if terms
            else Page.objects.none()
        )
        paginator = Paginator(results, RESULTS_PER_PAGE)
        # Django's get_page: page 1 for nonsense, the last page when past the end.
        results_page = paginator.get_page(request.GET.get("page"))

    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "search_querystring": urlencode({"q": query}),
            "results": results_page,
            "paginator": paginator,
        },
    )
