"""Response headers the stock middleware does not set the way we need."""

from django.conf import settings
from django.utils.cache import patch_cache_control


class AdminContentSecurityPolicyMiddleware:
    """The public site runs a strict Content-Security-Policy (settings.CONTENT_SECURITY_POLICY);
    the Wagtail admin uses inline scripts and styles and shows previews in a same-origin frame,
    so its pages get ADMIN_CONTENT_SECURITY_POLICY instead. Placed below CSPMiddleware, which
    reads the ``_csp_config`` set here when it writes the header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith("/admin/"):
            response._csp_config = settings.ADMIN_CONTENT_SECURITY_POLICY
        return response


class CachedSiteMiddleware:
    """Finds the request's Wagtail site (and its root page) from the cache before anything asks
    for it: see home.routing.find_site. Not for the load balancer's probes, which must answer
    without the cache (and are the benchmark's trivial-view ceiling)."""

    skip_prefixes = ("/healthz", "/readyz")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from home.routing import find_site

        if not request.path_info.startswith(self.skip_prefixes):
            find_site(request)
        return self.get_response(request)


class PrivateFormPagesMiddleware:
    """A page that rendered a CSRF token (a contact form, inline or whole) holds the visitor's
    own token: it is marked ``Cache-Control: private``, so neither the page cache nor a CDN
    stores it, for a returning visitor either (whose request carries the cookie, so the page
    cache would otherwise keep a copy under that cookie). Placed just below the page cache's
    UpdateCacheMiddleware, which reads the header on the way out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # CsrfViewMiddleware (below) sets the cookie on every response that used the token.
        if settings.CSRF_COOKIE_NAME in response.cookies:
            patch_cache_control(response, private=True, no_cache=True)
        return response
