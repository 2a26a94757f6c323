"""Serving a page in a fixed, small number of queries.

Wagtail's ``Page.route`` walks down the tree a segment at a time: for ``/blog/some-article/`` it
loads the blog index by slug, then its specific page, then the article by slug, then its
specific page (four queries, more for deeper pages). The site root can instead load every page
on the path in one query (slugs are indexed; the tree path says which row is whose child) and
fetch the specific page once, so the result is the page Wagtail would find. The pages on the way
are kept for the breadcrumbs, and the view-restriction check (two queries in Wagtail) is one, or
none: the same query says whether any restriction covers the page.
With the fragment cache on (PAGE_FRAGMENT_CACHE, Redis), the page found for a path, with those
pages, is kept beside the fragments in the page cache's store, which any content change clears:
routing a known path then costs no query.
"""

import hashlib
from functools import cache

from django.conf import settings
from django.db.models import OuterRef
from django.db.models.functions import Coalesce
from django.http import Http404
from django.http.request import split_domain_port

from wagtail.models import Page, PageViewRestriction, Site, get_page_models

from cms.cache import from_page_store

from .visibility import restrictions_covering


@cache
def custom_routers() -> frozenset[type]:
    """Page types with a ``route`` of their own (RoutablePageMixin and the like)."""
    return frozenset(model for model in get_page_models() if model.route is not Page.route)


class SingleQueryRoutingMixin:
    """For the site's root page type. Falls back to Wagtail's routing whenever a page type below
    the root routes by itself, so its sub-routes can never be shadowed by a child's slug."""

    def route(self, request, path_components):
        if not path_components or custom_routers() - {type(self)}:
            return super().route(request, path_components)

        if settings.PAGE_FRAGMENT_CACHE:  # kept beside the fragments, cleared on any change
            page = self.stored_route(path_components)
        else:
            page = self.find_for_serving(path_components)
        return page.route(request, [])

    def stored_route(self, path_components):
        """``find_for_serving`` through the page store. The entry leaves out this page (every
        request has it already, and the home page's streams would double the entry): it is put
        back above the stored pages after reading."""

        def without_root():
            page = self.find_for_serving(path_components)
            if hasattr(page, "prepare_for_store"):  # not on a plain Page
                page.prepare_for_store()
            # Restrictions are checked on every request (a restriction added later must count).
            del page.known_unrestricted
            page.route_ancestors = page.route_ancestors[1:]
            del (page.route_ancestors or [page])[0]._cached_parent_obj  # this page
            return page

        path = hashlib.sha256("/".join(path_components).encode()).hexdigest()
        page = from_page_store(f"route:{self.pk}:{path}", without_root)
        (page.route_ancestors or [page])[0]._cached_parent_obj = self
        page.route_ancestors = [self, *page.route_ancestors]
        return page

    def find_for_serving(self, path_components):
        """The live page at ``path_components`` below this one, loaded for serving, with the
        pages on the way kept for the breadcrumbs. Raises Http404 for a path with no page, or a
        page that is not live (so neither is ever kept in the store)."""
        rows = (
            Page.objects.filter(
                path__startswith=self.path,
                depth__gt=self.depth,
                depth__lte=self.depth + len(path_components),
                slug__in=path_components,
            )
            .annotate(restricted=restrictions_covering(OuterRef("path")))
            .order_by("depth")
        )
        chain = [self]
        for row in rows:
            parent = chain[-1]
            if (
                row.depth == parent.depth + 1
                and row.path.startswith(parent.path)
                and row.slug == path_components[len(chain) - 1]
            ):
                row._cached_parent_obj = parent  # as Page.route does: get_parent() is free
                chain.append(row)
        if len(chain) <= len(path_components):
            raise Http404

        page = load_for_serving(chain[-1])
        if not page.live:
            raise Http404
        page._cached_parent_obj = chain[-2]
        page.route_ancestors = chain[:-1]
        # The routing query's subquery follows Wagtail's whole rule (an alias on the way takes
        # its source page's restriction): no restriction found means none applies.
        page.known_unrestricted = not chain[-1].restricted
        return page


def load_for_serving(page: Page) -> Page:
    """The specific page, with the foreign keys its type lists in ``serve_select_related``
    (its image, its authors, ...) loaded in the same query."""
    model = page.specific_class
    if model is None or model is Page:
        return page
    related = getattr(model, "serve_select_related", ())
    return model._default_manager.select_related(*related).get(pk=page.pk)


class ServingQueriesMixin:
    """For every page type: the view-restriction check and the breadcrumbs in fewer queries."""

    # Set by SingleQueryRoutingMixin: the pages from the site root down to the parent, and
    # whether the routing query found no restriction on the page or above it.
    route_ancestors: list | None = None
    known_unrestricted = False

    def prepare_for_store(self):
        """Load now what every request for this page would otherwise query again, before the
        page is kept in the page store (a route). Nothing by default."""

    def get_view_restrictions(self):
        """Wagtail's rule (restrictions on the page or any ancestor, an alias using its source
        page's) in one query instead of two, or none when routing has just found there are
        none."""
        if self.known_unrestricted:
            return PageViewRestriction.objects.none()
        steplen = self.steplen
        paths = [self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)]
        sources = (
            Page.objects.filter(path__in=paths)
            .annotate(source=Coalesce("alias_of_id", "id"))
            .values("source")
        )
        return PageViewRestriction.objects.filter(page_id__in=sources)


def find_site(request):
    """``Site.find_for_request``, with the site and its specific root page kept in the page
    cache's store when SHARED_PAGE_STORE is on (with Redis): Wagtail otherwise looks both up on
    every request (two queries). The store is cleared whenever a site, or any page, changes
    (cms.cache)."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    hostname = split_domain_port(request._get_raw_host())[0]
    site = from_page_store(
        f"site:{hostname}:{request.get_port()}",
        lambda: site_for(request),
        when=settings.SHARED_PAGE_STORE,
    )
    request._wagtail_site = site
    return site


def site_for(request):
    """The request's site, its root page loaded as its specific type (what routing starts
    from)."""
    site = Site.find_for_request(request)
    if site is not None:
        site.root_page = site.root_page.specific
    return site
