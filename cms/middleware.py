"""Response headers the stock middleware does not set the way we need."""

from django.conf import settings


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
