"""The blog: an index at /blog/ and the health articles under it."""

from django import forms
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase

from home.blocks import ArticleStreamBlock

CARD_RENDITIONS = ("fill-400x225|format-webp", "fill-800x450|format-webp")


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


class BlogPageQuerySet(PageQuerySet):
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


class BlogIndexPage(Page):
    """The list of articles, filterable by category and tag."""

    intro = models.TextField(blank=True, max_length=400, help_text="Shown under the title.")

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["blog.BlogPage"]
    max_count = 1

    per_page = 10

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = BlogPage.objects.listing().descendant_of(self)

        category = None
        category_slug = request.GET.get("category", "")[:80]
        if category_slug:
            category = BlogCategory.objects.filter(slug=category_slug).first()
            articles = articles.filter(categories=category) if category else articles.none()
        tag = request.GET.get("tag", "")[:100]
        if tag:
            articles = articles.filter(tags__slug=tag).distinct()

        paginator = Paginator(articles, self.per_page)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)

        filters = request.GET.copy()
        filters.pop("page", None)
        context.update(
            articles=page_obj,
            paginator=paginator,
            categories=BlogCategory.objects.all(),
            active_category=category,
            active_tag=tag,
            filter_query=filters.urlencode(),
        )
        return context


class BlogPage(Page):
    """A health article."""

    summary = models.TextField(
        max_length=300,
        help_text="One or two sentences introducing the article. Shown in listings, search "
        "results and under the title.",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The article's main image, shown at the top and on cards.",
    )
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
        index.FilterField("date"),
    ]

    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["article_categories"] = list(self.categories.all())
        context["article_tags"] = list(self.tags.all())
        return context
