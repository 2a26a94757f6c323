"""A visitor on a phone reads an article, opens an FAQ answer and books through the form."""

import re
import time

from django.conf import settings

import pytest

from contact.models import ContactPage

from .conftest import LIVE_SERVER_DB, PHONE, require_module
from .site_pages import (
    ARTICLE_URL,
    CONSENT_LABEL_START,
    CONTACT_URL,
    EMAIL_LABEL,
    MESSAGE_LABEL,
    METHOD_LEGEND,
    NAME_LABEL,
    PHONE_LABEL,
    SERVICE_LABEL,
)

expect = require_module("playwright.sync_api", "Playwright drives Chromium", True).expect

pytestmark = [pytest.mark.browser, LIVE_SERVER_DB]

ARTICLE_TITLE = "Muscle spasm and back pain: what you need to know"
FAQ_QUESTION = "Should I stay in bed until the spasm passes?"
FAQ_ANSWER_START = "Usually not."


def label(text: str) -> re.Pattern:
    """A field's accessible name starts with its label (then e.g. '(required)')."""
    return re.compile(rf"^{re.escape(text)}")


def embedded_form(page):
    """The call-back form at the end of the article, found as a visitor perceives it."""
    region = page.get_by_role("region", name="Request a call back")
    region.scroll_into_view_if_needed()
    return region.locator("form")


def take_a_persons_time(page, since: float):
    """The form quarantines anything sent faster than a person could fill it in
    (CONTACT_MIN_FILL_SECONDS); a scripted browser types far faster, so it waits."""
    remaining = settings.CONTACT_MIN_FILL_SECONDS + 0.3 - (time.monotonic() - since)
    if remaining > 0:
        page.wait_for_timeout(remaining * 1000)


def field_wrapper(control):
    """The field's own box: the nearest ancestor with the 'field' class."""
    return control.locator("xpath=ancestor::*[contains(concat(' ', @class, ' '), ' field ')][1]")


def test_phone_visitor_reads_article_opens_faq_and_books_a_call_back(new_page):
    page = new_page(PHONE)
    page.goto(ARTICLE_URL)
    shown = time.monotonic()
    expect(page.get_by_role("heading", level=1)).to_have_text(ARTICLE_TITLE)

    item = page.locator("details", has=page.get_by_text(FAQ_QUESTION, exact=True))
    answer = item.get_by_text(FAQ_ANSWER_START)
    expect(item).not_to_have_attribute("open", "")
    expect(answer).to_be_hidden()
    item.get_by_text(FAQ_QUESTION, exact=True).tap()
    expect(item).to_have_attribute("open", "")
    expect(answer).to_be_visible()

    form = embedded_form(page)
    expect(form).to_have_attribute("action", CONTACT_URL)
    form.get_by_label(label(NAME_LABEL)).fill("Aisha Rahman")
    form.get_by_label(label(PHONE_LABEL)).fill("+971 50 123 4567")
    form.get_by_label(label(EMAIL_LABEL)).fill("aisha@example.com")
    form.get_by_role("group", name=label(METHOD_LEGEND)).get_by_role(
        "radio", name="WhatsApp"
    ).check()
    form.get_by_label(label(SERVICE_LABEL)).select_option("Physiotherapy")
    form.get_by_label(label(MESSAGE_LABEL)).fill("Lower back spasm since Tuesday.")
    form.get_by_role("checkbox", name=label(CONSENT_LABEL_START)).check()
    take_a_persons_time(page, shown)
    with page.expect_navigation():
        form.get_by_role("button", name="Send").tap()

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you")
    expect(page.get_by_role("status")).to_contain_text("We have received your request")

    # Wagtail's FormSubmission, or the contact page's own subclass of it if it declares one.
    contact = ContactPage.objects.get(url_path__endswith=CONTACT_URL)
    submissions = contact.get_submission_class().objects.filter(page=contact)
    assert submissions.count() == 1
    data = submissions.get().get_data()
    assert data["full_name"] == "Aisha Rahman"
    assert data["preferred_contact_method"] == "WhatsApp"
    assert data["service"] == "Physiotherapy"
    enquiry = submissions.get()
    assert not enquiry.is_spam, enquiry.spam_reason
    assert enquiry.source_page.url_path.endswith(ARTICLE_URL)
    assert enquiry.notifications.get(kind="staff").status == "pending"  # the worker sends it


def test_form_with_mistakes_keeps_the_answers_and_goes_through_once_corrected(new_page):
    page = new_page(PHONE)
    page.goto(ARTICLE_URL)
    shown = time.monotonic()
    form = embedded_form(page)
    form.get_by_label(label(PHONE_LABEL)).fill("+971 50 123 4567")
    form.get_by_label(label(EMAIL_LABEL)).fill("aisha@example.com")
    form.get_by_role("radio", name="WhatsApp").check()
    form.get_by_label(label(SERVICE_LABEL)).select_option("Dermatology")
    form.get_by_label(label(MESSAGE_LABEL)).fill("A rash on my arm.")
    # Full name left empty and consent left unticked.
    with page.expect_navigation():
        form.get_by_role("button", name="Send").tap()

    assert page.url.endswith(CONTACT_URL)
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Please correct 2 fields below")
    form = page.locator("main form")

    for control in (
        form.get_by_label(label(NAME_LABEL)),
        form.get_by_role("checkbox", name=label(CONSENT_LABEL_START)),
    ):
        expect(control).to_have_attribute("aria-invalid", "true")
        error = field_wrapper(control).locator(".field__error")
        expect(error).to_be_visible()
        expect(error).to_have_text(re.compile(r"\w"))
        # The error is announced with the field, not only shown beside it.
        error_id = error.get_attribute("id")
        expect(control).to_have_attribute("aria-describedby", re.compile(rf"\b{error_id}\b"))

    expect(
        field_wrapper(form.get_by_label(label(NAME_LABEL))).locator(".field__error")
    ).to_have_text("This field is required.")
    expect(form.locator(".field__error")).to_have_count(2)
    expect(form.get_by_label(label(PHONE_LABEL))).to_have_value("+971 50 123 4567")
    expect(form.get_by_label(label(EMAIL_LABEL))).to_have_value("aisha@example.com")
    expect(form.get_by_role("radio", name="WhatsApp")).to_be_checked()
    expect(form.get_by_label(label(SERVICE_LABEL))).to_have_value("Dermatology")
    expect(form.get_by_label(label(MESSAGE_LABEL))).to_have_value("A rash on my arm.")
    contact = ContactPage.objects.get(url_path__endswith=CONTACT_URL)
    assert not contact.get_submission_class().objects.exists()

    # Corrected, the same form goes through and is stored once, with everything typed before.
    form.get_by_label(label(NAME_LABEL)).fill("Aisha Rahman")
    form.get_by_role("checkbox", name=label(CONSENT_LABEL_START)).check()
    take_a_persons_time(page, shown)
    with page.expect_navigation():
        form.get_by_role("button", name="Send").tap()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you")
    enquiry = contact.get_submission_class().objects.get()
    assert not enquiry.is_spam, enquiry.spam_reason
    assert enquiry.get_data()["how_can_we_help"] == "A rash on my arm."
    assert enquiry.get_data()["phone_number"] == "+971501234567"
    assert enquiry.source_page.url_path.endswith(ARTICLE_URL)
