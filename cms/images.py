"""Image uploads that fail with a form error, never a server error.

Wagtail checks the pixel count by opening the upload with Pillow, and Pillow raises
DecompressionBombError (not a validation error) for images above twice its own pixel limit,
so a 20,000 × 20,000 PNG gave the editor a 500 page. This form field turns that into the same
"too many pixels" message as any other oversized image.
"""

from django.core.exceptions import ValidationError

from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from PIL import Image as PILImage


class SafeWagtailImageField(WagtailImageField):
    def to_python(self, data):
        try:
            return super().to_python(data)
        except PILImage.DecompressionBombError as error:
            raise ValidationError(
                self.error_messages["file_too_many_pixels"]
                % {
                    "num_pixels": f"more than {PILImage.MAX_IMAGE_PIXELS}",
                    "max_pixels_count": self.max_image_pixels,
                },
                code="file_too_many_pixels",
            ) from error


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A fresh field per form, so the upload limits are read from the settings now.
        original = self.fields["file"]
        self.fields["file"] = SafeWagtailImageField(
            label=original.label,
            required=original.required,
            help_text=original.help_text,
            widget=original.widget,
        )
