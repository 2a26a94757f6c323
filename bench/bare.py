"""A bare Django project (one view, no middleware, no database) for `make bench`: the
"trivial Django view under the same gunicorn" that issue 5's reference figure measures. Our own
ceiling (/healthz) goes through the site's whole middleware stack; the difference between the
two is what that stack costs."""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-only-not-secret",  # noqa: S106 (a throwaway process on loopback)
    ALLOWED_HOSTS=["127.0.0.1"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    DATABASES={},
)


def hello(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("", hello)]
application = get_wsgi_application()
