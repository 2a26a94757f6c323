"""The contact / booking page, built on Wagtail's form builder so staff control the fields."""

from django.db import models

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from modelcluster.fields import ParentalKey

from home.blocks import BODY_FEATURES


class FormField(AbstractFormField):
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")


class ContactPage(AbstractEmailForm):
    """A page with a form; submissions are stored and listed under Forms in the admin."""

    intro = RichTextField(
        features=BODY_FEATURES, blank=True, help_text="Shown above the form: what happens next."
    )
    thank_you_text = RichTextField(
        features=BODY_FEATURES,
        blank=True,
        help_text="Shown after a successful submission, e.g. when the clinic will call back.",
    )

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label="Form fields", heading="Form fields"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            "Notification e-mail",
            permission="superuser",
        ),
    ]
    search_fields = AbstractEmailForm.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "contact page"
