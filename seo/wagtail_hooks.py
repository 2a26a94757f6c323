"""Admin: the "Content due for review" report in the Reports menu and a dashboard panel."""

import datetime

from django.urls import path, reverse
from django.utils import timezone

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.permissions import page_permission_policy

from . import review
from .reports import ContentDueForReviewView


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
        }


@hooks.register("construct_homepage_panels")
def add_review_due_panel(request, panels):
    if page_permission_policy.user_has_any_permission(request.user, ["add", "change", "publish"]):
        panels.append(ReviewDuePanel())
