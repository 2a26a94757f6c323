"""Admin for enquiries: who may see them, the Enquiries listing, and the audit trail."""

import json
from contextlib import suppress

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.contrib.forms.views import SubmissionsListFilterSet, SubmissionsListView
from wagtail.log_actions import get_active_log_context, log
from wagtail.models import ModelLogEntry, Page
from wagtail.permission_policies import ModelPermissionPolicy

import django_filters

from .forms import PhoneNumberField
from .models import ContactPage, Enquiry, Notification
from .notifications import resend

VIEW_PERMISSION = "contact.view_enquiry"
CHANGE_PERMISSION = "contact.change_enquiry"
DELETE_PERMISSION = "contact.delete_enquiry"


def can_view_enquiries(user) -> bool:
    return user.is_active and user.has_perm(VIEW_PERMISSION)


@hooks.register("filter_form_submissions_for_user")
def only_front_desk_sees_submissions(user, editable_forms):
    """Wagtail shows a form's submissions to anyone who can edit the page; enquiries hold
    personal (possibly health) data. Its per-form views include one that deletes enquiries,
    checking nothing else, so they are only for users who may both see and delete enquiries;
    the front desk reads them under Enquiries (every view audited)."""
    allowed = can_view_enquiries(user) and user.has_perm(DELETE_PERMISSION)
    return editable_forms if allowed else editable_forms.none()


@hooks.register("before_delete_page")
def keep_enquiries_when_a_page_is_deleted(request, page):
    """Deleting a contact page (or a page above one) would delete its enquiries with it:
    refuse, and say what to do instead. Enquiry.page is PROTECT as the backstop."""
    return refuse_deleting_enquiries(request, [page])


@hooks.register("before_bulk_action")
def keep_enquiries_when_pages_are_bulk_deleted(request, action_type, objects, action):
    if action_type == "delete" and objects and isinstance(objects[0], Page):
        return refuse_deleting_enquiries(request, objects)
    return None


def refuse_deleting_enquiries(request, pages):
    query = Q()
    for page in pages:
        query |= Q(page__path__startswith=page.path)
    count = Enquiry.objects.filter(query).count()
    if not count:
        return None
    titles = ", ".join(f"“{page.get_admin_display_title()}”" for page in pages)
    messages.error(
        request,
        f"{titles} cannot be deleted: {count} enquir{'y' if count == 1 else 'ies'} from "
        "this contact form would be deleted with it. Unpublish the page instead, or ask an "
        "administrator to export and delete the enquiries first (Enquiries).",
    )
    return redirect("wagtailadmin_explore", pages[0].get_parent().pk)


# A spreadsheet reads a cell starting with one of these as a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text_in_csv(value: str) -> str:
    """Answers and campaign fields are typed by anyone: in a CSV export, a value a
    spreadsheet would run as a formula is written with a leading apostrophe, so it opens as
    text (a phone number such as +97150... included). Wagtail does this for XLSX only."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def with_csv_formulas_as_text(view_class):
    return {
        **view_class.custom_value_preprocess,
        str: {view_class.FORMAT_CSV: as_text_in_csv},
    }


@hooks.register("register_log_actions")
def register_enquiry_log_actions(actions):
    actions.register_action("contact.view", "View enquiry", "Viewed an enquiry")
    actions.register_action("contact.list", "List enquiries", "Listed enquiries")
    actions.register_action("contact.export", "Export enquiries", "Exported enquiries")
    actions.register_action("contact.release", "Release enquiry", "Released from quarantine")
    actions.register_action("contact.resend", "Resend notification", "Resent a notification")


def log_access(request, enquiries, action):
    """One audit-log entry per enquiry shown or exported, naming the staff member: what
    Wagtail's ``log`` writes, in one insert (an export of thousands of enquiries would
    otherwise be thousands of inserts before the file starts)."""
    if not enquiries:
        return
    content_type = ContentType.objects.get_for_model(Enquiry, for_concrete_model=False)
    context = get_active_log_context()
    now = timezone.now()
    ModelLogEntry.objects.bulk_create(
        [
            ModelLogEntry(
                content_type=content_type,
                label=ModelLogEntry.objects.get_instance_title(enquiry),
                action=action,
                timestamp=now,
                data={},
                user=request.user,
                uuid=context.uuid,
                object_id=str(enquiry.pk),
            )
            for enquiry in enquiries
        ]
    )


class EnquiryPermissionPolicy(ModelPermissionPolicy):
    """Enquiries are records, not content: nobody adds or edits them through the admin."""

    def user_has_permission(self, user, action):
        if action in {"add", "change"}:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class EnquiryFilterSet(WagtailFilterSet):
    page = django_filters.ModelChoiceFilter(label="Form", queryset=ContactPage.objects.all())
    source_page = django_filters.ModelChoiceFilter(
        label="Sent from", queryset=Page.objects.filter(depth__gt=1).order_by("title")
    )
    is_spam = django_filters.BooleanFilter(label="Quarantined as spam")
    delivery = django_filters.ChoiceFilter(
        label="Staff notification", choices=Notification.Status.choices, method="by_delivery"
    )
    international = django_filters.BooleanFilter(
        label="International phone number", method="by_international_phone"
    )
    utm_source = django_filters.CharFilter(label="UTM source", lookup_expr="iexact")
    utm_campaign = django_filters.CharFilter(label="UTM campaign", lookup_expr="iexact")
    person = django_filters.CharFilter(
        label="E-mail or phone",
        method="by_person",
        help_text="Everything one person sent, for a request to see or erase their data. A "
        "phone number matches however it is written (050 123 4567 or +971 50 123 4567).",
    )

    class Meta:
        model = Enquiry
        fields = ["page", "source_page", "is_spam", "utm_source", "utm_campaign"]

    def by_delivery(self, queryset, name, value):
        return queryset.filter(
            notifications__kind=Notification.Kind.STAFF, notifications__status=value
        )

    def by_international_phone(self, queryset, name, value):
        """Yes: enquiries whose phone number is from another country; No: the others.
        (Migration contact/0007, which added the flag, set it on earlier enquiries too.)"""
        return (
            queryset.exclude(international_phone="")
            if value
            else queryset.filter(international_phone="")
        )

    def by_person(self, queryset, name, value):
        """Enquiries with an answer that is exactly the e-mail address (any case), or the
        phone number as stored (E.164, see contact.forms.PhoneNumberField). Whole answers
        only, matched as JSON strings with their quotes: ali@example.com must not also find
        khalid.ali@example.com, whose data would then be exported or erased too."""
        value = value.strip()
        if not value:
            return queryset
        matches = Q(answers__icontains=json.dumps(value))
        with suppress(ValidationError):  # not a phone number: the text alone
            phone = PhoneNumberField().clean(value)
            matches |= Q(answers__contains=json.dumps(phone))
            matches |= Q(answers__contains=f'"{phone} ext.')  # the number, with an extension
        return queryset.annotate(answers=Cast("form_data", TextField())).filter(matches)


class EnquiryIndexView(IndexView):
    custom_value_preprocess = with_csv_formulas_as_text(IndexView)

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("page", "source_page")
            .prefetch_related("notifications")
        )

    def render_to_response(self, context, **response_kwargs):
        objects = context.get("object_list") or []
        log_access(
            self.request, list(objects), "contact.export" if self.is_export else "contact.list"
        )
        return super().render_to_response(context, **response_kwargs)


class EnquiryInspectView(InspectView):
    template_name = "contact/admin/enquiry_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        enquiry = self.object
        page = enquiry.page.specific
        labels = dict(page.get_data_fields())
        context["answers"] = [
            (labels.get(name, name), value) for name, value in enquiry.form_data.items()
        ]
        context["notifications"] = list(enquiry.notifications.all())
        context["can_act"] = self.request.user.has_perm(CHANGE_PERMISSION)
        log_access(self.request, [enquiry], "contact.view")
        return context


class EnquiryViewSet(ModelViewSet):
    model = Enquiry
    icon = "mail"
    menu_label = "Enquiries"
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "enquiries"
    name = "contact_enquiry"
    index_view_class = EnquiryIndexView
    inspect_view_class = EnquiryInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = EnquiryFilterSet
    list_display = [
        "id",
        "submit_time",
        Column("page", label="Form"),
        Column("source_page", label="Sent from"),
        "utm_source",
        Column("international_phone", label="International phone"),
        Column("delivery_status", label="Notification"),
    ]
    list_export = [
        "id",
        "submit_time",
        "page",
        "source_page",
        "form_data",
        "utm_source",
        "utm_medium",
        "utm_campaign",
        "utm_term",
        "utm_content",
        "consent_text",
        "consent_version",
        "is_spam",
        "spam_reason",
        "international_phone",
        "delivery_status",
    ]
    export_filename = "enquiries"
    inspect_view_fields = [
        "id",
        "submit_time",
        "page",
        "source_page",
        "utm_source",
        "utm_medium",
        "utm_campaign",
        "consent_text",
        "consent_version",
        "is_spam",
        "spam_reason",
        "international_phone",
    ]
    form_fields = ["is_spam"]  # required by ModelViewSet; the edit view itself is removed
    permission_policy = EnquiryPermissionPolicy(Enquiry)

    def get_urlpatterns(self):
        # No add, edit or copy: enquiries are only read, released, resent or purged.
        kept = [
            pattern
            for pattern in super().get_urlpatterns()
            if pattern.name not in {"add", "edit", "copy"}
        ]
        return kept + [
            path("release/<int:pk>/", release_enquiry, name="release"),
            path("resend/<int:pk>/", resend_notification, name="resend"),
        ]


@require_POST
def release_enquiry(request, pk):
    """A false positive: take the enquiry out of quarantine and notify the front desk."""
    if not request.user.has_perm(CHANGE_PERMISSION):
        raise PermissionDenied
    enquiry = get_object_or_404(Enquiry, pk=pk)
    with transaction.atomic():
        enquiry.is_spam = False
        enquiry.save(update_fields=["is_spam"])
        enquiry.queue_notifications()
        log(instance=enquiry, action="contact.release", user=request.user)
    messages.success(request, f"{enquiry} released; the front desk will be notified.")
    return redirect(reverse("contact_enquiry:inspect", args=[pk]))


@require_POST
def resend_notification(request, pk):
    if not request.user.has_perm(CHANGE_PERMISSION):
        raise PermissionDenied
    notification = get_object_or_404(Notification, pk=pk)
    resend(notification)
    log(instance=notification.enquiry, action="contact.resend", user=request.user)
    messages.success(request, "The notification will be sent again in a moment.")
    return redirect(reverse("contact_enquiry:inspect", args=[notification.enquiry_id]))


@hooks.register("register_admin_viewset")
def register_enquiry_viewset():
    return EnquiryViewSet()


class LoggedSubmissionsFilterSet(SubmissionsListFilterSet):
    pass


class LoggedSubmissionsListView(SubmissionsListView):
    """Wagtail's per-form submissions list, with every view and export in the audit log."""

    filterset_class = LoggedSubmissionsFilterSet
    custom_value_preprocess = with_csv_formulas_as_text(SubmissionsListView)

    def get_base_queryset(self):
        # Each row shows the page it was sent from and its e-mail's state: no query a row.
        return (
            super()
            .get_base_queryset()
            .select_related("source_page")
            .prefetch_related("notifications")
        )

    def render_to_response(self, context, **response_kwargs):
        log_access(
            self.request,
            list(context.get("submissions") or []),
            "contact.export" if self.is_export else "contact.list",
        )
        return super().render_to_response(context, **response_kwargs)


ContactPage.submissions_list_view_class = LoggedSubmissionsListView


class EnquiriesPanel(Component):
    """On the front desk's dashboard: e-mails about enquiries that failed for good, and
    enquiries waiting in quarantine. A failure is otherwise only in the logs, and an enquiry
    nobody was told about is as good as lost."""

    name = "enquiries"
    order = 80
    template_name = "contact/admin/enquiries_panel.html"

    def get_context_data(self, parent_context=None):
        failed = Notification.objects.filter(
            kind=Notification.Kind.STAFF, status=Notification.Status.FAILED
        )
        index_url = reverse("contact_enquiry:index")
        return {
            "failed": failed.values("enquiry").distinct().count(),
            "quarantined": Enquiry.objects.filter(is_spam=True).count(),
            "failed_url": f"{index_url}?delivery={Notification.Status.FAILED}",
            "quarantined_url": f"{index_url}?is_spam=true",
        }


@hooks.register("construct_homepage_panels")
def add_enquiries_panel(request, panels):
    if can_view_enquiries(request.user):
        panels.insert(0, EnquiriesPanel())
