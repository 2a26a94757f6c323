"""Site-wide pages (home, standard pages) and the clinic's editable details."""

from functools import cached_property

from django import forms
from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from seo.models import SeoMixin

from .blocks import (
    SHORT_FEATURES,
    ArticleStreamBlock,
    OpeningHoursBlock,
    ServiceCardBlock,
    SocialLinkBlock,
)
from .body import SegmentedBodyMixin
from .fields import image_field
from .routing import ServingQueriesMixin, SingleQueryRoutingMixin
from .visibility import public

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# schema.org MedicalSpecialty values a clinic like ours may offer (label shown to editors).
MEDICAL_SPECIALTIES = [
    ("Physiotherapy", "Physiotherapy"),
    ("Musculoskeletal", "Musculoskeletal (orthopaedics)"),
    ("PrimaryCare", "Primary care (family medicine)"),
    ("Dermatology", "Dermatology"),
    ("DietNutrition", "Diet and nutrition"),
    ("Pediatric", "Paediatrics"),
    ("Gynecologic", "Gynaecology"),
    ("Obstetric", "Obstetrics"),
    ("Cardiovascular", "Cardiology"),
    ("Dentistry", "Dentistry"),
    ("Psychiatric", "Psychiatry"),
    ("Radiography", "Radiography (imaging)"),
    ("LaboratoryScience", "Laboratory tests"),
]


class MultipleChoiceListField(models.JSONField):
    """A list of choices stored as JSON, edited as checkboxes (works on SQLite and PostgreSQL)."""

    def __init__(self, *args, choice_list=(), **kwargs):
        self.choice_list = list(choice_list)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choice_list"] = self.choice_list
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.choice_list,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name.capitalize(),
            help_text=self.help_text,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {key for key, _label in self.choice_list}
        unknown = [item for item in value or [] if item not in allowed]
        if unknown:
            from django.core.exceptions import ValidationError

            raise ValidationError(f"Unknown choice: {', '.join(unknown)}")


@register_setting(icon="site")
class ClinicSettings(BaseSiteSetting):
    """Everything the header, footer and call-to-action blocks say about the clinic."""

    name = models.CharField(
        max_length=100, default="Our clinic", help_text="The clinic's name as patients know it."
    )
    tagline = models.CharField(
        max_length=150, blank=True, help_text="A short line shown under the name in the footer."
    )
    logo = image_field("Shown in the header. A wide image about 3:1 works best.")
    address = models.TextField(
        blank=True, help_text="Postal address, one line per row, as it should appear on the site."
    )
    po_box = models.CharField(max_length=50, blank=True, help_text="e.g. 'P.O. Box 1234'.")
    address_locality = models.CharField(
        "Town or city",
        max_length=80,
        blank=True,
        default="Ajman",
        help_text="Told to search engines with the address, e.g. 'Ajman'.",
    )
    address_country = models.CharField(
        "Country code",
        max_length=2,
        blank=True,
        default="AE",
        help_text="Two-letter country code for search engines, e.g. 'AE' for the UAE.",
    )
    phone = models.CharField(
        max_length=30, blank=True, help_text="Main number in international format: +971 6 …"
    )
    whatsapp = models.CharField(
        max_length=30,
        blank=True,
        help_text="WhatsApp number in international format. Leave empty to hide WhatsApp links.",
    )
    email = models.EmailField(blank=True, help_text="Public enquiries address.")
    opening_hours = StreamField(
        [("hours", OpeningHoursBlock())],
        blank=True,
        help_text="One row per set of hours. 'Open 7 days a week': one row with all seven days "
        "ticked. Split hours: two rows for the same days.",
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())], blank=True, help_text="Shown as links in the footer."
    )
    medical_specialties = MultipleChoiceListField(
        blank=True,
        choice_list=MEDICAL_SPECIALTIES,
        help_text="The kinds of care the clinic offers, as search engines name them.",
    )
    medical_disclaimer = RichTextField(
        features=SHORT_FEATURES,
        blank=True,
        help_text="Shown at the end of every health article, e.g. 'This article is general "
        "information, not a diagnosis…'. Leave empty to show none.",
    )
    footer_text = RichTextField(
        features=SHORT_FEATURES, blank=True, help_text="A short note shown in the footer."
    )

    panels = [
        MultiFieldPanel([FieldPanel("name"), FieldPanel("tagline"), FieldPanel("logo")], "Clinic"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("po_box"),
                FieldPanel("address_locality"),
                FieldPanel("address_country"),
                FieldPanel("phone"),
                FieldPanel("whatsapp"),
                FieldPanel("email"),
            ],
            "Contact details",
        ),
        FieldPanel("opening_hours"),
        FieldPanel("medical_specialties"),
        FieldPanel("social_links"),
        FieldPanel("footer_text"),
        FieldPanel("medical_disclaimer"),
    ]

    @classmethod
    def for_request(cls, request):
        """As Wagtail's, but the instance comes from the page cache's store when that is shared
        (SHARED_PAGE_STORE, with Redis): every page shows the clinic's details, and they change
        rarely. Saving the settings clears that store (cms.cache); the admin's edit view reads
        the database (for_site)."""
        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        from django.conf import settings

        from wagtail.models import Site

        from cms.cache import from_page_store

        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)
        instance = from_page_store(
            f"clinic-settings:{site.pk}",
            lambda: cls.for_site(site),
            when=settings.SHARED_PAGE_STORE,
        )
        instance._request = request
        setattr(request, attr_name, instance)
        return instance

    class Meta:
        verbose_name = "Clinic details"

    def __str__(self):
        return self.name

    @property
    def phone_href(self) -> str:
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")

    @property
    def whatsapp_href(self) -> str:
        digits = "".join(ch for ch in self.whatsapp if ch.isdigit())
        return f"https://wa.me/{digits}" if digits else ""

    @property
    def address_lines(self) -> list[str]:
        return [line.strip() for line in self.address.splitlines() if line.strip()]

    @cached_property
    def hours_by_day(self) -> list[tuple[str, list[tuple]]]:
        """[(weekday, [(opens, closes), ...]), ...] in week order; an empty list means closed."""
        table = {day: [] for day in WEEKDAYS}
        for block in self.opening_hours:
            for day in block.value["days"]:
                if day in table:
                    table[day].append((block.value["opens"], block.value["closes"]))
        return [(day, sorted(table[day])) for day in WEEKDAYS]

    @property
    def open_every_day(self) -> bool:
        return all(periods for _day, periods in self.hours_by_day)

    @property
    def hours_summary(self) -> list[tuple[str, list[tuple]]]:
        """Consecutive days with the same hours folded together: [("Monday–Sunday", [...])]."""
        groups: list[tuple[list[str], list[tuple]]] = []
        for day, periods in self.hours_by_day:
            if groups and groups[-1][1] == periods:
                groups[-1][0].append(day)
            else:
                groups.append(([day], periods))
        summary = []
        for days, periods in groups:
            label = days[0] if len(days) == 1 else f"{days[0]}–{days[-1]}"
            summary.append((label, periods))
        return summary


class HomePage(SingleQueryRoutingMixin, SegmentedBodyMixin, ServingQueriesMixin, SeoMixin, Page):
    """The site root: hero, featured services, latest articles, then free-form content."""

    hero_heading = models.CharField(
        max_length=120, help_text="The page's main heading (H1). Say what the clinic does."
    )
    hero_text = models.TextField(
        blank=True, max_length=300, help_text="One or two sentences under the heading."
    )
    hero_image = image_field(
        "A wide, calm photo, shown as decoration (screen readers skip it). When the "
        "page is shared, the image's Description from the image library is its alt text."
    )
    hero_cta_text = models.CharField(
        max_length=40, blank=True, default="Book a free evaluation", help_text="Button label."
    )
    hero_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Where the hero button goes, usually the contact page.",
    )
    services_heading = models.CharField(
        max_length=120, default="Our services", help_text="Heading above the service cards."
    )
    featured_services = StreamField(
        [("service", ServiceCardBlock())],
        blank=True,
        help_text="Three or four services to highlight, in order.",
    )
    latest_heading = models.CharField(
        max_length=120, default="Latest articles", help_text="Heading above the latest articles."
    )
    body = StreamField(ArticleStreamBlock(), blank=True, help_text="Anything else for the page.")

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_cta_text"),
                FieldPanel("hero_cta_page"),
            ],
            "Hero",
        ),
        MultiFieldPanel(
            [FieldPanel("services_heading"), FieldPanel("featured_services")], "Services"
        ),
        FieldPanel("latest_heading"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("hero_heading"),
        index.SearchField("hero_text"),
        index.SearchField("body"),
    ]

    # The home page sits at the root of the site; there is only one.
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.StandardPage", "blog.BlogIndexPage", "contact.ContactPage"]
    max_count = 1

    @cached_property
    def latest_articles(self) -> list:
        """The three newest live, public articles. Loaded when the template asks (building the
        listing already reads the view restrictions), so a cached fragment costs nothing."""
        from blog.models import BlogPage

        return list(BlogPage.objects.listing()[:3])


class StandardPage(SegmentedBodyMixin, ServingQueriesMixin, SeoMixin, Page):
    """A general page: About, Services and each service."""

    intro = models.TextField(
        blank=True, max_length=400, help_text="A short introduction shown under the title."
    )
    image = image_field("Optional image shown at the top of the page.")
    body = StreamField(ArticleStreamBlock(), blank=True, help_text="The page's content.")

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    serve_select_related = ("image",)  # loaded with the page when served (routing.py)

    @cached_property
    def child_pages(self) -> list:
        """Live, public subpages, listed under the body. Loaded when the template asks, so a
        cached fragment costs nothing."""
        return list(public(self.get_children().live()).specific())
