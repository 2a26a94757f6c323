"""Which pages the public may see listed: Wagtail's rule for serving, applied to lists too.

Wagtail serves a page behind every view restriction on it or above it, and an alias behind its
source page's restriction (``Page.get_view_restrictions``: an alias cannot have one of its own).
Its ``PageQuerySet.public()`` only looks at where a page sits, though, so an alias of a private
page, placed in a public section, was listed with its source's title and summary (search, the
blog listing, the menu, the sitemap) while its address asked for a login. Every list the public
sees goes through here instead:

- ``public(pages)``: for querysets (search, menus, subpages, the sitemap, the blog listing);
- ``restrictions_covering(path)``: the same rule as a subquery, for a single query that must
  also say whether a page is private (routing, related articles).
"""

from django.db.models import Exists, F, Q
from django.db.models.functions import Length, Substr

from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet


def private_roots() -> list[tuple[str, int]]:
    """(path, depth) of every page that is private with all below it: each page with a view
    restriction, and each alias of one. One query; each half uses an index (the restricted
    pages by primary key, their aliases by ``alias_of``)."""
    restricted = PageViewRestriction.objects.values("page_id")
    pages = Page.objects.filter(pk__in=restricted).order_by().values_list("path", "depth")
    aliases = Page.objects.filter(alias_of__in=restricted).order_by().values_list("path", "depth")
    return list(pages.union(aliases))


def private_pages_q() -> Q:
    """Matches the pages the public may not see: those in ``private_roots`` and below."""
    q = Q()
    for path, depth in private_roots():
        q |= Q(path__startswith=path, depth__gte=depth)
    return q if q else Q(pk__in=[])  # nothing is private: match no page


def public(pages):
    """``pages`` without anything a visitor would be asked to log in (or give a password) for."""
    return pages.exclude(private_pages_q())


class PublicPageQuerySet(PageQuerySet):
    """A page type's queryset whose ``public()``, ``private()`` and ``not_public()`` follow
    the rule above (Wagtail's build on ``private_q``)."""

    def private_q(self):
        return private_pages_q()


def restrictions_covering(path) -> Exists:
    """For an ``OuterRef`` path, an ``Exists``: true when a view restriction covers that page,
    on it or on a page above it, or on the source of an alias at or above it. It reads the
    restrictions table (a handful of rows), their pages and those pages' aliases (through the
    index on ``alias_of``), so it stays cheap however many pages there are; one subquery, as
    building each costs more Python than PostgreSQL takes to run it."""
    covering = PageViewRestriction.objects.annotate(
        restricted_path=F("page__path"),
        alias_path=F("page__aliases__path"),  # an alias of the restricted page, if any
        path_prefix=Substr(path, 1, Length("restricted_path")),
        alias_prefix=Substr(path, 1, Length("alias_path")),
    ).filter(Q(path_prefix=F("restricted_path")) | Q(alias_prefix=F("alias_path")))
    return Exists(covering)
