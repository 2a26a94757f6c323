from django.conf import settings
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms import health
from search import views as search_views
from seo import feeds
from seo import views as seo_views
from seo.sitemaps import PublicSitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search_views.search, name="search"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": PublicSitemap}}, name="sitemap"),
    path("robots.txt", seo_views.robots_txt, name="robots_txt"),
    # Dots cannot appear in page slugs, so these never shadow an article.
    path("blog/rss.xml", feeds.ArticlesFeed(), name="articles_rss"),
    path("blog/atom.xml", feeds.ArticlesAtomFeed(), name="articles_atom"),
]

if settings.SERVE_MEDIA and not settings.DEBUG:
    # A single server with media on its own disk and no proxy serving MEDIA_ROOT.
    from django.urls import re_path
    from django.views.static import serve

    # Images only: documents go through Wagtail's serve view (/documents/), which checks
    # private collections and sets their own headers.
    urlpatterns += [
        re_path(
            r"^media/(?P<path>(?:original_images|images)/.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        ),
    ]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler500 = "cms.views.server_error"
