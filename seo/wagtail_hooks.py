"""Admin: the "Content due for review" and "Content health" reports in the Reports menu, and a
dashboard panel counting articles due for review and pages with content problems."""

import datetime

from django.urls import path, reverse
from django.utils import timezone

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.permissions import page_permission_policy

from . import health, review
from .reports import ContentDueForReviewView, ContentHealthView


@hooks.register("register_admin_urls")
def register_review_report_urls():
    return [
        path(
            "reports/content-due-for-review/",
            ContentDueForReviewView.as_view(),
            name="content_due_for_review",
        ),
        path(
            "reports/content-due-for-review/results/",
            ContentDueForReviewView.as_view(results_only=True),
            name="content_due_for_review_results",
        ),
        path("reports/content-health/", ContentHealthView.as_view(), name="content_health"),
        path(
            "reports/content-health/results/",
            ContentHealthView.as_view(results_only=True),
            name="content_health_results",
        ),
    ]


class PageEditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return page_permission_policy.user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return PageEditorsMenuItem(
        "Content due for review",
        reverse("content_due_for_review"),
        name="content-due-for-review",
        icon_name="time",
        order=150,
    )


@hooks.register("register_reports_menu_item")
def register_content_health_menu_item():
    return PageEditorsMenuItem(
        "Content health",
        reverse("content_health"),
        name="content-health",
        icon_name="pick",
        order=160,
    )


class ReviewDuePanel(Component):
    name = "review_due"
    order = 90
    template_name = "seo/dashboard/review_panel.html"

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        horizon = today + datetime.timedelta(days=review.due_soon_days())
        pages = review.due_articles(today)
        return {
            "overdue": pages.filter(next_review_due__lt=today).count(),
            "due_soon": pages.filter(
                next_review_due__gte=today, next_review_due__lte=horizon
            ).count(),
            "never": pages.filter(next_review_due__isnull=True).count(),
            "days": review.due_soon_days(),
            "report_url": reverse("content_due_for_review"),
            "health_problems": health.count_pages_with_problems(today),
            "health_url": reverse("content_health"),
        }


@hooks.register("construct_homepage_panels")
def add_review_due_panel(request, panels):
    if page_permission_policy.user_has_any_permission(request.user, ["add", "change", "publish"]):
        panels.append(ReviewDuePanel())
