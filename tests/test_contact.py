"""The contact page stores every valid enquiry and keeps what the visitor typed on a mistake."""

from wagtail.contrib.forms.models import FormSubmission

import pytest
from bs4 import BeautifulSoup

VALID = {
    "full_name": "Mariam Al Suwaidi",
    "phone_number": "050 123 4567",
    "email_address": "mariam@example.com",
    "preferred_contact_method": "WhatsApp",
    "how_can_we_help": "Lower back pain after lifting.",
    "i_agree_to_be_contacted_about_my_enquiry": "on",
}


def test_valid_submission_is_stored_and_thanked(client, contact_page):
    response = client.post(contact_page.url, VALID)

    assert response.status_code == 200
    assert b"Thank you: we will call you back today." in response.content
    submission = FormSubmission.objects.get(page=contact_page)
    data = submission.get_data()
    assert data["full_name"] == "Mariam Al Suwaidi"
    assert data["preferred_contact_method"] == "WhatsApp"


def test_arabic_text_is_stored_exactly(client, contact_page):
    client.post(contact_page.url, dict(VALID, full_name="فاطمة الزهراء"))
    assert FormSubmission.objects.get().get_data()["full_name"] == "فاطمة الزهراء"


def test_mistakes_are_shown_next_to_fields_and_typed_values_are_kept(client, contact_page):
    data = dict(VALID, full_name="", email_address="not-an-email")
    data.pop("i_agree_to_be_contacted_about_my_enquiry")

    response = client.post(contact_page.url, data)

    assert response.status_code == 200
    assert FormSubmission.objects.count() == 0
    html = BeautifulSoup(response.content, "html.parser")
    assert html.find(class_="form__summary")["role"] == "alert"
    name = html.find("input", attrs={"name": "full_name"})
    assert name["aria-invalid"] == "true"
    assert html.find(id="id_full_name_error").get_text(strip=True)
    # What the visitor typed survives the round trip.
    assert html.find("input", attrs={"name": "phone_number"})["value"] == "050 123 4567"
    assert html.find("textarea", attrs={"name": "how_can_we_help"}).get_text().strip() == (
        "Lower back pain after lifting."
    )
    checked = html.find("input", attrs={"name": "preferred_contact_method", "checked": True})
    assert checked["value"] == "WhatsApp"
    assert html.find(id="id_email_address_error") is not None


def test_submission_posted_from_an_article_block_is_stored_by_the_contact_page(
    client, contact_page, article
):
    response = client.post(contact_page.url, VALID, HTTP_REFERER=article.full_url)

    assert response.status_code == 200
    assert FormSubmission.objects.filter(page=contact_page).count() == 1


def test_html_in_fields_is_escaped_on_the_thank_you_and_error_pages(client, contact_page):
    payload = '<script>alert("x")</script>'
    response = client.post(contact_page.url, dict(VALID, full_name="", how_can_we_help=payload))
    assert payload.encode() not in response.content
    assert b"&lt;script&gt;" in response.content


@pytest.mark.django_db
def test_form_help_text_is_never_rendered_as_html(settings):
    assert settings.WAGTAILFORMS_HELP_TEXT_ALLOW_HTML is False
