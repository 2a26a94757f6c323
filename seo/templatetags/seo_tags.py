"""The page head's search-engine and social tags, and its JSON-LD data block."""

from django import template
from django.utils.safestring import mark_safe

from home.models import ClinicSettings
from seo import jsonld

register = template.Library()


def clinic_for(request):
    return ClinicSettings.for_request(request) if request is not None else None


@register.inclusion_tag("seo/meta.html", takes_context=True)
def seo_meta(context):
    """Meta description, robots, canonical, Open Graph and Twitter card tags for the page."""
    request = context.get("request")
    page = context.get("page")
    data = {"request": request, "site_name": getattr(clinic_for(request), "name", "")}
    if page is None or not hasattr(page, "get_meta_description"):
        return data
    image = page.get_social_image()
    data.update(
        has_page=True,
        title=page.get_meta_title(),
        description=page.get_meta_description(),
        canonical=page.get_canonical_url(request),
        noindex=page.noindex,
        og_type=page.og_type,
        image=image,
        image_url=jsonld.absolute_image_url(request, image) if image is not None else "",
        # Its real size: a small original is not enlarged to 1200×630.
        image_rendition=jsonld.social_rendition(image) if image is not None else None,
        page=page,
    )
    return data


@register.simple_tag(takes_context=True)
def page_jsonld(context):
    """One <script type="application/ld+json"> with the page's schema.org graph."""
    request = context.get("request")
    clinic = clinic_for(request)
    if clinic is None:
        return ""
    page = context.get("page")
    if page is not None and hasattr(page, "get_jsonld_nodes"):
        nodes = page.get_jsonld_nodes(request, clinic)
    else:
        nodes = [jsonld.website_node(clinic, request), jsonld.clinic_node(clinic, request)]
    return mark_safe(jsonld.script_tag(jsonld.graph(nodes)))  # noqa: S308 (escaped in dumps)
