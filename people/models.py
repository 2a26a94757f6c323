"""Clinicians and writers: authors and medical reviewers of articles."""

from django.conf import settings
from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from home.fields import image_field


@register_snippet
class Person(index.Indexed, models.Model):
    """A member of the clinic's team who writes or medically reviews content."""

    name = models.CharField(max_length=120, help_text="Full name with title, e.g. 'Dr Sara Ali'.")
    credentials = models.CharField(
        max_length=120, blank=True, help_text="Qualifications shown after the name, e.g. 'DPT'."
    )
    speciality = models.CharField(
        max_length=120, blank=True, help_text="e.g. 'Physiotherapist' or 'Family physician'."
    )
    licence_number = models.CharField(
        max_length=60, blank=True, help_text="Professional licence number, e.g. from MOHAP or DHA."
    )
    photo = image_field("A square head-and-shoulders photo.")
    bio = models.TextField(blank=True, max_length=600, help_text="Two or three sentences.")
    languages = models.CharField(
        max_length=120, blank=True, help_text="Languages spoken, e.g. 'English, Arabic'."
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
        verbose_name="admin login",
        help_text="This clinician's admin login, if they have one. When they approve a "
        "medical review, they are recorded as the article's reviewer.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("credentials"), FieldPanel("speciality")], "Who"
        ),
        FieldPanel("licence_number"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("languages"),
        FieldPanel("user", permission="superuser"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "person"
        verbose_name_plural = "people"

    def __str__(self):
        return self.display_name

    @classmethod
    def for_user(cls, user) -> "Person":
        """The clinician linked to an admin login; created from the login's name if missing, so
        an approval is always attributed to the person who gave it."""
        person = cls.objects.filter(user=user).first()
        if person is None:
            person = cls.objects.create(
                name=(user.get_full_name() or user.get_username())[:120], user=user
            )
        return person

    @property
    def display_name(self) -> str:
        return f"{self.name}, {self.credentials}" if self.credentials else self.name
