"""Model field helpers shared by the apps."""

from django.db import models


def image_field(help_text: str) -> models.ForeignKey:
    """An optional image from the library; deleting the image leaves the field empty."""
    return models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


def plain_text(instance, name: str) -> str:
    """The text of ``instance.name``: a rich text field's markup turned into words (with its
    entities decoded), any other field's value as it is. For meta descriptions and summaries."""
    from django.core.exceptions import FieldDoesNotExist

    from wagtail.fields import RichTextField
    from wagtail.rich_text import get_text_for_indexing

    value = getattr(instance, name, "") or ""
    try:
        rich = isinstance(instance._meta.get_field(name), RichTextField)
    except FieldDoesNotExist:
        rich = False
    return get_text_for_indexing(value) if rich else value
