"""Factories for the page tree, snippets and images used across the tests."""

import datetime

from django.utils import timezone

import factory
import wagtail_factories

from blog.models import BlogCategory, BlogIndexPage, BlogPage
from contact.models import ContactPage, FormField
from home.models import HomePage, StandardPage
from people.models import Person


class PersonFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Dr Test Clinician {n}")
    credentials = "DPT"
    speciality = "Physiotherapist"

    class Meta:
        model = Person


class BlogCategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")

    class Meta:
        model = BlogCategory


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    slug = "test-home"
    hero_heading = "Physiotherapy and family care, 7 days a week"
    hero_text = "Book a free evaluation with our team."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    intro = "An introduction."
    body = factory.LazyFunction(
        lambda: [{"type": "paragraph", "value": "<p>Standard page text.</p>"}]
    )

    class Meta:
        model = StandardPage


class BlogIndexPageFactory(wagtail_factories.PageFactory):
    title = "Health articles"
    slug = "blog"
    intro = "Advice from our clinicians."

    class Meta:
        model = BlogIndexPage


class BlogPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Article {n}")
    summary = "A short summary of the article."
    date = factory.LazyFunction(timezone.localdate)
    author = factory.SubFactory(PersonFactory)
    reviewer = factory.SubFactory(PersonFactory)
    last_reviewed = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=3))
    body = factory.LazyFunction(
        lambda: [
            {"type": "heading", "value": {"text": "Causes", "level": "h2", "anchor": ""}},
            {"type": "paragraph", "value": "<p>Article body text.</p>"},
        ]
    )

    class Meta:
        model = BlogPage


class ContactPageFactory(wagtail_factories.PageFactory):
    title = "Book a free evaluation"
    slug = "contact"
    intro = "<p>Tell us how we can help.</p>"
    thank_you_text = "<p>Thank you: we will call you back today.</p>"
    to_address = "frontdesk@example.com"
    from_address = "website@example.com"
    subject = "New enquiry"

    class Meta:
        model = ContactPage
        skip_postgeneration_save = True

    @factory.post_generation
    def fields(obj, create, extracted, **kwargs):
        if not create:
            return
        specs = extracted or [
            ("Full name", "singleline", True, ""),
            ("Phone number", "phone", True, ""),
            ("Email address", "email", False, ""),
            ("Preferred contact method", "radio", True, "Phone call\nWhatsApp\nEmail"),
            ("Service", "dropdown", False, "Physiotherapy\nDermatology"),
            ("How can we help?", "multiline", False, ""),
        ]
        for order, (label, field_type, required, choices) in enumerate(specs):
            FormField.objects.create(
                page=obj,
                sort_order=order,
                label=label,
                field_type=field_type,
                required=required,
                choices=choices,
            )


ImageFactory = wagtail_factories.ImageFactory


def faq_block(items, emit_schema=True, heading="Frequently asked questions", level="h2"):
    """A FAQ stream block value: items are (question, answer HTML) pairs."""
    return {
        "type": "faq",
        "value": {
            "heading": heading,
            "heading_level": level,
            "items": [{"question": q, "answer": a} for q, a in items],
            "emit_schema": emit_schema,
        },
    }


def references_block(items, heading="References"):
    """A references stream block value: items are dicts of title/publisher/url/doi/accessed."""
    return {
        "type": "references",
        "value": {
            "heading": heading,
            "items": [
                {"title": "", "publisher": "", "url": "", "doi": "", "accessed": None, **item}
                for item in items
            ],
        },
    }


def image_block(image, alt_text="", decorative=False, caption=""):
    """An image stream block value (CaptionedImageBlock over Wagtail's ImageBlock)."""
    return {
        "type": "image",
        "value": {
            "image": {"image": image.pk, "decorative": decorative, "alt_text": alt_text},
            "caption": caption,
            "credit": "",
        },
    }


def legacy_image_block(image, caption=""):
    """An image stream block as saved before ImageBlock: a bare image id, whose alt text is the
    image's default alt text (description, else title)."""
    return {"type": "image", "value": {"image": image.pk, "caption": caption, "credit": ""}}


def cta_block(page, heading="Book", show_phone=True, show_whatsapp=True):
    """A call to action whose button goes to ``page``."""
    return {
        "type": "cta",
        "value": {
            "heading": heading,
            "text": "",
            "button_text": "Book now",
            "page": page.pk,
            "url": "",
            "show_phone": show_phone,
            "show_whatsapp": show_whatsapp,
        },
    }


def contact_form_block(contact_page, heading="Book"):
    """The contact page's form, embedded in a body."""
    return {
        "type": "contact_form",
        "value": {"form_page": contact_page.pk, "heading": heading, "intro": ""},
    }
