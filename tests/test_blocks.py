"""Each shared block renders its template, validates what editors enter, and previews."""

from django.core.exceptions import ValidationError

from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

import pytest
from bs4 import BeautifulSoup

from blog.models import BlogIndexPage
from home import blocks
from home.blocks import ArticleStreamBlock
from tests import factories


def render(block, value, context=None):
    return BeautifulSoup(block.render(block.to_python(value), context or {}), "html.parser")


def test_heading_renders_level_and_anchor_from_text():
    html = render(blocks.HeadingBlock(), {"text": "What causes it?", "level": "h3", "anchor": ""})
    heading = html.find("h3")
    assert heading.get_text() == "What causes it?"
    assert heading["id"] == "what-causes-it"


def test_heading_uses_editor_anchor_when_given():
    html = render(blocks.HeadingBlock(), {"text": "Causes", "level": "h2", "anchor": "Why It"})
    assert html.find("h2")["id"] == "why-it"


def test_paragraph_keeps_allowed_markup():
    html = render(blocks.ParagraphBlock(), "<p>Rest <b>briefly</b></p><ul><li>walk</li></ul>")
    assert html.find("b").get_text() == "briefly"
    assert html.find("li").get_text() == "walk"


def test_quote_renders_blockquote_with_attribution():
    html = render(blocks.QuoteBlock(), {"quote": "Keep moving.", "attribution": "Physio"})
    assert html.find("blockquote").get_text(strip=True) == "Keep moving."
    assert html.find("figcaption").get_text() == "Physio"


@pytest.mark.parametrize(("style", "label"), [("info", None), ("urgent", "Urgent:")])
def test_callout_styles(style, label):
    html = render(
        blocks.CalloutBlock(),
        {"style": style, "heading": "Red flags", "text": "<p>Call 998.</p>"},
    )
    aside = html.find("aside")
    assert f"callout--{style}" in aside["class"]
    heading_text = aside.find("h2").get_text(" ", strip=True)
    assert heading_text.endswith("Red flags")
    if label:
        assert heading_text.startswith(label)


def test_faq_renders_each_item_as_details_with_stable_ids():
    block = blocks.FAQBlock()
    value = block.to_python(
        {
            "heading": "FAQ",
            "items": [
                {"type": "item", "value": {"question": "Q1?", "answer": "<p>A1</p>"}, "id": "a1"},
                {"type": "item", "value": {"question": "Q2?", "answer": "<p>A2</p>"}, "id": "b2"},
            ],
            "emit_schema": True,
        }
    )
    html = BeautifulSoup(block.render(value), "html.parser")
    details = html.find_all("details")
    assert [d.summary.get_text() for d in details] == ["Q1?", "Q2?"]
    assert [d["id"] for d in details] == ["q-a1", "q-b2"]
    assert details[0].find(class_="faq__answer").get_text(strip=True) == "A1"


def test_cta_needs_exactly_one_of_page_or_url():
    block = blocks.CallToActionBlock()
    base = {"heading": "Book", "text": "", "button_text": "Book now"}
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python(dict(base, url="")))
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python(dict(base, url="https://example.com/", page=None)) | {})
    assert block.clean(block.to_python(dict(base, url="https://example.com/book/")))


@pytest.mark.django_db
def test_cta_links_to_page_and_uses_clinic_phone_and_whatsapp(rf, contact_page):
    from wagtail.models import Site

    from home.models import ClinicSettings

    clinic = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    clinic.phone = "+971 6 555 0100"
    clinic.whatsapp = "+971 50 555 0101"
    clinic.save()
    block = blocks.CallToActionBlock()
    value = block.to_python(
        {
            "heading": "Book a free evaluation",
            "text": "Talk to us.",
            "button_text": "Book now",
            "page": contact_page.pk,
            "url": "",
            "show_phone": True,
            "show_whatsapp": True,
        }
    )
    html = BeautifulSoup(block.render(value, {"settings": _settings_proxy(clinic)}), "html.parser")
    hrefs = [a["href"] for a in html.find_all("a")]
    assert hrefs == [contact_page.url, "tel:+97165550100", "https://wa.me/971505550101"]


@pytest.mark.django_db
@pytest.mark.parametrize("gone", ["deleted", "unpublished"])
def test_a_cta_whose_page_has_gone_shows_no_broken_button(client, home, contact_page, gone):
    cta = factories.cta_block(contact_page, show_phone=False, show_whatsapp=False)
    page = factories.StandardPageFactory(parent=home, slug="offer", body=[cta])
    contact_page.delete() if gone == "deleted" else contact_page.unpublish()

    response = client.get(page.url)
    assert response.status_code == 200
    section = BeautifulSoup(response.content, "html.parser").find("section", class_="cta")
    assert section is not None and section.find("a") is None  # no button to a missing page


@pytest.mark.django_db
@pytest.mark.parametrize("gone", ["deleted", "unpublished"])
def test_the_home_page_survives_a_featured_service_page_being_removed(client, home, gone):
    kept = factories.StandardPageFactory(parent=home, slug="physio", title="Physio")
    removed = factories.StandardPageFactory(parent=home, slug="dermatology", title="Skin")
    home.featured_services = [
        ("service", {"title": t, "summary": "Care.", "page": p})
        for t, p in [("Physiotherapy", kept), ("Dermatology", removed)]
    ]
    home.save_revision().publish()
    removed.delete() if gone == "deleted" else removed.unpublish()

    response = client.get("/")
    assert response.status_code == 200
    cards = BeautifulSoup(response.content, "html.parser").select(".card--service .card__title")
    assert [(c.get_text(strip=True), c.find("a") and c.find("a")["href"]) for c in cards] == [
        ("Physiotherapy", "/physio/"),
        ("Dermatology", None),
    ]


def test_cta_button_goes_to_an_external_address_when_no_page_is_chosen():
    block = blocks.CallToActionBlock()
    value = block.to_python(
        {
            "heading": "Book",
            "text": "",
            "button_text": "Book now",
            "page": None,
            "url": "https://example.com/book/",
            "show_phone": False,
            "show_whatsapp": False,
        }
    )
    html = BeautifulSoup(block.render(value, {"settings": {}}), "html.parser")
    assert [a["href"] for a in html.find_all("a")] == ["https://example.com/book/"]


def _settings_proxy(clinic):
    return {"home": {"ClinicSettings": clinic}}


@pytest.mark.django_db
def test_image_block_requires_alt_text_unless_decorative():
    image = factories.ImageFactory()
    block = blocks.CaptionedImageBlock()
    missing_alt = {
        "image": {"image": image.pk, "decorative": False, "alt_text": ""},
        "caption": "",
        "credit": "",
    }
    with pytest.raises((StructBlockValidationError, ValidationError)):
        block.clean(block.to_python(missing_alt))
    decorative = dict(missing_alt, image={"image": image.pk, "decorative": True, "alt_text": ""})
    assert block.clean(block.to_python(decorative))


@pytest.mark.django_db
def test_image_block_renders_webp_srcset_with_alt_and_caption():
    image = factories.ImageFactory(width=1600, height=900)
    block = blocks.CaptionedImageBlock()
    html = render(
        block,
        {
            "image": {"image": image.pk, "decorative": False, "alt_text": "A stretching exercise"},
            "caption": "Stretch gently",
            "credit": "Clinic photo",
        },
    )
    img = html.find("img")
    assert img["alt"] == "A stretching exercise"
    assert img["srcset"].count(".webp") == 3
    assert "sizes" in img.attrs
    assert html.find("figcaption").get_text(" ", strip=True) == "Stretch gently Clinic photo"


def test_table_renders_header_row_and_caption():
    block = blocks.TableBlock()
    value = {
        "data": [["Day", "Hours"], ["Monday", "08:00–22:00"]],
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "table_caption": "Opening hours",
    }
    html = BeautifulSoup(block.render(value), "html.parser")
    assert html.find("caption").get_text() == "Opening hours"
    assert [th.get_text() for th in html.select("thead th")] == ["Day", "Hours"]
    assert [td.get_text() for td in html.select("tbody td")] == ["Monday", "08:00–22:00"]


@pytest.mark.django_db
def test_contact_form_block_embeds_the_chosen_pages_form_in_an_article(client, contact_page):
    article = factories.BlogPageFactory(
        parent=contact_page.get_parent().get_children().type(BlogIndexPage).first()
        or factories.BlogIndexPageFactory(parent=contact_page.get_parent()),
        body=[
            {"type": "paragraph", "value": "<p>Text.</p>"},
            {
                "type": "contact_form",
                "value": {"form_page": contact_page.pk, "heading": "Book here", "intro": "Hi"},
            },
        ],
    )
    html = BeautifulSoup(client.get(article.url).content, "html.parser")
    section = html.find("section", class_="contact-form-block")
    assert section.find("h2").get_text() == "Book here"
    form = section.find("form")
    assert form["action"] == contact_page.url
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"}) is not None
    assert form.find("input", attrs={"name": "full_name"}) is not None


@pytest.mark.django_db
def test_contact_form_block_renders_nothing_for_an_unpublished_form_page(rf, contact_page):
    contact_page.unpublish()
    block = blocks.ContactFormBlock()
    value = block.to_python({"form_page": contact_page.pk, "heading": "Book", "intro": ""})
    request = rf.get("/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    assert block.render(value, {"request": request}).strip() == ""


def test_every_block_has_icon_label_template_and_description():
    for name, child in ArticleStreamBlock().child_blocks.items():
        meta = child.meta
        assert meta.icon and meta.icon != "placeholder", name
        assert meta.label, name
        assert meta.template and meta.template.startswith("blocks/"), name
        assert meta.description, name


@pytest.mark.django_db
def test_blocks_with_preview_values_render_their_preview(client, admin_user):
    from django.urls import reverse

    client.force_login(admin_user)
    stream = ArticleStreamBlock()
    previewed = 0
    for name, child in stream.child_blocks.items():
        if child.get_preview_value() is None:
            continue
        assert child.render(child.get_preview_value(), {"settings": {}}), name
        previewed += 1
    assert previewed >= 6
    # Wagtail's preview view uses our overridden preview template with the site stylesheet.
    from django.template.loader import get_template

    assert "css/site.css" in get_template("wagtailcore/shared/block_preview.html").template.source
    assert reverse("wagtailadmin_block_preview")


def stored_video(url="https://www.youtube.com/watch?v=clinic-demo"):
    """An embed as Wagtail keeps it after fetching it once from the provider."""
    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.models import Embed

    return Embed.objects.create(
        url=url,
        max_width=None,
        hash=get_embed_hash(url),
        type="video",
        html='<iframe src="https://www.youtube-nocookie.com/embed/x" title="Back care"></iframe>',
        title="Back care exercises",
        width=640,
        height=360,
    )


@pytest.mark.django_db
def test_video_block_renders_the_stored_embed_with_its_caption():
    """Embeds are fetched from the provider once and kept in Wagtail's Embed table; a stored
    one renders without any network access."""
    url = stored_video().url
    block = blocks.VideoBlock()
    html = BeautifulSoup(
        block.render(block.to_python({"video": url, "caption": "Three gentle stretches"})),
        "html.parser",
    )
    assert html.find("iframe")["title"] == "Back care"
    assert html.find("figcaption").get_text() == "Three gentle stretches"
    assert html.find(style=True) is None  # the strict CSP allows no inline style


def test_videos_come_from_the_providers_the_csp_lets_in_only():
    from wagtail.embeds.finders import get_finders

    [finder] = get_finders()
    assert finder.accept("https://www.youtube.com/watch?v=abc123")
    assert finder.accept("https://youtu.be/abc123")
    assert finder.accept("https://vimeo.com/123456")
    assert not finder.accept("https://www.tiktok.com/@clinic/video/7000000000000000000")
    assert not finder.accept("https://twitter.com/clinic/status/1")


def test_stored_embed_markup_has_no_obsolete_iframe_attributes():
    from home.embeds import clean_embed_html

    youtube = (
        '<iframe width="200" height="113" src="https://www.youtube.com/embed/abc123?feature=oembed"'
        ' frameborder="0" allow="autoplay; encrypted-media" referrerpolicy="strict-origin-when-'
        'cross-origin" allowfullscreen title="Back care"></iframe>'
    )
    cleaned = BeautifulSoup(clean_embed_html(youtube), "html.parser").find("iframe")
    assert "frameborder" not in cleaned.attrs
    assert cleaned["title"] == "Back care" and "allowfullscreen" in cleaned.attrs
    assert cleaned["src"].startswith("https://www.youtube.com/embed/abc123")


@pytest.mark.django_db
def test_a_body_holds_at_most_one_contact_form(contact_page):
    """Two forms on a page would repeat the same field ids (and labels would point at the
    first); editors get a clear message instead."""
    block = ArticleStreamBlock()
    one = block.to_python([factories.contact_form_block(contact_page)])
    assert block.clean(one)
    two = block.to_python([factories.contact_form_block(contact_page)] * 2)
    with pytest.raises(ValidationError) as error:
        block.clean(two)
    assert "Contact form" in str(error.value.as_json_data())


@pytest.mark.django_db
def test_video_block_previews_a_video_the_site_already_embeds():
    block = blocks.VideoBlock()
    assert block.get_preview_value() is None  # none yet: the picker shows the description
    stored_video()
    html = BeautifulSoup(block.render(block.get_preview_value()), "html.parser")
    assert html.find("iframe")["title"] == "Back care"


@pytest.mark.django_db
def test_image_and_contact_form_blocks_preview_with_real_content(contact_page):
    image = factories.ImageFactory(title="Stretching at a desk")
    preview = blocks.CaptionedImageBlock().get_preview_value()
    assert preview["image"].pk == image.pk
    assert preview["image"].contextual_alt_text == "Stretching at a desk"
    form_preview = blocks.ContactFormBlock().get_preview_value()
    assert form_preview["form_page"].pk == contact_page.pk
    table = blocks.TableBlock()
    assert "<caption>Opening hours</caption>" in table.render(table.get_preview_value())


def test_headings_with_the_same_text_get_distinct_anchors_and_matching_jump_links(
    client, blog_index
):
    article = factories.BlogPageFactory(
        parent=blog_index,
        body=[
            {"type": "heading", "value": {"text": "Causes", "level": "h2", "anchor": ""}},
            {"type": "paragraph", "value": "<p>In the back.</p>"},
            {"type": "heading", "value": {"text": "Causes", "level": "h2", "anchor": ""}},
            {"type": "paragraph", "value": "<p>In the neck.</p>"},
        ],
    )
    html = BeautifulSoup(client.get(article.url).content, "html.parser")
    ids = [h["id"] for h in html.select("h2.block-heading")]
    assert ids == ["causes", "causes-2"]
    links = [a["href"] for a in html.select("nav a[href^='#causes']")]
    assert links == ["#causes", "#causes-2"]


def test_a_whole_body_rendered_at_once_gets_unique_heading_anchors():
    stream = ArticleStreamBlock()
    heading = {"text": "Causes", "level": "h2", "anchor": ""}
    value = stream.to_python(
        [{"type": "heading", "value": heading, "id": block_id} for block_id in ("a", "b")]
    )

    html = BeautifulSoup(stream.render(value, {"settings": {}}), "html.parser")
    assert [h["id"] for h in html.select("h2.block-heading")] == ["causes", "causes-2"]


def test_heading_anchors_never_take_the_pages_own_ids_and_keep_arabic_words():
    stream = ArticleStreamBlock()
    texts = ["Main", "Related heading", "Latest heading", "الأسباب"]
    value = stream.to_python(
        [
            {"type": "heading", "value": {"text": text, "level": "h2", "anchor": ""}, "id": str(n)}
            for n, text in enumerate(texts)
        ]
    )

    assert list(blocks.heading_anchors(value).values()) == [
        "main-2",
        "related-heading-2",
        "latest-heading-2",
        "الأسباب",
    ]


def test_a_wide_table_can_be_scrolled_from_the_keyboard():
    value = blocks.TableBlock().to_python(
        {"data": [["Day", "Hours"], ["Friday", "9–5"]], "first_row_is_table_header": True}
    )
    html = BeautifulSoup(blocks.TableBlock().render(value), "html.parser")

    wrap = html.select_one(".table-wrap")
    assert wrap["tabindex"] == "0" and wrap["role"] == "region" and wrap["aria-label"]


def test_an_arabic_paragraph_is_marked_arabic_and_right_to_left(client, blog_index):
    article = factories.BlogPageFactory(
        parent=blog_index,
        body=[
            {"type": "paragraph", "value": "<p>In English.</p>"},
            {"type": "arabic_paragraph", "value": "<p>نحن هنا لمساعدتك.</p>"},
        ],
    )
    html = BeautifulSoup(client.get(article.url).content, "html.parser")

    arabic = html.find(lang="ar")
    assert arabic["dir"] == "rtl"
    assert arabic.get_text(strip=True) == "نحن هنا لمساعدتك."
    assert html.find(string="In English.").find_parent(lang="ar") is None


@pytest.mark.parametrize(
    ("first", "then", "refused_at"),
    [
        ({"type": "heading", "value": {"text": "Causes", "level": "h3", "anchor": ""}}, None, 0),
        (
            {"type": "heading", "value": {"text": "Causes", "level": "h2", "anchor": ""}},
            {"type": "heading", "value": {"text": "Posture", "level": "h3", "anchor": ""}},
            None,
        ),
        (
            {"type": "paragraph", "value": "<p>Intro.</p>"},
            {
                "type": "callout",
                "value": {
                    "style": "info",
                    "heading": "Note",
                    "heading_level": "h3",
                    "text": "<p>Rest for a day.</p>",
                },
            },
            1,
        ),
    ],
)
def test_an_h3_is_only_accepted_inside_a_section(first, then, refused_at):
    stream = ArticleStreamBlock()
    value = stream.to_python([block for block in (first, then) if block])

    if refused_at is None:
        assert stream.clean(value)
    else:
        with pytest.raises(StreamBlockValidationError) as error:
            stream.clean(value)
        assert list(error.value.block_errors) == [refused_at]
        assert "inside a section" in str(error.value.block_errors[refused_at])


def test_the_demo_pages_have_their_headings_in_order(db):
    import io

    from django.core.management import call_command

    from wagtail.models import Page

    call_command("load_demo", stdout=io.StringIO())
    checked = 0
    for page in Page.objects.live().specific():
        body = getattr(page, "body", None)
        if body is not None:
            body.stream_block.clean(body)  # raises on a heading out of order
            checked += 1
    assert checked >= 5
