"""Content health: the checks behind the "Content health" admin report and the dashboard count.

Every live page whose type mixes in SeoMixin is checked for:

- a search description the editor has not written (fallbacks are a stopgap, so they do not
  count as written);
- no image to share on social media (no social image and no main/hero image to fall back to);
- missing alt text: image blocks in any StreamField that have no alt text and are not marked
  decorative, and a share image without a description in the image library (og:image:alt);
- articles only: no medical reviewer, or overdue for review (``seo.review.review_status``).

The checks read only fields already loaded on the specific page and the raw JSON of its
StreamFields, plus one bulk query for the images referenced, so the number of queries does not
depend on the number of pages: one for the page list, one per page type, one for images.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock
from wagtail.models import Page, get_page_models

from . import review

MISSING_DESCRIPTION = "missing_description"
MISSING_SOCIAL_IMAGE = "missing_social_image"
ALT_TEXT = "alt_text"
MISSING_REVIEWER = "missing_reviewer"
OVERDUE_REVIEW = "overdue_review"
PROBLEM_LABELS = {
    MISSING_DESCRIPTION: "No search description",
    MISSING_SOCIAL_IMAGE: "No social image",
    ALT_TEXT: "Alt text missing",
    MISSING_REVIEWER: "No medical reviewer",
    OVERDUE_REVIEW: "Overdue for review",
}

BLOG = "blog"
OTHER = "other"
SECTION_LABELS = {BLOG: "Blog", OTHER: "Other pages"}
BLOG_APP_LABEL = "blog"


@dataclass(frozen=True)
class Check:
    """One check's outcome for one page: what to show, and whether it is a problem."""

    status: str
    problem: bool = False


NOT_APPLICABLE = Check("")


@dataclass
class PageHealth:
    description: Check
    social_image: Check
    alt_text: Check
    reviewer: Check = NOT_APPLICABLE
    review: Check = NOT_APPLICABLE
    alt_text_issues: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        checks = {
            MISSING_DESCRIPTION: self.description,
            MISSING_SOCIAL_IMAGE: self.social_image,
            ALT_TEXT: self.alt_text,
            MISSING_REVIEWER: self.reviewer,
            OVERDUE_REVIEW: self.review,
        }
        return [code for code, check in checks.items() if check.problem]

    @property
    def problem_labels(self) -> list[str]:
        return [PROBLEM_LABELS[code] for code in self.problems]


# --- which pages ---------------------------------------------------------------------------


def page_models() -> list:
    """Every page model that mixes in SeoMixin, in a stable order."""
    from .models import SeoMixin

    return [model for model in get_page_models() if issubclass(model, SeoMixin)]


def page_type_choices() -> list[tuple[str, str]]:
    choices = [
        (model._meta.label_lower, model._meta.verbose_name.capitalize()) for model in page_models()
    ]
    return sorted(choices, key=lambda choice: choice[1])


def model_for_label(label: str):
    return next((model for model in page_models() if model._meta.label_lower == label), None)


def section_q(section: str) -> Q:
    """The blog section: the blog app's pages (the article index and articles)."""
    in_blog = Q(content_type__app_label=BLOG_APP_LABEL)
    return in_blog if section == BLOG else ~in_blog


def section_of(page) -> str:
    return BLOG if page._meta.app_label == BLOG_APP_LABEL else OTHER


def live_pages():
    """Live pages of every SeoMixin type, in site (tree) order; not yet specific."""
    return Page.objects.live().type(*page_models()).order_by("path")


# --- StreamField images ----------------------------------------------------------------------


def _image_block_values(block, value):
    """Yield the raw value of every ImageBlock inside ``value``, the raw (JSON) data of
    ``block``: a dict {"image": id, "decorative": bool, "alt_text": str}, or a bare image id
    for data saved by an ImageChooserBlock before the block became an ImageBlock."""
    if value is None:
        return
    if isinstance(block, ImageBlock):  # before StructBlock: ImageBlock is one
        yield value
    elif isinstance(block, blocks.StreamBlock):
        for item in value:
            child = block.child_blocks.get(item.get("type")) if isinstance(item, dict) else None
            if child is not None:
                yield from _image_block_values(child, item.get("value"))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            if isinstance(item, dict) and "id" in item and "value" in item:
                item = item["value"]  # the list format with item ids
            yield from _image_block_values(block.child_block, item)
    elif isinstance(block, blocks.StructBlock) and isinstance(value, dict):
        for name, child in block.child_blocks.items():
            yield from _image_block_values(child, value.get(name))


def stream_images(page) -> list[tuple[str, dict | int]]:
    """(field label, raw ImageBlock value) for every image block in the page's StreamFields,
    read from the raw stream data: no query, no block value conversion."""
    found = []
    for model_field in page._meta.concrete_fields:
        if not isinstance(model_field, StreamField):
            continue
        stream = getattr(page, model_field.attname)
        raw = list(stream.raw_data) if stream is not None else []
        label = model_field.verbose_name.capitalize()
        found.extend((label, value) for value in _image_block_values(model_field.stream_block, raw))
    return found


# --- the checks ------------------------------------------------------------------------------


def share_image_id(page):
    """The id of the image used when the page is shared: SeoMixin.get_social_image() by id,
    so no image is loaded."""
    if page.social_image_id:
        return page.social_image_id
    for name in page.image_fallback_fields:
        if getattr(page, f"{name}_id", None):
            return getattr(page, f"{name}_id")
    return None


FIELD_LABELS = {"image": "main image"}


def _field_label(page, name) -> str:
    return FIELD_LABELS.get(name) or str(page._meta.get_field(name).verbose_name)


def check_description(page) -> Check:
    if (page.search_description or "").strip():
        return Check("Written")
    for name in page.description_fallback_fields:
        value = getattr(page, name, "")
        if value and isinstance(value, str) and value.strip():
            return Check(f"Not written (using the {_field_label(page, name)})", problem=True)
    return Check("Not written (none shown)", problem=True)


def check_social_image(page) -> Check:
    if page.social_image_id:
        return Check("Set")
    for name in page.image_fallback_fields:
        if getattr(page, f"{name}_id", None):
            return Check(f"Using the {_field_label(page, name)}")
    return Check("None", problem=True)


def alt_text_issues(page, images: dict) -> list[str]:
    """What is wrong with the page's alt text; ``images`` maps image id to (title,
    description) for every image the page references."""
    issues = []
    numbers = {}
    for label, value in page.health_stream_images:
        number = numbers[label] = numbers.get(label, 0) + 1
        if isinstance(value, dict):
            image_id = value.get("image")
            if not image_id or image_id not in images or value.get("decorative"):
                continue
            if not (value.get("alt_text") or "").strip():
                title = images[image_id][0] or f"#{image_id}"
                issues.append(
                    f"{label} image {number} ({title}): no alt text and not marked decorative"
                )
        elif isinstance(value, int) and value in images:
            # Old ImageChooserBlock data: shown with the image's default alt text.
            title, description = images[value]
            if not (description or "").strip() and not (title or "").strip():
                issues.append(f"{label} image {number} (#{value}): no title or description")
    share_id = share_image_id(page)
    if share_id in images and not (images[share_id][1] or "").strip():
        title = images[share_id][0] or f"#{share_id}"
        issues.append(f"Share image ({title}): no description in the image library")
    return issues


def check_pages(queryset, today=None) -> list:
    """The specific pages of ``queryset``, each with a ``health`` (PageHealth) attribute.
    Queries: the page list, one per page type, and at most one for the images referenced."""
    from blog.models import BlogPage

    today = today or timezone.localdate()
    pages = list(queryset.specific())
    image_ids = set()
    for page in pages:
        page.health_stream_images = stream_images(page)
        for _label, value in page.health_stream_images:
            image_id = value.get("image") if isinstance(value, dict) else value
            if isinstance(image_id, int):
                image_ids.add(image_id)
        if share_image_id(page):
            image_ids.add(share_image_id(page))
    images = {}
    if image_ids:
        rows = get_image_model().objects.filter(pk__in=image_ids)
        images = {
            pk: (title, description)
            for pk, title, description in rows.values_list("pk", "title", "description")
        }
    for page in pages:
        issues = alt_text_issues(page, images)
        page.health = PageHealth(
            description=check_description(page),
            social_image=check_social_image(page),
            alt_text=Check("; ".join(issues), problem=True) if issues else Check("OK"),
            alt_text_issues=issues,
        )
        if isinstance(page, BlogPage):
            page.health.reviewer = (
                Check("Set") if page.reviewer_id else Check("Missing", problem=True)
            )
            status = review.review_status(page, today)
            label = review.STATUS_LABELS[status]
            due = review.next_review_due(page.last_reviewed, page.review_interval_months)
            if due:
                label = f"{label} (due {due.isoformat()})"
            page.health.review = Check(label, problem=status == review.OVERDUE)
        page.page_type = page._meta.verbose_name.capitalize()
        page.section_label = SECTION_LABELS[section_of(page)]
    return pages


def select(pages, problem="", show_all=False) -> list:
    """Pages with ``problem``; else every page when ``show_all``, else pages with any problem."""
    if problem:
        return [page for page in pages if problem in page.health.problems]
    if show_all:
        return pages
    return [page for page in pages if page.health.problems]


def count_pages_with_problems(today=None) -> int:
    return len(select(check_pages(live_pages(), today)))
