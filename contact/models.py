"""The contact / booking page and the enquiries it stores.

Wagtail's form builder lets staff add, remove and reorder fields. On top of it, every enquiry is
stored (with consent, source and campaign) in the same transaction as its notification rows,
before anything that can fail; a worker sends the e-mails afterwards (see ``notifications``).
"""

import hashlib
import json
import logging

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    FORM_FIELD_CHOICES,
    AbstractEmailForm,
    AbstractFormField,
    AbstractFormSubmission,
)
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey

from home.blocks import BODY_FEATURES
from home.routing import ServingQueriesMixin
from seo.models import SeoMixin

from . import spam
from .forms import SOURCE_FIELD, TOKEN_FIELD, UTM_FIELDS, EnquiryFormBuilder

logger = logging.getLogger(__name__)


class FormField(AbstractFormField):
    field_type = models.CharField(
        verbose_name="field type",
        max_length=16,
        choices=(*FORM_FIELD_CHOICES, ("phone", "Phone number")),
        help_text="'Phone number' checks the number and stores it in international format.",
    )
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")


class NotificationRoute(Orderable):
    """Send enquiries with a given answer to an extra desk, e.g. Service = Physiotherapy."""

    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="routes")
    answer = models.CharField(
        max_length=255, help_text="The answer, exactly as in the field's choices."
    )
    to_address = models.CharField(
        max_length=255, help_text="Comma-separated e-mail addresses for this answer."
    )

    panels = [FieldRowPanel([FieldPanel("answer"), FieldPanel("to_address")])]


class ContactPage(ServingQueriesMixin, SeoMixin, AbstractEmailForm):
    """A page with a form; enquiries are listed under Enquiries and Forms in the admin."""

    form_builder = EnquiryFormBuilder

    intro = RichTextField(
        features=BODY_FEATURES, blank=True, help_text="Shown above the form: what happens next."
    )
    thank_you_text = RichTextField(
        features=BODY_FEATURES,
        blank=True,
        help_text="Shown after a successful submission, e.g. when the clinic will call back.",
    )
    consent_text = models.CharField(
        max_length=255,
        default="I agree that the clinic may store my details and contact me about this enquiry.",
        help_text="The required consent checkbox. The exact text is stored with each enquiry.",
    )
    consent_version = models.CharField(
        max_length=30,
        default="1",
        help_text="Change this (e.g. to today's date) whenever the consent or privacy notice "
        "changes in substance; it is stored with each enquiry.",
    )
    routing_field = models.CharField(
        max_length=255,
        blank=True,
        help_text="Optional: the label of a field (e.g. 'Service') whose answer chooses extra "
        "recipients from the routes below.",
    )
    send_confirmation = models.BooleanField(
        default=False,
        help_text="E-mail the visitor a short acknowledgement (it never repeats their message).",
    )
    confirmation_subject = models.CharField(
        max_length=150,
        blank=True,
        default="We have received your enquiry",
        help_text="Subject of the e-mail thanking the visitor (sent when they give an e-mail "
        "address).",
    )
    confirmation_text = models.TextField(
        blank=True,
        default="Thank you for contacting us. A member of our team will be in touch soon.",
        help_text="Plain text. Do not include medical details.",
    )

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label="Form fields", heading="Form fields"),
        MultiFieldPanel([FieldPanel("consent_text"), FieldPanel("consent_version")], "Consent"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldPanel("send_confirmation"),
                FieldPanel("confirmation_subject"),
                FieldPanel("confirmation_text"),
            ],
            "Acknowledgement to the visitor",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
                FieldPanel("routing_field"),
                InlinePanel("routes", label="Route"),
            ],
            "Staff notification e-mail",
            permission="superuser",
        ),
    ]
    search_fields = AbstractEmailForm.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "contact page"

    # --- the form ----------------------------------------------------------------------------
    def get_form_fields(self):
        """The form's fields: those kept with the page when it comes from the page store (as a
        route, or as an article's inline form: ``prepare_for_store``), else read now."""
        stored = self.__dict__.get("stored_form_fields")
        return stored if stored is not None else super().get_form_fields()

    def prepare_for_store(self):
        """A page kept in the store carries its form's fields: building the form for each
        visitor then needs no query. The store is cleared when the page is published."""
        self.stored_form_fields = list(super().get_form_fields())

    def get_form_parameters(self):
        return {"consent_text": self.consent_text}

    def get_submission_class(self):
        return Enquiry

    def get_data_fields(self):
        return super().get_data_fields() + [
            ("sent_from", "Sent from"),
            *[(name, "UTM " + name.removeprefix("utm_")) for name in UTM_FIELDS],
            ("consent_version", "Consent version"),
            ("status", "Status"),
            ("delivery", "Notification"),
        ]

    def initial_tracking(self, request) -> dict:
        """Where the visitor is, and the campaign (UTM) that brought them, if any."""
        params = request.GET
        referer = request.META.get("HTTP_REFERER", "")
        if not any(params.get(name) for name in UTM_FIELDS) and url_has_allowed_host_and_scheme(
            referer, allowed_hosts={request.get_host()}
        ):
            from urllib.parse import parse_qs, urlsplit

            params = {k: v[0] for k, v in parse_qs(urlsplit(referer).query).items()}
        return {name: str(params.get(name, ""))[:100] for name in UTM_FIELDS}

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            return self.serve_post(request)
        if "thank-you" in request.GET:
            return self.render_landing_page(request)
        initial = {**self.initial_tracking(request), "source_page": self.pk}
        form = self.get_form(page=self, user=request.user, initial=initial)
        return self.render_form(request, form)

    def render_form(self, request, form, status=200, rate_limited=False):
        context = self.get_context(request)
        context["form"] = form
        context["rate_limited"] = rate_limited
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def serve_post(self, request):
        form = self.get_form(request.POST, page=self, user=request.user)
        if not form.is_valid():
            # Each mistake next to its field, with what the visitor typed kept. Even with the
            # honeypot filled (a password manager may fill it): a person must never be thanked
            # for a message nobody will read. A valid form with it filled is quarantined.
            return self.render_form(request, form)
        if spam.rate_limited(request):
            # Not stored: a flood from one address must stay bounded. The visitor keeps
            # what they typed and is shown the phone number. Only valid posts count, so
            # correcting a few mistakes never locks anyone out.
            return self.render_form(request, form, status=429, rate_limited=True)
        self.process_form_submission(form, request=request)
        return redirect(self.thank_you_url(), permanent=False)

    def thank_you_url(self) -> str:
        return self.url + "?thank-you"

    def process_form_submission(self, form, request=None):
        """Store the enquiry and its notifications in one transaction. Sending happens later,
        in the worker: an SMTP failure can never lose an enquiry or fail the request."""
        verdict = spam.assess(form, request)
        token = form.cleaned_data.get(TOKEN_FIELD) or ""
        data = form.submitted_data
        key = hashlib.sha256(
            (token + json.dumps(data, sort_keys=True, default=str)).encode()
        ).hexdigest()
        source_page = None
        if form.cleaned_data.get(SOURCE_FIELD):
            source_page = Page.objects.filter(pk=form.cleaned_data[SOURCE_FIELD]).first()
        try:
            with transaction.atomic():
                enquiry = Enquiry.objects.create(
                    page=self,
                    form_data=data,
                    idempotency_key=key,
                    source_page=source_page,
                    consent_text=self.consent_text if form.cleaned_data.get("consent") else "",
                    consent_version=self.consent_version,
                    is_spam=verdict.is_spam,
                    spam_reason=verdict.reason,
                    international_phone=form.phone_country(),
                    **{name: form.cleaned_data.get(name) or "" for name in UTM_FIELDS},
                )
                if not verdict.is_spam:
                    enquiry.queue_notifications()
        except IntegrityError:
            # The same form, with the same answers, was posted again (double click, refresh).
            logger.info("Duplicate enquiry ignored (key %s…)", key[:12])
            return Enquiry.objects.get(idempotency_key=key)
        logger.info("Enquiry %s stored (spam=%s %s)", enquiry.pk, verdict.is_spam, verdict.reason)
        return enquiry

    def staff_recipients(self, enquiry) -> list[str]:
        addresses = [a.strip() for a in self.to_address.split(",") if a.strip()]
        if self.routing_field:
            field = self.form_fields.filter(label__iexact=self.routing_field.strip()).first()
            answer = enquiry.form_data.get(field.clean_name) if field else None
            for route in self.routes.all():
                if answer and route.answer.strip().lower() == str(answer).strip().lower():
                    addresses += [a.strip() for a in route.to_address.split(",") if a.strip()]
        return list(dict.fromkeys(addresses))

    def visitor_email(self, enquiry) -> str:
        for field in self.form_fields.all():
            if field.field_type == "email" and enquiry.form_data.get(field.clean_name):
                return enquiry.form_data[field.clean_name]
        return ""


class Enquiry(AbstractFormSubmission):
    """One submission of a contact form, with where it came from and its delivery state."""

    # Wagtail's is CASCADE: deleting the contact page would silently delete every enquiry.
    # The admin refuses first, with a message (contact.wagtail_hooks); this is the backstop.
    page = models.ForeignKey(Page, on_delete=models.PROTECT)
    idempotency_key = models.CharField(max_length=64, unique=True, editable=False)
    source_page = models.ForeignKey(
        Page,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The page the form was sent from (an article, or the contact page itself).",
    )
    utm_source = models.CharField(max_length=100, blank=True, db_index=True)
    utm_medium = models.CharField(max_length=100, blank=True)
    utm_campaign = models.CharField(max_length=100, blank=True, db_index=True)
    utm_term = models.CharField(max_length=100, blank=True)
    utm_content = models.CharField(max_length=100, blank=True)
    consent_text = models.CharField(max_length=255, blank=True)
    consent_version = models.CharField(max_length=30, blank=True)
    is_spam = models.BooleanField("quarantined as suspected spam", default=False, db_index=True)
    spam_reason = models.CharField(max_length=100, blank=True)
    international_phone = models.CharField(
        "international phone number",
        max_length=100,
        blank=True,
        help_text="For a phone number from another country: that country's code and its "
        "calling code, for example GB (+44). Dial the number with that code.",
    )

    class Meta:
        verbose_name = "enquiry"
        verbose_name_plural = "enquiries"
        ordering = ["-submit_time"]
        indexes = [models.Index(fields=["submit_time"])]

    def __str__(self):
        return f"Enquiry #{self.pk}"

    @property
    def delivery_status(self) -> str:
        notification = next(
            (n for n in self.notifications.all() if n.kind == Notification.Kind.STAFF), None
        )
        if self.is_spam:
            return "held (quarantine)"
        return notification.get_status_display() if notification else "none"

    def get_data(self):
        return {
            **super().get_data(),
            "sent_from": self.source_page.title if self.source_page_id else "",
            **{name: getattr(self, name) for name in UTM_FIELDS},
            "consent_version": self.consent_version,
            "status": "Quarantined: " + self.spam_reason if self.is_spam else "Accepted",
            "delivery": self.delivery_status,
        }

    def queue_notifications(self):
        """Create the outbox rows (idempotent); the worker sends them."""
        page = self.page.specific
        now = timezone.now()
        if page.staff_recipients(self):
            Notification.objects.get_or_create(
                enquiry=self,
                kind=Notification.Kind.STAFF,
                defaults={"next_attempt_at": now},
            )
        if page.send_confirmation and page.visitor_email(self):
            Notification.objects.get_or_create(
                enquiry=self,
                kind=Notification.Kind.CONFIRMATION,
                defaults={"next_attempt_at": now},
            )


class Notification(models.Model):
    """An e-mail to send about an enquiry: the outbox row, with its delivery state."""

    class Kind(models.TextChoices):
        STAFF = "staff", "Staff notification"
        CONFIRMATION = "confirmation", "Acknowledgement to the visitor"

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    enquiry = models.ForeignKey(Enquiry, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_error = models.CharField(max_length=255, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enquiry", "kind"], name="one_notification_per_kind")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} for enquiry #{self.enquiry_id}: {self.status}"

    @property
    def max_attempts(self) -> int:
        return settings.CONTACT_NOTIFICATION_MAX_ATTEMPTS
