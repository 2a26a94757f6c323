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
