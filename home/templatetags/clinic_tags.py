from django import template
from django.conf import settings

from wagtail.models import Site
from wagtail.templatetags.wagtail_cache import WagtailPageCacheNode

from cms.cache import from_page_store
from home.visibility import public

register = template.Library()


class PageFragmentNode(WagtailPageCacheNode):
    """Wagtail's ``wagtailpagecache`` (keyed by the page's cache_key and the site; skipped in
    previews), kept in the page cache's store: everything there is cleared whenever content
    changes (cms.cache), so a fragment can show other pages and snippets too."""

    def render(self, context):
        # A fragment inside another is rendered in place: the outer one keeps it.
        if not settings.PAGE_FRAGMENT_CACHE or context.get("inside_page_fragment"):
            return self.nodelist.render(context)
        with context.push(
            page_fragment_seconds=settings.PAGE_CACHE_SECONDS, inside_page_fragment=True
        ):
            return super().render(context)


class PageContentNode(PageFragmentNode):
    """A page's whole content as one fragment when none of it is rendered per visitor (no
    contact form in its body); otherwise rendered in place, its own fragments then kept one by
    one around the form."""

    def render(self, context):
        # A page type that cannot say (no SegmentedBodyMixin) is treated as holding a form.
        if getattr(context.get("page"), "has_per_visitor_blocks", True):
            return self.nodelist.render(context)
        return super().render(context)


@register.tag
def pagecontent(parser, token):
    """``{% pagecontent %}...{% endpagecontent %}``: see PageContentNode."""
    nodelist = parser.parse(("endpagecontent",))
    parser.delete_first_token()
    return fragment_node(PageContentNode, nodelist, parser, "content", [])


@register.tag
def pagefragment(parser, token):
    """``{% pagefragment "name" [vary_on ...] %}...{% endpagefragment %}``: only for what is the
    same for every visitor of the page (never a form: its CSRF token is per visitor)."""
    nodelist = parser.parse(("endpagefragment",))
    parser.delete_first_token()
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("pagefragment needs a fragment name")
    return fragment_node(PageFragmentNode, nodelist, parser, bits[1], bits[2:])


def fragment_node(node_class, nodelist, parser, name, vary_on):
    return node_class(
        nodelist,
        parser.compile_filter("page_fragment_seconds"),
        name,
        [parser.compile_filter(bit) for bit in vary_on],
        parser.compile_filter(f'"{settings.WAGTAIL_CACHE_BACKEND}"'),
    )


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The site root's live, public children that editors marked 'Show in menus'. Kept in the
    page cache's store when it is shared (SHARED_PAGE_STORE; cleared whenever content changes,
    see cms.cache): every page shows it."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    current_page = context.get("page")
    if site is None:
        return {"menu_pages": [], "current_page": current_page, "request": request}
    menu = from_page_store(
        f"main-menu:{site.pk}",
        lambda: menu_for(site.root_page),
        when=settings.SHARED_PAGE_STORE,
    )
    ancestor_ids = []
    if current_page is not None and getattr(current_page, "path", None):
        # Derive ancestors from the materialised path instead of querying for them.
        ancestor_paths = {
            current_page.path[:i]
            for i in range(len(menu["root_path"]) + 4, len(current_page.path), 4)
        }
        ancestor_ids = [page["pk"] for page in menu["pages"] if page["path"] in ancestor_paths]
    return {
        "menu_pages": menu["pages"],
        "current_page": current_page,
        "current_ancestor_ids": ancestor_ids,
        "request": request,
    }


def menu_for(root) -> dict:
    return {
        "root_path": root.path,
        "pages": [
            {"pk": page.pk, "title": page.title, "path": page.path, "url": page.get_url()}
            for page in public(root.get_children().live()).in_menu()
        ],
    }


@register.filter
def get_item(mapping, key):
    """`mapping|get_item:key`: a dictionary lookup with a variable key (None when absent)."""
    return mapping.get(key) if hasattr(mapping, "get") else None
