"""Search-engine and social-media controls shared by every page type, and the models behind the
medical review lifecycle (the "Medical review" workflow task, the reminder log)."""

from functools import cached_property

from django.db import models
from django.utils import timezone
from django.utils.text import Truncator

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import GroupApprovalTask

from home.fields import image_field, plain_text

SEO_TITLE_HELP = (
    "The title shown in search results and browser tabs, if different from the page title. "
    "Aim for 50–60 characters: longer titles are cut off in search results."
)
DESCRIPTION_HELP = (
    "One or two sentences shown under the title in search results and when the page is shared. "
    "Aim for 120–155 characters. Leave empty to use the page's summary or introduction."
)


class SeoMixin(models.Model):
    """Adds a social image, a canonical address and a noindex switch to a page, and groups them
    with Wagtail's own SEO title and search description on the Promote tab."""

    social_image = image_field(
        "Shown when the page is shared on social media or in messaging apps. A wide "
        "image (about 1200×630) works best. Leave empty to use the page's main image."
    )
    canonical_url = models.URLField(
        "Canonical address",
        blank=True,
        help_text="Only if this content is published at another address that search engines "
        "should treat as the original. Leave empty: the page's own address is used.",
    )
    noindex = models.BooleanField(
        "Hide from search engines",
        default=False,
        help_text="Ask search engines not to list this page, and leave it out of the sitemap. "
        "Visitors can still open it.",
    )

    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title", help_text=SEO_TITLE_HELP),
                FieldPanel("search_description", help_text=DESCRIPTION_HELP),
                FieldPanel("canonical_url"),
                FieldPanel("noindex"),
            ],
            "For search engines",
        ),
        MultiFieldPanel([FieldPanel("social_image")], "For social media"),
        MultiFieldPanel([FieldPanel("show_in_menus")], "For site menus"),
    ]

    # Fields that may provide the meta description when search_description is empty.
    description_fallback_fields = ("summary", "intro", "hero_text")
    # Fields that may provide the social image when social_image is empty.
    image_fallback_fields = ("image", "hero_image")
    og_type = "website"

    class Meta:
        abstract = True

    def get_meta_title(self) -> str:
        return self.seo_title or self.title

    def get_meta_description(self) -> str:
        if self.search_description:
            return self.search_description
        for name in self.description_fallback_fields:
            value = getattr(self, name, "")
            if value and isinstance(value, str):
                # Text, not markup: a rich text intro (the contact page's) would otherwise show
                # its tags in search engines' and messaging apps' previews.
                text = " ".join(plain_text(self, name).split())
                return Truncator(text).chars(300, truncate="…")
        return ""

    def get_social_image(self):
        if self.social_image_id:
            return self.social_image
        for name in self.image_fallback_fields:
            if getattr(self, f"{name}_id", None):
                return getattr(self, name)
        return None

    def get_canonical_url(self, request=None) -> str:
        return self.canonical_url or self.get_full_url(request)

    def is_indexable(self) -> bool:
        return not self.noindex and not self.canonical_url

    def get_sitemap_urls(self, request=None):
        # Noindex pages and pages that point search engines elsewhere stay out of the sitemap.
        if not self.is_indexable():
            return []
        return super().get_sitemap_urls(request)

    @cached_property
    def breadcrumb_ancestors(self) -> list:
        """The pages above this one, from the site's home page down (not the tree root): one
        query shared by the visible breadcrumbs and the BreadcrumbList structured data."""
        if self.depth <= 2:
            return []
        routed = getattr(self, "route_ancestors", None)  # known when served (home/routing.py)
        if routed and routed[0].depth == 2:
            return routed
        return list(self.get_ancestors().filter(depth__gte=2))

    def get_jsonld_nodes(self, request, clinic) -> list[dict]:
        """Structured data for this page; subclasses add their own nodes."""
        from . import jsonld

        return jsonld.page_nodes(self, request, clinic)


class MedicalReviewTask(GroupApprovalTask):
    """A group approval task that, on approval, records the approving clinician as the
    article's medical reviewer and today as its review date."""

    def on_action(self, task_state, user, action_name, **kwargs):
        result = super().on_action(task_state, user, action_name, **kwargs)
        if action_name == "approve" and user is not None:
            record_review(task_state.workflow_state.object_id, user)
        return result

    @classmethod
    def get_description(cls):
        return (
            "Clinicians in the chosen groups approve the page; their approval is recorded as "
            "the article's medical review."
        )

    class Meta:
        verbose_name = "Medical review task"
        verbose_name_plural = "Medical review tasks"


def record_review(page_id, user):
    """Record ``user``'s clinician profile and today as the article's medical review, in its
    latest revision and (when that revision is the live one, i.e. the approval published it) on
    the live page too. Runs after Wagtail's approval, which may already have published."""
    from blog.models import BlogPage
    from cms.cache import clear_page_cache
    from people.models import Person

    from . import review

    page = BlogPage.objects.filter(pk=page_id).first()
    if page is None:
        return
    person = Person.for_user(user)
    today = timezone.localdate()
    revision = page.get_latest_revision()
    interval = page.review_interval_months
    if revision is not None:
        interval = revision.content.get("review_interval_months", interval)
    due = review.next_review_due(today, interval)
    if revision is not None:
        revision.content.update(
            reviewer=person.pk, last_reviewed=today.isoformat(), next_review_due=due.isoformat()
        )
        revision.save(update_fields=["content"])
    if revision is None or page.live_revision_id == revision.pk:
        BlogPage.objects.filter(pk=page.pk).update(
            reviewer=person, last_reviewed=today, next_review_due=due
        )
        clear_page_cache()  # update() sends no signal; the byline shows the reviewer


class ReviewReminderLog(models.Model):
    """One row per day the review reminders went out, so several workers send them once."""

    day = models.DateField(unique=True, help_text="The day the reminders were sent.")
    sent_at = models.DateTimeField(auto_now_add=True, help_text="When they were sent.")
    pages = models.PositiveIntegerField(default=0, help_text="How many pages were due.")

    class Meta:
        ordering = ["-day"]
        verbose_name = "review reminder log entry"
        verbose_name_plural = "review reminder log"

    def __str__(self):
        return f"Review reminders {self.day}"
