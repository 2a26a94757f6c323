"""The medical review lifecycle: when an article is next due, which articles need attention,
and the reminder e-mail to their owners. Plain functions over BlogPage, used by the article
template, the admin report, the dashboard panel and ``manage.py send_review_reminders``."""

import calendar
import datetime
from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone

OVERDUE = "overdue"
DUE_SOON = "due_soon"
NEVER_REVIEWED = "never_reviewed"
CURRENT = "current"
STATUS_LABELS = {
    OVERDUE: "Overdue",
    DUE_SOON: "Due soon",
    NEVER_REVIEWED: "Never reviewed",
    CURRENT: "Up to date",
}


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` plus whole calendar months; the 31st becomes the month's last day (31 Jan + 1
    month = 28 or 29 Feb), as people count review intervals."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last_day = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last_day))


def default_interval_months() -> int:
    return settings.REVIEW_INTERVAL_MONTHS


def due_soon_days() -> int:
    return settings.REVIEW_DUE_SOON_DAYS


def next_review_due(last_reviewed, interval_months=None):
    if last_reviewed is None:
        return None
    return add_months(last_reviewed, interval_months or default_interval_months())


def review_status(page, today=None) -> str:
    today = today or timezone.localdate()
    due = next_review_due(page.last_reviewed, page.review_interval_months)
    if due is None:
        return NEVER_REVIEWED
    if due < today:
        return OVERDUE
    if due <= today + datetime.timedelta(days=due_soon_days()):
        return DUE_SOON
    return CURRENT


def refresh_due_dates() -> int:
    """Recompute the stored due dates (after REVIEW_INTERVAL_MONTHS changes); returns how many
    changed. Uses update(), so no revision or publish is made."""
    from blog.models import BlogPage

    changed = 0
    rows = BlogPage.objects.values_list(
        "pk", "last_reviewed", "review_interval_months", "next_review_due"
    )
    for pk, last_reviewed, interval, stored in rows:
        due = next_review_due(last_reviewed, interval)
        if due != stored:
            BlogPage.objects.filter(pk=pk).update(next_review_due=due)
            changed += 1
    if changed:
        from cms.cache import clear_page_cache

        clear_page_cache()  # update() sends no signal; cached pages hold the old dates
    return changed


def due_articles(today=None):
    """Live articles overdue, due within REVIEW_DUE_SOON_DAYS, or never reviewed; never reviewed
    first, then by due date (the same on SQLite and PostgreSQL)."""
    from blog.models import BlogPage

    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=due_soon_days())
    return (
        BlogPage.objects.live()
        .filter(Q(next_review_due__lte=horizon) | Q(next_review_due__isnull=True))
        .defer_streamfields()
        .select_related("reviewer", "owner")
        .order_by(F("next_review_due").asc(nulls_first=True), "title")
    )


def send_reminders(today=None, force=False) -> int:
    """E-mail each owner the list of their articles that need review; pages without an owner
    with an e-mail go to REVIEW_REMINDER_EMAILS. Once a day, however many workers call it."""
    from .models import ReviewReminderLog

    today = today or timezone.localdate()
    refresh_due_dates()
    pages = list(due_articles(today))
    if not force:
        try:
            with transaction.atomic():
                ReviewReminderLog.objects.create(day=today, pages=len(pages))
        except IntegrityError:
            return 0  # another worker (or an earlier run today) already sent them
    by_recipient = defaultdict(list)
    for page in pages:
        page.review_status_label = STATUS_LABELS[review_status(page, today)]
        owner_email = page.owner.email if page.owner_id and page.owner.email else ""
        recipients = [owner_email] if owner_email else settings.REVIEW_REMINDER_EMAILS
        for address in recipients:
            by_recipient[address].append(page)
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    sent = 0
    for address, owned in sorted(by_recipient.items()):
        context = {"pages": owned, "base_url": base_url, "today": today}
        send_mail(
            subject=f"{len(owned)} article{'s' if len(owned) != 1 else ''} due for medical review",
            message=render_to_string("seo/email/review_reminder.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[address],
        )
        sent += 1
    return sent
