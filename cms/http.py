"""The visitor's address behind the reverse proxies that terminate TLS in front of gunicorn."""

from django.conf import settings


def client_address(request) -> str:
    """The last address not added by our own proxies (TRUSTED_PROXY_COUNT of them append to
    X-Forwarded-For); REMOTE_ADDR when there are none, or the header is shorter than that
    (a request that did not come through them). Used by the contact form's rate limit and by
    django-axes (AXES_CLIENT_IP_CALLABLE), so both count per visitor, not per proxy."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
