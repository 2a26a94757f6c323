"""`manage.py load_demo` builds the whole site once, and running it again changes nothing."""

import datetime
import io

from django.core.management import call_command
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

import pytest
import time_machine
from bs4 import BeautifulSoup

from blog.models import BlogCategory, BlogPage
from contact.models import ContactPage, Enquiry
from home import demo_content
from home.models import ClinicSettings, HomePage, StandardPage
from people.models import Person

pytestmark = pytest.mark.django_db

MODELS = [Page, Revision, Person, BlogCategory, Site, ClinicSettings, get_image_model()]


def snapshot():
    counts = {model.__name__: model.objects.count() for model in MODELS}
    pages = list(Page.objects.order_by("path").values_list("path", "title", "live", "url_path"))
    return counts, pages


def test_load_demo_builds_the_site_and_is_idempotent(client):
    call_command("load_demo", stdout=io.StringIO())
    first = snapshot()
    call_command("load_demo", stdout=io.StringIO())
    assert snapshot() == first

    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail").exists()
    assert BlogPage.objects.live().count() >= 3
    assert StandardPage.objects.filter(slug__in=["about", "services"]).count() == 2
    for url in ["/", "/blog/", "/contact/", "/about/", "/services/", "/search/?q=back"]:
        assert client.get(url).status_code == 200, url
    for article in BlogPage.objects.live():
        assert client.get(article.url).status_code == 200, article.url


def test_demo_muscle_spasm_article_has_faq_callout_cta_and_form():
    call_command("load_demo", stdout=io.StringIO())
    article = BlogPage.objects.get(slug="muscle-spasm-and-back-pain")
    block_types = [block.block_type for block in article.body]
    for required in ("faq", "callout", "cta", "contact_form", "heading", "image"):
        assert required in block_types, required
    cta = next(block for block in article.body if block.block_type == "cta")
    assert isinstance(cta.value["page"].specific, ContactPage)
    assert article.author and article.reviewer and article.author != article.reviewer


def test_demo_clinic_is_open_seven_days_a_week():
    call_command("load_demo", stdout=io.StringIO())
    clinic = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    assert clinic.open_every_day
    assert clinic.name == demo_content.CLINIC["name"]


def test_demo_contact_form_accepts_a_submission(client):
    call_command("load_demo", stdout=io.StringIO())
    page = ContactPage.objects.get()
    html = BeautifulSoup(client.get(page.url).content, "html.parser")
    form = html.find("form", class_="form")
    data = {i["name"]: i.get("value", "") for i in form.find_all("input", type="hidden")}
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=30)):
        data.update(
            {
                "full_name": "Demo Visitor",
                "phone_number": "+971 50 123 4567",
                "email_address": "visitor@example.com",
                "preferred_contact_method": "WhatsApp",
                "service": html.find("select", attrs={"name": "service"}).find_all("option")[-1][
                    "value"
                ],
                "how_can_we_help": "Stiff neck in the mornings.",
                "consent": "on",
            }
        )
        response = client.post(page.url, data)
    assert response.status_code == 302
    enquiry = Enquiry.objects.get(page=page)
    assert not enquiry.is_spam
    assert enquiry.form_data["phone_number"] == "+971501234567"
    assert enquiry.consent_version == page.consent_version


def test_demo_articles_are_original_writing_not_the_sample():
    """The reference article in shared/samples must not be copied into the project."""
    from pathlib import Path

    sample = Path(__file__).resolve().parents[2] / "shared/samples/muscle-spasm-and-back-pain.txt"
    if not sample.exists():
        pytest.skip(f"sample not present at {sample}")
    sample_sentences = {
        sentence.strip()
        for sentence in sample.read_text().replace("\n", " ").split(".")
        if len(sentence.split()) >= 8
    }
    ours = Path(demo_content.__file__).read_text()
    copied = [s for s in sample_sentences if s in ours]
    assert copied == []
