"""The outbox: send pending enquiry e-mails with retries and back-off.

Rows are created in the same transaction as the enquiry (``Enquiry.queue_notifications``), so a
restart, a crash or an SMTP outage loses nothing: the worker (``manage.py run_worker``) picks up
whatever is due. Each row is claimed before it is sent (``SELECT … FOR UPDATE SKIP LOCKED`` on
PostgreSQL, then a lease), so several workers never send the same e-mail twice.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import Notification

logger = logging.getLogger(__name__)


def backoff(attempts: int) -> datetime.timedelta:
    """1, 2, 4, 8 … minutes after each failed attempt, capped at one hour."""
    return datetime.timedelta(minutes=min(60, 2 ** max(0, attempts - 1)))


def build_message(notification: Notification) -> EmailMessage:
    enquiry = notification.enquiry
    page = enquiry.page.specific
    if notification.kind == Notification.Kind.STAFF:
        admin_url = settings.WAGTAILADMIN_BASE_URL + reverse(
            "contact_enquiry:inspect", args=[enquiry.pk]
        )
        body = render_to_string(
            "contact/emails/staff_notification.txt",
            {"enquiry": enquiry, "page": page, "admin_url": admin_url},
        )
        subject = f"{page.subject or 'New enquiry'} (#{enquiry.pk})"
        recipients = page.staff_recipients(enquiry)
    else:
        body = render_to_string(
            "contact/emails/confirmation.txt", {"enquiry": enquiry, "page": page}
        )
        subject = page.confirmation_subject or "We have received your enquiry"
        recipients = [page.visitor_email(enquiry)]
    # Subjects and headers never contain visitor input: no header injection is possible.
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=page.from_address or settings.DEFAULT_FROM_EMAIL,
        to=recipients,
    )


def send_one(notification_id: int) -> str | None:
    """Try to send one notification if it is due; return its new status (None if skipped).

    No database transaction or lock is held while talking to the mail server: the row is first
    claimed (its next attempt pushed past the send timeout, a lease that another worker will
    respect), then the e-mail is sent, then the outcome is recorded. A worker that dies mid-send
    leaves the lease to expire, and the e-mail is retried."""
    now = timezone.now()
    lease = datetime.timedelta(seconds=settings.EMAIL_TIMEOUT * 2 + 60)
    with transaction.atomic():
        claimed = (
            Notification.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(
                pk=notification_id,
                status=Notification.Status.PENDING,
                next_attempt_at__lte=now,
            )
            .first()
        )
        if claimed is None:
            return None
        claimed.attempts += 1
        claimed.next_attempt_at = now + lease
        claimed.save(update_fields=["attempts", "next_attempt_at"])

    notification = Notification.objects.select_related("enquiry__page").get(pk=notification_id)
    try:
        message = build_message(notification)
        if not message.recipients():
            # Django would "send" it to nobody and report success: the page's addresses were
            # cleared after the enquiry came in. Retried, so fixing them delivers it.
            raise ValueError("no recipients: set the contact page's 'to' address")
        message.connection = get_connection(timeout=settings.EMAIL_TIMEOUT)
        message.send(fail_silently=False)
    except Exception as error:
        notification.last_error = f"{type(error).__name__}: {error}"[:255]
        if notification.attempts >= notification.max_attempts:
            notification.status = Notification.Status.FAILED
            notification.next_attempt_at = None
            logger.error(
                "Notification %s failed for good after %s attempts: %s",
                notification.pk,
                notification.attempts,
                notification.last_error,
            )
        else:
            notification.next_attempt_at = timezone.now() + backoff(notification.attempts)
            logger.warning(
                "Notification %s attempt %s failed (%s); retry at %s",
                notification.pk,
                notification.attempts,
                notification.last_error,
                notification.next_attempt_at,
            )
    else:
        notification.status = Notification.Status.SENT
        notification.sent_at = timezone.now()
        notification.last_error = ""
        notification.next_attempt_at = None
        logger.info("Notification %s sent", notification.pk)
    notification.save(
        update_fields=["status", "sent_at", "last_error", "next_attempt_at", "attempts"]
    )
    return notification.status


def send_due(limit: int = 50) -> dict[str, int]:
    """Send every notification that is due now; return counts by resulting status."""
    due = list(
        Notification.objects.filter(
            status=Notification.Status.PENDING, next_attempt_at__lte=timezone.now()
        )
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    counts: dict[str, int] = {}
    for pk in due:
        status = send_one(pk)
        if status:
            counts[status] = counts.get(status, 0) + 1
    return counts


def resend(notification: Notification) -> None:
    """Staff asked to try again: reset a failed (or sent) notification to pending, due now."""
    notification.status = Notification.Status.PENDING
    notification.next_attempt_at = timezone.now()
    notification.attempts = 0
    notification.save(update_fields=["status", "next_attempt_at", "attempts"])
