"""RSS and Atom feeds of the newest health articles, advertised in every page's head."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from wagtail.models import Site

from blog.models import BlogIndexPage, BlogPage
from home.models import ClinicSettings

FEED_LENGTH = 20


class ArticlesFeed(Feed):
    """Live, public articles, newest first (the same query as the blog index)."""

    def get_object(self, request, *args, **kwargs):
        site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
        return site

    def title(self, site):
        return f"{ClinicSettings.for_site(site).name}: health articles"

    def link(self, site):
        index = BlogIndexPage.for_site(site)
        return index.url if index is not None else "/"

    def description(self, site):
        index = BlogIndexPage.for_site(site)
        return index.intro if index is not None and index.intro else self.title(site)

    def items(self, site):
        return (
            BlogPage.objects.listing()
            .descendant_of(site.root_page)
            .select_related("author")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url()

    def item_guid(self, item):
        return item.get_full_url()

    def item_pubdate(self, item):
        midnight = datetime.datetime.combine(item.date, datetime.time())
        return timezone.make_aware(midnight)

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.author.name if item.author_id else None

    def item_categories(self, item):
        return [category.name for category in item.categories.all()]


class ArticlesAtomFeed(ArticlesFeed):
    feed_type = Atom1Feed

    def subtitle(self, site):
        return self.description(site)
