"""The medical review lifecycle: due dates, the report, the dashboard panel, the daily reminder
and the "Medical review" workflow recording the reviewer."""

import datetime
import io

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import GroupPagePermission, Workflow

import pytest
import time_machine
from bs4 import BeautifulSoup

from people.models import Person
from seo import review
from seo.workflows import assign_medical_review
from tests import factories

TODAY = datetime.date(2026, 6, 15)
NOON = datetime.datetime(2026, 6, 15, 12, 0, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2028, 1, 31), 1, datetime.date(2028, 2, 29)),
        (datetime.date(2026, 6, 15), 12, datetime.date(2027, 6, 15)),
        (datetime.date(2026, 11, 30), 3, datetime.date(2027, 2, 28)),
    ],
)
def test_add_months_clamps_to_the_end_of_short_months(day, months, expected):
    assert review.add_months(day, months) == expected


def test_next_review_due_uses_the_default_interval_or_the_articles_own(blog_index, settings):
    settings.REVIEW_INTERVAL_MONTHS = 12
    default = factories.BlogPageFactory(parent=blog_index, last_reviewed=datetime.date(2026, 1, 10))
    own = factories.BlogPageFactory(
        parent=blog_index, last_reviewed=datetime.date(2026, 1, 10), review_interval_months=6
    )
    never = factories.BlogPageFactory(parent=blog_index, last_reviewed=None)
    assert default.next_review_due == datetime.date(2027, 1, 10)
    assert own.next_review_due == datetime.date(2026, 7, 10)
    assert never.next_review_due is None


@pytest.fixture
def review_mix(blog_index):
    """Articles in each review state as of TODAY (12-month interval)."""
    with time_machine.travel(NOON, tick=False):
        return {
            "overdue": factories.BlogPageFactory(
                parent=blog_index, title="Overdue", last_reviewed=datetime.date(2025, 6, 14)
            ),
            "due_today": factories.BlogPageFactory(
                parent=blog_index, title="Due today", last_reviewed=datetime.date(2025, 6, 15)
            ),
            "due_soon": factories.BlogPageFactory(
                parent=blog_index, title="Due soon", last_reviewed=datetime.date(2025, 7, 15)
            ),
            "later": factories.BlogPageFactory(
                parent=blog_index, title="Later", last_reviewed=datetime.date(2025, 7, 16)
            ),
            "never": factories.BlogPageFactory(
                parent=blog_index, title="Never", last_reviewed=None
            ),
            "draft": factories.BlogPageFactory(
                parent=blog_index,
                title="Draft",
                live=False,
                last_reviewed=datetime.date(2020, 1, 1),
            ),
        }


def test_review_status_date_arithmetic(review_mix):
    statuses = {key: review.review_status(page, TODAY) for key, page in review_mix.items()}
    assert statuses["overdue"] == review.OVERDUE
    assert statuses["due_today"] == review.DUE_SOON
    assert statuses["due_soon"] == review.DUE_SOON  # due 15 July = today + 30 days
    assert statuses["later"] == review.CURRENT  # due 16 July = today + 31 days
    assert statuses["never"] == review.NEVER_REVIEWED


def report_titles(response):
    html = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in html.select("table.listing td.title a")]


def test_report_lists_overdue_due_soon_and_never_reviewed_live_articles(admin_client, review_mix):
    with time_machine.travel(NOON, tick=False):
        response = admin_client.get("/admin/reports/content-due-for-review/")
    assert response.status_code == 200
    assert report_titles(response) == ["Never", "Overdue", "Due today", "Due soon"]


@pytest.mark.parametrize(
    "status, expected",
    [
        ("overdue", ["Overdue"]),
        ("due_soon", ["Due today", "Due soon"]),
        ("never_reviewed", ["Never"]),
    ],
)
def test_report_filters_by_status(admin_client, review_mix, status, expected):
    with time_machine.travel(NOON, tick=False):
        response = admin_client.get(f"/admin/reports/content-due-for-review/?status={status}")
    assert report_titles(response) == expected


def test_report_filters_by_reviewer(admin_client, review_mix):
    reviewer = review_mix["overdue"].reviewer
    with time_machine.travel(NOON, tick=False):
        response = admin_client.get(
            f"/admin/reports/content-due-for-review/?reviewer={reviewer.pk}"
        )
    assert report_titles(response) == ["Overdue"]


def test_report_exports_csv(admin_client, review_mix):
    with time_machine.travel(NOON, tick=False):
        response = admin_client.get("/admin/reports/content-due-for-review/?export=csv")
    assert response.status_code == 200
    body = (
        b"".join(response.streaming_content).decode()
        if response.streaming
        else (response.content.decode())
    )
    lines = body.strip().splitlines()
    assert lines[0].split(",")[:3] == ["Article", "Status", "Review due"]
    assert lines[1].startswith("Never,Never reviewed,,")
    assert lines[2].startswith("Overdue,Overdue,2026-06-14")
    assert len(lines) == 5


def test_report_is_for_page_editors_only(client, review_mix, django_user_model):
    user = django_user_model.objects.create_user("visitor", password="x" * 12)
    client.force_login(user)
    response = client.get("/admin/reports/content-due-for-review/")
    assert response.status_code in (302, 403)


def test_dashboard_panel_counts_articles_needing_review(admin_client, review_mix):
    with time_machine.travel(NOON, tick=False):
        response = admin_client.get("/admin/")
    html = BeautifulSoup(response.content, "html.parser")
    panel = html.find("section", attrs={"aria-labelledby": "review-due-heading"})
    text = " ".join(panel.get_text(" ").split())
    assert "1 article overdue" in text
    assert "2 due within 30 days" in text
    assert "1 never reviewed" in text


def test_overdue_notice_is_for_staff_not_visitors(client, admin_client, review_mix):
    url = review_mix["overdue"].url
    with time_machine.travel(NOON, tick=False):
        visitor = client.get(url).content.decode()
        staff = admin_client.get(url).content.decode()
    assert "staff-notice" not in visitor
    assert "staff-notice" in staff and "14 June 2026" in staff


def test_daily_reminder_emails_each_owner_once_a_day(review_mix, django_user_model):
    owner = django_user_model.objects.create_user("writer", "writer@example.com", "x" * 12)
    for page in review_mix.values():
        page.owner = owner
        page.save()
    with time_machine.travel(NOON, tick=False):
        call_command("send_review_reminders", stdout=io.StringIO())
        call_command("send_review_reminders", stdout=io.StringIO())

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["writer@example.com"]
    assert message.subject == "4 articles due for medical review"
    for title in ("Overdue", "Due today", "Due soon", "Never"):
        assert f"- {title}\n" in message.body
    assert "- Later\n" not in message.body and "- Draft\n" not in message.body
    assert "/admin/pages/" in message.body


def test_reminders_without_owner_email_go_to_the_fallback_list(review_mix, settings):
    settings.REVIEW_REMINDER_EMAILS = ["editor-in-chief@example.com"]
    with time_machine.travel(NOON, tick=False):
        call_command("send_review_reminders", stdout=io.StringIO())
    assert [m.to for m in mail.outbox] == [["editor-in-chief@example.com"]]


def test_worker_runs_the_daily_reminder(review_mix, settings):
    settings.REVIEW_REMINDER_EMAILS = ["editor-in-chief@example.com"]
    with time_machine.travel(NOON, tick=False):
        call_command("run_worker", once=True, stdout=io.StringIO())
    assert any("medical review" in m.subject for m in mail.outbox)


def test_migration_creates_the_medical_review_workflow_and_group(db):
    workflow = Workflow.objects.get(name="Medical review")
    task = workflow.tasks.get().specific
    assert type(task).__name__ == "MedicalReviewTask"
    assert list(task.groups.values_list("name", flat=True)) == ["Medical reviewers"]


def test_a_blog_index_created_after_installation_uses_the_medical_review(home):
    blog = factories.BlogIndexPageFactory(parent=home, slug="news", title="News")
    article = factories.BlogPageFactory(parent=blog)

    assert article.get_workflow().name == "Medical review"
    reviewers = Group.objects.get(name="Medical reviewers")
    assert set(
        GroupPagePermission.objects.filter(group=reviewers, page=blog).values_list(
            "permission__codename", flat=True
        )
    ) == {"change_page", "publish_page"}


def test_approving_the_medical_review_records_reviewer_and_date(blog_index, django_user_model):
    assert assign_medical_review(blog_index)
    editor = django_user_model.objects.create_superuser("editor", "e@example.com", "x" * 12)
    clinician = django_user_model.objects.create_user(
        "sara", "sara@example.com", "x" * 12, first_name="Sara", last_name="Ali"
    )
    clinician.groups.add(Group.objects.get(name="Medical reviewers"))
    person = factories.PersonFactory(name="Dr Sara Ali", credentials="MBBS", user=clinician)
    article = factories.BlogPageFactory(parent=blog_index, last_reviewed=datetime.date(2024, 1, 1))
    article.title = "Revised article"
    revision = article.save_revision(user=editor)

    workflow = article.get_workflow()
    assert workflow.name == "Medical review"
    with time_machine.travel(NOON, tick=False):
        state = workflow.start(article, editor)
        task_state = state.current_task_state
        assert task_state.revision_id == revision.pk
        task_state.task.specific.on_action(task_state, clinician, "approve")

    article.refresh_from_db()
    assert article.live and article.title == "Revised article"
    assert article.reviewer == person
    assert article.last_reviewed == TODAY
    assert article.next_review_due == datetime.date(2027, 6, 15)
    assert article.get_latest_revision().as_object().reviewer_id == person.pk


def test_approval_by_a_clinician_without_a_profile_creates_one(blog_index, django_user_model):
    assign_medical_review(blog_index)
    clinician = django_user_model.objects.create_user(
        "omar", "o@example.com", "x" * 12, first_name="Omar", last_name="Siddiqui"
    )
    clinician.groups.add(Group.objects.get(name="Medical reviewers"))
    article = factories.BlogPageFactory(parent=blog_index)
    article.save_revision()
    state = article.get_workflow().start(article, clinician)
    state.current_task_state.task.specific.on_action(state.current_task_state, clinician, "approve")
    article.refresh_from_db()
    assert article.reviewer == Person.objects.get(user=clinician)
    assert article.reviewer.name == "Omar Siddiqui"
    assert article.last_reviewed == timezone.localdate()
