"""Clinic details are edited in the admin and drive the header and footer."""

import datetime

from wagtail.models import Site

import pytest
from bs4 import BeautifulSoup

from home.models import ClinicSettings

EVERY_DAY = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def hours(days, opens, closes):
    return {"type": "hours", "value": {"days": days, "opens": opens, "closes": closes}}


@pytest.fixture
def clinic(home):
    clinic = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    clinic.name = "Test Clinic Ajman"
    clinic.phone = "+971 6 555 0100"
    clinic.whatsapp = "+971 50 555 0101"
    clinic.address = "Corniche Street\nAjman, UAE"
    return clinic


def test_open_seven_days_a_week_from_one_row(clinic):
    clinic.opening_hours = [hours(EVERY_DAY, "08:00:00", "22:00:00")]
    clinic.save()
    clinic = ClinicSettings.objects.get(pk=clinic.pk)
    assert clinic.open_every_day
    assert clinic.hours_summary == [
        ("Monday–Sunday", [(datetime.time(8), datetime.time(22))]),
    ]


def test_split_hours_and_a_closed_day(clinic):
    clinic.opening_hours = [
        hours(EVERY_DAY[:5], "09:00:00", "13:00:00"),
        hours(EVERY_DAY[:5], "16:00:00", "21:00:00"),
        hours(["Saturday"], "10:00:00", "14:00:00"),
    ]
    clinic.save()
    clinic = ClinicSettings.objects.get(pk=clinic.pk)
    assert not clinic.open_every_day
    assert clinic.hours_summary == [
        (
            "Monday–Friday",
            [(datetime.time(9), datetime.time(13)), (datetime.time(16), datetime.time(21))],
        ),
        ("Saturday", [(datetime.time(10), datetime.time(14))]),
        ("Sunday", []),
    ]


def test_header_and_footer_read_the_clinic_settings(client, clinic):
    clinic.opening_hours = [hours(EVERY_DAY, "08:00:00", "22:00:00")]
    clinic.save()

    html = BeautifulSoup(client.get("/").content, "html.parser")

    assert html.find(class_="site-header__brand").get_text(strip=True) == "Test Clinic Ajman"
    footer = html.find("footer")
    assert "Open 7 days a week" in footer.get_text()
    assert footer.find("a", href="tel:+97165550100") is not None
    assert footer.find("a", href="https://wa.me/971505550101") is not None
    assert "Corniche Street" in footer.find("address").get_text()
    assert "Monday–Sunday" in footer.find("dl", class_="hours").get_text()


def test_changing_the_phone_number_in_settings_changes_every_page(client, clinic, article):
    clinic.phone = "+971 6 555 0199"
    clinic.save()
    for url in ["/", article.url]:
        assert b"tel:+97165550199" in client.get(url).content
