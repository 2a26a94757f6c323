"""The enquiry form: fields built by staff in the admin, plus the fields every enquiry needs
(consent, anti-spam token, honeypot, where the visitor came from)."""

import re
import time
import unicodedata
import uuid

from django import forms
from django.conf import settings
from django.core import signing

from wagtail.contrib.forms.forms import BaseForm, FormBuilder

import phonenumbers

TOKEN_SALT = "contact.form-token"  # noqa: S105 - a namespace, not a secret
HONEYPOT_FIELD = "website"
TOKEN_FIELD = "form_token"  # noqa: S105 - a field name
SOURCE_FIELD = "source_page"
CONSENT_FIELD = "consent"
UTM_FIELDS = ("utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content")

MESSAGE_MAX_LENGTH = 5000
# Bidirectional overrides and marks, zero-width spaces: invisible, and used to disguise text.
# The zero-width non-joiner and joiner (U+200C, U+200D) are kept: Persian, Urdu and other
# scripts spell words with them, and emoji are built with the joiner.
INVISIBLE_CHARACTERS = re.compile("[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def clean_text(value: str) -> str:
    """NFC-normalise and drop invisible formatting characters; keep every script as typed."""
    value = unicodedata.normalize("NFC", value)
    value = INVISIBLE_CHARACTERS.sub("", value)
    return value.strip()


def make_token() -> str:
    """A signed, timestamped, single-use id for one rendering of the form."""
    return signing.TimestampSigner(salt=TOKEN_SALT).sign(uuid.uuid4().hex)


def read_token(token: str, max_age: int):
    """Return (token id, age in seconds) or raise signing.BadSignature."""
    signer = signing.TimestampSigner(salt=TOKEN_SALT)
    value = signer.unsign(token, max_age=max_age)  # checks the signature and the expiry
    stamped = signing.Signer.unsign(signer, token)  # "value:timestamp", signature checked
    timestamp = signing.b62_decode(stamped.rsplit(signer.sep, 1)[1])
    return value, time.time() - timestamp


class TelInput(forms.TextInput):
    input_type = "tel"


class PhoneNumberField(forms.CharField):
    """A phone number in any common format (UAE by default, Arabic-Indic digits included),
    stored in E.164: '050 123 4567' -> '+971501234567'. An extension is kept after it
    ('06 555 0100 ext 5' -> '+97165550100 ext. 5'): dropping it would leave the front desk
    calling a switchboard."""

    default_error_messages = {
        "invalid": "Enter a valid phone number, for example 050 123 4567 or +971 50 123 4567.",
    }

    widget = TelInput

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 32)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.update({"autocomplete": "tel", "inputmode": "tel"})
        return attrs

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return value
        try:
            number = phonenumbers.parse(value, settings.PHONENUMBER_DEFAULT_REGION)
        except phonenumbers.NumberParseException as error:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from error
        if not phonenumbers.is_valid_number(number):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        return f"{e164} ext. {number.extension}" if number.extension else e164


def international_phone(value: str) -> str:
    """For a number PhoneNumberField stored: '' when it is in the clinic's country
    (PHONENUMBER_DEFAULT_REGION), else its country's ISO code and calling code, 'GB (+44)'
    ('+800' alone for an international service number). International numbers are accepted,
    and flagged so the front desk dials the right code (and knows the visitor may be abroad, in
    another time zone). Country names would need phonenumbers' geocoder, which loads about
    100 MB of place names into every process that imports it."""
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return ""
    region = phonenumbers.region_code_for_number(number)
    if region == settings.PHONENUMBER_DEFAULT_REGION:
        return ""
    calling_code = f"+{number.country_code}"
    return f"{region} ({calling_code})" if region and region != "001" else calling_code


class EnquiryFormBuilder(FormBuilder):
    def create_phone_field(self, field, options):
        return PhoneNumberField(**options)

    def create_multiline_field(self, field, options):
        options["max_length"] = MESSAGE_MAX_LENGTH
        return super().create_multiline_field(field, options)

    def get_form_class(self):
        return type("EnquiryForm", (EnquiryForm,), self.formfields)


AUTOCOMPLETE_BY_LABEL = (
    (re.compile(r"\bname\b", re.I), "name"),
    (re.compile(r"e-?mail", re.I), "email"),
)


class EnquiryForm(BaseForm):
    """Adds consent, the anti-spam token and honeypot, and where the enquiry came from."""

    def __init__(self, *args, consent_text="", **kwargs):
        super().__init__(*args, **kwargs)
        self.builder_field_names = list(self.fields)
        for field in self.fields.values():
            for pattern, token in AUTOCOMPLETE_BY_LABEL:
                if pattern.search(str(field.label)) and not isinstance(field, PhoneNumberField):
                    field.widget.attrs.setdefault("autocomplete", token)
        if consent_text:
            self.fields[CONSENT_FIELD] = forms.BooleanField(
                label=consent_text,
                required=True,
                error_messages={"required": "Please tick this box so we can contact you."},
            )
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            required=False,
            label="Leave this field empty",
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        hidden = {"required": False, "widget": forms.HiddenInput}
        self.fields[TOKEN_FIELD] = forms.CharField(max_length=200, **hidden)
        self.fields[SOURCE_FIELD] = forms.IntegerField(min_value=1, **hidden)
        for name in UTM_FIELDS:
            self.fields[name] = forms.CharField(max_length=100, **hidden)
        if not self.is_bound:
            self.initial.setdefault(TOKEN_FIELD, make_token())

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if isinstance(value, str) and name != TOKEN_FIELD:
                cleaned[name] = clean_text(value)
                field = self.fields.get(name)
                if value and not cleaned[name] and field is not None and field.required:
                    # Only invisible characters: as empty as it looks.
                    self.add_error(name, field.error_messages["required"])
        return cleaned

    def add_error(self, field, error):
        super().add_error(field, error)
        # Tie each message to its input for screen readers (Django adds the help text only).
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                described = widget.attrs.get("aria-describedby", "").split()
                error_id = f"{self[name].auto_id}_error"
                if error_id not in described:
                    help_id = f"{self[name].auto_id}_helptext"
                    ids = ([help_id] if self.fields[name].help_text else []) + [error_id]
                    widget.attrs["aria-describedby"] = " ".join(ids)

    @property
    def submitted_data(self) -> dict:
        """Only what the visitor answered in the staff-built fields."""
        return {name: self.cleaned_data.get(name) for name in self.builder_field_names}

    def phone_country(self) -> str:
        """The country of the first phone number answered outside the clinic's country, or ''
        (see international_phone)."""
        for name in self.builder_field_names:
            value = self.cleaned_data.get(name)
            is_phone = isinstance(self.fields[name], PhoneNumberField)
            if value and is_phone and (country := international_phone(value)):
                return country
        return ""

    @property
    def honeypot_filled(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())
