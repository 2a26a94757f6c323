"""Structured data (schema.org JSON-LD) built from the same fields the page shows.

Every builder is plain Python returning a dict; ``dumps`` serialises safely for a
``<script type="application/ld+json">`` data block (``<``, ``>`` and ``&`` escaped as in
Django's ``json_script``, so no field can close the script element). Nodes on one page share
``@id`` references: the website, the clinic (publisher), the breadcrumb trail, the page.
"""

import json
import logging

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from wagtail.images.models import SourceImageIOError
from wagtail.models import Site
from wagtail.templatetags.wagtailcore_tags import richtext

SCHEMA = "https://schema.org/"
ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}
SOCIAL_RENDITION = "fill-1200x630|format-jpeg"

logger = logging.getLogger(__name__)


def dumps(data) -> str:
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(ESCAPES)


def script_tag(data) -> str:
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(dumps(data)))  # noqa: S308


def graph(nodes: list[dict]) -> dict:
    return {"@context": "https://schema.org", "@graph": [node for node in nodes if node]}


def site_root(request) -> str:
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.get(is_default_site=True)
    return site.root_url.rstrip("/") + "/"


def social_rendition(image, spec=SOCIAL_RENDITION):
    """The rendition for meta tags and JSON-LD, or None when the original file cannot be read
    (media lost, or a database restored without its media): the page is then served without
    that image, as the ``{% image %}`` tags do, never as a 500 on every page. The meta tags
    and the JSON-LD both ask: it is kept on the image, so the second asks neither the cache
    nor the database (get_rendition also writes the cache)."""
    renditions = image.__dict__.setdefault("_social_renditions", {})
    if spec not in renditions:
        try:
            renditions[spec] = image.get_rendition(spec)
        except SourceImageIOError:
            logger.warning("Image %s: original file unreadable, left out", image.pk, exc_info=True)
            renditions[spec] = None
    return renditions[spec]


def absolute_image_url(request, image, spec=SOCIAL_RENDITION) -> str:
    """The rendition's absolute address; empty when there is none (see social_rendition)."""
    rendition = social_rendition(image, spec)
    if rendition is None:
        return ""
    url = rendition.url
    return request.build_absolute_uri(url) if request is not None else rendition.full_url


# --- the clinic and the website ----------------------------------------------------------------
def opening_hours_specification(clinic) -> list[dict]:
    """One entry per distinct opening period, listing every weekday it applies to: 'open 7 days
    a week 08:00–22:00' is one entry with seven days; split hours are two entries."""
    periods: dict[tuple, list[str]] = {}
    for day, day_periods in clinic.hours_by_day:
        for opens, closes in day_periods:
            periods.setdefault((opens, closes), []).append(day)
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [SCHEMA + day for day in days],
            "opens": opens.strftime("%H:%M"),
            "closes": closes.strftime("%H:%M"),
        }
        for (opens, closes), days in periods.items()
    ]


def postal_address(clinic) -> dict | None:
    lines = clinic.address_lines
    if not lines and not clinic.address_locality:
        return None
    address = {"@type": "PostalAddress"}
    # The last address line usually repeats the town and country given separately below.
    locality = clinic.address_locality
    street = [line for line in lines if not locality or locality not in line]
    if street:
        address["streetAddress"] = ", ".join(street)
    if clinic.po_box:
        address["postOfficeBoxNumber"] = clinic.po_box
    if clinic.address_locality:
        address["addressLocality"] = clinic.address_locality
    if clinic.address_country:
        address["addressCountry"] = clinic.address_country
    return address


def clinic_node(clinic, request) -> dict:
    root = site_root(request)
    node = {
        "@type": "MedicalClinic",
        "@id": root + "#clinic",
        "name": clinic.name,
        "url": root,
    }
    if clinic.tagline:
        node["slogan"] = clinic.tagline
    logo = ""
    if clinic.logo_id:
        logo = absolute_image_url(request, clinic.logo, "height-96|format-png")
    if logo:
        node["logo"] = logo
    if clinic.phone:
        node["telephone"] = clinic.phone
    if clinic.email:
        node["email"] = clinic.email
    address = postal_address(clinic)
    if address:
        node["address"] = address
    hours = opening_hours_specification(clinic)
    if hours:
        node["openingHoursSpecification"] = hours
    if clinic.medical_specialties:
        node["medicalSpecialty"] = [SCHEMA + name for name in clinic.medical_specialties]
    same_as = [block.value["url"] for block in clinic.social_links]
    if same_as:
        node["sameAs"] = same_as
    return node


def website_node(clinic, request) -> dict:
    root = site_root(request)
    search = root.rstrip("/") + reverse("search")
    return {
        "@type": "WebSite",
        "@id": root + "#website",
        "url": root,
        "name": clinic.name,
        "inLanguage": "en",
        "publisher": {"@id": root + "#clinic"},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": search + "?q={search_term_string}"},
            "query-input": "required name=search_term_string",
        },
    }


# --- any page ----------------------------------------------------------------------------------
def breadcrumb_node(page, request) -> dict | None:
    """The same trail as the visible breadcrumbs: Home, then each ancestor, then the page."""
    ancestors = page.breadcrumb_ancestors
    if not ancestors:
        return None
    # An ancestor that is not live (a draft section above a live page) is a 404: named, not
    # linked, as in the visible breadcrumbs.
    trail = [
        ("Home" if a.depth == 2 else a.title, a.get_full_url(request) if a.live else None)
        for a in ancestors
    ]
    trail.append((page.title, page.get_full_url(request)))
    items = []
    for position, (name, url) in enumerate(trail, start=1):
        item = {"@type": "ListItem", "position": position, "name": name}
        if url:
            item["item"] = url
        items.append(item)
    return {
        "@type": "BreadcrumbList",
        "@id": page.get_full_url(request) + "#breadcrumb",
        "itemListElement": items,
    }


def faq_items(stream_value) -> list[tuple[str, str]]:
    """(question, answer HTML) for every item of every FAQ block marked for search engines,
    rendered exactly as the visible FAQ renders them."""
    items = []
    for block in stream_value or []:
        if block.block_type == "faq" and block.value.get("emit_schema"):
            for item in block.value["items"]:
                items.append((item["question"], str(richtext(item["answer"]))))
    return items


def faq_node(page, request, stream_value) -> dict | None:
    items = faq_items(stream_value)
    if not items:
        return None
    return {
        "@type": "FAQPage",
        "@id": page.get_full_url(request) + "#faq",
        "mainEntity": [
            {
                "@type": "Question",
                "name": question,
                "acceptedAnswer": {"@type": "Answer", "text": answer},
            }
            for question, answer in items
        ],
    }


def page_nodes(page, request, clinic) -> list[dict]:
    nodes = [website_node(clinic, request), clinic_node(clinic, request)]
    nodes.append(breadcrumb_node(page, request))
    nodes.append(faq_node(page, request, getattr(page, "body", None)))
    return [node for node in nodes if node]


# --- health articles ---------------------------------------------------------------------------
def person_node(person, request) -> dict:
    node = {"@type": "Person", "@id": site_root(request) + f"#person-{person.pk}"}
    node["name"] = person.name
    if person.credentials:
        node["honorificSuffix"] = person.credentials
    if person.speciality:
        node["jobTitle"] = person.speciality
    node["worksFor"] = {"@id": site_root(request) + "#clinic"}
    return node


def citation_nodes(references) -> list[dict]:
    citations = []
    for item in references:
        citation = {"@type": "CreativeWork", "name": item["title"]}
        if item.get("publisher"):
            citation["publisher"] = {"@type": "Organization", "name": item["publisher"]}
        if item.link():
            citation["url"] = item.link()
        citations.append(citation)
    return citations


def article_node(page, request) -> dict:
    """MedicalWebPage for a health article: what it is about, who wrote and reviewed it, when."""
    url = page.get_full_url(request)
    root = site_root(request)
    node = {
        "@type": "MedicalWebPage",
        "@id": url + "#webpage",
        "url": page.get_canonical_url(request),
        "name": page.title,
        "headline": page.title,
        "description": page.get_meta_description(),
        "inLanguage": "en",
        "isPartOf": {"@id": root + "#website"},
        "publisher": {"@id": root + "#clinic"},
        "breadcrumb": {"@id": url + "#breadcrumb"},
        "datePublished": page.date.isoformat(),
    }
    if page.last_published_at:
        node["dateModified"] = timezone.localtime(page.last_published_at).isoformat()
    if page.author_id:
        node["author"] = person_node(page.author, request)
    if page.reviewer_id:
        node["reviewedBy"] = person_node(page.reviewer, request)
    if page.last_reviewed:
        node["lastReviewed"] = page.last_reviewed.isoformat()
    if page.category_list:
        node["about"] = [{"@type": "Thing", "name": c.name} for c in page.category_list]
    if page.tag_list:
        node["keywords"] = ", ".join(tag.name for tag in page.tag_list)
    image = page.get_social_image()
    image_url = absolute_image_url(request, image) if image is not None else ""
    if image_url:
        node["image"] = image_url
    citations = citation_nodes(page.references)
    if citations:
        node["citation"] = citations
    return node
