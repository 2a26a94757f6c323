"""Error views that work when everything else is failing."""

import logging
import sys

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader

logger = logging.getLogger(__name__)


def server_error(request):
    """500, or a branded 503 with Retry-After when the database is unreachable. Both pages are
    rendered without a request context, so they need neither the database nor the cache."""
    error = sys.exc_info()[1]
    if isinstance(error, DatabaseError):
        body = loader.render_to_string("503.html", {"clinic_phone": settings.CLINIC_PHONE})
        response = HttpResponse(body, status=503)
        response["Retry-After"] = "60"
        response["Cache-Control"] = "no-store"
        return response
    return HttpResponseServerError(
        loader.render_to_string("500.html", {"clinic_phone": settings.CLINIC_PHONE})
    )


def csrf_failure(request, reason=""):
    """A form refused because its security token was missing or stale (cookies blocked, an
    in-app browser, a form left open for days): a page in the site's style that says what
    happened and what to do, with the clinic's phone number, instead of Django's technical
    page. The reason is logged by Django, never shown."""
    return render(request, "403_csrf.html", status=403)
