"""The one shared block library: every StreamField on the site builds from these blocks.

Each block is a small StructBlock (or a configured basic block) with its own template in
``templates/blocks/``, an icon, a label, help text and a preview value so editors see what they
are adding. Page bodies use ``ArticleStreamBlock``; the home page reuses it.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.text import slugify

from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

# Rich text in body copy: enough for health writing, nothing that breaks the page design.
BODY_FEATURES = ["bold", "italic", "link", "ol", "ul"]
SHORT_FEATURES = ["bold", "italic", "link"]


HEADING_LEVELS = [("h2", "Section (H2)"), ("h3", "Sub-section (H3)")]


def heading_level_block() -> blocks.ChoiceBlock:
    """The level of a block's own heading, so it fits the outline it sits in: screen-reader
    users move through a page by its headings."""
    return blocks.ChoiceBlock(
        choices=HEADING_LEVELS,
        default="h2",
        required=False,
        help_text="H2 when this stands as a section of its own; H3 when it sits inside an H2 "
        "section (under one of its sub-headings).",
    )


def live_page_url(page, context) -> str:
    """A chosen page's address, or "" once it has been deleted or unpublished: a StreamField
    keeps the choice (a deleted page reads as None), and a link to it would be broken."""
    if page is None or not page.live:
        return ""
    return page.get_url(request=(context or {}).get("request")) or ""


# Ids the page templates use themselves (skip link target, title, contents, related articles,
# footer, search box): a heading called "Main" must not take the skip link's target.
RESERVED_IDS = frozenset(
    {
        "main",
        "page-title",
        "toc-heading",
        "related-heading",
        "footer-clinic",
        "footer-contact",
        "footer-hours",
        "footer-social",
        "search-q",
        "services-heading",  # the home page's own sections
        "latest-heading",
    }
)


def heading_level_of(child) -> str | None:
    """ "h2" or "h3" for a stream child that shows a heading, else None."""
    if child.block_type == "heading":
        return child.value.get("level")
    value = child.value
    if isinstance(value, blocks.StructValue) and value.get("heading"):
        return value.get("heading_level")
    return None


def heading_anchors(stream_value) -> dict:
    """{block id: anchor} for every heading in a stream, unique within it and apart from the
    page's own ids: a second "Causes" becomes "causes-2", so jump links and ids never
    collide."""
    anchors: dict = {}
    used: set[str] = set(RESERVED_IDS)
    for block in stream_value:
        if block.block_type != "heading":
            continue
        base = block.value.anchor_id() or "section"
        anchor, n = base, 1
        while anchor in used:
            n += 1
            anchor = f"{base}-{n}"
        used.add(anchor)
        anchors[block.id] = anchor
    return anchors


class HeadingStructValue(blocks.StructValue):
    def anchor_id(self) -> str:
        # Arabic (or any script's) headings keep their words, rather than all becoming
        # "section", "section-2", ...
        return slugify(self.get("anchor") or self.get("text") or "", allow_unicode=True)[:80]


class HeadingBlock(blocks.StructBlock):
    """A section heading; its anchor lets other pages and a table of contents link to it."""

    text = blocks.CharBlock(max_length=120, help_text="Short and descriptive, e.g. 'Causes'.")
    level = blocks.ChoiceBlock(
        choices=HEADING_LEVELS,
        default="h2",
        help_text="Use H2 for main sections and H3 only inside an H2 section.",
    )
    anchor = blocks.CharBlock(
        required=False,
        max_length=80,
        help_text="Optional link name (letters, numbers, hyphens). Defaults to the heading text.",
    )

    class Meta:
        icon = "title"
        label = "Heading"
        template = "blocks/heading_block.html"
        value_class = HeadingStructValue
        description = "A section heading (H2 or H3) with a linkable anchor."
        preview_value = {"text": "What causes muscle spasms?", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    """Body text with bold, italic, links and lists."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", BODY_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = "Paragraph"
        template = "blocks/paragraph_block.html"
        help_text = "Body text. Keep paragraphs short: most visitors read on a phone."
        description = "Rich text: paragraphs, bold, italic, links and lists."
        preview_value = (
            "<p>Most back spasms settle within a few days with gentle movement and rest.</p>"
        )


class ArabicParagraphBlock(ParagraphBlock):
    """Body text in Arabic, marked as such (lang="ar", right to left): screen readers then
    read it with an Arabic voice and browsers lay it out from the right (WCAG 3.1.2, language
    of parts). For a passage in Arabic inside a page written in English."""

    class Meta:
        icon = "pilcrow"
        label = "Paragraph in Arabic"
        template = "blocks/arabic_paragraph_block.html"
        help_text = "Text written in Arabic. It is shown right to left and read aloud in Arabic."
        description = "Rich text in Arabic, shown right to left."
        preview_value = "<p>معظم تشنجات الظهر تتحسن خلال أيام قليلة مع الحركة اللطيفة والراحة.</p>"


class CaptionedImageBlock(blocks.StructBlock):
    """An image with alt text (required unless decorative), optional caption and credit."""

    image = ImageBlock(
        help_text="Describe the image for people who cannot see it, or mark it decorative."
    )
    caption = blocks.CharBlock(required=False, max_length=250, help_text="Shown under the image.")
    credit = blocks.CharBlock(
        required=False, max_length=120, help_text="Photographer or source, if required."
    )

    def get_preview_value(self):
        """Preview with the newest image in the library, if there is one."""
        from wagtail.images import get_image_model

        image = get_image_model().objects.order_by("-created_at").first()
        if image is None:
            return None
        return self.to_python(
            {
                "image": {"image": image.pk, "decorative": False, "alt_text": image.title},
                "caption": "A caption describes what the image shows.",
                "credit": "Photographer",
            }
        )

    class Meta:
        icon = "image"
        label = "Image"
        template = "blocks/captioned_image_block.html"
        description = "An image with alt text, caption and credit, sized for every screen."


class QuoteBlock(blocks.StructBlock):
    """A pull quote, e.g. from a clinician or a patient (with their consent)."""

    quote = blocks.TextBlock(max_length=500, help_text="The quoted words, without quote marks.")
    attribution = blocks.CharBlock(
        required=False, max_length=120, help_text="Who said it, e.g. 'Lead physiotherapist'."
    )

    class Meta:
        icon = "openquote"
        label = "Quote"
        template = "blocks/quote_block.html"
        description = "A highlighted quotation with its source."
        preview_value = {
            "quote": "Gentle movement is usually better for a sore back than bed rest.",
            "attribution": "Senior physiotherapist",
        }


class CalloutBlock(blocks.StructBlock):
    """A highlighted box: general information, a caution, or when to seek urgent care."""

    style = blocks.ChoiceBlock(
        choices=[
            ("info", "Information"),
            ("warning", "Caution"),
            ("urgent", "Seek urgent care"),
        ],
        default="info",
        help_text="'Seek urgent care' is for red-flag symptoms that need emergency attention.",
    )
    heading = blocks.CharBlock(max_length=120, help_text="A short title for the box.")
    heading_level = heading_level_block()
    text = blocks.RichTextBlock(features=BODY_FEATURES, help_text="Keep it brief: a few lines.")

    class Meta:
        icon = "warning"
        label = "Callout"
        template = "blocks/callout_block.html"
        description = "A coloured box for key information, cautions or urgent-care advice."
        preview_value = {
            "style": "urgent",
            "heading": "When to seek urgent care",
            "text": "<ul><li>Weakness or numbness in the legs</li><li>Pain after a fall</li></ul>",
        }


class FAQItemBlock(blocks.StructBlock):
    """One question and its answer."""

    question = blocks.CharBlock(max_length=200, help_text="Phrase it as a visitor would ask it.")
    answer = blocks.RichTextBlock(features=BODY_FEATURES, help_text="A short, direct answer.")

    class Meta:
        icon = "help"
        label = "Question"


class FAQBlock(blocks.StructBlock):
    """Frequently asked questions, each one expandable; the same text feeds FAQ structured data."""

    heading = blocks.CharBlock(
        max_length=120,
        default="Frequently asked questions",
        help_text="Shown above the questions, and in the article's contents.",
    )
    heading_level = heading_level_block()
    items = blocks.ListBlock(FAQItemBlock(), min_num=1, label="Questions")
    emit_schema = blocks.BooleanBlock(
        required=False,
        default=True,
        label="Describe to search engines",
        help_text="Adds these questions to the page's FAQ structured data for search engines "
        "(all ticked FAQ blocks on a page are described together). Untick to leave them out.",
    )

    class Meta:
        icon = "help"
        label = "FAQ"
        template = "blocks/faq_block.html"
        description = "Questions and answers that visitors can expand one at a time."
        preview_value = {
            "heading": "Frequently asked questions",
            "items": [
                {
                    "question": "Do I need a referral?",
                    "answer": "<p>No. You can book a physiotherapy assessment directly.</p>",
                },
                {
                    "question": "How long is a first visit?",
                    "answer": "<p>Plan for about 45 minutes.</p>",
                },
            ],
            "emit_schema": True,
        }


class CallToActionBlock(blocks.StructBlock):
    """A prompt to act (e.g. book a free evaluation), with optional phone and WhatsApp links."""

    heading = blocks.CharBlock(max_length=120, help_text="e.g. 'Book a free evaluation'.")
    heading_level = heading_level_block()
    text = blocks.TextBlock(required=False, max_length=400, help_text="One or two sentences.")
    button_text = blocks.CharBlock(
        max_length=40, default="Book a free evaluation", help_text="A verb first: 'Book now'."
    )
    page = blocks.PageChooserBlock(
        required=False, help_text="Where the button goes. Choose a page or enter a URL, not both."
    )
    url = blocks.URLBlock(required=False, help_text="An external address, if not a page.")
    show_phone = blocks.BooleanBlock(
        required=False, default=True, help_text="Add a 'call us' link using the clinic's number."
    )
    show_whatsapp = blocks.BooleanBlock(
        required=False, default=False, help_text="Add a WhatsApp link using the clinic's number."
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # No button rather than a broken one if the chosen page has gone (the phone and
        # WhatsApp links still show).
        context["link"] = live_page_url(value.get("page"), parent_context) or value.get("url")
        return context

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = "Choose a page or enter a URL for the button (one of them, not both)."
            raise StructBlockValidationError(
                block_errors={
                    "page": ErrorList([ValidationError(message)]),
                    "url": ErrorList([ValidationError(message)]),
                }
            )
        return value

    class Meta:
        icon = "pick"
        label = "Call to action"
        template = "blocks/call_to_action_block.html"
        description = "A highlighted prompt with a button, and optional phone/WhatsApp links."
        preview_value = {
            "heading": "Book a free evaluation",
            "text": "Speak to a physiotherapist about your back pain.",
            "button_text": "Book now",
            "url": "https://example.com/contact/",
            "show_phone": True,
            "show_whatsapp": True,
        }


class ContactFormBlock(blocks.StructBlock):
    """Embeds a contact page's form; submissions post to, and are stored by, that page."""

    form_page = blocks.PageChooserBlock(
        page_type="contact.ContactPage",
        help_text="The contact page whose form to show. Its fields and thank-you text apply.",
    )
    heading = blocks.CharBlock(
        max_length=120, default="Book a free evaluation", help_text="Shown above the form."
    )
    intro = blocks.TextBlock(required=False, max_length=400, help_text="One or two sentences.")

    def bulk_to_python(self, values):
        """With the fragment cache on, the chosen contact page comes from the page store with
        its form's fields (``ContactPage.prepare_for_store``): an article with an inline form
        then costs no query for it, only the form rendered for each visitor."""
        if not settings.PAGE_FRAGMENT_CACHE:
            return super().bulk_to_python(values)
        page_ids = [value.get("form_page") for value in values]
        structs = super().bulk_to_python(
            [{k: v for k, v in value.items() if k != "form_page"} for value in values]
        )
        for struct, page_id in zip(structs, page_ids, strict=True):
            struct["form_page"] = stored_form_page(page_id) if page_id else None
        return structs

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        form_page = value.get("form_page")
        form_page = form_page.specific if form_page is not None else None
        request = (parent_context or {}).get("request")
        if form_page is not None and form_page.live:
            user = getattr(request, "user", None)
            source_page = (parent_context or {}).get("page")
            initial = form_page.initial_tracking(request) if request is not None else {}
            if source_page is not None:
                initial["source_page"] = source_page.pk
            context["form_page"] = form_page
            context["form"] = form_page.get_form(page=form_page, user=user, initial=initial)
        return context

    def get_preview_value(self):
        """Preview with the site's first live contact page, if there is one."""
        from contact.models import ContactPage

        page = ContactPage.objects.live().first()
        if page is None:
            return None
        return self.to_python(
            {
                "form_page": page.pk,
                "heading": "Book a free evaluation",
                "intro": "Leave your details and we will call you back.",
            }
        )

    class Meta:
        icon = "form"
        label = "Contact form"
        template = "blocks/contact_form_block.html"
        description = "The form of a contact page, shown inline (e.g. at the end of an article)."


def stored_form_page(page_id):
    """The contact page ``page_id`` with its form's fields, through the page store (cleared
    whenever a page is published or changes); None if there is no such page."""
    from cms.cache import from_page_store
    from contact.models import ContactPage

    def load():
        page = ContactPage.objects.filter(pk=page_id).first()
        if page is not None:
            page.prepare_for_store()
        return page

    # "v2": before the MISSING marker, a deleted page was kept as False under "form-page:".
    return from_page_store(f"form-page:v2:{page_id}", load)


class VideoBlock(blocks.StructBlock):
    """A video from YouTube or Vimeo, embedded with a caption."""

    video = EmbedBlock(help_text="Paste the address of a YouTube or Vimeo video.")
    caption = blocks.CharBlock(required=False, max_length=250, help_text="What the video shows.")

    def get_preview_value(self):
        """Preview with a video the site already embeds (stored by Wagtail: nothing to fetch),
        if there is one."""
        from wagtail.embeds.models import Embed

        embed = Embed.objects.filter(type="video").order_by("-last_updated").first()
        if embed is None:
            return None
        return self.to_python({"video": embed.url, "caption": "A caption says what it shows."})

    class Meta:
        icon = "media"
        label = "Video"
        template = "blocks/video_block.html"
        description = "An embedded video with a caption."


class TableBlock(WagtailTableBlock):
    """A simple data table, e.g. opening hours or a comparison; first row is the header."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "table_options",
            {"startRows": 3, "startCols": 2, "colHeaders": False, "rowHeaders": False},
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "table"
        label = "Table"
        template = "blocks/table_block.html"
        help_text = "Tick 'row header' for the first row. Add a caption describing the table."
        description = "A small table of data with a caption and header row."
        preview_value = {
            "data": [["Day", "Hours"], ["Every day", "08:00–22:00"]],
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": "Opening hours",
        }


# What may come before the DOI itself: a doi.org link (any scheme, dx. or www.) or "doi:".
DOI_PREFIX = re.compile(r"^(?:(?:https?://)?(?:(?:dx|www)\.)?doi\.org/|doi:?)\s*", re.IGNORECASE)


def doi_name(doi: str) -> str:
    """The DOI itself (10.xxxx/...) from what an editor pasted: the bare DOI, a doi.org,
    dx.doi.org or www.doi.org link, or a citation's "doi: 10.xxxx/..." (with or without the
    space)."""
    return DOI_PREFIX.sub("", (doi or "").strip(), count=1).strip()


class ReferenceStructValue(blocks.StructValue):
    def doi_name(self) -> str:
        return doi_name(self.get("doi"))

    def link(self) -> str:
        """The address to link to: the URL, else the DOI as a https://doi.org/ link."""
        if self.get("url"):
            return self["url"]
        doi = self.doi_name()
        return f"https://doi.org/{doi}" if doi else ""


class ReferenceBlock(blocks.StructBlock):
    """One source: what it is, who published it, where to find it and when it was checked."""

    title = blocks.CharBlock(
        max_length=300, help_text="The title of the page, guideline or paper, as published."
    )
    publisher = blocks.CharBlock(
        required=False,
        max_length=200,
        help_text="Who published it, e.g. 'NHS', 'World Health Organization' or a journal name.",
    )
    url = blocks.URLBlock(
        required=False, help_text="The full web address. Give this or a DOI (not both needed)."
    )
    doi = blocks.CharBlock(
        required=False,
        max_length=200,
        label="DOI",
        help_text="For journal papers, e.g. 10.1016/S0140-6736(18)30480-X. Leave empty if you "
        "gave a web address.",
    )
    accessed = blocks.DateBlock(
        required=False, help_text="The date you last checked the source said what we cite."
    )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("url") and not value.get("doi"):
            message = "Give the source's web address or its DOI."
            raise StructBlockValidationError(
                block_errors={
                    "url": ErrorList([ValidationError(message)]),
                    "doi": ErrorList([ValidationError(message)]),
                }
            )
        if value.get("doi") and not doi_name(value["doi"]).startswith("10."):
            message = "A DOI starts with 10. (for example 10.1016/S0140-6736(18)30480-X)."
            raise StructBlockValidationError(
                block_errors={"doi": ErrorList([ValidationError(message)])}
            )
        return value

    class Meta:
        icon = "link"
        label = "Reference"
        value_class = ReferenceStructValue


class ReferencesBlock(blocks.StructBlock):
    """The sources an article relies on, shown as a numbered list (and given to search engines
    as the article's citations)."""

    heading = blocks.CharBlock(
        max_length=120, default="References", help_text="Shown as an H2 above the list."
    )
    items = blocks.ListBlock(ReferenceBlock(), min_num=1, label="Sources")

    class Meta:
        icon = "list-ol"
        label = "References"
        template = "blocks/references_block.html"
        description = "A numbered list of sources: title, publisher, link or DOI, date checked."
        preview_value = {
            "heading": "References",
            "items": [
                {
                    "title": "Back pain",
                    "publisher": "NHS",
                    "url": "https://www.nhs.uk/conditions/back-pain/",
                    "doi": "",
                    "accessed": "2026-01-15",
                }
            ],
        }


class ArticleStreamBlock(blocks.StreamBlock):
    """The palette every page body offers, grouped in the block picker as editors look for
    them: writing, media, and what turns a reader into a patient."""

    heading = HeadingBlock(group="Text")
    paragraph = ParagraphBlock(group="Text")
    arabic_paragraph = ArabicParagraphBlock(group="Text")
    quote = QuoteBlock(group="Text")
    callout = CalloutBlock(group="Text")
    faq = FAQBlock(group="Text")
    table = TableBlock(group="Text")
    references = ReferencesBlock(group="Text")
    image = CaptionedImageBlock(group="Media")
    video = VideoBlock(group="Media")
    cta = CallToActionBlock(group="Booking")
    contact_form = ContactFormBlock(group="Booking")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["heading_anchors"] = heading_anchors(value)
        return context

    def clean(self, value):
        """An H3 (a heading, or an FAQ, callout or call to action set to H3) only inside a
        section: after an H2. Screen-reader users move through a page by its headings, and a
        level skipped from the page's H1 reads as a section missing."""
        value = super().clean(value)
        errors = {}
        in_section = False
        for index, child in enumerate(value):
            level = heading_level_of(child)
            if level == "h2":
                in_section = True
            elif level == "h3" and not in_section:
                errors[index] = ValidationError(
                    "An H3 belongs inside a section: add an H2 heading above it, or make this "
                    "one H2."
                )
        if errors:
            raise blocks.StreamBlockValidationError(block_errors=errors)
        return value

    class Meta:
        template = "blocks/stream_block.html"
        # One form a page: two would repeat the same field ids, and visitors need only one.
        block_counts = {"contact_form": {"max_num": 1}}


class ServiceCardBlock(blocks.StructBlock):
    """A featured service on the home page, linking to its page."""

    title = blocks.CharBlock(max_length=60, help_text="The service name, e.g. 'Physiotherapy'.")
    summary = blocks.TextBlock(max_length=200, help_text="One sentence on who it helps.")
    page = blocks.PageChooserBlock(help_text="The page describing this service.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["link"] = live_page_url(value.get("page"), parent_context)  # "" once it has gone
        return context

    class Meta:
        icon = "doc-full"
        label = "Service"
        template = "blocks/service_card_block.html"
        description = "A card linking to a service page."


class OpeningHoursBlock(blocks.StructBlock):
    """Opening times for one or more weekdays; add several rows for split hours."""

    days = blocks.MultipleChoiceBlock(
        choices=[
            ("Monday", "Monday"),
            ("Tuesday", "Tuesday"),
            ("Wednesday", "Wednesday"),
            ("Thursday", "Thursday"),
            ("Friday", "Friday"),
            ("Saturday", "Saturday"),
            ("Sunday", "Sunday"),
        ],
        help_text="Tick every day these hours apply to (all seven for 'open 7 days a week').",
    )
    opens = blocks.TimeBlock(help_text="Opening time, e.g. 08:00.")
    closes = blocks.TimeBlock(help_text="Closing time, e.g. 22:00.")

    class Meta:
        icon = "time"
        label = "Opening hours"


class SocialLinkBlock(blocks.StructBlock):
    """A link to one of the clinic's social media profiles."""

    network = blocks.ChoiceBlock(
        choices=[
            ("Instagram", "Instagram"),
            ("Facebook", "Facebook"),
            ("LinkedIn", "LinkedIn"),
            ("YouTube", "YouTube"),
            ("TikTok", "TikTok"),
            ("X", "X"),
        ],
        help_text="Which network the link goes to (shown as the link's text).",
    )
    url = blocks.URLBlock(help_text="The full address of the profile.")

    class Meta:
        icon = "link"
        label = "Social link"
