"""The sitemap: Wagtail's, listing only what the public may see (home/visibility.py)."""

from wagtail.contrib.sitemaps import Sitemap

from home.visibility import public


class PublicSitemap(Sitemap):
    def items(self):
        pages = self.get_wagtail_site().root_page.get_descendants(inclusive=True).live()
        return public(pages).order_by("path").defer_streamfields().specific()
