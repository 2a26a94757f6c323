"""The blog: an index at /blog/ and the health articles under it."""

import math
from functools import cached_property

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.http import urlencode

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase

from cms.cache import from_page_store
from home.blocks import ArticleStreamBlock
from home.body import SegmentedBodyMixin
from home.fields import image_field
from home.routing import ServingQueriesMixin
from home.visibility import PublicPageQuerySet, restrictions_covering
from seo import jsonld, review
from seo.models import SeoMixin


@register_snippet
class BlogCategory(models.Model):
    """A topic articles are filed under, e.g. 'Back and neck pain'."""

    name = models.CharField(max_length=80, unique=True, help_text="Shown on articles and filters.")
    slug = models.SlugField(
        max_length=80, unique=True, help_text="Used in addresses: /blog/?category=<slug>."
    )
    description = models.TextField(blank=True, max_length=300, help_text="One sentence.")

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = "blog category"
        verbose_name_plural = "blog categories"

    def __str__(self):
        return self.name


class BlogPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "blog.BlogPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class BlogPageQuerySet(PublicPageQuerySet):
    def listing(self):
        """Live public articles, newest first, with everything a card shows in a fixed number of
        queries: no per-article query for image, renditions, categories or author."""
        from wagtail.images.models import Image

        return (
            self.live()
            .public()
            .defer_streamfields()
            .select_related("author")
            .prefetch_related(
                "categories",
                models.Prefetch("image", queryset=Image.objects.prefetch_renditions()),
            )
            .order_by("-date", "-pk")
        )


BlogPageManager = PageManager.from_queryset(BlogPageQuerySet)


class BlogIndexPage(ServingQueriesMixin, SeoMixin, Page):
    """The list of articles, filterable by category and tag."""

    intro = models.TextField(blank=True, max_length=400, help_text="Shown under the title.")

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["blog.BlogPage"]
    max_count = 1

    per_page = 10

    @classmethod
    def for_site(cls, site):
        """The site's live blog index, or None."""
        return cls.objects.live().descendant_of(site.root_page).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = ArticleListing(self, request)
        listing.check_filters()
        context["listing"] = listing
        return context


class ArticleListing:
    """The blog index as one request asks for it: a topic or tag filter and a page number.
    Nothing is queried until the template asks, so a listing kept in the fragment cache (keyed
    by ``key``) costs no query at all."""

    def __init__(self, index: BlogIndexPage, request):
        self.index = index
        self.category_slug = request.GET.get("category", "")[:80]
        self.tag = request.GET.get("tag", "")[:100]
        # A number or nothing: "", "1", "01" and "abc" are all page 1 (one cached listing), and
        # any huge number is one listing (the last page), as Django's get_page shows them.
        page = request.GET.get("page", "")
        number = min(int(page), 10**9) if page.isascii() and page.isdigit() else 1
        self.page_number = "" if number == 1 else str(number)
        # Pagination links keep the filter and nothing else (no tracking parameters): the same
        # listing is the same HTML, whoever asked for it.
        filters = {"category": self.category_slug, "tag": self.tag}
        self.filter_query = urlencode({name: value for name, value in filters.items() if value})

    def check_filters(self):
        """404 for a topic or tag that does not exist: otherwise any text put in the address
        would be shown in the page's heading, and each would be a listing of its own in the
        page store. Both lists come from the store (cleared when topics, tags or pages change),
        so a listing already there still costs no query."""
        if self.category_slug and self.category_slug not in self.category_names:
            raise Http404("No such topic")
        if self.tag and self.tag not in self.tag_names:
            raise Http404("No such tag")

    @cached_property
    def category_names(self) -> dict[str, str]:
        return {category.slug: category.name for category in self.categories}

    @cached_property
    def tag_names(self) -> dict[str, str]:
        """The tags articles carry (any article: a tag on drafts only lists nothing)."""
        return from_page_store(
            "blog-filters:tags",
            lambda: dict(BlogPageTag.objects.values_list("tag__slug", "tag__name").distinct()),
            when=settings.PAGE_FRAGMENT_CACHE,
        )

    @property
    def tag_name(self) -> str:
        return self.tag_names.get(self.tag, "")

    @property
    def key(self) -> tuple[str, str, str]:
        """What the cached listing varies on (besides the page and the site)."""
        return (self.category_slug, self.tag, self.page_number)

    @cached_property
    def active_category(self) -> BlogCategory | None:
        if not self.category_slug:
            return None
        return next((c for c in self.categories if c.slug == self.category_slug), None)

    @cached_property
    def categories(self) -> list[BlogCategory]:
        """Every topic (the filter links), kept in the page store: the topic filter and the
        404 check read it too, so a topic listing makes no query of its own for topics."""
        return from_page_store(
            "blog-filters:categories",
            lambda: list(BlogCategory.objects.all()),
            when=settings.PAGE_FRAGMENT_CACHE,
        )

    @cached_property
    def paginator(self) -> Paginator:
        articles = BlogPage.objects.listing().descendant_of(self.index)
        if self.category_slug:
            category = self.active_category
            articles = articles.filter(categories=category) if category else articles.none()
        if self.tag:
            articles = articles.filter(tags__slug=self.tag).distinct()
        return Paginator(articles, self.index.per_page)

    @cached_property
    def articles(self):
        # Django's get_page: page 1 for nonsense, the last page when past the end.
        return self.paginator.get_page(self.page_number)


class BlogPage(SegmentedBodyMixin, ServingQueriesMixin, SeoMixin, Page):
    """A health article."""

    og_type = "article"
    words_per_minute = 200
    related_count = 3
    # What a related-article card needs: its link (url_path) and the text it shows.
    related_fields = ("title", "url_path", "summary")

    summary = models.TextField(
        max_length=300,
        help_text="One or two sentences introducing the article. Shown in listings, search "
        "results and under the title.",
    )
    image = image_field("The article's main image, shown at the top and on cards.")
    date = models.DateField(
        "Publication date",
        default=timezone.localdate,
        help_text="The date shown on the article. Defaults to today.",
    )
    author = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="authored_articles",
        help_text="Who wrote the article.",
    )
    reviewer = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_articles",
        help_text="The clinician who checked the article's medical accuracy.",
    )
    last_reviewed = models.DateField(
        null=True, blank=True, help_text="When the reviewer last checked the article."
    )
    review_interval_months = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="How many months until the article needs its next medical review. Leave "
        "empty for the standard interval (12 months unless your administrator changed it).",
    )
    next_review_due = models.DateField(
        null=True,
        blank=True,
        db_index=True,
        help_text="Worked out from the review date and interval when the page is saved.",
    )
    categories = ParentalManyToManyField(
        "blog.BlogCategory", blank=True, help_text="One or two topics the article belongs to."
    )
    tags = ClusterTaggableManager(
        through=BlogPageTag, blank=True, help_text="Keywords, e.g. 'back pain', 'posture'."
    )
    body = StreamField(ArticleStreamBlock(), help_text="The article itself.")

    objects = BlogPageManager()

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldPanel("author"),
                FieldPanel("reviewer"),
                FieldPanel("last_reviewed"),
                FieldPanel("review_interval_months"),
                FieldPanel("next_review_due", read_only=True),
            ],
            "Authorship and medical review",
        ),
        MultiFieldPanel(
            [FieldPanel("categories", widget=forms.CheckboxSelectMultiple), FieldPanel("tags")],
            "Topics",
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        # A visitor looking for "sports injuries" or "Dr Sara" finds the articles filed under
        # that topic or written by her, even when the words are not in the text.
        index.RelatedFields("categories", [index.SearchField("name")]),
        index.RelatedFields("author", [index.SearchField("name")]),
        index.FilterField("date"),
    ]

    class Meta:
        # Newest first, as every list of articles is ordered: the listing pages through it and
        # related articles stop after three matches instead of sorting every candidate.
        indexes = [models.Index(fields=["date", "page_ptr"], name="blog_article_date_idx")]

    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []
    # Loaded with the page when it is served (home/routing.py): the byline and the main image.
    serve_select_related = ("author", "reviewer", "image")

    def save(self, *args, **kwargs):
        self.next_review_due = review.next_review_due(
            self.last_reviewed, self.review_interval_months
        )
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        """Categories, tags and related articles are read by the template when it renders the
        fragments that show them (not at all when those come from the cache)."""
        context = super().get_context(request, *args, **kwargs)
        self.load_people()
        context["review_status"] = self.staff_review_status(request)
        return context

    def load_people(self):
        """Author and reviewer in one query instead of one each (when serving, they already
        came with the page: see serve_select_related)."""
        from people.models import Person

        if BlogPage.author.is_cached(self) and BlogPage.reviewer.is_cached(self):
            return
        ids = {pk for pk in (self.author_id, self.reviewer_id) if pk}
        people = Person.objects.in_bulk(ids) if ids else {}
        if self.author_id in people:
            self.author = people[self.author_id]
        if self.reviewer_id in people:
            self.reviewer = people[self.reviewer_id]

    # --- what the article shows ------------------------------------------------------------
    @cached_property
    def category_list(self):
        return list(self.categories.all())

    @cached_property
    def tag_list(self):
        return list(self.tags.all())

    @cached_property
    def table_of_contents(self) -> list[dict]:
        """Jump links from the body's headings: H2 entries with their H3s nested, plus the FAQ
        and references sections (which render their own heading, at the level chosen)."""
        entries: list[dict] = []
        anchors = self.heading_anchors
        for block in self.body:
            if block.block_type == "heading":
                entry = {"id": anchors[block.id], "text": block.value["text"], "children": []}
                if block.value["level"] == "h3" and entries:
                    entries[-1]["children"].append(entry)
                else:
                    entries.append(entry)
            elif block.block_type in ("faq", "references"):
                prefix = "faq" if block.block_type == "faq" else "references"
                entry = {
                    "id": f"{prefix}-{block.id}",
                    "text": block.value["heading"],
                    "children": [],
                }
                if block.value.get("heading_level") == "h3" and entries:
                    entries[-1]["children"].append(entry)  # an FAQ inside a section
                else:
                    entries.append(entry)
        return entries

    @cached_property
    def word_count(self) -> int:
        texts = [self.summary, *self.body.stream_block.get_searchable_content(self.body)]
        return sum(len(text.split()) for text in texts if text)

    @property
    def reading_time(self) -> int:
        """Minutes to read at about 200 words a minute, never less than one."""
        return max(1, math.ceil(self.word_count / self.words_per_minute))

    @cached_property
    def references(self) -> list:
        """Every source in the body's references blocks, in order."""
        return [
            item
            for block in self.body
            if block.block_type == "references"
            for item in block.value["items"]
        ]

    @cached_property
    def related_articles(self) -> list["BlogPage"]:
        """Up to three other live, public articles sharing a category or tag, newest first, in
        one query: sharing and view restrictions are subqueries, and the compact list loads
        only the columns it shows (``related_fields``)."""
        category_ids = [category.pk for category in self.category_list]
        tag_ids = [tag.pk for tag in self.tag_list]
        if not category_ids and not tag_ids:
            return []
        in_category = BlogPage.categories.through.objects.filter(
            blogcategory_id__in=category_ids
        ).values("blogpage_id")
        tagged = BlogPageTag.objects.filter(tag_id__in=tag_ids).values("content_object_id")
        return list(
            BlogPage.objects.live()
            .filter(models.Q(pk__in=in_category) | models.Q(pk__in=tagged))
            .exclude(pk=self.pk)
            .exclude(restrictions_covering(models.OuterRef("path")))
            .only(*self.related_fields)
            .order_by("-date", "-pk")[: self.related_count]
        )

    # --- medical review ---------------------------------------------------------------------
    @property
    def review_status(self) -> str:
        return review.review_status(self)

    def staff_review_status(self, request) -> str:
        """The review status for staff who can open the admin; empty for visitors."""
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return ""
        if not user.has_perm("wagtailadmin.access_admin"):
            return ""
        return self.review_status

    def get_jsonld_nodes(self, request, clinic) -> list[dict]:
        return [*super().get_jsonld_nodes(request, clinic), jsonld.article_node(self, request)]
