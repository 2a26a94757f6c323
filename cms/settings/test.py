"""Test settings: fast hashing, local mail, plain static storage. DATABASE_URL still applies."""

import os
import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
if not os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or tempfile.mkdtemp(prefix="clinic-test-media-"))
WAGTAILADMIN_BASE_URL = "http://testserver"
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="clinic-test-static-"))
# The test client's login() calls authenticate() without a request, which django-axes refuses;
# tests that exercise axes switch it on themselves.
AXES_ENABLED = False
# Query-budget and content tests measure real rendering; the page-cache tests switch it on.
WAGTAIL_CACHE = False
# One process, so the local-memory store is as good as shared: both legs test these caches.
PAGE_FRAGMENT_CACHE = True
SHARED_PAGE_STORE = True
