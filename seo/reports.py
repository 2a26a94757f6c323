"""Admin report "Content due for review": live articles overdue, due soon or never reviewed,
filterable by status, reviewer and topic, exportable as CSV or Excel."""

import datetime

from django.utils import timezone

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.permissions import page_permission_policy

import django_filters

from blog.models import BlogCategory, BlogPage
from people.models import Person

from . import review


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
