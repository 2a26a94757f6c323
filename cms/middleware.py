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
