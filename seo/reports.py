"""Admin reports: "Content due for review" (live articles overdue, due soon or never reviewed,
filterable by status, reviewer and topic) and "Content health" (live pages missing a search
description, social image, alt text or reviewer, or overdue for review, see seo/health.py);
both exportable as CSV or Excel."""

import datetime

from django import forms
from django.utils import timezone

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

import django_filters

from blog.models import BlogCategory, BlogPage
from people.models import Person

from . import health, review


class ReviewReportFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label="Review status",
        choices=[
            (review.OVERDUE, "Overdue"),
            (review.DUE_SOON, "Due soon"),
            (review.NEVER_REVIEWED, "Never reviewed"),
        ],
        method="filter_status",
        empty_label="Any",
    )
    reviewer = django_filters.ModelChoiceFilter(
        label="Reviewer", queryset=Person.objects.all(), empty_label="Anyone"
    )
    categories = django_filters.ModelChoiceFilter(
        label="Topic", queryset=BlogCategory.objects.all(), empty_label="Any topic"
    )

    class Meta:
        model = BlogPage
        fields = ["status", "reviewer", "categories"]

    def filter_status(self, queryset, name, value):
        today = timezone.localdate()
        if value == review.OVERDUE:
            return queryset.filter(next_review_due__lt=today)
        if value == review.DUE_SOON:
            horizon = today + datetime.timedelta(days=review.due_soon_days())
            return queryset.filter(next_review_due__gte=today, next_review_due__lte=horizon)
        if value == review.NEVER_REVIEWED:
            return queryset.filter(next_review_due__isnull=True)
        return queryset


class ContentDueForReviewView(ReportView):
    page_title = "Content due for review"
    header_icon = "time"
    results_template_name = "seo/reports/review_results.html"
    filterset_class = ReviewReportFilterSet
    index_url_name = "content_due_for_review"
    index_results_url_name = "content_due_for_review_results"
    permission_policy = page_permission_policy
    any_permission_required = ["add", "change", "publish"]
    list_export = [
        "title",
        "review_status_label",
        "next_review_due",
        "last_reviewed",
        "reviewer_name",
        "owner_name",
        "page_address",
    ]
    export_headings = {
        "title": "Article",
        "review_status_label": "Status",
        "next_review_due": "Review due",
        "last_reviewed": "Last reviewed",
        "reviewer_name": "Reviewer",
        "owner_name": "Owner",
        "page_address": "Address",
    }

    def get_filename(self):
        return f"content-due-for-review-{timezone.localdate().isoformat()}"

    def get_queryset(self):
        return review.due_articles()

    def decorate_paginated_queryset(self, object_list):
        today = timezone.localdate()
        pages = list(object_list)
        for page in pages:
            page.review_status_code = review.review_status(page, today)
            page.review_status_label = review.STATUS_LABELS[page.review_status_code]
            page.reviewer_name = page.reviewer.display_name if page.reviewer_id else ""
            page.owner_name = (
                (page.owner.get_full_name() or page.owner.get_username()) if page.owner_id else ""
            )
            page.page_address = page.get_full_url(self.request)
        return pages


class ContentHealthFilterSet(WagtailFilterSet):
    # "problem" and "show" are applied in Python after the checks run (see
    # ContentHealthView.get_filtered_queryset); page type and section filter the query.
    show = django_filters.ChoiceFilter(
        label="Show",
        choices=[("all", "All pages")],
        empty_label="Pages with problems",
        method="filter_after_checks",
        widget=forms.RadioSelect,
    )
    problem = django_filters.ChoiceFilter(
        label="Problem",
        choices=list(health.PROBLEM_LABELS.items()),
        empty_label="Any problem",
        method="filter_after_checks",
    )
    page_type = django_filters.ChoiceFilter(
        label="Page type",
        choices=health.page_type_choices,
        empty_label="Any type",
        method="filter_page_type",
    )
    section = django_filters.ChoiceFilter(
        label="Section",
        choices=list(health.SECTION_LABELS.items()),
        empty_label="Whole site",
        method="filter_section",
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Page
        fields = ["show", "problem", "page_type", "section"]

    def filter_after_checks(self, queryset, name, value):
        return queryset

    def filter_page_type(self, queryset, name, value):
        model = health.model_for_label(value)
        return queryset.exact_type(model) if model else queryset.none()

    def filter_section(self, queryset, name, value):
        return queryset.filter(health.section_q(value)) if value else queryset


class ContentHealthView(ReportView):
    page_title = "Content health"
    header_icon = "pick"
    results_template_name = "seo/reports/health_results.html"
    filterset_class = ContentHealthFilterSet
    index_url_name = "content_health"
    index_results_url_name = "content_health_results"
    permission_policy = page_permission_policy
    any_permission_required = ["add", "change", "publish"]
    list_export = [
        "title",
        "page_type",
        "section_label",
        "health.problem_labels",
        "health.description.status",
        "health.social_image.status",
        "health.alt_text.status",
        "health.reviewer.status",
        "health.review.status",
        "page_address",
    ]
    export_headings = {
        "title": "Page",
        "page_type": "Type",
        "section_label": "Section",
        "health.problem_labels": "Problems",
        "health.description.status": "Search description",
        "health.social_image.status": "Social image",
        "health.alt_text.status": "Alt text",
        "health.reviewer.status": "Medical reviewer",
        "health.review.status": "Review",
        "page_address": "Address",
    }

    def get_filename(self):
        return f"content-health-{timezone.localdate().isoformat()}"

    def get_queryset(self):
        return health.live_pages()

    def get_filtered_queryset(self):
        pages = health.check_pages(super().get_filtered_queryset())
        data = self.filters.form.cleaned_data if self.filters and self.filters.is_valid() else {}
        return health.select(
            pages, problem=data.get("problem") or "", show_all=data.get("show") == "all"
        )

    def decorate_paginated_queryset(self, object_list):
        pages = list(object_list)
        for page in pages:
            page.page_address = page.get_full_url(self.request)
        return pages

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["problem_labels"] = health.PROBLEM_LABELS
        return context
