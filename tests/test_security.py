"""Security: headers on every response, production settings, brute-force protection, uploads."""

import datetime
import io
import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

import pytest
import time_machine
from PIL import Image as PILImage

from tests.helpers import run_python

ROOT = Path(__file__).resolve().parent.parent


def csp(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    policy = {}
    for directive in header.split(";"):
        name, *values = directive.split()
        policy[name] = values
    return policy


@pytest.fixture
def public_urls(article, contact_page):
    return ["/", "/blog/", article.url, contact_page.url, "/search/?q=back", "/missing/"]


def test_public_pages_carry_a_strict_csp_and_the_other_security_headers(client, public_urls):
    for url in public_urls:
        response = client.get(url)
        policy = csp(response)
        assert policy["default-src"] == ["'none'"], url
        assert policy["script-src"] == ["'self'"], url
        assert policy["style-src"] == ["'self'"], url
        assert policy["frame-ancestors"] == ["'none'"], url
        assert policy["object-src"] == ["'none'"], url
        assert policy["base-uri"] == ["'none'"], url
        assert policy["form-action"] == ["'self'"], url
        assert "'unsafe-inline'" not in response["Content-Security-Policy"], url
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"
        permissions = response["Permissions-Policy"]
        for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
            assert f"{feature}=()" in permissions, (url, feature)


def test_public_templates_have_no_inline_scripts_or_styles(client, public_urls):
    from bs4 import BeautifulSoup

    for url in public_urls:
        html = BeautifulSoup(client.get(url).content, "html.parser")
        for script in html.find_all("script"):
            assert script.get("src") or script.get("type") == "application/ld+json", url
        assert html.find("style") is None, url
        assert html.find(attrs={"style": True}) is None, url
        for tag in html.find_all(True):
            assert not any(name.startswith("on") for name in tag.attrs), (url, tag.name)


def test_the_admin_gets_its_own_policy_that_allows_same_origin_previews(admin_client):
    response = admin_client.get("/admin/")
    policy = csp(response)
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]


@pytest.mark.django_db
def test_post_without_csrf_token_is_refused(contact_page):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(contact_page.url, {"full_name": "x"})
    assert response.status_code == 403


def production_env(**extra) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "EMAIL_", "REDIS_", "AWS_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="clinic.example.com",
        WAGTAILADMIN_BASE_URL="https://clinic.example.com",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    env.update(extra)
    return env


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_under_production_settings():
    result = manage(production_env(), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "WAGTAILADMIN_BASE_URL"])
def test_production_refuses_to_start_without_required_settings(missing):
    env = production_env()
    env.pop(missing)
    result = manage(env, "check")
    assert result.returncode != 0
    assert f"The environment variable {missing} must be set in production." in result.stderr


def test_production_settings_secure_cookies_hsts_and_proxy_tls():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, "
        "s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_SSL_REDIRECT, s.SECURE_PROXY_SSL_HEADER, "
        "s.SESSION_COOKIE_HTTPONLY, s.DEBUG, s.STORAGES['staticfiles']['BACKEND'])"
    )
    result = run_python(code, production_env())
    assert result.stdout.strip() == (
        "True True 31536000 True True ('HTTP_X_FORWARDED_PROTO', 'https') True False "
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    ), result.stderr


def test_load_balancer_probes_over_plain_http_are_answered_not_redirected():
    code = (
        "import django; django.setup(); from django.test import Client; c = Client(); "
        "print(*(c.get(p, HTTP_HOST='clinic.example.com').status_code "
        "for p in ('/healthz', '/readyz', '/')))"
    )
    result = run_python(code, production_env())
    healthz, readyz, home = result.stdout.split()
    assert healthz == "200" and readyz in ("200", "503"), result.stderr  # answered either way
    assert home == "301"  # everything else still goes to HTTPS


def test_gunicorn_runs_production_settings_when_none_are_named():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    code = (
        "import runpy, os; runpy.run_path('cms/gunicorn.conf.py'); "
        "print(os.environ['DJANGO_SETTINGS_MODULE'])"
    )
    result = run_python(code, env)
    assert result.stdout.strip() == "cms.settings.production", result.stderr


def test_s3_media_storage_is_used_when_a_bucket_is_configured():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "from django.core.files.storage import storages; "
        "print(type(storages['default']).__name__, s.AWS_S3_ENDPOINT_URL, "
        "s.AWS_S3_FILE_OVERWRITE)"
    )
    result = run_python(
        code,
        production_env(
            AWS_STORAGE_BUCKET_NAME="clinic-media",
            AWS_S3_ENDPOINT_URL="https://s3.me-central-1.example.com",
        ),
    )
    assert result.stdout.strip() == "S3Storage https://s3.me-central-1.example.com False", (
        result.stderr
    )


# --- admin brute force ------------------------------------------------------------------------


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_superuser(
        "frontdesk-lead", "lead@example.com", "correct horse battery staple"
    )


def attempt(client, password, ip="198.51.100.7", username="frontdesk-lead"):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=ip,
    )


@override_settings(AXES_ENABLED=True)
def test_admin_login_locks_after_five_failures_and_refuses_the_right_password(client, staff_user):
    statuses = [attempt(client, f"wrong-{n}").status_code for n in range(5)]
    assert statuses == [200, 200, 200, 200, 429]  # the fifth failure locks
    locked = attempt(client, "correct horse battery staple")
    assert locked.status_code == 429
    assert not client.session.get("_auth_user_id")
    # 100 tries in a row gain nothing: every one is refused while locked.
    assert {attempt(client, f"again-{n}").status_code for n in range(100)} == {429}


@override_settings(AXES_ENABLED=True)
def test_one_address_trying_many_accounts_is_locked_too(client, staff_user):
    for n in range(5):
        attempt(client, "wrong", username=f"user{n}")
    assert attempt(client, "correct horse battery staple").status_code == 429
    # Another address is unaffected by this address's failures for other accounts.
    assert attempt(client, "correct horse battery staple", ip="203.0.113.5").status_code == 302


@override_settings(AXES_ENABLED=True, TRUSTED_PROXY_COUNT=1)
def test_behind_the_proxy_one_visitors_failures_do_not_lock_out_other_staff(
    client, staff_user, django_user_model
):
    """Every login arrives from the proxy's address: locking by that address would let anyone
    lock out all staff. Axes reads the visitor's address the proxy appended."""
    django_user_model.objects.create_superuser(
        "ward-nurse", "nurse@example.com", "another long password 42"
    )

    def login(visitor, username, password):
        return client.post(
            reverse("wagtailadmin_login"),
            {"username": username, "password": password},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=visitor,
        ).status_code

    assert [login("198.51.100.7", "frontdesk-lead", f"x{n}") for n in range(5)][-1] == 429
    assert login("198.51.100.7", "ward-nurse", "another long password 42") == 429  # address
    assert login("203.0.113.5", "ward-nurse", "another long password 42") == 302


def test_production_reads_the_visitors_address_behind_one_proxy_by_default():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.TRUSTED_PROXY_COUNT, s.AXES_CLIENT_IP_CALLABLE)"
    )
    assert run_python(code, production_env()).stdout.split() == ["1", "cms.http.client_address"]
    assert run_python(code, production_env(TRUSTED_PROXY_COUNT="2")).stdout.split()[0] == "2"


@override_settings(AXES_ENABLED=True, AXES_HANDLER="axes.handlers.database.AxesDatabaseHandler")
def test_lockout_ends_after_the_cool_off(client, staff_user):
    for n in range(5):
        attempt(client, f"wrong-{n}")
    assert attempt(client, "correct horse battery staple").status_code == 429
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=16)):
        assert attempt(client, "correct horse battery staple").status_code == 302


# --- uploads ----------------------------------------------------------------------------------


def png(width, height) -> io.BytesIO:
    buffer = io.BytesIO()
    PILImage.new("P", (width, height)).save(buffer, format="PNG")
    buffer.seek(0)
    buffer.name = f"{width}x{height}.png"
    return buffer


def upload_image(admin_client, file):
    return admin_client.post(
        reverse("wagtailimages:add"), {"title": "Upload", "file": file}, follow=False
    )


@pytest.mark.parametrize(("width", "height"), [(10_000, 10_000), (20_000, 20_000)])
def test_images_with_too_many_pixels_get_a_form_error(admin_client, width, height):
    from wagtail.images import get_image_model

    response = upload_image(admin_client, png(width, height))
    assert response.status_code == 200
    assert "pixels" in response.content.decode().lower()
    assert not get_image_model().objects.exists()


def test_oversize_image_file_gets_a_form_error(admin_client, settings):
    from wagtail.images import get_image_model

    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    noisy = io.BytesIO()
    PILImage.frombytes("RGB", (200, 200), os.urandom(200 * 200 * 3)).save(noisy, "PNG")
    noisy.seek(0)
    noisy.name = "big.png"
    response = upload_image(admin_client, noisy)
    assert response.status_code == 200
    assert "too big" in response.content.decode().lower()
    assert not get_image_model().objects.exists()


def test_svg_uploads_are_refused(admin_client):
    svg = io.BytesIO(b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
    svg.name = "evil.svg"
    response = upload_image(admin_client, svg)
    assert response.status_code == 200
    assert "svg" in response.content.decode().lower()


def test_documents_are_served_so_they_cannot_run_script_in_our_origin(admin_client, client):
    from django.core.files.base import ContentFile

    from wagtail.documents import get_document_model

    document = get_document_model().objects.create(
        title="Leaflet", file=ContentFile(b"<script>alert(1)</script>", name="leaflet.txt")
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"].startswith("default-src 'none'")
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_wagtail_is_at_least_the_patched_lts_release():
    import wagtail

    assert wagtail.VERSION[:3] >= (7, 4, 3)


def test_no_default_admin_accounts(db, django_user_model):
    assert not django_user_model.objects.filter(
        username__in=["admin", "root", "administrator"]
    ).exists()


def test_media_is_served_by_django_in_production_only_when_asked():
    code = (
        "import django; django.setup(); from django.urls import resolve, Resolver404\n"
        "for path in ('/media/images/x.webp', '/media/documents/private.pdf'):\n"
        "    try:\n        resolve(path); print('served')\n"
        "    except Resolver404:\n        print('not')"
    )

    def run(**extra):
        return run_python(code, production_env(**extra)).stdout.strip()

    assert run().split() == ["not", "not"]
    # Images only: a document's file would skip the private-collection check of /documents/.
    assert run(SERVE_MEDIA="true").split() == ["served", "not"]
