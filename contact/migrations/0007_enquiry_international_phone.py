"""The international phone flag on each enquiry, and the same flag for the enquiries that
came before it, so the front desk's *International phone number* filter finds them too."""

from django.conf import settings
from django.db import migrations, models

import phonenumbers


def international_phone(value: str) -> str:
    """contact.forms.international_phone as it was when this migration was written (a
    migration keeps its own copy: the app's code may change later)."""
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return ""
    region = phonenumbers.region_code_for_number(number)
    if region == settings.PHONENUMBER_DEFAULT_REGION:
        return ""
    calling_code = f"+{number.country_code}"
    return f"{region} ({calling_code})" if region and region != "001" else calling_code


def flag_earlier_enquiries(apps, schema_editor):
    FormField = apps.get_model("contact", "FormField")
    Enquiry = apps.get_model("contact", "Enquiry")
    phone_fields: dict[int, list[str]] = {}
    for page_id, name in FormField.objects.filter(field_type="phone").values_list(
        "page_id", "clean_name"
    ):
        phone_fields.setdefault(page_id, []).append(name)
    flagged = []
    enquiries = Enquiry.objects.filter(page_id__in=phone_fields, international_phone="")
    for enquiry in enquiries.only("pk", "page_id", "form_data").iterator():
        for name in phone_fields[enquiry.page_id]:
            value = enquiry.form_data.get(name)
            if isinstance(value, str) and value and (country := international_phone(value)):
                enquiry.international_phone = country
                flagged.append(enquiry)
                break
    Enquiry.objects.bulk_update(flagged, ["international_phone"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0006_enquiry_page_protect"),
    ]

    operations = [
        migrations.AddField(
            model_name="enquiry",
            name="international_phone",
            field=models.CharField(
                blank=True,
                help_text="For a phone number from another country: that country's code and its "
                "calling code, for example GB (+44). Dial the number with that code.",
                max_length=100,
                verbose_name="international phone number",
            ),
        ),
        migrations.RunPython(flag_earlier_enquiries, migrations.RunPython.noop),
    ]
